import { createSigner, createVerifier } from 'fast-jwt'
import buildGetJwks from 'get-jwks'
import { isScopedRole, tokenClaimsSchema, type TokenSubject } from './claims.js'

const hourMs = 3_600_000

export interface IssueOptions {
  /** Seconds from `now` until the token expires. */
  readonly lifetimeSeconds: number
  /** Milliseconds since the epoch; the token's `iat`. */
  readonly now: number
}

/** Signs tokens with `secret` (HS256) for a subject, with the claims `tokenClaimsSchema` reads. */
export function tokenIssuer(secret: string): (subject: TokenSubject, options: IssueOptions) => string {
  return (subject, { lifetimeSeconds, now }) => {
    const sign = createSigner({ key: secret, algorithm: 'HS256', clockTimestamp: now, expiresIn: lifetimeSeconds * 1000, sub: subject.id })
    return sign({ role: subject.role, ...(isScopedRole(subject.role) && { municipalities: [...subject.municipalities] }) })
  }
}

export interface VerifyOptions {
  /** How far in the future a token's expiry may be when it is used. */
  readonly maxLifetimeHours: number
  /** Milliseconds since the epoch. */
  readonly now: () => number
}

/** A verified token's subject, its expiry, and when it was issued (its `iat`; null when it has none). */
export type Verified =
  | { readonly subject: TokenSubject; readonly expiresAt: Date; readonly issuedAt: Date | null }
  | { readonly refused: string }

/** The subject of verified claims, unless they do not name one or expire too far ahead. */
function verdict(payload: unknown, at: number, maxLifetimeHours: number): Verified {
  const parsed = tokenClaimsSchema.safeParse(payload)
  if (!parsed.success) return { refused: 'the token does not name a known role' }
  const claims = parsed.data
  const expiresAt = new Date(claims.exp * 1000)
  if (expiresAt.getTime() - at > maxLifetimeHours * hourMs) {
    return {
      refused: `the token expires at ${expiresAt.toISOString()}, more than ${maxLifetimeHours} hours from now (the longest this service accepts)`,
    }
  }
  const subject: TokenSubject = {
    id: claims.sub,
    role: claims.role,
    municipalities: 'municipalities' in claims ? claims.municipalities : [],
  }
  return { subject, expiresAt, issuedAt: claims.iat === undefined ? null : new Date(claims.iat * 1000) }
}

/**
 * Checks a token signed with `secret`: its signature (HS256 only), that it has an expiry that has
 * not passed and is no further away than the maximum lifetime (which bounds how long a leaked
 * token works), and that its claims name a known role. A refusal says why, in words a client can
 * act on.
 */
export function tokenVerifier(secret: string, { maxLifetimeHours, now }: VerifyOptions): (token: string) => Verified {
  return (token) => {
    const at = now()
    let payload: unknown
    try {
      payload = createVerifier({ key: secret, algorithms: ['HS256'], requiredClaims: ['exp'], clockTimestamp: at })(token)
    } catch (error) {
      return { refused: (error as Error).message }
    }
    return verdict(payload, at, maxLifetimeHours)
  }
}

/** An organisation's identity provider whose tokens the service also accepts. */
export interface IdentityProvider {
  /** Where the provider publishes its public keys (a JSON Web Key Set). */
  readonly jwksUrl: string
  /** The `iss` its tokens carry. */
  readonly issuer: string
  /** The `aud` its tokens carry for this service, so a token it issued for another application is refused. */
  readonly audience: string
}

/** The public-key algorithms a provider may sign with; a shared-secret one would let anyone holding the key set forge tokens. */
const providerAlgorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'] as const

/**
 * Checks a token an identity provider signed: its signature against the key its header names in
 * the provider's key set (fetched on first use and kept a while, so a rotated key is found), its
 * issuer and audience, and then the same expiry and claims rules as the service's own tokens.
 */
export function providerVerifier(
  provider: IdentityProvider,
  { maxLifetimeHours, now }: VerifyOptions,
): (token: string) => Promise<Verified> {
  const where = new URL(provider.jwksUrl)
  const keys = buildGetJwks({ jwksPath: where.pathname })
  const key = async ({ header }: { header: Record<string, unknown> }) =>
    keys.getPublicKey({ domain: where.origin, alg: String(header.alg), kid: String(header.kid) })
  return async (token) => {
    const at = now()
    let payload: unknown
    try {
      const verify = createVerifier({
        key,
        algorithms: [...providerAlgorithms],
        allowedIss: provider.issuer,
        allowedAud: provider.audience,
        requiredClaims: ['exp', 'iss', 'aud'],
        clockTimestamp: at,
      })
      payload = await verify(token)
    } catch (error) {
      return { refused: (error as Error).message }
    }
    return verdict(payload, at, maxLifetimeHours)
  }
}
