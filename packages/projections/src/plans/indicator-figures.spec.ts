import { divide, type Decimal, type Figure, type Period } from '@treguesi/domain'
import { defineIndicator, draftPlan, registerMunicipality } from '@treguesi/domain/testing'
import t from 'tap'
import { planFigureReasons, type BudgetShareSource, type FigureOptions } from './indicator-figures.js'
import { indicatorProgress } from './plan-selectors.js'
import { modelOf, Scenario, uuid, type Input } from './test-support.js'

const planId = uuid(1)
const objectiveId = uuid(3)

/** A Drenas plan 2025–2028 (Kosovo reports half-yearly) with one objective to attach indicators to. */
function drenas(): Scenario {
  const s = new Scenario()
  s.run(registerMunicipality({ code: 'DRE', name: { sq: 'Komuna e Drenasit' }, country: 'XK', currency: 'EUR' }))
  s.run(
    draftPlan(planId, {
      municipality: 'DRE',
      title: { sq: 'Plani Lokal i Veprimit për Mbrojtje nga Dhuna në Familje 2025-2028' },
      period: { from: 2025, to: 2028 },
    }),
  )
  s.run({ type: 'AddArea', planId, areaId: uuid(2), code: '1', title: { sq: 'Parandalimi' } })
  s.run({ type: 'AddObjective', planId, objectiveId, areaId: uuid(2), level: 'strategic', code: '1', title: { sq: 'Parandalimi' } })
  return s
}

let next = 100
/** Defines an indicator with `fields` and runs `then` (targets, baselines, values) on it; returns its id. */
function indicator(s: Scenario, fields: object, then: (id: string) => Input[] = () => []): string {
  const indicatorId = uuid(next++)
  s.run(
    defineIndicator(
      indicatorId,
      planId,
      { kind: 'objective', id: objectiveId },
      {
        municipality: 'DRE',
        code: `1/T${next}`,
        name: { sq: 'Tregues' },
        planPeriod: { from: 2025, to: 2028 },
        ...fields,
      },
    ),
  )
  for (const command of then(indicatorId)) s.run(command)
  return indicatorId
}

const target = (indicatorId: string, period: string, target: object): Input => ({ type: 'SetTarget', indicatorId, period, target })
const value = (indicatorId: string, period: string, value: string): Input => ({ type: 'ReportIndicatorValue', indicatorId, period, value })
/** Targets for periods, set in the order given. */
const targets = (indicatorId: string, ...set: [string, object][]): Input[] => set.map(([period, t]) => target(indicatorId, period, t))
/** Actuals for periods, reported in the order given. */
const values = (indicatorId: string, ...reported: [string, string][]): Input[] =>
  reported.map(([period, v]) => value(indicatorId, period, v))
const baseline = (indicatorId: string, value: string, year = 2024): Input => ({ type: 'SetBaseline', indicatorId, value, year })
const absolute = (value: string) => ({ kind: 'absolute', value })
const d = (text: string) => text as Decimal

function figures(s: Scenario, indicatorId: string, options?: FigureOptions) {
  return indicatorProgress(modelOf(s.log), indicatorId, options)!
}

