import type { Period } from '@treguesi/domain'
import t from 'tap'
import type { FigureRow } from '../figure-rows.js'
import { d, period, row, uuid } from '../test-support.js'
import { sdmxIndicatorIds } from './sdmx-codes.js'
import { compareObservations, sdmxObservations, type NationalContext, type SdmxObservation } from './sdmx-observations.js'

const code = 'AL-SKBGJ-5.5.1b'
const ids = sdmxIndicatorIds([code, 'NSGE-B2'])
const first = uuid(10)
const second = uuid(11)

/** Positions by indicator and period; none for those not named. */
const positions =
  (given: Readonly<Record<string, Readonly<Record<string, bigint>>>>): NationalContext['positionOf'] =>
  (indicatorId, at) =>
    given[indicatorId]?.[at] ?? null

const noPosition: NationalContext['positionOf'] = () => null

const observations = (rows: readonly FigureRow[], positionOf = noPosition) => [...sdmxObservations(rows, ids, positionOf)]

/** A total observation of Elbasan's 2024 count for `code`, changed by `changes`. */
function observation(changes: Omit<Partial<SdmxObservation>, 'key'> & { key?: Partial<SdmxObservation['key']> } = {}): SdmxObservation {
  const { key, ...rest } = changes
  return {
    key: {
      FREQ: 'A',
      REF_AREA: 'ELB',
      INDICATOR: 'AL-SKBGJ-5_5_1b',
      SEX: '_T',
      ETHNICITY: '_T',
      URBANISATION: '_T',
      AGE: '_T',
      TIME_PERIOD: '2024',
      ...key,
    },
    period: period('2024'),
    partOrder: -1,
    value: d('5'),
    unit: 'NUMBER',
    status: 'reported',
    source: null,
    ...rest,
  }
}

t.test('a row tied to a national code is an observation with a full key, its totals _T', async (t) => {
  t.strictSame(observations([row({ nationalCode: code, source: 'Regjistri i Gjendjes Civile' })]), [
    observation({ source: 'Regjistri i Gjendjes Civile' }),
  ])
  t.strictSame(
    observations([
      row({ nationalCode: code, period: period('2024-H1'), unit: 'percent', value: d('0.9'), status: 'corrected', corrections: 2 }),
    ]),
    [
      observation({
        key: { FREQ: 'S', TIME_PERIOD: '2024-S1' },
        period: period('2024-H1'),
        value: d('0.9'),
        unit: 'PT',
        status: 'corrected',
      }),
    ],
    'a half-year a semester, a percentage PT',
  )
  t.strictSame(
    observations([row({ nationalCode: code, period: period('2024-Q3'), unit: 'amount', currency: 'ALL', value: d('9900000.00') })]),
    [observation({ key: { FREQ: 'Q', TIME_PERIOD: '2024-Q3' }, period: period('2024-Q3'), value: d('9900000.00'), unit: 'ALL' })],
    'a quarter as it is, an amount in its currency',
  )
})

t.test("a breakdown row has its category's code in its dimension, _T in the others", async (t) => {
  const part = (dimension: NonNullable<FigureRow['part']>['dimension'], category: string) =>
    row({ nationalCode: code, part: { dimension, category } })
  t.strictSame(
    observations([
      row({ nationalCode: code }),
      part('age-group', '65+'),
      part('area', 'rural'),
      part('area', 'urban'),
      part('ethnicity', 'Shkodër'),
      part('ethnicity', 'egyptian'),
      part('ethnicity', 'roma'),
      part('sex', 'M'),
      part('sex', 'F'),
      row({ nationalCode: code, part: { dimension: 'ethnicity', category: 'Ashkali' }, value: null, status: 'suppressed' }),
    ]).map(({ key, partOrder, value, status }) => [key.SEX, key.ETHNICITY, key.URBANISATION, key.AGE, partOrder, value, status]),
    [
      ['_T', '_T', '_T', '_T', -1, '5', 'reported'],
      ['F', '_T', '_T', '_T', 0, '5', 'reported'],
      ['M', '_T', '_T', '_T', 0, '5', 'reported'],
      ['_T', 'ASH', '_T', '_T', 1, null, 'suppressed'],
      ['_T', 'EGY', '_T', '_T', 1, '5', 'reported'],
      ['_T', 'ROM', '_T', '_T', 1, '5', 'reported'],
      ['_T', 'SHKODER', '_T', '_T', 1, '5', 'reported'],
      ['_T', '_T', 'R', '_T', 2, '5', 'reported'],
      ['_T', '_T', 'U', '_T', 2, '5', 'reported'],
      ['_T', '_T', '_T', '65_', 3, '5', 'reported'],
    ],
    'the total first, then by dimension in the domain order, then by code',
  )
})

