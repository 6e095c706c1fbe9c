import { TreguesiError } from '@treguesi/errors'
import { parseStoreConfig, type StoreConfig } from '@treguesi/event-store'
import { z } from 'zod'

export interface ApiConfig {
  readonly host: string
  readonly port: number
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  readonly store: StoreConfig
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
  return { host: server.data.HOST, port: server.data.PORT, logLevel: server.data.LOG_LEVEL, store: store.config }
}
