import { createSigner, createVerifier } from 'fast-jwt'
import { z } from 'zod'
import { tokenClaimsSchema, type TokenSubject } from './claims.js'

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
    return sign({ role: subject.role, ...(subject.role === 'editor' && { municipalities: [...subject.municipalities] }) })
  }
}

export interface VerifyOptions {
  /** How far in the future a token's expiry may be when it is used. */
  readonly maxLifetimeHours: number
  /** Milliseconds since the epoch. */
  readonly now: () => number
}

export type Verified = { readonly subject: TokenSubject; readonly expiresAt: Date } | { readonly refused: string }

/**
 * Checks a token signed with `secret`: its signature (HS256 only), that it has an expiry that has
 * not passed and is no further away than the maximum lifetime (which bounds how long a leaked
 * token works), and that its claims name a known role. A refusal says why, in words a client can
 * act on.
 */
export function tokenVerifier(secret: string, { maxLifetimeHours, now }: VerifyOptions): (token: string) => Verified {
  return (token) => {
    const at = now()
    let claims: z.infer<typeof tokenClaimsSchema>
    try {
      const verify = createVerifier({ key: secret, algorithms: ['HS256'], requiredClaims: ['exp'], clockTimestamp: at })
      claims = tokenClaimsSchema.parse(verify(token))
    } catch (error) {
      return { refused: error instanceof z.ZodError ? 'the token does not name a known role' : (error as Error).message }
    }
    const expiresAt = new Date(claims.exp * 1000)
    if (expiresAt.getTime() - at > maxLifetimeHours * hourMs) {
      return {
        refused: `the token expires at ${expiresAt.toISOString()}, more than ${maxLifetimeHours} hours from now (the longest this service accepts)`,
      }
    }
    const subject: TokenSubject = {
      id: claims.sub,
      role: claims.role,
      municipalities: claims.role === 'editor' ? claims.municipalities : [],
    }
    return { subject, expiresAt }
  }
}
