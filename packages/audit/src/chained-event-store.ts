import { isTreguesiError, TreguesiError } from '@treguesi/errors'
import {
  maxPosition,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type JsonObject,
  type RecordedEvent,
} from '@treguesi/event-store'
import { chainKey, chainOf, eventHash, isSha256Hex } from './hashing.js'

export interface ChainOptions {
  /**
   * How many of a stream's newest events (beyond the batch's own length) are searched for the
   * batch's first id when it is appended with `any` or `stream_exists`: a retry found there is
   * answered with the first result, as the store would. Default 100.
   */
  readonly retryWindow?: number
  /** Tries of an `any` or `stream_exists` append that keeps losing to concurrent writers. Default 50. */
  readonly maxAttempts?: number
}

/**
 * What a chained store's append also takes: the hash of the stream's event at the exact
 * `expectedRevision`, when the caller has just read it. The store then links to it instead of
 * reading that event again. It is trusted only with an exact revision: the append is refused
 * unless the stream is still at that revision, whose event never changes, so a hash read at any
 * other moment cannot be written.
 */
export interface ChainedAppendOptions extends AppendOptions {
  readonly previousHash?: string
}

/** An event as it will be stored: id lower-cased, data and metadata as their JSON round trip. */
interface Prepared {
  readonly id: string
  readonly type: string
  readonly data: JsonObject
  readonly metadata: JsonObject
}

/** Where a batch goes: the exact expectation the store gets, and the hash the batch links to. */
interface Place {
  readonly expectedRevision: bigint | 'no_stream'
  readonly previous: string | null
  /** The batch's first id is already in the stream: the store decides whether this is a retry. */
  readonly retry: boolean
}

const chainedStores = new WeakSet<EventStore>()

/**
 * The same port, with a hash chain in every appended event's metadata:
 * `chain: { previous, hash }`, `previous` being the hash of the stream's previous event (null
 * at revision 0) and `hash` the event's own (see eventHash). The store only ever receives exact
 * expectations — the previous event is known before writing, so a stream's chain cannot fork;
 * `any` and `stream_exists` read the stream's last event and try again if another writer got
 * there first. An exact expectation that comes with the previous event's hash (see
 * ChainedAppendOptions) is linked without reading anything. Retried appends still write nothing:
 * the same ids and content give the same hashes. Wrapping a chained store again returns it unchanged.
 */
export function chainedEventStore(store: EventStore, options: ChainOptions = {}): EventStore {
  if (chainedStores.has(store)) return store
  const settings = { retryWindow: options.retryWindow ?? 100, maxAttempts: options.maxAttempts ?? 50 }
  const chained: EventStore = {
    kind: store.kind,
    append: (stream, events, appendOptions) => appendChained(store, stream, events, appendOptions, settings),
    readStream: (stream, readOptions) => store.readStream(stream, readOptions),
    readAll: (readOptions) => store.readAll(readOptions),
    subscribeToAll: (subscribeOptions) => store.subscribeToAll(subscribeOptions),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
  }
  chainedStores.add(chained)
  return chained
}

async function appendChained(
  store: EventStore,
  stream: string,
  events: readonly EventToAppend[],
  options: ChainedAppendOptions | undefined,
  settings: { retryWindow: number; maxAttempts: number },
): Promise<AppendResult> {
  checkStream(stream)
  const expected = checkExpectation(stream, options?.expectedRevision ?? 'any')
  const previousHash = checkPreviousHash(stream, expected, options?.previousHash)
  const prepared = prepare(stream, events)
  // An exact expectation that is not met is the caller's conflict; `any` and `stream_exists` are
  // met by whatever the stream holds, so losing a race only means reading it again.
  const attempts = expected === 'any' || expected === 'stream_exists' ? settings.maxAttempts : 1
  let conflict: unknown
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const place =
      previousHash === undefined
        ? await placeOf(store, stream, prepared, expected, settings.retryWindow)
        : { expectedRevision: expected as bigint, previous: previousHash, retry: false }
    try {
      return await store.append(stream, link(stream, prepared, place), { expectedRevision: place.expectedRevision })
    } catch (error) {
      if (!isTreguesiError(error, 'TRG_STORE_WRONG_EXPECTED_REVISION')) throw error
      // The ids are recorded, but not as this batch: the same ids elsewhere are not a retry.
      if (place.retry) {
        throw new TreguesiError('TRG_STORE_DUPLICATE_EVENT_ID', { stream, eventId: prepared[0]!.id }, { cause: error })
      }
      conflict = error
    }
  }
  throw conflict
}

async function placeOf(
  store: EventStore,
  stream: string,
  prepared: readonly Prepared[],
  expected: ExpectedRevision,
  retryWindow: number,
): Promise<Place> {
  if (expected === 'no_stream') return { expectedRevision: 'no_stream', previous: null, retry: false }
  if (typeof expected === 'bigint') return exactPlace(store, stream, expected)
  const tail = await collect(store.readStream(stream, { direction: 'backwards', maxCount: retryWindow + prepared.length }))
  const last = tail[0]
  if (last === undefined) {
    if (expected === 'stream_exists') throw wrongExpectedRevision(stream, expected, 'no_stream')
    return { expectedRevision: 'no_stream', previous: null, retry: false }
  }
  const earlier = tail.find((event) => event.id === prepared[0]!.id)
  if (earlier !== undefined) {
    // Appended where it was first appended, the store answers a true retry with its first result.
    const place =
      earlier.revision === 0n
        ? { expectedRevision: 'no_stream' as const, previous: null }
        : await exactPlace(store, stream, earlier.revision - 1n)
    return { ...place, retry: true }
  }
  return { expectedRevision: last.revision, previous: linkHash(last), retry: false }
}

