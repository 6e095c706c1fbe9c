import { TreguesiError } from '@treguesi/errors'
import { z } from 'zod'
import type { Decider, DomainEvent } from '../decider.js'
import { planPeriodSchema } from '../plan/plan.js'
import { sameJson } from '../shared/json.js'
import { fiscalYearSchema, municipalityCodeSchema } from '../municipality/municipality.js'
import { compare, decimalSchema, divide, isZero, multiply, nonNegativeDecimalSchema, round, sum, type Decimal } from '../shared/decimal.js'
import { currencySchema } from '../shared/money.js'
import { periodProblem, periodSchema, yearOf, type Period } from '../shared/period.js'
import { refinement } from '../shared/problem.js'
import { codeSchema, localizedLabelSchema, localizedTextSchema, textKinds, textSchema, trimmedTextSchema, type LocalizedText } from '../shared/text.js'

const idSchema = z.uuid({ message: 'must be a UUID' })

export const indicatorUnits = ['count', 'percent', 'amount', 'ratio', 'milestone', 'text'] as const
export type IndicatorUnit = (typeof indicatorUnits)[number]

export const indicatorDirections = ['higher-is-better', 'lower-is-better', 'within-band'] as const
export type Direction = (typeof indicatorDirections)[number]

export const disaggregationDimensions = ['sex', 'ethnicity', 'area', 'age-group'] as const
export type DisaggregationDimension = (typeof disaggregationDimensions)[number]

const nonEmpty = (what: string) => trimmedTextSchema(textKinds.label, `${what} must not be empty`)

/**
 * A dimension the values are reported by, e.g. sex ['F', 'M'] or area ['urban', 'rural'] (the
 * seeds' "qytet/fshat"). An exhaustive dimension's categories cover everyone, so a breakdown by it
 * must add up to the total.
 */
export const disaggregationSchema = z.object({
  dimension: z.enum(disaggregationDimensions, { message: 'must be sex, ethnicity, area or age-group' }),
  categories: z
    .array(nonEmpty('a category'))
    .min(2, { message: 'must name at least two categories' })
    .refine((categories) => new Set(categories).size === categories.length, { message: 'must not repeat a category' }),
  exhaustive: z.boolean({ message: 'must be true or false' }),
})
export type Disaggregation = z.infer<typeof disaggregationSchema>

export const defineIndicatorSchema = z
  .object({
    type: z.literal('DefineIndicator'),
    indicatorId: idSchema,
    planId: idSchema,
    municipality: municipalityCodeSchema,
    attachedTo: z.object({
      kind: z.enum(['objective', 'measure'], { message: 'must be objective or measure' }),
      id: idSchema,
    }),
    code: codeSchema,
    name: localizedLabelSchema,
    unit: z.enum(indicatorUnits, { message: 'must be count, percent, amount, ratio, milestone or text' }),
    /** The currency of an amount indicator's values, baseline and targets. */
    currency: currencySchema.optional(),
    direction: z.enum(indicatorDirections, { message: 'must be higher-is-better, lower-is-better or within-band' }),
    /** Cumulative values grow over the plan (a running total); per-period values stand alone. */
    accumulation: z.enum(['cumulative', 'per-period'], { message: 'must be cumulative or per-period' }),
    disaggregations: z.array(disaggregationSchema).default([]),
    dataSource: localizedTextSchema.optional(),
    /** Ties the indicator to a national-strategy indicator, so ministries can aggregate it. */
    nationalCode: nonEmpty('a national code').optional(),
    /** A budget share's actual comes from budget events (allocations tagged `category`), never typed in. */
    computed: z
      .object({
        kind: z.literal('budget-share'),
        // The same tag form as budget lines' categories, so the share finds its allocations.
        category: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
          message: 'must be a lower-case tag of letters, digits and single dashes, such as dv-specialised-services',
        }),
      })
      .optional(),
    /** Filled in by the command handler from the plan's period. */
    planPeriod: planPeriodSchema,
  })
  .superRefine((command, context) => {
    const problem = (path: PropertyKey[], message: string) => context.addIssue({ code: 'custom', path, message })
    if (command.unit === 'amount' && command.currency === undefined) {
      problem(['currency'], 'is required for an amount indicator')
    }
    if (command.unit !== 'amount' && command.currency !== undefined) {
      problem(['currency'], 'is only for amount indicators')
    }
    if ((command.unit === 'milestone' || command.unit === 'text') && command.direction !== 'higher-is-better') {
      problem(['direction'], 'must be higher-is-better for a milestone or text indicator')
    }
    if ((command.unit === 'milestone' || command.unit === 'text') && command.disaggregations.length > 0) {
      problem(['disaggregations'], 'are only for numeric indicators, not milestone or text ones')
    }
    if (command.computed !== undefined && command.unit !== 'percent') {
      problem(['computed'], 'a budget share must have the unit percent')
    }
    const seen = new Set<string>()
    command.disaggregations.forEach(({ dimension }, index) => {
      if (seen.has(dimension)) problem(['disaggregations', index, 'dimension'], `must not repeat ${dimension}`)
      seen.add(dimension)
    })
  })

