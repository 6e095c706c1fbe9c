import t from 'tap'
import {
  catalogue,
  isTreguesiError,
  languages,
  messageIn,
  messagesSq,
  TreguesiError,
  type ErrorDetails,
  type TreguesiErrorCode,
} from '../src/index.js'

// One example per code, typed so that a new code cannot be added without one, with its message in
// English and in Albanian.
const examples: { [C in TreguesiErrorCode]: { details: ErrorDetails[C]; message: string; sq: string } } = {
  TRG_CONFIG_INVALID: {
    details: {
      issues: [
        { variable: 'PORT', problem: 'must be a number' },
        { variable: 'HOST', problem: 'is not set' },
      ],
    },
    message: 'Invalid configuration: PORT: must be a number; HOST: is not set',
    sq: 'Konfigurim i pavlefshëm: PORT: must be a number; HOST: is not set',
  },
  TRG_STORE_INVALID_APPEND: {
    details: { stream: 'plan-1', field: 'events', problem: 'must not be empty' },
    message: 'Cannot append to "plan-1": events must not be empty',
    sq: 'Nuk mund të shtohet në "plan-1": events must not be empty',
  },
  TRG_STORE_INVALID_READ: {
    details: { field: 'maxCount', problem: 'must be positive' },
    message: 'Cannot read: maxCount must be positive',
    sq: 'Leximi nuk është i mundur: maxCount must be positive',
  },
  TRG_STORE_WRONG_EXPECTED_REVISION: {
    details: { stream: 'plan-1', expected: 3n, actual: 'no_stream' },
    message: 'Stream "plan-1" was expected at revision 3 but is at no_stream',
    sq: 'Rrjedha "plan-1" pritej të ishte në rishikimin 3, por është në no_stream',
  },
  TRG_STORE_DUPLICATE_EVENT_ID: {
    details: { stream: 'plan-1', eventId: 'e1' },
    message: 'Event id e1 is already recorded elsewhere; it cannot be appended to "plan-1"',
    sq: 'Ngjarja me id e1 është regjistruar tashmë gjetkë; nuk mund të shtohet në "plan-1"',
  },
  TRG_STORE_CLOSED: {
    details: { operation: 'append' },
    message: 'The event store is closed: append is not possible',
    sq: 'Depoja e ngjarjeve është e mbyllur: veprimi append nuk është i mundur',
  },
  TRG_STORE_UNAVAILABLE: {
    details: { store: 'eventstoredb', reason: 'connection refused' },
    message: 'The eventstoredb event store is unavailable: connection refused',
    sq: 'Depoja e ngjarjeve eventstoredb nuk është e arritshme: connection refused',
  },
  TRG_CURRENCY_MISMATCH: {
    details: { field: 'total', expected: 'ALL', actual: 'EUR' },
    message: 'total is in EUR but must be in ALL: amounts of different currencies are never added',
    sq: 'total është në EUR, por duhet të jetë në ALL: shumat në monedha të ndryshme nuk mblidhen kurrë',
  },
  TRG_INVALID_COMMAND: {
    details: { command: 'AddMeasure', field: 'code', problem: 'must not be empty' },
    message: 'AddMeasure: code must not be empty',
    sq: 'Komanda AddMeasure: fusha code must not be empty',
  },
  TRG_COMMAND_ID_REUSED: {
    details: { commandId: '0b6c3f52-2d0e-4c4e-9b4e-3f1f6a0d9c11', field: 'commandId', stream: 'plan-7' },
    message:
      'Command id 0b6c3f52-2d0e-4c4e-9b4e-3f1f6a0d9c11 was already used for another command (recorded in "plan-7"): a retry must send the same command; a new command needs a new id',
    sq: 'Id-ja e komandës 0b6c3f52-2d0e-4c4e-9b4e-3f1f6a0d9c11 është përdorur tashmë për një komandë tjetër (e regjistruar në "plan-7"): një riprovim duhet të dërgojë të njëjtën komandë; një komandë e re kërkon një id të re',
  },
  TRG_ALREADY_EXISTS: {
    details: { entity: 'municipality', id: 'ELB' },
    message: 'municipality ELB already exists',
    sq: 'municipality ELB ekziston tashmë',
  },
  TRG_NOT_FOUND: { details: { entity: 'plan', id: 'p1' }, message: 'plan p1 does not exist', sq: 'plan p1 nuk ekziston' },
  TRG_INVALID_STATE: {
    details: { entity: 'measure', id: 'm1', state: 'completed', action: 'postponed' },
    message: 'measure m1 is completed: it cannot be postponed',
    sq: 'measure m1 është në gjendjen completed: veprimi "postponed" nuk lejohet',
  },
  TRG_PLAN_CLOSED: {
    details: { planId: 'p1' },
    message: 'plan p1 is closed: nothing in it can change',
    sq: 'plani p1 është i mbyllur: asgjë në të nuk mund të ndryshojë',
  },
  TRG_PLAN_LOCKED: {
    details: { planId: 'p1', state: 'approved' },
    message:
      'plan p1 is approved: its structure, baselines and targets change only after a reviewer returns it or reopens it with a reason',
    sq: 'plani p1 është në gjendjen approved: struktura, vlerat bazë dhe objektivat e tij ndryshojnë vetëm pasi një shqyrtues e kthen ose e rihap me një arsye',
  },
  TRG_PERIOD_LOCKED: {
    details: { planId: 'p1', period: '2024-H1', round: '2024', state: 'submitted' },
    message:
      'the report of plan p1 for 2024 is submitted: figures of 2024-H1 change only after a reviewer returns it or reopens it with a reason',
    sq: 'raporti i planit p1 për 2024 është në gjendjen submitted: shifrat e 2024-H1 ndryshojnë vetëm pasi një shqyrtues e kthen ose e rihap me një arsye',
  },
  TRG_PERIOD_OUTSIDE_PLAN: {
    details: { field: 'period', period: '2026', planPeriod: '2022–2024' },
    message: "period 2026 is outside the plan's period 2022–2024",
    sq: 'period 2026 është jashtë periudhës së planit 2022–2024',
  },
  TRG_VALUE_ALREADY_REPORTED: {
    details: { indicatorId: 'i1', period: '2024' },
    message: 'indicator i1 already has a value for 2024: correct it instead (the old value stays in history)',
    sq: 'treguesi i1 ka tashmë një vlerë për 2024: korrigjojeni atë (vlera e vjetër mbetet në histori)',
  },
  TRG_VALUE_NOT_REPORTED: {
    details: { indicatorId: 'i1', period: '2024' },
    message: 'indicator i1 has no value for 2024 to correct',
    sq: 'treguesi i1 nuk ka vlerë për 2024 që të korrigjohet',
  },
  TRG_BREAKDOWN_MISMATCH: {
    details: { indicatorId: 'i1', dimension: 'sex', total: '80', sum: '79', rule: 'equal' },
    message: 'indicator i1: the breakdown by sex adds up to 79, not to the total 80',
    sq: 'treguesi i1: zbërthimi sipas sex mblidhet në 79, jo në totalin 80',
  },
  TRG_INDICATOR_COMPUTED: {
    details: { indicatorId: 'i1' },
    message: 'indicator i1 is a budget share: its actual is computed from budget events, never typed in',
    sq: 'treguesi i1 është pjesë e buxhetit: vlera e tij faktike llogaritet nga ngjarjet e buxhetit dhe nuk shkruhet kurrë me dorë',
  },
  TRG_UNIT_MISMATCH: {
    details: { field: 'value', unit: 'count', problem: 'must be a whole number' },
    message: 'value does not fit the unit count: must be a whole number',
    sq: 'value nuk i përshtatet njësisë count: must be a whole number',
  },
  TRG_UNAUTHENTICATED: {
    details: { reason: 'the token has expired' },
    message: 'Not authenticated: the token has expired',
    sq: 'Nuk jeni identifikuar: the token has expired',
  },
  TRG_FORBIDDEN: {
    details: { action: 'record values for DRE', reason: 'an editor writes only for ELB' },
    message: 'Not allowed to record values for DRE: an editor writes only for ELB',
    sq: 'Nuk keni të drejtë për këtë veprim (record values for DRE): an editor writes only for ELB',
  },
  TRG_NOT_CONSISTENT: {
    details: { position: '120', reached: '118', waitedMs: 5000 },
    message: 'The read models did not reach position 120 within 5000 ms (they are at 118); retry',
    sq: 'Modelet e leximit nuk arritën pozicionin 120 brenda 5000 ms (janë në 118); provoni sërish',
  },
  TRG_AS_OF_NOT_READY: {
    details: { indexedEvents: 412000, waitedMs: 5000 },
    message:
      'Answers as of an earlier moment are not available yet: the history is being indexed (412000 events so far, waited 5000 ms); retry',
    sq: 'Përgjigjet për një çast të mëparshëm nuk janë ende gati: historia po indeksohet (412000 ngjarje deri tani, u pritën 5000 ms); provoni sërish',
  },
  TRG_LIMIT_EXCEEDED: {
    details: { limit: 'query depth', maximum: 12, actual: 15 },
    message: 'The request exceeds the query depth limit: 15 where at most 12 is allowed',
    sq: 'Kërkesa e kalon kufirin (query depth): 15, ndërsa lejohen të shumtën 12',
  },
  TRG_INVALID_VALUE: {
    details: { type: 'Period', value: '2024-H3', problem: 'must be a year (2024), a half-year (2024-H1) or a quarter (2024-Q3)' },
    message: '"2024-H3" is not a valid Period: must be a year (2024), a half-year (2024-H1) or a quarter (2024-Q3)',
    sq: '"2024-H3" nuk është vlerë e vlefshme për Period: must be a year (2024), a half-year (2024-H1) or a quarter (2024-Q3)',
  },
  TRG_EVENT_INVALID: {
    details: { type: 'plan.drafted.v1', problem: 'title.sq must not be empty' },
    message: 'Event plan.drafted.v1 is invalid: title.sq must not be empty',
    sq: 'Ngjarja plan.drafted.v1 është e pavlefshme: title.sq must not be empty',
  },
  TRG_UPCASTER_MISSING: {
    details: { type: 'municipality.registered.v1', problem: 'has no upcaster to a newer version' },
    message: 'Events of type municipality.registered.v1 cannot be read as a current version: has no upcaster to a newer version',
    sq: 'Ngjarjet e llojit municipality.registered.v1 nuk mund të lexohen si version i tanishëm: has no upcaster to a newer version',
  },
  TRG_BAD_REQUEST: {
    details: { problem: 'the body is not JSON' },
    message: 'Bad request: the body is not JSON',
    sq: 'Kërkesë e gabuar: the body is not JSON',
  },
  TRG_QUERY_SYNTAX: {
    details: { problem: 'Expected Name, found <EOF>.', line: 1, column: 9 },
    message: 'The query does not parse at line 1, column 9: Expected Name, found <EOF>.',
    sq: 'Pyetja ka gabim sintakse në rreshtin 1, kolona 9: Expected Name, found <EOF>.',
  },
  TRG_QUERY_INVALID: {
    details: { problem: 'Cannot query field "nothing" on type "Query".' },
    message: 'The query does not fit the schema: Cannot query field "nothing" on type "Query".',
    sq: 'Pyetja nuk përputhet me skemën: Cannot query field "nothing" on type "Query".',
  },
  TRG_VARIABLE_INVALID: {
    details: { variable: 'id', problem: 'must be given' },
    message: 'Variable $id is invalid: must be given',
    sq: 'Ndryshorja $id është e pavlefshme: must be given',
  },
  TRG_RATE_LIMITED: {
    details: { limit: '60 requests a minute for anonymous callers', retryAfterSeconds: 12 },
    message: 'Too many requests (60 requests a minute for anonymous callers); retry after 12 s',
    sq: 'Shumë kërkesa (60 requests a minute for anonymous callers); provoni sërish pas 12 s',
  },
  TRG_OVERLOADED: {
    details: { reason: 'event loop delay above 1000 ms', retryAfterSeconds: 10 },
    message: 'The service is overloaded (event loop delay above 1000 ms); retry after 10 s',
    sq: 'Shërbimi është i mbingarkuar (event loop delay above 1000 ms); provoni sërish pas 10 s',
  },
  TRG_EVENT_UNREADABLE: {
    details: { position: '91', problem: 'its data is not JSON' },
    message: 'The event at position 91 cannot be read: its data is not JSON',
    sq: 'Ngjarja në pozicionin 91 nuk mund të lexohet: its data is not JSON',
  },
  TRG_REBUILD_REFUSED: {
    details: { reason: 'the log fails verification at position 91' },
    message: 'The rebuilt read models were not swapped in: the log fails verification at position 91',
    sq: 'Modelet e leximit të rindërtuara nuk u vunë në përdorim: the log fails verification at position 91',
  },
  TRG_EXPORT_UNMAPPED: {
    details: { format: 'figures.dhis2.json', unmapped: ['org unit of municipality ELB', 'data element of national indicator AL-X'] },
    message:
      "The figures.dhis2.json export names what it holds in the receiver's codes, and these have none yet: org unit of municipality ELB; data element of national indicator AL-X",
    sq: 'Eksporti figures.dhis2.json i emërton të dhënat me kodet e marrësit, por këto ende nuk kanë kod: org unit of municipality ELB; data element of national indicator AL-X',
  },
  TRG_RENDERER_UNAVAILABLE: {
    details: { renderer: 'chromium at /usr/bin/chromium', reason: 'is not installed' },
    message: 'The document cannot be printed: chromium at /usr/bin/chromium is not installed',
    sq: 'Dokumenti nuk mund të printohet: chromium at /usr/bin/chromium is not installed',
  },
}

