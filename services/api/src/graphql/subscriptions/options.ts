import type { SmallCellRule } from '@treguesi/projections'
import type { DomainStore } from '@treguesi/commands'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { GraphQLError, specifiedRules, validate } from 'graphql'
import type { MercuriusOptions } from 'mercurius'
import type { LiveReadModels } from '@treguesi/read-models'
import type { GraphQLContext } from '../context.js'
import { languageOf } from '../../language.js'
import { formatError } from '../errors.js'
import { validationRules } from '../limits.js'

export interface SubscriptionDependencies {
  readonly app: FastifyInstance
  readonly store: DomainStore
  readonly live: LiveReadModels
  readonly consistencyTimeoutMs: number
  readonly smallCells: SmallCellRule
}

/** Keeps idle websockets open through proxies that close silent connections after a minute or so. */
const keepAliveMs = 20_000

/**
 * Subscriptions over websockets at the GraphQL path. The websocket admission
 * (protection/websocket-admission.ts) has already named the subscriber, from the token of the
 * websocket request or, since a browser cannot set headers on a websocket, of connection_init,
 * checked as any request's token; and it gave the socket its subscription quota, through which
 * every subscription of the socket follows the read models.
 */
export function subscriptionOptions({
  store,
  live,
  consistencyTimeoutMs,
  smallCells,
}: SubscriptionDependencies): Exclude<MercuriusOptions['subscription'], boolean | undefined> {
  return {
    keepAlive: keepAliveMs,
    context: (_socket, request): GraphQLContext => ({
      principal: request.principal,
      store,
      live: request.subscriptionQuota.follow(live),
      consistencyTimeoutMs,
      smallCells,
      models: live.current,
    }),
  }
}

/**
 * Mercurius validates queries and mutations but hands a subscription straight to graphql's
 * subscribe, which does not validate. A subscription gets the same checks as any operation,
 * our limits included, before it starts, and is refused when its socket's quota is full; a
 * refusal reaches the client as an error message of the protocol, with the codes formatError
 * gives it, in the language of the socket.
 */
export function validateSubscriptions(app: FastifyInstance): void {
  app.graphql.addHook<{ request: FastifyRequest }>('preSubscriptionExecution', async (schema, document, { request }) => {
    const [error] = validate(schema, document, [...specifiedRules, ...validationRules])
    if (error !== undefined) {
      const formatted = formatError(error, (cause) => app.log.error({ err: cause }, 'subscription validation failed'), languageOf(request))
      throw new GraphQLError(formatted.message, { ...(formatted.extensions && { extensions: formatted.extensions }) })
    }
    // The quota refuses for itself when the subscription starts; refused here, before anything
    // runs, a client that subscribes once too often is answered without an error in the log
    // (mercurius logs a subscription that fails to start).
    if (request.subscriptionQuota.full) throw request.subscriptionQuota.refusal()
  })
}
