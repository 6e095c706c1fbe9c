import type { StoreConfig } from '@treguesi/event-store'

/**
 * Where the read models' checkpoints of a log live: the configured directory
 * (TREGUESI_CHECKPOINT_DIR) when there is one; otherwise beside an SQLite database file, in
 * `<file>.checkpoints`. A private in-memory log, and an EventStoreDB log without a configured
 * directory (a replica has no file of its own to sit beside), have none: every start folds them
 * from the beginning.
 */
export function checkpointDirectory(store: StoreConfig, configured: string | undefined): string | null {
  if (configured !== undefined && configured !== '') return configured
  if (store.store === 'sqlite' && store.path !== ':memory:') return `${store.path}.checkpoints`
  return null
}
