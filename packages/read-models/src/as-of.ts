import { setImmediate as nextTurn } from 'node:timers/promises'
import type { EventStore, RecordedEvent } from '@treguesi/event-store'
import type { LiveReadModels } from './live-read-models.js'
import { emptyReadModels, foldLog, foldReadModels, type ReadModels } from './read-models.js'
import { eventsPerTurn } from './turns.js'

export interface AsOfOptions {
  /** A checkpoint every this many events: the most events an as-of answer replays. */
  readonly checkpointEvery?: number
  /** How many as-of snapshots are kept, most recently used first. */
  readonly cacheSize?: number
}

/**
 * Measured: on the 100k log 1,000 gave an as-of answer in 22 ms (p50), 250 in 11 ms, 100 in
 * 10.6 ms (the figures of a snapshot nobody asked for before then cost more than the replay).
 * On the 1M log 250 gave 16–18 ms against 26 ms, but held 1.66–1.75 GB resident after a cold
 * start against 1.56–1.57 GB, and in both full runs with it one round of national aggregates
 * at 50 connections had a p99 of 0.7–0.85 s (long collections of the larger heap), which no run
 * with 1,000 had. A larger heap for every query is too high a price for as-of answers.
 */
export const defaultCheckpointEvery = 1000
export const defaultCacheSize = 8

const emptyModels = emptyReadModels()

const greatestCommonDivisor = (a: number, b: number): number => (b === 0 ? a : greatestCommonDivisor(b, a % b))

/**
 * The read models as they were at any earlier moment of record time, without a full replay.
 *
 * For every event of the log it keeps its position and its record time (a time→position index,
 * searched by bisection), and every `checkpointEvery` events the read models as they were after
 * it. The projections are copy-on-write, so a checkpoint is a reference to a value that already
 * existed: it costs only the parts of the read models that later events replaced and that
 * nothing else still holds — at most what `checkpointEvery` events rewrite — not a copy of them.
 * An answer starts from the nearest checkpoint at or before the target and replays from the store
 * the events after it, at most `checkpointEvery - 1` of them.
 *
 * Events arrive through `live.onEvent`. The events the live models had applied before this index
 * subscribed (it is created once the service starts, while they catch up) are read once from
 * the store, up to the position the live models had reached when it subscribed, so each event is
 * indexed exactly once, in log order. When the live models start from a checkpoint, that history
 * is everything up to the checkpoint: this index reads and folds it in the background, and as-of
 * answers wait for it (`ready`).
 */
export class AsOfReadModels {
  readonly #store: EventStore
  readonly #every: number
  readonly #cacheSize: number
  /** Per event, in log order. */
  readonly #positions: bigint[] = []
  /** Record time in ms, never decreasing: an event committed later counts as known no earlier. */
  readonly #times: number[] = []
  /** `#checkpoints[k]` are the read models after event `(k + 1) * every - 1`. */
  readonly #checkpoints: ReadModels[] = []
  /** Events from the subscription that arrived while the earlier history was being indexed. */
  #pending: RecordedEvent[] | undefined = []
  readonly #cache = new Map<bigint, Promise<ReadModels>>()
  readonly #stop: () => void
  readonly ready: Promise<void>

  constructor(
    store: EventStore,
    live: LiveReadModels,
    { checkpointEvery = defaultCheckpointEvery, cacheSize = defaultCacheSize }: AsOfOptions = {},
  ) {
    this.#store = store
    this.#every = checkpointEvery
    this.#cacheSize = cacheSize
    this.#stop = live.onEvent((event) => {
      if (this.#pending !== undefined) this.#pending.push(event)
      else this.#index(event, live.current)
    })
    // What the live models hold when this index starts following them: now, or, while they read
    // a checkpoint, the checkpoint's state (they apply no event before it, and jump to it).
    const before = new Promise<ReadModels>((resolve) => live.onOrigin(() => resolve(live.current)))
    this.ready = before.then((until) => this.#seed(until))
    // Every as-of answer awaits it and reports its failure; left unobserved until then, a
    // rejection (the store closing during start-up, say) would end the whole process.
    this.ready.catch(() => {})
  }

