import { isIP } from 'node:net'
import { TreguesiError } from '@treguesi/errors'
import { parseStoreConfig, type StoreConfig } from '@treguesi/event-store'
import { defaultSmallCellThreshold } from '@treguesi/projections'
import { checkpointDirectory } from '@treguesi/read-models'
import { maxLifetimeHoursSchema, tokenSecretSchema, type IdentityProvider } from '@treguesi/tokens'
import { z } from 'zod'
import { defaultProtection, type ProtectionSettings } from './protection/settings.js'

export interface ApiConfig {
  readonly host: string
  readonly port: number
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  readonly store: StoreConfig
  /**
   * The secret bearer tokens are signed with (HS256). Without it the service makes one up at
   * start-up, for development: its tokens stop working at the next start.
   */
  readonly jwtSecret: string | null
  /** An organisation's identity provider whose tokens are accepted besides the service's own; null: none. */
  readonly identityProvider: IdentityProvider | null
  /** `demo`: load the seed plans when the log is empty; `none`: start with what the log holds. */
  readonly seed: 'demo' | 'none'
  /** Where the read models' checkpoints are kept (see checkpointDirectory); null: none. */
  readonly checkpointDirectory: string | null
  /** How long a query with `consistentWith` waits for the read models to reach that position. */
  readonly consistencyTimeoutMs: number
  /** Counts of sensitive indicators above 0 and below it are withheld from the public (TREGUESI_SMALL_CELL_THRESHOLD). */
  readonly smallCellThreshold: number
  /** Timeouts, connection and rate limits, overload thresholds, token lifetime. */
  readonly protection: ProtectionSettings
  /** What prints the monitoring report as PDF (TREGUESI_CHROMIUM_PATH, TREGUESI_PDF_CONCURRENCY, TREGUESI_PDF_TIMEOUT_MS). */
  readonly printer: PrinterSettings
}

export interface PrinterSettings {
  readonly chromiumPath: string
  readonly maxConcurrent: number
  readonly timeoutMs: number
}

/** Debian's chromium, as infra/bootstrap.mjs installs it. */
export const defaultChromiumPath = '/usr/bin/chromium'

/** Where the embedded store lives when TREGUESI_DB_PATH is not set (relative to the working folder). */
export const defaultDbPath = './data/treguesi.db'

/** A whole number between `min` and `max`, of `unit`. */
const count = (unit: string, min: number, max: number, fallback: number, belowMin = `must be at least ${min}`) =>
  z.coerce
    .number({ message: `must be a number of ${unit}` })
    .int({ message: `must be a whole number of ${unit}` })
    .min(min, { message: belowMin })
    .max(max, { message: `must be at most ${max}` })
    .default(fallback)

const mebibyte = 2 ** 20
const { http, rates, websockets, overload } = defaultProtection

/** An address or a CIDR range, as proxy-addr takes them. */
const isAddressOrRange = (entry: string): boolean => {
  const [address, ...prefix] = entry.split('/') as [string, ...string[]]
  return isIP(address) !== 0 && (prefix.length === 0 || (prefix.length === 1 && /^\d{1,3}$/.test(prefix[0]!)))
}

