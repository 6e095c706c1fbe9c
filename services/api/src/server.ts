import type { DomainStore } from '@treguesi/commands'
import Fastify, { type FastifyInstance } from 'fastify'
import { accessPlugin } from './access/access-plugin.js'
import type { ApiConfig } from './config.js'
import { graphiqlPlugin } from './graphiql/index.js'
import { graphqlPath, graphqlPlugin } from './graphql/plugin.js'
import type { LiveReadModels } from './read-models/live-read-models.js'

export interface ServerDependencies {
  readonly store: DomainStore
  readonly live: LiveReadModels
  readonly config: Pick<ApiConfig, 'logLevel' | 'consistencyTimeoutMs'> & { readonly jwtSecret: string }
}

/**
 * The HTTP service. Health is process liveness; readiness asks the store and requires the read
 * models to have caught up with the log, so a load balancer routes only to an instance that
 * answers with current figures.
 */
export async function buildServer({ store, live, config }: ServerDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
  })

  app.get('/healthz', async () => ({ status: 'ok' }))

  app.get('/readyz', async (_request, reply) => {
    try {
      const head = await store.headPosition()
      const position = live.current.position
      const ready = live.caughtUp && live.failure === undefined
      if (!ready) reply.code(503)
      return {
        status: live.failure ? 'failed' : ready ? 'ready' : 'catching-up',
        store: store.kind,
        headPosition: head === null ? null : head.toString(),
        readModelsPosition: position === null ? null : position.toString(),
        ...(live.failure && { reason: live.failure.message }),
      }
    } catch (error) {
      reply.code(503)
      return { status: 'unavailable', store: store.kind, reason: (error as Error).message }
    }
  })

  await app.register(accessPlugin, { jwtSecret: config.jwtSecret })
  await app.register(graphqlPlugin, { store, live, consistencyTimeoutMs: config.consistencyTimeoutMs })
  await app.register(graphiqlPlugin, { graphqlPath })
  return app
}
