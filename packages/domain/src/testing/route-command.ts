import { aggregateDefinition, definitionOfCommand, type AnyAggregateDefinition } from '../registry.js'
import { parseCommand } from '../shared/parse-command.js'

/**
 * A command checked by its aggregate's schema as it stands, with the aggregate that decides it
 * and the stream it is decided on: for code that runs commands without facts from other
 * aggregates (builders of logs, generators).
 */
export function routeCommand(input: { readonly type: string }): {
  readonly aggregate: AnyAggregateDefinition
  readonly command: { readonly type: string }
  readonly stream: string
} {
  const aggregate = aggregateDefinition(definitionOfCommand(input).aggregate)
  const command = parseCommand(input.type, aggregate.commandSchema, input) as Readonly<Record<string, unknown>> & { readonly type: string }
  return { aggregate, command, stream: aggregate.streamOf(command[aggregate.key.field] as string) }
}
