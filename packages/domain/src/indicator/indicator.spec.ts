import t, { type Test } from 'tap'
import { replay } from '../decider.js'
import { invalid, spec, type Input, type Refusal } from '../testing/decider-spec.js'
import { indicator, indicatorCommandSchema, indicatorStream, type IndicatorEvent } from './indicator.js'

const decider = (t: Test) => spec(t, indicator, indicatorCommandSchema)

// Events written as a store returns them: plain JSON, decimals as plain strings.
const event = (value: object): IndicatorEvent => value as IndicatorEvent

const indicatorId = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b'
const planId = '0b9f7a3e-6d1a-5c3b-8f2e-1a2b3c4d5e6f'
const objectiveId = '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98'

// Elbasan gender-equality plan 2022–2024, objective II.2: parents in positive-parenting courses.
const define = {
  type: 'DefineIndicator',
  indicatorId,
  planId,
  municipality: 'ELB',
  attachedTo: { kind: 'objective', id: objectiveId },
  code: 'II.2.a',
  name: { sq: 'Prindër të trajnuar për prindërim pozitiv', en: 'Parents trained in positive parenting' },
  unit: 'count',
  direction: 'higher-is-better',
  accumulation: 'per-period',
  disaggregations: [
    { dimension: 'sex', categories: ['F', 'M'], exhaustive: true },
    { dimension: 'area', categories: ['urban', 'rural'], exhaustive: false },
  ],
  dataSource: { sq: 'Drejtoria e Shërbimeve Sociale' },
  planPeriod: { from: 2022, to: 2024 },
}

const { type: _type, ...definition } = define
const defined = { type: 'indicator.defined.v1', data: definition } as IndicatorEvent

const definedAs = (changes: object) => ({ ...defined, data: { ...defined.data, ...changes } }) as IndicatorEvent

const percentDefined = definedAs({ unit: 'percent', disaggregations: [{ dimension: 'sex', categories: ['F', 'M'], exhaustive: true }] })
const textDefined = definedAs({ unit: 'text', disaggregations: [] })
const milestoneDefined = definedAs({ unit: 'milestone', disaggregations: [] })
const bandDefined = definedAs({ unit: 'ratio', direction: 'within-band', disaggregations: [] })
const budgetShare = definedAs({
  unit: 'percent',
  disaggregations: [],
  computed: { kind: 'budget-share', category: 'dv-specialised-services' },
})

t.test('DefineIndicator', async (t) => {
  decider(t).given([]).when(define).then([defined], 'a new indicator, Albanian text kept as written')
  t.equal(indicatorStream(indicatorId), `indicator-${indicatorId}`)
  decider(t).given([defined]).when(define).thenFails('TRG_ALREADY_EXISTS', { entity: 'indicator', id: indicatorId })

  const { disaggregations: _d, dataSource: _s, ...bare } = define
  const { type: _t, ...bareData } = bare
  decider(t)
    .given([])
    .when({ ...bare, code: 'I.4..2' })
    .then(
      [{ type: 'indicator.defined.v1', data: { ...bareData, code: 'I.4..2', disaggregations: [] } }],
      'no disaggregations by default; odd codes kept',
    )
  decider(t)
    .given([])
    .when({ ...define, unit: 'amount', currency: 'ALL' })
    .then([definedAs({ unit: 'amount', currency: 'ALL' })], 'an amount indicator in lekë')
  decider(t)
    .given([])
    .when({ ...define, unit: 'percent', disaggregations: [], computed: { kind: 'budget-share', category: 'dv-specialised-services' } })
    .then([budgetShare], 'a budget-share indicator')
})

t.test('DefineIndicator refuses inconsistent definitions', async (t) => {
  decider(t)
    .given([])
    .refuses([
      invalid(define, { unit: 'amount' }, 'currency', /required for an amount indicator/),
      invalid(define, { currency: 'EUR' }, 'currency', /only for amount indicators/),
      invalid(
        define,
        { unit: 'milestone', disaggregations: [], direction: 'lower-is-better' },
        'direction',
        /higher-is-better for a milestone/,
      ),
      invalid(define, { unit: 'text', disaggregations: [], direction: 'within-band' }, 'direction'),
      invalid(define, { unit: 'text' }, 'disaggregations', /only for numeric indicators/),
      invalid(define, { unit: 'milestone' }, 'disaggregations'),
      invalid(define, { computed: { kind: 'budget-share', category: 'x' } }, 'computed', /unit percent/),
      invalid(
        define,
        { unit: 'percent', computed: { kind: 'budget-share', category: 'DV services' } },
        'computed.category',
        /lower-case tag/,
      ),
      invalid(
        define,
        { disaggregations: [...define.disaggregations, { dimension: 'sex', categories: ['F', 'M'], exhaustive: false }] },
        'disaggregations.2.dimension',
        /must not repeat sex/,
      ),
      invalid(
        define,
        { disaggregations: [{ dimension: 'sex', categories: ['F'], exhaustive: true }] },
        'disaggregations.0.categories',
        /at least two/,
      ),
      invalid(
        define,
        { disaggregations: [{ dimension: 'sex', categories: ['F', 'F'], exhaustive: true }] },
        'disaggregations.0.categories',
        /repeat/,
      ),
      invalid(
        define,
        { disaggregations: [{ dimension: 'sex', categories: ['F', ''], exhaustive: true }] },
        'disaggregations.0.categories.1',
      ),
      invalid(
        define,
        { disaggregations: [{ dimension: 'religion', categories: ['a', 'b'], exhaustive: true }] },
        'disaggregations.0.dimension',
        /sex, ethnicity, area or age-group/,
      ),
      invalid(define, { disaggregations: [{ dimension: 'sex', categories: ['F', 'M'] }] }, 'disaggregations.0.exhaustive', /true or false/),
      invalid(define, { unit: 'people' }, 'unit', /count, percent, amount, ratio, milestone or text/),
      invalid(define, { direction: 'up' }, 'direction', /higher-is-better, lower-is-better or within-band/),
      invalid(define, { accumulation: 'total' }, 'accumulation', /cumulative or per-period/),
      invalid(define, { attachedTo: { kind: 'area', id: objectiveId } }, 'attachedTo.kind', /objective or measure/),
      invalid(define, { attachedTo: { kind: 'measure', id: 'II.2' } }, 'attachedTo.id', /UUID/),
      invalid(define, { indicatorId: 'x' }, 'indicatorId', /UUID/),
      invalid(define, { municipality: 'elb' }, 'municipality'),
      invalid(define, { name: { sq: '' } }, 'name.sq'),
      invalid(define, { nationalCode: '' }, 'nationalCode', /must be 1–40 letters, digits/),
      invalid(define, { planPeriod: { from: 2024, to: 2022 } }, 'planPeriod.to', /must not be before from/),
      invalid(define, { planPeriod: undefined }, 'planPeriod'),
    ])
})

