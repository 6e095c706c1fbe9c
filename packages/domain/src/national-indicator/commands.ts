import { z } from 'zod'
import { localizedLabelSchema } from '../shared/text.js'

/**
 * A national indicator's code, such as "AL-SKGJB-5.1" or "XK-SKGJ-2.3": it names its stream and
 * travels in every export, so it is short, without spaces, and never changes.
 */
export const nationalCodeSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/, { message: 'must be 1–40 letters, digits, dots, dashes or slashes, such as AL-SKGJB-5.1' })

/** The units national figures are made of: those that add up across municipalities, or whose counts do. */
export const nationalUnits = ['count', 'amount', 'percent', 'milestone'] as const
export type NationalUnit = (typeof nationalUnits)[number]

/**
 * How municipal figures make a national one: counts, amounts (per currency) and milestones
 * reached are summed; a percentage is Σ numerators / Σ denominators, never a mean of percentages.
 */
export const aggregationOf = Object.freeze({
  count: 'sum',
  amount: 'sum',
  milestone: 'sum',
  percent: 'ratio-of-sums',
} as const satisfies Record<NationalUnit, string>)
export type Aggregation = (typeof aggregationOf)[NationalUnit]

/** An SDG global indicator ("5.5.1") and, where one applies, its data series ("SG_GEN_LOCGELS"). */
const sdgSchema = z.object({
  indicator: z.string().regex(/^([1-9]|1[0-7])\.([1-9][0-9]?|[a-c])\.[1-9][0-9]?$/, { message: 'must be an SDG indicator such as 5.5.1' }),
  series: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{2,39}$/, { message: 'must be an SDG series code such as SG_GEN_LOCGELS' })
    .optional(),
})

const labels = {
  name: localizedLabelSchema,
  /** What a percentage counts, over what: "women elected" of "council seats". */
  numerator: localizedLabelSchema.optional(),
  denominator: localizedLabelSchema.optional(),
  sdg: sdgSchema.optional(),
}

const countsGivenForPercent = (command: { unit?: NationalUnit; numerator?: unknown; denominator?: unknown }) =>
  command.unit === undefined || (command.unit === 'percent') === (command.numerator !== undefined && command.denominator !== undefined)

export const defineNationalIndicatorSchema = z
  .object({
    type: z.literal('DefineNationalIndicator'),
    code: nationalCodeSchema,
    ...labels,
    unit: z.enum(nationalUnits, { message: 'must be count, amount, percent or milestone' }),
  })
  .refine(countsGivenForPercent, {
    path: ['numerator'],
    message: 'a percentage names its numerator and denominator (it is a ratio of sums); other units name neither',
  })

/** Names and references only: the unit stays, since the indicators tied to it were checked against it. */
export const reviseNationalIndicatorSchema = z
  .object({
    type: z.literal('ReviseNationalIndicator'),
    code: nationalCodeSchema,
    name: labels.name.optional(),
    numerator: labels.numerator,
    denominator: labels.denominator,
    sdg: labels.sdg,
  })
  .refine((c) => [c.name, c.numerator, c.denominator, c.sdg].some((field) => field !== undefined), {
    message: 'must give at least one of name, numerator, denominator or sdg',
  })

export const nationalIndicatorCommandSchema = z.discriminatedUnion('type', [defineNationalIndicatorSchema, reviseNationalIndicatorSchema])

export type NationalIndicatorCommand = z.infer<typeof nationalIndicatorCommandSchema>