  async #seed(until: ReadModels): Promise<void> {
    if (until.position !== null) {
      const last = until.position
      // A chunk never spans a checkpoint or a turn: each checkpoint is the state after its event.
      const chunkSize = greatestCommonDivisor(this.#every, eventsPerTurn)
      await foldLog(emptyModels, this.#store.readAll(), {
        chunkSize,
        // Not one event further: the live models may have stopped just before one that cannot be read.
        until: last,
        afterChunk: (models, chunk, events) => {
          for (const event of chunk) this.#index(event, models)
          if (events % eventsPerTurn === 0 && chunk.at(-1)!.position < last) return nextTurn()
        },
      })
    }
    const pending = this.#pending!
    this.#pending = undefined
    // Events the live models applied during the seeding: folded here from the seeded state.
    let models = until
    for (const event of pending) {
      models = foldReadModels(models, [event])
      this.#index(event, models)
    }
  }

  #index(event: RecordedEvent, after: ReadModels): void {
    const time = event.recordedAt.getTime()
    this.#positions.push(event.position)
    this.#times.push(Math.max(time, this.#times.at(-1) ?? time))
    if (this.#positions.length % this.#every === 0) this.#checkpoints.push(after)
  }

  /** Whether the index became ready within `milliseconds`; answers at once when it is. */
  async whenReady(milliseconds: number): Promise<boolean> {
    // The history has been read (what follows it in #seed runs in the same turn): no timer to arm.
    if (this.#pending === undefined) return true
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<false>((resolve) => (timer = setTimeout(resolve, milliseconds, false)))
    try {
      return await Promise.race([this.ready.then(() => true), late])
    } finally {
      clearTimeout(timer)
    }
  }

  /** How many events and checkpoints are indexed. */
  get size(): { readonly events: number; readonly checkpoints: number } {
    return { events: this.#positions.length, checkpoints: this.#checkpoints.length }
  }

  /** The position of the newest event recorded at or before `time`; null before the first event. */
  positionAt(time: Date): bigint | null {
    const index = lastAtOrBefore(this.#times, time.getTime())
    return index < 0 ? null : this.#positions[index]!
  }

  /**
   * The read models as they were right after the newest event at or before `position`; the
   * empty read models before the first event. Positions beyond the newest indexed event answer
   * with the newest state.
   */
  async at(position: bigint | null): Promise<ReadModels> {
    await this.ready
    const index = position === null ? -1 : lastAtOrBefore(this.#positions, position)
    if (index < 0) return emptyModels
    const exact = this.#positions[index]!
    const known = this.#cache.get(exact)
    if (known !== undefined) {
      // Most recently used goes last; the first is evicted first.
      this.#cache.delete(exact)
      this.#cache.set(exact, known)
      return known
    }
    const answer = this.#replay(index)
    this.#cache.set(exact, answer)
    if (this.#cache.size > this.#cacheSize) this.#cache.delete(this.#cache.keys().next().value!)
    return answer
  }

  async #replay(index: number): Promise<ReadModels> {
    const checkpoint = Math.floor((index + 1) / this.#every) - 1
    const start = checkpoint < 0 ? emptyModels : this.#checkpoints[checkpoint]!
    const count = index - (checkpoint + 1) * this.#every + 1
    if (count === 0) return start
    const from = start.position === null ? {} : { fromPosition: start.position }
    const { models } = await foldLog(start, this.#store.readAll({ ...from, maxCount: count }), { afterChunk: () => nextTurn() })
    return models
  }

  stop(): void {
    this.#stop()
  }
}

/** The index of the last entry ≤ target in an ascending array, or -1. */
function lastAtOrBefore<T extends bigint | number>(sorted: readonly T[], target: T): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sorted[middle]! <= target) low = middle + 1
    else high = middle
  }
  return low - 1
}
