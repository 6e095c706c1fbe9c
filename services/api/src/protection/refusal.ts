import type { Language, TreguesiError, TreguesiErrorCode } from '@treguesi/errors'
import type { FastifyBaseLogger, FastifyReply } from 'fastify'
import { GraphQLError, type GraphQLFormattedError } from 'graphql'
import { formatError } from '../graphql/errors.js'
import { answerIn } from '../language.js'

/** The refusals answered over HTTP before any GraphQL runs, and their status. */
const statusOf = {
  TRG_UNAUTHENTICATED: 401,
  TRG_RATE_LIMITED: 429,
  TRG_OVERLOADED: 503,
} as const

type Distributed<Code> = Code extends TreguesiErrorCode ? TreguesiError<Code> : never
export type HttpRefusal = Distributed<keyof typeof statusOf>

/** A refusal as GraphQL errors carry it, in `language`, so a client reads every refusal the same way. */
export function formattedRefusal(refusal: TreguesiError, log: FastifyBaseLogger, language: Language): GraphQLFormattedError {
  return formatError(new GraphQLError(refusal.message, { originalError: refusal }), log.error.bind(log), language)
}

/**
 * A refusal thrown where graphql expects an error (a subscription that is not started), in
 * `language`: mercurius sends such an error to the client as it is.
 */
export function graphqlRefusal(refusal: TreguesiError, log: FastifyBaseLogger, language: Language): GraphQLError {
  const { message, extensions } = formattedRefusal(refusal, log, language)
  return new GraphQLError(message, { ...(extensions && { extensions }) })
}

/**
 * Answers `status` with `{ errors: [...] }`: the refusal in the request's language, which the
 * answer names.
 */
export function answerRefusal(reply: FastifyReply, status: number, refusal: TreguesiError): FastifyReply {
  const language = answerIn(reply)
  return reply.code(status).send({ errors: [formattedRefusal(refusal, reply.log, language)] })
}

/**
 * Answers with the refusal's status and `{ errors: [...] }`; a rate or overload refusal says
 * when to retry (Retry-After), an authentication refusal how to authenticate (WWW-Authenticate).
 */
export function sendRefusal(reply: FastifyReply, refusal: HttpRefusal): FastifyReply {
  if (refusal.code === 'TRG_UNAUTHENTICATED') reply.header('www-authenticate', 'Bearer')
  else reply.header('retry-after', refusal.details.retryAfterSeconds)
  return answerRefusal(reply, statusOf[refusal.code], refusal)
}
