import { chainedEventStore } from '@treguesi/audit'
import { assertUpcastersComplete, upcasters, upcastWith, type Upcaster } from '@treguesi/domain'
import { openEventStore, upcastingEventStore, type EventStore, type OpenOptions, type StoreConfig } from '@treguesi/event-store'

/**
 * The store as the domain uses it, and the same log as recorded: verification, seals and export
 * work on events exactly as they were written (upcasting changes types and data, and with them
 * every hash).
 */
export interface DomainStore extends EventStore {
  readonly recorded: EventStore
}

export interface DomainStoreOptions extends OpenOptions {
  /** The upcasters to read superseded event versions with; the domain's own by default. */
  readonly upcasters?: readonly Upcaster[]
}

/**
 * Opens the store the configuration names as the domain reads and writes it: every append is
 * hash-chained to its stream's previous event (tamper evidence, see @treguesi/audit), and every
 * read path (streams, the whole log, subscriptions) gives each event as its current version, so
 * deciders and projections never see a superseded one. The chain sits under the upcasting view:
 * hashes are over events as recorded. Fails before opening anything, with TRG_UPCASTER_MISSING
 * naming the type, when a superseded type cannot be upcast to a current one.
 */
export async function openDomainStore(config: StoreConfig, options: DomainStoreOptions = {}): Promise<DomainStore> {
  const { upcasters: registry = upcasters, ...open } = options
  assertUpcastersComplete(registry)
  const recorded = chainedEventStore(await openEventStore(config, open))
  return { ...upcastingEventStore(recorded, upcastWith(registry)), recorded }
}
