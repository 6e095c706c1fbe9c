import t from 'tap'
import { allNew, type Changed } from '../changes.js'
import { d, period, row, sdmxExampleHeader } from '../test-support.js'
import { sdmxIndicatorIds } from './sdmx-codes.js'
import { sdmxCsv, sdmxCsvHeader, sdmxCsvRecord } from './sdmx-csv.js'
import { sdmxObservations, type SdmxObservation } from './sdmx-observations.js'

const header =
  'STRUCTURE[;],STRUCTURE_ID,ACTION,FREQ,REF_AREA,INDICATOR,SEX,ETHNICITY,URBANISATION,AGE,TIME_PERIOD,' +
  'OBS_VALUE,UNIT_MEASURE,UNIT_MULT,OBS_STATUS,CONF_STATUS,COMMENT_OBS[sq;en]\r\n'

const flow = 'dataflow,TREGUESI:DF_LAP_INDICATORS(1.0.0)'
const withheld = 'sq:E fshehur: një numër i vogël mund të tregojë një person;en:Withheld: a small count could point at a person'
const computed = 'sq:Llogaritur nga alokimet buxhetore;en:Computed from budget allocations'

const ids = sdmxIndicatorIds(['NSGE_B2_2', 'NSGE_D4_2', 'NSDV-1.1'])

/** The observation of one row, its national code given. */
function observationOf(changes: Parameters<typeof row>[0]): SdmxObservation {
  const [made] = [...sdmxObservations([row(changes)], ids, () => null)]
  return made!
}

/** A record's fields, for a record without quotes. */
const fields = (record: string) => record.replace(/\r\n$/, '').split(',')

t.test('the header: the structure, the action, the key in the DSD order, the measure, the attributes', async (t) => {
  t.equal(sdmxCsvHeader.join(','), header.replace('\r\n', ''))
  t.strictSame([...sdmxCsv([])], [header], 'no observation: the header alone, no byte order mark, STRUCTURE first')
})

t.test("the dimension columns are the example's, in its order", async (t) => {
  const example = sdmxExampleHeader()
  const dimensionsOf = (columns: readonly string[]) =>
    columns.slice(columns.indexOf('ACTION') + 1, columns.indexOf('OBS_VALUE')).filter((column) => column !== '')
  t.strictSame(dimensionsOf(sdmxCsvHeader), ['FREQ', 'REF_AREA', 'INDICATOR', 'SEX', 'ETHNICITY', 'URBANISATION', 'AGE', 'TIME_PERIOD'])
  t.strictSame(dimensionsOf(sdmxCsvHeader), dimensionsOf(example))
  t.strictSame(sdmxCsvHeader.slice(0, 3), example.slice(0, 3), 'STRUCTURE[;], STRUCTURE_ID, ACTION first')
  t.strictSame(
    sdmxCsvHeader.slice(11, 16),
    example.slice(11, 16),
    'OBS_VALUE, UNIT_MEASURE, UNIT_MULT, OBS_STATUS, CONF_STATUS after the key',
  )
  t.equal(sdmxCsvHeader.length, example.length, 'as many columns')
})

t.test('a record per observation: the key, the value, its unit, status and comment', async (t) => {
  const record = (changes: Parameters<typeof row>[0], action: 'I' | 'R' = 'I') => sdmxCsvRecord({ action, row: observationOf(changes) })
  t.equal(
    record({ nationalCode: 'NSGE_B2_2', value: d('80') }),
    `${flow},I,A,ELB,NSGE_B2_2,_T,_T,_T,_T,2024,80,NUMBER,0,A,F,\r\n`,
    'no source: no comment',
  )
  t.equal(
    record({ nationalCode: 'NSGE_B2_2', value: d('62'), part: { dimension: 'sex', category: 'F' }, status: 'corrected' }, 'R'),
    `${flow},R,A,ELB,NSGE_B2_2,F,_T,_T,_T,2024,62,NUMBER,0,A,F,\r\n`,
  )
  t.equal(
    record({ nationalCode: 'NSGE_B2_2', value: null, part: { dimension: 'ethnicity', category: 'egyptian' }, status: 'suppressed' }),
    `${flow},I,A,ELB,NSGE_B2_2,_T,EGY,_T,_T,2024,,NUMBER,0,Q,C,${withheld}\r\n`,
    'a withheld cell: no value, missing and confidential, and why, in Albanian and English',
  )
  t.equal(
    record({ nationalCode: 'NSGE_D4_2', unit: 'percent', value: d('0.9'), status: 'computed', source: 'ignored' }),
    `${flow},I,A,ELB,NSGE_D4_2,_T,_T,_T,_T,2024,0.9,PT,0,A,F,${computed}\r\n`,
    'a budget share: computed, whatever the source',
  )
  t.equal(
    record({
      municipality: 'DRE',
      country: 'XK',
      nationalCode: 'NSDV-1.1',
      period: period('2025-H1'),
      value: d('12'),
      part: { dimension: 'area', category: 'rural' },
    }),
    `${flow},I,S,DRE,NSDV-1_1,_T,_T,R,_T,2025-S1,12,NUMBER,0,A,F,\r\n`,
  )
  t.equal(
    record({
      nationalCode: 'NSGE_B2_2',
      period: period('2024-Q3'),
      unit: 'amount',
      currency: 'ALL',
      value: d('9900000.00'),
      source: 'Drejtoria e Financës',
    }),
    `${flow},I,Q,ELB,NSGE_B2_2,_T,_T,_T,_T,2024-Q3,9900000.00,ALL,0,A,F,sq:Drejtoria e Financës\r\n`,
    'the Albanian source intact',
  )
  t.equal(fields(record({ nationalCode: 'NSGE_B2_2' })).length, sdmxCsvHeader.length, 'as many fields as the header')
})