const setBaseline = { type: 'SetBaseline', indicatorId, value: '60.0', year: 2021 }
const setTarget = { type: 'SetTarget', indicatorId, period: '2024', target: { kind: 'absolute', value: '95' } }

t.test('ReviseIndicator', async (t) => {
  const reason = { sq: 'Kodi sipas planit të rishikuar' }
  const revise = { type: 'ReviseIndicator', indicatorId, reason }
  const revised = (data: object) => event({ type: 'indicator.revised.v1', data: { indicatorId, ...data, reason } })
  decider(t)
    .given([defined])
    .decides([
      [{ ...revise, code: 'II.2.b' }, [revised({ code: 'II.2.b' })], 'a new code, with the reason'],
      [
        { ...revise, name: { sq: 'Prindër të trajnuar', en: 'Trained parents' }, code: 'II.2.a' },
        [revised({ name: { sq: 'Prindër të trajnuar', en: 'Trained parents' } })],
        'only what changed is recorded',
      ],
      [{ ...revise, dataSource: { sq: 'Drejtoria e Shërbimeve Sociale' } }, [], 'the same data source again changes nothing'],
    ])
  decider(t)
    .given([defined, revised({ code: 'II.2.b', dataSource: { sq: 'REVALB' } })])
    .when({ ...revise, code: 'II.2.b', dataSource: { sq: 'REVALB' } })
    .then([], 'a revision folds into the definition: the same again is nothing')
  t.same(
    replay(indicator, [defined, revised({ code: 'II.2.b' })]),
    { defined: true, definition: { ...definition, code: 'II.2.b' }, baseline: null, targets: {}, values: {}, corrections: 0 },
    'the reason stays in the event, not in the definition',
  )
  decider(t)
    .given([])
    .refuses([[{ ...revise, code: 'II.2.b' }, 'TRG_NOT_FOUND', { entity: 'indicator', id: indicatorId }]])
  decider(t)
    .given([defined])
    .refuses([
      invalid(revise, {}, '(command)', /at least one of code, name, dataSource, sensitive or unit/),
      invalid(revise, { code: 'II.2.b', reason: undefined }, 'reason'),
      invalid(revise, { unit: 'amount' }, 'unit', /must be count, percent or ratio/),
      invalid(revise, { sensitive: 'yes' }, 'sensitive', /must be true or false/),
    ])
})

