import { isTreguesiError, TreguesiError, type ErrorDetails, type TreguesiErrorCode } from '@treguesi/errors'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql'
import type { GraphQLContext } from './context.js'
import { formatError } from './errors.js'

/**
 * An answer read in-process: its data and the position of the log it reflects (null for an empty
 * log), or the refusal of its first error.
 */
export type GraphAnswer<T> =
  | { readonly data: T; readonly position: bigint | null; readonly refusal?: undefined }
  | { readonly data?: undefined; readonly refusal: TreguesiError }

/**
 * Runs a document of this service's own against the schema, for the caller of `request`, with the
 * same resolvers, rights, limits and snapshot rules as a request to /graphql: the pages are one
 * more client of the API, not a second way into the read models.
 */
export type ReadGraph = <T>(
  request: FastifyRequest,
  reply: FastifyReply,
  document: string,
  variables: Readonly<Record<string, unknown>>,
) => Promise<GraphAnswer<T>>

/** A failure that is no refusal is the service's own fault: thrown on, for the server to answer and log. */
const rethrow = (cause: unknown): never => {
  throw cause
}

/**
 * The refusal an error names, as the error it was. Mercurius hands an execution's errors over as
 * the service's error formatter wrote them (plain objects with the code and details); what it
 * refused before running, as GraphQL errors.
 */
function refusalOf(error: GraphQLError | GraphQLFormattedError): TreguesiError {
  if (error instanceof GraphQLError && isTreguesiError(error.originalError)) return error.originalError
  const { extensions } = error instanceof GraphQLError ? formatError(error, rethrow) : error
  const code = extensions?.trgCode
  if (typeof code !== 'string') throw new Error(`a page's read failed: ${error.message}`)
  return new TreguesiError(code as TreguesiErrorCode, extensions!.details as ErrorDetails[TreguesiErrorCode])
}

export function inProcessReader(app: FastifyInstance, contextOf: (request: FastifyRequest) => GraphQLContext): ReadGraph {
  return async <T>(
    request: FastifyRequest,
    reply: FastifyReply,
    document: string,
    variables: Readonly<Record<string, unknown>>,
  ): Promise<GraphAnswer<T>> => {
    const context = { ...contextOf(request), reply }
    let result: ExecutionResult
    try {
      result = await app.graphql(document, context as never, { ...variables })
    } catch (error) {
      // Mercurius throws what it refused before running (a variable that does not coerce) with the GraphQL errors listed.
      const listed = (error as { errors?: GraphQLError[] }).errors
      if (listed?.[0] === undefined) throw error
      return { refusal: refusalOf(listed[0]) }
    }
    // The formatter leaves one refusal for an answer cut short by its budget.
    const first = (result.errors as ReadonlyArray<GraphQLError | GraphQLFormattedError> | undefined)?.[0]
    if (first !== undefined) return { refusal: refusalOf(first) }
    // Resolvers move `models` to the snapshot they answered from (an asOf, a consistentWith).
    return { data: result.data as unknown as T, position: context.models.position }
  }
}
