/**
 * The event store contract, run through chainedEventStore: the decorator keeps every semantic
 * of the port (expectations, idempotency, atomicity, concurrency, reads, subscriptions). The
 * suite compares metadata exactly, so reads here show it without the chain the decorator adds
 * (the chain itself is tested in chained-event-store.test.ts).
 */
import t from 'tap'
import { chainedEventStore, withoutChain } from '@treguesi/audit'
import { SqliteEventStore, type EventStore, type RecordedEvent } from '@treguesi/event-store'
import { EventStoreDbEventStore } from '@treguesi/event-store/eventstoredb'
import { eventStoreContract, inMemoryFixture, type ContractFixture } from '@treguesi/event-store/contract'
import { startEventStoreDbTestServer } from '@treguesi/eventstoredb-test-server'

async function* unchained(events: AsyncIterable<RecordedEvent>): AsyncGenerator<RecordedEvent> {
  for await (const event of events) yield { ...event, metadata: withoutChain(event.metadata) }
}

function chainHidden(store: EventStore): EventStore {
  const chained = chainedEventStore(store)
  return {
    ...chained,
    kind: chained.kind,
    readStream: (stream, options) => unchained(chained.readStream(stream, options)),
    readAll: (options) => unchained(chained.readAll(options)),
    subscribeToAll(options) {
      const subscription = chained.subscribeToAll(options)
      return {
        stop: () => subscription.stop(),
        async *[Symbol.asyncIterator]() {
          for await (const message of subscription) {
            yield message.kind === 'event'
              ? { kind: 'event', event: { ...message.event, metadata: withoutChain(message.event.metadata) } }
              : message
          }
        },
      }
    },
  }
}

const memory = inMemoryFixture('chained sqlite :memory:', (clock) => chainHidden(new SqliteEventStore({ path: ':memory:', clock })))

const eventStoreDb: ContractFixture = {
  separateConnections: true,
  reopenable: true,
  multiProcess: false,
  crashCycles: 0,
  name: 'chained eventstoredb test server',
  injectedClock: true,
  globallyUniqueEventIds: false,
  async createStorage(clock) {
    const server = await startEventStoreDbTestServer({ clock })
    return {
      open: async () => chainHidden(await EventStoreDbEventStore.connect({ connectionString: server.connectionString, pageSize: 3 })),
      dispose: () => server.close(),
    }
  },
}

eventStoreContract(t, memory)
eventStoreContract(t, eventStoreDb)
