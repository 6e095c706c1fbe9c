import { isTreguesiError, TreguesiError } from '@treguesi/errors'
import type { CommandContext, Decider, DomainEvent, EventEnvelope } from '@treguesi/domain'
import { canonicalCommandId, envelopeFor } from '@treguesi/domain'
import type { ChainedAppendOptions } from '@treguesi/audit'
import type { EventStore, JsonObject } from '@treguesi/event-store'
import { eventIdFor } from './event-ids.js'
import { CommandReads } from './stream-reads.js'

export interface CommandResult<Event> {
  /** The events this command recorded (on a retry: the ones the first handling recorded). */
  readonly events: readonly Event[]
  /** The stream's revision after the command; null when the stream still has no event. */
  readonly revision: bigint | null
  /** Global position of the command's last event; null when it recorded nothing. */
  readonly position: bigint | null
  /** True when this command id had been handled before and nothing was written now. */
  readonly replayed: boolean
}

export interface HandleOptions {
  /** Decisions re-made after a concurrent write before giving up with the conflict. */
  readonly maxAttempts?: number
  /**
   * The stream revision the caller based its command on ('no_stream': the stream must not exist
   * yet). When given, the command is decided against exactly that revision or refused with
   * TRG_STORE_WRONG_EXPECTED_REVISION; it is never re-decided on a newer state, because the
   * caller asked not to overwrite what it has not seen.
   */
  readonly expectedRevision?: bigint | 'no_stream'
  /**
   * The reads of `store` this command shares with what ran before it for the same request (the
   * check of whose it is, say), so that each stream is read once; a fresh set by default.
   */
  readonly reads?: CommandReads
  /**
   * The canonical hash of the command as its sender stated it, kept with its events: the same
   * command id sent with another command is then refused (TRG_COMMAND_ID_REUSED) rather than
   * answered as a retry with the first command's result.
   */
  readonly commandHash?: string
}

/**
 * Loads the stream, decides, and appends with the revision it decided on. When another writer
 * got there first, it loads and decides again (the decision may now be a refusal), up to
 * `maxAttempts` times. A command id already recorded in the stream returns its first result and
 * writes nothing.
 *
 * With `expectedRevision`, the stream must be at exactly that revision when the command is
 * decided and when it is appended; otherwise the conflict is reported, not re-decided. A retried
 * command id is still answered with its first result, whatever the stream's revision is now.
 *
 * `command` may be given as a function that produces it: it then runs on every attempt, after
 * the retry check, so a retried command id returns its first result even if the facts it reads
 * have changed since. Those facts come from `reads`, like the stream's own state: each stream is
 * read once per command, and after a conflict only this stream's new events are read.
 */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  stream: string,
  command: Command | (() => Promise<Command>),
  given: CommandContext,
  options: HandleOptions = {},
): Promise<CommandResult<Event>> {
  const { expectedRevision, commandHash, reads = new CommandReads(store) } = options
  const maxAttempts = expectedRevision === undefined ? (options.maxAttempts ?? 5) : 1
  const context = { ...given, commandId: canonicalCommandId(given.commandId) }
  const envelope: EventEnvelope = { ...envelopeFor(context), ...(commandHash !== undefined && { commandHash }) }
  const reused = () => new TreguesiError('TRG_COMMAND_ID_REUSED', { commandId: context.commandId, field: 'commandId', stream })
  for (let attempt = 1; ; attempt++) {
    const { state, revision, hash, commands } = await reads.load(decider, stream)
    const earlier = commands.get(context.commandId)
    // Events recorded without a hash cannot tell a retry from a reuse: they are answered as retries.
    if (earlier?.commandHash !== undefined && commandHash !== undefined && earlier.commandHash !== commandHash) throw reused()
    if (earlier) return { events: earlier.events as Event[], revision: earlier.revision, position: earlier.position, replayed: true }
    if (expectedRevision !== undefined && expectedRevision !== (revision ?? 'no_stream')) {
      throw new TreguesiError('TRG_STORE_WRONG_EXPECTED_REVISION', { stream, expected: expectedRevision, actual: revision ?? 'no_stream' })
    }
    const current = typeof command === 'function' ? await (command as () => Promise<Command>)() : command
    const events = decider.decide(current, state)
    if (events.length === 0) return { events, revision, position: null, replayed: false }
    // The chain links to the event the decision was made on; the store refuses the append
    // if the stream has moved past it, so a stale hash is never written.
    const place: ChainedAppendOptions =
      revision === null
        ? { expectedRevision: 'no_stream' }
        : { expectedRevision: revision, ...(hash !== undefined && { previousHash: hash }) }
    try {
      const appended = await store.append(
        stream,
        events.map((event, index) => ({
          id: eventIdFor(context.commandId, index),
          type: event.type,
          data: event.data as JsonObject,
          metadata: envelope as unknown as JsonObject,
        })),
        place,
      )
      return { events, revision: appended.nextExpectedRevision, position: appended.position, replayed: false }
    } catch (error) {
      // The event ids derive from the command id: recorded elsewhere, they are another command's.
      if (isTreguesiError(error, 'TRG_STORE_DUPLICATE_EVENT_ID')) throw reused()
      if (!isTreguesiError(error, 'TRG_STORE_WRONG_EXPECTED_REVISION') || attempt >= maxAttempts) throw error
      reads.stale(stream)
    }
  }
}