const protectionSchema = {
  TREGUESI_REQUEST_TIMEOUT_MS: count('milliseconds', 1000, 600_000, http.requestTimeoutMs),
  TREGUESI_HEADERS_TIMEOUT_MS: count('milliseconds', 1000, 600_000, http.headersTimeoutMs),
  TREGUESI_KEEP_ALIVE_TIMEOUT_MS: count('milliseconds', 1000, 600_000, http.keepAliveTimeoutMs),
  TREGUESI_CONNECTION_TIMEOUT_MS: count('milliseconds', 0, 3_600_000, http.connectionTimeoutMs),
  TREGUESI_MAX_CONNECTIONS: count('connections', 1, 1_000_000, http.maxConnections),
  TREGUESI_BODY_LIMIT_BYTES: count('bytes', 1024, 100 * mebibyte, http.bodyLimitBytes),
  TREGUESI_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ''),
    )
    .refine((entries) => entries.every(isAddressOrRange), { message: 'must be addresses or CIDR ranges, separated by commas' }),
  TREGUESI_RATE_WINDOW_MS: count('milliseconds', 1000, 86_400_000, rates.windowMs),
  TREGUESI_RATE_ANONYMOUS: count('requests', 1, 1_000_000, rates.anonymous),
  TREGUESI_RATE_AUTHENTICATED: count('requests', 1, 1_000_000, rates.authenticated),
  TREGUESI_RATE_FAILED_AUTHENTICATIONS: count('failed authentications', 1, 1_000_000, rates.failedAuthentications),
  TREGUESI_WS_MAX_PAYLOAD_BYTES: count('bytes', 1024, 100 * mebibyte, websockets.maxPayloadBytes),
  TREGUESI_WS_SUBSCRIPTIONS_PER_SOCKET: count('subscriptions', 1, 10_000, websockets.subscriptionsPerSocket),
  TREGUESI_WS_SOCKETS_PER_CALLER: count('websockets', 1, 100_000, websockets.socketsPerCaller),
  TREGUESI_WS_INIT_TIMEOUT_MS: count('milliseconds', 100, 600_000, websockets.initTimeoutMs),
  TREGUESI_OVERLOAD_EVENT_LOOP_DELAY_MS: count('milliseconds', 0, 600_000, overload.maxEventLoopDelayMs),
  TREGUESI_OVERLOAD_HEAP_MB: count('MiB', 0, 1_048_576, overload.maxHeapUsedBytes / mebibyte),
  TREGUESI_OVERLOAD_RSS_MB: count('MiB', 0, 1_048_576, overload.maxRssBytes / mebibyte),
  TREGUESI_TOKEN_MAX_LIFETIME_HOURS: maxLifetimeHoursSchema,
}

const serverSchema = z
  .object({
    HOST: z.string().min(1, { message: 'must not be empty' }).default('127.0.0.1'),
    PORT: z.coerce
      .number({ message: 'must be a port number' })
      .int({ message: 'must be a whole number' })
      .min(0, { message: 'must be between 0 and 65535' })
      .max(65535, { message: 'must be between 0 and 65535' })
      .default(4000),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    TREGUESI_JWT_SECRET: tokenSecretSchema.optional(),
    TREGUESI_JWKS_URL: z.url({ protocol: /^https?$/, message: 'must be the http(s) address of a JSON Web Key Set' }).optional(),
    TREGUESI_JWT_ISSUER: z.string().min(1, { message: 'must not be empty' }).optional(),
    TREGUESI_JWT_AUDIENCE: z.string().min(1, { message: 'must not be empty' }).optional(),
    TREGUESI_SEED: z.enum(['demo', 'none'], { message: 'must be demo or none' }).default('demo'),
    TREGUESI_CHECKPOINT_DIR: z.string().optional(),
    TREGUESI_CONSISTENCY_TIMEOUT_MS: count('milliseconds', 0, 60_000, 5000, 'must not be negative'),
    // 2 at least: a threshold of 1 would withhold nothing.
    TREGUESI_SMALL_CELL_THRESHOLD: count('people', 2, 1000, defaultSmallCellThreshold),
    TREGUESI_CHROMIUM_PATH: z.string().min(1, { message: 'must not be empty' }).default(defaultChromiumPath),
    // Each print holds a browser page of its own: a few at once is what two cores take.
    TREGUESI_PDF_CONCURRENCY: count('documents', 1, 64, 1),
    TREGUESI_PDF_TIMEOUT_MS: count('milliseconds', 1000, 600_000, 60_000),
    ...protectionSchema,
  })
  .superRefine((env, context) => {
    // A provider's tokens are checked for who issued them and for whom: never the key set alone.
    const provider = [env.TREGUESI_JWKS_URL, env.TREGUESI_JWT_ISSUER, env.TREGUESI_JWT_AUDIENCE]
    if (provider.some((value) => value !== undefined) && provider.some((value) => value === undefined)) {
      for (const variable of ['TREGUESI_JWKS_URL', 'TREGUESI_JWT_ISSUER', 'TREGUESI_JWT_AUDIENCE'] as const) {
        if (env[variable] === undefined) {
          context.addIssue({
            code: 'custom',
            path: [variable],
            message: 'must be set with TREGUESI_JWKS_URL, TREGUESI_JWT_ISSUER and TREGUESI_JWT_AUDIENCE: all three or none',
          })
        }
      }
    }
    // Node refuses to start a server whose headers may take longer than the whole request.
    if (env.TREGUESI_HEADERS_TIMEOUT_MS > env.TREGUESI_REQUEST_TIMEOUT_MS) {
      context.addIssue({
        code: 'custom',
        path: ['TREGUESI_HEADERS_TIMEOUT_MS'],
        message: 'must not be more than TREGUESI_REQUEST_TIMEOUT_MS',
      })
    }
  })

