import type { TreguesiError, TreguesiErrorCode } from '@treguesi/errors'
import type { FastifyBaseLogger, FastifyReply } from 'fastify'
import { GraphQLError, type GraphQLFormattedError } from 'graphql'
import { formatError } from '../graphql/errors.js'

/** The refusals answered over HTTP before any GraphQL runs, and their status. */
const statusOf = {
  TRG_UNAUTHENTICATED: 401,
  TRG_RATE_LIMITED: 429,
  TRG_OVERLOADED: 503,
} as const

type Distributed<Code> = Code extends TreguesiErrorCode ? TreguesiError<Code> : never
export type HttpRefusal = Distributed<keyof typeof statusOf>

/** A refusal as GraphQL errors carry it, so a client reads every refusal the same way. */
export function formattedRefusal(refusal: TreguesiError, log: FastifyBaseLogger): GraphQLFormattedError {
  return formatError(new GraphQLError(refusal.message, { originalError: refusal }), log.error.bind(log))
}

/** A refusal thrown where graphql expects an error (a subscription that is not started). */
export function graphqlRefusal(refusal: TreguesiError, log: FastifyBaseLogger): GraphQLError {
  const { message, extensions } = formattedRefusal(refusal, log)
  return new GraphQLError(message, { ...(extensions && { extensions }) })
}

/**
 * Answers with the refusal's status and `{ errors: [...] }`; a rate or overload refusal says
 * when to retry (Retry-After), an authentication refusal how to authenticate (WWW-Authenticate).
 */
export function sendRefusal(reply: FastifyReply, refusal: HttpRefusal): FastifyReply {
  reply.code(statusOf[refusal.code])
  if (refusal.code === 'TRG_UNAUTHENTICATED') reply.header('www-authenticate', 'Bearer')
  else reply.header('retry-after', refusal.details.retryAfterSeconds)
  return reply.send({ errors: [formattedRefusal(refusal, reply.log)] })
}
