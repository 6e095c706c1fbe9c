import { TreguesiError } from '@treguesi/errors'
import { parseStoreConfig, type StoreConfig } from '@treguesi/event-store'
import { z } from 'zod'

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
  /** `demo`: load the seed plans when the log is empty; `none`: start with what the log holds. */
  readonly seed: 'demo' | 'none'
  /** How long a query with `consistentWith` waits for the read models to reach that position. */
  readonly consistencyTimeoutMs: number
}

/** Where the embedded store lives when TREGUESI_DB_PATH is not set (relative to the working folder). */
export const defaultDbPath = './data/treguesi.db'

const serverSchema = z.object({
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
  TREGUESI_JWT_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  TREGUESI_SEED: z.enum(['demo', 'none'], { message: 'must be demo or none' }).default('demo'),
  TREGUESI_CONSISTENCY_TIMEOUT_MS: z.coerce
    .number({ message: 'must be a number of milliseconds' })
    .int({ message: 'must be a whole number of milliseconds' })
    .min(0, { message: 'must not be negative' })
    .max(60_000, { message: 'must be at most 60000' })
    .default(5000),
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
    seed: server.data.TREGUESI_SEED,
    consistencyTimeoutMs: server.data.TREGUESI_CONSISTENCY_TIMEOUT_MS,
  }
}
