import type { Writable } from 'node:stream'
import {
  emptyReadModels,
  foldLog,
  LiveReadModels,
  readModelHashes,
  type FoldedLog,
  type ReadModelHash,
  type ReadModels,
} from '@treguesi/read-models'
import { openDomainStore } from '@treguesi/commands'
import { loadStoreConfig, type EventStore } from '@treguesi/event-store'
import { defaultDbPath, exitCodes, stringOption, toJson, UsageError, writeLine, type CliCommand, type CliIo } from '../context.js'

/** How often, at most, the progress line is redrawn. */
const redrawMs = 250

/** One line on stderr, redrawn in place: events done, how far through the log, events/s. */
class Progress {
  readonly #stream: Writable
  readonly #head: bigint
  readonly #started = performance.now()
  #drawn = 0

  constructor(stream: Writable, head: bigint) {
    this.#stream = stream
    this.#head = head
  }

  get seconds(): number {
    return (performance.now() - this.#started) / 1000
  }

  rate(events: number): number {
    return Math.round(events / Math.max(this.seconds, 1e-6))
  }

  update(events: number, position: bigint, done = false): void {
    const now = performance.now()
    if (!done && now - this.#drawn < redrawMs) return
    this.#drawn = now
    const share = Number((position * 1000n) / this.#head) / 1000
    const width = 30
    const filled = Math.round(share * width)
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`
    const line = `${bar} ${(share * 100).toFixed(1)}%  ${events} events  position ${position}/${this.#head}  ${this.rate(events)} events/s`
    this.#stream.write(`\r${line}${done ? '\n' : ''}`)
  }
}

interface Fold extends FoldedLog {
  readonly seconds: number
}

/**
 * The whole log folded in chunks. It reads to the end, which may lie past `head` (the progress
 * bar's estimate) when events are appended meanwhile; the subscription fold then goes as far.
 */
async function foldInChunks(store: EventStore, head: bigint, chunkSize: number, io: CliIo): Promise<Fold> {
  const progress = new Progress(io.stderr, head)
  const { models, events } = await foldLog(emptyReadModels(), store.readAll(), {
    chunkSize,
    afterChunk: (models, _chunk, events) => progress.update(events, models.position!),
  })
  progress.update(events, models.position!, true)
  return { models, events, seconds: progress.seconds }
}

/**
 * The log up to `head` as the service folds it: one event at a time from the catch-up
 * subscription. The snapshot is taken in the listener, so events appended meanwhile are not in it.
 */
async function foldThroughSubscription(store: EventStore, head: bigint): Promise<Fold> {
  const started = performance.now()
  const live = new LiveReadModels(store)
  let events = 0
  try {
    const models = await new Promise<ReadModels>((resolve, reject) => {
      live.onEvent((event) => {
        events += 1
        if (event.position >= head) resolve(live.current)
      })
      live
        .untilCaughtUp()
        .then(() => reject(live.failure ?? new Error(`the subscription caught up without reaching position ${head}`)), reject)
    })
    return { models, events, seconds: (performance.now() - started) / 1000 }
  } finally {
    await live.stop()
  }
}

function parseChunkSize(text: string): number {
  const size = /^[1-9]\d{0,6}$/.test(text) ? Number(text) : Number.NaN
  if (Number.isNaN(size)) throw new UsageError(`--chunk-size must be a whole number from 1 to 9999999, not "${text}"`)
  return size
}

export const rebuildCommand: CliCommand = {
  usage: 'rebuild [--chunk-size <events>]',
  summary:
    'replays the whole log into fresh read models twice (in chunks, and event by event through the subscription as the service does) and checks that their canonical hashes are equal; prints the hashes to compare with the readModelHashes query',
  options: { 'chunk-size': { type: 'string' } },
  maxPositionals: 0,
  async run({ values }, io) {
    const chunkSize = stringOption(values, 'chunk-size', parseChunkSize, 1000)
    const store = await openDomainStore(loadStoreConfig(io.env, { dbPath: defaultDbPath }))
    try {
      const head = await store.headPosition()
      const batch = head === null ? { models: emptyReadModels(), events: 0, seconds: 0 } : await foldInChunks(store, head, chunkSize, io)
      // Where the chunked fold ended: the head, or later when events were appended meanwhile.
      const reached = batch.models.position
      const streamed = reached === null ? batch : await foldThroughSubscription(store, reached)
      const chunked = readModelHashes(batch.models)
      const subscribed = readModelHashes(streamed.models)
      const equal = chunked.every((model, index) => model.hash === subscribed[index]!.hash)
      const rate = (fold: Fold): number => Math.round(fold.events / Math.max(fold.seconds, 1e-6))
      await writeLine(
        io.stdout,
        toJson({
          position: reached,
          events: batch.events,
          equal,
          eventsPerSecond: { chunked: rate(batch), subscription: rate(streamed) },
          readModels: chunked.map(({ name, position, hash }: ReadModelHash, index) => ({
            name,
            position,
            hash,
            ...(hash !== subscribed[index]!.hash && { subscriptionHash: subscribed[index]!.hash }),
          })),
        }),
      )
      if (equal) return exitCodes.ok
      const differing = chunked.filter((model, index) => model.hash !== subscribed[index]!.hash).map(({ name }) => name)
      await writeLine(io.stderr, `rebuild failed: the two folds differ in ${differing.join(', ')}`)
      return exitCodes.failed
    } finally {
      await store.close()
    }
  },
}
