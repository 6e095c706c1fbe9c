import t from 'tap'
import type { ChangedRow } from './changes.js'
import { utf8Bom } from './csv.js'
import { tidyCsv, tidyCsvHeader, tidyCsvRecord, total } from './tidy-csv.js'
import { d, period, row, uuid } from './test-support.js'

const header =
  'action,country,municipality,plan_id,indicator_id,indicator_code,national_code,period,sex,ethnicity,area,age_group,' +
  'value,numerator,denominator,unit,currency,target,target_lower,target_upper,attainment,status,corrections,source\r\n'

const plan = uuid(1)
const indicator = uuid(10)

t.test('the header: one column per field and per dimension, dashes made underscores', async (t) => {
  t.equal(`${tidyCsvHeader.join(',')}\r\n`, header)
  t.equal(tidyCsvHeader.length, 24)
  t.equal(total, '_T')
})

t.test('a file: the byte order mark first, then the header, then a record per row', async (t) => {
  t.strictSame([...tidyCsv([])], [`${utf8Bom}${header}`], 'no row: the header alone')
  const rows: ChangedRow[] = [
    { action: 'I', row: row() },
    { action: 'D', row: row({ period: period('2025') }) },
  ]
  const chunks = [...tidyCsv(rows)]
  t.equal(chunks.length, 3)
  t.ok(chunks[0]!.startsWith('\uFEFFaction,'), 'the BOM before anything')
  t.equal(chunks.join('').indexOf('\uFEFF', 1), -1, 'and once only')
  t.strictSame(chunks.slice(1), rows.map(tidyCsvRecord), 'a record per row, in order')
})

t.test('a total row has _T in every dimension column', async (t) => {
  const totalRow = row({
    nationalCode: 'GE-01',
    period: period('2024-H1'),
    value: d('70'),
    target: d('60'),
    attainment: d('1.166666666667'),
    status: 'corrected',
    corrections: 2,
    source: 'Regjistri i Gjendjes Civile',
  })
  t.equal(
    tidyCsvRecord({ action: 'I', row: totalRow }),
    `I,AL,ELB,${plan},${indicator},1.1/T1,GE-01,2024-H1,_T,_T,_T,_T,70,,,count,,60,,,1.166666666667,corrected,2,Regjistri i Gjendjes Civile\r\n`,
  )
  const percent = row({ unit: 'percent', value: d('75'), numerator: d('45'), denominator: d('60') })
  t.equal(
    tidyCsvRecord({ action: 'I', row: percent }),
    `I,AL,ELB,${plan},${indicator},1.1/T1,,2024,_T,_T,_T,_T,75,45,60,percent,,,,,,reported,0,\r\n`,
  )
  const amount = row({ country: 'XK', municipality: 'DRE', unit: 'amount', currency: 'EUR', value: d('1250.50') })
  t.equal(
    tidyCsvRecord({ action: 'I', row: amount }),
    `I,XK,DRE,${plan},${indicator},1.1/T1,,2024,_T,_T,_T,_T,1250.50,,,amount,EUR,,,,,reported,0,\r\n`,
  )
})

t.test("a breakdown row has its category in its dimension's column, _T in the others", async (t) => {
  const record = (dimension: 'sex' | 'ethnicity' | 'area' | 'age-group', category: string) =>
    tidyCsvRecord({ action: 'I', row: row({ part: { dimension, category }, value: d('3') }) })
  const start = `I,AL,ELB,${plan},${indicator},1.1/T1,,2024`
  const end = '3,,,count,,,,,,reported,0,\r\n'
  t.equal(record('sex', 'F'), `${start},F,_T,_T,_T,${end}`)
  t.equal(record('ethnicity', 'Rom'), `${start},_T,Rom,_T,_T,${end}`)
  t.equal(record('area', 'fshat'), `${start},_T,_T,fshat,_T,${end}`)
  t.equal(record('age-group', '15-24'), `${start},_T,_T,_T,15-24,${end}`)
  const withheld = row({ part: { dimension: 'sex', category: 'M' }, value: null, status: 'suppressed' })
  t.equal(tidyCsvRecord({ action: 'I', row: withheld }), `${start},M,_T,_T,_T,,,,count,,,,,,suppressed,0,\r\n`, 'withheld: no value')
})

t.test('the action comes first: I new, R replaced, D withdrawn', async (t) => {
  for (const action of ['I', 'R', 'D'] as const) {
    t.equal(
      tidyCsvRecord({ action, row: row() }),
      `${action},AL,ELB,${plan},${indicator},1.1/T1,,2024,_T,_T,_T,_T,5,,,count,,,,,,reported,0,\r\n`,
    )
  }
})

t.test('text with commas, quotes and Albanian letters is quoted as RFC 4180 says, and kept intact', async (t) => {
  const sourced = row({
    indicatorCode: 'III.2 (f)/T1',
    source: 'Raporti "Barazia", Bashkia Elbasan',
    part: { dimension: 'ethnicity', category: 'Egjiptianë, Romë' },
  })
  t.equal(
    tidyCsvRecord({ action: 'R', row: sourced }),
    `R,AL,ELB,${plan},${indicator},III.2 (f)/T1,,2024,_T,"Egjiptianë, Romë",_T,_T,5,,,count,,,,,,reported,0,"Raporti ""Barazia"", Bashkia Elbasan"\r\n`,
  )
})

t.test("a range's or band's bounds beside the figure progress moves towards", async (t) => {
  const ranged = row({ target: d('3'), targetBounds: { lower: d('3'), upper: d('5') }, attainment: d('1.666666666667'), unit: 'percent' })
  t.equal(
    tidyCsvRecord({ action: 'I', row: ranged }),
    `I,AL,ELB,${plan},${indicator},1.1/T1,,2024,_T,_T,_T,_T,5,,,percent,,3,3,5,1.666666666667,reported,0,\r\n`,
  )
})

t.test('a text a spreadsheet would run as a formula is written as text', async (t) => {
  const risky = row({ indicatorCode: '=1+1', source: '@SUM(A1:A9)' })
  t.equal(
    tidyCsvRecord({ action: 'I', row: risky }),
    `I,AL,ELB,${plan},${indicator},'=1+1,,2024,_T,_T,_T,_T,5,,,count,,,,,,reported,0,'@SUM(A1:A9)\r\n`,
  )
  t.match(tidyCsvRecord({ action: 'I', row: row({ value: d('-2') }) }), /,-2,/, 'a negative number stays a number')
})
