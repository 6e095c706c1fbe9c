import {
  aggregateDefinition,
  aggregates,
  commandContextSchema,
  definitionOfCommand,
  parseCommand,
  type AggregateName,
  type DomainEvent,
} from '@treguesi/domain'
import { canonicalHash } from '@treguesi/audit'
import type { EventStore } from '@treguesi/event-store'
import { z } from 'zod'
import { handleCommand, type CommandResult, type HandleOptions } from './handle-command.js'
import { prepareCommand, type RawCommand } from './prepare-command.js'
import { References } from './references.js'
import { CommandReads } from './stream-reads.js'

/** Each aggregate's key field as a schema of its own, checked before anything is read. */
const keySchemas = Object.fromEntries(
  (Object.keys(aggregates) as AggregateName[]).map((name) => {
    const { field, schema } = aggregateDefinition(name).key
    return [name, z.object({ [field]: schema })]
  }),
) as Record<AggregateName, z.ZodObject>

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
  const key = Object.values(parseCommand(raw.type, keySchemas[definition.aggregate], raw))[0] as string
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
