import { getEntry, publicMeasure } from '@treguesi/projections'
import type { GraphQLContext } from '../context.js'
import type { BudgetLineModel, IndicatorModel, MeasureModel, MunicipalityModel, NationalIndicatorModel, PlanModel } from '../models.js'
import {
  canRead,
  own,
  planSummary,
  planPublication,
  readableBudgetLine,
  readableIndicator,
  readableNationalCode,
  readsApprovedOnly,
} from './snapshot.js'

/**
 * Entities by id, as the object types resolve them, for whoever returns one (a query, a
 * mutation's payload, a subscription's event): from the request's snapshot, and null when the
 * log does not hold it or the caller may not read its plan.
 */

export function loadMunicipality(context: GraphQLContext, code: string): MunicipalityModel | null {
  return own(context.models.plans.state.municipalities, code) ?? null
}

export function loadPlan(context: GraphQLContext, planId: string): PlanModel | null {
  return planSummary(context, planId)
}

/** A measure, with its statuses as approved for a caller who reads its municipality's figures only so. */
export function loadMeasure(context: GraphQLContext, planId: string, measureId: string): MeasureModel | null {
  if (!canRead(context, planId)) return null
  const plan = getEntry(context.models.plans.state.plans, planId)!
  const measure = own(plan.measures, measureId)
  if (measure === undefined) return null
  const shown = readsApprovedOnly(context, plan.municipality) ? publicMeasure(measure, planPublication(context, planId)) : measure
  return { ...shown, planId }
}

export function loadIndicator(context: GraphQLContext, indicatorId: string): IndicatorModel | null {
  return readableIndicator(context, indicatorId)
}

export function loadBudgetLine(context: GraphQLContext, budgetLineId: string): BudgetLineModel | null {
  return readableBudgetLine(context, budgetLineId)
}

/** A national indicator: the catalogue is everyone's; its tied indicators, those the caller may read. */
export function loadNationalIndicator(context: GraphQLContext, code: string): NationalIndicatorModel | null {
  return readableNationalCode(context, code) ?? null
}
