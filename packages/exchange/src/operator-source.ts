import { budgetShareOf, figuresOf, indicatorEntry, indicatorsOfPlan, type BudgetsState, type PlansState } from '@treguesi/projections'
import type { FigureSource } from './figure-rows.js'

/**
 * Every plan and figure of the read models as an admin reads them (drafts, figures before
 * approval, small counts): the exports of an operator, who holds the log itself.
 */
export function operatorSource(plans: PlansState, budgets: BudgetsState): FigureSource {
  const budgetShare = budgetShareOf(budgets)
  return {
    plans: function* () {
      for (const [municipality, planIds] of Object.entries(plans.plansByMunicipality)) {
        const { country } = plans.municipalities[municipality]!
        for (const planId of planIds) yield { planId, municipality, country }
      }
    },
    indicatorsOf: (planId) => indicatorsOfPlan(plans, planId),
    figures: (indicatorId, period) =>
      indicatorEntry(plans, indicatorId) === undefined
        ? null
        : figuresOf(plans, indicatorId, { budgetShareOf: budgetShare, ...(period && { period }) }),
  }
}
