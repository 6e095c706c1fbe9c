import { TreguesiError } from '@treguesi/errors'
import {
  commandContextSchema,
  municipality,
  municipalityCommandSchema,
  municipalityStream,
  parseCommand,
  type Decider,
  type DomainEvent,
} from '@treguesi/domain'
import type { EventStore } from '@treguesi/event-store'
import type { z } from 'zod'
import { handleCommand, type CommandResult, type HandleOptions } from './handle-command.js'

/** How the commands of one aggregate are parsed, routed to their stream and decided. */
interface Aggregate<Command extends { type: string }, Event extends DomainEvent, State> {
  readonly name: string
  readonly schema: z.ZodDiscriminatedUnion<z.ZodObject<{ type: z.ZodLiteral<string> }>[], 'type'> & z.ZodType<Command>
  readonly decider: Decider<Command, Event, State>
  readonly streamOf: (command: Command) => string
}

function aggregate<Command extends { type: string }, Event extends DomainEvent, State>(
  definition: Aggregate<Command, Event, State>,
): Aggregate<Command, Event, State> {
  return definition
}

const aggregates = [
  aggregate({
    name: 'municipality',
    schema: municipalityCommandSchema,
    decider: municipality,
    streamOf: (command) => municipalityStream(command.code),
  }),
] as const

type AnyAggregate = Aggregate<{ type: string }, DomainEvent, unknown>

const byCommandType = new Map<string, AnyAggregate>(
  aggregates.flatMap((entry) =>
    entry.schema.options.map((option) => [option.shape.type.value, entry as unknown as AnyAggregate] as const),
  ),
)

/** Every command type Treguesi accepts, for documentation and the API. */
export const commandTypes: readonly string[] = [...byCommandType.keys()].sort()

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
  const type = (input as { type?: unknown } | null)?.type
  const target = typeof type === 'string' ? byCommandType.get(type) : undefined
  if (!target) {
    throw new TreguesiError('TRG_INVALID_COMMAND', {
      command: String(type),
      field: 'type',
      problem: `must be one of ${commandTypes.join(', ')}`,
    })
  }
  const command = parseCommand(type as string, target.schema, input)
  const checkedContext = parseCommand(type as string, commandContextSchema, context)
  return handleCommand(store, target.decider, target.streamOf(command), command, checkedContext, options)
}
