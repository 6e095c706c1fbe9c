import { longestText, textProblem } from '@treguesi/domain'
import { TreguesiError } from '@treguesi/errors'
import { answerRefusal } from '../protection/refusal.js'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import {
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  type ASTNode,
  type DocumentNode,
  type ParseOptions,
  type ValidationRule,
} from 'graphql'
import { documentBounds, documentRefused, mostNamesakes, nestingOf } from './document-bounds.js'
import { requestRefusal } from './errors.js'

/*
 * What a request must be before GraphQL runs it, checked where each thing can first be seen, so
 * that a malformed request is refused with its code instead of reaching code that assumes better:
 * - the request's parameters (query, operationName, variables, extensions), as sent;
 * - every string a caller sends, in variables or written in the document;
 * - the document: text that is JSON rather than GraphQL, an operation a GET cannot pick, a
 *   subscription sent over HTTP.
 */

/** Not a GraphQL request at all: answered with `statusCode`, as TRG_BAD_REQUEST. */
function badRequest(problem: string, statusCode = 400): TreguesiError<'TRG_BAD_REQUEST'> & { readonly statusCode: number } {
  return Object.assign(new TreguesiError('TRG_BAD_REQUEST', { problem }), { statusCode })
}

type Parameters = Record<string, unknown>

/** A GET, or the HEAD fastify answers like it: its parameters are in the query string. */
const readsQueryString = (request: FastifyRequest): boolean => request.method === 'GET' || request.method === 'HEAD'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The request's parameters as a POST body or a GET query string holds them: a GET's variables
 * and extensions are JSON text, decoded here. Anything but the shapes the GraphQL-over-HTTP spec
 * gives them is refused, before a framework coerces a number into a query string or a list into
 * variables.
 */
function parametersOf(request: FastifyRequest): Parameters | undefined {
  if (!readsQueryString(request)) return isObject(request.body) ? request.body : undefined
  const given = request.query as Parameters
  for (const [name, value] of Object.entries(given)) {
    if (typeof value !== 'string') throw badRequest(`the query string gives ${name} more than once`)
  }
  const decoded: Parameters = { ...given }
  for (const name of ['variables', 'extensions'] as const) {
    const text = given[name] as string | undefined
    if (text === undefined) continue
    try {
      decoded[name] = JSON.parse(text)
    } catch {
      throw badRequest(`${name} must be a JSON object, URL-encoded`)
    }
  }
  return decoded
}

const maxOperationName = 256

function checkParameters({ query, operationName, variables, extensions }: Parameters): void {
  if (query !== undefined && typeof query !== 'string') throw badRequest('query must be a string: the GraphQL document')
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    throw badRequest('operationName must be a string or null')
  }
  // A name in the document: GraphQL names are short, and a long one is echoed in every refusal.
  if (typeof operationName === 'string' && operationName.length > maxOperationName) {
    throw badRequest(`operationName must be at most ${maxOperationName} characters`)
  }
  if (variables !== undefined && variables !== null && !isObject(variables)) throw badRequest('variables must be a JSON object or null')
  if (extensions !== undefined && extensions !== null && !isObject(extensions)) throw badRequest('extensions must be a JSON object or null')
}

/** The problem of a string a caller sends: longer than any field takes, a NUL, half a surrogate pair... */
const stringProblem = (text: string): string | null => textProblem(text, longestText)

/** A string that breaks the rules every string keeps, with the path it was found at. */
interface StringFault {
  readonly path: string
  readonly problem: string
}

/**
 * The first string in a JSON value that breaks the rules, walked without recursion: variables
 * nested a hundred thousand levels deep are walked like any others.
 */
function stringFaultIn(value: unknown, name: string): StringFault | undefined {
  const pending: Array<{ readonly value: unknown; readonly path: string }> = [{ value, path: name }]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value === 'string') {
      const problem = stringProblem(next.value)
      if (problem !== null) return { path: next.path, problem }
    } else if (typeof next.value === 'object' && next.value !== null) {
      for (const [key, item] of Object.entries(next.value)) pending.push({ value: item, path: `${next.path}.${key}` })
    }
  }
  return undefined
}

/** Variables as a caller sends them: every string in them must keep the rules every string keeps. */
function checkVariableStrings(variables: unknown): void {
  if (!isObject(variables)) return
  for (const [name, value] of Object.entries(variables)) {
    const fault = stringFaultIn(value, name)
    if (fault !== undefined) {
      const refusal = new TreguesiError('TRG_VARIABLE_INVALID', { variable: fault.path, problem: fault.problem })
      throw requestRefusal(refusal, { field: fault.path })
    }
  }
}

/**
 * Strings written in the document: every string literal, named by the argument (or variable
 * default) it is in and its place inside it, such as `input.title.sq` or `types.2`.
 */
export const stringLiteralsRule: ValidationRule = (context) => ({
  StringValue(node, _key, parent, keys, ancestors) {
    const problem = stringProblem(node.value)
    if (problem === null) return
    const path = literalPath([...ancestors, parent!], keys)
    const refusal = new TreguesiError('TRG_QUERY_INVALID', { problem: `${path} ${problem}` })
    context.reportError(requestRefusal(refusal, { nodes: node, field: path }))
  },
})

