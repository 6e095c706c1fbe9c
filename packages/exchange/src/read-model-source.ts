import {
  budgetShareOf,
  figuresOf,
  indicatorEntry,
  indicatorsOfPlan,
  type BudgetsState,
  type FigureOptions,
  type PlansState,
} from '@treguesi/projections'
import type { FigureSource } from './figure-rows.js'

/** What a reader of the read models may see: which plans, and how a municipality's figures are computed for it. */
export interface ReadRights {
  readonly readsPlan: (planId: string) => boolean
  readonly figureOptions: (municipality: string) => FigureOptions
}

/** The plans of the read models a reader may read, and their indicators' figures as it reads them. */
export function readModelSource(plans: PlansState, rights: ReadRights): FigureSource {
  return {
    plans: function* () {
      for (const [municipality, planIds] of Object.entries(plans.plansByMunicipality)) {
        const { country } = plans.municipalities[municipality]!
        for (const planId of planIds) if (rights.readsPlan(planId)) yield { planId, municipality, country }
      }
    },
    indicatorsOf: (planId) => indicatorsOfPlan(plans, planId),
    figures: (indicatorId, period) => {
      const entry = indicatorEntry(plans, indicatorId)
      if (entry === undefined) return null
      const options = rights.figureOptions(entry.facts.definition.municipality)
      return figuresOf(plans, indicatorId, { ...options, ...(period && { period }) })
    },
  }
}

/**
 * Every plan and figure of the read models as an admin reads them (drafts, figures before
 * approval, small counts): the exports of an operator, who holds the log itself.
 */
export function operatorSource(plans: PlansState, budgets: BudgetsState): FigureSource {
  const options: FigureOptions = { budgetShareOf: budgetShareOf(budgets) }
  return readModelSource(plans, { readsPlan: () => true, figureOptions: () => options })
}
