import { TreguesiError } from '@treguesi/errors'
import type { BreakdownInput, TargetInput } from '../generated/resolvers.js'
import { fromEnum } from '../models.js'

/** The fields every mutation input has besides the command's own. */
export interface CommandInput {
  readonly commandId: string
  readonly expectedRevision?: number | null | undefined
  readonly occurredAt?: string | null | undefined
}

/** A command's fields as its schema in the domain expects them, before that schema checks them. */
export type CommandFields = Record<string, unknown>

/**
 * GraphQL lets a client send null for an optional field; the commands' schemas know a field as
 * given or left out. Null is read as left out, at any depth.
 */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null && field !== undefined)
      .map(([key, field]) => [key, withoutNulls(field)]),
  )
}

/** The command's own fields of a mutation input: all but commandId, expectedRevision and occurredAt. */
export function commandFields(input: CommandInput): CommandFields {
  const { commandId: _commandId, expectedRevision: _expected, occurredAt: _occurredAt, ...fields } = input
  return withoutNulls(fields) as CommandFields
}

function invalid(command: string, field: string, problem: string): TreguesiError<'TRG_INVALID_COMMAND'> {
  return new TreguesiError('TRG_INVALID_COMMAND', { command, field, problem })
}

/**
 * The stream revision a client based its command on: -1 for an entity that does not exist yet,
 * otherwise the 0-based revision a payload returned.
 */
export function expectedRevisionOf(command: string, input: CommandInput): bigint | 'no_stream' | undefined {
  const { expectedRevision } = input
  if (expectedRevision === null || expectedRevision === undefined) return undefined
  if (expectedRevision === -1) return 'no_stream'
  if (expectedRevision < -1)
    throw invalid(command, 'expectedRevision', 'must be -1 (the entity does not exist yet) or a revision, 0 or above')
  return BigInt(expectedRevision)
}

/** The fields each kind of target has; a field of another kind would be silently dropped, so it is refused. */
const targetFields: Readonly<Record<TargetInput['kind'], readonly string[]>> = {
  absolute: ['value'],
  relative: ['changePercent', 'over'],
  range: ['lower', 'upper'],
  milestone: [],
  band: ['lower', 'upper'],
}

/** A target input as the domain's target: its kind and that kind's fields, with enum values as the domain writes them. */
export function targetOf(command: string, target: TargetInput): CommandFields {
  const { kind, ...given } = withoutNulls(target) as TargetInput
  const fields = targetFields[kind]
  const stray = Object.keys(given).find((field) => !fields.includes(field))
  if (stray !== undefined) throw invalid(command, `target.${stray}`, `is not part of a ${kind} target`)
  return { ...given, kind, ...(given.over && { over: fromEnum(given.over) }) }
}

/**
 * Breakdowns as the domain records them, by dimension then category. A dimension or category
 * given twice would lose one of its figures, so it is refused.
 */
export function breakdownOf(command: string, breakdowns: readonly BreakdownInput[]): Record<string, Record<string, string>> {
  const dimensions = new Set<string>()
  return Object.fromEntries(
    breakdowns.map(({ dimension, categories }) => {
      if (dimensions.has(dimension)) throw invalid(command, `breakdown.${dimension}`, 'is given twice')
      dimensions.add(dimension)
      const seen = new Set<string>()
      const parts = categories.map(({ category, value }) => {
        if (seen.has(category)) throw invalid(command, `breakdown.${dimension}.${category}`, 'is given twice')
        seen.add(category)
        return [category, value] as const
      })
      // Built from entries, so a category named like an Object property is still just a key.
      return [dimension, Object.fromEntries(parts)] as const
    }),
  )
}