export const setBaselineSchema = z.object({
  type: z.literal('SetBaseline'),
  indicatorId: idSchema,
  value: decimalSchema,
  year: fiscalYearSchema,
  note: localizedTextSchema.optional(),
})

const boundsSchema = <Kind extends string>(kind: Kind) =>
  z
    .object({ kind: z.literal(kind), lower: decimalSchema, upper: decimalSchema })
    .refine((target) => compare(target.lower, target.upper) <= 0, {
      path: ['upper'],
      message: 'must not be below lower',
    })

/**
 * What an indicator should reach in a period. A relative target ("50 % more", "+2 % each year")
 * is resolved to an absolute figure once its baseline or the previous period's actual is known
 * (see `resolveTarget` in progress.ts).
 */
export const targetSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('absolute'), value: decimalSchema }),
    z.object({
      kind: z.literal('relative'),
      changePercent: decimalSchema.refine((change) => compare(change, '-100' as Decimal) >= 0, {
        message: 'must not be below -100 (nothing can fall by more than all of it)',
      }),
      over: z.enum(['baseline', 'previous-period'], { message: 'must be baseline or previous-period' }),
    }),
    // "3–5 %": within the range is achieved.
    boundsSchema('range'),
    z.object({ kind: z.literal('milestone') }),
    // Only for within-band indicators: inside the band is achieved, outside is not.
    boundsSchema('band'),
  ],
  { message: 'must be absolute, relative, range, milestone or band' },
)
export type Target = z.infer<typeof targetSchema>

/** A target's period: one period of the plan, or the plan as a whole. */
export type TargetPeriod = Period | 'end-of-plan'

const targetPeriodSchema = z
  .string()
  .superRefine(
    refinement((text) =>
      text === 'end-of-plan' ? null : periodProblem(text, 'a year (2024), a half-year (2024-H1), a quarter (2024-Q3) or end-of-plan'),
    ),
  )
  .transform((text) => text as TargetPeriod)

export const setTargetSchema = z.object({
  type: z.literal('SetTarget'),
  indicatorId: idSchema,
  period: targetPeriodSchema,
  target: targetSchema,
})

/** Per dimension, per category: the part of the value in that category. */
export const breakdownSchema = z.record(textSchema(textKinds.label), z.record(textSchema(textKinds.label), decimalSchema))
export type Breakdown = Readonly<Record<string, Readonly<Record<string, Decimal>>>>

// A correction states the whole figure again: a source or note left out is not carried over.
const figureFields = {
  indicatorId: idSchema,
  period: periodSchema,
  /** For a milestone: '1' achieved, '0' not. */
  value: decimalSchema.optional(),
  /** Instead of `value`, for a text (qualitative) indicator. */
  text: localizedTextSchema.optional(),
  breakdown: breakdownSchema.optional(),
  /**
   * For a percent: the counts it is the share of (45 girls of 60), so that figures across
   * municipalities are added as counts and divided once, never averaged as percentages.
   */
  numerator: nonNegativeDecimalSchema.optional(),
  denominator: nonNegativeDecimalSchema.optional(),
  /** Source or evidence, e.g. "REVALB" or a directorate's report. */
  source: localizedTextSchema.optional(),
  note: localizedTextSchema.optional(),
}

const countsTogether = {
  check: (figure: { numerator?: Decimal | undefined; denominator?: Decimal | undefined }) =>
    (figure.numerator === undefined) === (figure.denominator === undefined),
  params: { path: ['denominator'], message: 'must be given together with the numerator: both or neither' },
}

const valueOrText = {
  check: (figure: { value?: Decimal | undefined; text?: LocalizedText | undefined }) =>
    (figure.value === undefined) !== (figure.text === undefined),
  params: { path: ['value'], message: 'must be given, or text instead for a text indicator: one of the two' },
}

