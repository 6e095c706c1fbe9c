import fc from 'fast-check'
import t from 'tap'
import { compare, decimalSchema, divide, round, type Decimal } from '../shared/decimal.js'
import { figureReasons, type Figure } from '../shared/figure.js'
import { periodSchema } from '../shared/period.js'
import type { Target } from './indicator.js'
import {
  attainment,
  defaultThresholds,
  previousPeriod,
  progressFromBaseline,
  rating,
  ratings,
  resolveTarget,
  type TargetResolution,
} from './progress.js'

const d = (text: string): Decimal => decimalSchema.parse(text)
const absolute = (value: string): TargetResolution => resolveTarget({ kind: 'absolute', value: d(value) })

t.test('the worked examples of the Elbasan monitoring report 2022–2024', async (t) => {
  const rows: Array<[string, string, string, 'count' | 'percent', string, string]> = [
    ['people in awareness activities on stereotypes (II.1)', '4500', '5000', 'count', '0.9', 'on-track'],
    ['parents in positive-parenting courses, 2024 (II.2)', '80', '95', 'count', '0.842', 'partly'],
    ['people informed on stereotypes in employment, 2024', '22000', '18000', 'count', '1.222', 'achieved'],
    ['share of women/girls supported in entrepreneurship (III.2)', '0.03', '1', 'percent', '0.03', 'off-track'],
    ['safety audits (IV.1), yearly target 6', '14', '6', 'count', '2.333', 'achieved'],
    ['budget share for services for victims of domestic violence, 2024 (IV.2)', '0.9', '2', 'percent', '0.45', 'off-track'],
  ]
  for (const [name, actual, target, unit, shown, rated] of rows) {
    const figure = attainment(d(actual), absolute(target), 'higher-is-better', unit)
    t.equal(figure.reason, null, name)
    t.equal(round(figure.value!, 3), shown, `${name}: ${actual} against ${target} is ${shown}`)
    t.equal(rating(figure), rated, `${name} is ${rated}`)
  }
  t.same(
    attainment(d('80'), absolute('95'), 'higher-is-better', 'count'),
    { value: '0.842105263158', reason: null },
    'exact before rounding',
  )
  t.same(attainment(d('14'), absolute('6'), 'higher-is-better', 'count'), { value: '2.333333333333', reason: null }, 'never capped')
})

t.test('resolveTarget', async (t) => {
  t.same(absolute('95'), { kind: 'value', value: '95', reason: null })
  const fiftyMore: Target = { kind: 'relative', changePercent: d('50'), over: 'baseline' }
  t.same(
    resolveTarget(fiftyMore, { baseline: d('60') }),
    { kind: 'value', value: '90', reason: null },
    '50 % more pupils than the baseline',
  )
  t.same(resolveTarget(fiftyMore), { value: null, reason: 'no-baseline' }, 'unresolved until the baseline is known')
  t.same(resolveTarget(fiftyMore, { baseline: null, previousActual: d('10') }), { value: null, reason: 'no-baseline' })
  const twoMore: Target = { kind: 'relative', changePercent: d('2'), over: 'previous-period' }
  t.same(resolveTarget(twoMore, { previousActual: d('1250') }), { kind: 'value', value: '1275', reason: null }, '+2 % employed each year')
  t.same(resolveTarget(twoMore, { baseline: d('1000') }), { value: null, reason: 'no-previous-actual' })
  t.same(
    resolveTarget({ kind: 'relative', changePercent: d('-12.5'), over: 'baseline' }, { baseline: d('0.37') }),
    { kind: 'value', value: '0.32375', reason: null },
    'a fall, exactly',
  )
  t.same(
    resolveTarget({ kind: 'relative', changePercent: d('-100'), over: 'baseline' }, { baseline: d('14') }),
    { kind: 'value', value: '0', reason: null },
    'down to nothing',
  )
  const threeToFive: Target = { kind: 'range', lower: d('3'), upper: d('5') }
  t.same(
    resolveTarget(threeToFive),
    { kind: 'range', value: '3', lower: '3', upper: '5', reason: null },
    'a range moves towards its lower bound',
  )
  t.same(resolveTarget(threeToFive, { baseline: d('5') }), { kind: 'range', value: '3', lower: '3', upper: '5', reason: null })
  t.same(
    resolveTarget(threeToFive, { baseline: d('9') }),
    { kind: 'range', value: '5', lower: '3', upper: '5', reason: null },
    'or its upper bound, coming down from above',
  )
  t.same(resolveTarget({ kind: 'band', lower: d('40'), upper: d('60') }, { baseline: d('30') }), {
    kind: 'band',
    value: '40',
    lower: '40',
    upper: '60',
    reason: null,
  })
  t.same(resolveTarget({ kind: 'milestone' }), { kind: 'milestone', value: '1', reason: null })
})

