import type { DisaggregationDimension } from '@treguesi/domain'
import t from 'tap'
import type { FigureRow } from '../figure-rows.js'
import { d, period, row, uuid } from '../test-support.js'
import { compareValues, dhis2Period, dhis2Values, unmappedOf, type Dhis2Combo, type Dhis2Lookup, type Dhis2Target } from './dhis2-values.js'

const counted: Dhis2Target = { dataSet: 'LAP', dataElement: { code: 'CASES' }, disaggregation: 'none' }
const bySex: Dhis2Target = { dataSet: 'LAP', dataElement: { code: 'CASES_SEX' }, disaggregation: 'sex' }
const share: Dhis2Target = { dataSet: 'LAP', dataElement: { numerator: 'SHARE_NUM', denominator: 'SHARE_DEN' }, disaggregation: 'none' }

/** A mapping of national codes (and indicator ids), org units and combos held in maps. */
function lookup(
  targets: Record<string, Dhis2Target>,
  orgUnits: Record<string, string> = { ELB: 'AL_ELB', DRE: 'XK_DRE' },
  combos: Record<string, Dhis2Combo> = {
    'sex:F': { categoryOptionCombo: 'SEX_F', adx: { category: 'SEX', option: 'F' } },
    'sex:M': { categoryOptionCombo: 'SEX_M', adx: { category: 'SEX', option: 'M' } },
  },
): Dhis2Lookup {
  return {
    targetOf: (indicatorId, nationalCode) => targets[indicatorId] ?? (nationalCode === null ? null : (targets[nationalCode] ?? null)),
    orgUnitOf: (municipality) => orgUnits[municipality] ?? null,
    comboOf: (dimension: DisaggregationDimension, category) => combos[`${dimension}:${category}`] ?? null,
  }
}

const noPositions = () => null
const tied = (changes: Partial<FigureRow> = {}) => row({ nationalCode: 'AL-CASES', source: 'Regjistri i çështjeve', ...changes })
const female = { dimension: 'sex', category: 'F' } as const
const male = { dimension: 'sex', category: 'M' } as const

t.test('periods as DHIS2 names them', async (t) => {
  t.same(
    ['2024', '2024-H1', '2024-H2', '2024-Q3'].map((each) => dhis2Period(period(each))),
    ['2024', '2024S1', '2024S2', '2024Q3'],
  )
})

t.test('unmapped: every missing item once, sorted; rows of no national code and no mapping of their own are not asked for', async (t) => {
  const rows = [
    tied({ municipality: 'TIR' }),
    tied({ municipality: 'TIR', part: female }),
    tied({ municipality: 'TIR', nationalCode: 'AL-OTHER', indicatorId: uuid(11) }),
    row({ nationalCode: null, indicatorId: uuid(12) }),
    tied({ municipality: 'TIR', nationalCode: 'AL-SEX', indicatorId: uuid(13), part: { dimension: 'sex', category: 'X' } }),
    tied({ municipality: 'TIR', nationalCode: 'AL-SEX', indicatorId: uuid(13), part: { dimension: 'area', category: 'urban' } }),
  ]
  t.same(unmappedOf(rows, lookup({ 'AL-CASES': counted, 'AL-SEX': bySex })), [
    'category option combo of sex X',
    'data element of national indicator AL-OTHER',
    'org unit of municipality TIR',
  ])
  t.same(unmappedOf([tied(), row({ indicatorId: uuid(14) })], lookup({ 'AL-CASES': counted, [uuid(14)]: counted })), [], 'all mapped')
  t.same(
    unmappedOf([row({ indicatorId: uuid(15) })], lookup({ [uuid(15)]: counted }, {})),
    ['org unit of municipality ELB'],
    'an indicator mapped alone',
  )
})

