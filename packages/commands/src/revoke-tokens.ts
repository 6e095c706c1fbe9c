import {
  commandContextSchema,
  parseCommand,
  revokeTokensSchema,
  tokenRevocations,
  tokenRevocationsStream,
  type TokenRevocationEvent,
} from '@treguesi/domain'
import type { EventStore } from '@treguesi/event-store'
import { handleCommand, type CommandResult } from './handle-command.js'

/**
 * Records the revocation of a subject's tokens. Not one of the plan commands a client sends
 * (see executeCommand): an admin's act on access itself. Handled like every command, so a retry
 * of the same command id records nothing twice and the envelope says who and when.
 */
export async function revokeTokens(store: EventStore, input: unknown, context: unknown): Promise<CommandResult<TokenRevocationEvent>> {
  const command = parseCommand('RevokeTokens', revokeTokensSchema, input)
  const checkedContext = parseCommand('RevokeTokens', commandContextSchema, context)
  return handleCommand(store, tokenRevocations, tokenRevocationsStream, command, checkedContext)
}
