import type { PrinterSettings } from '../../src/config.js'
import { defaultSmallCellThreshold } from '@treguesi/projections'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Test } from 'tap'
import { openDomainStore, type DomainStore } from '@treguesi/commands'
import { loadSeeds, seeds } from '@treguesi/seeds'
import type { FastifyInstance } from 'fastify'
import type { Principal } from '../../src/access/principal.js'
import { createSigner, type SignerOptions } from 'fast-jwt'
import type { IdentityProvider, TokenSubject } from '@treguesi/tokens'
import type { ProtectionOverrides } from '../../src/protection/settings.js'
import { LiveReadModels } from '@treguesi/read-models'
import type { ExecutionLimits } from '../../src/graphql/execution-budget.js'
import { buildServer } from '../../src/server.js'
import type { GraphQLContext } from '../../src/graphql/context.js'

export interface GraphQLResponse<Data = Record<string, unknown>> {
  readonly status: number
  readonly data?: Data | null
  readonly errors?: ReadonlyArray<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>
}

/**
 * The language the tests' requests accept unless a test says otherwise: English, the language
 * their assertions on messages are written in (the service answers in Albanian when none is named).
 */
export const testLanguage = 'en'

/** POSTs a GraphQL operation to the service at `url`, with a bearer token when given. */
export async function postGraphQL<Data = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: object,
  token?: string,
): Promise<GraphQLResponse<Data>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-language': testLanguage,
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query, variables }),
  })
  return { status: response.status, ...((await response.json()) as object) }
}

export interface TestService {
  readonly url: string
  readonly app: FastifyInstance
  readonly store: DomainStore
  readonly live: LiveReadModels
  /** A bearer token for this principal, signed with the service's secret. */
  token(principal: TokenSubject): string
  /** Any JWT signed with the service's secret (HS256 unless `options` say otherwise), for tokens a client might make up. */
  signRaw(payload: Record<string, unknown>, options?: SignerOptions): string
  /** POSTs a GraphQL operation to /graphql, with a bearer token when given. */
  graphql<Data = Record<string, unknown>>(query: string, variables?: object, token?: string): Promise<GraphQLResponse<Data>>
}

/** The secret the test services sign and check tokens with. */
export const testSecret = 'test-secret-'.padEnd(40, 'x')

export const principals = {
  admin: { id: 'admin-1', role: 'admin', municipalities: [] },
  editorElbasan: { id: 'editor-elb', role: 'editor', municipalities: ['ELB'] },
  editorDrenas: { id: 'editor-dre', role: 'editor', municipalities: ['DRE'] },
  reviewerElbasan: { id: 'reviewer-elb', role: 'reviewer', municipalities: ['ELB'] },
  viewer: { id: 'viewer-1', role: 'viewer', municipalities: [] },
  ministry: { id: 'ministry-1', role: 'ministry', municipalities: [] },
} as const satisfies Record<string, Principal>

export interface ServiceOptions {
  readonly seed?: boolean
  readonly consistencyTimeoutMs?: number
  readonly protection?: ProtectionOverrides
  readonly execution?: ExecutionLimits
  /** An identity provider whose tokens the service also accepts. */
  readonly identityProvider?: IdentityProvider
  /** Runs on the built server before it listens: a test adds a route of its own there. */
  readonly beforeListen?: (app: FastifyInstance) => void
  /** What prints PDF documents; the service's default (Debian's chromium) unless given. */
  readonly printer?: PrinterSettings
}

export interface OpenService extends TestService {
  /** The SQLite file of its log. */
  readonly path: string
  /** Stops the service and removes its folder. */
  close(): Promise<void>
}

/**
 * The service as it runs: a real SQLite file in a temporary folder, the seed plans loaded
 * through command handling (unless `seed: false`), read models caught up, listening on a free
 * port of 127.0.0.1. `protection` sets some timeouts, limits or thresholds; the others keep the
 * service's defaults.
 */
export async function openService({
  seed = true,
  consistencyTimeoutMs = 2000,
  protection = {},
  execution,
  identityProvider,
  beforeListen,
  printer,
}: ServiceOptions = {}): Promise<OpenService> {
  const dir = mkdtempSync(join(tmpdir(), 'treguesi-api-'))
  const path = join(dir, 'treguesi.db')
  // As main.ts opens it: hash-chained appends, current event versions on every read.
  const store = await openDomainStore({ store: 'sqlite', path, sync: 'normal' })
  if (seed) await loadSeeds(store, seeds)
  const live = new LiveReadModels(store)
  const app = await buildServer({
    store,
    live,
    config: {
      logLevel: 'silent',
      jwtSecret: testSecret,
      consistencyTimeoutMs,
      protection,
      ...(execution && { execution }),
      ...(identityProvider && { identityProvider }),
      ...(printer && { printer }),
    },
  })
  beforeListen?.(app)
  const close = async () => {
    await app.close()
    await live.stop()
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  await live.untilCaughtUp()
  return {
    url,
    path,
    app,
    store,
    live,
    close,
    token: (principal) => app.signToken(principal, '1h'),
    signRaw: (payload, options = {}) => createSigner({ key: testSecret, algorithm: 'HS256', ...options })(payload),
    graphql: (query, variables, token) => postGraphQL(url, query, variables, token),
  }
}

/** The service of `openService`, closed and removed when the test ends. */
export async function startService(t: Test, options: ServiceOptions = {}): Promise<TestService> {
  const service = await openService(options)
  t.teardown(service.close)
  return service
}

/** What a resolver of `service` sees for a request of `principal`, on the newest read models. */
export function contextOf(service: Pick<TestService, 'store' | 'live'>, principal: Principal): GraphQLContext {
  return {
    principal,
    store: service.store,
    live: service.live,
    consistencyTimeoutMs: 100,
    smallCells: { threshold: defaultSmallCellThreshold },
    models: service.live.current,
  }
}
