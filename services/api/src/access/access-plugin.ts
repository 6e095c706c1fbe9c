import fastifyJwt from '@fastify/jwt'
import { TreguesiError } from '@treguesi/errors'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { z } from 'zod'
import { sendRefusal } from '../protection/refusal.js'
import { anonymous, type Principal } from './principal.js'

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal
  }
  interface FastifyInstance {
    /** A bearer token for `principal`, valid for `expiresIn` (e.g. '12h'). */
    signToken(principal: Principal & { readonly id: string }, expiresIn: string): string
    /**
     * Who the bearer of an Authorization value is (`Bearer <token>`), by the checks every
     * request's token passes, or why it is refused. `request` is where it came from: failed
     * authentications are counted per address.
     */
    authenticate(request: FastifyRequest, authorization: string): Promise<Principal | AuthenticationRefusal>
  }
}

export type AuthenticationRefusal = TreguesiError<'TRG_UNAUTHENTICATED'> | TreguesiError<'TRG_RATE_LIMITED'>

/** Counts failed authentications, and refuses to check more tokens for a caller that has failed too often. */
export interface FailedAuthentications {
  refusal(request: FastifyRequest): Promise<TreguesiError<'TRG_RATE_LIMITED'> | undefined>
  record(request: FastifyRequest): Promise<void>
}

export interface AccessOptions {
  readonly jwtSecret: string
  /** How far in the future a token's expiry may be when it is used. */
  readonly maxTokenLifetimeHours: number
  readonly failedAuthentications: FailedAuthentications
}

const expiry = { exp: z.number() }
const claimsSchema = z.discriminatedUnion('role', [
  z.object({ sub: z.string().min(1), role: z.literal('editor'), municipalities: z.array(z.string().min(1)).min(1), ...expiry }),
  z.object({ sub: z.string().min(1), role: z.enum(['admin', 'viewer', 'ministry']), ...expiry }),
])

const bearer = /^Bearer +(\S+)$/i

/**
 * Sets `request.principal` from the bearer token (HS256): anonymous without a token; a token
 * that is malformed, badly signed, expired, without an expiry or with one too far away is
 * refused with 401 rather than quietly treated as anonymous, so a client notices it has lost
 * its access. The expiry is required so that no token works for ever; the maximum lifetime
 * bounds how long a leaked one works. An address that has failed too often is answered 429
 * before its token is even looked at, so guessing tokens is slow.
 */
export const accessPlugin = fp(
  async (app: FastifyInstance, { jwtSecret, maxTokenLifetimeHours, failedAuthentications }: AccessOptions) => {
    await app.register(fastifyJwt, {
      secret: jwtSecret,
      sign: { algorithm: 'HS256' },
      verify: { algorithms: ['HS256'], requiredClaims: ['exp'] },
    })
    app.decorate('signToken', (principal: Principal & { readonly id: string }, expiresIn: string) =>
      app.jwt.sign(
        { role: principal.role, ...(principal.role === 'editor' && { municipalities: [...principal.municipalities] }) },
        { sub: principal.id, expiresIn },
      ),
    )

    const unauthenticated = (reason: string) => new TreguesiError('TRG_UNAUTHENTICATED', { reason })

    function verified(authorization: string): Principal | TreguesiError<'TRG_UNAUTHENTICATED'> {
      const token = bearer.exec(authorization)?.[1]
      if (token === undefined) return unauthenticated('the Authorization header must be "Bearer <token>"')
      let claims: z.infer<typeof claimsSchema>
      try {
        claims = claimsSchema.parse(app.jwt.verify(token))
      } catch (error) {
        return unauthenticated(error instanceof z.ZodError ? 'the token does not name a known role' : (error as Error).message)
      }
      const expiresAt = new Date(claims.exp * 1000)
      if (expiresAt.getTime() - Date.now() > maxTokenLifetimeHours * 3_600_000) {
        return unauthenticated(
          `the token expires at ${expiresAt.toISOString()}, more than ${maxTokenLifetimeHours} hours from now (the longest this service accepts)`,
        )
      }
      return { id: claims.sub, role: claims.role, municipalities: claims.role === 'editor' ? claims.municipalities : [] }
    }

    app.decorate('authenticate', async (request: FastifyRequest, authorization: string) => {
      const throttled = await failedAuthentications.refusal(request)
      if (throttled !== undefined) return throttled
      const caller = verified(authorization)
      if (caller instanceof TreguesiError) await failedAuthentications.record(request)
      return caller
    })

    app.decorateRequest('principal', null as unknown as Principal)
    app.addHook('onRequest', async (request, reply) => {
      request.principal = anonymous
      const { authorization } = request.headers
      if (authorization === undefined) return
      const caller = await app.authenticate(request, authorization)
      if (caller instanceof TreguesiError) return sendRefusal(reply, caller)
      request.principal = caller
    })
  },
  { name: 'treguesi-access' },
)
