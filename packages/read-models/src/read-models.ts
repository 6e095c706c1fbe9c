import type { RecordedEvent } from '@treguesi/event-store'
import {
  budgetsProjection,
  emptyReadModel,
  nationalProjection,
  plansProjection,
  project,
  type BudgetsState,
  type NationalState,
  type PlansState,
  type ReadModel,
} from '@treguesi/projections'

/** The read models the API answers from, all at one position of the log. */
export interface ReadModels {
  readonly plans: ReadModel<PlansState>
  readonly budgets: ReadModel<BudgetsState>
  /** Indicators tied to national codes, and their figures across municipalities. */
  readonly national: ReadModel<NationalState>
  /** The newest event they reflect; null before the first. */
  readonly position: bigint | null
}

/** The read models by name, as the audit operations list them. */
export const readModelNames = ['plans', 'budgets', 'national'] as const
export type ReadModelName = (typeof readModelNames)[number]

/** Read models that have seen no event. */
export function emptyReadModels(): ReadModels {
  return {
    plans: emptyReadModel(plansProjection),
    budgets: emptyReadModel(budgetsProjection),
    national: emptyReadModel(nationalProjection),
    position: null,
  }
}

/** The read models after `events`, in log order; an event at or before their position is skipped. */
export function foldReadModels(models: ReadModels, events: readonly RecordedEvent[]): ReadModels {
  const plans = project(plansProjection, models.plans, events)
  return {
    plans,
    budgets: project(budgetsProjection, models.budgets, events),
    national: project(nationalProjection, models.national, events),
    // Every projection takes every event (an unknown type leaves its state as it is), so all share one position.
    position: plans.position,
  }
}
