import { z } from 'zod'
import { fieldsOf, recordedMoney, recordedText, type EventsOf } from '../shared/recorded.js'
import {
  allocateBudgetSchema,
  fundingSourceSchema,
  planBudgetLineSchema,
  recordedPlannedCostSchema,
  recordExpenditureSchema,
  retagBudgetLineSchema,
  revisePlannedCostSchema,
} from './commands.js'

export const budgetLinePlannedSchema = z.strictObject({
  ...fieldsOf(planBudgetLineSchema.shape),
  fundingSource: fundingSourceSchema.strict(),
  categories: planBudgetLineSchema.shape.categories.unwrap(),
  planned: recordedPlannedCostSchema,
})

export const budgetLinePlannedCostRevisedSchema = z.strictObject({
  budgetLineId: revisePlannedCostSchema.shape.budgetLineId,
  planned: recordedPlannedCostSchema,
  // The cost it replaces rides along, so the history reads without replaying the stream.
  previous: recordedPlannedCostSchema,
})

export const budgetLineAllocatedSchema = z.strictObject({
  ...fieldsOf(allocateBudgetSchema.shape),
  allocated: recordedMoney,
  decision: allocateBudgetSchema.shape.decision.unwrap().exactOptional(),
})

export const budgetLineExpenditureRecordedSchema = z.strictObject({
  ...fieldsOf(recordExpenditureSchema.shape),
  executed: recordedMoney,
  note: recordedText.exactOptional(),
})

export const budgetLineRetaggedSchema = z.strictObject(fieldsOf(retagBudgetLineSchema.shape))

export const budgetLineEventSchemas = Object.freeze({
  'budget-line.planned.v1': budgetLinePlannedSchema,
  'budget-line.planned-cost-revised.v1': budgetLinePlannedCostRevisedSchema,
  'budget-line.allocated.v1': budgetLineAllocatedSchema,
  'budget-line.expenditure-recorded.v1': budgetLineExpenditureRecordedSchema,
  'budget-line.retagged.v1': budgetLineRetaggedSchema,
})

export type BudgetLineEvent = EventsOf<typeof budgetLineEventSchemas>
