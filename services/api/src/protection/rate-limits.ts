import fastifyRateLimit from '@fastify/rate-limit'
import { TreguesiError } from '@treguesi/errors'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { FailedAuthentications } from '../access/access-plugin.js'
import { addressKey, callerKey } from './caller-key.js'
import { isProbe } from './probes.js'
import { sendRefusal } from './refusal.js'
import type { RateLimits } from './settings.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** The failed authentications of each address, for the access plugin. */
    failedAuthentications: FailedAuthentications
  }
}

type Limiter = ReturnType<FastifyInstance['createRateLimit']>
/** A limiter's count; with no allow list, every request is counted. */
type Count = Extract<Awaited<ReturnType<Limiter>>, { isAllowed: false }>
const counted = async (limiter: Limiter, request: FastifyRequest, increment: boolean): Promise<Count> =>
  (await limiter(request, { increment })) as Count

const seconds = (ms: number): number => Math.ceil(ms / 1000)

/**
 * Requests per caller and window (the token's subject, or the address of an anonymous caller,
 * who gets fewer), and failed authentications per address (fewer still). @fastify/rate-limit
 * counts; the hooks here decide where: per caller in preParsing, which runs after every
 * onRequest hook (the access plugin's among them names the caller) and before the body is
 * read; failures where the access plugin checks a token. Probes are never counted.
 */
export const rateLimits = fp(
  async (app: FastifyInstance, limits: RateLimits) => {
    await app.register(fastifyRateLimit, { global: false })
    const perCaller = app.createRateLimit({
      keyGenerator: (request) => callerKey(request.principal, request.ip),
      max: (request) => (request.principal.id === null ? limits.anonymous : limits.authenticated),
      timeWindow: limits.windowMs,
    })
    const failures = app.createRateLimit({
      keyGenerator: (request) => addressKey(request.ip),
      max: limits.failedAuthentications,
      timeWindow: limits.windowMs,
    })
    const window = `${seconds(limits.windowMs)} s`

    app.decorate('failedAuthentications', {
      async refusal(request: FastifyRequest) {
        // A look, not a count: only a token that fails counts.
        const { remaining, ttl } = await counted(failures, request, false)
        if (remaining > 0) return undefined
        return new TreguesiError('TRG_RATE_LIMITED', {
          limit: `${limits.failedAuthentications} failed authentications per ${window} from one address`,
          retryAfterSeconds: seconds(ttl),
        })
      },
      async record(request: FastifyRequest) {
        await counted(failures, request, true)
      },
    } satisfies FailedAuthentications)

    app.addHook('preParsing', async (request, reply) => {
      if (isProbe(request)) return
      const { max, remaining, ttl, isExceeded } = await counted(perCaller, request, true)
      reply.header('x-ratelimit-limit', max).header('x-ratelimit-remaining', remaining).header('x-ratelimit-reset', seconds(ttl))
      if (!isExceeded) return
      const who = request.principal.id === null ? 'an anonymous caller, per address' : 'one token subject'
      sendRefusal(
        reply,
        new TreguesiError('TRG_RATE_LIMITED', { limit: `${max} requests per ${window} for ${who}`, retryAfterSeconds: seconds(ttl) }),
      )
    })
  },
  { name: 'treguesi-rate-limits' },
)
