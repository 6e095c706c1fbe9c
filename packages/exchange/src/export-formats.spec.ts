import type { Period } from '@treguesi/domain'
import type { ValueView } from '@treguesi/projections'
import t from 'tap'
import { utf8Bom } from './csv.js'
import { exportFormat, exportFormats, type ExportInputs, type ExportView } from './export-formats.js'
import type { ExportRequest } from './export-request.js'
import type { Dhis2Lookup } from './dhis2/dhis2-values.js'
import type { NationalContext } from './sdmx/sdmx-observations.js'
import type { IatiSource } from './iati/iati-source.js'
import { d, definition, memorySource, plainCsv, sdmxExample, sdmxExampleHeader, uuid, value, type SourceIndicator } from './test-support.js'
import { tidyCsvHeader } from './tidy-csv.js'

const elbasanPlan = uuid(1)
const drenasPlan = uuid(2)
/** Two Elbasan indicators tied to one national code (the second superseded in 2024), one untied, a budget share, one of Drenas. */
const ids = { count: uuid(10), other: uuid(11), untied: uuid(12), share: uuid(13), drenas: uuid(20) } as const
const plans = [
  { planId: elbasanPlan, municipality: 'ELB', country: 'AL' as const },
  { planId: drenasPlan, municipality: 'DRE', country: 'XK' as const },
]

const tied = 'NSGE-B2.2'
const source = 'Zyra e Gjendjes Civile; "Shkodër", 2024'

function indicators(drenasBreakdown?: ValueView['breakdown']): SourceIndicator[] {
  return [
    {
      planId: elbasanPlan,
      indicatorId: ids.count,
      definition: definition(ids.count, elbasanPlan, { nationalCode: tied }),
      values: [
        value('2024', {
          value: d('80'),
          breakdown: { sex: { F: d('62'), M: d('18') } },
          withheldParts: { ethnicity: ['Egyptian'] },
          source: { sq: source },
          corrections: 1,
        }),
      ],
    },
    {
      planId: elbasanPlan,
      indicatorId: ids.other,
      definition: definition(ids.other, elbasanPlan, { code: '1.2/T1', nationalCode: tied }),
      values: [value('2024', { value: d('70') }), value('2025', { value: d('75') })],
    },
    {
      planId: elbasanPlan,
      indicatorId: ids.untied,
      definition: definition(ids.untied, elbasanPlan, { code: '1.3/T1' }),
      values: [value('2024', { value: d('3') })],
    },
    {
      planId: elbasanPlan,
      indicatorId: ids.share,
      definition: definition(ids.share, elbasanPlan, { code: '2.1/T1', unit: 'percent', nationalCode: 'NSGE-D4.2' }),
      values: [value('2024', { value: d('0.9'), computed: true })],
    },
    {
      planId: drenasPlan,
      indicatorId: ids.drenas,
      definition: definition(ids.drenas, drenasPlan, {
        municipality: 'DRE',
        nationalCode: 'NSDV-1.1',
        planPeriod: { from: 2025, to: 2028 },
      }),
      values: [value('2025-H1', { value: d('12'), ...(drenasBreakdown && { breakdown: drenasBreakdown }) })],
    },
  ]
}

/** No mapping to DHIS2: the formats of this spec do not read it. */
const unmapped: Dhis2Lookup = { targetOf: () => null, orgUnitOf: () => null, comboOf: () => null }
/** No plan to publish as an IATI activity (the IATI specs cover what one holds). */
const noActivities: IatiSource = { plans: () => [], plan: () => null, organisationIdentifierOf: () => null }

/** A view whose figures come from `given` and whose positions are `positions` (by indicator, then period). */
function view(
  given: SourceIndicator[],
  positions: Readonly<Record<string, Readonly<Record<string, bigint>>>>,
  nationalCodes: readonly string[] = [tied, 'NSGE-D4.2', 'NSDV-1.1', 'NSGE-UNUSED'],
): ExportView {
  const national: NationalContext = {
    positionOf: (indicatorId: string, at: Period) => positions[indicatorId]?.[at] ?? null,
    nationalCodeOf: (indicatorId: string) =>
      given.find((indicator) => indicator.indicatorId === indicatorId)?.definition?.nationalCode ?? null,
    municipalities: () => ['DRE', 'ELB', 'TIR'],
    nationalCodes: () => nationalCodes,
  }
  return { figures: memorySource(plans, given), national, dhis2: unmapped, iati: noActivities }
}

