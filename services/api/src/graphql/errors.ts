import { isTreguesiError, type ErrorCategory } from '@treguesi/errors'
import { GraphQLError, type GraphQLFormattedError } from 'graphql'

/** GraphQL `extensions.code` for each error category; `trgCode` carries the exact TRG_* code. */
const graphqlCode: Readonly<Record<ErrorCategory, string>> = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  RATE_LIMITED: 'RATE_LIMITED',
  BAD_CONFIGURATION: 'INTERNAL_SERVER_ERROR',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
}

/** Details as JSON: revisions and positions are bigints in the domain, strings on the wire. */
function jsonDetails(details: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(details, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)))
}

/**
 * How an error thrown while executing reaches a client: a TreguesiError with its category as
 * `extensions.code`, its TRG_* code and its details; a GraphQL error (syntax, validation, a
 * bad variable) as GraphQL reports it; anything else as INTERNAL_SERVER_ERROR with no
 * internals, its cause left to the log.
 */
export function formatError(error: GraphQLError, log: (error: unknown) => void): GraphQLFormattedError {
  const original = error.originalError
  if (isTreguesiError(original)) {
    const details = jsonDetails(original.details)
    return {
      ...error.toJSON(),
      message: original.message,
      extensions: {
        code: graphqlCode[original.category],
        trgCode: original.code,
        details,
        ...(typeof details.field === 'string' && { field: details.field }),
      },
    }
  }
  if (original === undefined || original instanceof GraphQLError) return error.toJSON()
  log(original)
  return { message: 'Internal server error', ...(error.path && { path: error.path }), extensions: { code: 'INTERNAL_SERVER_ERROR' } }
}
