export type * from './port.js'
export {
  loadStoreConfig,
  parseStoreConfig,
  type ConfigIssue,
  type StoreConfig,
  type StoreConfigDefaults,
} from './config.js'
export { openEventStore, type OpenOptions } from './open-event-store.js'
export { maxPosition } from './validation.js'
export { upcastingEventStore, type UpcastEvent } from './upcasting-event-store.js'
export { SqliteEventStore, type SqliteEventStoreOptions, type SqliteSync } from './sqlite/sqlite-event-store.js'
export { eventIdBytes } from './sqlite/event-id-bytes.js'
export {
  EventStoreDbEventStore,
  type EventStoreDbEventStoreOptions,
} from './eventstoredb/eventstoredb-event-store.js'
