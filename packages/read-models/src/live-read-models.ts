import { EventEmitter, once } from 'node:events'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { CatchUpSubscription, EventStore, RecordedEvent } from '@treguesi/event-store'
import { TreguesiError } from '@treguesi/errors'
import { readModelHashes, type ReadModelHash } from './hashes.js'
import { emptyReadModels, foldLog, foldReadModels, type FoldedLog, type ReadModelName, type ReadModels } from './read-models.js'
import { eventsPerTurn, turnsEvery } from './turns.js'
import type { CheckpointLoad, Checkpoints, CheckpointSaved } from './checkpoints/checkpoints.js'

/** What a rebuild found: the rebuilt read models against the live ones, at one position. */
export interface RebuildComparison {
  /** The position both the live and the rebuilt read models reflected when they were compared. */
  readonly position: bigint | null
  /** Whether every rebuilt read model has the hash of the live one it would replace. */
  readonly equal: boolean
  readonly before: readonly ReadModelHash[]
  readonly after: readonly ReadModelHash[]
  /** The read models whose rebuilt hash is not the live one's, in `readModelNames` order. */
  readonly differing: readonly ReadModelName[]
  /** Events folded into the rebuilt read models. */
  readonly events: number
  readonly seconds: number
}

/** Rebuilt read models held aside until they are swapped in or dropped; one of the two, once. */
export interface PendingRebuild extends RebuildComparison {
  /** The rebuilt read models become the live ones, with every event applied since the comparison. */
  swap(): void
  /** Drops them; the live read models stay as they are. Does nothing after a swap. */
  discard(): void
}

export interface CatchUpProgress {
  /** Reading the newest checkpoint, then folding the log after it. */
  readonly phase: 'loading checkpoint' | 'catching up'
  readonly eventsApplied: number
  readonly seconds: number
  /** 0 until an event has been applied. */
  readonly eventsPerSecond: number
}

/** What happened to checkpoints: each load, refusal, save and failed save, as it happens. */
export type CheckpointReport =
  | Exclude<CheckpointLoad, { kind: 'loaded' }>
  | (CheckpointSaved & { readonly kind: 'loaded' | 'saved'; readonly seconds: number })
  | { readonly kind: 'failed'; readonly reason: string }

export interface LiveReadModelsOptions {
  /** Milliseconds; it times the catch-up that `progress` reports and the checkpoints. */
  readonly clock?: () => number
  /** Where the newest state is saved and loaded from; without it every start folds the whole log. */
  readonly checkpoints?: Checkpoints
  /** A checkpoint is saved each time the models are this many events past the last one. */
  readonly checkpointEvery?: number
  /** Told of each checkpoint load, refusal, save and failed save, from the very start. */
  readonly onCheckpoint?: (report: CheckpointReport) => void
}

/** Events between two checkpoints: a restart folds at most about this many. */
export const defaultCheckpointEvery = 50_000

/**
 * Keeps the read models current from the store's catch-up subscription. Every query reads one
 * consistent snapshot (`current`); a caller that has just written waits for its position with
 * `reach` before reading, so it sees its own write.
 */
export class LiveReadModels {
  #models: ReadModels = emptyReadModels()
  #failure: Error | undefined
  readonly #events = new EventEmitter()
  readonly #store: EventStore
  #subscription: CatchUpSubscription | undefined
  #stopped = false
  readonly #running: Promise<void>
  readonly #clock: () => number
  readonly #started: number
  #applied = 0
  /** Milliseconds from start to the end of the history present then; undefined until caught up. */
  #caughtUpAfter: number | undefined
  readonly #checkpoints: Checkpoints | undefined
  readonly #checkpointEvery: number
  /** Events applied since the newest checkpoint was loaded or saved. */
  #sinceCheckpoint = 0
  #saving: Promise<void> | undefined
  /** The models the feed starts from: empty, or a checkpoint's; undefined while it is being read. */
  #origin: ReadModels | undefined

  constructor(
    store: EventStore,
    { clock = () => performance.now(), checkpoints, checkpointEvery = defaultCheckpointEvery, onCheckpoint }: LiveReadModelsOptions = {},
  ) {
    this.#events.setMaxListeners(0)
    if (onCheckpoint !== undefined) this.#events.on('checkpoint', onCheckpoint)
    this.#store = store
    this.#clock = clock
    this.#started = clock()
    this.#checkpoints = checkpoints
    this.#checkpointEvery = checkpointEvery
    this.#running = this.#follow()
  }

