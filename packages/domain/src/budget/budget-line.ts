import { TreguesiError } from '@treguesi/errors'
import { z } from 'zod'
import type { Decider, DomainEvent } from '../decider.js'
import { fiscalYearSchema, municipalityCodeSchema } from '../municipality/municipality.js'
import { assertCurrency, currencySchema, moneySchema, type Currency, type Money } from '../shared/money.js'
import { dateSchema } from '../shared/date.js'
import { localizedTextSchema, textKinds, trimmedTextSchema, type LocalizedText } from '../shared/text.js'

const idSchema = z.uuid({ message: 'must be a UUID' })

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
 * "Sipas kostimit të MSHMS", per the ministry's costing), that text and no amount.
 */
export type PlannedCost = { readonly amount: Money } | { readonly costingText: string }

export const plannedCostSchema = z
  .object({ amount: moneySchema.optional(), costingText: writtenTextSchema.optional() })
  .refine((planned) => (planned.amount === undefined) !== (planned.costingText === undefined), {
    message: 'must give either an amount or a costingText, not both',
  })
  .transform((planned): PlannedCost =>
    planned.amount === undefined ? { costingText: planned.costingText! } : { amount: planned.amount },
  )

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

export type BudgetLineEvent =
  | DomainEvent<
      'budget-line.planned.v1',
      {
        budgetLineId: string
        planId: string
        measureId: string
        municipality: string
        fiscalYear: number
        fundingSource: FundingSource
        categories: string[]
        planned: PlannedCost
        currency: Currency
      }
    >
  | DomainEvent<
      'budget-line.planned-cost-revised.v1',
      // The cost it replaces rides along, so the history reads without replaying the stream.
      { budgetLineId: string; planned: PlannedCost; previous: PlannedCost }
    >
  | DomainEvent<'budget-line.allocated.v1', { budgetLineId: string; allocated: Money; date: string; decision?: string }>
  | DomainEvent<
      'budget-line.expenditure-recorded.v1',
      { budgetLineId: string; executed: Money; asOf: string; note?: LocalizedText }
    >
  | DomainEvent<'budget-line.retagged.v1', { budgetLineId: string; categories: string[] }>

export type BudgetLineState =
  | { readonly exists: false }
  | {
      readonly exists: true
      readonly budgetLineId: string
      readonly planId: string
      readonly measureId: string
      readonly municipality: string
      readonly fiscalYear: number
      readonly fundingSource: FundingSource
      readonly categories: readonly string[]
      readonly currency: Currency
      readonly planned: PlannedCost
      /** The figure in the adopted budget; null until one is allocated. */
      readonly allocation: { readonly allocated: Money; readonly date: string; readonly decision?: string } | null
      /** Spent to date; null until expenditure is first recorded. */
      readonly expenditure: { readonly executed: Money; readonly asOf: string; readonly note?: LocalizedText } | null
    }

type ExistingBudgetLine = Extract<BudgetLineState, { exists: true }>

export const budgetLineStream = (budgetLineId: string): string => `budget-line-${budgetLineId}`

function existing(state: BudgetLineState, budgetLineId: string): ExistingBudgetLine {
  if (!state.exists) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'budget line', id: budgetLineId })
  return state
}

function assertPlannedCurrency(planned: PlannedCost, currency: Currency): void {
  if ('amount' in planned) assertCurrency(planned.amount, currency, 'planned.amount')
}

function samePlannedCost(a: PlannedCost, b: PlannedCost): boolean {
  if ('amount' in a) return 'amount' in b && a.amount.amount === b.amount.amount
  return 'costingText' in b && a.costingText === b.costingText
}

function sameCategories(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((category) => b.includes(category))
}

export const budgetLine: Decider<BudgetLineCommand, BudgetLineEvent, BudgetLineState> = {
  initialState: { exists: false },

  decide(command, state) {
    switch (command.type) {
      case 'PlanBudgetLine': {
        if (state.exists) throw new TreguesiError('TRG_ALREADY_EXISTS', { entity: 'budget line', id: command.budgetLineId })
        assertPlannedCurrency(command.planned, command.currency)
        const { type: _type, ...data } = command
        return [{ type: 'budget-line.planned.v1', data }]
      }
      case 'RevisePlannedCost': {
        const line = existing(state, command.budgetLineId)
        assertPlannedCurrency(command.planned, line.currency)
        if (samePlannedCost(line.planned, command.planned)) return []
        const data = { budgetLineId: command.budgetLineId, planned: command.planned, previous: line.planned }
        return [{ type: 'budget-line.planned-cost-revised.v1', data }]
      }
      case 'AllocateBudget': {
        const line = existing(state, command.budgetLineId)
        assertCurrency(command.allocated, line.currency, 'allocated')
        if (line.allocation?.allocated.amount === command.allocated.amount) return []
        const { budgetLineId, allocated, date, decision } = command
        const data = { budgetLineId, allocated, date, ...(decision === undefined ? {} : { decision }) }
        return [{ type: 'budget-line.allocated.v1', data }]
      }
      case 'RecordExpenditure': {
        const line = existing(state, command.budgetLineId)
        assertCurrency(command.executed, line.currency, 'executed')
        // Checked before the date, so a late retry of an earlier report is still harmless.
        if (line.expenditure?.executed.amount === command.executed.amount) return []
        if (line.expenditure && command.asOf < line.expenditure.asOf) {
          throw new TreguesiError('TRG_INVALID_COMMAND', {
            command: command.type,
            field: 'asOf',
            problem: `must not be before ${line.expenditure.asOf}, the date of the expenditure already recorded`,
          })
        }
        const { budgetLineId, executed, asOf, note } = command
        const data = { budgetLineId, executed, asOf, ...(note === undefined ? {} : { note }) }
        return [{ type: 'budget-line.expenditure-recorded.v1', data }]
      }
      case 'RetagBudgetLine': {
        const line = existing(state, command.budgetLineId)
        if (sameCategories(line.categories, command.categories)) return []
        const { type: _type, ...data } = command
        return [{ type: 'budget-line.retagged.v1', data }]
      }
    }
  },

  evolve(state, event) {
    if (event.type === 'budget-line.planned.v1') {
      return { exists: true, ...event.data, allocation: null, expenditure: null }
    }
    // Every later event is only ever decided for a line that exists.
    const line = state as ExistingBudgetLine
    switch (event.type) {
      case 'budget-line.planned-cost-revised.v1':
        return { ...line, planned: event.data.planned }
      case 'budget-line.allocated.v1': {
        const { budgetLineId: _id, ...allocation } = event.data
        return { ...line, allocation }
      }
      case 'budget-line.expenditure-recorded.v1': {
        const { budgetLineId: _id, ...expenditure } = event.data
        return { ...line, expenditure }
      }
      case 'budget-line.retagged.v1':
        return { ...line, categories: event.data.categories }
    }
  },
}
