/** Who is calling, as the bearer token says. */
export type Role = 'admin' | 'editor' | 'viewer' | 'ministry' | 'anonymous'

export interface Principal {
  /** The token's subject; null for anonymous callers. */
  readonly id: string | null
  readonly role: Role
  /** The municipality codes an editor may write for; empty for other roles. */
  readonly municipalities: readonly string[]
}

export const anonymous: Principal = Object.freeze({ id: null, role: 'anonymous', municipalities: Object.freeze([]) })