/** Now: Elbasan's count corrected (position 50) after the other was reported (40); Drenas by area. */
const now = view(indicators({ area: { rural: d('5'), urban: d('7') } }), {
  [ids.count]: { '2024': 50n },
  [ids.other]: { '2024': 40n, '2025': 60n },
  [ids.drenas]: { '2025-H1': 20n },
})
/**
 * Then: the other reported (40) after the count (30), so the other counted; the 2025 figure not yet
 * reported; Drenas by sex too.
 */
const then = view(
  indicators({ area: { rural: d('5'), urban: d('7') }, sex: { F: d('12') } }).map((indicator) =>
    indicator.indicatorId === ids.other ? { ...indicator, values: indicator.values.slice(0, 1) } : indicator,
  ),
  { [ids.count]: { '2024': 30n }, [ids.other]: { '2024': 40n }, [ids.drenas]: { '2025-H1': 20n } },
)

const exportedAt = '2025-03-01T10:00:00.000Z'
const text = (chunks: Iterable<string> | null) => [...(chunks ?? [])].join('')
const sdmx = exportFormat('figures.sdmx.csv')
const tidy = exportFormat('figures.csv')
const write = (format: typeof sdmx, request: ExportRequest, since: ExportView | null = null) =>
  text(format.write({ request, now, since, exportedAt } satisfies ExportInputs))

const header =
  'STRUCTURE[;],STRUCTURE_ID,ACTION,FREQ,REF_AREA,INDICATOR,SEX,ETHNICITY,URBANISATION,AGE,TIME_PERIOD,' +
  'OBS_VALUE,UNIT_MEASURE,UNIT_MULT,OBS_STATUS,CONF_STATUS,COMMENT_OBS[sq;en]\r\n'
const flow = 'dataflow,TREGUESI:DF_LAP_INDICATORS(1.0.0)'
const withheld = 'sq:E fshehur: një numër i vogël mund të tregojë një person;en:Withheld: a small count could point at a person'
const computed = 'sq:Llogaritur nga alokimet buxhetore;en:Computed from budget allocations'
const comment = '"""sq:Zyra e Gjendjes Civile; """"Shkodër"""", 2024"""'

t.test('the formats: the tidy CSV and SDMX-CSV first, each by its file', async (t) => {
  t.strictSame(
    exportFormats.slice(0, 2).map(({ file, mediaType }) => [file, mediaType]),
    [
      ['figures.csv', 'text/csv; charset=utf-8; header=present'],
      ['figures.sdmx.csv', 'application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8'],
    ],
  )
  t.equal(new Set(exportFormats.map(({ file }) => file)).size, exportFormats.length, 'each its own file')
  t.equal(exportFormat('figures.csv'), exportFormats[0])
  t.equal(exportFormat('figures.sdmx.csv'), exportFormats[1])
  t.notOk(tidy.takes('c[SEX]'), 'the tidy CSV takes no parameter of its own')
  t.notOk(tidy.takes('format'))
  t.ok(sdmx.takes('c[SEX]'), 'SDMX takes its filters')
  t.ok(sdmx.takes('c[COLOUR]'), 'any, to refuse those of no component by name')
  t.notOk(sdmx.takes('c[sex]'))
  t.notOk(sdmx.takes('updatedAfter'))
})

t.test('a file that is no export is refused, listing those there are', async (t) => {
  const files = exportFormats.map(({ file }) => file).join(', ')
  t.ok(files.startsWith('figures.csv, figures.sdmx.csv'), 'the tidy CSV and SDMX-CSV first')
  for (const file of ['figures.xlsx', 'figures', 'FIGURES.CSV', '', 'figures.sdmx.csv ']) {
    t.throws(
      () => exportFormat(file),
      {
        code: 'TRG_INVALID_VALUE',
        details: { type: 'format', value: file, problem: `is not an export: give ${files}` },
      },
      JSON.stringify(file),
    )
  }
})