export const reportIndicatorValueSchema = z
  .object({ type: z.literal('ReportIndicatorValue'), ...figureFields })
  .refine(valueOrText.check, valueOrText.params)
  .refine(countsTogether.check, countsTogether.params)

export const correctIndicatorValueSchema = z
  .object({ type: z.literal('CorrectIndicatorValue'), ...figureFields, reason: localizedTextSchema })
  .refine(valueOrText.check, valueOrText.params)
  .refine(countsTogether.check, countsTogether.params)

export const indicatorCommandSchema = z.discriminatedUnion('type', [
  defineIndicatorSchema,
  setBaselineSchema,
  setTargetSchema,
  reportIndicatorValueSchema,
  correctIndicatorValueSchema,
])

export type IndicatorCommand = z.infer<typeof indicatorCommandSchema>
export type IndicatorDefinition = Omit<z.infer<typeof defineIndicatorSchema>, 'type'>

export interface Baseline {
  readonly value: Decimal
  readonly year: number
  readonly note?: LocalizedText
}

/** A reported figure for one period: a `value`, or `text` for a text indicator. */
export interface ReportedValue {
  readonly value?: Decimal
  readonly text?: LocalizedText
  readonly breakdown?: Breakdown
  /** A percent's counts: value = numerator / denominator × 100. */
  readonly numerator?: Decimal
  readonly denominator?: Decimal
  readonly source?: LocalizedText
  readonly note?: LocalizedText
}

export type IndicatorEvent =
  | DomainEvent<'indicator.defined.v1', IndicatorDefinition>
  | DomainEvent<'indicator.baseline-set.v1', { indicatorId: string } & Baseline>
  | DomainEvent<'indicator.target-set.v1', { indicatorId: string; period: TargetPeriod; target: Target }>
  | DomainEvent<'indicator.value-reported.v1', { indicatorId: string; period: Period } & ReportedValue>
  | DomainEvent<
      'indicator.value-corrected.v1',
      // `previous` is the figure this one replaces, so the history reads without replaying.
      { indicatorId: string; period: Period; reason: LocalizedText; previous: ReportedValue } & ReportedValue
    >

export type IndicatorState =
  | { readonly defined: false }
  | {
      readonly defined: true
      readonly definition: IndicatorDefinition
      readonly baseline: Baseline | null
      /** By period key: a Period or 'end-of-plan'. */
      readonly targets: Readonly<Record<string, Target>>
      /** The current (latest corrected) value by period. */
      readonly values: Readonly<Record<string, ReportedValue>>
      /** How many corrections were recorded, over all periods. */
      readonly corrections: number
    }

type Defined = Extract<IndicatorState, { defined: true }>

export const indicatorStream = (indicatorId: string): string => `indicator-${indicatorId}`

const zero = '0' as Decimal

/** Why `value` cannot be a figure of `unit`, or null when it can. */
function unitProblem(unit: IndicatorUnit, value: Decimal): string | null {
  switch (unit) {
    case 'text':
      return 'a text indicator has no numeric figures'
    case 'milestone':
      return value === '0' || value === '1' ? null : 'a milestone is 1 (achieved) or 0 (not achieved)'
    case 'percent':
      return compare(value, zero) >= 0 && compare(value, '100' as Decimal) <= 0
        ? null
        : 'a percentage of a population lies between 0 and 100'
    case 'count':
    case 'amount':
    case 'ratio':
      if (compare(value, zero) < 0) return 'must not be negative'
      // Decimals are canonical, so a whole number has no point.
      return unit === 'count' && value.includes('.') ? 'a count is a whole number' : null
  }
}

function assertUnit(definition: IndicatorDefinition, value: Decimal, field: string): void {
  const problem = unitProblem(definition.unit, value)
  if (problem !== null) throw new TreguesiError('TRG_UNIT_MISMATCH', { field, unit: definition.unit, problem })
}

function planPeriodText({ from, to }: IndicatorDefinition['planPeriod']): string {
  return from === to ? `${from}` : `${from}–${to}`
}

function assertInPlan(definition: IndicatorDefinition, period: Period): void {
  const year = yearOf(period)
  const { from, to } = definition.planPeriod
  if (year < from || year > to) {
    throw new TreguesiError('TRG_PERIOD_OUTSIDE_PLAN', {
      field: 'period',
      period,
      planPeriod: planPeriodText(definition.planPeriod),
    })
  }
}

function invalid(command: string, field: string, problem: string): TreguesiError<'TRG_INVALID_COMMAND'> {
  return new TreguesiError('TRG_INVALID_COMMAND', { command, field, problem })
}

