import { aggregateDefinition, commandKeySchema, definitionOfCommand, type AnyAggregateDefinition } from '../registry.js'
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
  const name = definitionOfCommand(input).aggregate
  const aggregate = aggregateDefinition(name)
  const command = parseCommand(input.type, aggregate.commandSchema, input) as Readonly<Record<string, unknown>> & { readonly type: string }
  return { aggregate, command, stream: aggregate.streamOf(parseCommand(input.type, commandKeySchema(name), input)) }
}
