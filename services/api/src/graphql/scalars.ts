import { periodSchema } from '@treguesi/domain'
import { TreguesiError } from '@treguesi/errors'
import { GraphQLError, GraphQLScalarType, Kind, print, valueFromASTUntyped, type ValueNode } from 'graphql'
import { z } from 'zod'
import type { Resolvers } from './generated/resolvers.js'

/**
 * The custom scalars of schema/scalars.graphql. Each travels as a string and is checked on the
 * way in, whether written in the query or passed as a variable: a bad one is a TRG_INVALID_VALUE
 * (BAD_USER_INPUT) before any resolver runs. On the way out they are checked as well, so a bad
 * figure is an internal error rather than a wrong answer.
 */

const decimalPattern = /^-?\d+(\.\d+)?$/
const positionPattern = /^\d+$/
const dateSchema = z.iso.date()
const dateTimeSchema = z.iso.datetime({ offset: true })

/** Returns the problem with a text, or null when it is a valid value of the scalar. */
type Check = (text: string) => string | null

const checks: Readonly<Record<'Decimal' | 'DateTime' | 'Date' | 'Period' | 'Position', Check>> = {
  Decimal: (text) => (decimalPattern.test(text) ? null : 'must be a decimal number written with a dot, such as "1250.50"'),
  DateTime: (text) =>
    dateTimeSchema.safeParse(text).success ? null : 'must be an ISO 8601 date-time with a time zone, such as 2025-03-01T09:00:00+01:00',
  Date: (text) => (dateSchema.safeParse(text).success ? null : 'must be a date written YYYY-MM-DD, such as 2024-12-31'),
  Period: (text) => (periodSchema.safeParse(text).success ? null : 'must be a year (2024), a half-year (2024-H1) or a quarter (2024-Q3)'),
  Position: (text) => (positionPattern.test(text) ? null : 'must be a log position: a whole number written as a string, such as "42"'),
}

/**
 * A refusal as a GraphQL error that carries its codes itself: graphql-js wraps an error from a
 * variable's coercion in one of its own, which takes over the extensions of the error it wraps
 * but not the TRG_* error below it, so the client sees BAD_USER_INPUT and the TRG_* code either way.
 */
function invalid(type: string, value: string, problem: string, node?: ValueNode): GraphQLError {
  const refusal = new TreguesiError('TRG_INVALID_VALUE', { type, value, problem })
  return new GraphQLError(refusal.message, {
    ...(node && { nodes: node }),
    originalError: refusal,
    extensions: { code: refusal.category, trgCode: refusal.code, details: refusal.details },
  })
}

function stringScalar(name: keyof typeof checks): GraphQLScalarType<string, string> {
  const check = checks[name]
  const accept = (text: string, node?: ValueNode): string => {
    const problem = check(text)
    if (problem !== null) throw invalid(name, text, problem, node)
    return text
  }
  return new GraphQLScalarType<string, string>({
    name,
    // Positions are bigints in the read models; the wire has no integer that large.
    serialize: (value) => (typeof value === 'bigint' ? value.toString() : accept(value as string)),
    parseValue: (value) => {
      if (typeof value !== 'string') throw invalid(name, JSON.stringify(value), 'must be given as a string')
      return accept(value)
    },
    parseLiteral: (node: ValueNode) => {
      if (node.kind !== Kind.STRING) throw invalid(name, print(node), 'must be written as a string, in double quotes', node)
      return accept(node.value, node)
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

export const scalarResolvers: Resolvers = Object.fromEntries(
  Object.entries(scalars).map(([name, scalar]) => [name, functionsOf(scalar)]),
)
