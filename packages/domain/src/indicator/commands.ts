import { z } from 'zod'
import { budgetCategorySchema } from '../budget/commands.js'
import { fiscalYearSchema, municipalityCodeSchema } from '../municipality/commands.js'
import { planPeriodSchema } from '../plan/vocabulary.js'
import { decimalSchema, nonNegativeDecimalSchema, type Decimal } from '../shared/decimal.js'
import { idSchema } from '../shared/id.js'
import { currencySchema } from '../shared/money.js'
import { nationalCodeSchema, nationalUnits } from '../national-indicator/commands.js'
import { periodProblem, periodSchema } from '../shared/period.js'
import { refinement } from '../shared/problem.js'
import { codeSchema, localizedLabelSchema, localizedTextSchema, type LocalizedText } from '../shared/text.js'
import {
  breakdownSchema,
  disaggregationSchema,
  indicatorDirections,
  indicatorUnits,
  targetSchema,
  type TargetPeriod,
} from './vocabulary.js'

const nationalUnitSchema = z.enum(nationalUnits)

const sensitiveSchema = z.boolean({ message: 'must be true or false' })

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
    /**
     * Whether its small counts could point at a person, and are withheld from callers without the
     * right to the real figures; left out, as its plan's kind says (domestic violence: yes).
     */
    sensitive: sensitiveSchema.optional(),
    /** Ties the indicator to a national indicator of the catalogue, so ministries can aggregate it. */
    nationalCode: nationalCodeSchema.optional(),
    /** Filled in by the command handler: the unit of the national indicator `nationalCode` names. */
    nationalUnit: nationalUnitSchema.optional(),
    /** A budget share's actual comes from budget events (allocations tagged `category`), never typed in. */
    computed: z
      .object({
        kind: z.literal('budget-share'),
        // The same tag form as budget lines' categories, so the share finds its allocations.
        category: budgetCategorySchema,
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

type Counts = { numerator?: unknown; denominator?: unknown }

/** Given, left out, or (in a correction) null: the counts are one pair in each case. */
const presence = (field: unknown) => (field === undefined ? 'left out' : field === null ? 'null' : 'given')

function countsTogether(message: string): [check: (figure: Counts) => boolean, params: { path: PropertyKey[]; message: string }] {
  return [(figure) => presence(figure.numerator) === presence(figure.denominator), { path: ['denominator'], message }]
}

const valueOrText = {
  check: (figure: { value?: Decimal | undefined; text?: LocalizedText | undefined }) =>
    (figure.value === undefined) !== (figure.text === undefined),
  params: { path: ['value'], message: 'must be given, or text instead for a text indicator: one of the two' },
}

export const reportIndicatorValueSchema = z
  .object({ type: z.literal('ReportIndicatorValue'), ...figureFields })
  .refine(valueOrText.check, valueOrText.params)
  .refine(...countsTogether('must be given together with the numerator: both or neither'))

/** The fields a correction keeps from the figure it corrects when left out, and drops when null. */
export const correctionKeptFields = ['breakdown', 'numerator', 'denominator', 'source', 'note'] as const

/**
 * A correction names what it changes; the figure it corrects keeps the rest.
 * - `value` or `text`: one of the two, always, as in a report: the correction is of it.
 * - `source`, `note`: kept when left out; null drops them.
 * - `breakdown`: kept when left out, and checked against the corrected value like a breakdown
 *   given, so an exhaustive dimension that no longer adds up is refused until the correction gives
 *   the breakdown; null drops it. A breakdown given replaces the whole kept one, every dimension.
 * - `numerator`, `denominator` (a percent's counts, a pair): kept when left out, which they can be
 *   only while they still give the corrected percent; otherwise the correction gives them, or null
 *   for both to drop them.
 * A correction that leaves the figure as it was, source and note included, records nothing; one
 * that changes only the source or note is recorded: where a figure comes from is part of it.
 */
export const correctIndicatorValueSchema = z
  .object({
    type: z.literal('CorrectIndicatorValue'),
    ...figureFields,
    breakdown: breakdownSchema.nullable().optional(),
    numerator: nonNegativeDecimalSchema.nullable().optional(),
    denominator: nonNegativeDecimalSchema.nullable().optional(),
    source: localizedTextSchema.nullable().optional(),
    note: localizedTextSchema.nullable().optional(),
    reason: localizedTextSchema,
  })
  .refine(valueOrText.check, valueOrText.params)
  .refine(...countsTogether('must be given together with the numerator: both or neither, or both null to drop them'))

/** The units an indicator's unit may be revised between: none asks for a currency or a shape of its own. */
export const revisableUnits = ['count', 'percent', 'ratio'] as const

/**
 * Corrects how an indicator is named: its code, its name (to add the English label, say), its data
 * source, whether it is sensitive, and its unit (between count, percent and ratio, while no figure
 * is recorded in it). Only what is given changes, and a reason is kept with it for the history. Its unit,
 * direction and breakdowns stay: the figures recorded were checked against them. Its national code
 * stays too: tying it to another national indicator moves its figures between national totals.
 */
export const reviseIndicatorSchema = z
  .object({
    type: z.literal('ReviseIndicator'),
    indicatorId: idSchema,
    code: codeSchema.optional(),
    name: localizedLabelSchema.optional(),
    dataSource: localizedTextSchema.optional(),
    sensitive: sensitiveSchema.optional(),
    unit: z.enum(revisableUnits, { message: 'must be count, percent or ratio' }).optional(),
    reason: localizedTextSchema,
  })
  .refine((c) => [c.code, c.name, c.dataSource, c.sensitive, c.unit].some((field) => field !== undefined), {
    message: 'must give at least one of code, name, dataSource, sensitive or unit',
  })

/**
 * Ties an indicator to a national indicator of the catalogue, moves it to another, or (null) unties
 * it, at any time of its plan's life: its figures, past ones too, then count towards that national
 * indicator's totals. The reason is kept for the history.
 */
export const linkNationalIndicatorSchema = z.object({
  type: z.literal('LinkNationalIndicator'),
  indicatorId: idSchema,
  nationalCode: nationalCodeSchema.nullable(),
  reason: localizedTextSchema,
  /** Filled in by the command handler, as for DefineIndicator. */
  nationalUnit: nationalUnitSchema.optional(),
})

export const indicatorCommandSchema = z.discriminatedUnion('type', [
  defineIndicatorSchema,
  reviseIndicatorSchema,
  linkNationalIndicatorSchema,
  setBaselineSchema,
  setTargetSchema,
  reportIndicatorValueSchema,
  correctIndicatorValueSchema,
])

export type IndicatorCommand = z.infer<typeof indicatorCommandSchema>
