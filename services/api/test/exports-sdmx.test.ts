import { randomUUID } from 'node:crypto'
import { executeCommand } from '@treguesi/commands'
import { planCommands } from '@treguesi/domain/testing'
import { parse } from 'csv-parse/sync'
import t from 'tap'
import { downloadExport } from './support/downloads.js'
import { principals, startService } from './support/service.js'

// The SDMX-CSV 2.0 download through a real listening server: the media type, full keys, each
// caller's own figures (a draft's later figure supersedes the approved one only for those who
// read the draft), c[…] filters, and the same bytes for the same request.

const service = await startService(t)
const admin = service.token(principals.admin)

async function write(command: object): Promise<bigint> {
  const actor = { id: 'admin-1', role: 'admin' }
  const result = await executeCommand(service.store, command, { commandId: randomUUID(), actor, occurredAt: '2025-06-02T10:00:00+02:00' })
  return result.position!
}

const download = (query: string, token?: string) => downloadExport(service.url, 'figures.sdmx.csv', query, token)

type Row = Record<string, string>
const rowsOf = (text: string): Row[] => parse(text, { columns: true, relax_column_count: false }) as Row[]
const brief = (row: Row) => `${row.ACTION} ${row.REF_AREA} ${row.INDICATOR} ${row.TIME_PERIOD} ${row.OBS_VALUE}`

const seeded = (await service.store.headPosition())!

// A draft plan of Elbasan for 2024–2027 whose indicator, tied to the new-cases code, reports
// 2024 after the approved plan did: for those who read the draft it is Elbasan's latest figure.
const draft = planCommands({ planId: randomUUID(), areaId: randomUUID(), objectiveId: randomUUID(), measureId: randomUUID() })
const draftIndicator = randomUUID()
for (const command of [draft.draft, ...draft.structure]) await write(command)
await write(
  draft.define(draftIndicator, {
    code: 'I.1.1/a',
    name: { sq: 'Raste të reja të dhunës në familje' },
    nationalCode: 'AL-SKBGJ-DV-CASES-NEW',
    disaggregations: [{ dimension: 'sex', categories: ['F', 'M'], exhaustive: true }],
  }),
)
const reported = await write({
  type: 'ReportIndicatorValue',
  indicatorId: draftIndicator,
  period: '2024',
  value: '170',
  breakdown: { sex: { F: '150', M: '20' } },
  source: { sq: 'Regjistri; REVALB, "2024", i përditësuar' },
})
if (!(await service.live.reach(reported, 5000))) throw new Error('the read models did not reach the setup')

t.test('an SDMX-CSV 2.0 message with its media type; each caller reads its own figures', async (t) => {
  const anonymous = await download(`?asOf=${reported}`)
  t.equal(anonymous.status, 200)
  t.equal(anonymous.type, 'application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8')
  t.equal(anonymous.disposition, `attachment; filename="treguesi-figures-${reported}.sdmx.csv"`)
  t.equal(anonymous.position, String(reported))
  t.ok(
    anonymous.text.startsWith(
      'STRUCTURE[;],STRUCTURE_ID,ACTION,FREQ,REF_AREA,INDICATOR,SEX,ETHNICITY,URBANISATION,AGE,TIME_PERIOD,OBS_VALUE,',
    ),
  )
  const rows = rowsOf(anonymous.text)
  t.ok(
    rows.every(
      (row) => row['STRUCTURE[;]'] === 'dataflow' && row.STRUCTURE_ID === 'TREGUESI:DF_LAP_INDICATORS(1.0.0)' && row.ACTION === 'I',
    ),
  )
  t.ok(
    rows.some((row) => brief(row) === 'I ELB AL-SKBGJ-DV-CASES-NEW 2024 157'),
    'the approved plan’s figure',
  )
  t.notOk(
    rows.some((row) => row.OBS_VALUE === '170'),
    'not the draft’s',
  )

  const asAdmin = rowsOf((await download(`?asOf=${reported}&c[INDICATOR]=AL-SKBGJ-DV-CASES-NEW`, admin)).text)
  t.same(
    asAdmin.map((row) => [brief(row), row.SEX, row['COMMENT_OBS[sq;en]']]),
    [
      ['I ELB AL-SKBGJ-DV-CASES-NEW 2024 170', '_T', '"sq:Regjistri; REVALB, ""2024"", i përditësuar"'],
      ['I ELB AL-SKBGJ-DV-CASES-NEW 2024 150', 'F', '"sq:Regjistri; REVALB, ""2024"", i përditësuar"'],
      ['I ELB AL-SKBGJ-DV-CASES-NEW 2024 20', 'M', '"sq:Regjistri; REVALB, ""2024"", i përditësuar"'],
    ],
    'the draft’s later figure supersedes the approved one, with its breakdown; the source quoted whole, as it holds the separator',
  )
})

t.test('the same request gives the same bytes; since gives what changed', async (t) => {
  const first = await download(`?asOf=${reported}`, admin)
  const again = await download(`?asOf=${reported}`, admin)
  t.equal(again.text, first.text)
  const changed = rowsOf((await download(`?since=${seeded}&asOf=${reported}`, admin)).text)
  t.same(changed.map(brief), [
    'R ELB AL-SKBGJ-DV-CASES-NEW 2024 170',
    'I ELB AL-SKBGJ-DV-CASES-NEW 2024 150',
    'I ELB AL-SKBGJ-DV-CASES-NEW 2024 20',
  ])
  t.same(rowsOf((await download(`?since=${seeded}&asOf=${reported}`)).text), [], 'for the public nothing changed')
})

t.test('filters: alternatives, conditions, periods; bad ones are refused as JSON, with no file', async (t) => {
  const count = async (query: string) => rowsOf((await download(`?asOf=${reported}&${query}`, admin)).text).length
  t.equal(await count('c[SEX]=F,M'), 2)
  t.equal(await count('c[SEX]=F%2BM'), 0, 'F and M at once: nothing')
  t.equal(await count('c[TIME_PERIOD]=ge:2024%2Ble:2024&c[SEX]=_T&c[UNIT_MEASURE]=PT'), 1, 'the budget share')
  for (const [query, code] of [
    ['c[COLOUR]=red', 'TRG_INVALID_VALUE'],
    ['c[FREQ]=X', 'TRG_INVALID_VALUE'],
    ['c[TIME_PERIOD]=2024-M01', 'TRG_INVALID_VALUE'],
    ['c[SEX]=lt:F', 'TRG_INVALID_VALUE'],
    ['c[REF_AREA]=TIR', 'TRG_NOT_FOUND'],
    ['c[INDICATOR]=AL-NOTHING', 'TRG_NOT_FOUND'],
    ['c[SEX]=F&c[SEX]=M', 'TRG_BAD_REQUEST'],
  ] as const) {
    const refused = await download(`?${query}`, admin)
    t.equal(refused.status, 400, query)
    t.match(JSON.parse(refused.text), { errors: [{ extensions: { trgCode: code } }] }, query)
  }
  const tidy = await downloadExport(service.url, 'figures.csv', '?c[SEX]=F')
  t.equal(tidy.status, 400, 'the tidy CSV takes no SDMX filter')
  t.match(JSON.parse(tidy.text), {
    errors: [{ extensions: { trgCode: 'TRG_INVALID_VALUE', details: { type: 'parameter', value: 'c[SEX]' } } }],
  })
})