t.test('ReviseIndicator: its sensitivity, and its unit while no figure is recorded in it', async (t) => {
  const reason = { sq: 'Rastet e dhunës janë të dhëna për njerëz' }
  const revise = { type: 'ReviseIndicator', indicatorId, reason }
  const revised = (data: object) => event({ type: 'indicator.revised.v1', data: { indicatorId, ...data, reason } })
  decider(t)
    .given([defined])
    .decides([
      [{ ...revise, sensitive: true }, [revised({ sensitive: true })], 'marked sensitive'],
      [{ ...revise, unit: 'percent' }, [revised({ unit: 'percent' })], 'a count becomes a percentage'],
      [{ ...revise, unit: 'count' }, [], 'the same unit changes nothing'],
    ])
  t.match(replay(indicator, [defined, revised({ sensitive: false })]), { definition: { sensitive: false } })
  for (const [figure, given] of [
    ['a baseline', { type: 'indicator.baseline-set.v1', data: { indicatorId, value: '60', year: 2021 } }],
    ['a target', { type: 'indicator.target-set.v1', data: { indicatorId, period: '2024', target: { kind: 'absolute', value: '95' } } }],
    ['a value', { type: 'indicator.value-reported.v1', data: { indicatorId, period: '2023', value: '70' } }],
  ] as const) {
    decider(t)
      .given([defined, given as IndicatorEvent])
      .when({ ...revise, unit: 'ratio' })
      .thenFails(
        'TRG_INVALID_STATE',
        {
          entity: 'indicator',
          id: indicatorId,
          state: 'with figures recorded in its unit',
          action: 'given another unit',
        },
        `${figure} was checked against the unit`,
      )
  }
  decider(t)
    .given([milestoneDefined])
    .when({ ...revise, unit: 'count' })
    .thenFails('TRG_INVALID_COMMAND', { command: 'ReviseIndicator', field: 'unit', problem: /milestone indicator's unit is not revised/ })
})

t.test('SetBaseline', async (t) => {
  const command = setBaseline
  const set = { type: 'indicator.baseline-set.v1', data: { indicatorId, value: '60', year: 2021 } } as IndicatorEvent
  decider(t).given([defined]).when(command).then([set], 'a baseline, in canonical decimals')
  decider(t).given([defined, set]).when(command).then([], 'the same baseline again changes nothing')
  decider(t)
    .given([defined])
    .when({ ...command, year: 2024 })
    .then([{ ...set, data: { ...set.data, year: 2024 } }], "a baseline measured in the plan's last year")
  decider(t)
    .given([defined, set])
    .when({ ...command, value: '64' })
    .then([{ ...set, data: { ...set.data, value: '64' } }], 'a revised baseline')
  decider(t)
    .given([defined, set])
    .when({ ...command, note: { sq: 'Të dhëna nga raporti i vitit 2021' } })
    .then([{ ...set, data: { ...set.data, note: { sq: 'Të dhëna nga raporti i vitit 2021' } } }], 'a note is a revision too')
  decider(t)
    .given([definedAs({ unit: 'amount', currency: 'ALL' })])
    .when({ ...command, value: '1250000.50' })
    .then([{ ...set, data: { ...set.data, value: '1250000.5' } }], 'amounts may have cents')
  decider(t)
    .given([defined])
    .refuses([
      [{ ...command, value: '60.5' }, 'TRG_UNIT_MISMATCH', { field: 'value', unit: 'count', problem: 'a count is a whole number' }],
      [{ ...command, value: '-1' }, 'TRG_UNIT_MISMATCH', { field: 'value', unit: 'count', problem: 'must not be negative' }],
      invalid(command, { year: 21 }, 'year'),
      [{ ...command, year: 2025 }, 'TRG_PERIOD_OUTSIDE_PLAN', { field: 'year', period: '2025', planPeriod: '2022–2024' }],
      invalid(command, { value: '1,5' }, 'value'),
    ])
  decider(t)
    .given([percentDefined])
    .refuses([
      [{ ...command, value: '100.5' }, 'TRG_UNIT_MISMATCH', { field: 'value', unit: 'percent', problem: /between 0 and 100/ }],
      [{ ...command, value: '-0.5' }, 'TRG_UNIT_MISMATCH', { field: 'value', unit: 'percent' }],
    ])
  const refusedFor = (definedEvent: IndicatorEvent, value: string, unit: string, problem?: RegExp | string) =>
    decider(t)
      .given([definedEvent])
      .when({ ...command, value })
      .thenFails('TRG_UNIT_MISMATCH', { field: 'value', unit, ...(problem === undefined ? {} : { problem }) }, `${unit}: ${value}`)
  refusedFor(milestoneDefined, '2', 'milestone', /1 \(achieved\) or 0/)
  refusedFor(textDefined, '60.0', 'text', /no numeric figures/)
  refusedFor(definedAs({ unit: 'ratio', disaggregations: [] }), '-0.1', 'ratio', 'must not be negative')
  refusedFor(definedAs({ unit: 'amount', currency: 'ALL' }), '-3', 'amount')
})

t.test('SetTarget', async (t) => {
  const command = setTarget
  const set = {
    type: 'indicator.target-set.v1',
    data: { indicatorId, period: '2024', target: { kind: 'absolute', value: '95' } },
  } as IndicatorEvent
  const target = (target: object, period = '2024') => [{ type: 'indicator.target-set.v1', data: { indicatorId, period, target } }]
  decider(t).given([defined]).when(command).then([set], '95 parents in 2024')
  decider(t).given([defined, set]).when(command).then([], 'the same target again changes nothing')
  decider(t)
    .given([defined, { ...set, data: { target: { value: '95', kind: 'absolute' }, period: '2024', indicatorId } } as IndicatorEvent])
    .when(command)
    .then([], 'however a store ordered the keys')
  const fiftyPercentMore = { kind: 'relative', changePercent: '50', over: 'baseline' }
  decider(t)
    .given([defined, set])
    .decides([
      [{ ...command, target: { kind: 'absolute', value: '100' } }, target({ kind: 'absolute', value: '100' }), 'a target is replaced'],
      [{ ...command, target: fiftyPercentMore }, target(fiftyPercentMore), 'another kind of target replaces it too'],
    ])
  decider(t)
    .given([defined])
    .decides([
      [
        { ...command, period: 'end-of-plan', target: fiftyPercentMore },
        target(fiftyPercentMore, 'end-of-plan'),
        '50 % more by the end of the plan',
      ],
      [
        { ...command, period: '2023-H2', target: { kind: 'relative', changePercent: '-12.50', over: 'previous-period' } },
        target({ kind: 'relative', changePercent: '-12.5', over: 'previous-period' }, '2023-H2'),
        'a fall over the previous period',
      ],
    ])
  const targetsOfKind: [definition: IndicatorEvent, target: object, message: string][] = [
    [percentDefined, { kind: 'range', lower: '3', upper: '5' }, '3–5 %'],
    [milestoneDefined, { kind: 'milestone' }, 'work protocol approved'],
    [bandDefined, { kind: 'band', lower: '0.4', upper: '0.6' }, 'a band for a within-band indicator'],
    [budgetShare, { kind: 'absolute', value: '2' }, 'a computed indicator has targets'],
  ]
  for (const [definition, kind, message] of targetsOfKind) {
    decider(t)
      .given([definition])
      .when({ ...command, target: kind })
      .then(target(kind), message)
  }
})

t.test('SetTarget refusals', async (t) => {
  const command = setTarget
  decider(t)
    .given([defined])
    .refuses([
      [{ ...command, period: '2025-Q1' }, 'TRG_PERIOD_OUTSIDE_PLAN', { field: 'period', period: '2025-Q1', planPeriod: '2022–2024' }],
      [{ ...command, period: '2021' }, 'TRG_PERIOD_OUTSIDE_PLAN', { field: 'period', period: '2021', planPeriod: '2022–2024' }],
      [{ ...command, period: 'end' }, 'TRG_INVALID_COMMAND', { field: 'period', problem: /quarter \(2024-Q3\) or end-of-plan/ }],
      [
        { ...command, target: { kind: 'absolute', value: '95.5' } },
        'TRG_UNIT_MISMATCH',
        { field: 'target.value', unit: 'count', problem: 'a count is a whole number' },
      ],
      invalid(command, { target: { kind: 'relative', changePercent: '-100.5', over: 'baseline' } }, 'target.changePercent', /below -100/),
      invalid(
        command,
        { target: { kind: 'relative', changePercent: '5', over: 'plan' } },
        'target.over',
        'must be baseline or previous-period',
      ),
      invalid(command, { target: { kind: 'percentage', value: '5' } }, 'target.kind', /absolute, relative, range, milestone or band/),
      invalid(
        command,
        { period: 'end-of-plan', target: { kind: 'relative', changePercent: '2', over: 'previous-period' } },
        'target.over',
        /must be baseline for an end-of-plan target/,
      ),
      [
        { ...command, target: { kind: 'milestone' } },
        'TRG_UNIT_MISMATCH',
        { field: 'target.kind', unit: 'count', problem: 'a milestone target is only for milestone indicators' },
      ],
      invalid(command, { target: { kind: 'band', lower: '1', upper: '2' } }, 'target.kind', /must not be band/),
    ])
  decider(t)
    .given([definedAs({ planPeriod: { from: 2024, to: 2024 } })])
    .when({ ...command, period: '2025' })
    .thenFails('TRG_PERIOD_OUTSIDE_PLAN', { period: '2025', planPeriod: '2024' }, 'a one-year plan is named by its year')
  decider(t)
    .given([percentDefined])
    .refuses([
      [{ ...command, target: { kind: 'range', lower: '-1', upper: '5' } }, 'TRG_UNIT_MISMATCH', { field: 'target.lower', unit: 'percent' }],
      [
        { ...command, target: { kind: 'range', lower: '90', upper: '120' } },
        'TRG_UNIT_MISMATCH',
        { field: 'target.upper', unit: 'percent' },
      ],
      invalid(command, { target: { kind: 'range', lower: '5', upper: '3' } }, 'target.upper', 'must not be below lower'),
    ])
  decider(t)
    .given([bandDefined])
    .refuses([
      [
        { ...command, target: { kind: 'band', lower: '-0.1', upper: '0.6' } },
        'TRG_UNIT_MISMATCH',
        { field: 'target.lower', unit: 'ratio' },
      ],
      invalid(command, { target: { kind: 'band', lower: '0.6', upper: '0.4' } }, 'target.upper'),
      invalid(command, {}, 'target.kind', 'must be band for a within-band indicator'),
    ])
  decider(t)
    .given([textDefined])
    .when(command)
    .thenFails('TRG_UNIT_MISMATCH', { field: 'target', unit: 'text', problem: /no targets/ })
  decider(t)
    .given([milestoneDefined])
    .when({ ...command, target: { kind: 'absolute', value: '1' } })
    .thenFails('TRG_UNIT_MISMATCH', { field: 'target.kind', unit: 'milestone', problem: 'a milestone indicator takes a milestone target' })
})

const report = {
  type: 'ReportIndicatorValue',
  indicatorId,
  period: '2024',
  value: '80',
  breakdown: { sex: { F: '62', M: '18' }, area: { urban: '50' } },
  source: { sq: 'Raporti i monitorimit 2022–2024' },
  note: { sq: 'Kurse në qendrat komunitare' },
}
const { type: _report, ...reportedData } = report
const reported = event({ type: 'indicator.value-reported.v1', data: reportedData })

t.test('ReportIndicatorValue', async (t) => {
  decider(t).given([defined]).when(report).then([reported], '80 parents in 2024, 62 women and 18 men')
  const keptAsGiven: [definition: IndicatorEvent, figure: object, message: string][] = [
    [defined, { period: '2023-Q3', value: '12' }, 'just a value'],
    [textDefined, { period: '2023', text: { sq: 'Protokolli u hartua dhe u diskutua' } }, 'a qualitative finding'],
    [milestoneDefined, { period: '2024', value: '1' }, 'a milestone achieved'],
  ]
  for (const [definition, figure, message] of keptAsGiven) {
    decider(t)
      .given([definition])
      .when({ type: 'ReportIndicatorValue', indicatorId, ...figure })
      .then([{ type: 'indicator.value-reported.v1', data: { indicatorId, ...figure } }], message)
  }
  decider(t)
    .given([percentDefined])
    .when({ ...report, value: '0.03', breakdown: { sex: { F: '0.05', M: '0' } } })
    .then(
      [{ ...reported, data: { ...reportedData, value: '0.03', breakdown: { sex: { F: '0.05', M: '0' } } } }],
      'percentages of parts need not add up to the whole',
    )
  decider(t)
    .given([defined, reported])
    .when({ ...report, period: '2023' })
    .then([{ ...reported, data: { ...reportedData, period: '2023' } }], 'another period')
})

t.test('ReportIndicatorValue refusals', async (t) => {
  decider(t)
    .given([budgetShare])
    .when({ ...report, value: '0.9', breakdown: undefined })
    .thenFails('TRG_INDICATOR_COMPUTED', { indicatorId })
  decider(t).given([defined, reported]).when(report).thenFails('TRG_VALUE_ALREADY_REPORTED', { indicatorId, period: '2024' })
  decider(t)
    .given([defined])
    .refuses([
      [{ ...report, period: '2025-H1' }, 'TRG_PERIOD_OUTSIDE_PLAN', { field: 'period', period: '2025-H1', planPeriod: '2022–2024' }],
      invalid(report, { text: { sq: 'tetëdhjetë' } }, 'value', /one of the two/),
      invalid(report, { value: undefined }, 'value', /one of the two/),
      [
        { ...report, value: undefined, text: { sq: 'tetëdhjetë' } },
        'TRG_UNIT_MISMATCH',
        { field: 'text', unit: 'count', problem: /as a value, not text/ },
      ],
      invalid(
        report,
        { breakdown: { ethnicity: { rom: '10', egjiptian: '5' } } },
        'breakdown.ethnicity',
        'is not a disaggregation of this indicator',
      ),
      invalid(report, { breakdown: { sex: { F: '62', X: '18' } } }, 'breakdown.sex.X', 'is not a category of sex (F, M)'),
      [
        { ...report, breakdown: { area: { urban: '49.5' } } },
        'TRG_UNIT_MISMATCH',
        { field: 'breakdown.area.urban', unit: 'count', problem: 'a count is a whole number' },
      ],
      [
        { ...report, breakdown: { sex: { F: '62', M: '17' } } },
        'TRG_BREAKDOWN_MISMATCH',
        { indicatorId, dimension: 'sex', total: '80', sum: '79' },
      ],
      [{ ...report, breakdown: { sex: {} } }, 'TRG_BREAKDOWN_MISMATCH', { indicatorId, dimension: 'sex', total: '80', sum: '0' }],
      invalid(report, { breakdown: { sex: { F: 62 } } }, 'breakdown.sex.F'),
      invalid(report, { period: '2024-M1' }, 'period'),
      invalid(report, { source: { sq: '' } }, 'source.sq'),
    ])
  decider(t)
    .given([textDefined])
    .when({ ...report, breakdown: undefined })
    .thenFails('TRG_UNIT_MISMATCH', { field: 'value', unit: 'text' })
  decider(t)
    .given([milestoneDefined])
    .when({ ...report, breakdown: undefined, value: '0.5' })
    .thenFails('TRG_UNIT_MISMATCH', { field: 'value', unit: 'milestone' })
  decider(t)
    .given([percentDefined])
    .when({ ...report, breakdown: undefined, value: '101' })
    .thenFails('TRG_UNIT_MISMATCH', { field: 'value', unit: 'percent' })
})

t.test('every dimension of a count or an amount is checked against the total', async (t) => {
  const byArea = (value: string, area: object) => ({ ...report, value, breakdown: { area } })
  const reportedAs = (figure: object) => [event({ type: 'indicator.value-reported.v1', data: { ...reportedData, ...figure } })]
  decider(t)
    .given([defined])
    .decides([
      [
        byArea('80', { urban: '50', rural: '30' }),
        reportedAs({ breakdown: { area: { urban: '50', rural: '30' } } }),
        'parts that make up the whole',
      ],
      [byArea('80', { urban: '80' }), reportedAs({ breakdown: { area: { urban: '80' } } }), 'one part that is all of it'],
    ])
  decider(t)
    .given([defined])
    .refuses([
      [
        byArea('80', { urban: '50', rural: '31' }),
        'TRG_BREAKDOWN_MISMATCH',
        { indicatorId, dimension: 'area', total: '80', sum: '81', rule: 'at-most' },
      ],
      [
        byArea('80', { urban: '81' }),
        'TRG_BREAKDOWN_MISMATCH',
        { indicatorId, dimension: 'area', total: '80', sum: '81', rule: 'at-most' },
      ],
    ])
  // Only Roma and Egyptian people broken out: the rest of the total is in no category.
  const byEthnicity = { dimension: 'ethnicity', categories: ['rom', 'egjiptian'], exhaustive: false }
  decider(t)
    .given([definedAs({ unit: 'amount', currency: 'ALL', disaggregations: [byEthnicity] })])
    .refuses([
      [
        { ...report, value: '1000000', breakdown: { ethnicity: { rom: '600000', egjiptian: '400000.5' } } },
        'TRG_BREAKDOWN_MISMATCH',
        { indicatorId, dimension: 'ethnicity', total: '1000000', sum: '1000000.5', rule: 'at-most' },
      ],
    ])
  const bySex = { dimension: 'sex', categories: ['F', 'M'], exhaustive: true }
  const byGroup = { value: '40', breakdown: { ethnicity: { rom: '35', egjiptian: '45' } } }
  const notAdditive: [definition: IndicatorEvent, figure: object, message: string][] = [
    [definedAs({ unit: 'percent', disaggregations: [byEthnicity] }), byGroup, 'shares of parts are not parts of a share'],
    [definedAs({ unit: 'ratio', disaggregations: [byEthnicity] }), byGroup, 'nor are the ratios of parts'],
    [
      definedAs({ unit: 'ratio', disaggregations: [bySex] }),
      { value: '1.2', breakdown: { sex: { F: '1.5', M: '0.9' } } },
      'not even when the parts cover everyone',
    ],
  ]
  for (const [definition, figure, message] of notAdditive) {
    decider(t)
      .given([definition])
      .when({ ...report, ...figure })
      .then(reportedAs(figure), message)
  }
  decider(t)
    .given([defined, reported])
    .when({ ...byArea('80', { urban: '50', rural: '40' }), type: 'CorrectIndicatorValue', reason: { sq: 'Ndarja sipas zonës' } })
    .thenFails('TRG_BREAKDOWN_MISMATCH', { indicatorId, dimension: 'area', total: '80', sum: '90' }, 'a correction is held to it too')
})

const correct = {
  ...report,
  type: 'CorrectIndicatorValue',
  value: '85',
  breakdown: { sex: { F: '65', M: '20' } },
  note: { sq: 'Përfshirë kursin e dhjetorit' },
  reason: { sq: 'Lista e pjesëmarrësve e dhjetorit mungonte', en: "December's attendance list was missing" },
}
const correctedData = {
  indicatorId,
  period: '2024',
  value: '85',
  breakdown: { sex: { F: '65', M: '20' } },
  source: report.source,
  note: correct.note,
  reason: correct.reason,
  previous: { value: '80', breakdown: report.breakdown, source: report.source, note: report.note },
}
const corrected = event({ type: 'indicator.value-corrected.v1', data: correctedData })

t.test('CorrectIndicatorValue', async (t) => {
  decider(t).given([defined, reported]).when(correct).then([corrected], 'the old figure travels with the new one')
  decider(t).given([defined, reported, corrected]).when(correct).then([], 'the same figure again is no correction')
  const { reason: _reason, previous: _previous, indicatorId: _id, period: _period, ...correctedFigure } = correctedData
  decider(t)
    .given([defined, reported, corrected])
    .when({ ...correct, note: { sq: 'Shënim tjetër' }, source: undefined })
    .then(
      [
        event({
          type: 'indicator.value-corrected.v1',
          data: { ...correctedData, note: { sq: 'Shënim tjetër' }, previous: correctedFigure },
        }),
      ],
      'a new note alone is recorded, the source kept: where a figure comes from is part of it',
    )
  decider(t)
    .given([defined, reported, corrected])
    .when({ ...correct, breakdown: { sex: { M: '20', F: '65' } } })
    .then([], 'nor is the same breakdown in another order')
  decider(t)
    .given([defined, reported, corrected])
    .when({ ...correct, breakdown: null })
    .then(
      [
        {
          type: 'indicator.value-corrected.v1',
          data: {
            indicatorId,
            period: '2024',
            value: '85',
            source: report.source,
            note: correct.note,
            reason: correct.reason,
            previous: { value: '85', breakdown: { sex: { F: '65', M: '20' } }, source: report.source, note: correct.note },
          },
        },
      ],
      'null drops the breakdown: a correction',
    )
  // After the first correction the current figure is 85 (65 women, 20 men).
  const current = { value: '85', breakdown: correct.breakdown, source: report.source, note: correct.note }
  const recorrected = (breakdown: object) => [{ ...corrected, data: { ...correctedData, breakdown, previous: current } }]
  const byArea = { sex: { F: '65', M: '20' }, area: { rural: '30' } }
  decider(t)
    .given([defined, reported, corrected])
    .when({ ...correct, breakdown: byArea })
    .then(recorrected(byArea), 'adding a dimension is a correction')
  decider(t)
    .given([defined, reported, corrected])
    .when({ ...correct, breakdown: { area: { urban: '20' } } })
    .then(recorrected({ area: { urban: '20' } }), 'another dimension is a correction')
  decider(t)
    .given([defined, reported, corrected])
    .when({ ...correct, breakdown: { sex: { F: '64', M: '21' } } })
    .then(recorrected({ sex: { F: '64', M: '21' } }), 'other parts are a correction')

  const text = { type: 'indicator.value-reported.v1', data: { indicatorId, period: '2024', text: { sq: 'Në proces' } } } as IndicatorEvent
  const textCorrection = {
    type: 'CorrectIndicatorValue',
    indicatorId,
    period: '2024',
    text: { sq: 'Protokolli u miratua' },
    reason: { sq: 'Vendimi erdhi me vonesë' },
  }
  decider(t)
    .given([textDefined, text])
    .when(textCorrection)
    .then(
      [
        {
          type: 'indicator.value-corrected.v1',
          data: {
            indicatorId,
            period: '2024',
            text: { sq: 'Protokolli u miratua' },
            reason: { sq: 'Vendimi erdhi me vonesë' },
            previous: { text: { sq: 'Në proces' } },
          },
        },
      ],
      'a qualitative finding is corrected',
    )
  decider(t)
    .given([textDefined, text])
    .when({ ...textCorrection, text: { sq: 'Në proces' } })
    .then([], 'the same text again')

  t.same(
    replay(indicator, [defined, reported, corrected]),
    {
      defined: true,
      definition,
      baseline: null,
      targets: {},
      values: { '2024': { value: '85', breakdown: { sex: { F: '65', M: '20' } }, source: report.source, note: correct.note } },
      corrections: 1,
    },
    'the state keeps the current figure and counts corrections',
  )
})

t.test('CorrectIndicatorValue refusals', async (t) => {
  decider(t)
    .given([budgetShare])
    .when({ ...correct, value: '0.9', breakdown: undefined })
    .thenFails('TRG_INDICATOR_COMPUTED', { indicatorId })
  decider(t).given([defined]).when(correct).thenFails('TRG_VALUE_NOT_REPORTED', { indicatorId, period: '2024' })
  decider(t)
    .given([defined, reported])
    .refuses([
      [{ ...correct, period: '2023' }, 'TRG_VALUE_NOT_REPORTED', { indicatorId, period: '2023' }],
      [
        { ...correct, breakdown: { sex: { F: '65', M: '21' } } },
        'TRG_BREAKDOWN_MISMATCH',
        { indicatorId, dimension: 'sex', total: '85', sum: '86' },
      ],
      [{ ...correct, value: '-85' }, 'TRG_UNIT_MISMATCH', { field: 'value', unit: 'count' }],
      invalid(correct, { reason: undefined }, 'reason'),
      invalid(correct, { value: undefined }, 'value', /one of the two/),
    ])
})

t.test('a correction keeps what it does not name', async (t) => {
  const correction = { type: 'CorrectIndicatorValue', indicatorId, period: '2024', reason: correct.reason }
  const { indicatorId: _id, period: _period, ...figure } = reportedData
  const without = (data: object, ...fields: string[]) =>
    Object.fromEntries(Object.entries(data).filter(([field]) => !fields.includes(field)))
  const correctedTo = (data: object) => [
    event({ type: 'indicator.value-corrected.v1', data: { ...data, reason: correct.reason, previous: figure } }),
  ]
  const sexOnly = { sex: { F: '65', M: '20' } }
  const at85 = { ...reportedData, value: '85', breakdown: sexOnly }
  const newSource = { sq: 'Regjistri i Drejtorisë së Shërbimeve Sociale' }
  decider(t)
    .given([defined, reported])
    .decides([
      [{ ...correction, value: '85', breakdown: sexOnly }, correctedTo(at85), 'a correction without source or note keeps both'],
      [
        { ...correction, value: '85', breakdown: sexOnly, source: newSource },
        correctedTo({ ...at85, source: newSource }),
        'a new source replaces the old, the note stays',
      ],
      [{ ...correction, value: '85', breakdown: sexOnly, note: null }, correctedTo(without(at85, 'note')), 'null drops the note'],
      [
        { ...correction, value: '85', breakdown: sexOnly, source: null, note: null },
        correctedTo(without(at85, 'source', 'note')),
        'null drops the source too',
      ],
      [{ ...correction, value: '80' }, [], 'the same figure, breakdown kept: nothing to record'],
      [
        { ...correction, value: '80', source: newSource, note: null },
        correctedTo({ ...without(reportedData, 'note'), source: newSource }),
        'a new source alone is a correction too',
      ],
      [
        { ...correction, value: '80', breakdown: null },
        correctedTo(without(reportedData, 'breakdown')),
        'the same value without its breakdown is a correction',
      ],
    ])
  decider(t)
    .given([defined, reported])
    .refuses([
      invalid(
        correction,
        { value: '85' },
        'breakdown',
        'kept from the figure corrected adds up by sex to 80, not to the corrected total 85: give the breakdown with the correction, or null to drop it',
      ),
      invalid(correction, { value: null }, 'value'),
      invalid(correction, { value: '85', breakdown: sexOnly, reason: null }, 'reason'),
      invalid(correction, { value: '85', breakdown: sexOnly, source: '' }, 'source'),
    ])

  // Only the urban area broken out: parts of a dimension that is not exhaustive.
  const byAreaFigure = { ...figure, breakdown: { area: { urban: '50' } } }
  const byArea = event({ type: 'indicator.value-reported.v1', data: { indicatorId, period: '2024', ...byAreaFigure } })
  decider(t)
    .given([defined, byArea])
    .when({ ...correction, value: '85' })
    .then(
      [
        event({
          type: 'indicator.value-corrected.v1',
          data: { indicatorId, period: '2024', ...byAreaFigure, value: '85', reason: correct.reason, previous: byAreaFigure },
        }),
      ],
      'a kept breakdown that still fits the corrected value is kept',
    )
  decider(t)
    .given([defined, byArea])
    .refuses([
      invalid(
        correction,
        { value: '40' },
        'breakdown',
        'kept from the figure corrected adds up by area to 50, more than the corrected total 40: give the breakdown with the correction, or null to drop it',
      ),
      [
        { ...correction, value: '40', breakdown: { area: { urban: '41' } } },
        'TRG_BREAKDOWN_MISMATCH',
        { indicatorId, dimension: 'area', total: '40', sum: '41' },
      ],
    ])
})

t.test('every command but DefineIndicator needs a defined indicator', async (t) => {
  const notFound = (command: Input): Refusal => [command, 'TRG_NOT_FOUND', { entity: 'indicator', id: indicatorId }]
  decider(t).given([]).refuses([setBaseline, setTarget, report, correct].map(notFound))
})

t.test('state after a full history', async (t) => {
  const baseline = {
    type: 'indicator.baseline-set.v1',
    data: { indicatorId, value: '60', year: 2021, note: { sq: 'Viti 2021' } },
  } as IndicatorEvent
  const target = {
    type: 'indicator.target-set.v1',
    data: { indicatorId, period: '2024', target: { kind: 'absolute', value: '95' } },
  } as IndicatorEvent
  const state = replay(indicator, [defined, baseline, target, reported])
  t.same(state, {
    defined: true,
    definition,
    baseline: { value: '60', year: 2021, note: { sq: 'Viti 2021' } },
    targets: { '2024': { kind: 'absolute', value: '95' } },
    values: { '2024': { value: '80', breakdown: report.breakdown, source: report.source, note: report.note } },
    corrections: 0,
  })
  decider(t)
    .given([defined, baseline])
    .when({ type: 'SetBaseline', indicatorId, value: '60', year: 2021, note: { sq: 'Viti 2021' } })
    .then([], 'a baseline with its note again')
})

t.test('a percent can carry the counts it is the share of', async (t) => {
  const share = { type: 'ReportIndicatorValue', indicatorId, period: '2024', value: '75', numerator: '45', denominator: '60' }
  const { type: _share, ...shareData } = share
  const shared = event({ type: 'indicator.value-reported.v1', data: shareData })
  decider(t).given([percentDefined]).when(share).then([shared], 'numerator and denominator are recorded with the percent')
  decider(t)
    .given([percentDefined])
    .when({ ...share, value: '66.7', numerator: '2', denominator: '3' })
    .then(
      [event({ type: 'indicator.value-reported.v1', data: { ...shareData, value: '66.7', numerator: '2', denominator: '3' } })],
      'the percent may be rounded to the precision it is written with',
    )
  decider(t)
    .given([percentDefined])
    .refuses([
      invalid(share, { value: '70' }, 'value', 'must be numerator / denominator × 100, which is 75 at this precision'),
      invalid(share, { denominator: undefined }, 'denominator', /both or neither/),
      invalid(share, { value: '0', numerator: '0', denominator: '0' }, 'denominator', 'must be more than 0'),
    ])
  decider(t)
    .given([defined])
    .when({ ...share, breakdown: undefined })
    .thenFails('TRG_UNIT_MISMATCH', { field: 'numerator', unit: 'count' })
  const correct = { ...share, type: 'CorrectIndicatorValue', value: '80', numerator: '48', reason: { sq: 'Numërim i ri' } }
  decider(t)
    .given([percentDefined, shared])
    .when(correct)
    .then(
      [
        event({
          type: 'indicator.value-corrected.v1',
          data: {
            ...shareData,
            value: '80',
            numerator: '48',
            reason: correct.reason,
            previous: { value: '75', numerator: '45', denominator: '60' },
          },
        }),
      ],
      'new counts correct the figure',
    )
  decider(t)
    .given([percentDefined, shared])
    .when({ ...share, type: 'CorrectIndicatorValue', value: '75', numerator: '45', denominator: '60', reason: { sq: 'Pa ndryshim' } })
    .then([], 'the same counts again are no correction')

  const roundedFigure = { value: '66.7', numerator: '2', denominator: '3' }
  const rounded = event({ type: 'indicator.value-reported.v1', data: { indicatorId, period: '2024', ...roundedFigure } })
  const recount = { type: 'CorrectIndicatorValue', indicatorId, period: '2024', reason: { sq: 'Numërim i ri' } }
  decider(t)
    .given([percentDefined, rounded])
    .decides([
      [
        { ...recount, value: '66.67' },
        [
          event({
            type: 'indicator.value-corrected.v1',
            data: { indicatorId, period: '2024', ...roundedFigure, value: '66.67', reason: recount.reason, previous: roundedFigure },
          }),
        ],
        'kept counts that give the corrected percent stay with it',
      ],
      [
        { ...recount, value: '70', numerator: null, denominator: null },
        [
          event({
            type: 'indicator.value-corrected.v1',
            data: { indicatorId, period: '2024', value: '70', reason: recount.reason, previous: roundedFigure },
          }),
        ],
        'null for both drops the counts',
      ],
      [{ ...recount, value: '66.7' }, [], 'the same percent with its counts kept is no correction'],
    ])
  decider(t)
    .given([percentDefined, rounded])
    .refuses([
      invalid(
        recount,
        { value: '70' },
        'value',
        'must be numerator / denominator × 100, which is 67 at this precision for the counts kept from the figure corrected (2 of 3): give the counts for the corrected percent, or null for both to drop them',
      ),
      invalid(recount, { value: '70', numerator: null }, 'denominator', /both null to drop them/),
      invalid(recount, { value: '70', numerator: '7', denominator: null }, 'denominator', /both null/),
      invalid(
        recount,
        { value: '70', numerator: '7', denominator: '11' },
        'value',
        'must be numerator / denominator × 100, which is 64 at this precision',
      ),
    ])
  decider(t)
    .given([percentDefined])
    .refuses([invalid(share, { numerator: null, denominator: null }, 'numerator'), invalid(share, { note: null }, 'note')])
})

t.test('DefineIndicator tied to a national indicator of its unit, which the catalogue gives', async (t) => {
  const tied = { ...define, nationalCode: 'AL-SKBGJ-2.3', nationalUnit: 'count' }
  decider(t)
    .given([])
    .when(tied)
    .then([definedAs({ nationalCode: 'AL-SKBGJ-2.3' })], "the code is recorded; the unit is the catalogue's to keep")
  decider(t)
    .given([])
    .refuses([
      [
        { ...tied, nationalUnit: undefined },
        'TRG_NOT_FOUND',
        { entity: 'national indicator', id: 'AL-SKBGJ-2.3' },
        'no such code in the catalogue',
      ],
      [
        { ...tied, nationalUnit: 'percent' },
        'TRG_UNIT_MISMATCH',
        { field: 'nationalCode', unit: 'count', problem: /AL-SKBGJ-2.3 is in percent: only indicators in percent count towards it/ },
      ],
      invalid(tied, { nationalCode: 'SKBGJ 2.3' }, 'nationalCode', /1–40 letters, digits/),
    ])
})

t.test('LinkNationalIndicator ties, moves and unties an indicator, with the reason', async (t) => {
  const reason = { sq: 'Treguesi i strategjisë kombëtare', en: 'The national strategy indicator' }
  const link = { type: 'LinkNationalIndicator', indicatorId, nationalCode: 'AL-SKBGJ-2.3', nationalUnit: 'count', reason }
  const linked = (nationalCode: string | null, previous: string | null) =>
    event({ type: 'indicator.national-code-linked.v1', data: { indicatorId, nationalCode, previous, reason } })
  const reported = event({ type: 'indicator.value-reported.v1', data: { indicatorId, period: '2023', value: '70' } })
  decider(t)
    .given([defined, reported])
    .when(link)
    .then([linked('AL-SKBGJ-2.3', null)], 'tied after its figures were reported')
  decider(t)
    .given([defined, linked('AL-SKBGJ-2.3', null)])
    .decides([
      [link, [], 'tied to the same code again: nothing'],
      [{ ...link, nationalCode: 'AL-SKBGJ-2.4' }, [linked('AL-SKBGJ-2.4', 'AL-SKBGJ-2.3')], 'moved to another code'],
      [{ ...link, nationalCode: null, nationalUnit: undefined }, [linked(null, 'AL-SKBGJ-2.3')], 'untied'],
    ])
  t.match(replay(indicator, [defined, linked('AL-SKBGJ-2.3', null)]), { definition: { nationalCode: 'AL-SKBGJ-2.3' } })
  t.notOk(
    'nationalCode' in
      (replay(indicator, [defined, linked('AL-SKBGJ-2.3', null), linked(null, 'AL-SKBGJ-2.3')]) as { definition: object }).definition,
    'untied, it carries no code',
  )
  decider(t)
    .given([defined])
    .when({ ...link, nationalCode: null })
    .then([], 'untying an untied indicator: nothing')
  decider(t)
    .given([])
    .refuses([[link, 'TRG_NOT_FOUND', { entity: 'indicator', id: indicatorId }]])
  decider(t)
    .given([textDefined])
    .refuses([[{ ...link, nationalUnit: 'count' }, 'TRG_UNIT_MISMATCH', { field: 'nationalCode', unit: 'text' }]])
  decider(t)
    .given([defined])
    .refuses([
      [{ ...link, nationalUnit: undefined }, 'TRG_NOT_FOUND', { entity: 'national indicator', id: 'AL-SKBGJ-2.3' }],
      invalid(link, { reason: undefined }, 'reason'),
    ])

  decider(t)
    .given([defined, linked('AL-SKBGJ-2.3', null)])
    .when({ type: 'ReviseIndicator', indicatorId, unit: 'percent', reason })
    .thenFails(
      'TRG_INVALID_STATE',
      { entity: 'indicator', id: indicatorId, state: 'tied to national indicator AL-SKBGJ-2.3', action: 'given another unit' },
      'a tied indicator keeps its unit: the national figure adds it',
    )
})