t.test(
  'SDMX: the observations of the tied indicators, the superseded and the untied left out; a breakdown repeats its source',
  async (t) => {
    const expected =
      header +
      `${flow},I,S,DRE,NSDV-1_1,_T,_T,_T,_T,2025-S1,12,NUMBER,0,A,F,\r\n` +
      `${flow},I,S,DRE,NSDV-1_1,_T,_T,R,_T,2025-S1,5,NUMBER,0,A,F,\r\n` +
      `${flow},I,S,DRE,NSDV-1_1,_T,_T,U,_T,2025-S1,7,NUMBER,0,A,F,\r\n` +
      `${flow},I,A,ELB,NSGE-B2_2,_T,_T,_T,_T,2024,80,NUMBER,0,A,F,${comment}\r\n` +
      `${flow},I,A,ELB,NSGE-B2_2,F,_T,_T,_T,2024,62,NUMBER,0,A,F,${comment}\r\n` +
      `${flow},I,A,ELB,NSGE-B2_2,M,_T,_T,_T,2024,18,NUMBER,0,A,F,${comment}\r\n` +
      `${flow},I,A,ELB,NSGE-B2_2,_T,EGY,_T,_T,2024,,NUMBER,0,Q,C,${withheld}\r\n` +
      `${flow},I,A,ELB,NSGE-B2_2,_T,_T,_T,_T,2025,75,NUMBER,0,A,F,\r\n` +
      `${flow},I,A,ELB,NSGE-D4_2,_T,_T,_T,_T,2024,0.9,PT,0,A,F,${computed}\r\n`
    t.equal(write(sdmx, {}), expected)
    t.equal(write(sdmx, {}), expected, 'the same input, the same bytes')
    t.ok(Buffer.from(write(sdmx, {})).equals(Buffer.from(expected)), 'byte for byte')
    t.notOk(write(sdmx, {}).startsWith(utf8Bom), 'no byte order mark: the first field reads STRUCTURE')
    t.ok(write(sdmx, {}).includes('"Shkodër"'), 'ë intact')
    t.equal(write(sdmx, { options: {} }), expected, 'no filter')
    t.equal(
      write(sdmx, { municipality: 'DRE' }),
      [
        header,
        ...expected
          .split('\r\n')
          .slice(1, 4)
          .map((record) => `${record}\r\n`),
      ].join(''),
      "a municipality's",
    )
    t.equal(write(sdmx, { planId: uuid(99) }), header, 'no plan: the header alone')
  },
)

t.test("the export's columns are the example's: the same dimensions, in the same order", async (t) => {
  const example = sdmxExample()
  const exampleHeader = sdmxExampleHeader()
  const ours = plainCsv(write(sdmx, { options: { 'c[INDICATOR]': 'NSGE-D4_2' } }))
  const dimensions = (columns: readonly string[]) => columns.slice(columns.indexOf('ACTION') + 1, columns.indexOf('OBS_VALUE'))
  t.strictSame(dimensions(ours[0]!), dimensions(exampleHeader))
  t.strictSame(dimensions(ours[0]!), ['FREQ', 'REF_AREA', 'INDICATOR', 'SEX', 'ETHNICITY', 'URBANISATION', 'AGE', 'TIME_PERIOD'])
  t.strictSame(ours[0]!.slice(0, -1), exampleHeader.slice(0, -1), 'every column but the comment, whose languages come sq first')
  t.equal(ours.length, 2)
  t.equal(ours[1]!.length, ours[0]!.length, 'a record as long as the header')
  const shareInExample = example.find((record) => record[5] === 'NSGE_D4_2')!
  const butCode = (record: readonly string[]) => record.slice(3, -1).filter((_, i) => i !== 2)
  t.strictSame(butCode(ours[1]!), butCode(shareInExample), "the example's budget share, but for the code's identifier")
  t.ok(ours[1]!.at(-1)!.endsWith(`;${shareInExample.at(-1)}`), 'and its English comment, after the Albanian')
})

t.test('SDMX filters: on dimensions and attributes, checked against the codes of the view', async (t) => {
  const records = (options: Readonly<Record<string, string>>) =>
    write(sdmx, { options })
      .split('\r\n')
      .slice(1, -1)
      .map((record) => record.split(',').slice(4, 11).join(' '))
  t.strictSame(records({ 'c[SEX]': 'F,M' }), ['ELB NSGE-B2_2 F _T _T _T 2024', 'ELB NSGE-B2_2 M _T _T _T 2024'])
  t.strictSame(records({ 'c[FREQ]': 'S', 'c[URBANISATION]': 'ne:_T' }), [
    'DRE NSDV-1_1 _T _T R _T 2025-S1',
    'DRE NSDV-1_1 _T _T U _T 2025-S1',
  ])
  t.strictSame(records({ 'c[CONF_STATUS]': 'C' }), ['ELB NSGE-B2_2 _T EGY _T _T 2024'])
  t.strictSame(records({ 'c[UNIT_MEASURE]': 'PT' }), ['ELB NSGE-D4_2 _T _T _T _T 2024'])
  t.strictSame(records({ 'c[TIME_PERIOD]': 'gt:2024', 'c[SEX]': '_T', 'c[URBANISATION]': '_T' }), [
    'DRE NSDV-1_1 _T _T _T _T 2025-S1',
    'ELB NSGE-B2_2 _T _T _T _T 2025',
  ])
  t.strictSame(records({ 'c[REF_AREA]': 'TIR' }), [], 'a municipality without tied figures')
  t.strictSame(records({ 'c[INDICATOR]': 'NSGE-UNUSED' }), [], 'a national indicator without figures')
})

