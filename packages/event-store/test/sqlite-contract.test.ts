import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { SqliteEventStore } from '@treguesi/event-store'
import { eventStoreContract, inMemoryFixture, type ContractFixture } from '@treguesi/event-store/contract'

const fileFixture: ContractFixture = {
  name: 'sqlite file',
  separateConnections: true,
  reopenable: true,
  injectedClock: true,
  globallyUniqueEventIds: true,
  multiProcess: true,
  crashCycles: Number(process.env.TREGUESI_CRASH_CYCLES ?? 30),
  async createStorage(clock) {
    const dir = mkdtempSync(join(tmpdir(), 'treguesi-contract-'))
    const path = join(dir, 'events.db')
    return {
      processEnvironment: { TREGUESI_STORE: 'sqlite', TREGUESI_DB_PATH: path },
      // A small page size makes every read cross page boundaries.
      open: async () => new SqliteEventStore({ path, clock, pageSize: 3, pollIntervalMs: 50 }),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    }
  },
}

const memoryFixture = inMemoryFixture('sqlite :memory:', (clock) => new SqliteEventStore({ path: ':memory:', clock }))

eventStoreContract(t, fileFixture)
eventStoreContract(t, memoryFixture)