function assertTarget(definition: IndicatorDefinition, period: TargetPeriod, target: Target): void {
  const { unit, direction } = definition
  if (unit === 'text') {
    throw new TreguesiError('TRG_UNIT_MISMATCH', {
      field: 'target',
      unit,
      problem: 'a text indicator has no targets; state a qualitative aim as a milestone indicator',
    })
  }
  if ((unit === 'milestone') !== (target.kind === 'milestone')) {
    throw new TreguesiError('TRG_UNIT_MISMATCH', {
      field: 'target.kind',
      unit,
      problem:
        unit === 'milestone'
          ? 'a milestone indicator takes a milestone target'
          : 'a milestone target is only for milestone indicators',
    })
  }
  if ((direction === 'within-band') !== (target.kind === 'band')) {
    throw invalid(
      'SetTarget',
      'target.kind',
      direction === 'within-band' ? 'must be band for a within-band indicator' : 'must not be band: the indicator is not within-band',
    )
  }
  switch (target.kind) {
    case 'absolute':
      return assertUnit(definition, target.value, 'target.value')
    case 'range':
    case 'band':
      assertUnit(definition, target.lower, 'target.lower')
      return assertUnit(definition, target.upper, 'target.upper')
    case 'relative':
      if (period === 'end-of-plan' && target.over === 'previous-period') {
        throw invalid('SetTarget', 'target.over', 'must be baseline for an end-of-plan target: the plan has no previous period')
      }
      return
    case 'milestone':
      return
  }
}

type FigureCommand = Extract<IndicatorCommand, { type: 'ReportIndicatorValue' | 'CorrectIndicatorValue' }>

/** Checks a reported or corrected figure against the definition, except the period rules. */
function assertFigure(definition: IndicatorDefinition, command: FigureCommand): void {
  const { unit } = definition
  if (command.text !== undefined && unit !== 'text') {
    throw new TreguesiError('TRG_UNIT_MISMATCH', { field: 'text', unit, problem: 'must be reported as a value, not text' })
  }
  if (command.value !== undefined) assertUnit(definition, command.value, 'value')
  if (command.numerator !== undefined) assertCounts(definition, command)
  for (const [dimension, parts] of Object.entries(command.breakdown ?? {})) {
    const declared = definition.disaggregations.find((disaggregation) => disaggregation.dimension === dimension)
    if (declared === undefined) {
      throw invalid(command.type, `breakdown.${dimension}`, 'is not a disaggregation of this indicator')
    }
    for (const [category, part] of Object.entries(parts)) {
      if (!declared.categories.includes(category)) {
        throw invalid(
          command.type,
          `breakdown.${dimension}.${category}`,
          `is not a category of ${dimension} (${declared.categories.join(', ')})`,
        )
      }
      assertUnit(definition, part, `breakdown.${dimension}.${category}`)
    }
    // Shares of a population's parts do not add up to the share of the whole.
    if (declared.exhaustive && unit !== 'percent') {
      // Only numeric units declare dimensions, and those were refused text above: a value is given.
      const total = command.value as Decimal
      const partsSum = sum(Object.values(parts))
      if (compare(partsSum, total) !== 0) {
        throw new TreguesiError('TRG_BREAKDOWN_MISMATCH', {
          indicatorId: command.indicatorId,
          dimension,
          total,
          sum: partsSum,
        })
      }
    }
  }
}

/** A percent's counts must be a real share and must give the percent reported, as rounded. */
function assertCounts(definition: IndicatorDefinition, command: FigureCommand): void {
  const numerator = command.numerator as Decimal
  const denominator = command.denominator as Decimal
  if (definition.unit !== 'percent') {
    throw new TreguesiError('TRG_UNIT_MISMATCH', {
      field: 'numerator',
      unit: definition.unit,
      problem: 'numerator and denominator are only for percent indicators',
    })
  }
  if (isZero(denominator)) throw invalid(command.type, 'denominator', 'must be more than 0')
  // The schema makes a percent give a value, not text.
  const value = command.value as Decimal
  const places = value.split('.')[1]?.length ?? 0
  const share = round(multiply(divide(numerator, denominator), '100' as Decimal), places)
  if (compare(share, value) !== 0) {
    throw invalid(command.type, 'value', `must be numerator / denominator × 100, which is ${share} at this precision`)
  }
}

