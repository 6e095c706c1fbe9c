import type { PlanStatus } from '@treguesi/domain'
import { isScopedRole } from '@treguesi/tokens'
import type { Principal } from './principal.js'

/** What the read rules need to know of a plan: whose it is and how far it has come. */
export interface PlanStanding {
  readonly municipality: string
  readonly status: PlanStatus
}

/** A municipality's own staff: the editors who write for it and the reviewers who review them. */
export function isStaffOf(principal: Principal, municipality: string): boolean {
  return isScopedRole(principal.role) && principal.municipalities.includes(municipality)
}

/**
 * Whether the caller reads a municipality as its own: an admin, or one of its staff. Its drafts,
 * who recorded its events and its sensitive small counts are theirs to read; writing for it too
 * (which commands is for the policy).
 */
export function readsAsItsOwn(principal: Principal, municipality: string): boolean {
  return principal.role === 'admin' || isStaffOf(principal, municipality)
}

/**
 * Who may read a plan, its figures and its events, on every read path (queries, as-of answers,
 * aggregates, the change feed, subscriptions): an approved or closed plan everyone, anonymous
 * callers and ministries included; a draft only its municipality's own staff and admins, since
 * figures not yet approved are not the municipality's word. The figures of a period, on a plan
 * everyone reads, follow the same rule by their report round (`readsFiguresBeforeApproval`).
 */
export function canReadPlan(principal: Principal, plan: PlanStanding): boolean {
  return plan.status !== 'draft' || readsAsItsOwn(principal, plan.municipality)
}

/**
 * Who reads a period's figures (values, corrections, allocations, expenditures, measure statuses)
 * as they are recorded: admins and the municipality's own staff. Everyone else reads them as the
 * latest approval of a report round holding the period published them, and none before: a
 * figure submitted, returned or reopened is not yet the municipality's word.
 */
export function readsFiguresBeforeApproval(principal: Principal, municipality: string): boolean {
  return readsAsItsOwn(principal, municipality)
}

/**
 * The drafts a caller reads besides every approved and closed plan: all of them (admins), those
 * of some municipalities (their own staff), or none. Figures made of many plans (budget shares,
 * national aggregates) are made of these and the approved ones.
 */
export type DraftAccess = 'all' | readonly string[]

export function draftAccess(principal: Principal): DraftAccess {
  if (principal.role === 'admin') return 'all'
  return isScopedRole(principal.role) ? principal.municipalities : []
}

/**
 * Who sees the small counts of a municipality's sensitive indicators (domestic violence) as
 * reported: admins and the municipality's own staff. Everyone else, ministries included, reads
 * them withheld (null, reason suppressed), with whatever would give them away.
 */
export function canSeeSmallCounts(principal: Principal, municipality: string): boolean {
  return readsAsItsOwn(principal, municipality)
}

/**
 * Who may know who recorded an event of a municipality (the actor's id): admins and the
 * municipality's own staff; everyone else sees the role alone. An event of no municipality
 * (the audit's own) names its recorder to admins only.
 */
export function canSeeRecorder(principal: Principal, municipality: string | null): boolean {
  return municipality === null ? principal.role === 'admin' : readsAsItsOwn(principal, municipality)
}
