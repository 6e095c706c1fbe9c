import { comparePeriods } from '@treguesi/domain'
import t from 'tap'
import { compareRows, figureKeys, figureRows, type FigurePart, type FigureRow } from './figure-rows.js'
import { d, definition, memorySource, period, row, uuid, value, type SourceIndicator } from './test-support.js'

const elbasan = { planId: uuid(1), municipality: 'ELB', country: 'AL' } as const
const elbasanOther = { planId: uuid(2), municipality: 'ELB', country: 'AL' } as const
const drenas = { planId: uuid(3), municipality: 'DRE', country: 'XK' } as const

const ids = {
  percent: uuid(11),
  count: uuid(12),
  text: uuid(13),
  missing: uuid(14),
  amount: uuid(15),
  budgetShare: uuid(16),
  noValue: uuid(17),
  other: uuid(20),
  drenas: uuid(30),
} as const

const source = { sq: 'Regjistri i Gjendjes Civile, "REVALB"' }

/** A count of participants by sex and area, reported by half-year and year: corrected, withheld, withheld in part. */
const count: SourceIndicator = {
  planId: elbasan.planId,
  indicatorId: ids.count,
  definition: definition(ids.count, elbasan.planId, {
    code: 'II.1/T1',
    nationalCode: 'GE-01',
    disaggregations: [
      { dimension: 'sex', categories: ['F', 'M'], exhaustive: true },
      { dimension: 'area', categories: ['urban', 'rural'], exhaustive: true },
    ],
  }),
  values: [
    // The breakdowns as a report gives them: area before sex, M before F.
    value('2024-H1', { value: d('30'), breakdown: { area: { urban: d('20'), rural: d('10') }, sex: { M: d('12'), F: d('18') } }, source }),
    // A small count withheld from the caller: no value, breakdown or counts, its source kept.
    value('2024-H2', { withheld: 'suppressed', source }),
    // Corrected twice; its men and its rural part withheld, though not given in the breakdown.
    value('2024', {
      value: d('70'),
      corrections: 2,
      breakdown: { sex: { F: d('40') } },
      withheldParts: { sex: ['M'], area: ['rural'] },
    }),
  ],
  targets: { '2024': { target: d('60'), attainment: d('1.166666666667') } },
}

const indicators: readonly SourceIndicator[] = [
  // Given out of order: the rows come in the order of their ids.
  count,
  {
    planId: elbasan.planId,
    indicatorId: ids.percent,
    definition: definition(ids.percent, elbasan.planId, { code: 'III.2/T1', unit: 'percent' }),
    values: [value('2024', { value: d('75'), numerator: d('45'), denominator: d('60') })],
    // A relative target without its baseline resolves to no figure.
    targets: { '2024': { target: null, attainment: null } },
  },
  {
    planId: elbasan.planId,
    indicatorId: ids.text,
    definition: definition(ids.text, elbasan.planId, { code: 'IV.1/T1', unit: 'text' }),
    values: [value('2024', { text: { sq: 'U krijua tryeza e përbashkët' } })],
  },
  { planId: elbasan.planId, indicatorId: ids.missing, definition: null, values: [] },
  {
    planId: elbasan.planId,
    indicatorId: ids.amount,
    definition: definition(ids.amount, elbasan.planId, { code: 'IV.2/T1', unit: 'amount', currency: 'ALL' }),
    values: [value('2024', { value: d('120000.50') })],
    targets: { '2024': { target: d('100000'), attainment: d('1.200005') } },
  },
  {
    planId: elbasan.planId,
    indicatorId: ids.budgetShare,
    definition: definition(ids.budgetShare, elbasan.planId, {
      code: 'IV.3/T1',
      unit: 'percent',
      computed: { kind: 'budget-share', category: 'dv-specialised-services' },
    }),
    values: [value('2024', { value: d('0.9'), computed: true })],
  },
  {
    planId: elbasan.planId,
    indicatorId: ids.noValue,
    definition: definition(ids.noValue, elbasan.planId, { code: 'IV.4/T1' }),
    values: [value('2025')],
  },
  {
    planId: elbasanOther.planId,
    indicatorId: ids.other,
    definition: definition(ids.other, elbasanOther.planId, { code: '1/T1' }),
    values: [value('2024', { value: d('3') })],
  },
  {
    planId: drenas.planId,
    indicatorId: ids.drenas,
    definition: definition(ids.drenas, drenas.planId, { municipality: 'DRE', code: '1.1/T1', planPeriod: { from: 2025, to: 2028 } }),
    values: [value('2025-H1', { value: d('8'), breakdown: { 'age-group': { '25-34': d('5'), '15-24': d('3') } } })],
  },
]

