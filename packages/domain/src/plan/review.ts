import { TreguesiError } from '@treguesi/errors'
import type { LocalizedText } from '../shared/text.js'
import { periodContains, type Period } from '../shared/period.js'

/**
 * Where a piece of a municipality's word stands on its way to approval: a plan's content (its
 * adoption) and each reporting round (a plan's figures for a period) go the same way. Editors
 * work on it while it is `open`, `returned` or `reopened`; they `submit` it; a reviewer `returns`
 * it with comments or `approves` it; an approved one changes again only once a reviewer or an
 * admin `reopens` it with a reason.
 */
export type ReviewStatus = 'open' | 'submitted' | 'returned' | 'approved' | 'reopened'

export type ReviewStep = 'submit' | 'return' | 'approve' | 'reopen'

/** The status each step leaves, and the statuses it may be taken from. */
const steps: { readonly [Step in ReviewStep]: { readonly to: ReviewStatus; readonly from: readonly ReviewStatus[] } } = {
  submit: { to: 'submitted', from: ['open', 'returned', 'reopened'] },
  return: { to: 'returned', from: ['submitted'] },
  approve: { to: 'approved', from: ['submitted'] },
  reopen: { to: 'reopened', from: ['approved'] },
}

export interface Review {
  readonly status: ReviewStatus
  /** While returned, the reviewer's comments; while reopened, the reason; a new submission clears them. */
  readonly comments?: LocalizedText
}

export const openReview: Review = Object.freeze({ status: 'open' })

/** Whether editors may change what the review covers: not while it is submitted or approved. */
export const isEditable = (review: Review): boolean => review.status !== 'submitted' && review.status !== 'approved'

/** Whether `step` may be taken from where `review` stands. */
export const canTakeStep = (review: Review, step: ReviewStep): boolean => steps[step].from.includes(review.status)

/**
 * The status `step` leads to from `review`, refused (TRG_INVALID_STATE) where the step does not
 * start: `what` names the plan or the round in the error.
 */
export function reviewStep(review: Review, step: ReviewStep, what: { entity: string; id: string }): ReviewStatus {
  const { to } = steps[step]
  if (!canTakeStep(review, step)) {
    // The status a step leads to is also the word for having taken it: submitted, returned…
    throw new TreguesiError('TRG_INVALID_STATE', { ...what, state: review.status, action: to })
  }
  return to
}

/**
 * The round whose review holds figures of `period`: the round of that period or of one that
 * covers it (a year's round holds its halves and quarters), when it is submitted or approved.
 */
export function lockingRound(reports: Readonly<Record<string, Review>>, period: Period): [Period, Review] | undefined {
  for (const [round, review] of Object.entries(reports)) {
    if (!isEditable(review) && periodContains(round as Period, period)) {
      return [round as Period, review]
    }
  }
  return undefined
}

/** What a lock protects: the plan's own content, or the figures of the period a command names. */
interface Lockable {
  readonly planId: string
  readonly adoption: Review
  readonly reports: Readonly<Record<string, Review>>
}

/** Refuses (TRG_PLAN_LOCKED) a change to the plan's content while it is submitted or approved. */
export function assertPlanEditable(plan: Lockable): void {
  if (!isEditable(plan.adoption)) throw new TreguesiError('TRG_PLAN_LOCKED', { planId: plan.planId, state: plan.adoption.status })
}

/** Refuses (TRG_PERIOD_LOCKED) a figure of `period` while a round holding it is submitted or approved. */
export function assertPeriodEditable(plan: Lockable, period: Period): void {
  const locking = lockingRound(plan.reports, period)
  if (locking !== undefined) {
    const [round, review] = locking
    throw new TreguesiError('TRG_PERIOD_LOCKED', { planId: plan.planId, period, round, state: review.status })
  }
}
