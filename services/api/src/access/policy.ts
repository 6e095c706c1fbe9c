import { TreguesiError } from '@treguesi/errors'
import type { Principal } from './principal.js'

/** Plans an anonymous caller may read: those the council approved (and, later, closed). */
export function canReadPlan(principal: Principal, status: 'draft' | 'approved' | 'closed'): boolean {
  return principal.role !== 'anonymous' || status !== 'draft'
}

/** Audit operations (history, replay, verification) are for admins only. */
export function assertAdmin(principal: Principal, action: string): void {
  if (principal.role === 'anonymous') throw new TreguesiError('TRG_UNAUTHENTICATED', { reason: `${action} needs a bearer token` })
  if (principal.role !== 'admin') throw new TreguesiError('TRG_FORBIDDEN', { action, reason: `only admins may; you are ${principal.role}` })
}