async function exactPlace(store: EventStore, stream: string, revision: bigint): Promise<Place> {
  const [previous] = await collect(store.readStream(stream, { fromRevision: revision, maxCount: 1 }))
  if (previous === undefined) {
    // Refused here, without writing: a link to nothing could otherwise be written if the
    // stream reached that revision in the meantime.
    const [last] = await collect(store.readStream(stream, { direction: 'backwards', maxCount: 1 }))
    throw wrongExpectedRevision(stream, revision, last?.revision ?? 'no_stream')
  }
  return { expectedRevision: revision, previous: linkHash(previous), retry: false }
}

function linkHash(event: RecordedEvent): string {
  const chain = chainOf(event.metadata)
  if (chain === undefined) {
    throw new TreguesiError('TRG_EVENT_INVALID', {
      type: event.type,
      problem: `${event.stream}@${event.revision} has no hash chain to link a new event to (it was appended without chainedEventStore)`,
    })
  }
  return chain.hash
}

function link(stream: string, prepared: readonly Prepared[], place: Place): EventToAppend[] {
  let previous = place.previous
  let revision = place.expectedRevision === 'no_stream' ? 0n : place.expectedRevision + 1n
  return prepared.map((event) => {
    const hash = eventHash({ previous, stream, revision, ...event })
    const linked = {
      id: event.id,
      type: event.type,
      data: event.data,
      metadata: { ...event.metadata, [chainKey]: { previous, hash } },
    }
    previous = hash
    revision += 1n
    return linked
  })
}

function invalidAppend(stream: string, field: string, problem: string): TreguesiError<'TRG_STORE_INVALID_APPEND'> {
  return new TreguesiError('TRG_STORE_INVALID_APPEND', { stream, field, problem })
}

function wrongExpectedRevision(
  stream: string,
  expected: ExpectedRevision,
  actual: bigint | 'no_stream',
): TreguesiError<'TRG_STORE_WRONG_EXPECTED_REVISION'> {
  return new TreguesiError('TRG_STORE_WRONG_EXPECTED_REVISION', { stream, expected, actual })
}

// The checks below are what hashing and reading the stream need before the store sees the
// append; the store still checks everything else (UUIDs, types, repeated ids) before writing.

function checkStream(stream: string): void {
  if (typeof stream !== 'string' || stream.length === 0 || stream.length > 1000 || stream.startsWith('$')) {
    throw invalidAppend(String(stream), 'stream', 'must be 1 to 1000 characters, not starting with "$"')
  }
}

function checkExpectation(stream: string, expected: ExpectedRevision): ExpectedRevision {
  const valid = typeof expected === 'bigint' ? expected >= 0n : ['any', 'no_stream', 'stream_exists'].includes(expected)
  if (!valid) {
    throw invalidAppend(stream, 'expectedRevision', 'must be any, no_stream, stream_exists or a bigint revision of 0 or more')
  }
  if (typeof expected === 'bigint' && expected > maxPosition) {
    throw invalidAppend(stream, 'expectedRevision', `must be at most ${maxPosition} (2^63 - 1)`)
  }
  return expected
}

function checkPreviousHash(stream: string, expected: ExpectedRevision, previousHash: unknown): string | undefined {
  if (previousHash === undefined) return undefined
  if (typeof expected !== 'bigint') {
    throw invalidAppend(stream, 'previousHash', 'is taken only with an exact expectedRevision, the revision of the event it is the hash of')
  }
  if (!isSha256Hex(previousHash)) {
    throw invalidAppend(stream, 'previousHash', 'must be a SHA-256 hash in lower-case hex')
  }
  return previousHash
}

function prepare(stream: string, events: readonly EventToAppend[]): Prepared[] {
  if (!Array.isArray(events) || events.length === 0) throw invalidAppend(stream, 'events', 'must hold at least one event')
  return events.map((event: unknown, index) => {
    const field = `events[${index}]`
    if (typeof event !== 'object' || event === null) throw invalidAppend(stream, field, 'must be an event object')
    const { id, type, data, metadata } = event as EventToAppend
    if (typeof id !== 'string') throw invalidAppend(stream, `${field}.id`, 'must be a UUID')
    if (typeof type !== 'string') throw invalidAppend(stream, `${field}.type`, 'must be a string')
    const storedMetadata = metadata === undefined ? {} : asStored(stream, `${field}.metadata`, metadata)
    if (Object.hasOwn(storedMetadata, chainKey)) {
      throw invalidAppend(stream, `${field}.metadata.${chainKey}`, 'is written by the hash chain and cannot be given')
    }
    return { id: id.toLowerCase(), type, data: asStored(stream, `${field}.data`, data), metadata: storedMetadata }
  })
}

const isPlainObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The value exactly as the store will read it back (what JSON keeps of it), so the hash written
 * now is the hash recomputed from the stored event later.
 */
function asStored(stream: string, field: string, value: unknown): JsonObject {
  if (!isPlainObject(value)) throw invalidAppend(stream, field, 'must be a JSON object')
  let stored: unknown
  try {
    stored = JSON.parse(JSON.stringify(value))
  } catch (error) {
    throw invalidAppend(stream, field, `is not JSON-serialisable (${(error as Error).message})`)
  }
  // An object whose toJSON gives something else (a Date, say) would be stored as that.
  if (!isPlainObject(stored)) throw invalidAppend(stream, field, 'must be a JSON object')
  return stored as JsonObject
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const item of items) all.push(item)
  return all
}
