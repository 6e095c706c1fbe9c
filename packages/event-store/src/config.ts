import { TreguesiError } from '@treguesi/errors'
import { z } from 'zod'

/** Which store to open and how, read from the environment at start-up. */
export type StoreConfig =
  | { readonly store: 'sqlite'; readonly path: string; readonly sync: 'normal' | 'full' }
  | { readonly store: 'eventstoredb'; readonly connectionString: string }

const connectionString = z.string({ message: 'is not set' }).regex(/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\/\S+$/, {
  message: 'must be an EventStoreDB connection string such as esdb://localhost:2113?tls=false',
})

const environmentSchema = z.discriminatedUnion(
  'TREGUESI_STORE',
  [
    z.object({
      TREGUESI_STORE: z.literal('sqlite'),
      TREGUESI_DB_PATH: z.string().min(1, { message: 'must not be empty' }),
      TREGUESI_DB_SYNC: z.enum(['normal', 'full'], { message: 'must be normal or full' }).default('normal'),
    }),
    z.object({
      TREGUESI_STORE: z.literal('eventstoredb'),
      EVENTSTORE_CONNECTION_STRING: connectionString,
    }),
  ],
  { error: () => 'must be sqlite or eventstoredb' },
)

export interface StoreConfigDefaults {
  /** Used when TREGUESI_DB_PATH is not set; without it the variable is required. */
  readonly dbPath?: string
}

export type ConfigIssue = { readonly variable: string; readonly problem: string }

/** Like loadStoreConfig, but returns the problems instead of throwing, to merge with others. */
export function parseStoreConfig(
  env: Readonly<Record<string, string | undefined>>,
  defaults: StoreConfigDefaults = {},
): { ok: true; config: StoreConfig } | { ok: false; issues: ConfigIssue[] } {
  const input = {
    ...env,
    TREGUESI_STORE: env.TREGUESI_STORE || 'sqlite',
    TREGUESI_DB_PATH: env.TREGUESI_DB_PATH ?? defaults.dbPath,
  }
  const parsed = environmentSchema.safeParse(input)
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => {
        // Every issue of this flat schema names its variable as the first path element.
        const variable = String(issue.path[0])
        const unset = issue.code === 'invalid_type' && input[variable as keyof typeof input] === undefined
        return { variable, problem: unset ? 'is not set' : issue.message }
      }),
    }
  }
  const config = parsed.data
  return {
    ok: true,
    config:
      config.TREGUESI_STORE === 'sqlite'
        ? { store: 'sqlite', path: config.TREGUESI_DB_PATH, sync: config.TREGUESI_DB_SYNC }
        : { store: 'eventstoredb', connectionString: config.EVENTSTORE_CONNECTION_STRING },
  }
}

/**
 * Reads TREGUESI_STORE (default sqlite), TREGUESI_DB_PATH, TREGUESI_DB_SYNC and
 * EVENTSTORE_CONNECTION_STRING. Throws TRG_CONFIG_INVALID naming each variable to set.
 */
export function loadStoreConfig(env: Readonly<Record<string, string | undefined>>, defaults: StoreConfigDefaults = {}): StoreConfig {
  const parsed = parseStoreConfig(env, defaults)
  if (!parsed.ok) throw new TreguesiError('TRG_CONFIG_INVALID', { issues: parsed.issues })
  return parsed.config
}
