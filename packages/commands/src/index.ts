export { handleCommand, type CommandResult, type HandleOptions } from './handle-command.js'
export { eventIdFor } from './event-ids.js'
export { executeCommand } from './command-catalogue.js'
// The commands a client may send, with the function that runs them.
export { commandTypes } from '@treguesi/domain'
export { openDomainStore, type DomainStore, type DomainStoreOptions } from './open-domain-store.js'
export { recordForcedRebuild } from './record-forced-rebuild.js'
export { References } from './references.js'
export { CommandReads, StreamCache, streamCacheOf, type FoldedStream, type RecordedCommand } from './stream-reads.js'