t.test('attainment', async (t) => {
  const figure = (value: string): Figure => ({ value: d(value), reason: null })
  t.same(attainment(d('1'), absolute('1'), 'higher-is-better', 'text'), { value: null, reason: 'text-indicator' })
  t.same(attainment(null, absolute('95'), 'higher-is-better', 'count'), { value: null, reason: 'no-actual' })
  t.same(attainment(undefined, null, 'higher-is-better', 'count'), { value: null, reason: 'no-actual' }, 'never 0')
  t.same(attainment(d('80'), undefined, 'higher-is-better', 'count'), { value: null, reason: 'no-target' })
  t.same(
    attainment(d('80'), resolveTarget({ kind: 'relative', changePercent: d('2'), over: 'previous-period' }), 'higher-is-better', 'count'),
    { value: null, reason: 'no-previous-actual' },
    "an unresolved target's reason",
  )
  t.same(attainment(d('3'), absolute('0'), 'higher-is-better', 'count'), { value: null, reason: 'zero-target' })
  t.same(attainment(d('0'), absolute('95'), 'higher-is-better', 'count'), figure('0'), 'nothing done is a real 0')

  t.same(attainment(d('8'), absolute('10'), 'lower-is-better', 'count'), figure('1.25'), 't / a')
  t.same(attainment(d('20'), absolute('10'), 'lower-is-better', 'count'), figure('0.5'))
  t.same(attainment(d('0'), absolute('10'), 'lower-is-better', 'count'), figure('1'), 'none at all meets a lower-is-better target')
  t.same(attainment(d('0'), absolute('0'), 'lower-is-better', 'count'), figure('1'))
  t.same(attainment(d('4'), absolute('0'), 'lower-is-better', 'count'), figure('0'))

  const milestone = resolveTarget({ kind: 'milestone' })
  t.same(attainment(d('1'), milestone, 'higher-is-better', 'milestone'), figure('1'), 'protocol approved')
  t.same(attainment(d('0'), milestone, 'higher-is-better', 'milestone'), figure('0'), 'not yet')
  t.same(attainment(d('1'), absolute('1'), 'higher-is-better', 'milestone'), figure('1'), 'a milestone is 1 or 0 whatever its target')
  t.same(attainment(d('1'), milestone, 'higher-is-better', 'count'), figure('1'), 'and a milestone target too')

  const range = resolveTarget({ kind: 'range', lower: d('3'), upper: d('5') })
  t.same(attainment(d('4'), range, 'higher-is-better', 'percent'), figure('1.333333333333'), 'measured against the lower bound')
  t.same(attainment(d('1.5'), range, 'higher-is-better', 'percent'), figure('0.5'))
  t.same(attainment(d('4'), range, 'lower-is-better', 'percent'), figure('1.25'), 'coming down: against the upper bound')
  t.same(attainment(d('10'), range, 'lower-is-better', 'percent'), figure('0.5'))
  t.same(attainment(d('1'), resolveTarget({ kind: 'range', lower: d('0'), upper: d('5') }), 'higher-is-better', 'percent'), {
    value: null,
    reason: 'zero-target',
  })

  const band = resolveTarget({ kind: 'band', lower: d('40'), upper: d('60') })
  t.same(attainment(d('50'), band, 'within-band', 'percent'), figure('1'), 'inside the band')
  t.same(attainment(d('40'), band, 'within-band', 'percent'), figure('1'), 'on its edge')
  t.same(attainment(d('60'), band, 'within-band', 'percent'), figure('1'))
  t.same(attainment(d('30'), band, 'within-band', 'percent'), figure('0.75'), 'below: a / lower')
  t.same(attainment(d('80'), band, 'within-band', 'percent'), figure('0.75'), 'above: upper / a')
  t.same(attainment(d('30'), band, 'higher-is-better', 'percent'), figure('0.75'), 'a band is a band whatever the direction says')
  t.same(attainment(d('80'), absolute('60'), 'within-band', 'percent'), figure('0.75'), 'a within-band target of one figure')
  t.same(attainment(d('60'), absolute('60'), 'within-band', 'percent'), figure('1'))
  t.same(attainment(d('1.5'), range, 'within-band', 'percent'), figure('0.5'), 'a within-band range is a band')
  t.same(attainment(d('10'), range, 'within-band', 'percent'), figure('0.5'))
  t.same(attainment(d('-1'), resolveTarget({ kind: 'band', lower: d('0'), upper: d('1') }), 'within-band', 'ratio'), {
    value: null,
    reason: 'zero-target',
  })
})

