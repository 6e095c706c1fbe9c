import {
  aggregateDefinition,
  commandContextSchema,
  commandKeySchema,
  definitionOfCommand,
  parseCommand,
  type DomainEvent,
} from '@treguesi/domain'
import { canonicalHash } from '@treguesi/audit'
import type { EventStore } from '@treguesi/event-store'
import { handleCommand, type CommandResult, type HandleOptions } from './handle-command.js'
import { prepareCommand, type RawCommand } from './prepare-command.js'
import { References } from './references.js'
import { CommandReads } from './stream-reads.js'

/**
 * Validates a command and its context as a client sent them, routes it to its aggregate's stream
 * and handles it. Every refusal is a TreguesiError naming the field or rule.
 */
export async function executeCommand(
  store: EventStore,
  input: unknown,
  context: unknown,
  options?: HandleOptions,
): Promise<CommandResult<DomainEvent>> {
  const definition = definitionOfCommand(input)
  const raw = input as RawCommand
  const target = aggregateDefinition(definition.aggregate)
  const checkedContext = parseCommand(raw.type, commandContextSchema, context)
  const key = parseCommand(raw.type, commandKeySchema(definition.aggregate), raw)
  const { needs } = definition
  // One set of reads for the command's own stream and the facts it needs from others.
  const reads = options?.reads ?? new CommandReads(store)
  const references = new References(reads)
  const command = async () =>
    parseCommand(raw.type, target.commandSchema, needs === null ? raw : await prepareCommand[needs](raw, references, definition.aggregate))
  return handleCommand(store, target.decider, target.streamOf(key), command, checkedContext, {
    ...options,
    reads,
    commandHash: canonicalHash(raw),
  })
}
