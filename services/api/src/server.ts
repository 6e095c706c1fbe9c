import type { EventStore } from '@treguesi/event-store'
import Fastify, { type FastifyInstance } from 'fastify'
import type { ApiConfig } from './config.js'

export interface ServerDependencies {
  readonly store: EventStore
  readonly logLevel: ApiConfig['logLevel']
}

/**
 * The HTTP service. Health is process liveness; readiness asks the store, so a load balancer
 * stops routing to an instance whose store went away.
 */
export function buildServer({ store, logLevel }: ServerDependencies): FastifyInstance {
  const app = Fastify({
    logger: {
      level: logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
  })

  app.get('/healthz', async () => ({ status: 'ok' }))

  app.get('/readyz', async (_request, reply) => {
    try {
      const head = await store.headPosition()
      return { status: 'ready', store: store.kind, headPosition: head === null ? null : head.toString() }
    } catch (error) {
      reply.code(503)
      return { status: 'unavailable', store: store.kind, reason: (error as Error).message }
    }
  })

  return app
}
