import { EventStoreDbEventStore } from '@treguesi/event-store/eventstoredb'
import { logAfter, type ContractFixture, type StorageUnderTest } from '@treguesi/event-store/contract'

const common = {
  separateConnections: true,
  reopenable: true,
  multiProcess: true,
  // EventStoreDB keeps event ids unique per stream only.
  globallyUniqueEventIds: false,
} as const

function storageOn(connectionString: string, start: bigint | null, dispose: () => Promise<void>): StorageUnderTest {
  return {
    processEnvironment: { TREGUESI_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: connectionString },
    // A small page makes every read cross page boundaries.
    open: async () => logAfter(await EventStoreDbEventStore.connect({ connectionString, pageSize: 3 }), start),
    dispose,
  }
}

/** A new server for each storage, recording with the test's clock: the log starts empty. */
export function serverPerStorage(
  name: string,
  start: (clock: () => Date) => Promise<{ connectionString: string; close(): Promise<void> }>,
  crashCycles: number,
): ContractFixture {
  return {
    ...common,
    name,
    injectedClock: true,
    crashCycles,
    async createStorage(clock) {
      const server = await start(clock)
      return storageOn(server.connectionString, null, () => server.close())
    },
  }
}

/**
 * One long-lived server for every storage, as a real deployment is: each storage sees only the
 * events appended after it was created, and record times are the server's.
 */
export function sharedServer(name: string, connectionString: string, crashCycles: number): ContractFixture {
  return {
    ...common,
    name,
    injectedClock: false,
    crashCycles,
    async createStorage() {
      const probe = await EventStoreDbEventStore.connect({ connectionString })
      const start = await probe.headPosition()
      await probe.close()
      return storageOn(connectionString, start, async () => {})
    },
  }
}
