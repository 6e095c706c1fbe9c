/**
 * The server's state: every event in commit order ($all) and each stream's events by revision,
 * with the write and read rules of a single EventStoreDB node.
 */

/** As the client spells it: a stream revision, or a condition on the stream's existence. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint

/** The expectations a write can fail: `any` is always met. */
export type RefusableExpectation = Exclude<ExpectedRevision, 'any'>

/** Where a read starts: a stream revision or a $all commit position, both inclusive. */
export type ReadFrom = 'start' | 'end' | bigint

export interface ProposedEvent {
  /** Lower-case canonical form, as the server reports ids back. */
  readonly id: string
  readonly type: string
  readonly contentType: string
  readonly data: Uint8Array
  readonly customMetadata: Uint8Array
}

export interface LoggedEvent extends ProposedEvent {
  readonly stream: string
  readonly revision: bigint
  /** Both commit and prepare position: every gRPC append is an implicit transaction. */
  readonly position: bigint
  readonly created: Date
}

export type WriteResult =
  /** `lastEvent` is the stream's last event after the write, or the repeated write's last event. */
  | { readonly kind: 'success'; readonly lastEvent: LoggedEvent | undefined }
  | { readonly kind: 'wrong_expected_version'; readonly expected: RefusableExpectation; readonly lastEvent: LoggedEvent | undefined }

// A real log opens with a chunk header and the node's own records, so the first user event
// never sits at 0 or 1; adapters that assume otherwise should fail here as they would there.
const FIRST_POSITION = 1_536n
// With the event's own bytes, roughly a prepare record's size: positions advance by it, so
// their gaps vary from event to event as in a real log.
const RECORD_OVERHEAD_BYTES = 84n

function recordSize(stream: string, event: ProposedEvent): bigint {
  const variable = Buffer.byteLength(stream) + Buffer.byteLength(event.type) + event.data.length + event.customMetadata.length
  return RECORD_OVERHEAD_BYTES + BigInt(variable)
}

function refuses(expected: ExpectedRevision, lastEvent: LoggedEvent | undefined): expected is RefusableExpectation {
  switch (expected) {
    case 'any':
      return false
    case 'no_stream':
      return lastEvent !== undefined
    case 'stream_exists':
      return lastEvent === undefined
    default:
      return lastEvent?.revision !== expected
  }
}

/**
 * Idempotency as the server has it: when the proposed ids are already recorded, in order, where
 * the expectation says the write goes, the retry is answered with the original outcome. Returns
 * the last of those recorded events.
 */
function repeatedWrite(
  events: readonly LoggedEvent[],
  expected: ExpectedRevision,
  proposed: readonly ProposedEvent[],
): LoggedEvent | undefined {
  const first = proposed[0]
  if (first === undefined) return undefined
  const start =
    expected === 'no_stream' ? 0 : typeof expected === 'bigint' ? Number(expected) + 1 : events.findIndex((event) => event.id === first.id)
  const recordedInOrder = proposed.every((event, offset) => events[start + offset]?.id === event.id)
  return recordedInOrder ? events[start + proposed.length - 1] : undefined
}

export class EventLog {
  readonly #all: LoggedEvent[] = []
  readonly #streams = new Map<string, LoggedEvent[]>()
  readonly #appendListeners = new Set<() => void>()
  readonly #clock: () => Date
  #nextPosition = FIRST_POSITION

  constructor(clock: () => Date) {
    this.#clock = clock
  }

  /** Append-only, so an index into it stays valid as a subscription cursor. */
  get all(): readonly LoggedEvent[] {
    return this.#all
  }

  /** Append-only like `all`; undefined until the stream's first event. */
  stream(name: string): readonly LoggedEvent[] | undefined {
    return this.#streams.get(name)
  }

  /** All or nothing; an empty proposal writes nothing but is still checked. */
  append(stream: string, expected: ExpectedRevision, proposed: readonly ProposedEvent[]): WriteResult {
    const events = this.#streams.get(stream) ?? []
    const repeated = repeatedWrite(events, expected, proposed)
    if (repeated) return { kind: 'success', lastEvent: repeated }
    const lastEvent = events.at(-1)
    if (refuses(expected, lastEvent)) return { kind: 'wrong_expected_version', expected, lastEvent }
    if (proposed.length === 0) return { kind: 'success', lastEvent }

    // One reading per write: the whole append is recorded at one time.
    const created = this.#clock()
    for (const event of proposed) {
      const logged: LoggedEvent = { ...event, stream, revision: BigInt(events.length), position: this.#nextPosition, created }
      this.#nextPosition += recordSize(stream, event)
      events.push(logged)
      this.#all.push(logged)
    }
    this.#streams.set(stream, events)
    for (const listener of this.#appendListeners) listener()
    return { kind: 'success', lastEvent: events.at(-1) }
  }

  /** Undefined when the stream does not exist. Backwards from `start` reads revision 0 alone. */
  readStream(name: string, forwards: boolean, from: ReadFrom): LoggedEvent[] | undefined {
    const events = this.#streams.get(name)
    if (events === undefined) return undefined
    if (forwards) {
      const lowest = from === 'start' ? 0n : from === 'end' ? BigInt(events.length) : from
      return events.filter((event) => event.revision >= lowest)
    }
    const highest = from === 'end' ? BigInt(events.length) : from === 'start' ? 0n : from
    return events.filter((event) => event.revision <= highest).reverse()
  }

  /** Forwards includes the event at `from`; backwards reads only the events before it. */
  readAll(forwards: boolean, from: ReadFrom): LoggedEvent[] {
    if (forwards) {
      const lowest = from === 'start' ? 0n : from === 'end' ? this.#nextPosition : from
      return this.#all.filter((event) => event.position >= lowest)
    }
    const bound = from === 'end' ? this.#nextPosition : from === 'start' ? 0n : from
    return this.#all.filter((event) => event.position < bound).reverse()
  }

  /** Called after every write that added events; returns the way to stop listening. */
  onAppend(listener: () => void): () => void {
    this.#appendListeners.add(listener)
    return () => this.#appendListeners.delete(listener)
  }
}
