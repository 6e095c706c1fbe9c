/**
 * The event store port: the only way the rest of Treguesi reads or writes the log.
 * Both adapters (embedded SQLite, EventStoreDB) give these exact semantics; the contract
 * suite in `./contract` is the executable form of this file.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }
export type JsonObject = { [key: string]: JsonValue }

/**
 * What the writer believes about the stream before its append:
 * - `any`: no check;
 * - `no_stream`: the stream has no event yet;
 * - `stream_exists`: the stream has at least one event;
 * - a bigint: the stream's last event is at exactly this 0-based revision.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint

export interface EventToAppend {
  /** A UUID chosen by the writer; re-sending the same ids at the same place writes nothing. */
  readonly id: string
  readonly type: string
  readonly data: JsonObject
  readonly metadata?: JsonObject
}

export interface RecordedEvent {
  readonly stream: string
  /** 0-based and gapless within the stream. */
  readonly revision: bigint
  /** Place in the global log: strictly increasing in commit order, not necessarily contiguous. */
  readonly position: bigint
  readonly id: string
  readonly type: string
  readonly data: JsonObject
  readonly metadata: JsonObject
  /** When the store recorded the event (record time, not the business time it is about). */
  readonly recordedAt: Date
}

export interface AppendOptions {
  readonly expectedRevision?: ExpectedRevision
}

export interface AppendResult {
  /** Revision of the stream's last event after the append: pass it as the next expectation. */
  readonly nextExpectedRevision: bigint
  /** Global position of the last event of this append. */
  readonly position: bigint
}

export type Direction = 'forwards' | 'backwards'

export interface ReadStreamOptions {
  readonly direction?: Direction
  /** Inclusive. Defaults to the first event forwards and the last event backwards. */
  readonly fromRevision?: bigint
  readonly maxCount?: number
}

export interface AllFilter {
  /** Keep events whose type starts with any of these. */
  readonly eventTypePrefixes?: readonly string[]
  /** Keep events whose stream name starts with any of these. */
  readonly streamPrefixes?: readonly string[]
}

export interface ReadAllOptions {
  readonly direction?: Direction
  /**
   * Exclusive: forwards yields positions after it, backwards positions before it.
   * Defaults to the beginning of the log forwards and its end backwards.
   */
  readonly fromPosition?: bigint
  readonly maxCount?: number
  readonly filter?: AllFilter
}

export interface SubscribeOptions {
  /** Exclusive; omitted means from the very beginning of the log. */
  readonly fromPosition?: bigint
  readonly filter?: AllFilter
}

export type SubscriptionMessage =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  /**
   * Sent once, after the last event that was in the log when the subscription reached the end
   * of history; `position` is the last position the subscription has passed (null: empty log).
   */
  | { readonly kind: 'caught-up'; readonly position: bigint | null }

/**
 * A catch-up subscription to the whole log: history first, one `caught-up` message, then live
 * events, in global order, each exactly once. Iterate it with `for await`; `stop()` (or leaving
 * the loop) ends it cleanly.
 */
export interface CatchUpSubscription extends AsyncIterable<SubscriptionMessage> {
  stop(): Promise<void>
}

/**
 * Reading: an event recorded in the log that cannot be decoded (its stored JSON damaged, or
 * written by another client as something else) is never skipped or guessed at. A read or a
 * subscription that reaches it fails with TRG_EVENT_UNREADABLE naming its global position,
 * after delivering every event before it; one that a filter or a count stops short of it is
 * unaffected.
 */
export interface EventStore {
  /** Which adapter this is, for logs and health reports. */
  readonly kind: 'sqlite' | 'eventstoredb'
  /** All events of one append are recorded together or not at all. */
  append(stream: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult>
  /** A stream that does not exist reads as empty. */
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>
  subscribeToAll(options?: SubscribeOptions): CatchUpSubscription
  /** Position of the newest event in the log, or null when the log is empty. */
  headPosition(): Promise<bigint | null>
  /** Ends open subscriptions and releases the storage. Idempotent. */
  close(): Promise<void>
}
