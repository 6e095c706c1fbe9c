import { randomUUID } from 'node:crypto'
import { executeCommand } from '@treguesi/commands'
import { seedId } from '@treguesi/seeds'
import { parse } from 'csv-parse/sync'
import t from 'tap'
import { downloadExport } from './support/downloads.js'
import { principals, startService } from './support/service.js'

// The tidy CSV download over the seed plans and a draft, through a real listening server: read
// as each caller reads GraphQL, the same figures, the same bytes for the same request, and an
// incremental file that is the difference of two full ones.

const service = await startService(t)
const admin = service.token(principals.admin)
const editor = { id: 'editor-elb', role: 'editor', municipality: 'ELB' } as const
const genderPlan = seedId('elbasan-gender-equality', 'plan', 'PVVBGJ 2022-2024')
const certificates = seedId('elbasan-gender-equality', 'indicator', 'III.2 (f)/T1')
const areas = seedId('elbasan-gender-equality', 'indicator', 'IV.1 (b)/T1')

async function write(command: Record<string, unknown>, actor: object = editor): Promise<bigint> {
  const result = await executeCommand(service.store, command, { commandId: randomUUID(), actor, occurredAt: '2025-06-02T10:00:00+02:00' })
  return result.position!
}

const download = (query: string, token?: string) => downloadExport(service.url, 'figures.csv', query, token)

type Row = Record<string, string>
const rowsOf = (text: string): Row[] => parse(text, { bom: true, columns: true, relax_column_count: false }) as Row[]
const keyOf = (row: Row) => [row.plan_id, row.indicator_id, row.period, row.sex, row.ethnicity, row.area, row.age_group].join('|')
const withoutAction = ({ action: _action, ...row }: Row) => row

// A draft plan of Elbasan with one reported figure: its editor's and admins' to read, nobody else's.
const draft = randomUUID()
const [areaId, objectiveId, measureId, draftIndicator] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()]
await write({
  type: 'DraftPlan',
  planId: draft,
  municipality: 'ELB',
  kind: 'other',
  title: { sq: 'Plan në hartim' },
  period: { from: 2030, to: 2031 },
})
await write({ type: 'AddArea', planId: draft, areaId, code: 'I', title: { sq: 'Fusha I' } })
await write({ type: 'AddObjective', planId: draft, objectiveId, areaId, level: 'specific', code: 'I.1', title: { sq: 'Objektivi' } })
await write({
  type: 'AddMeasure',
  planId: draft,
  measureId,
  objectiveId,
  code: 'I.1.1',
  title: { sq: 'Masa' },
  leadActors: [{ sq: 'Bashkia' }],
  supportingActors: [],
})
await write({
  type: 'DefineIndicator',
  indicatorId: draftIndicator,
  planId: draft,
  municipality: 'ELB',
  attachedTo: { kind: 'measure', id: measureId },
  code: 'I.1.1/a',
  name: { sq: 'Gra të këshilluara' },
  unit: 'count',
  direction: 'higher-is-better',
  accumulation: 'per-period',
})
const before = await write({
  type: 'ReportIndicatorValue',
  indicatorId: draftIndicator,
  period: '2030',
  value: '14',
  source: { sq: 'Zyra e Barazisë Gjinore, çdo muaj' },
})
if (!(await service.live.reach(before, 5000))) throw new Error('the read models did not reach the setup')

t.test('a tidy CSV of the figures a caller reads: one row per figure, UTF-8 with its BOM, RFC 4180', async (t) => {
  const anonymous = await download('?municipality=ELB')
  t.equal(anonymous.status, 200)
  t.equal(anonymous.type, 'text/csv; charset=utf-8; header=present')
  t.equal(anonymous.position, String(before))
  t.ok(anonymous.text.startsWith('\uFEFFaction,country,municipality,plan_id,indicator_id,'), 'BOM, then the header')
  t.ok(anonymous.text.endsWith('\r\n') && !anonymous.text.replaceAll('\r\n', '').includes('\n'), 'CRLF line ends')
  const rows = rowsOf(anonymous.text)
  t.ok(rows.length > 20, `${rows.length} rows`)
  t.ok(
    rows.every((row) => row.action === 'I' && row.country === 'AL' && row.municipality === 'ELB'),
    "a full export: every row new, Elbasan's only",
  )
  t.notOk(
    rows.some((row) => row.plan_id === draft),
    "the draft's figures never leave to a caller who may not read it",
  )

  // The figures are GraphQL's, as the same caller reads them.
  const { data } = await service.graphql<any>(
    'query ($id: ID!) { plan(id: $id) { indicators { id code values { period value corrections source { sq } breakdowns { dimension categories { category value } } } } } }',
    { id: genderPlan },
  )
  const totals = rows.filter(
    (row) => row.plan_id === genderPlan && row.sex === '_T' && row.ethnicity === '_T' && row.area === '_T' && row.age_group === '_T',
  )
  const expected = data.plan.indicators.flatMap((indicator: any) =>
    indicator.values
      .filter((value: any) => value.value !== null)
      .map((value: any) => [indicator.id, indicator.code, value.period, value.value, String(value.corrections), value.source?.sq ?? '']),
  )
  t.same(
    totals.map((row) => [row.indicator_id, row.indicator_code, row.period, row.value, row.corrections, row.source]).sort(),
    expected.sort(),
    'each total is the value, corrections and source GraphQL gives, Albanian text intact',
  )
  t.match(
    rows.filter((row) => row.indicator_id === certificates),
    [
      { period: '2022', sex: '_T', value: '345', status: 'reported', unit: 'count' },
      { period: '2022', sex: 'F', value: '55' },
    ],
    'a breakdown: one row per category, in its dimension',
  )
  t.match(
    rows.filter((row) => row.indicator_id === areas).map((row) => [row.area, row.value]),
    [
      ['_T', '18'],
      ['rural', '8'],
      ['urban', '10'],
    ],
  )

  const mine = rowsOf((await download('?municipality=ELB', service.token(principals.editorElbasan))).text)
  t.match(
    mine.filter((row) => row.plan_id === draft),
    [{ indicator_code: 'I.1.1/a', period: '2030', value: '14', source: 'Zyra e Barazisë Gjinore, çdo muaj', status: 'reported' }],
    "its editor reads the draft's figure",
  )
  t.same(rowsOf((await download('?municipality=ELB', admin)).text), mine, 'so does an admin')
  t.same(rowsOf((await download(`?plan=${draft}`)).text), [], 'asked for the draft alone, an anonymous caller gets only the header')
  t.same(
    rowsOf((await download(`?plan=${genderPlan}`)).text),
    rows.filter((row) => row.plan_id === genderPlan),
    'one plan',
  )
})