t.test('rows without a national code are not observations', async (t) => {
  t.strictSame(observations([]), [], 'no row, no observation')
  t.strictSame(observations([row(), row({ municipality: 'DRE' })]), [], 'none tied')
  t.strictSame(
    observations([row({ municipality: 'DRE' }), row({ municipality: 'ELB', nationalCode: code }), row({ municipality: 'TIR' })]),
    [observation()],
    'only the tied one',
  )
})

t.test('a code the national context does not list still gets its identifier', async (t) => {
  t.strictSame(observations([row({ nationalCode: 'XK-SKGJ-2.3' })]), [observation({ key: { INDICATOR: 'XK-SKGJ-2_3' } })])
})

t.test('of the indicators tied to one code, the one whose figure has the latest position wins, per period', async (t) => {
  const rowsOf = (indicatorId: string, at: string, amount: string) => [
    row({ indicatorId, nationalCode: code, period: period(at), value: d(amount) }),
    row({ indicatorId, nationalCode: code, period: period(at), value: d(amount), part: { dimension: 'sex', category: 'F' } }),
  ]
  const rows = [
    ...rowsOf(first, '2024', '1'),
    ...rowsOf(first, '2025', '2'),
    ...rowsOf(second, '2024', '3'),
    ...rowsOf(second, '2025', '4'),
  ]
  const valuesOf = (positionOf: NationalContext['positionOf']) =>
    observations(rows, positionOf).map(({ key, value }) => `${key.TIME_PERIOD} ${key.SEX} ${value}`)
  t.strictSame(
    valuesOf(positions({ [first]: { '2024': 7n, '2025': 3n }, [second]: { '2024': 5n, '2025': 9n } })),
    ['2024 _T 1', '2024 F 1', '2025 _T 4', '2025 F 4'],
    "2024 the first's (7 after 5), 2025 the second's (9 after 3): the superseded ones dropped, breakdowns with them",
  )
  t.strictSame(
    valuesOf(positions({ [first]: { '2024': 5n, '2025': 5n }, [second]: { '2024': 5n, '2025': 4n } })),
    ['2024 _T 3', '2024 F 3', '2025 _T 2', '2025 F 2'],
    'a tie goes to the larger indicator id',
  )
  t.strictSame(
    valuesOf(positions({ [first]: { '2024': 0n } })),
    ['2024 _T 1', '2024 F 1', '2025 _T 4', '2025 F 4'],
    'no position counts as -1: below position 0, tied with another without one (larger id wins)',
  )
  t.strictSame(valuesOf(noPosition), ['2024 _T 3', '2024 F 3', '2025 _T 4', '2025 F 4'], 'none has one: the larger id')
  const reversed = [...rowsOf(second, '2024', '3'), ...rowsOf(first, '2024', '1')]
  t.strictSame(
    observations(reversed, positions({ [first]: { '2024': 8n }, [second]: { '2024': 8n } })).map(({ value }) => value),
    ['3', '3'],
    'whichever comes first in the rows',
  )
  t.strictSame(
    observations(reversed, positions({ [first]: { '2024': 9n }, [second]: { '2024': 8n } })).map(({ value }) => value),
    ['1', '1'],
  )
})

t.test('indicators tied to different codes, or in different municipalities, do not supersede each other', async (t) => {
  const rows = [
    row({ municipality: 'DRE', indicatorId: second, nationalCode: code, value: d('9') }),
    row({ municipality: 'ELB', indicatorId: first, nationalCode: code, value: d('1') }),
    row({ municipality: 'ELB', indicatorId: second, nationalCode: 'NSGE-B2', value: d('2') }),
  ]
  t.strictSame(
    observations(rows, positions({ [first]: { '2024': 1n }, [second]: { '2024': 2n } })).map(
      ({ key, value }) => `${key.REF_AREA} ${key.INDICATOR} ${value}`,
    ),
    ['DRE AL-SKBGJ-5_5_1b 9', 'ELB AL-SKBGJ-5_5_1b 1', 'ELB NSGE-B2 2'],
  )
})

