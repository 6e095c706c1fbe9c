import { chainOf } from '@treguesi/audit'
import { canonicalCommandId, type Decider, type DomainEvent } from '@treguesi/domain'
import type { EventStore, RecordedEvent } from '@treguesi/event-store'

/** What one command id recorded in a stream: the answer a retry of it gets. */
export interface RecordedCommand {
  readonly events: readonly DomainEvent[]
  /** Revision and global position of the command's last event. */
  readonly revision: bigint
  readonly position: bigint
  /** The canonical hash of the command as sent (`EventEnvelope.commandHash`), when recorded. */
  readonly commandHash: string | undefined
  /** Who sent it (`EventEnvelope.actor.id`), for the rules about who may answer whom. */
  readonly actorId: string | undefined
}

/** A stream folded through its decider, as far as it was read. */
export interface FoldedStream<State> {
  /** The decider that folded it: the same stream folded by another is another state. */
  readonly decider: object
  readonly state: State
  /** The revision the state reflects; null: the stream had no event. */
  readonly revision: bigint | null
  /** The chain hash of the event at `revision`, when the stream is hash-chained. */
  readonly hash: string | undefined
  /**
   * By canonical command id, what the commands recorded in the stream wrote. Shared by the
   * folds of the same stream, so it may already hold commands recorded after `revision`: they
   * are in the log all the same, and a retry of one is answered with what it recorded.
   */
  readonly commands: ReadonlyMap<string, RecordedCommand>
}

/**
 * Folded streams by name, so that a stream is read from where it was last read rather than from
 * its start. At most `limit` streams are kept (1,000 by default), the least recently used
 * leaving first: memory is bounded by that count times the size of a folded stream, its state
 * and the events of the commands recorded in it, about what the stream holds in the log.
 *
 * Only what was read from the store is kept, never what a command is about to append: an append
 * the store answers as the retry of an earlier one records that one's content, not the new one.
 * Nothing kept is trusted as current; every load reads the stream's newer events first.
 */
export class StreamCache {
  readonly #limit: number
  readonly #streams = new Map<string, FoldedStream<unknown>>()

  constructor(limit = 1000) {
    this.#limit = limit
  }

  get size(): number {
    return this.#streams.size
  }

  get<State>(decider: object, stream: string): FoldedStream<State> | undefined {
    const found = this.#streams.get(stream)
    if (found?.decider !== decider) return undefined
    // A Map iterates in insertion order: re-inserting makes the stream the most recently used.
    this.#streams.delete(stream)
    this.#streams.set(stream, found)
    return found as FoldedStream<State>
  }

  keep(stream: string, folded: FoldedStream<unknown>): void {
    // An empty stream is read from its start anyway.
    if (folded.revision === null) return
    const found = this.#streams.get(stream)
    if (found?.decider === folded.decider && found.revision! >= folded.revision) return
    this.#streams.delete(stream)
    this.#streams.set(stream, folded)
    if (this.#streams.size > this.#limit) this.#streams.delete(this.#streams.keys().next().value!)
  }
}

const caches = new WeakMap<EventStore, StreamCache>()

/** The cache of a store's folded streams, shared by every command handled on that store object. */
export function streamCacheOf(store: EventStore): StreamCache {
  let cache = caches.get(store)
  if (cache === undefined) {
    cache = new StreamCache()
    caches.set(store, cache)
  }
  return cache
}

function noteCommand(commands: Map<string, RecordedCommand>, recorded: RecordedEvent): void {
  const recordedId = recorded.metadata.commandId
  if (typeof recordedId !== 'string') return
  // Events recorded before ids were canonicalised may hold theirs in upper case.
  const commandId = canonicalCommandId(recordedId)
  const earlier = commands.get(commandId)
  // Another fold of the same stream may have noted this event already.
  if (earlier !== undefined && earlier.revision >= recorded.revision) return
  const { commandHash, actor } = recorded.metadata as { commandHash?: unknown; actor?: { id?: unknown } }
  commands.set(commandId, {
    actorId: typeof actor?.id === 'string' ? actor.id : undefined,
    events: [...(earlier?.events ?? []), { type: recorded.type, data: recorded.data }],
    revision: recorded.revision,
    position: recorded.position,
    commandHash: earlier?.commandHash ?? (typeof commandHash === 'string' ? commandHash : undefined),
  })
}

/** `from` (or nothing) with the stream's events after it folded in: one read of the stream's tail. */
async function foldTail<Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  stream: string,
  from: FoldedStream<State> | undefined,
): Promise<FoldedStream<State>> {
  let { state, revision, hash } = from ?? { state: decider.initialState, revision: null, hash: undefined }
  const commands = (from?.commands ?? new Map()) as Map<string, RecordedCommand>
  for await (const recorded of store.readStream(stream, { fromRevision: revision === null ? 0n : revision + 1n })) {
    state = decider.evolve(state, { type: recorded.type, data: recorded.data } as Event)
    revision = recorded.revision
    hash = chainOf(recorded.metadata)?.hash
    noteCommand(commands, recorded)
  }
  return { decider, state, revision, hash, commands }
}

/**
 * The streams one command reads, each read once: its own stream, the streams whose facts it
 * needs and those that say whose it is, all share one load per stream. A load starts from the
 * store's cache and reads only the events after it. After a conflict, `stale` makes the next
 * load of that stream read what was appended since; the other streams are not read again.
 */
export class CommandReads {
  readonly store: EventStore
  readonly #cache: StreamCache
  readonly #loaded = new Map<string, FoldedStream<unknown>>()

  constructor(store: EventStore, cache: StreamCache = streamCacheOf(store)) {
    this.store = store
    this.#cache = cache
  }

  async load<Command, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    stream: string,
  ): Promise<FoldedStream<State>> {
    const loaded = this.#loaded.get(stream)
    if (loaded?.decider === decider) return loaded as FoldedStream<State>
    const folded = await foldTail(this.store, decider, stream, this.#cache.get<State>(decider, stream))
    this.#cache.keep(stream, folded)
    this.#loaded.set(stream, folded)
    return folded
  }

  stale(stream: string): void {
    this.#loaded.delete(stream)
  }
}
