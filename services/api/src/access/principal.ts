import type { TokenRole } from '@treguesi/tokens'

/** Who is calling, as the bearer token says. */
export type Role = TokenRole | 'anonymous'

export interface Principal {
  /** The token's subject; null for anonymous callers. */
  readonly id: string | null
  readonly role: Role
  /** The municipality codes an editor writes for or a reviewer reviews; empty for other roles. */
  readonly municipalities: readonly string[]
}

export const anonymous: Principal = Object.freeze({ id: null, role: 'anonymous', municipalities: Object.freeze([]) })
