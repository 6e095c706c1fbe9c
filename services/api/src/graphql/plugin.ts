import type { EventStore } from '@treguesi/event-store'
import type { FastifyInstance } from 'fastify'
import mercurius from 'mercurius'
import { anonymous } from '../access/principal.js'
import type { LiveReadModels } from '../read-models/live-read-models.js'
import type { GraphQLContext } from './context.js'
import { formatError } from './errors.js'
import { resolvers } from './resolvers.js'
import { schemaSource } from './schema-source.js'
import { validationRules } from './limits.js'
import { subscriptionOptions } from './subscriptions/options.js'

export interface GraphQLOptions {
  readonly store: EventStore
  readonly live: LiveReadModels
  readonly consistencyTimeoutMs: number
}

/** GraphQL at /graphql: the schema in schema/, the resolvers here, errors as formatError says. */
export async function graphqlPlugin(app: FastifyInstance, { store, live, consistencyTimeoutMs }: GraphQLOptions): Promise<void> {
  await app.register(mercurius, {
    schema: schemaSource(),
    resolvers: resolvers as never,
    path: '/graphql',
    graphiql: false,
    validationRules,
    subscription: subscriptionOptions({ store, live }),
    context: (request): GraphQLContext => ({
      principal: request.principal ?? anonymous,
      store,
      live,
      consistencyTimeoutMs,
      models: live.current,
    }),
    errorFormatter: (execution, context) => {
      const errors = (execution.errors ?? []).map((error) => formatError(error, (cause) => context.reply.log.error({ err: cause }, 'resolver failed')))
      return { statusCode: 200, response: { data: execution.data ?? null, errors } }
    },
  })
}
