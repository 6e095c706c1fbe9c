import {
  commandContextSchema,
  parseCommand,
  readModelRebuilds,
  readModelRebuildsStream,
  recordForcedRebuildSchema,
  type ReadModelRebuildEvent,
} from '@treguesi/domain'
import type { EventStore } from '@treguesi/event-store'
import { handleCommand, type CommandResult } from './handle-command.js'

/**
 * Records that an admin had rebuilt read models swapped in past a failed verification or
 * differing hashes. Not one of the commands a client sends (see executeCommand): it is part of
 * the rebuild itself, which states what it found. Handled like every command, so a retry of the
 * same command id records nothing twice and the envelope says who and when.
 */
export async function recordForcedRebuild(
  store: EventStore,
  input: unknown,
  context: unknown,
): Promise<CommandResult<ReadModelRebuildEvent>> {
  const command = parseCommand('RecordForcedRebuild', recordForcedRebuildSchema, input)
  const checkedContext = parseCommand('RecordForcedRebuild', commandContextSchema, context)
  return handleCommand(store, readModelRebuilds, readModelRebuildsStream, command, checkedContext)
}
