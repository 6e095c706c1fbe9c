import type {
  AllFilter,
  CatchUpSubscription,
  EventStore,
  ReadAllOptions,
  RecordedEvent,
  SubscribeOptions,
  SubscriptionMessage,
} from './port.js'
import { checkReadAll, matchesFilter } from './validation.js'

/**
 * Turns a recorded event into its type's current version. It keeps everything but `type` and
 * `data`, returns an event already current as it is, and throws when it cannot read one.
 */
export type UpcastEvent = (event: RecordedEvent) => RecordedEvent

/** The part of a filter the store underneath applies: the stream prefixes, if any. */
function streamsOnly(filter: AllFilter): { readonly filter?: AllFilter } {
  return filter.streamPrefixes === undefined ? {} : { filter: { streamPrefixes: filter.streamPrefixes } }
}

/**
 * A store whose every read — readStream, readAll, subscribeToAll — gives events as `upcast`
 * makes them, so readers only ever see current event versions; appends, the head position and
 * closing go to `store` unchanged. Events stay in the log as they were recorded.
 *
 * Filters by event-type prefix name current types, and a recorded event matches by the type it
 * is upcast to: `municipality.registered.v2` finds events recorded as v1. Such a filter is
 * therefore matched after upcasting, and `store` is read without it (stream prefixes still
 * filter there, and `maxCount` counts the events that pass). Widening the filter to the old
 * names instead would need to know which old names become which new ones, and this package
 * knows only the function. The cost is that a type-filtered read pages through the events of
 * every type in the streams it covers: reads are lazy, so never further than the page where
 * `maxCount` is reached.
 */
export function upcastingEventStore(store: EventStore, upcast: UpcastEvent): EventStore {
  return {
    kind: store.kind,

    append: (stream, events, options) => store.append(stream, events, options),

    async *readStream(stream, options) {
      for await (const event of store.readStream(stream, options)) yield upcast(event)
    },

    async *readAll(options?: ReadAllOptions) {
      // The options are checked here because those passed on are not always the caller's.
      const checked = checkReadAll(options)
      if (checked.filter?.eventTypePrefixes === undefined) {
        for await (const event of store.readAll(options)) yield upcast(event)
        return
      }
      const { maxCount, filter, ...rest } = checked
      let remaining = maxCount ?? Infinity
      for await (const recorded of store.readAll({ ...rest, ...streamsOnly(filter) })) {
        const event = upcast(recorded)
        if (!matchesFilter(filter, event.stream, event.type)) continue
        yield event
        if (--remaining === 0) return
      }
    },

    subscribeToAll(options?: SubscribeOptions): CatchUpSubscription {
      const { filter, ...rest } = checkReadAll(options)
      const inner = store.subscribeToAll(filter?.eventTypePrefixes === undefined ? options : { ...rest, ...streamsOnly(filter) })
      // Leaving the loop, or an event upcast fails on, ends the inner subscription too: for await
      // returns its iterator whenever the loop ends early.
      async function* messages(): AsyncGenerator<SubscriptionMessage, void, undefined> {
        for await (const message of inner) {
          if (message.kind === 'caught-up') {
            yield message
            continue
          }
          const event = upcast(message.event)
          if (matchesFilter(filter, event.stream, event.type)) yield { kind: 'event', event }
        }
      }
      return {
        stop: () => inner.stop(),
        [Symbol.asyncIterator]: messages,
      }
    },

    headPosition: () => store.headPosition(),

    close: () => store.close(),
  }
}
