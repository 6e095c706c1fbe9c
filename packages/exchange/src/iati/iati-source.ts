import type { PlanStatus } from '@treguesi/domain'
import {
  getEntry,
  planCosting,
  planTree,
  type BudgetsState,
  type LineView,
  type PlanCosting,
  type PlansState,
  type PlanTree,
} from '@treguesi/projections'
import type { ExportedPlan } from '../figure-rows.js'
import { iatiIdentifierOf, operatorRights, readModelSource, type ReadRights } from '../read-model-source.js'

/** A plan as the IATI export lists it: where it belongs, and whether it is published (approved or closed). */
export interface IatiPlanRef extends ExportedPlan {
  readonly status: PlanStatus
}

/** What one IATI activity is made of, as the caller reads it. */
export interface IatiPlan {
  /**
   * The plan (title, kind, period, status, council decision, municipality with its name and
   * currency) with its areas, objectives, measures and each indicator's figures: baseline, every
   * target resolved for the period it applies to, every period's value with its breakdowns, small
   * counts withheld and figures before approval left out as the caller's rights say.
   */
  readonly tree: PlanTree
  /** Planned, allocated and executed amounts per fiscal year and funder; null when there is nothing to sum in. */
  readonly costing: PlanCosting | null
}

/**
 * What the IATI export reads: the plans the caller may read, each plan's tree and costing, and
 * the IATI organisation identifier of a municipality (`{registration agency}-{number}`, e.g.
 * `AL-COA-ELB`), null when it has none. The identifier prefixes every activity's identifier,
 * which must never change once published, so it is given by whoever keeps it, not made up here.
 */
export interface IatiSource {
  readonly plans: () => Iterable<IatiPlanRef>
  /** Null for a plan the source does not hold. */
  readonly plan: (planId: string) => IatiPlan | null
  readonly organisationIdentifierOf: (municipality: string) => string | null
}

/** What a reader may see, and which budget lines its amounts are made of and as what (see `LineView`). */
export interface IatiReadRights extends ReadRights {
  /** As recorded when left out. */
  readonly lineView?: LineView | undefined
}

/**
 * The plans of the read models a reader may read, with their trees and figures as `readModelSource`
 * gives them, and their costing from the budget lines `rights.lineView` shows.
 */
export function readModelIatiSource(
  plans: PlansState,
  budgets: BudgetsState,
  rights: IatiReadRights,
  organisationIdentifierOf: (municipality: string) => string | null,
): IatiSource {
  const readable = readModelSource(plans, rights)
  return {
    plans: function* () {
      for (const plan of readable.plans()) yield { ...plan, status: getEntry(plans.plans, plan.planId)!.status }
    },
    plan: (planId) => {
      const drafted = getEntry(plans.plans, planId)
      if (drafted === undefined) return null
      return {
        tree: planTree({ state: plans, position: null }, planId, rights.figureOptions(drafted.municipality))!,
        costing: planCosting({ state: budgets, position: null }, planId, rights.lineView),
      }
    },
    organisationIdentifierOf,
  }
}

/** Every plan of the read models as an admin reads it (see operatorSource), each municipality's identifier as set. */
export const operatorIatiSource = (plans: PlansState, budgets: BudgetsState): IatiSource =>
  readModelIatiSource(plans, budgets, operatorRights(budgets), iatiIdentifierOf(plans))
