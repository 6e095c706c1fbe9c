import type { DomainStore } from '@treguesi/commands'
import Fastify, { type FastifyInstance } from 'fastify'
import { accessPlugin } from './access/access-plugin.js'
import { defaultChromiumPath, type ApiConfig, type PrinterSettings } from './config.js'
import { graphiqlPlugin } from './graphiql/index.js'
import type { ExecutionLimits } from './graphql/execution-budget.js'
import { graphqlPath, graphqlPlugin } from './graphql/plugin.js'
import { answerError, httpRefusals } from './protection/http-refusals.js'
import { httpServerOptions } from './protection/http-server.js'
import { jsonDepthLimit } from './protection/json-depth.js'
import { overloadProtection } from './protection/overload.js'
import { rateLimits } from './protection/rate-limits.js'
import { withDefaults, type ProtectionOverrides } from './protection/settings.js'
import { websocketAdmission } from './protection/websocket-admission.js'
import { defaultSmallCellThreshold } from '@treguesi/projections'
import type { LiveReadModels } from '@treguesi/read-models'
import type { IdentityProvider } from '@treguesi/tokens'
import { readiness } from './readiness.js'
import { followTokenRevocations } from './access/token-revocations.js'
import { pdfPrinter } from './web/pdf-printer.js'

export interface ServerDependencies {
  readonly store: DomainStore
  readonly live: LiveReadModels
  readonly config: Pick<ApiConfig, 'logLevel' | 'consistencyTimeoutMs'> & {
    /** Counts of sensitive indicators withheld from the public are those below it; 5 unless given. */
    readonly smallCellThreshold?: number
    readonly jwtSecret: string
    /** Whose tokens are accepted besides the service's own (TREGUESI_JWKS_URL …); none unless given. */
    readonly identityProvider?: IdentityProvider | null
    /** Timeouts, limits and thresholds; the defaults (protection/settings.ts) for what is not given. */
    readonly protection?: ProtectionOverrides
    /** What one GraphQL answer may hold and take; the defaults (graphql/execution-budget.ts) unless given. */
    readonly execution?: ExecutionLimits
    /** What prints the monitoring report as PDF; Debian's chromium, one at a time, unless given. */
    readonly printer?: PrinterSettings
  }
}

const defaultPrinter: PrinterSettings = { chromiumPath: defaultChromiumPath, maxConcurrent: 1, timeoutMs: 60_000 }

/**
 * The HTTP service. Health is process liveness; readiness asks the store and requires the read
 * models to have caught up with the log, so a load balancer routes only to an instance that
 * answers with current figures.
 *
 * Before anything else a request meets, in this order: the overload check (503), the failed
 * authentications of its address and its token (401, 429), then its caller's rate (429). The
 * order is that of the registrations below, and the rate limit runs in preParsing, after every
 * onRequest hook, once the caller is known.
 */
export async function buildServer({ store, live, config }: ServerDependencies): Promise<FastifyInstance> {
  const protection = withDefaults(config.protection)
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    ...httpServerOptions(protection.http),
    frameworkErrors: answerError,
  })
  app.server.maxConnections = protection.http.maxConnections

  await app.register(httpRefusals)
  await app.register(jsonDepthLimit, {})
  await app.register(overloadProtection, protection.overload)
  await app.register(rateLimits, protection.rates)
  const revocations = await followTokenRevocations(store, live)
  app.addHook('onClose', async () => revocations.stop())
  await app.register(accessPlugin, {
    revocations,
    jwtSecret: config.jwtSecret,
    identityProvider: config.identityProvider ?? null,
    maxTokenLifetimeHours: protection.tokens.maxLifetimeHours,
    failedAuthentications: app.failedAuthentications,
  })
  await app.register(websocketAdmission, protection.websockets)

  app.get('/healthz', async () => ({ status: 'ok' }))

  app.get('/readyz', readiness(store, live))

  const printer = config.printer ?? defaultPrinter
  // A print waits for a free page rather than failing at once, but not in a queue long enough to hold memory hostage.
  const pdf = pdfPrinter({
    executablePath: printer.chromiumPath,
    maxConcurrent: printer.maxConcurrent,
    maxWaiting: printer.maxConcurrent * 4,
    timeoutMs: printer.timeoutMs,
  })
  app.addHook('onClose', async () => pdf.close())

  await app.register(graphqlPlugin, {
    store,
    live,
    consistencyTimeoutMs: config.consistencyTimeoutMs,
    smallCells: { threshold: config.smallCellThreshold ?? defaultSmallCellThreshold },
    ...(config.execution && { execution: config.execution }),
    pdf,
  })
  await app.register(graphiqlPlugin, { graphqlPath })
  return app
}