t.test('SDMX: a refusal comes when writing is asked, before any text', async (t) => {
  const inputs = (request: ExportRequest, view = now): ExportInputs => ({ request, now: view, since: null, exportedAt })
  t.throws(() => sdmx.write(inputs({ options: { 'c[REF_AREA]': 'SHK' } })), {
    code: 'TRG_NOT_FOUND',
    details: { entity: 'municipality', id: 'SHK' },
  })
  t.throws(() => sdmx.write(inputs({ options: { 'c[INDICATOR]': 'NSGE-B2.2' } })), {
    code: 'TRG_INVALID_VALUE',
    details: { type: 'c[INDICATOR]', value: 'NSGE-B2.2', problem: 'NSGE-B2.2 is not an SDMX code' },
  })
  t.throws(() => sdmx.write(inputs({ options: { 'c[INDICATOR]': 'NSGE-X' } })), {
    code: 'TRG_NOT_FOUND',
    details: { entity: 'national indicator', id: 'NSGE-X' },
  })
  t.throws(() => sdmx.write(inputs({ options: { 'c[TIME_PERIOD]': 'ge:2024-H1' } })), {
    code: 'TRG_INVALID_VALUE',
    details: { type: 'c[TIME_PERIOD]', value: 'ge:2024-H1' },
  })
  const clashing = view(indicators(), {}, [tied, 'NSGE-B2/2'])
  t.throws(() => sdmx.write(inputs({}, clashing)), {
    code: 'TRG_INVALID_STATE',
    details: { entity: 'national indicator', id: 'NSGE-B2/2', state: "its SDMX identifier NSGE-B2_2 is also NSGE-B2.2's" },
  })
})

t.test('SDMX since a position: corrections and newly counted figures R or I, withdrawn ones D with their key only', async (t) => {
  const expected =
    header +
    `${flow},D,S,DRE,NSDV-1_1,F,_T,_T,_T,2025-S1,,,,,,\r\n` +
    `${flow},R,A,ELB,NSGE-B2_2,_T,_T,_T,_T,2024,80,NUMBER,0,A,F,${comment}\r\n` +
    `${flow},I,A,ELB,NSGE-B2_2,F,_T,_T,_T,2024,62,NUMBER,0,A,F,${comment}\r\n` +
    `${flow},I,A,ELB,NSGE-B2_2,M,_T,_T,_T,2024,18,NUMBER,0,A,F,${comment}\r\n` +
    `${flow},I,A,ELB,NSGE-B2_2,_T,EGY,_T,_T,2024,,NUMBER,0,Q,C,${withheld}\r\n` +
    `${flow},I,A,ELB,NSGE-B2_2,_T,_T,_T,_T,2025,75,NUMBER,0,A,F,\r\n`
  t.equal(write(sdmx, {}, then), expected, 'in 2024 the count supersedes the other it was superseded by')
  t.equal(write(sdmx, {}, now), header, 'nothing changed since now')
  t.equal(
    write(sdmx, { options: { 'c[SEX]': '_T', 'c[ETHNICITY]': '_T' } }, then),
    header +
      `${flow},R,A,ELB,NSGE-B2_2,_T,_T,_T,_T,2024,80,NUMBER,0,A,F,${comment}\r\n` +
      `${flow},I,A,ELB,NSGE-B2_2,_T,_T,_T,_T,2025,75,NUMBER,0,A,F,\r\n`,
    'filtered, both then and now',
  )
  t.equal(
    write(sdmx, { municipality: 'DRE' }, then),
    `${header}${flow},D,S,DRE,NSDV-1_1,F,_T,_T,_T,2025-S1,,,,,,\r\n`,
    'scoped, both then and now',
  )
})