/** Reads the service's environment; throws TRG_CONFIG_INVALID listing every variable to fix. */
export function loadApiConfig(env: Readonly<Record<string, string | undefined>>): ApiConfig {
  const server = serverSchema.safeParse(env)
  const store = parseStoreConfig(env, { dbPath: defaultDbPath })
  if (!server.success || !store.ok) {
    throw new TreguesiError('TRG_CONFIG_INVALID', {
      issues: [
        ...(server.error?.issues ?? []).map((issue) => ({ variable: String(issue.path[0]), problem: issue.message })),
        ...(store.ok ? [] : store.issues),
      ],
    })
  }
  return {
    host: server.data.HOST,
    port: server.data.PORT,
    logLevel: server.data.LOG_LEVEL,
    store: store.config,
    jwtSecret: server.data.TREGUESI_JWT_SECRET ?? null,
    identityProvider:
      server.data.TREGUESI_JWKS_URL === undefined
        ? null
        : {
            jwksUrl: server.data.TREGUESI_JWKS_URL,
            issuer: server.data.TREGUESI_JWT_ISSUER!,
            audience: server.data.TREGUESI_JWT_AUDIENCE!,
          },
    seed: server.data.TREGUESI_SEED,
    checkpointDirectory: checkpointDirectory(store.config, server.data.TREGUESI_CHECKPOINT_DIR),
    consistencyTimeoutMs: server.data.TREGUESI_CONSISTENCY_TIMEOUT_MS,
    smallCellThreshold: server.data.TREGUESI_SMALL_CELL_THRESHOLD,
    protection: protectionOf(server.data),
    printer: {
      chromiumPath: server.data.TREGUESI_CHROMIUM_PATH,
      maxConcurrent: server.data.TREGUESI_PDF_CONCURRENCY,
      timeoutMs: server.data.TREGUESI_PDF_TIMEOUT_MS,
    },
  }
}

function protectionOf(env: z.infer<typeof serverSchema>): ProtectionSettings {
  return {
    http: {
      requestTimeoutMs: env.TREGUESI_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: env.TREGUESI_HEADERS_TIMEOUT_MS,
      keepAliveTimeoutMs: env.TREGUESI_KEEP_ALIVE_TIMEOUT_MS,
      connectionTimeoutMs: env.TREGUESI_CONNECTION_TIMEOUT_MS,
      maxConnections: env.TREGUESI_MAX_CONNECTIONS,
      bodyLimitBytes: env.TREGUESI_BODY_LIMIT_BYTES,
      trustedProxies: env.TREGUESI_TRUSTED_PROXIES,
    },
    rates: {
      windowMs: env.TREGUESI_RATE_WINDOW_MS,
      anonymous: env.TREGUESI_RATE_ANONYMOUS,
      authenticated: env.TREGUESI_RATE_AUTHENTICATED,
      failedAuthentications: env.TREGUESI_RATE_FAILED_AUTHENTICATIONS,
    },
    websockets: {
      maxPayloadBytes: env.TREGUESI_WS_MAX_PAYLOAD_BYTES,
      subscriptionsPerSocket: env.TREGUESI_WS_SUBSCRIPTIONS_PER_SOCKET,
      socketsPerCaller: env.TREGUESI_WS_SOCKETS_PER_CALLER,
      initTimeoutMs: env.TREGUESI_WS_INIT_TIMEOUT_MS,
    },
    overload: {
      ...overload,
      maxEventLoopDelayMs: env.TREGUESI_OVERLOAD_EVENT_LOOP_DELAY_MS,
      maxHeapUsedBytes: env.TREGUESI_OVERLOAD_HEAP_MB * mebibyte,
      maxRssBytes: env.TREGUESI_OVERLOAD_RSS_MB * mebibyte,
    },
    tokens: { maxLifetimeHours: env.TREGUESI_TOKEN_MAX_LIFETIME_HOURS },
  }
}
