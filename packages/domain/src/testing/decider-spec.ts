import type { Test } from 'tap'
import type { z } from 'zod'
import type { Decider } from '../decider.js'
import { replay } from '../decider.js'
import { parseCommand } from '../shared/parse-command.js'

/** What a decision came to: the events, or the code and details of the refusal. */
export type Outcome<Event> = { events: Event[] } | { error: { code: unknown; details: unknown } }

/** A command as a client sends it. */
export type Input = Readonly<Record<string, unknown>> & { readonly type: string }

/** A command, the events it is decided into, and what the case is called. */
export type Decision = readonly [command: Input, events: readonly object[], message?: string]

/** A command and how it is refused: its code, the details that say why, and what the case is called. */
export type Refusal = readonly [command: Input, code: string, details?: object, message?: string]

/**
 * `base` with `changes`, refused as an invalid command that names `field`, and the problem when
 * one is given; the case is called by the field.
 */
export function invalid(base: Input, changes: object, field: string, problem?: RegExp | string): Refusal {
  return [
    { ...base, ...changes },
    'TRG_INVALID_COMMAND',
    { command: base.type, field, ...(problem === undefined ? {} : { problem }) },
    field,
  ]
}

/** `base` with an amount in the currency `money` names at `field`, refused because `expected` is the one allowed. */
export function wrongCurrency(base: Input, field: string, money: { amount: string; currency: string }, expected: string): Refusal {
  return [{ ...base, [field]: money }, 'TRG_CURRENCY_MISMATCH', { field, expected, actual: money.currency }]
}

/**
 * given(events) / when(command) / then(events | error), after Emmett's decider specs. Commands
 * go in as a client would send them and are parsed by the aggregate's schema first, so a spec
 * covers validation and decision alike:
 * `spec(t, decider, schema).given([...]).when({...}).then([...])` or `.thenFails('TRG_…', details)`.
 * Commands decided or refused on the same history go in a table: `.given([...]).decides([[command, events, message], ...])`,
 * `.given([...]).refuses([[command, code, details], ...])`.
 */
export function spec<Command extends { type: string }, Event, State>(
  t: Test,
  decider: Decider<Command, Event, State>,
  schema: z.ZodType<Command>,
) {
  return {
    given(events: readonly Event[]) {
      const when = (input: Input) => {
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
      }
      return {
        when,
        decides(decisions: readonly Decision[]): void {
          for (const [command, events, message] of decisions) when(command).then(events, message)
        },
        refuses(refusals: readonly Refusal[]): void {
          for (const [command, code, details, message] of refusals) when(command).thenFails(code, details, message)
        },
      }
    },
  }
}
