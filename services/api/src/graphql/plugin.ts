import type { SmallCellRule } from '@treguesi/projections'
import type { DomainStore } from '@treguesi/commands'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { GraphQLError, type ExecutionResult, type FormattedExecutionResult } from 'graphql'
import { languages, messageIn } from '@treguesi/errors'
import mercurius from 'mercurius'
import { AsOfReadModels, type AsOfOptions, type LiveReadModels } from '@treguesi/read-models'
import { exportRoute, exportRoutes } from '../exports/export-routes.js'
import type { GraphQLContext } from './context.js'
import { asRequestRefusal, extensionsOf, formatError } from './errors.js'
import { answerIn, languageOf } from '../language.js'
import { checkDocuments, checkRequestParameters, stringLiteralsRule } from './request-checks.js'
import { resolvers } from './resolvers.js'
import { schemaSource } from './schema-source.js'
import { budgetExecution, cutShort, defaultExecutionLimits, type ExecutionLimits } from './execution-budget.js'
import { documentBounds } from './document-bounds.js'
import { validationRulesFor } from './limits.js'
import { subscriptionOptions, validateSubscriptions } from './subscriptions/options.js'
import { ResponseCache, responseCaching } from './response-cache.js'
import { inProcessReader } from './in-process.js'
import { logHeads } from '@treguesi/audit'
import { recordedAtOf } from '@treguesi/event-store'
import type { PdfPrinter } from '../web/pdf-printer.js'
import { webRoutes } from '../web/web-routes.js'
import { signedInBrowsers } from '../web/signed-in-browsers.js'

export interface GraphQLOptions {
  readonly store: DomainStore
  readonly live: LiveReadModels
  readonly consistencyTimeoutMs: number
  /** Which counts of sensitive indicators are withheld from callers without the right to them. */
  readonly smallCells: SmallCellRule
  /** Checkpoints of the as-of index; the default (every 1,000 events) unless given. */
  readonly asOf?: AsOfOptions
  /** What one answer may hold and take while it runs; the defaults unless given. */
  readonly execution?: ExecutionLimits
  /** What prints the monitoring report as PDF. */
  readonly pdf: PdfPrinter
}

export const graphqlPath = '/graphql'

/** The GraphQL-over-HTTP media type; a client that asks for it gets it, and its status codes. */
const graphqlResponseType = 'application/graphql-response+json'

/** Documents beyond their bound of tokens are refused while parsing (./document-bounds.ts). */
const parseOptions = { maxTokens: documentBounds.tokens }

/** GraphQL at /graphql: the schema in schema/, the resolvers here, errors as formatError says. */
export async function graphqlPlugin(
  app: FastifyInstance,
  { store, live, consistencyTimeoutMs, smallCells, asOf: asOfOptions, execution = defaultExecutionLimits, pdf }: GraphQLOptions,
): Promise<void> {
  const asOf = new AsOfReadModels(store, live, asOfOptions)
  app.addHook('onClose', async () => asOf.stop())
  checkRequestParameters(app, graphqlPath, [exportRoute])
  app.addHook('onSend', async (request, reply) => {
    if (prefersGraphQLResponse(request)) reply.header('content-type', `${graphqlResponseType}; charset=utf-8`)
  })
  // A websocket request answered over HTTP instead of upgraded (the access plugin refused its
  // token before the websocket plugin's own hooks ran) leaves its socket open, and an open
  // socket holds up shutdown: end it once the answer is out.
  app.addHook('onResponse', async (request) => {
    if (request.headers.upgrade?.toLowerCase() === 'websocket') request.raw.socket.destroy()
  })

  const answers = responseCaching(app, graphqlPath, live, new ResponseCache())
  const contextOf = (request: FastifyRequest): GraphQLContext => ({
    principal: request.principal,
    store,
    live,
    asOf,
    consistencyTimeoutMs,
    smallCells,
    models: answers.snapshotOf(request),
  })
  await app.register(mercurius, {
    schema: schemaSource(),
    resolvers: resolvers as never,
    path: graphqlPath,
    graphiql: false,
    // The limits measure a page given in a variable with the value the request sends, so their
    // verdict is the request's, not the document's: mercurius would keep it per document text
    // (and takes rules that read the request only with its cache off).
    validationRules: ({ variables }) => [...validationRulesFor(variables ?? {}), stringLiteralsRule],
    cache: false,
    graphql: { parseOptions },
    subscription: subscriptionOptions({ app, store, live, consistencyTimeoutMs, smallCells }),
    context: contextOf,
    errorFormatter: (execution, context) => formatExecution(execution, context),
  })
  // Cookies are decorations the routes below read: registered here, not encapsulated in a child.
  await signedInBrowsers(app, { except: graphqlPath })
  await app.register(exportRoutes, { store, live, asOf, consistencyTimeoutMs, smallCells })
  await app.register(webRoutes, {
    read: inProcessReader(app, contextOf),
    heads: logHeads(store.recorded),
    recordedAt: async (position) => (position === null ? null : recordedAtOf(store, position)),
    pdf,
  })
  answers.watchExecutions()
  validateSubscriptions(app)
  checkDocuments(app, parseOptions)
  budgetExecution(app.graphql.schema, execution)
}