/** The plans as the source lists them: neither by municipality nor by id. */
const plans = [elbasanOther, drenas, elbasan]

const short = (rows: Iterable<FigureRow>): string[] =>
  [...rows].map((each) => {
    const part = each.part === null ? 'total' : `${each.part.dimension}:${each.part.category}`
    return `${each.municipality} ${Number(each.planId.slice(-3))} ${Number(each.indicatorId.slice(-3))} ${each.period} ${part} ${each.value} ${each.status}`
  })

t.test('every figure and part of every plan, in compareRows order: totals, then each dimension’s categories', async (t) => {
  const rows = [...figureRows(memorySource(plans, indicators))]
  t.strictSame(short(rows), [
    'DRE 3 30 2025-H1 total 8 reported',
    'DRE 3 30 2025-H1 age-group:15-24 3 reported',
    'DRE 3 30 2025-H1 age-group:25-34 5 reported',
    'ELB 1 11 2024 total 75 reported',
    'ELB 1 12 2024-H1 total 30 reported',
    'ELB 1 12 2024-H1 sex:F 18 reported',
    'ELB 1 12 2024-H1 sex:M 12 reported',
    'ELB 1 12 2024-H1 area:rural 10 reported',
    'ELB 1 12 2024-H1 area:urban 20 reported',
    'ELB 1 12 2024-H2 total null suppressed',
    'ELB 1 12 2024 total 70 corrected',
    'ELB 1 12 2024 sex:F 40 corrected',
    'ELB 1 12 2024 sex:M null suppressed',
    'ELB 1 12 2024 area:rural null suppressed',
    'ELB 1 15 2024 total 120000.50 reported',
    'ELB 1 16 2024 total 0.9 computed',
    'ELB 1 17 2025 total null reported',
    'ELB 2 20 2024 total 3 reported',
  ])
  t.ok(
    rows.every((each, index) => index === 0 || compareRows(rows[index - 1]!, each) < 0),
    'each row after the one before it',
  )
})

t.test('a total row: where it belongs, its value, counts, target and attainment, how it stands', async (t) => {
  const rows = [...figureRows(memorySource(plans, indicators))]
  const find = (indicatorId: string, at: string, part: FigurePart = null) =>
    rows.find((each) => each.indicatorId === indicatorId && each.period === at && JSON.stringify(each.part) === JSON.stringify(part))
  t.strictSame(find(ids.count, '2024'), {
    country: 'AL',
    municipality: 'ELB',
    planId: elbasan.planId,
    indicatorId: ids.count,
    indicatorCode: 'II.1/T1',
    nationalCode: 'GE-01',
    period: '2024',
    unit: 'count',
    currency: null,
    corrections: 2,
    source: null,
    part: null,
    value: '70',
    numerator: null,
    denominator: null,
    target: '60',
    targetBounds: null,
    attainment: '1.166666666667',
    status: 'corrected',
  })
  t.strictSame(find(ids.percent, '2024'), {
    country: 'AL',
    municipality: 'ELB',
    planId: elbasan.planId,
    indicatorId: ids.percent,
    indicatorCode: 'III.2/T1',
    nationalCode: null,
    period: '2024',
    unit: 'percent',
    currency: null,
    corrections: 0,
    source: null,
    part: null,
    value: '75',
    numerator: '45',
    denominator: '60',
    target: null,
    targetBounds: null,
    attainment: null,
    status: 'reported',
  })
  t.match(find(ids.amount, '2024'), { unit: 'amount', currency: 'ALL', value: '120000.50', target: '100000', attainment: '1.200005' })
  t.match(find(ids.drenas, '2025-H1'), { country: 'XK', municipality: 'DRE', planId: drenas.planId })
  t.match(
    find(ids.count, '2024-H2'),
    { value: null, numerator: null, denominator: null, status: 'suppressed', source: source.sq, target: null, attainment: null },
    'withheld: no value, its source kept',
  )
  // A value left out of a figure (none of the read model's views gives one for a numeric
  // indicator) is written as no value; the row says `reported` all the same.
  t.match(find(ids.noValue, '2025'), { value: null, status: 'reported', corrections: 0 })
})