/** An example as a loop over every code reads it: its details fit its own code, whichever that is. */
type Example = { details: never; message: string; sq: string }

t.test('every code builds its message from its details and keeps its category', async (t) => {
  for (const code of Object.keys(catalogue) as TreguesiErrorCode[]) {
    const { details, message } = examples[code] as Example
    const error = new TreguesiError(code, details)
    t.equal(error.message, message, code)
    t.equal(error.code, code)
    t.equal(error.category, catalogue[code].category)
    t.equal(error.details, details)
    t.equal(error.name, 'TreguesiError')
  }
  t.match(new TreguesiError('TRG_NOT_CONSISTENT', { position: '3', reached: null, waitedMs: 10 }).message, /at the start/)
  t.equal(
    new TreguesiError('TRG_STORE_WRONG_EXPECTED_REVISION', { stream: 's', expected: 'no_stream', actual: 0n }).message,
    'Stream "s" was expected at no_stream but is at revision 0',
  )
})

t.test('every code speaks Albanian and English, each message its own', async (t) => {
  t.same(languages, ['sq', 'en'], 'Albanian first: the language of a caller that names none')
  t.same(Object.keys(messagesSq).sort(), Object.keys(catalogue).sort(), 'an Albanian message for every code, and no other')
  for (const code of Object.keys(catalogue) as TreguesiErrorCode[]) {
    const { details, message, sq } = examples[code] as Example
    const error = new TreguesiError(code, details)
    t.equal(messageIn(error, 'en'), message, `${code} in English is its message`)
    t.equal(messageIn(error, 'sq'), sq, `${code} in Albanian`)
    t.ok(sq.trim().length > 0 && message.trim().length > 0, `${code}: neither is empty`)
    t.not(sq, message, `${code}: the Albanian is not the English`)
    t.equal(error.message, message, `${code}: the error's own message stays English`)
  }
  t.equal(
    messageIn(new TreguesiError('TRG_NOT_CONSISTENT', { position: '3', reached: null, waitedMs: 10 }), 'sq'),
    'Modelet e leximit nuk arritën pozicionin 3 brenda 10 ms (janë ende në fillim); provoni sërish',
  )
  t.equal(
    messageIn(new TreguesiError('TRG_STORE_WRONG_EXPECTED_REVISION', { stream: 's', expected: 'no_stream', actual: 0n }), 'sq'),
    'Rrjedha "s" pritej të ishte në no_stream, por është në rishikimin 0',
  )
  const atMost = { indicatorId: 'i1', dimension: 'age', total: '80', sum: '81', rule: 'at-most' } as const
  t.equal(
    messageIn(new TreguesiError('TRG_BREAKDOWN_MISMATCH', atMost), 'sq'),
    'treguesi i1: zbërthimi sipas age mblidhet në 81, më shumë se totali 80',
  )
})

