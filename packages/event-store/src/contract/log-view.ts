import type { CatchUpSubscription, EventStore, ReadAllOptions, RecordedEvent, SubscribeOptions } from '../port.js'

/**
 * A store that shows only the events after `start`: lets the contract suite, which expects a
 * new, empty log per test, run against a long-lived server that already holds other events.
 */
export function logAfter(store: EventStore, start: bigint | null): EventStore {
  if (start === null) return store
  // A negative position is passed on untouched, for the store to refuse as it would anyway.
  const later = (position: bigint | undefined): bigint =>
    position === undefined || (position >= 0n && position < start) ? start : position
  return {
    kind: store.kind,
    append: (stream, events, options) => store.append(stream, events, options),
    readStream: (stream, options) => store.readStream(stream, options),
    readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
      if (options.direction !== 'backwards') return store.readAll({ ...options, fromPosition: later(options.fromPosition) })
      const { maxCount, ...unbounded } = options
      return (async function* () {
        let remaining = maxCount ?? Infinity
        for await (const event of store.readAll(unbounded)) {
          if (event.position <= start || remaining === 0) break
          remaining -= 1
          yield event
        }
      })()
    },
    subscribeToAll(options: SubscribeOptions = {}): CatchUpSubscription {
      const inner = store.subscribeToAll({ ...options, fromPosition: later(options.fromPosition) })
      return {
        stop: () => inner.stop(),
        async *[Symbol.asyncIterator]() {
          for await (const message of inner) {
            yield message.kind === 'caught-up' && message.position === start ? { kind: 'caught-up', position: null } : message
          }
        },
      }
    },
    async headPosition() {
      const head = await store.headPosition()
      return head !== null && head > start ? head : null
    },
    close: () => store.close(),
  }
}