t.test('relative targets resolve against the baseline', async (t) => {
  const s = drenas()
  // "50 % more pupils completing compulsory school" by the end of the plan.
  const id = indicator(s, {}, (id) => [
    baseline(id, '200'),
    target(id, 'end-of-plan', { kind: 'relative', changePercent: '50', over: 'baseline' }),
    value(id, '2028', '270'),
  ])
  const f = figures(s, id)
  t.strictSame(f.baseline, { value: '200', year: 2024 })
  t.strictSame(f.targets, [
    {
      period: 'end-of-plan',
      appliesTo: '2028',
      target: { kind: 'relative', changePercent: '50', over: 'baseline' },
      resolved: { kind: 'value', value: '300', reason: null },
    },
  ])
  t.equal(f.period, '2028')
  t.equal(f.periodChoice, 'latest-with-actual-and-target')
  t.strictSame(f.actual, { value: '270', reason: null })
  t.strictSame(f.target?.resolved, { kind: 'value', value: '300', reason: null })
  t.strictSame(f.attainment, { value: '0.9', reason: null })
  t.strictSame(f.progress, { value: '0.7', reason: null }, '(270 − 200) / (300 − 200)')
  t.strictSame(f.rating, { value: 'on-track', reason: null })

  const unset = indicator(s, {}, (id) => [
    target(id, 'end-of-plan', { kind: 'relative', changePercent: '50', over: 'baseline' }),
    value(id, '2028', '270'),
  ])
  t.strictSame(figures(s, unset).attainment, { value: null, reason: 'no-baseline' }, 'unresolved until the baseline is known')
  t.strictSame(figures(s, unset).rating, { value: 'no-data', reason: 'no-baseline' })
})

t.test("relative targets resolve against the previous period's actual", async (t) => {
  const s = drenas()
  // "+2 % employed each year".
  const plus2 = { kind: 'relative', changePercent: '2', over: 'previous-period' }
  const id = indicator(s, {}, (id) => [
    ...targets(id, ['2025', plus2], ['2026', plus2], ['2027', plus2]),
    ...values(id, ['2025', '1000'], ['2026', '1030'], ['2027', '1040']),
  ])
  const f = figures(s, id)
  t.strictSame(
    f.targets.map(({ period, resolved }) => [period, resolved]),
    [
      ['2025', { value: null, reason: 'no-previous-actual' }],
      ['2026', { kind: 'value', value: '1020', reason: null }],
      ['2027', { kind: 'value', value: '1050.6', reason: null }],
    ],
  )
  t.equal(f.period, '2027')
  t.strictSame(f.attainment, { value: divide(d('1040'), d('1050.6')), reason: null })
  t.strictSame(figures(s, id, { period: '2025' as Period }).attainment, { value: null, reason: 'no-previous-actual' })
  t.equal(figures(s, id, { period: '2025' as Period }).periodChoice, 'requested')

  const halves = indicator(s, {}, (id) => [
    value(id, '2025-H2', '40'),
    target(id, '2026-H1', { kind: 'relative', changePercent: '10', over: 'previous-period' }),
    value(id, '2026-H1', '44'),
  ])
  const h = figures(s, halves)
  t.equal(h.period, '2026-H1')
  t.strictSame(h.target?.resolved, { kind: 'value', value: '44', reason: null }, 'the half-year before 2026-H1 is 2025-H2')
  t.strictSame(h.attainment, { value: '1', reason: null })
})

