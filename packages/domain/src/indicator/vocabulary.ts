import { z } from 'zod'
import { compare, decimalSchema, type Decimal } from '../shared/decimal.js'
import type { Period } from '../shared/period.js'
import type { Recorded } from '../shared/recorded.js'
import type { PlanKind } from '../plan/vocabulary.js'
import { textKinds, textSchema, trimmedTextSchema } from '../shared/text.js'

export const indicatorUnits = ['count', 'percent', 'amount', 'ratio', 'milestone', 'text'] as const
export type IndicatorUnit = (typeof indicatorUnits)[number]

export const indicatorDirections = ['higher-is-better', 'lower-is-better', 'within-band'] as const
export type Direction = (typeof indicatorDirections)[number]

export const disaggregationDimensions = ['sex', 'ethnicity', 'area', 'age-group'] as const
export type DisaggregationDimension = (typeof disaggregationDimensions)[number]

/**
 * A dimension the values are reported by, e.g. sex ['F', 'M'] or area ['urban', 'rural'] (the
 * seeds' "qytet/fshat"). An exhaustive dimension's categories cover everyone, so a breakdown by it
 * must add up to the total.
 */
export const disaggregationSchema = z.object({
  dimension: z.enum(disaggregationDimensions, { message: 'must be sex, ethnicity, area or age-group' }),
  categories: z
    .array(trimmedTextSchema(textKinds.label, 'a category must not be empty'))
    .min(2, { message: 'must name at least two categories' })
    .refine((categories) => new Set(categories).size === categories.length, { message: 'must not repeat a category' }),
  exhaustive: z.boolean({ message: 'must be true or false' }),
})
export type Disaggregation = z.infer<typeof disaggregationSchema>

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

/** Per dimension, per category: the part of the value in that category. */
export const breakdownSchema = z.record(textSchema(textKinds.label), z.record(textSchema(textKinds.label), decimalSchema))
export type Breakdown = Recorded<z.output<typeof breakdownSchema>>

/**
 * Whether an indicator's small counts are withheld from callers without the right to the real
 * figures: as its definition says, else by its plan's kind (domestic violence: figures about
 * people few enough to be recognised).
 */
export const isSensitive = (definition: { readonly sensitive?: boolean | undefined }, planKind: PlanKind): boolean =>
  definition.sensitive ?? planKind === 'domestic-violence'

/** Whether an indicator's figures are counts that small-cell suppression withholds: a sensitive count indicator. */
export const hasSensitiveCounts = (
  definition: { readonly sensitive?: boolean | undefined; readonly unit: IndicatorUnit },
  planKind: PlanKind,
): boolean => definition.unit === 'count' && isSensitive(definition, planKind)
