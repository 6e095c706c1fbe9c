import type { Test } from 'tap'
import type { z } from 'zod'
import type { Decider } from '../decider.js'
import { replay } from '../decider.js'
import { parseCommand } from '../shared/parse-command.js'

/** What a decision came to: the events, or the code and details of the refusal. */
export type Outcome<Event> = { events: Event[] } | { error: { code: unknown; details: unknown } }

/**
 * given(events) / when(command) / then(events | error), after Emmett's decider specs. Commands
 * go in as a client would send them and are parsed by the aggregate's schema first, so a spec
 * covers validation and decision alike:
 * `spec(t, decider, schema).given([...]).when({...}).then([...])` or `.thenFails('TRG_…', details)`.
 */
export function spec<Command extends { type: string }, Event, State>(
  t: Test,
  decider: Decider<Command, Event, State>,
  schema: z.ZodType<Command>,
) {
  return {
    given(events: readonly Event[]) {
      return {
        when(input: Readonly<Record<string, unknown>> & { readonly type: string }) {
          let result: Outcome<Event>
          try {
            const command = parseCommand(input.type, schema, input)
            result = { events: decider.decide(command, replay(decider, events)) }
          } catch (error) {
            const { code, details } = error as { code?: unknown; details?: unknown }
            result = { error: { code, details } }
          }
          return {
            then(expected: readonly object[], message = 'decides these events'): void {
              t.same(result, { events: expected }, message)
            },
            thenFails(code: string, details: object = {}, message: string = code): void {
              t.match(result, { error: { code, details } }, message)
            },
          }
        },
      }
    },
  }
}