t.test('a breakdown row: its part and value, no counts, target or attainment, the status of its figure unless withheld', async (t) => {
  const rows = [...figureRows(memorySource(plans, indicators))]
  const parts = rows.filter((each) => each.indicatorId === ids.count && each.part !== null)
  t.strictSame(parts[0], {
    country: 'AL',
    municipality: 'ELB',
    planId: elbasan.planId,
    indicatorId: ids.count,
    indicatorCode: 'II.1/T1',
    nationalCode: 'GE-01',
    period: '2024-H1',
    unit: 'count',
    currency: null,
    corrections: 0,
    source: source.sq,
    part: { dimension: 'sex', category: 'F' },
    value: '18',
    numerator: null,
    denominator: null,
    target: null,
    targetBounds: null,
    attainment: null,
    status: 'reported',
  })
  t.strictSame(
    parts
      .filter((each) => each.period === '2024')
      .map(({ part, value, status, corrections, target, attainment }) => ({
        part,
        value,
        status,
        corrections,
        target,
        attainment,
      })),
    [
      { part: { dimension: 'sex', category: 'F' }, value: '40', status: 'corrected', corrections: 2, target: null, attainment: null },
      { part: { dimension: 'sex', category: 'M' }, value: null, status: 'suppressed', corrections: 2, target: null, attainment: null },
      { part: { dimension: 'area', category: 'rural' }, value: null, status: 'suppressed', corrections: 2, target: null, attainment: null },
    ],
    'a withheld part is a row with no value, whether or not the breakdown still names it',
  )
})

t.test('a withheld part the breakdown also gives is one row, withheld', async (t) => {
  const id = uuid(40)
  const rows = figureRows(
    memorySource(
      [elbasan],
      [
        {
          planId: elbasan.planId,
          indicatorId: id,
          definition: definition(id, elbasan.planId),
          values: [value('2024', { value: d('9'), breakdown: { sex: { F: d('7'), M: d('2') } }, withheldParts: { sex: ['M'] } })],
        },
      ],
    ),
  )
  t.strictSame(short(rows), ['ELB 1 40 2024 total 9 reported', 'ELB 1 40 2024 sex:F 7 reported', 'ELB 1 40 2024 sex:M null suppressed'])
})

t.test('text indicators and indicators without figures give no row; the figures of each period are asked for', async (t) => {
  const figures = memorySource(plans, indicators)
  const rows = [...figureRows(figures)]
  t.notOk(
    rows.some((each) => each.indicatorId === ids.text || each.indicatorId === ids.missing),
    'no row of the text indicator or the one without figures',
  )
  const asked = (indicatorId: string) => figures.calls.filter(([id]) => id === indicatorId).map(([, at]) => at ?? 'default')
  t.strictSame(asked(ids.text), ['default'], "a text indicator's periods are not asked for")
  t.strictSame(asked(ids.missing), ['default'])
  t.strictSame(asked(ids.count), ['default', '2024-H1', '2024-H2', '2024'], 'the default figures, then those of each period in turn')
  t.strictSame([...figureRows(memorySource([], indicators))], [], 'no plan, no row')
  t.strictSame([...figureRows(memorySource([elbasanOther], []))], [], 'a plan without indicators, no row')
})

t.test('rows are made one indicator at a time, as they are read', async (t) => {
  const figures = memorySource(plans, indicators)
  const rows = figureRows(figures)
  t.strictSame(figures.calls, [], 'nothing is read before the first row is asked for')
  rows.next()
  t.strictSame(figures.calls, [
    [ids.drenas, undefined],
    [ids.drenas, '2025-H1'],
  ])
})

