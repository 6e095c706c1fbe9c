import { TreguesiError } from '@treguesi/errors'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { createDecoder } from 'fast-jwt'
import {
  lifetimeSeconds,
  providerVerifier,
  tokenIssuer,
  tokenVerifier,
  type IdentityProvider,
  type TokenSubject,
  type Verified,
} from '@treguesi/tokens'
import { sendRefusal } from '../protection/refusal.js'
import { anonymous, type Principal } from './principal.js'
import { revocationProblem, type TokenRevocations } from './token-revocations.js'

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal
  }
  interface FastifyInstance {
    /** A bearer token for `subject`, valid for `expiresIn` (`50m`, `12h`, `30d`). */
    signToken(subject: TokenSubject, expiresIn: string): string
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
  /** Whose tokens (signed with a public-key algorithm) are also accepted; null: the service's own only. */
  readonly identityProvider: IdentityProvider | null
  /** How far in the future a token's expiry may be when it is used. */
  readonly maxTokenLifetimeHours: number
  readonly failedAuthentications: FailedAuthentications
  /** Subjects whose tokens an admin revoked; a token issued up to the revocation is refused. */
  readonly revocations: TokenRevocations
}

const bearer = /^Bearer +(\S+)$/i

/**
 * Sets `request.principal` from the bearer token (`@treguesi/tokens`): anonymous without a token;
 * a token the verifier refuses (malformed, badly signed, expired, without an expiry or with one
 * too far away) is answered 401 rather than quietly treated as anonymous, so a client notices it
 * has lost its access, and so is a token its subject's revocation covers. An address that has failed too often is answered 429
 * before its token is even looked at, so guessing tokens is slow.
 */
export const accessPlugin = fp(
  async (
    app: FastifyInstance,
    { jwtSecret, identityProvider, maxTokenLifetimeHours, failedAuthentications, revocations }: AccessOptions,
  ) => {
    const issue = tokenIssuer(jwtSecret)
    const rules = { maxLifetimeHours: maxTokenLifetimeHours, now: Date.now }
    const ownToken = tokenVerifier(jwtSecret, rules)
    const providerToken = identityProvider === null ? null : providerVerifier(identityProvider, rules)
    const decodeHeader = createDecoder({ complete: true })
    // The service's own tokens are HS256; any other algorithm is the provider's to check.
    const verify = async (token: string): Promise<Verified> => {
      if (providerToken === null) return ownToken(token)
      let algorithm: unknown
      try {
        algorithm = decodeHeader(token).header.alg
      } catch (error) {
        return { refused: (error as Error).message }
      }
      return algorithm === 'HS256' ? ownToken(token) : providerToken(token)
    }
    app.decorate('signToken', (subject: TokenSubject, expiresIn: string) => {
      const lifetime = lifetimeSeconds(expiresIn)
      if (lifetime === undefined) throw new TypeError(`a token lifetime is a whole number of minutes, hours or days, not "${expiresIn}"`)
      return issue(subject, { lifetimeSeconds: lifetime, now: Date.now() })
    })

    const unauthenticated = (reason: string) => new TreguesiError('TRG_UNAUTHENTICATED', { reason })

    async function verified(authorization: string): Promise<Principal | TreguesiError<'TRG_UNAUTHENTICATED'>> {
      const token = bearer.exec(authorization)?.[1]
      if (token === undefined) return unauthenticated('the Authorization header must be "Bearer <token>"')
      const outcome = await verify(token)
      if ('refused' in outcome) return unauthenticated(outcome.refused)
      const revoked = revocationProblem(revocations, outcome.subject.id, outcome.issuedAt)
      return revoked === null ? outcome.subject : unauthenticated(revoked)
    }

    app.decorate('authenticate', async (request: FastifyRequest, authorization: string) => {
      const throttled = await failedAuthentications.refusal(request)
      if (throttled !== undefined) return throttled
      const caller = await verified(authorization)
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
