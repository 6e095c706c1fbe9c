import type { ErrorDetails, TreguesiErrorCode } from './catalogue.js'

/**
 * The Albanian message of every code, built from the same details as the English one in the
 * catalogue. Details are quoted as they are (ids, field names, problems worded by a library or
 * by the domain): they are data, the same in `extensions.details` whatever the language.
 */
type Messages = { readonly [C in TreguesiErrorCode]: (details: ErrorDetails[C]) => string }

const revision = (revision: 'any' | 'no_stream' | 'stream_exists' | bigint): string =>
  typeof revision === 'bigint' ? `rishikimin ${revision}` : revision

export const messagesSq: Messages = {
  TRG_CONFIG_INVALID: ({ issues }) => `Konfigurim i pavlefshëm: ${issues.map((i) => `${i.variable}: ${i.problem}`).join('; ')}`,
  TRG_STORE_INVALID_APPEND: ({ stream, field, problem }) => `Nuk mund të shtohet në "${stream}": ${field} ${problem}`,
  TRG_STORE_INVALID_READ: ({ field, problem }) => `Leximi nuk është i mundur: ${field} ${problem}`,
  TRG_STORE_WRONG_EXPECTED_REVISION: ({ stream, expected, actual }) =>
    `Rrjedha "${stream}" pritej të ishte në ${revision(expected)}, por është në ${revision(actual)}`,
  TRG_STORE_DUPLICATE_EVENT_ID: ({ stream, eventId }) =>
    `Ngjarja me id ${eventId} është regjistruar tashmë gjetkë; nuk mund të shtohet në "${stream}"`,
  TRG_STORE_CLOSED: ({ operation }) => `Depoja e ngjarjeve është e mbyllur: veprimi ${operation} nuk është i mundur`,
  TRG_STORE_UNAVAILABLE: ({ store, reason }) => `Depoja e ngjarjeve ${store} nuk është e arritshme: ${reason}`,
  TRG_CURRENCY_MISMATCH: ({ field, expected, actual }) =>
    `${field} është në ${actual}, por duhet të jetë në ${expected}: shumat në monedha të ndryshme nuk mblidhen kurrë`,
  TRG_INVALID_COMMAND: ({ command, field, problem }) => `Komanda ${command}: fusha ${field} ${problem}`,
  TRG_COMMAND_ID_REUSED: ({ commandId, stream }) =>
    `Id-ja e komandës ${commandId} është përdorur tashmë për një komandë tjetër (e regjistruar në "${stream}"): një riprovim duhet të dërgojë të njëjtën komandë; një komandë e re kërkon një id të re`,
  TRG_ALREADY_EXISTS: ({ entity, id }) => `${entity} ${id} ekziston tashmë`,
  TRG_NOT_FOUND: ({ entity, id }) => `${entity} ${id} nuk ekziston`,
  TRG_INVALID_STATE: ({ entity, id, state, action }) => `${entity} ${id} është në gjendjen ${state}: veprimi "${action}" nuk lejohet`,
  TRG_PLAN_CLOSED: ({ planId }) => `plani ${planId} është i mbyllur: asgjë në të nuk mund të ndryshojë`,
  TRG_PLAN_LOCKED: ({ planId, state }) =>
    `plani ${planId} është në gjendjen ${state}: struktura, vlerat bazë dhe objektivat e tij ndryshojnë vetëm pasi një shqyrtues e kthen ose e rihap me një arsye`,
  TRG_PERIOD_LOCKED: ({ planId, period, round, state }) =>
    `raporti i planit ${planId} për ${round} është në gjendjen ${state}: shifrat e ${period} ndryshojnë vetëm pasi një shqyrtues e kthen ose e rihap me një arsye`,
  TRG_PERIOD_OUTSIDE_PLAN: ({ field, period, planPeriod }) => `${field} ${period} është jashtë periudhës së planit ${planPeriod}`,
  TRG_VALUE_ALREADY_REPORTED: ({ indicatorId, period }) =>
    `treguesi ${indicatorId} ka tashmë një vlerë për ${period}: korrigjojeni atë (vlera e vjetër mbetet në histori)`,
  TRG_VALUE_NOT_REPORTED: ({ indicatorId, period }) => `treguesi ${indicatorId} nuk ka vlerë për ${period} që të korrigjohet`,
  TRG_BREAKDOWN_MISMATCH: ({ indicatorId, dimension, total, sum, rule }) =>
    `treguesi ${indicatorId}: zbërthimi sipas ${dimension} mblidhet në ${sum}, ${rule === 'equal' ? 'jo në totalin' : 'më shumë se totali'} ${total}`,
  TRG_INDICATOR_COMPUTED: ({ indicatorId }) =>
    `treguesi ${indicatorId} është pjesë e buxhetit: vlera e tij faktike llogaritet nga ngjarjet e buxhetit dhe nuk shkruhet kurrë me dorë`,
  TRG_UNIT_MISMATCH: ({ field, unit, problem }) => `${field} nuk i përshtatet njësisë ${unit}: ${problem}`,
  TRG_UNAUTHENTICATED: ({ reason }) => `Nuk jeni identifikuar: ${reason}`,
  TRG_FORBIDDEN: ({ action, reason }) => `Nuk keni të drejtë për këtë veprim (${action}): ${reason}`,
  TRG_NOT_CONSISTENT: ({ position, reached, waitedMs }) =>
    `Modelet e leximit nuk arritën pozicionin ${position} brenda ${waitedMs} ms (${reached === null ? 'janë ende në fillim' : `janë në ${reached}`}); provoni sërish`,
  TRG_AS_OF_NOT_READY: ({ indexedEvents, waitedMs }) =>
    `Përgjigjet për një çast të mëparshëm nuk janë ende gati: historia po indeksohet (${indexedEvents} ngjarje deri tani, u pritën ${waitedMs} ms); provoni sërish`,
  TRG_LIMIT_EXCEEDED: ({ limit, maximum, actual }) => `Kërkesa e kalon kufirin (${limit}): ${actual}, ndërsa lejohen të shumtën ${maximum}`,
  TRG_INVALID_VALUE: ({ type, value, problem }) => `${JSON.stringify(value)} nuk është vlerë e vlefshme për ${type}: ${problem}`,
  TRG_EVENT_INVALID: ({ type, problem }) => `Ngjarja ${type} është e pavlefshme: ${problem}`,
  TRG_UPCASTER_MISSING: ({ type, problem }) => `Ngjarjet e llojit ${type} nuk mund të lexohen si version i tanishëm: ${problem}`,
  TRG_BAD_REQUEST: ({ problem }) => `Kërkesë e gabuar: ${problem}`,
  TRG_QUERY_SYNTAX: ({ problem, line, column }) => `Pyetja ka gabim sintakse në rreshtin ${line}, kolona ${column}: ${problem}`,
  TRG_QUERY_INVALID: ({ problem }) => `Pyetja nuk përputhet me skemën: ${problem}`,
  TRG_VARIABLE_INVALID: ({ variable, problem }) => `Ndryshorja $${variable} është e pavlefshme: ${problem}`,
  TRG_RATE_LIMITED: ({ limit, retryAfterSeconds }) => `Shumë kërkesa (${limit}); provoni sërish pas ${retryAfterSeconds} s`,
  TRG_OVERLOADED: ({ reason, retryAfterSeconds }) => `Shërbimi është i mbingarkuar (${reason}); provoni sërish pas ${retryAfterSeconds} s`,
  TRG_EVENT_UNREADABLE: ({ position, problem }) => `Ngjarja në pozicionin ${position} nuk mund të lexohet: ${problem}`,
  TRG_REBUILD_REFUSED: ({ reason }) => `Modelet e leximit të rindërtuara nuk u vunë në përdorim: ${reason}`,
  TRG_EXPORT_UNMAPPED: ({ format, unmapped }) =>
    `Eksporti ${format} i emërton të dhënat me kodet e marrësit, por këto ende nuk kanë kod: ${unmapped.join('; ')}`,
  TRG_RENDERER_UNAVAILABLE: ({ renderer, reason }) => `Dokumenti nuk mund të printohet: ${renderer} ${reason}`,
}