interface FormatterContext {
  /** The HTTP reply; none for a subscription's events. */
  readonly reply?: FastifyReply
  /** A subscription's websocket request. */
  readonly request?: FastifyRequest
  readonly app: FastifyInstance
}

type Formatted = { statusCode: number; response: FormattedExecutionResult }

/** The routes whose answer is the formatted errors, in the request's language. */
const answersWithErrors: ReadonlySet<string | undefined> = new Set([graphqlPath, exportRoute])

/**
 * Every error response. An operation that ran answers 200 with its data and the errors of the
 * fields that failed. One refused before running (mercurius hands those over with no `data`)
 * answers without a data entry, as the GraphQL-over-HTTP spec says:
 * - a document that does not parse, fails validation (including our limits) or whose variables
 *   do not fit: 200 for application/json, 400 for application/graphql-response+json;
 * - a request that is not a GraphQL request at all (bad JSON, a query that is not a string, an
 *   unsupported media type, a mutation over GET): its 4xx status, with TRG_BAD_REQUEST and
 *   code BAD_REQUEST;
 * - anything else: 500, with no internals.
 * Messages are in the language the request accepts (a subscription's: its websocket's), and an
 * HTTP answer says which.
 */
export function formatExecution(execution: ExecutionResult & { errors: readonly GraphQLError[] }, context: FormatterContext): Formatted {
  // A subscription's events have no HTTP reply to log with.
  const log = (cause: unknown): void => (context.reply?.log ?? context.app.log).error({ err: cause }, 'resolver failed')
  const request = context.reply?.request ?? context.request
  const language = request === undefined ? languages[0] : languageOf(request)
  // The errors are this route's answer; a page that reads the graph in-process words its own.
  if (context.reply !== undefined && answersWithErrors.has(context.reply.request.routeOptions.url)) answerIn(context.reply)
  const format = (error: GraphQLError) => formatError(error, log, language)
  const { errors } = execution
  const cut = cutShort(errors)
  if (cut) return { statusCode: 200, response: { data: null, errors: [format(cut)] } }
  if ('data' in execution) {
    return {
      statusCode: 200,
      response: { data: execution.data as Record<string, unknown> | null, errors: errors.map(format) },
    }
  }
  // Mercurius reports a request it refused as one error, whose cause may list several.
  const refusal = errors[0]!
  const cause = refusal.originalError as (Error & { statusCode?: unknown; errors?: unknown }) | undefined
  const listed = Array.isArray(cause?.errors) ? (cause.errors as unknown[]) : [cause ?? refusal]
  if (listed.every((error) => error instanceof GraphQLError)) {
    const refused = listed as GraphQLError[]
    const statusCode = context.reply !== undefined && prefersGraphQLResponse(context.reply.request) ? 400 : 200
    return { statusCode, response: { errors: refused.map(format) } }
  }
  const status = cause?.statusCode
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // The request checks' own refusals, and fastify's and mercurius' errors, whose message says
    // what is wrong with the request.
    const problems = (listed as Error[]).map((error) => {
      const refusal = asRequestRefusal(error)
      return { message: messageIn(refusal, language), extensions: extensionsOf(refusal) }
    })
    return { statusCode: status, response: { errors: problems } }
  }
  return { statusCode: 500, response: { errors: errors.map(format) } }
}

/**
 * Whether the response is application/graphql-response+json: when the client's Accept lists it
 * at least as high as application/json. Without an Accept header, or with only application/json
 * or wildcards, it stays application/json, which older clients expect.
 */
function prefersGraphQLResponse(request: FastifyRequest): boolean {
  const quality = new Map<string, number>()
  for (const range of (request.headers.accept ?? '').split(',')) {
    const [type = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase())
    const q = parameters.find((parameter) => parameter.startsWith('q='))
    quality.set(type, q === undefined ? 1 : Number(q.slice(2)) || 0)
  }
  const wanted = quality.get(graphqlResponseType) ?? 0
  return wanted > 0 && wanted >= (quality.get('application/json') ?? 0)
}
