import type { DomainStore } from '@treguesi/commands'
import type { FastifyInstance } from 'fastify'
import { GraphQLError, specifiedRules, validate } from 'graphql'
import type { MercuriusOptions } from 'mercurius'
import type { Principal } from '../../access/principal.js'
import type { LiveReadModels } from '../../read-models/live-read-models.js'
import type { GraphQLContext } from '../context.js'
import { formatError } from '../errors.js'
import { validationRules } from '../limits.js'

export interface SubscriptionDependencies {
  readonly app: FastifyInstance
  readonly store: DomainStore
  readonly live: LiveReadModels
  readonly consistencyTimeoutMs: number
}

/** Keeps idle websockets open through proxies that close silent connections after a minute or so. */
const keepAliveMs = 20_000

/**
 * Subscriptions over websockets at the GraphQL path. A subscriber is who the websocket
 * request's bearer token says (checked by the access plugin, like any request) or, since a
 * browser cannot set headers on a websocket, who the token in the connection_init payload says.
 */
export function subscriptionOptions({ app, store, live, consistencyTimeoutMs }: SubscriptionDependencies): Exclude<MercuriusOptions['subscription'], boolean | undefined> {
  return {
    keepAlive: keepAliveMs,
    context: (_socket, request): GraphQLContext => ({
      principal: request.principal,
      store,
      live,
      consistencyTimeoutMs,
      models: live.current,
    }),
    onConnect: async ({ payload }) => {
      const authorization = authorizationOf(payload)
      if (authorization === undefined) return true
      const principal = await principalOf(app, authorization)
      return principal === null ? false : { principal }
    },
  }
}

function authorizationOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined
  const { authorization, Authorization } = payload as Record<string, unknown>
  const value = authorization ?? Authorization
  return typeof value === 'string' ? value : undefined
}

/**
 * The caller a token names, found by asking the service itself who the bearer is: the token
 * passes exactly the checks an HTTP request's does (signature, expiry, known role, an editor's
 * municipalities), with no second copy of them here. Null when the token is refused.
 */
async function principalOf(app: FastifyInstance, authorization: string): Promise<Principal | null> {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { authorization, 'content-type': 'application/json' },
    payload: { query: '{ viewer { id role municipalities } }' },
  })
  if (response.statusCode !== 200) return null
  return (response.json() as { data: { viewer: Principal } }).data.viewer
}

/**
 * Mercurius validates queries and mutations but hands a subscription straight to graphql's
 * subscribe, which does not validate. A subscription gets the same checks as any operation,
 * our limits included, before it starts; a refusal reaches the client as an error message of
 * the protocol, with the codes formatError gives it.
 */
export function validateSubscriptions(app: FastifyInstance): void {
  app.graphql.addHook('preSubscriptionExecution', async (schema, document) => {
    const [error] = validate(schema, document, [...specifiedRules, ...validationRules])
    if (error === undefined) return
    const formatted = formatError(error, (cause) => app.log.error({ err: cause }, 'subscription validation failed'))
    throw new GraphQLError(formatted.message, { ...(formatted.extensions && { extensions: formatted.extensions }) })
  })
}
