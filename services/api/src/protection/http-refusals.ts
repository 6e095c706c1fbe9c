import { TreguesiError } from '@treguesi/errors'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { asRequestRefusal } from '../graphql/errors.js'
import { answerIn, internalErrorMessage } from '../language.js'
import { answerRefusal } from './refusal.js'

/**
 * What no route answers, answered like every other refusal (`{ errors: [...] }` with its codes):
 * a path or method the service does not serve, a URL that does not decode, a request that
 * fastify refused before a route saw it, an HTTP/1.1 request without a Host header (which Node
 * would otherwise answer with an empty 400).
 */
export const httpRefusals = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRequest', async (request, reply) => {
      if (request.raw.httpVersion !== '1.1' || request.headers.host !== undefined) return
      return answerRefusal(reply, 400, new TreguesiError('TRG_BAD_REQUEST', { problem: 'an HTTP/1.1 request must name its Host' }))
    })
    app.setNotFoundHandler(async (request, reply) => {
      const refusal = new TreguesiError('TRG_NOT_FOUND', { entity: 'route', id: `${request.method} ${request.url.split('?')[0]}` })
      return answerRefusal(reply, 404, refusal)
    })
    app.setErrorHandler(async (error: FastifyError, request, reply) => answerError(error, request, reply))
  },
  { name: 'treguesi-http-refusals' },
)

/**
 * A request refused by fastify itself (its 4xx errors say what is wrong with it), or a failure no
 * route expected: 500 with no internals, the cause in the log. Also fastify's `frameworkErrors`,
 * which answers what fails before routing (a URL that does not decode).
 */
export function answerError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = error.statusCode
  if (status === undefined || status < 400 || status >= 500) {
    request.log.error({ err: error }, 'request failed')
    const message = internalErrorMessage[answerIn(reply)]
    return reply.code(500).send({ errors: [{ message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })
  }
  return answerRefusal(reply, status, asRequestRefusal(error))
}