t.test('the positions are asked of each indicator and period of the rows, and rows are read a municipality at a time', async (t) => {
  const asked: [string, Period][] = []
  const read: string[] = []
  function* rows(): Generator<FigureRow> {
    for (const municipality of ['DRE', 'ELB']) {
      for (const indicatorId of [first, second]) {
        read.push(`${municipality} ${indicatorId}`)
        yield row({ municipality, indicatorId, nationalCode: code })
      }
    }
  }
  const made = sdmxObservations(rows(), ids, (indicatorId, at) => {
    asked.push([indicatorId, at])
    return null
  })
  const firstObservation = made.next()
  t.equal(firstObservation.value?.key.REF_AREA, 'DRE')
  t.strictSame(read, [`DRE ${first}`, `DRE ${second}`, `ELB ${first}`], "Drenas's given once Elbasan's first row is read, not after")
  t.strictSame(asked, [
    [first, '2024'],
    [second, '2024'],
  ])
  t.strictSame(
    [...made].map(({ key }) => key.REF_AREA),
    ['ELB'],
    'one per municipality: the second indicator supersedes the first',
  )
  t.equal(read.length, 4)
})

t.test('the order of observations: municipality, indicator, period (by its end), the total before parts, then each code', async (t) => {
  const ordered = [
    observation({ key: { REF_AREA: 'DRE', INDICATOR: 'Z' } }),
    observation({ key: { INDICATOR: 'A', TIME_PERIOD: '2024-Q1' }, period: period('2024-Q1') }),
    observation({ key: { INDICATOR: 'A', TIME_PERIOD: '2024-S1' }, period: period('2024-H1') }),
    observation({ key: { INDICATOR: 'A', SEX: 'F' }, period: period('2024-H1'), partOrder: 0 }),
    observation({ key: { INDICATOR: 'A', SEX: 'M' }, period: period('2024-H1'), partOrder: 0 }),
    observation({ key: { INDICATOR: 'A', ETHNICITY: 'EGY' }, period: period('2024-H1'), partOrder: 1 }),
    observation({ key: { INDICATOR: 'A', ETHNICITY: 'ROM' }, period: period('2024-H1'), partOrder: 1 }),
    observation({ key: { INDICATOR: 'A', URBANISATION: 'R' }, period: period('2024-H1'), partOrder: 2 }),
    observation({ key: { INDICATOR: 'A', URBANISATION: 'U' }, period: period('2024-H1'), partOrder: 2 }),
    observation({ key: { INDICATOR: 'A', AGE: 'Y15T24' }, period: period('2024-H1'), partOrder: 3 }),
    observation({ key: { INDICATOR: 'A', AGE: 'Y_GE65' }, period: period('2024-H1'), partOrder: 3 }),
    observation({ key: { INDICATOR: 'A' } }),
    observation({ key: { INDICATOR: 'A', TIME_PERIOD: '2025' }, period: period('2025') }),
    observation({ key: { INDICATOR: 'B' } }),
  ]
  for (let i = 0; i < ordered.length; i++) {
    for (let j = 0; j < ordered.length; j++) {
      t.equal(Math.sign(compareObservations(ordered[i]!, ordered[j]!)), Math.sign(i - j), `${i} against ${j}`)
    }
  }
  t.equal(compareObservations(observation({ value: d('1') }), observation({ value: d('2'), status: 'corrected' })), 0, 'the key alone')
})

t.test('two categories of one dimension that would share a code get it with their place in label order', async (t) => {
  const part = (category: string, indicatorId = first, nationalCode = code) =>
    row({ indicatorId, nationalCode, part: { dimension: 'ethnicity', category }, value: d('7') })
  const keys = observations([part('Rom'), part('ROM'), part('egyptian'), part('Rom', second, 'NSGE-B2')]).map(
    (observation) => `${observation.key.INDICATOR} ${observation.key.ETHNICITY}`,
  )
  t.same(
    [...keys].sort(),
    [`${ids.get(code)} EGY`, `${ids.get(code)} ROM_1`, `${ids.get(code)} ROM_2`, 'NSGE-B2 ROM'].sort(),
    "ROM (1) before Rom (2) in one indicator; another indicator's Rom keeps ROM",
  )
  t.equal(new Set(keys).size, keys.length, 'no two keys alike')
})