t.test('a deletion names the full key and leaves the rest empty', async (t) => {
  const observation = observationOf({ nationalCode: 'NSGE_B2_2', part: { dimension: 'sex', category: 'M' }, source: 'Regjistri' })
  const record = sdmxCsvRecord({ action: 'D', row: observation })
  t.equal(record, `${flow},D,A,ELB,NSGE_B2_2,M,_T,_T,_T,2024,,,,,,\r\n`)
  t.equal(fields(record).length, sdmxCsvHeader.length)
  const suppressed = observationOf({ nationalCode: 'NSGE_B2_2', value: null, status: 'suppressed' })
  t.equal(sdmxCsvRecord({ action: 'D', row: suppressed }), `${flow},D,A,ELB,NSGE_B2_2,_T,_T,_T,_T,2024,,,,,,\r\n`, 'whatever it held')
})

t.test("a source holding the separators: the language's value in inner quotes, the field in outer ones", async (t) => {
  const before = `${flow},I,A,ELB,NSGE_B2_2,_T,_T,_T,_T,2024,5,NUMBER,0,A,F,`
  const comment = (source: string) => {
    const record = sdmxCsvRecord({ action: 'I', row: observationOf({ nationalCode: 'NSGE_B2_2', source }) })
    t.equal(record.slice(0, before.length), before, 'the comment is the last field')
    return record.slice(before.length)
  }
  t.equal(comment('Regjistri, Elbasan'), '"sq:Regjistri, Elbasan"\r\n', 'a comma: quoted as a CSV field only')
  t.equal(
    comment('Regjistri; Elbasan'),
    '"""sq:Regjistri; Elbasan"""\r\n',
    "the sub-field separator: inner quotes, each doubled in the field's",
  )
  t.equal(comment('Regjistri "Çlirimi"'), '"""sq:Regjistri """"Çlirimi"""""""\r\n', 'a quote: doubled inside, then again outside')
  t.equal(comment('Zyra "Gjendja"; Elbasan, 2024'), '"""sq:Zyra """"Gjendja""""; Elbasan, 2024"""\r\n', 'all three')
  t.equal(comment('Raporti vjetor i bashkisë'), 'sq:Raporti vjetor i bashkisë\r\n', 'nothing to quote')
})

t.test('a data message: the header, then a record per observation in the order given; the same input, the same bytes', async (t) => {
  const rows = [
    row({ nationalCode: 'NSGE_B2_2', value: d('80'), source: 'Zyra e Gjendjes Civile; Shkodër' }),
    row({ nationalCode: 'NSGE_B2_2', value: d('62'), part: { dimension: 'sex', category: 'F' } }),
    row({ nationalCode: 'NSGE_B2_2', value: d('18'), part: { dimension: 'sex', category: 'M' } }),
    row({ nationalCode: 'NSGE_B2_2', value: null, part: { dimension: 'ethnicity', category: 'Egyptian' }, status: 'suppressed' }),
  ]
  const message = () => [...sdmxCsv(allNew(sdmxObservations(rows, ids, () => null)))].join('')
  const expected =
    header +
    `${flow},I,A,ELB,NSGE_B2_2,_T,_T,_T,_T,2024,80,NUMBER,0,A,F,"""sq:Zyra e Gjendjes Civile; Shkodër"""\r\n` +
    `${flow},I,A,ELB,NSGE_B2_2,F,_T,_T,_T,2024,62,NUMBER,0,A,F,\r\n` +
    `${flow},I,A,ELB,NSGE_B2_2,M,_T,_T,_T,2024,18,NUMBER,0,A,F,\r\n` +
    `${flow},I,A,ELB,NSGE_B2_2,_T,EGY,_T,_T,2024,,NUMBER,0,Q,C,${withheld}\r\n`
  t.equal(message(), expected)
  t.ok(Buffer.from(message(), 'utf8').equals(Buffer.from(expected, 'utf8')), 'byte for byte, again')
  t.ok(message().includes('Shkodër') && message().includes('një'), 'ë intact')
  const changes: Changed<SdmxObservation>[] = [
    { action: 'R', row: observationOf({ nationalCode: 'NSGE_B2_2', value: d('81') }) },
    { action: 'D', row: observationOf({ nationalCode: 'NSGE_B2_2', period: period('2024-H2') }) },
  ]
  t.strictSame(
    [...sdmxCsv(changes)],
    [header, `${flow},R,A,ELB,NSGE_B2_2,_T,_T,_T,_T,2024,81,NUMBER,0,A,F,\r\n`, `${flow},D,S,ELB,NSGE_B2_2,_T,_T,_T,_T,2024-S2,,,,,,\r\n`],
    'a chunk per record',
  )
})
