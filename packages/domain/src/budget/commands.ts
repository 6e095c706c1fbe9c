import { z } from 'zod'
import { fiscalYearSchema, municipalityCodeSchema } from '../municipality/commands.js'
import { dateSchema } from '../shared/date.js'
import { idSchema } from '../shared/id.js'
import { currencySchema, moneySchema } from '../shared/money.js'
import { recordedMoney, type Recorded } from '../shared/recorded.js'
import { localizedTextSchema, textKinds, trimmedTextSchema } from '../shared/text.js'

/** Text kept as the municipality wrote it (Albanian ë and ç included); only outer blanks go. */
const writtenTextSchema = trimmedTextSchema(textKinds.label)

export const fundingSourceKinds = ['local-budget', 'central-government', 'donor', 'employment-agency', 'other'] as const
export type FundingSourceKind = (typeof fundingSourceKinds)[number]

/**
 * Who pays, by kind (for shares per kind of funder) and by name as the plan writes it, e.g.
 * "Buxheti vendor", "AKPA Elbasan, Bashkia", "donatorë (A2B, ADRA)".
 */
export const fundingSourceSchema = z.object({
  kind: z.enum(fundingSourceKinds, {
    message: 'must be local-budget, central-government, donor, employment-agency or other',
  }),
  name: writtenTextSchema,
})
export type FundingSource = z.infer<typeof fundingSourceSchema>

/**
 * A budget category tag such as "dv-specialised-services": budget-share indicators select
 * allocations by it, so it is a fixed lower-case form rather than free text.
 */
export const budgetCategorySchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
  message: 'must be a lower-case tag of letters, digits and single dashes, such as dv-specialised-services',
})

const categoriesSchema = z
  .array(budgetCategorySchema)
  .refine((categories) => new Set(categories).size === categories.length, { message: 'must not repeat a category' })

/**
 * The cost the plan gives: an amount, or, where the plan costs a measure in words (such as
 * "Sipas kostimit të MSHMS", per the ministry's costing), that text and no amount. This is the
 * form a line records; a command may state it with both fields, see plannedCostSchema.
 */
export const recordedPlannedCostSchema = z.union(
  [z.strictObject({ amount: recordedMoney }), z.strictObject({ costingText: writtenTextSchema })],
  { message: 'must give either an amount or a costingText, not both' },
)
export type PlannedCost = Recorded<z.output<typeof recordedPlannedCostSchema>>

export const plannedCostSchema = z
  .object({ amount: moneySchema.optional(), costingText: writtenTextSchema.optional() })
  .refine((planned) => (planned.amount === undefined) !== (planned.costingText === undefined), {
    message: 'must give either an amount or a costingText, not both',
  })
  .transform((planned): PlannedCost => (planned.amount === undefined ? { costingText: planned.costingText! } : { amount: planned.amount }))

export const planBudgetLineSchema = z.object({
  type: z.literal('PlanBudgetLine'),
  budgetLineId: idSchema,
  planId: idSchema,
  measureId: idSchema,
  municipality: municipalityCodeSchema,
  fiscalYear: fiscalYearSchema,
  fundingSource: fundingSourceSchema,
  categories: categoriesSchema.default([]),
  planned: plannedCostSchema,
  /** Filled in by the command handler from the municipality: every amount of the line is in it. */
  currency: currencySchema,
})

export const revisePlannedCostSchema = z.object({
  type: z.literal('RevisePlannedCost'),
  budgetLineId: idSchema,
  planned: plannedCostSchema,
})

export const allocateBudgetSchema = z.object({
  type: z.literal('AllocateBudget'),
  budgetLineId: idSchema,
  allocated: moneySchema,
  date: dateSchema,
  /** The act that adopted it, as written, e.g. a council decision number. */
  decision: writtenTextSchema.optional(),
})

export const recordExpenditureSchema = z.object({
  type: z.literal('RecordExpenditure'),
  budgetLineId: idSchema,
  /** Spent to date, not an increment: reporting the same figure again is harmless. */
  executed: moneySchema,
  asOf: dateSchema,
  note: localizedTextSchema.optional(),
})

export const retagBudgetLineSchema = z.object({
  type: z.literal('RetagBudgetLine'),
  budgetLineId: idSchema,
  categories: categoriesSchema,
})

export const budgetLineCommandSchema = z.discriminatedUnion('type', [
  planBudgetLineSchema,
  revisePlannedCostSchema,
  allocateBudgetSchema,
  recordExpenditureSchema,
  retagBudgetLineSchema,
])

export type BudgetLineCommand = z.infer<typeof budgetLineCommandSchema>
