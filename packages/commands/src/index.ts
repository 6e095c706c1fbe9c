export { handleCommand, type CommandResult, type HandleOptions } from './handle-command.js'
export { eventIdFor } from './event-ids.js'
export { executeCommand, commandTypes } from './command-catalogue.js'
export { openDomainStore, type DomainStore, type DomainStoreOptions } from './open-domain-store.js'
