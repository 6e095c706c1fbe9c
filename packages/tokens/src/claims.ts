import { z } from 'zod'

/**
 * The claims of a Treguesi bearer token (a JWT). `sub` names the person or system; `role` what it
 * may do; an editor's or a reviewer's `municipalities` the codes it works for; `exp` (seconds since the epoch)
 * is required, so that no token works for ever; `iat` is when it was issued. Any other claim is
 * ignored.
 */
const expiry = { exp: z.number().int(), iat: z.number().int().optional() }
const subject = z.string().min(1, { message: 'must not be empty' })
const municipalityCode = z.string().min(1)

/**
 * The roles that work for some municipalities only: editors write their plans and figures,
 * reviewers (a gender-equality coordinator, the council) return or approve what editors submit.
 */
export const scopedRoles = ['editor', 'reviewer'] as const
export type ScopedRole = (typeof scopedRoles)[number]
export const isScopedRole = (role: string): role is ScopedRole => (scopedRoles as readonly string[]).includes(role)

export const tokenClaimsSchema = z.discriminatedUnion('role', [
  z.object({ sub: subject, role: z.enum(scopedRoles), municipalities: z.array(municipalityCode).min(1), ...expiry }),
  z.object({ sub: subject, role: z.enum(['admin', 'viewer', 'ministry']), ...expiry }),
])
export type TokenClaims = z.infer<typeof tokenClaimsSchema>

export const tokenRoles = ['admin', 'editor', 'reviewer', 'viewer', 'ministry'] as const
export type TokenRole = (typeof tokenRoles)[number]

/** Who a token speaks for: its subject, role and, for an editor or a reviewer, the municipalities it works for. */
export interface TokenSubject {
  readonly id: string
  readonly role: TokenRole
  /** Empty for every role but editor and reviewer. */
  readonly municipalities: readonly string[]
}

/** TREGUESI_JWT_SECRET, the secret tokens are signed with (HS256): long enough that it cannot be guessed. */
export const tokenSecretSchema = z.string({ message: 'is not set' }).min(32, { message: 'must be at least 32 characters' })

/** How far in the future a token's expiry may be when it is used, unless configured. */
export const defaultMaxLifetimeHours = 720

/** TREGUESI_TOKEN_MAX_LIFETIME_HOURS: the service refuses a token expiring further ahead; the CLI does not issue one. */
export const maxLifetimeHoursSchema = z.coerce
  .number({ message: 'must be a number of hours' })
  .int({ message: 'must be a whole number of hours' })
  .min(1, { message: 'must be at least 1' })
  .max(87_600, { message: 'must be at most 87600' })
  .default(defaultMaxLifetimeHours)

const lifetimeUnits = { m: 60, h: 3600, d: 86_400 } as const

/** Seconds in a lifetime written as a whole number of minutes, hours or days (`50m`, `12h`, `30d`); undefined for anything else. */
export function lifetimeSeconds(text: string): number | undefined {
  const match = /^([1-9]\d{0,6})([mhd])$/.exec(text)
  return match === null ? undefined : Number(match[1]) * lifetimeUnits[match[2] as keyof typeof lifetimeUnits]
}