/** The path of a literal from its containers, outermost first, and the keys leading through them. */
function literalPath(containers: ReadonlyArray<ASTNode | readonly ASTNode[]>, keys: ReadonlyArray<string | number>): string {
  let names: string[] = []
  containers.forEach((ancestor, index) => {
    if (!('kind' in ancestor)) return
    if (ancestor.kind === Kind.ARGUMENT) names = [ancestor.name.value]
    else if (ancestor.kind === Kind.VARIABLE_DEFINITION) names = [`$${ancestor.variable.name.value}`]
    else if (ancestor.kind === Kind.OBJECT_FIELD) names.push(ancestor.name.value)
    else if (ancestor.kind === Kind.LIST) names.push(String(keys[index + 1]))
  })
  return names.join('.')
}

const isOperation = (definition: DocumentNode['definitions'][number]): boolean => definition.kind === Kind.OPERATION_DEFINITION

/** Why no operation of `document` is the one to run, in graphql-js' own words, so a GET and a POST are refused alike. */
function operationProblem(document: DocumentNode, operationName: string | undefined): string {
  if (operationName !== undefined) return `Unknown operation named "${operationName}".`
  return document.definitions.some(isOperation)
    ? 'Must provide operation name if query contains multiple operations.'
    : 'Must provide an operation.'
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** mercurius would run a subscription sent over HTTP as if it were a query, and fail inside. */
const subscriptionOverHttp = new TreguesiError('TRG_BAD_REQUEST', {
  problem: 'a subscription is served over a websocket at this path (graphql-transport-ws), not over HTTP',
})

/**
 * The parameters' checks, as a hook that must run before mercurius validates the request; `path`
 * is GraphQL's, and `alike` the routes that take their parameters by the same rules (exports).
 */
export function checkRequestParameters(app: FastifyInstance, path: string, alike: readonly string[]): void {
  const checked = new Set([path, ...alike])
  app.addHook('preValidation', async (request) => {
    // The pages answer a parameter they refuse with a page of their own, in the reader's language.
    if (!checked.has(request.routeOptions.url as string)) return
    const parameters = parametersOf(request)
    if (parameters === undefined) return
    checkParameters(parameters)
    // The GraphQL-over-HTTP spec lets a client send `extensions: null`; mercurius' body schema
    // only takes an object, so null is read as absent.
    if (parameters.extensions === null) delete parameters.extensions
    checkVariableStrings(parameters.variables)
  })

  // GET and POST are GraphQL's methods; any other is refused as such rather than not found.
  app.route({
    method: ['PUT', 'PATCH', 'DELETE'],
    url: path,
    handler: async (_request, reply) => {
      const refusal = new TreguesiError('TRG_BAD_REQUEST', { problem: 'GraphQL is served over GET (queries only) and POST' })
      return answerRefusal(reply.header('allow', 'GET, POST'), 405, refusal)
    },
  })
}

/** The document's checks, as mercurius hooks; `parseOptions` are those mercurius parses with. */
export function checkDocuments(app: FastifyInstance, parseOptions: ParseOptions): void {
  app.graphql.addHook('preParsing', async (_schema, source, context) => {
    if (source.length > documentBounds.characters) {
      throw requestRefusal(documentRefused('characters in the document', documentBounds.characters, source.length))
    }
    const nesting = nestingOf(source)
    if (nesting > documentBounds.nesting) throw requestRefusal(documentRefused('nesting of the document', documentBounds.nesting, nesting))
    // mercurius reads a query that does not parse but is JSON as a document already parsed (an
    // AST) and runs whatever that JSON holds. No JSON text is a GraphQL document, so parsing it
    // here raises its syntax error instead.
    if (isJson(source)) parse(source, parseOptions)
    const { reply } = context
    const { request } = reply
    // A GET (or the HEAD fastify answers like it) runs queries only. mercurius checks a GET's
    // operation without making sure there is one, and does not check a HEAD's at all.
    if (readsQueryString(request)) {
      const document = parse(source, parseOptions)
      const operationName = (request.query as Parameters).operationName as string | undefined
      const operation = getOperationAST(document, operationName)
      if (operation == null) throw new GraphQLError(operationProblem(document, operationName))
      if (operation.operation !== 'query') {
        reply.header('allow', 'POST')
        throw badRequest(`a ${operation.operation} cannot be sent with ${request.method}: send it with POST`, 405)
      }
    }
  })

  // Before graphql-js validates the document, which is what namesakes make costly.
  app.graphql.addHook('preValidation', async (_schema, document) => {
    const namesakes = mostNamesakes(document)
    if (namesakes > documentBounds.namesakes)
      throw requestRefusal(documentRefused('fields under one name', documentBounds.namesakes, namesakes))
  })

  app.graphql.addHook('preExecution', async (_schema, document, context) => {
    const { request } = context.reply
    const { operationName } = (readsQueryString(request) ? request.query : request.body) as Parameters
    if (getOperationAST(document, operationName as string | null | undefined)?.operation === 'subscription') {
      throw requestRefusal(subscriptionOverHttp)
    }
  })
}
