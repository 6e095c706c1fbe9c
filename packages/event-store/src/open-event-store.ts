import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { StoreConfig } from './config.js'
import type { EventStore } from './port.js'
import { SqliteEventStore } from './sqlite/sqlite-event-store.js'

export interface OpenOptions {
  /** Record time of appended events (the SQLite adapter; EventStoreDB records its own). */
  readonly clock?: () => Date
}

/** Opens the store the configuration names; the SQLite file's folder is created if missing. */
export async function openEventStore(config: StoreConfig, options: OpenOptions = {}): Promise<EventStore> {
  if (config.store === 'eventstoredb') {
    // Loaded only when configured (see index.ts).
    const { EventStoreDbEventStore } = await import('./eventstoredb/eventstoredb-event-store.js')
    return EventStoreDbEventStore.connect({ connectionString: config.connectionString })
  }
  if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true })
  return new SqliteEventStore({ path: config.path, sync: config.sync, ...options })
}
