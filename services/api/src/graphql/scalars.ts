import { dateSchema, dateTimeSchema, decimalProblem, periodProblem } from '@treguesi/domain'
import { TreguesiError } from '@treguesi/errors'
import { maxPosition } from '@treguesi/event-store'
import { GraphQLError, GraphQLScalarType, Kind, print, valueFromASTUntyped, type ValueNode } from 'graphql'
import { z } from 'zod'
import { extensionsOf } from './errors.js'
import type { Resolvers } from './generated/resolvers.js'

/**
 * The custom scalars of schema/scalars.graphql. Each travels as a string and is checked on the
 * way in, whether written in the query or passed as a variable, by the same rules the domain
 * applies to a command's fields (plausible years, digits a figure may have, positions a log can
 * hold): a bad one is a TRG_INVALID_VALUE (BAD_USER_INPUT) before any resolver runs. On the way
 * out only their form is checked, so a figure recorded before a rule existed is still shown,
 * while a value of the wrong form is an error rather than a wrong answer.
 */

/** Returns the problem with a text, or null when it is a valid value of the scalar. */
type Check = (text: string) => string | null

const problemOf =
  (schema: z.ZodType): Check =>
  (text) =>
    schema.safeParse(text).error?.issues[0]?.message ?? null

const matching =
  (pattern: RegExp, problem: string): Check =>
  (text) =>
    pattern.test(text) ? null : problem

const positionForm = 'a log position: a whole number written as a string, such as "42"'

/**
 * Why `text` is not a position of the log, or null when it is one. `form` says what the field
 * takes, for a field that describes its positions in its own words.
 */
export function positionProblem(text: string, form = positionForm): string | null {
  if (!/^\d+$/.test(text)) return `must be ${form}`
  // Only a number of at most 19 digits can be as small as 2^63 - 1, so no long text is converted.
  const digits = text.replace(/^0+(?=\d)/, '')
  return digits.length <= 19 && BigInt(digits) <= maxPosition ? null : `must be at most ${maxPosition} (2^63 - 1)`
}

type ScalarName = 'Decimal' | 'DateTime' | 'Date' | 'Period' | 'Position'

const checks: Readonly<Record<ScalarName, { readonly input: Check; readonly output: Check }>> = {
  Decimal: {
    input: (text) => decimalProblem(text),
    output: matching(/^-?\d+(\.\d+)?$/, 'must be a decimal number written with a dot'),
  },
  DateTime: { input: problemOf(dateTimeSchema), output: problemOf(z.iso.datetime({ offset: true })) },
  Date: { input: problemOf(dateSchema), output: problemOf(z.iso.date()) },
  Period: { input: (text) => periodProblem(text), output: matching(/^\d{4}(-(H[12]|Q[1-4]))?$/, 'must be a period') },
  Position: { input: (text) => positionProblem(text), output: matching(/^\d+$/, 'must be a log position') },
}

/** A value as an error quotes it: a long one is cut short, so a refusal never echoes megabytes. */
function quoted(text: string): string {
  return text.length <= 100 ? text : `${text.slice(0, 60)}… (${text.length} characters)`
}

/**
 * A refusal as a GraphQL error that carries its codes itself: graphql-js wraps an error from a
 * variable's coercion in one of its own, which takes over the extensions of the error it wraps
 * but not the TRG_* error below it, so the client sees BAD_USER_INPUT and the TRG_* code either way.
 */
function invalid(type: string, value: string, problem: string, node?: ValueNode): GraphQLError {
  const refusal = new TreguesiError('TRG_INVALID_VALUE', { type, value: quoted(value), problem })
  return new GraphQLError(refusal.message, { ...(node && { nodes: node }), originalError: refusal, extensions: extensionsOf(refusal) })
}

function stringScalar(name: ScalarName): GraphQLScalarType<string, string> {
  const { input, output } = checks[name]
  const accept = (check: Check, text: string, node?: ValueNode): string => {
    const problem = check(text)
    if (problem !== null) throw invalid(name, text, problem, node)
    return text
  }
  return new GraphQLScalarType<string, string>({
    name,
    // Positions are bigints in the read models; the wire has no integer that large.
    serialize: (value) => (typeof value === 'bigint' ? value.toString() : accept(output, value as string)),
    parseValue: (value) => {
      if (typeof value !== 'string') throw invalid(name, JSON.stringify(value), 'must be given as a string')
      return accept(input, value)
    },
    parseLiteral: (node: ValueNode) => {
      if (node.kind !== Kind.STRING) throw invalid(name, print(node), 'must be written as a string, in double quotes', node)
      return accept(input, node.value, node)
    },
  })
}

export const scalars = {
  Decimal: stringScalar('Decimal'),
  DateTime: stringScalar('DateTime'),
  Date: stringScalar('Date'),
  Period: stringScalar('Period'),
  Position: stringScalar('Position'),
  JSON: new GraphQLScalarType<unknown, unknown>({
    name: 'JSON',
    serialize: (value) => value,
    parseValue: (value) => value,
    parseLiteral: (node, variables) => valueFromASTUntyped(node, variables),
  }),
}

/**
 * mercurius copies every own property of a scalar resolver onto the schema's scalar type, so
 * only the three functions are handed over: the schema keeps its own names and descriptions.
 */
function functionsOf(scalar: GraphQLScalarType): GraphQLScalarType {
  const { serialize, parseValue, parseLiteral } = scalar
  return { serialize, parseValue, parseLiteral } as GraphQLScalarType
}

export const scalarResolvers: Resolvers = Object.fromEntries(Object.entries(scalars).map(([name, scalar]) => [name, functionsOf(scalar)]))
