import type { Period } from '@treguesi/domain'
import { budgetSummary, executionFlagsOf, getEntry, planCosting, type BudgetAmounts, type IndicatorFigures } from '@treguesi/projections'
import type { GraphQLContext } from '../context.js'
import type { QueryBudgetSummaryArgs, Resolvers } from '../generated/resolvers.js'
import { toEnum, type BudgetSummaryModel, type CategoryShareModel, type PlanCostingModel } from '../models.js'
import { consistent } from './consistency.js'
import { toFigure } from './figures.js'
import { budgetShareIndicators, canRead, figures, lineView, planSummary } from './snapshot.js'

/** A municipality's budget for a year over the plans the caller may read; null when nothing is known of it. */
export function summaryFor(context: GraphQLContext, municipality: string, fiscalYear: number): BudgetSummaryModel | null {
  return budgetSummary(context.models.budgets, municipality, fiscalYear, lineView(context))
}

/** A readable plan's costing over its lines as the caller reads them; null when nothing gives a currency. */
export function costingFor(context: GraphQLContext, planId: string): PlanCostingModel | null {
  const costing = planCosting(context.models.budgets, planId, lineView(context))
  return costing && { ...costing.total, planId, byYear: costing.byYear }
}

/**
 * The budget-share indicator a category's share is measured against: the first (by plan) the
 * caller may read whose municipality and category match and whose plan runs in that year;
 * its figures for that year give the target and the attainment.
 */
function shareIndicator(context: GraphQLContext, share: CategoryShareModel): IndicatorFigures | null {
  const { fiscalYear } = share
  for (const indicatorId of budgetShareIndicators(context, share.municipality, share.category)) {
    // Figures only for the one that answers, and never of a plan the caller may not read.
    const { planId, planPeriod } = getEntry(context.models.plans.state.indicators, indicatorId)!.facts.definition
    if (canRead(context, planId) && planPeriod.from <= fiscalYear && fiscalYear <= planPeriod.to)
      return figures(context, indicatorId, `${fiscalYear}` as Period)
  }
  return null
}

const noIndicator = { value: null, reason: 'no-budget-share-indicator' } as const

/** The fields of every type that holds a set of budget amounts (BudgetSummary, PlanCosting, YearCosting). */
const budgetAmountsResolvers = {
  byFundingSource: (amounts: BudgetAmounts) => [...amounts.byFundingSource],
  byFundingKind: (amounts: BudgetAmounts) => [...amounts.byFundingKind],
  executionRate: (amounts: BudgetAmounts) => toFigure(amounts.executionRate),
}

export const budgetResolvers: Resolvers = {
  Query: {
    budgetSummary: consistent(({ municipality, fiscalYear }: QueryBudgetSummaryArgs, context) =>
      summaryFor(context, municipality, fiscalYear),
    ),
  },
  BudgetSummary: {
    total: (summary) => summary.total.value,
    totalReason: (summary) => summary.total.reason,
    ...budgetAmountsResolvers,
    shares: (summary): CategoryShareModel[] =>
      summary.shares.map((share) => ({ ...share, municipality: summary.municipality, fiscalYear: summary.fiscalYear })),
    // The summary is made of the lines of readable plans only.
    plans: (summary, _args, context) => summary.plans.map((planId) => planSummary(context, planId)!),
  },
  PlanCosting: {
    ...budgetAmountsResolvers,
    byYear: (costing) => [...costing.byYear],
  },
  YearCosting: budgetAmountsResolvers,
  CategoryShare: {
    amount: (share) => share.allocated,
    share: (share) => toFigure(share.share),
    target: (share, _args, context) => {
      const indicator = shareIndicator(context, share)
      if (indicator === null) return toFigure(noIndicator)
      const resolved = indicator.target?.resolved ?? { value: null, reason: 'no-target' as const }
      return toFigure(resolved)
    },
    attainment: (share, _args, context) => toFigure(shareIndicator(context, share)?.attainment ?? noIndicator),
    indicator: (share, _args, context) => shareIndicator(context, share),
  },
  FundingShare: {
    kind: (share) => toEnum(share.kind),
    share: (share) => ({
      planned: toFigure(share.share.planned),
      allocated: toFigure(share.share.allocated),
      executed: toFigure(share.share.executed),
    }),
  },
  FundingSource: {
    kind: (source) => toEnum(source.kind),
  },
  BudgetLine: {
    id: (line) => line.budgetLineId,
    categories: (line) => [...line.categories],
    executionFlags: (line) => executionFlagsOf(line).map(toEnum),
  },
  PlannedCost: {
    amount: (planned) => ('amount' in planned ? planned.amount : null),
    costingText: (planned) => ('costingText' in planned ? planned.costingText : null),
  },
}