function figureOf(command: FigureCommand): ReportedValue {
  const { value, text, breakdown, numerator, denominator, source, note } = command
  return {
    ...(value !== undefined && { value }),
    ...(text !== undefined && { text }),
    ...(breakdown !== undefined && { breakdown }),
    // The schema gives both counts or neither.
    ...(numerator !== undefined && { numerator, denominator: denominator as Decimal }),
    ...(source !== undefined && { source }),
    ...(note !== undefined && { note }),
  }
}

function definedOrThrow(state: IndicatorState, indicatorId: string): Defined {
  if (!state.defined) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'indicator', id: indicatorId })
  return state
}

export const indicator: Decider<IndicatorCommand, IndicatorEvent, IndicatorState> = {
  initialState: { defined: false },

  decide(command, state) {
    switch (command.type) {
      case 'DefineIndicator': {
        if (state.defined) throw new TreguesiError('TRG_ALREADY_EXISTS', { entity: 'indicator', id: command.indicatorId })
        const { type: _type, ...data } = command
        return [{ type: 'indicator.defined.v1', data }]
      }
      case 'SetBaseline': {
        const { definition, baseline } = definedOrThrow(state, command.indicatorId)
        assertUnit(definition, command.value, 'value')
        const { indicatorId, value, year, note } = command
        const next: Baseline = { value, year, ...(note !== undefined && { note }) }
        if (sameJson(baseline, next)) return []
        return [{ type: 'indicator.baseline-set.v1', data: { indicatorId, ...next } }]
      }
      case 'SetTarget': {
        const { definition, targets } = definedOrThrow(state, command.indicatorId)
        if (command.period !== 'end-of-plan') assertInPlan(definition, command.period)
        assertTarget(definition, command.period, command.target)
        if (sameJson(targets[command.period], command.target)) return []
        const { type: _type, ...data } = command
        return [{ type: 'indicator.target-set.v1', data }]
      }
      case 'ReportIndicatorValue': {
        const { definition, values } = definedOrThrow(state, command.indicatorId)
        if (definition.computed !== undefined) {
          throw new TreguesiError('TRG_INDICATOR_COMPUTED', { indicatorId: command.indicatorId })
        }
        assertInPlan(definition, command.period)
        if (values[command.period] !== undefined) {
          throw new TreguesiError('TRG_VALUE_ALREADY_REPORTED', { indicatorId: command.indicatorId, period: command.period })
        }
        assertFigure(definition, command)
        return [
          {
            type: 'indicator.value-reported.v1',
            data: { indicatorId: command.indicatorId, period: command.period, ...figureOf(command) },
          },
        ]
      }
      case 'CorrectIndicatorValue': {
        const { definition, values } = definedOrThrow(state, command.indicatorId)
        if (definition.computed !== undefined) {
          throw new TreguesiError('TRG_INDICATOR_COMPUTED', { indicatorId: command.indicatorId })
        }
        const previous = values[command.period]
        if (previous === undefined) {
          throw new TreguesiError('TRG_VALUE_NOT_REPORTED', { indicatorId: command.indicatorId, period: command.period })
        }
        assertFigure(definition, command)
        // A correction is of the figure itself; a new note or source alone is not one.
        if (
          sameJson(previous.value, command.value) &&
          sameJson(previous.text, command.text) &&
          sameJson(previous.breakdown, command.breakdown) &&
          sameJson(previous.numerator, command.numerator) &&
          sameJson(previous.denominator, command.denominator)
        ) {
          return []
        }
        return [
          {
            type: 'indicator.value-corrected.v1',
            data: {
              indicatorId: command.indicatorId,
              period: command.period,
              ...figureOf(command),
              reason: command.reason,
              previous,
            },
          },
        ]
      }
    }
  },

  evolve(state, event) {
    if (event.type === 'indicator.defined.v1') {
      return { defined: true, definition: event.data, baseline: null, targets: {}, values: {}, corrections: 0 }
    }
    // Every other event is only ever decided for a defined indicator.
    const defined = state as Defined
    switch (event.type) {
      case 'indicator.baseline-set.v1': {
        const { indicatorId: _id, ...baseline } = event.data
        return { ...defined, baseline }
      }
      case 'indicator.target-set.v1':
        return { ...defined, targets: { ...defined.targets, [event.data.period]: event.data.target } }
      case 'indicator.value-reported.v1': {
        const { indicatorId: _id, period, ...value } = event.data
        return { ...defined, values: { ...defined.values, [period]: value } }
      }
      case 'indicator.value-corrected.v1': {
        const { indicatorId: _id, period, reason: _reason, previous: _previous, ...value } = event.data
        return { ...defined, values: { ...defined.values, [period]: value }, corrections: defined.corrections + 1 }
      }
    }
  },
}
