import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type Filter,
  type ResolvedEvent,
} from '@eventstore/db-client'
import { isTreguesiError, TreguesiError } from '@treguesi/errors'
import type {
  AllFilter,
  AppendOptions,
  AppendResult,
  CatchUpSubscription,
  EventStore,
  EventToAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../port.js'
import { StoreLifecycle, type Follow } from '../store-lifecycle.js'
import { checkReadAll, checkReadStream, matchesFilter, prepareAppend } from '../validation.js'
import { isJsonObject, unreadable } from '../unreadable.js'

export interface EventStoreDbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false`, or `esdb+discover://…` for a cluster. */
  readonly connectionString: string
  /** Events asked of the server per $all read call. */
  readonly pageSize?: number
}

/**
 * Streams and event types that start with "$" belong to the server ($stats, $settings,
 * $metadata…). The port reserves that prefix, so they are never Treguesi's and are skipped.
 */
const isServerEvent = (event: { streamId: string; type: string }): boolean => event.streamId.startsWith('$') || event.type.startsWith('$')

type ClientEvent = NonNullable<ResolvedEvent['event']>

/** The event's global position; servers before 22.10 leave it out of stream reads. */
function positionOf(event: ClientEvent): bigint {
  if (event.position === undefined) {
    throw new Error(
      `the server did not report the global position of ${event.streamId}@${event.revision}; EventStoreDB 22.10 or later is required`,
    )
  }
  return event.position.commit
}

/**
 * Maps a client-side recorded event to the port's shape. The client does not fail on an event
 * that is not JSON: it hands over the bytes (or, for JSON that does not parse, the text) instead,
 * so what it hands over is checked here.
 */
export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent {
  const event = resolved.event!
  const position = positionOf(event)
  if (!event.isJson) throw unreadable(position, 'its data is not JSON (it was written with a binary content type)')
  if (!isJsonObject(event.data)) throw unreadable(position, 'its data is not a JSON object')
  const metadata = event.metadata ?? {}
  if (!isJsonObject(metadata)) throw unreadable(position, 'its metadata is not a JSON object')
  return {
    stream: event.streamId,
    revision: event.revision,
    position,
    id: event.id,
    type: event.type,
    data: event.data,
    metadata,
    recordedAt: event.created,
  }
}

/** The server-side filter that does most of the work; the port's filter is re-applied client-side. */
function serverFilter(filter: AllFilter | undefined): Filter {
  if (filter?.eventTypePrefixes) return eventTypeFilter({ prefixes: [...filter.eventTypePrefixes] })
  if (filter?.streamPrefixes) return streamNameFilter({ prefixes: [...filter.streamPrefixes] })
  return excludeSystemEvents()
}

/** Anything the client raises that the port has no better word for: the store is unreachable or failing. */
function unavailable(error: unknown): TreguesiError<'TRG_STORE_UNAVAILABLE'> {
  return new TreguesiError('TRG_STORE_UNAVAILABLE', { store: 'eventstoredb', reason: (error as Error).message }, { cause: error })
}