  async #follow(): Promise<void> {
    // The subscription reads the history page by page without waiting for anything else: left
    // to itself it would hold the event loop (requests, probes, timers) until it had read it all.
    const turn = turnsEvery(eventsPerTurn)
    try {
      try {
        if (this.#checkpoints !== undefined) await this.#load(this.#checkpoints)
      } finally {
        this.#origin = this.#models
        this.#events.emit('origin', this.#models)
      }
      if (this.#stopped) return
      const { position } = this.#models
      this.#subscription = this.#store.subscribeToAll(position === null ? {} : { fromPosition: position })
      for await (const message of this.#subscription) {
        if (message.kind === 'caught-up') {
          this.#caughtUpAfter = this.#clock() - this.#started
          this.#events.emit('caught-up')
          if (this.#sinceCheckpoint >= this.#checkpointEvery) this.#save()
        } else {
          this.#applied++
          this.#apply(message.event)
          // While catching up, one checkpoint at the end: each save writes the whole state.
          if (++this.#sinceCheckpoint >= this.#checkpointEvery && this.caughtUp) this.#save()
          await turn()
        }
      }
    } catch (error) {
      this.#failure = error as Error
      this.#events.emit('failed', error)
    }
  }

  async #load(checkpoints: Checkpoints): Promise<void> {
    const started = this.#clock()
    const loaded = await checkpoints.load(this.#store)
    if (loaded.kind === 'loaded') {
      this.#models = loaded.models
      const { position } = loaded.models
      this.#report({ kind: 'loaded', position: position!, bytes: loaded.bytes, seconds: (this.#clock() - started) / 1000 })
    } else {
      this.#report(loaded)
    }
  }

  /** Saves the current snapshot in the background, unless a save is under way. */
  #save(): void {
    if (this.#checkpoints === undefined || this.#saving !== undefined) return
    const checkpoints = this.#checkpoints
    const models = this.#models
    this.#sinceCheckpoint = 0
    const started = this.#clock()
    this.#saving = (async () => {
      try {
        const saved = await checkpoints.save(models, this.#store)
        if (saved !== null) this.#report({ kind: 'saved', ...saved, seconds: (this.#clock() - started) / 1000 })
      } catch (error) {
        this.#report({ kind: 'failed', reason: (error as Error).message })
      } finally {
        this.#saving = undefined
      }
    })()
  }

  #report(report: CheckpointReport): void {
    this.#events.emit('checkpoint', report)
  }

  #apply(event: RecordedEvent): void {
    this.#models = foldReadModels(this.#models, [event])
    this.#events.emit('event', event)
  }

  /** The read models as they are now. */
  get current(): ReadModels {
    return this.#models
  }

  /** Whether the whole history has been applied (readiness). */
  get caughtUp(): boolean {
    return this.#caughtUpAfter !== undefined
  }

