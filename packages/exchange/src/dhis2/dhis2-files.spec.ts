import t from 'tap'
import type { Changed } from '../changes.js'
import { d, period } from '../test-support.js'
import { adxPeriod, adxXml, dataValueSetCsv, dataValueSetJson, xmlAttribute } from './dhis2-files.js'
import type { Dhis2Value } from './dhis2-values.js'

const value = (changes: Partial<Dhis2Value> = {}): Dhis2Value => ({
  municipality: 'ELB',
  period: period('2024'),
  dataSet: 'LAP_GENDER',
  dataElement: 'LAP_CASES',
  orgUnit: 'AL_ELB',
  combo: null,
  value: d('157'),
  comment: null,
  ...changes,
})
const female = { categoryOptionCombo: 'SEX_F', adx: { category: 'SEX', option: 'F' } }
const text = (chunks: Iterable<string>) => [...chunks].join('')

const changes: Changed<Dhis2Value>[] = [
  { action: 'I', row: value({ comment: 'Raporti i vitit; "REVALB", çështje' }) },
  { action: 'R', row: value({ combo: female, value: d('120') }) },
  { action: 'D', row: value({ period: period('2025-H1'), value: d('3') }) },
  { action: 'I', row: value({ period: period('2025-Q3'), orgUnit: 'AL_<ELB>', dataSet: 'LAP & CO' }) },
]

t.test('dataValueSet JSON: the bulk form in codes, a withdrawal marked deleted; empty, an empty list', async (t) => {
  const json = text(dataValueSetJson(changes))
  t.same(JSON.parse(json), {
    idScheme: 'code',
    dataValues: [
      { dataElement: 'LAP_CASES', period: '2024', orgUnit: 'AL_ELB', value: '157', comment: 'Raporti i vitit; "REVALB", çështje' },
      { dataElement: 'LAP_CASES', period: '2024', orgUnit: 'AL_ELB', categoryOptionCombo: 'SEX_F', value: '120' },
      { dataElement: 'LAP_CASES', period: '2025S1', orgUnit: 'AL_ELB', value: '3', deleted: true },
      { dataElement: 'LAP_CASES', period: '2025Q3', orgUnit: 'AL_<ELB>', value: '157' },
    ],
  })
  t.equal(json.split('\n').length, 7, 'one value per line')
  t.same(JSON.parse(text(dataValueSetJson([]))), { idScheme: 'code', dataValues: [] })
})

t.test('dataValueSet CSV: positional columns, a withdrawal with neither value nor comment', async (t) => {
  t.equal(
    text(dataValueSetCsv(changes)),
    [
      'dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,flwup',
      'LAP_CASES,2024,AL_ELB,,,157,,,"Raporti i vitit; ""REVALB"", çështje",false',
      'LAP_CASES,2024,AL_ELB,SEX_F,,120,,,,false',
      'LAP_CASES,2025S1,AL_ELB,,,,,,,false',
      'LAP_CASES,2025Q3,AL_<ELB>,,,157,,,,false',
      '',
    ].join('\r\n'),
  )
  t.equal(
    text(dataValueSetCsv([{ action: 'I', row: value({ comment: '=SUM(A1)' }) }])).split('\r\n')[1],
    "LAP_CASES,2024,AL_ELB,,,157,,,'=SUM(A1),false",
  )
})

t.test('ADX periods: the first day and the duration', async (t) => {
  t.same(
    ['2024', '2024-H1', '2024-H2', '2024-Q1', '2024-Q3', '2024-Q4'].map((each) => adxPeriod(period(each))),
    ['2024-01-01/P1Y', '2024-01-01/P6M', '2024-07-01/P6M', '2024-01-01/P3M', '2024-07-01/P3M', '2024-10-01/P3M'],
  )
})

t.test('ADX: grouped by org unit, period and data set, a category as its attribute, no deletion, escaped', async (t) => {
  t.equal(xmlAttribute(`a&b<c>"d"'e`), 'a&amp;b&lt;c&gt;&quot;d&quot;&apos;e')
  t.equal(
    text(adxXml(changes, '2025-06-02T08:00:00.000Z')),
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<adx xmlns="urn:ihe:qrph:adx:2015" exported="2025-06-02T08:00:00.000Z">',
      '  <group dataSet="LAP_GENDER" orgUnit="AL_ELB" period="2024-01-01/P1Y">',
      '    <dataValue dataElement="LAP_CASES" value="157"/>',
      '    <dataValue dataElement="LAP_CASES" SEX="F" value="120"/>',
      '  </group>',
      '  <group dataSet="LAP &amp; CO" orgUnit="AL_&lt;ELB&gt;" period="2025-07-01/P3M">',
      '    <dataValue dataElement="LAP_CASES" value="157"/>',
      '  </group>',
      '</adx>',
      '',
    ].join('\n'),
  )
  t.equal(
    text(adxXml([], '1970-01-01T00:00:00.000Z')),
    '<?xml version="1.0" encoding="UTF-8"?>\n<adx xmlns="urn:ihe:qrph:adx:2015" exported="1970-01-01T00:00:00.000Z">\n</adx>\n',
    'nothing: no group',
  )
})
