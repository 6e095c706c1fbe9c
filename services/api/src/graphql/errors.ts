import { isTreguesiError, languages, messageIn, TreguesiError, type ErrorCategory, type Language } from '@treguesi/errors'
import { GraphQLError, type ASTNode, type GraphQLFormattedError } from 'graphql'
import { internalErrorMessage } from '../language.js'

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
 * The extensions a TreguesiError reaches a client with. A request that is not a GraphQL request
 * at all is BAD_REQUEST, as HTTP would call it, rather than its category's BAD_USER_INPUT.
 */
export function extensionsOf(error: TreguesiError): Record<string, unknown> {
  const details = jsonDetails(error.details)
  return {
    code: error.code === 'TRG_BAD_REQUEST' ? 'BAD_REQUEST' : graphqlCode[error.category],
    trgCode: error.code,
    details,
    ...(typeof details.field === 'string' && { field: details.field }),
  }
}

/**
 * A 4xx error of fastify or mercurius (bad JSON, an unsupported media type, a body too large…)
 * as the refusal a client reads: its message says what is wrong with the request.
 */
export function asRequestRefusal(error: Error): TreguesiError {
  return isTreguesiError(error) ? error : new TreguesiError('TRG_BAD_REQUEST', { problem: error.message })
}

/** The refusal each requestRefusal stands for, so that formatError words it in the client's language. */
const refusals = new WeakMap<GraphQLError, TreguesiError>()

/**
 * A refusal raised as a GraphQL error of the request (like a syntax error), carrying its codes
 * itself: it has no original error, so it is answered with the status of GraphQL request errors.
 * `field` is the path of the value refused, for refusals whose details do not name one.
 */
export function requestRefusal(refusal: TreguesiError, { nodes, field }: { nodes?: ASTNode; field?: string } = {}): GraphQLError {
  const error = new GraphQLError(refusal.message, {
    ...(nodes && { nodes }),
    extensions: { ...extensionsOf(refusal), ...(field !== undefined && { field }) },
  })
  refusals.set(error, refusal)
  return error
}

/**
 * The TreguesiError a GraphQL error carrying a TRG_* code was made from: its original error, or
 * the original of an error graphql-js wrapped around it (a scalar's refusal of a variable).
 */
function refusalBehind(error: GraphQLError): TreguesiError | undefined {
  let cause: Error | undefined = error
  while (cause instanceof GraphQLError && !refusals.has(cause)) cause = cause.originalError
  return cause instanceof GraphQLError ? refusals.get(cause) : isTreguesiError(cause) ? cause : undefined
}

/**
 * The message of an error that carries its codes, in `language`. graphql-js words its own
 * errors around the refusal's message (`Variable "$p" got invalid value "x"; <message>`): its
 * words stay as it wrote them, and the refusal's message is replaced by its translation.
 */
function spokenMessage(error: GraphQLError, language: Language): string {
  const refusal = refusalBehind(error)
  return refusal === undefined ? error.message : error.message.replace(refusal.message, () => messageIn(refusal, language))
}

/** graphql-js' wording of a variable's coercion failure: `Variable "$name" <problem>`. */
const coercionFailure =
  /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" ((?:got invalid value|of required type|of non-null type|expected value of type) .*)$/s
/** graphql-js' wording when it cannot tell which operation of the document to run. */
const operationNotSelected =
  /^(?:Must provide an operation\.|Must provide operation name if query contains multiple operations\.|Unknown operation named ".*"\.)$/s
/** graphql-js stops parsing a document of more tokens than its parser was told to take. */
const tooManyTokens = /^Syntax Error: Document contains more that (\d+) tokens\. Parsing aborted\.$/
/** graphql-js gives up coercing variables after this many failures, with this message. */
const tooManyVariableErrors = /^Too many errors processing variables/

/**
 * The stable code of an error graphql-js raised about the request itself, told apart by its
 * wording (graphql-js 16 has no codes): a document longer than the parser takes, a syntax error, a
 * variable that does not coerce, an operation that cannot be chosen, and otherwise a document the
 * schema's rules refuse.
 */
function requestErrorOf(error: GraphQLError): TreguesiError {
  const { message } = error
  const tokens = tooManyTokens.exec(message)
  if (tokens) {
    // The parser stops at the first token past the limit, so that is as many as it counted.
    const maximum = Number(tokens[1])
    return new TreguesiError('TRG_LIMIT_EXCEEDED', { limit: 'tokens in the document', maximum, actual: maximum + 1 })
  }
  if (message.startsWith('Syntax Error: ')) {
    // graphql-js raises a syntax error at the place in the source where it found it.
    const { line, column } = error.locations![0]!
    return new TreguesiError('TRG_QUERY_SYNTAX', { problem: message.slice('Syntax Error: '.length), line, column })
  }
  const variable = coercionFailure.exec(message)
  if (variable) return new TreguesiError('TRG_VARIABLE_INVALID', { variable: variable[1]!, problem: variable[2]! })
  if (tooManyVariableErrors.test(message)) return new TreguesiError('TRG_VARIABLE_INVALID', { variable: '*', problem: message })
  if (operationNotSelected.test(message)) return new TreguesiError('TRG_BAD_REQUEST', { problem: message })
  return new TreguesiError('TRG_QUERY_INVALID', { problem: message })
}

/**
 * How an error reaches a client, its message in `language`: a TreguesiError with its category
 * as `extensions.code`, its TRG_* code and its details; a GraphQL error that already carries its
 * codes (a scalar's, a refusal of this service) as it is; any other GraphQL error (syntax,
 * validation, a variable) with the code requestErrorOf finds; anything else as
 * INTERNAL_SERVER_ERROR with no internals, its cause left to the log. Without a language, in
 * that of a caller who names none.
 */
export function formatError(error: GraphQLError, log: (error: unknown) => void, language: Language = languages[0]): GraphQLFormattedError {
  const original = error.originalError
  if (isTreguesiError(original)) return { ...error.toJSON(), message: messageIn(original, language), extensions: extensionsOf(original) }
  if (original === undefined || original instanceof GraphQLError) {
    if (typeof error.extensions.trgCode === 'string') return { ...error.toJSON(), message: spokenMessage(error, language) }
    const refusal = requestErrorOf(error)
    return { ...error.toJSON(), message: messageIn(refusal, language), extensions: extensionsOf(refusal) }
  }
  log(original)
  return { message: internalErrorMessage[language], ...(error.path && { path: error.path }), extensions: { code: 'INTERNAL_SERVER_ERROR' } }
}