  /**
   * How the catch-up goes: the events applied since start, in how many seconds (until caught up,
   * then frozen), and the rate. A new log's positions count its events, so the rate also tells
   * how long the rest will take.
   */
  get progress(): CatchUpProgress {
    const seconds = (this.#caughtUpAfter ?? this.#clock() - this.#started) / 1000
    return {
      phase: this.#origin === undefined ? 'loading checkpoint' : 'catching up',
      eventsApplied: this.#applied,
      seconds,
      eventsPerSecond: this.#applied === 0 ? 0 : this.#applied / seconds,
    }
  }

  /** Why the subscription stopped, if it failed; the service is then not ready. */
  get failure(): Error | undefined {
    return this.#failure
  }

  /** Resolves once the history present at start has been applied. */
  async untilCaughtUp(): Promise<void> {
    if (this.caughtUp) return
    await once(this.#events, 'caught-up')
  }

  /**
   * Resolves true once the read models reflect `position`, or false after `timeoutMs`, or at once
   * when the feed has failed (they will never get there): the caller decides whether a stale
   * answer is acceptable.
   */
  async reach(position: bigint, timeoutMs: number): Promise<boolean> {
    const reached = (): boolean => this.#models.position !== null && this.#models.position >= position
    if (reached()) return true
    if (this.#failure !== undefined) return false
    return new Promise((resolve) => {
      const finish = (result: boolean): void => {
        clearTimeout(timer)
        this.#events.off('event', listener)
        this.#events.off('failed', stopped)
        resolve(result)
      }
      const listener = (): void => {
        if (reached()) finish(true)
      }
      const stopped = (): void => finish(false)
      const timer = setTimeout(stopped, timeoutMs)
      this.#events.on('event', listener)
      this.#events.on('failed', stopped)
    })
  }

  /** Calls `listener` once the feed fails, with why; returns the function that stops it. */
  onFailure(listener: (failure: Error) => void): () => void {
    this.#events.on('failed', listener)
    return () => this.#events.off('failed', listener)
  }

  /**
   * Calls `listener` once with the models the feed starts from (a checkpoint's, or empty), before
   * any event after them is applied: at once when they are known already, else once the
   * checkpoint has been read. A model of the whole history (the as-of index) reads the events
   * up to them from the store, since no event before them will be applied here.
   */
  onOrigin(listener: (origin: ReadModels) => void): void {
    if (this.#origin === undefined) this.#events.once('origin', listener)
    else listener(this.#origin)
  }

  /** Calls `listener` with each event applied from now on; returns the function that stops it. */
  onEvent(listener: (event: RecordedEvent) => void): () => void {
    this.#events.on('event', listener)
    return () => this.#events.off('event', listener)
  }

  /**
   * Builds fresh read models aside from the whole log (`store` must read it as the subscription
   * does: current event versions) and compares their canonical hashes with the live ones at the
   * same position; the caller then swaps them in or drops them. Queries keep answering from the
   * live snapshot meanwhile: the log is read to its end, the live models are let reach that end
   * too, the events they apply meanwhile are kept and folded in last (those already read are
   * skipped), and comparison happens in one turn of the event loop, so nothing can be applied
   * between the two hashings. Events applied while the caller decides are kept as well and folded
   * in at the swap, so the swapped-in models miss nothing.
   *
   * Refused with TRG_REBUILD_REFUSED when the live models' feed has failed: they stopped where
   * it failed and never reach the end of the log, so there is nothing to compare with.
   */
  async rebuild(store: EventStore, { batchSize = eventsPerTurn } = {}): Promise<PendingRebuild> {
    const started = performance.now()
    const arrived: RecordedEvent[] = []
    const stopKeeping = this.onEvent((event) => arrived.push(event))
    let log: FoldedLog
    try {
      // Queries and probes are answered between batches.
      log = await foldLog(emptyReadModels(), store.readAll(), { chunkSize: batchSize, afterChunk: () => nextTurn() })
      // Compared at one position: the live models may still be applying what was just read.
      if (log.models.position !== null) await this.reach(log.models.position, 2 ** 31 - 1)
      if (this.#failure !== undefined) throw this.#stoppedFeed(this.#failure)
    } catch (error) {
      stopKeeping()
      throw error
    }
    let { models: fresh, events } = log
    const read = fresh.position ?? -1n
    const later = arrived.filter((event) => event.position > read)
    arrived.length = 0
    fresh = foldReadModels(fresh, later)
    events += later.length
    const before = readModelHashes(this.#models)
    const after = readModelHashes(fresh)
    const differing = before.filter((live, index) => live.hash !== after[index]!.hash).map(({ name }) => name)
    const comparison = {
      position: this.#models.position,
      equal: differing.length === 0,
      before,
      after,
      differing,
      events,
      seconds: (performance.now() - started) / 1000,
    }
    return {
      ...comparison,
      swap: () => {
        stopKeeping()
        this.#models = foldReadModels(fresh, arrived)
      },
      discard: stopKeeping,
    }
  }

  #stoppedFeed(failure: Error): TreguesiError<'TRG_REBUILD_REFUSED'> {
    const { position } = this.#models
    const where = position === null ? 'before the first event' : `at position ${position}`
    const reason = `the live read models stopped ${where} (${failure.message}); restart the service once the log can be read`
    return new TreguesiError('TRG_REBUILD_REFUSED', { reason }, { cause: failure })
  }

  /** Stops following the log; with checkpoints, saves the state first if it moved since the last one. */
  async stop(): Promise<void> {
    this.#stopped = true
    await this.#subscription?.stop()
    await this.#running
    await this.#saving
    if (this.#sinceCheckpoint > 0) {
      this.#save()
      await this.#saving
    }
  }
}