export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb' as const
  readonly #client: EventStoreDBClient
  readonly #pageSize: number
  readonly #lifecycle = new StoreLifecycle()

  private constructor(client: EventStoreDBClient, pageSize: number) {
    this.#client = client
    this.#pageSize = pageSize
  }

  /** Connects and makes one read, so a wrong address fails at start-up rather than at first use. */
  static async connect(options: EventStoreDbEventStoreOptions): Promise<EventStoreDbEventStore> {
    const store = new EventStoreDbEventStore(EventStoreDBClient.connectionString(options.connectionString), options.pageSize ?? 500)
    try {
      await store.headPosition()
    } catch (error) {
      await store.close()
      throw error
    }
    return store
  }

  async append(stream: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult> {
    this.#lifecycle.assertOpen('append')
    const prepared = prepareAppend(stream, events, options)
    const proposed = events.map((event, index) =>
      jsonEvent({
        id: prepared.events[index]!.id,
        type: event.type,
        data: event.data,
        metadata: event.metadata ?? {},
      }),
    )
    try {
      const result = await this.#client.appendToStream(stream, proposed, {
        expectedRevision: prepared.expectedRevision,
      })
      return { nextExpectedRevision: result.nextExpectedRevision, position: result.position!.commit }
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw new TreguesiError('TRG_STORE_WRONG_EXPECTED_REVISION', {
          stream,
          expected: prepared.expectedRevision,
          actual: error.actualVersion,
        })
      }
      throw unavailable(error)
    }
  }

  async *readStream(stream: string, options?: ReadStreamOptions): AsyncGenerator<RecordedEvent> {
    this.#lifecycle.assertOpen('readStream')
    const { direction = 'forwards', fromRevision, maxCount = Infinity } = checkReadStream(stream, options)
    const forwards = direction === 'forwards'
    let next: bigint | undefined = fromRevision
    let remaining = maxCount
    while (remaining > 0) {
      const page = await this.#page(() =>
        this.#client.readStream(stream, {
          direction: forwards ? FORWARDS : BACKWARDS,
          fromRevision: next ?? (forwards ? START : END),
          maxCount: Math.min(this.#pageSize, remaining),
        }),
      )
      for (const resolved of page) yield toRecordedEvent(resolved)
      const last = page[page.length - 1]
      if (page.length < this.#pageSize || !last || (!forwards && last.event!.revision === 0n)) return
      remaining -= page.length
      next = last.event!.revision + (forwards ? 1n : -1n)
    }
  }

  /**
   * Reads one bounded page to its end before anything is yielded: a read stream the client
   * abandons half-way is never released, and would keep `dispose()` waiting for ever.
   */
  async #page<T>(read: () => AsyncIterable<T>): Promise<T[]> {
    const page: T[] = []
    try {
      for await (const item of read()) page.push(item)
    } catch (error) {
      if (error instanceof StreamNotFoundError) return page
      throw unavailable(error)
    }
    return page
  }

  async *readAll(options?: ReadAllOptions): AsyncGenerator<RecordedEvent> {
    this.#lifecycle.assertOpen('readAll')
    const { direction = 'forwards', fromPosition, maxCount = Infinity, filter } = checkReadAll(options)
    yield* this.#readAll(direction === 'forwards', fromPosition, maxCount, filter)
  }

  /**
   * Reads $all page by page, so a bounded read never streams the whole log. The server reads
   * forwards including the event at the start position and backwards excluding it; the port is
   * exclusive both ways. Filtering is client-side because the client's readAll takes no filter.
   */
  async *#readAll(
    forwards: boolean,
    fromPosition: bigint | undefined,
    maxCount: number,
    filter: AllFilter | undefined,
  ): AsyncGenerator<RecordedEvent> {
    let remaining = maxCount
    let cursor = fromPosition
    for (;;) {
      const start = cursor
      const page = await this.#page(() =>
        this.#client.readAll({
          direction: forwards ? FORWARDS : BACKWARDS,
          fromPosition: start === undefined ? (forwards ? START : END) : { commit: start, prepare: start },
          maxCount: this.#pageSize,
        }),
      )
      for (const resolved of page) {
        const event = resolved.event!
        cursor = positionOf(event)
        // Reading forwards from a position includes it; backwards excludes it, as the port wants.
        if (forwards && start !== undefined && cursor <= start) continue
        // Decoded last, as SQLite does: an event no read asks for cannot fail one.
        if (isServerEvent(event)) continue
        if (!matchesFilter(filter, event.streamId, event.type)) continue
        yield toRecordedEvent(resolved)
        remaining -= 1
        if (remaining === 0) return
      }
      if (page.length < this.#pageSize) return
    }
  }

  subscribeToAll(options?: SubscribeOptions): CatchUpSubscription {
    return this.#lifecycle.subscribe(options, (...follow) => this.#follow(...follow))
  }

  /**
   * History is read with readAll, then `caught-up` is sent, then a server subscription continues
   * from the last position passed. The server's own caught-up signal is not used: it races with
   * events still buffered in the client, and servers before 23.10 do not send it.
   */
  async *#follow(...[fromPosition, filter, signal]: Parameters<Follow>): ReturnType<Follow> {
    let passed: bigint | null = fromPosition ?? null
    for await (const event of this.#readAll(true, fromPosition, Infinity, undefined)) {
      passed = event.position
      if (matchesFilter(filter, event.stream, event.type)) yield { kind: 'event', event }
    }
    // Once a consumer stops, this generator is never resumed past a yield (see subscription.ts),
    // so only the waits below need to watch the signal.
    yield { kind: 'caught-up', position: passed }

    const live = this.#client.subscribeToAll({
      fromPosition: passed === null ? START : { commit: passed, prepare: passed },
      filter: serverFilter(filter),
    })
    const stop = (): void => {
      void live.unsubscribe().then(() => live.destroy())
    }
    signal.addEventListener('abort', stop, { once: true })
    try {
      for await (const resolved of live) {
        const event = resolved.event!
        // A subscription from a position starts after it, so nothing read as history comes again.
        if (isServerEvent(event) || !matchesFilter(filter, event.streamId, event.type)) continue
        yield { kind: 'event', event: toRecordedEvent(resolved) }
      }
    } catch (error) {
      // An event that cannot be decoded is the log's fault, not the connection's.
      if (!signal.aborted) throw isTreguesiError(error, 'TRG_EVENT_UNREADABLE') ? error : unavailable(error)
    } finally {
      signal.removeEventListener('abort', stop)
      if (!signal.aborted) stop()
    }
  }

  async headPosition(): Promise<bigint | null> {
    this.#lifecycle.assertOpen('headPosition')
    for await (const event of this.#readAll(false, undefined, 1, undefined)) return event.position
    return null
  }

  async close(): Promise<void> {
    await this.#lifecycle.close(() => this.#client.dispose())
  }
}
