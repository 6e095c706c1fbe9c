import { EventEmitter, once } from 'node:events'
import type { CatchUpSubscription, EventStore, RecordedEvent } from '@treguesi/event-store'
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

/**
 * Keeps the read models current from the store's catch-up subscription. Every query reads one
 * consistent snapshot (`current`); a caller that has just written waits for its position with
 * `reach` before reading, so it sees its own write.
 */
export class LiveReadModels {
  #models: ReadModels = {
    plans: emptyReadModel(plansProjection),
    budgets: emptyReadModel(budgetsProjection),
    national: emptyReadModel(nationalProjection),
    position: null,
  }
  #caughtUp = false
  #failure: Error | undefined
  readonly #events = new EventEmitter()
  readonly #subscription: CatchUpSubscription
  readonly #running: Promise<void>

  constructor(store: EventStore) {
    this.#events.setMaxListeners(0)
    this.#subscription = store.subscribeToAll()
    this.#running = this.#follow()
  }

  async #follow(): Promise<void> {
    try {
      for await (const message of this.#subscription) {
        if (message.kind === 'caught-up') {
          this.#caughtUp = true
          this.#events.emit('caught-up')
        } else {
          this.#apply(message.event)
        }
      }
    } catch (error) {
      this.#failure = error as Error
      this.#events.emit('failed', error)
    }
  }

  #apply(event: RecordedEvent): void {
    const { plans, budgets, national } = this.#models
    this.#models = {
      plans: project(plansProjection, plans, [event]),
      budgets: project(budgetsProjection, budgets, [event]),
      national: project(nationalProjection, national, [event]),
      position: event.position,
    }
    this.#events.emit('event', event)
  }

  /** The read models as they are now. */
  get current(): ReadModels {
    return this.#models
  }

  /** Whether the whole history has been applied (readiness). */
  get caughtUp(): boolean {
    return this.#caughtUp
  }

  /** Why the subscription stopped, if it failed; the service is then not ready. */
  get failure(): Error | undefined {
    return this.#failure
  }

  /** Resolves once the history present at start has been applied. */
  async untilCaughtUp(): Promise<void> {
    if (this.#caughtUp) return
    await once(this.#events, 'caught-up')
  }

  /**
   * Resolves with the read models once they reflect `position`, or false after `timeoutMs`:
   * the caller decides whether a stale answer is acceptable.
   */
  async reach(position: bigint, timeoutMs: number): Promise<boolean> {
    const reached = (): boolean => this.#models.position !== null && this.#models.position >= position
    if (reached()) return true
    return new Promise((resolve) => {
      const finish = (result: boolean): void => {
        clearTimeout(timer)
        this.#events.off('event', listener)
        resolve(result)
      }
      const listener = (): void => {
        if (reached()) finish(true)
      }
      const timer = setTimeout(() => finish(false), timeoutMs)
      this.#events.on('event', listener)
    })
  }

  /** Calls `listener` with each event applied from now on; returns the function that stops it. */
  onEvent(listener: (event: RecordedEvent) => void): () => void {
    this.#events.on('event', listener)
    return () => this.#events.off('event', listener)
  }

  async stop(): Promise<void> {
    await this.#subscription.stop()
    await this.#running
  }
}