t.test('the same request gives the same bytes; since gives the difference of two full exports', async (t) => {
  const first = await download(`?municipality=ELB&asOf=${before}`, admin)
  const token = service.token(principals.editorElbasan)
  // A correction that drops a category, a new value, and a correction of the draft's figure.
  await write({ type: 'ReopenReport', planId: genderPlan, period: '2024', reason: { sq: 'Rinumërim' } }, principals.admin)
  await write({
    type: 'CorrectIndicatorValue',
    indicatorId: areas,
    period: '2024',
    value: '18',
    breakdown: { area: { urban: '18' } },
    reason: { sq: 'Të gjitha në qytet' },
  })
  await write({ type: 'ReportIndicatorValue', indicatorId: draftIndicator, period: '2031', value: '9' })
  const after = await write({
    type: 'CorrectIndicatorValue',
    indicatorId: draftIndicator,
    period: '2030',
    value: '15',
    reason: { sq: 'Një rast më shumë' },
  })
  t.ok(await service.live.reach(after, 5000))

  const again = await download(`?municipality=ELB&asOf=${before}`, admin)
  t.equal(again.text, first.text, 'a file made as of a position is made again byte for byte, after later writes')
  t.equal(again.position, String(before))
  const full = rowsOf((await download(`?municipality=ELB&asOf=${after}`, admin)).text)
  const changes = await download(`?municipality=ELB&since=${before}&asOf=${after}`, admin)
  t.equal(changes.text, (await download(`?municipality=ELB&since=${before}&asOf=${after}`, admin)).text, 'and so is an incremental one')
  t.equal(changes.position, String(after), 'the position to ask from next time')

  const old = new Map(rowsOf(first.text).map((row) => [keyOf(row), withoutAction(row)]))
  const now = new Map(full.map((row) => [keyOf(row), withoutAction(row)]))
  const difference = [
    ...[...now]
      .filter(([key, row]) => !old.has(key) || JSON.stringify(old.get(key)) !== JSON.stringify(row))
      .map(([key]) => [old.has(key) ? 'R' : 'I', key]),
    ...[...old.keys()].filter((key) => !now.has(key)).map((key) => ['D', key]),
  ]
  const changed = rowsOf(changes.text)
  t.same(changed.map((row) => [row.action, keyOf(row)]).sort(), difference.sort(), 'since = the difference of the two full exports')
  t.same(
    changed.map((row) => [row.action, row.indicator_id, row.period, row.area, row.value, row.status]).sort(),
    [
      ['R', areas, '2024', '_T', '18', 'corrected'],
      ['D', areas, '2024', 'rural', '8', 'reported'],
      ['R', areas, '2024', 'urban', '18', 'corrected'],
      ['R', draftIndicator, '2030', '_T', '15', 'corrected'],
      ['I', draftIndicator, '2031', '_T', '9', 'reported'],
    ].sort(),
    'a correction (R), a category it dropped (D, as it was), a new value (I)',
  )

  const publicChanges = rowsOf((await download(`?municipality=ELB&since=${before}&asOf=${after}`)).text)
  t.same(publicChanges, [], 'for the public nothing changed: the correction waits for the reopened report, the draft is not theirs')
  t.same(rowsOf((await download(`?municipality=ELB&since=${after}`, token)).text), [], 'nothing since the head')
})

t.test('a bad request gets a TRG_* error as JSON and no file', async (t) => {
  const head = (await service.store.headPosition())!
  for (const [query, type] of [
    ['?format=xml', 'parameter'],
    ['?municipality=elb', 'municipality'],
    ['?plan=42', 'plan'],
    ['?since=abc', 'since'],
    ['?since=-1', 'since'],
    ['?asOf=01', 'asOf'],
    ['?since=5&asOf=4', 'since'],
    [`?asOf=${head + 1n}`, 'asOf'],
    [`?since=${head + 10n}`, 'since'],
  ] as const) {
    const response = await download(query)
    t.equal(response.status, 400, query)
    t.match(
      JSON.parse(response.text),
      { errors: [{ extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_INVALID_VALUE', details: { type } } }] },
      query,
    )
  }
  const repeated = await download('?municipality=ELB&municipality=DRE')
  t.equal(repeated.status, 400)
  t.match(JSON.parse(repeated.text), { errors: [{ extensions: { trgCode: 'TRG_BAD_REQUEST' } }] }, 'a parameter given twice')
  const unknown = await downloadExport(service.url, 'figures.xml')
  t.equal(unknown.status, 400, 'an unknown format is refused, naming those there are')
  t.match(JSON.parse(unknown.text), {
    errors: [
      {
        extensions: {
          trgCode: 'TRG_INVALID_VALUE',
          details: { type: 'format', value: 'figures.xml', problem: /figures\.csv, figures\.sdmx\.csv/ },
        },
      },
    ],
  })
})