t.test('the tidy CSV: every figure row, the untied and superseded too; since a position, what changed', async (t) => {
  const lines = (csv: string) => csv.split('\r\n').slice(1, -1)
  const all = write(tidy, {})
  t.ok(all.startsWith(`${utf8Bom}${tidyCsvHeader.join(',')}\r\n`), 'the byte order mark, then the header')
  t.strictSame(
    lines(all).map((record) => record.split(',').slice(0, 8).join(' ')),
    [
      `I XK DRE ${drenasPlan} ${ids.drenas} 1.1/T1 NSDV-1.1 2025-H1`,
      `I XK DRE ${drenasPlan} ${ids.drenas} 1.1/T1 NSDV-1.1 2025-H1`,
      `I XK DRE ${drenasPlan} ${ids.drenas} 1.1/T1 NSDV-1.1 2025-H1`,
      `I AL ELB ${elbasanPlan} ${ids.count} 1.1/T1 NSGE-B2.2 2024`,
      `I AL ELB ${elbasanPlan} ${ids.count} 1.1/T1 NSGE-B2.2 2024`,
      `I AL ELB ${elbasanPlan} ${ids.count} 1.1/T1 NSGE-B2.2 2024`,
      `I AL ELB ${elbasanPlan} ${ids.count} 1.1/T1 NSGE-B2.2 2024`,
      `I AL ELB ${elbasanPlan} ${ids.other} 1.2/T1 NSGE-B2.2 2024`,
      `I AL ELB ${elbasanPlan} ${ids.other} 1.2/T1 NSGE-B2.2 2025`,
      `I AL ELB ${elbasanPlan} ${ids.untied} 1.3/T1  2024`,
      `I AL ELB ${elbasanPlan} ${ids.share} 2.1/T1 NSGE-D4.2 2024`,
    ],
  )
  t.ok(all.includes(',"Zyra e Gjendjes Civile; ""Shkodër"", 2024"\r\n'), 'the source quoted as a CSV field')
  t.equal(write(tidy, {}), all, 'the same input, the same bytes')
  t.strictSame(
    lines(write(tidy, {}, then)).map((record) => record.split(',').slice(0, 8).concat(record.split(',').slice(8, 13)).join(' ')),
    [
      `D XK DRE ${drenasPlan} ${ids.drenas} 1.1/T1 NSDV-1.1 2025-H1 F _T _T _T 12`,
      `I AL ELB ${elbasanPlan} ${ids.other} 1.2/T1 NSGE-B2.2 2025 _T _T _T _T 75`,
    ],
    'the positions count for nothing in the tidy CSV: the withdrawn part, the new figure',
  )
  t.strictSame(lines(write(tidy, { municipality: 'ELB' }, then)).length, 1, 'scoped, then and now')
  t.strictSame(lines(write(tidy, { options: { 'c[SEX]': 'F' } })).length, 11, 'SDMX filters are no business of the tidy CSV')
})

t.test('the DHIS2 formats: refused before any text while an item is unmapped; with since, only what changed', async (t) => {
  const dhis2Formats = ['figures.dhis2.json', 'figures.dhis2.csv', 'figures.adx.xml'].map(exportFormat)
  t.ok(dhis2Formats.length > 0)
  const unmappedItems = [
    'data element of national indicator NSDV-1.1',
    'data element of national indicator NSGE-B2.2',
    'data element of national indicator NSGE-D4.2',
    'org unit of municipality DRE',
    'org unit of municipality ELB',
  ]
  const mapped: Dhis2Lookup = {
    targetOf: (_indicatorId, nationalCode) =>
      nationalCode === null ? null : { dataSet: 'DS_LAP', dataElement: { code: `DE_${nationalCode}` }, disaggregation: 'none' },
    orgUnitOf: (municipality) => `OU_${municipality}`,
    comboOf: () => null,
  }
  const mappedNow = { ...now, dhis2: mapped }
  for (const format of dhis2Formats) {
    t.throws(
      () => format.write({ request: {}, now, since: null, exportedAt }),
      {
        code: 'TRG_EXPORT_UNMAPPED',
        details: { format: format.file, unmapped: unmappedItems },
      },
      format.file,
    )
    t.throws(
      () =>
        format.write({
          request: { municipality: 'DRE' },
          now: { ...now, dhis2: { ...mapped, orgUnitOf: () => null } },
          since: then,
          exportedAt,
        }),
      { code: 'TRG_EXPORT_UNMAPPED', details: { format: format.file, unmapped: ['org unit of municipality DRE'] } },
      `${format.file}: with since too`,
    )
    const empty = text(format.write({ request: { planId: uuid(99) }, now: mappedNow, since: null, exportedAt }))
    t.not(text(format.write({ request: {}, now: mappedNow, since: null, exportedAt })), empty, `${format.file}: every value`)
    t.equal(
      text(format.write({ request: {}, now: mappedNow, since: mappedNow, exportedAt })),
      empty,
      `${format.file}: nothing changed, no value`,
    )
  }
})

t.test('IATI activities: none to publish is no file, with or without since', async (t) => {
  const iati = exportFormat('activities.iati.xml')
  t.equal(iati.mediaType, 'application/xml; charset=utf-8')
  t.equal(iati.takes('c[SEX]'), false)
  t.equal(iati.write({ request: {}, now, since: null, exportedAt }), null)
  t.equal(iati.write({ request: { municipality: 'ELB' }, now, since: then, exportedAt }), null)
})
