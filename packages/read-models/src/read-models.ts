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
import { eventsPerTurn } from './turns.js'

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

/** Read models and how many events were folded into them. */
export interface FoldedLog {
  readonly models: ReadModels
  readonly events: number
}

export interface FoldLogOptions {
  /** Events folded at once. */
  readonly chunkSize?: number
  /** The position of the last event to read: the fold stops there, as if the log ended after it. */
  readonly until?: bigint
  /**
   * Runs after each chunk of `chunkSize` events and after the one that ends at `until` (not after
   * what is left when the log ends), with the models after it, its events and all events folded
   * so far; awaited, so it can hand the event loop back. `chunk` is reused for the next chunk.
   */
  readonly afterChunk?: (models: ReadModels, chunk: readonly RecordedEvent[], events: number) => unknown
}

/**
 * Folds `events`, in log order, into `models` a chunk at a time: each chunk is one fold of every
 * projection, and one array serves every chunk, so a long log costs no allocation per event.
 */
export async function foldLog(
  models: ReadModels,
  events: AsyncIterable<RecordedEvent>,
  { chunkSize = eventsPerTurn, until, afterChunk }: FoldLogOptions = {},
): Promise<FoldedLog> {
  const chunk: RecordedEvent[] = []
  let folded = 0
  for await (const event of events) {
    chunk.push(event)
    const last = until !== undefined && event.position >= until
    if (chunk.length < chunkSize && !last) continue
    models = foldReadModels(models, chunk)
    folded += chunk.length
    await afterChunk?.(models, chunk, folded)
    chunk.length = 0
    if (last) return { models, events: folded }
  }
  return { models: foldReadModels(models, chunk), events: folded + chunk.length }
}