t.test('ranges, bands, milestones, lower-is-better and text', async (t) => {
  const s = drenas()
  // "3–5 % more applications every year": measured against the lower bound.
  const range = indicator(s, { unit: 'percent' }, (id) => [
    target(id, '2025', { kind: 'range', lower: '3', upper: '5' }),
    value(id, '2025', '4.5'),
  ])
  t.strictSame(figures(s, range).attainment, { value: '1.5', reason: null })
  t.strictSame(figures(s, range).target?.resolved, { kind: 'range', value: '3', lower: '3', upper: '5', reason: null })

  const band = indicator(s, { direction: 'within-band' }, (id) => [
    target(id, '2025', { kind: 'band', lower: '10', upper: '20' }),
    value(id, '2025', '25'),
  ])
  t.strictSame(figures(s, band).attainment, { value: '0.8', reason: null }, 'above the band: upper / actual')

  const milestone = indicator(s, { unit: 'milestone' }, (id) => [target(id, 'end-of-plan', { kind: 'milestone' }), value(id, '2026', '1')])
  t.strictSame(
    figures(s, milestone).attainment,
    { value: null, reason: 'no-target' },
    'a per-period end-of-plan target waits for the last year',
  )
  t.equal(figures(s, milestone).periodChoice, 'latest-with-actual')
  s.run(value(milestone, '2028', '0'))
  t.strictSame(figures(s, milestone).attainment, { value: '0', reason: null }, 'not achieved')
  t.equal(figures(s, milestone).rating.value, 'off-track')

  const lower = indicator(s, { direction: 'lower-is-better' }, (id) => [
    baseline(id, '80'),
    target(id, '2025', absolute('50')),
    target(id, '2026', absolute('50')),
    value(id, '2025', '40'),
    value(id, '2026', '0'),
  ])
  t.strictSame(figures(s, lower, { period: '2025' as Period }).attainment, { value: '1.25', reason: null })
  t.strictSame(figures(s, lower, { period: '2025' as Period }).progress, { value: '1.333333333333', reason: null })
  t.strictSame(figures(s, lower).attainment, { value: '1', reason: null }, 'none at all meets a lower-is-better target')

  const text = indicator(s, { unit: 'text' }, (id) => [
    { type: 'ReportIndicatorValue', indicatorId: id, period: '2025', text: { sq: 'Protokolli u miratua' } },
  ])
  const tf = figures(s, text)
  t.equal(tf.period, '2025')
  t.equal(tf.periodChoice, 'latest-with-actual')
  t.strictSame(tf.values, [{ text: { sq: 'Protokolli u miratua' }, period: '2025', computed: false, corrections: 0 }])
  t.strictSame(tf.actual, { value: null, reason: 'text-indicator' })
  t.strictSame(tf.attainment, { value: null, reason: 'text-indicator' })
  t.strictSame(tf.progress, { value: null, reason: 'text-indicator' })
  const silent = indicator(s, { unit: 'text' })
  t.strictSame(figures(s, silent).actual, { value: null, reason: 'text-indicator' }, 'even with no value at all')

  const zero = indicator(s, {}, (id) => [baseline(id, '5'), target(id, '2025', absolute('0')), value(id, '2025', '3')])
  t.strictSame(figures(s, zero).attainment, { value: null, reason: 'zero-target' })
  const flat = indicator(s, {}, (id) => [baseline(id, '5'), target(id, '2025', absolute('5')), value(id, '2025', '3')])
  t.strictSame(figures(s, flat).progress, { value: null, reason: 'target-equals-baseline' })
})

t.test('choosing the period, and end-of-plan targets', async (t) => {
  const s = drenas()
  const cumulative = indicator(s, { accumulation: 'cumulative' }, (id) => [
    target(id, 'end-of-plan', absolute('100')),
    value(id, '2025', '30'),
    value(id, '2026', '55'),
  ])
  const c = figures(s, cumulative)
  t.equal(c.period, '2026', "a cumulative indicator's end-of-plan target applies to its latest running total")
  t.equal(c.periodChoice, 'latest-with-actual-and-target')
  t.strictSame(c.target && { period: c.target.period, appliesTo: c.target.appliesTo }, { period: 'end-of-plan', appliesTo: '2026' })
  t.strictSame(c.attainment, { value: '0.55', reason: null })
  t.strictSame(
    figures(s, cumulative, { period: '2025' as Period }).attainment,
    { value: null, reason: 'no-target' },
    'but not to earlier ones',
  )

  const perPeriod = indicator(s, {}, (id) => [target(id, 'end-of-plan', absolute('100')), value(id, '2026', '55')])
  t.equal(figures(s, perPeriod).periodChoice, 'latest-with-actual')
  t.strictSame(figures(s, perPeriod).attainment, { value: null, reason: 'no-target' }, 'a per-period one only to the last year')

  const both = indicator(s, {}, (id) => [
    ...targets(id, ['end-of-plan', absolute('100')], ['2028', absolute('90')], ['2025', absolute('20')]),
    ...values(id, ['2025', '10'], ['2028', '90'], ['2026', '50']),
  ])
  const b = figures(s, both)
  t.strictSame(
    b.targets.map(({ period, appliesTo }) => [period, appliesTo]),
    [
      ['2025', '2025'],
      ['2028', '2028'],
      ['end-of-plan', '2028'],
    ],
    "by the period they apply to, a period's own target first",
  )
  t.strictSame(
    b.values.map((v) => v.period),
    ['2025', '2026', '2028'],
  )
  t.equal(b.target?.period, '2028', "the period's own target wins over the end-of-plan one")
  t.strictSame(b.attainment, { value: '1', reason: null })

  const skipping = indicator(s, {}, (id) => [target(id, '2025', absolute('20')), value(id, '2025', '10'), value(id, '2026', '50')])
  t.equal(figures(s, skipping).period, '2025', 'the latest period with both an actual and a target')

  const targetsOnly = indicator(s, {}, (id) => [target(id, '2026', absolute('20')), target(id, 'end-of-plan', absolute('50'))])
  const to = figures(s, targetsOnly)
  t.equal(to.period, '2028')
  t.equal(to.periodChoice, 'latest-with-target')
  t.equal(to.target?.period, 'end-of-plan')
  t.strictSame(to.attainment, { value: null, reason: 'no-actual' })

  const nothing = indicator(s, {})
  const n = figures(s, nothing)
  t.equal(n.period, null)
  t.equal(n.periodChoice, 'none')
  t.equal(n.target, null)
  t.strictSame(n.actual, { value: null, reason: 'no-actual' })
  t.strictSame(n.progress, { value: null, reason: 'no-actual' })
  t.strictSame(n.rating, { value: 'no-data', reason: 'no-actual' })
  t.equal(n.corrections, 0)
})

