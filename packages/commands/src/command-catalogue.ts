import { TreguesiError } from '@treguesi/errors'
import {
  budgetLine,
  budgetLineCommandSchema,
  budgetLineStream,
  commandContextSchema,
  indicator,
  indicatorCommandSchema,
  indicatorStream,
  municipality,
  municipalityCodeSchema,
  municipalityCommandSchema,
  municipalityStream,
  parseCommand,
  plan,
  planCommandSchema,
  planStream,
  type Decider,
  type DomainEvent,
} from '@treguesi/domain'
import type { EventStore } from '@treguesi/event-store'
import { z } from 'zod'
import { handleCommand, type CommandResult, type HandleOptions } from './handle-command.js'
import { prepareCommand, type RawCommand } from './prepare-command.js'
import { References } from './references.js'
import { CommandReads } from './stream-reads.js'

/** How the commands of one aggregate are parsed, routed to their stream and decided. */
interface Aggregate<Command extends { type: string }, Event extends DomainEvent, State> {
  readonly schema: z.ZodDiscriminatedUnion<z.ZodObject<{ type: z.ZodLiteral<string> }>[], 'type'> & z.ZodType<Command>
  readonly decider: Decider<Command, Event, State>
  /** The field that names the aggregate's stream, checked before anything is read. */
  readonly key: z.ZodObject
  readonly streamOf: (key: string) => string
}

function aggregate<Command extends { type: string }, Event extends DomainEvent, State>(
  definition: Aggregate<Command, Event, State>,
): Aggregate<Command, Event, State> {
  return definition
}

const id = z.uuid({ message: 'must be a UUID' })

const aggregates = [
  aggregate({
    schema: municipalityCommandSchema,
    decider: municipality,
    key: z.object({ code: municipalityCodeSchema }),
    streamOf: municipalityStream,
  }),
  aggregate({ schema: planCommandSchema, decider: plan, key: z.object({ planId: id }), streamOf: planStream }),
  aggregate({
    schema: indicatorCommandSchema,
    decider: indicator,
    key: z.object({ indicatorId: id }),
    streamOf: indicatorStream,
  }),
  aggregate({
    schema: budgetLineCommandSchema,
    decider: budgetLine,
    key: z.object({ budgetLineId: id }),
    streamOf: budgetLineStream,
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
  const raw = input as RawCommand
  const checkedContext = parseCommand(raw.type, commandContextSchema, context)
  const key = Object.values(parseCommand(raw.type, target.key, raw))[0] as string
  const prepare = prepareCommand[raw.type]
  // One set of reads for the command's own stream and the facts it needs from others.
  const reads = options?.reads ?? new CommandReads(store)
  const references = new References(reads)
  const command = async () => parseCommand(raw.type, target.schema, prepare ? await prepare(raw, references) : raw)
  return handleCommand(store, target.decider, target.streamOf(key), command, checkedContext, { ...options, reads })
}