t.test('Albanian letters survive the wire: precomposed, and the same after UTF-8 and JSON', async (t) => {
  const albanian = (Object.keys(catalogue) as TreguesiErrorCode[]).map((code) => (examples[code] as Example).sq)
  const letters = albanian.join('')
  t.ok(letters.includes('ë') && letters.includes('ç'), 'the messages use ë and ç')
  t.notMatch(letters, /Ã|\uFFFD/, 'no text decoded with the wrong charset')
  for (const sq of albanian) {
    t.equal(sq.normalize('NFC'), sq, 'one code point per letter, as clients compare them')
    t.equal(Buffer.from(sq, 'utf8').toString('utf8'), sq)
    t.equal(JSON.parse(JSON.stringify({ message: sq })).message, sq)
  }
  const error = new TreguesiError('TRG_NOT_FOUND', { entity: 'bashkia', id: 'Çërrik' })
  t.equal(messageIn(error, 'sq'), 'bashkia Çërrik nuk ekziston', 'details with Albanian letters are kept as they are')
})

t.test('isTreguesiError narrows by type and by code', async (t) => {
  const cause = new Error('socket closed')
  const error = new TreguesiError('TRG_STORE_CLOSED', { operation: 'read' }, { cause })
  t.equal(error.cause, cause, 'the cause is kept')
  t.ok(isTreguesiError(error))
  t.ok(isTreguesiError(error, 'TRG_STORE_CLOSED'))
  t.notOk(isTreguesiError(error, 'TRG_NOT_FOUND'))
  t.notOk(isTreguesiError(new Error('plain')))
  t.notOk(isTreguesiError({ code: 'TRG_STORE_CLOSED' }), 'a look-alike object is not one')
})