t.test('budget shares come from the budget read model', async (t) => {
  const s = drenas()
  const asked: [string, number, string][] = []
  const shares: Record<number, string> = { 2025: '1.5', 2026: '1.8' }
  const budgetShareOf: BudgetShareSource = (municipality, year, category): Figure => {
    asked.push([municipality, year, category])
    const share = shares[year]
    return share === undefined ? { value: null, reason: 'no-target' } : { value: share as Decimal, reason: null }
  }
  const id = indicator(s, { unit: 'percent', computed: { kind: 'budget-share', category: 'dv-specialised-services' } }, (id) => [
    target(id, '2026', { kind: 'relative', changePercent: '10', over: 'previous-period' }),
  ])
  const f = figures(s, id, { budgetShareOf })
  t.strictSame(asked.slice(0, 4), [
    ['DRE', 2025, 'dv-specialised-services'],
    ['DRE', 2026, 'dv-specialised-services'],
    ['DRE', 2027, 'dv-specialised-services'],
    ['DRE', 2028, 'dv-specialised-services'],
  ])
  t.strictSame(f.values, [
    { period: '2025', value: '1.5', computed: true, corrections: 0 },
    { period: '2026', value: '1.8', computed: true, corrections: 0 },
  ])
  t.strictSame(f.target?.resolved, { kind: 'value', value: '1.65', reason: null }, "10 % over the previous year's share")
  t.strictSame(f.attainment, { value: divide(d('1.8'), d('1.65')), reason: null })
  t.strictSame(
    figures(s, id, { budgetShareOf, period: '2027' as Period }).actual,
    { value: null, reason: 'no-target' },
    "a year without a share gives the budget read model's reason",
  )
  t.strictSame(
    figures(s, id, { budgetShareOf, period: '2026-H1' as Period }).actual,
    { value: null, reason: 'no-actual' },
    'shares are yearly',
  )

  const without = figures(s, id)
  t.strictSame(without.values, [])
  t.equal(without.periodChoice, 'latest-with-target')
  t.strictSame(without.actual, { value: null, reason: 'budget-share-unavailable' })
  t.match(planFigureReasons['budget-share-unavailable'], /budget share/)
  const untargeted = indicator(s, { unit: 'percent', computed: { kind: 'budget-share', category: 'gender-budgeting' } })
  t.strictSame(figures(s, untargeted).actual, { value: null, reason: 'budget-share-unavailable' }, 'with no period at all')
})

