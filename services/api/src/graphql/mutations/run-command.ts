import { CommandReads, executeCommand, References } from '@treguesi/commands'
import { canonicalCommandId } from '@treguesi/domain'
import { authorizeCommand } from '../../access/policy.js'
import type { GraphQLContext } from '../context.js'
import { ensureConsistent } from '../queries/consistency.js'
import { commandFields, expectedRevisionOf, type CommandFields, type CommandInput } from './command-input.js'

/** What every payload says of the command, besides the entity it affected. */
export interface CommandOutcome {
  readonly commandId: string
  readonly position: string | null
  readonly revision: number
  readonly replayed: boolean
  readonly eventTypes: string[]
}

/**
 * Runs one command for the caller: the policy first (a refusal writes nothing), then the
 * command's handling with the caller as the actor, then a wait until the read models have
 * applied what it wrote, so the entity the payload returns shows the write.
 *
 * `fields` turns the input into the command's fields; it runs after the policy, so an anonymous
 * or read-only caller learns nothing about the shape of a command it may not send.
 */
export async function runCommand<Input extends CommandInput>(
  context: GraphQLContext,
  type: string,
  input: Input,
  fields: (command: string, input: Input) => CommandFields = (_command, given) => commandFields(given),
): Promise<CommandOutcome> {
  const { principal, store } = context
  const commandId = canonicalCommandId(input.commandId)
  // The policy and the handling share their reads: each stream is read once per command.
  const reads = new CommandReads(store)
  const municipality = await authorizeCommand(principal, { type, ...commandFields(input) }, new References(reads))
  const command = { ...fields(type, input), type }
  const commandContext = {
    commandId,
    // The policy only lets signed-in admins and editors through, and their tokens name them.
    actor: { id: principal.id!, role: principal.role, ...(municipality !== undefined && { municipality }) },
    // The domain takes business time from its commands; left out, it is now at the edge.
    occurredAt: input.occurredAt ?? new Date().toISOString(),
  }
  const expectedRevision = expectedRevisionOf(type, input)
  const result = await executeCommand(store, command, commandContext, {
    reads,
    ...(expectedRevision !== undefined && { expectedRevision }),
  })
  const position = result.position === null ? null : result.position.toString()
  await ensureConsistent(context, position)
  return {
    commandId,
    position,
    // An accepted command leaves its stream with an event: it wrote one, or it was decided (or
    // answered as a retry) from the events there, since every other command on an entity that
    // does not exist is refused.
    revision: Number(result.revision!),
    replayed: result.replayed,
    eventTypes: result.events.map((event) => event.type),
  }
}