t.test('progressFromBaseline', async (t) => {
  t.same(progressFromBaseline(d('75'), d('90'), d('60')), { value: '0.5', reason: null }, 'halfway from 60 to 90')
  t.same(progressFromBaseline(d('80'), d('60'), d('100')), { value: '0.5', reason: null }, 'lower-is-better: b > t')
  t.same(progressFromBaseline(d('120'), d('90'), d('60')), { value: '2', reason: null }, 'not capped')
  t.same(progressFromBaseline(d('50'), d('90'), d('60')), { value: '-0.333333333333', reason: null }, 'going backwards')
  t.same(
    progressFromBaseline(
      d('75'),
      resolveTarget({ kind: 'relative', changePercent: d('50'), over: 'baseline' }, { baseline: d('60') }),
      d('60'),
    ),
    { value: '0.5', reason: null },
    'a resolved target',
  )
  t.same(progressFromBaseline(null, d('90'), d('60')), { value: null, reason: 'no-actual' })
  t.same(progressFromBaseline(d('75'), null, d('60')), { value: null, reason: 'no-target' })
  t.same(
    progressFromBaseline(d('75'), resolveTarget({ kind: 'relative', changePercent: d('50'), over: 'baseline' }), undefined),
    { value: null, reason: 'no-baseline' },
    "an unresolved target's reason",
  )
  t.same(progressFromBaseline(d('75'), absolute('90'), null), { value: null, reason: 'no-baseline' })
  t.same(progressFromBaseline(d('75'), d('60'), d('60.0')), { value: null, reason: 'target-equals-baseline' })
})

t.test('rating', async (t) => {
  t.equal(rating({ value: d('1'), reason: null }), 'achieved')
  t.equal(rating(d('0.9')), 'on-track')
  t.equal(rating(d('0.899999999999')), 'partly')
  t.equal(rating(d('0.5')), 'partly')
  t.equal(rating(d('0.499')), 'off-track')
  t.equal(rating(d('0')), 'off-track')
  t.equal(rating({ value: null, reason: 'no-actual' }), 'no-data', 'no figure is no data, never off track')
  t.equal(rating(null), 'no-data')
  t.equal(rating(undefined), 'no-data')
  const strict = { achieved: d('1.1'), onTrack: d('0.95'), partly: d('0.6') }
  t.equal(rating(d('1'), strict), 'on-track', "a plan's own thresholds")
  t.equal(rating(d('0.55'), strict), 'off-track')
  t.same(defaultThresholds, { achieved: '1', onTrack: '0.9', partly: '0.5' })
  t.same(ratings, ['achieved', 'on-track', 'partly', 'off-track', 'no-data'])
})

t.test('previousPeriod', async (t) => {
  const cases = { '2024': '2023', '2024-H2': '2024-H1', '2024-H1': '2023-H2', '2024-Q3': '2024-Q2', '2024-Q1': '2023-Q4' }
  for (const [period, previous] of Object.entries(cases)) t.equal(previousPeriod(periodSchema.parse(period)), previous, period)
})

t.test('every reason is explained', async (t) => {
  for (const reason of [
    'no-actual',
    'no-target',
    'no-baseline',
    'no-previous-actual',
    'target-equals-baseline',
    'zero-target',
    'text-indicator',
  ] as const) {
    t.match(figureReasons[reason], /\w/, reason)
  }
})

// Decimals of up to 9 digits and up to 4 places, built as text so no float is involved.
const decimalText = (min: number) =>
  fc.tuple(fc.integer({ min, max: 999_999_999 }), fc.integer({ min: 0, max: 4 })).map(([units, places]) => {
    const digits = String(Math.abs(units)).padStart(places + 1, '0')
    const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`
    return d(units < 0 ? `-${text}` : text)
  })
const positive = decimalText(1)
const anyDecimal = decimalText(-999_999_999)

t.test('properties', async (t) => {
  t.doesNotThrow(
    () =>
      fc.assert(
        fc.property(positive, positive, (actual, target) => {
          const figure = attainment(actual, absolute(target), 'higher-is-better', 'count')
          return figure.value === divide(actual, target) && (compare(actual, target) <= 0 || compare(figure.value, d('1')) > 0)
        }),
      ),
    'higher-is-better attainment is a / t exactly, never capped: above target is above 1',
  )
  t.doesNotThrow(
    () =>
      fc.assert(
        fc.property(positive, positive, (actual, target) => {
          const lower = attainment(actual, absolute(target), 'lower-is-better', 'count')
          const higher = attainment(target, absolute(actual), 'higher-is-better', 'count')
          return lower.value === higher.value && Math.sign(compare(target, actual)) === Math.sign(compare(lower.value!, d('1')))
        }),
      ),
    'lower-is-better is the reciprocal: t / a, above 1 exactly when the actual is below the target',
  )
  t.doesNotThrow(
    () =>
      fc.assert(
        fc.property(anyDecimal, anyDecimal, (target, baseline) => {
          fc.pre(compare(target, baseline) !== 0)
          return (
            progressFromBaseline(target, target, baseline).value === '1' && progressFromBaseline(baseline, target, baseline).value === '0'
          )
        }),
      ),
    'progress from the baseline is 0 at the baseline and 1 at the target, in either direction',
  )
  t.doesNotThrow(
    () =>
      fc.assert(
        fc.property(anyDecimal, anyDecimal, (a, b) => {
          const [low, high] = compare(a, b) <= 0 ? [a, b] : [b, a]
          return ratings.indexOf(rating(low)) >= ratings.indexOf(rating(high))
        }),
      ),
    'a higher attainment never rates worse',
  )
})