t.test("an indicator of a plan the log doesn't hold is rated by the default thresholds", async (t) => {
  const s = new Scenario()
  const id = indicator(s, {}, (id) => [target(id, '2025', absolute('10')), value(id, '2025', '9')])
  t.strictSame(figures(s, id).rating, { value: 'on-track', reason: null })
})

t.test("a sensitive indicator's small counts are withheld, with every figure made from them", async (t) => {
  const s = drenas()
  const smallCells = { threshold: 5 }
  const id = indicator(s, {}, (id) => [
    baseline(id, '3'),
    target(id, '2025', { kind: 'relative', changePercent: '10', over: 'baseline' }),
    target(id, '2026', { kind: 'relative', changePercent: '10', over: 'previous-period' }),
    target(id, '2027', absolute('20')),
    { type: 'ReportIndicatorValue', indicatorId: id, period: '2025', value: '4', source: { sq: 'Policia' } },
    value(id, '2026', '12'),
    {
      type: 'ReportIndicatorValue',
      indicatorId: id,
      period: '2027',
      value: '18',
      source: { sq: 'Policia' },
      note: { sq: '3 raste në fshat' },
    },
  ])
  const real = figures(s, id)
  t.equal(real.sensitive, true, "a domestic-violence plan's indicators are sensitive unless they say otherwise")
  t.strictSame(real.baseline, { value: '3', year: 2024 }, 'its staff see the real figures')
  t.equal(real.baselineWithheld, false)

  const shown = figures(s, id, { smallCells })
  t.strictSame(shown.values, [
    { period: '2025', computed: false, corrections: 0, source: { sq: 'Policia' }, withheld: 'suppressed' },
    { period: '2026', value: '12', computed: false, corrections: 0 },
    { period: '2027', value: '18', source: { sq: 'Policia' }, note: { sq: '3 raste në fshat' }, computed: false, corrections: 0 },
  ])
  t.strictSame([shown.baseline, shown.baselineWithheld], [null, true], 'a small baseline is withheld')
  const at = (period: string) => figures(s, id, { smallCells, period: period as Period })
  t.strictSame(at('2025').actual, { value: null, reason: 'suppressed' })
  t.strictSame(at('2025').attainment, { value: null, reason: 'suppressed' })
  t.strictSame(at('2025').rating, { value: 'no-data', reason: 'suppressed' })
  t.strictSame(at('2025').target?.resolved, { value: null, reason: 'no-baseline' }, 'a target over a withheld baseline would give it away')
  t.strictSame(at('2026').target?.resolved, { value: null, reason: 'no-previous-actual' }, 'so would one over a withheld value')
  t.strictSame(at('2026').actual, { value: '12', reason: null })
  t.match(planFigureReasons.suppressed, /withheld/)

  const bySex = indicator(s, { disaggregations: [{ dimension: 'sex', categories: ['F', 'M'], exhaustive: true }] }, (id) => [
    { type: 'ReportIndicatorValue', indicatorId: id, period: '2025', value: '12', breakdown: { sex: { F: '3', M: '9' } } },
  ])
  t.strictSame(
    figures(s, bySex, { smallCells }).values,
    [{ period: '2025', value: '12', breakdown: { sex: {} }, computed: false, corrections: 0, withheldParts: { sex: ['F', 'M'] } }],
    'a small part is withheld with the other, the total shown',
  )

  const published = indicator(s, { sensitive: false }, (id) => [value(id, '2025', '4')])
  t.equal(figures(s, published, { smallCells }).sensitive, false)
  t.strictSame(figures(s, published, { smallCells }).actual, { value: '4', reason: null }, 'an indicator marked not sensitive')
  const percent = indicator(s, { unit: 'percent' }, (id) => [value(id, '2025', '4')])
  t.strictSame(figures(s, percent, { smallCells }).actual, { value: '4', reason: null }, 'only counts are withheld')
})
