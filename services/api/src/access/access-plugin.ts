import fastifyJwt from '@fastify/jwt'
import { TreguesiError } from '@treguesi/errors'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { z } from 'zod'
import { anonymous, type Principal } from './principal.js'

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal
  }
  interface FastifyInstance {
    /** A bearer token for `principal`, valid for `expiresIn` (e.g. '12h'). */
    signToken(principal: Principal & { readonly id: string }, expiresIn: string): string
  }
}

export interface AccessOptions {
  readonly jwtSecret: string
}

const claimsSchema = z.discriminatedUnion('role', [
  z.object({ sub: z.string().min(1), role: z.literal('editor'), municipalities: z.array(z.string().min(1)).min(1) }),
  z.object({ sub: z.string().min(1), role: z.enum(['admin', 'viewer', 'ministry']) }),
])

/**
 * Sets `request.principal` from the bearer token (HS256, with an expiry): anonymous without a
 * token; a token that is malformed, expired or badly signed is refused with 401 rather than
 * quietly treated as anonymous, so a client notices it has lost its access.
 */
export const accessPlugin = fp(async (app: FastifyInstance, { jwtSecret }: AccessOptions) => {
  await app.register(fastifyJwt, { secret: jwtSecret, sign: { algorithm: 'HS256' }, verify: { algorithms: ['HS256'] } })
  app.decorate('signToken', (principal: Principal & { readonly id: string }, expiresIn: string) =>
    app.jwt.sign(
      { role: principal.role, ...(principal.role === 'editor' && { municipalities: [...principal.municipalities] }) },
      { sub: principal.id, expiresIn },
    ),
  )
  app.decorateRequest('principal', null as unknown as Principal)
  app.addHook('onRequest', async (request, reply) => {
    request.principal = anonymous
    if (request.headers.authorization === undefined) return
    try {
      const claims = claimsSchema.parse(await request.jwtVerify())
      request.principal = {
        id: claims.sub,
        role: claims.role,
        municipalities: claims.role === 'editor' ? claims.municipalities : [],
      }
    } catch (error) {
      const reason = error instanceof z.ZodError ? 'the token does not name a known role' : (error as Error).message
      const refusal = new TreguesiError('TRG_UNAUTHENTICATED', { reason })
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ errors: [{ message: refusal.message, extensions: { code: 'UNAUTHENTICATED', trgCode: refusal.code } }] })
    }
  })
})