t.test('a total goes to an element without disaggregation, categories to one by their dimension, never both', async (t) => {
  const rows = [tied({ value: d('20') }), tied({ part: female, value: d('15') }), tied({ part: male, value: d('5') })]
  t.same(
    [...dhis2Values(rows, lookup({ 'AL-CASES': counted }), noPositions)],
    [
      {
        municipality: 'ELB',
        period: '2024',
        dataSet: 'LAP',
        orgUnit: 'AL_ELB',
        combo: null,
        comment: 'Regjistri i çështjeve',
        dataElement: 'CASES',
        value: '20',
      },
    ],
  )
  t.same(
    [...dhis2Values(rows, lookup({ 'AL-CASES': bySex }), noPositions)].map((value) => [value.combo?.categoryOptionCombo, value.value]),
    [
      ['SEX_F', '15'],
      ['SEX_M', '5'],
    ],
  )
})

t.test('left out: what DHIS2 cannot take, or the mapping of the time lacks', async (t) => {
  const values = (rows: FigureRow[], mapping: Dhis2Lookup) => [...dhis2Values(rows, mapping, noPositions)].length
  t.equal(values([tied({ value: null, status: 'suppressed' })], lookup({ 'AL-CASES': counted })), 0, 'a withheld small count')
  t.equal(values([tied()], lookup({ 'AL-CASES': counted }, {})), 0, 'no org unit')
  t.equal(values([tied({ part: { dimension: 'sex', category: 'X' } })], lookup({ 'AL-CASES': bySex })), 0, 'no combo')
  t.equal(values([tied({ part: { dimension: 'area', category: 'urban' } })], lookup({ 'AL-CASES': bySex })), 0, 'another dimension')
  t.equal(values([tied({ unit: 'percent', value: d('40') })], lookup({ 'AL-CASES': share })), 0, 'a percentage without its counts')
  t.equal(values([tied({ unit: 'percent', value: d('40'), numerator: d('2') })], lookup({ 'AL-CASES': share })), 0, 'or with one of them')
  t.equal(values([row({ nationalCode: null })], lookup({})), 0, 'an indicator mapped nowhere')
})

t.test('a percentage as its numerator and denominator', async (t) => {
  const rows = [tied({ unit: 'percent', value: d('40'), numerator: d('2'), denominator: d('5') })]
  t.same(
    [...dhis2Values(rows, lookup({ 'AL-CASES': share }), noPositions)].map((value) => [value.dataElement, value.value]),
    [
      ['SHARE_DEN', '5'],
      ['SHARE_NUM', '2'],
    ],
    'sorted by element',
  )
})

t.test('in order of municipality, org unit, period, data set, element, combo; a later figure supersedes', async (t) => {
  const rows = [
    tied({ municipality: 'DRE', indicatorId: uuid(1), period: period('2025') }),
    tied({ municipality: 'DRE', indicatorId: uuid(1), period: period('2024-H1') }),
    tied({ municipality: 'ELB', indicatorId: uuid(2), value: d('7') }),
    tied({ municipality: 'ELB', indicatorId: uuid(3), value: d('9') }),
    tied({ municipality: 'ELB', indicatorId: uuid(4), nationalCode: 'AL-B' }),
  ]
  const mapping = lookup({ 'AL-CASES': counted, 'AL-B': { ...counted, dataSet: 'A', dataElement: { code: 'B' } } })
  const positions: Record<string, bigint> = { [`${uuid(2)} 2024`]: 9n, [`${uuid(3)} 2024`]: 4n }
  const values = [...dhis2Values(rows, mapping, (id, at) => positions[`${id} ${at}`] ?? null)]
  t.same(
    values.map((value) => `${value.orgUnit} ${value.period} ${value.dataSet}/${value.dataElement} ${value.value}`),
    ['XK_DRE 2024-H1 LAP/CASES 5', 'XK_DRE 2025 LAP/CASES 5', 'AL_ELB 2024 A/B 5', 'AL_ELB 2024 LAP/CASES 7'],
  )
  const [a, b] = values
  t.ok(compareValues(a!, { ...a!, orgUnit: 'XK_ZZZ' }) < 0, 'another org unit is another value')
  t.equal(compareValues(a!, { ...a! }), 0)
  t.ok(compareValues({ ...a!, combo: { categoryOptionCombo: 'SEX_F', adx: { category: 'SEX', option: 'F' } } }, a!) > 0, 'the total first')
  t.ok(compareValues(b!, a!) > 0)
})