t.test("keys: what each row is of, in the rows' order, from each indicator's default figures alone", async (t) => {
  const figures = memorySource(plans, indicators)
  const keys = [...figureKeys(figures)]
  const rows = [...figureRows(memorySource(plans, indicators))]
  t.strictSame(
    keys,
    rows.map(({ municipality, indicatorId, nationalCode, part }) => ({ municipality, indicatorId, nationalCode, part })),
    'one per row, withheld parts too',
  )
  t.ok(keys.length > 0)
  t.strictSame(
    figures.calls.filter(([, at]) => at !== undefined),
    [],
    "no period's figures",
  )
})

t.test('periods: a half-year ends before its year, and among periods ending together the shorter comes first', async (t) => {
  const order = ['2023', '2024-Q1', '2024-H1', '2024-Q3', '2024-Q4', '2024-H2', '2024', '2025-H1'].map(period)
  // What compareRows relies on (the domain's comparePeriods): stated here so a change to it shows.
  t.ok(comparePeriods(period('2024-H1'), period('2024')) < 0, '2024-H1 before 2024')
  t.ok(comparePeriods(period('2024-H2'), period('2024')) < 0, '2024-H2 before 2024: it is shorter, and ends with it')
  t.ok(comparePeriods(period('2024-Q4'), period('2024-H2')) < 0, '2024-Q4 before 2024-H2')
  const rows = [...order].reverse().map((at) => row({ period: at }))
  t.strictSame(
    rows.sort(compareRows).map((each) => each.period),
    order,
  )
})

t.test('compareRows: municipality, plan, indicator, period, then the total before each dimension’s categories', async (t) => {
  const base = row()
  const female: FigurePart = { dimension: 'sex', category: 'F' }
  const sign = (a: FigureRow, b: FigureRow) => Math.sign(compareRows(a, b))
  /** Each pair in order: a before b, b after a. */
  const before = (a: FigureRow, b: FigureRow, message: string) => t.strictSame([sign(a, b), sign(b, a)], [-1, 1], message)

  t.equal(compareRows(base, row()), 0, 'equal places compare equal')
  t.equal(compareRows(base, row({ value: d('6'), status: 'corrected', corrections: 1 })), 0, 'whatever their figures')
  t.equal(compareRows(row({ part: female }), row({ part: { ...female } })), 0, 'the same part')
  before(row({ municipality: 'DRE', planId: uuid(9) }), row({ municipality: 'ELB', planId: uuid(1) }), 'the municipality first')
  before(row({ planId: uuid(1), indicatorId: uuid(99) }), row({ planId: uuid(2), indicatorId: uuid(10) }), 'then the plan')
  before(
    row({ indicatorId: uuid(10), period: period('2025') }),
    row({ indicatorId: uuid(11), period: period('2023') }),
    'then the indicator',
  )
  before(row({ period: period('2024'), part: null }), row({ period: period('2025'), part: female }), 'then the period')
  before(row({ period: period('2024-H1'), part: female }), row({ period: period('2024'), part: null }), 'by when it ends, not as text')
  before(row({ part: null }), row({ part: female }), 'the total first')
  before(row({ part: { dimension: 'sex', category: 'M' } }), row({ part: { dimension: 'ethnicity', category: 'Ashkali' } }), 'sex')
  before(row({ part: { dimension: 'ethnicity', category: 'Rom' } }), row({ part: { dimension: 'area', category: 'fshat' } }), 'ethnicity')
  before(row({ part: { dimension: 'area', category: 'qytet' } }), row({ part: { dimension: 'age-group', category: '0-14' } }), 'area')
  before(row({ part: female }), row({ part: { dimension: 'sex', category: 'M' } }), 'then the category')
  // Text is compared by UTF-16 code units, not by locale: capitals first, ë after z.
  before(
    row({ part: { dimension: 'ethnicity', category: 'Rom' } }),
    row({ part: { dimension: 'ethnicity', category: 'egjiptian' } }),
    'R < e',
  )
  before(row({ part: { dimension: 'area', category: 'zona' } }), row({ part: { dimension: 'area', category: 'ëndërr' } }), 'z < ë')
  before(row({ municipality: 'ELB' }), row({ municipality: 'ELBA' }), 'a prefix first')
})
