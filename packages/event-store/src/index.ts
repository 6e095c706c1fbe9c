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
export { recordedAtOf } from './recorded-at.js'
export { upcastingEventStore, type UpcastEvent } from './upcasting-event-store.js'
export { SqliteEventStore, type SqliteEventStoreOptions, type SqliteSync } from './sqlite/sqlite-event-store.js'
export { eventIdBytes } from './sqlite/event-id-bytes.js'
// The EventStoreDB adapter is '@treguesi/event-store/eventstoredb': its gRPC client takes a quarter
// of a second to load, which a service on the embedded store should not pay at every start.
