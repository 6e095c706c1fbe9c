import type { Review } from '@treguesi/domain'
import type { PlanSummary } from '@treguesi/projections'
import { isScopedRole } from '@treguesi/tokens'
import type { Principal } from '../../access/principal.js'
import { isStaffOf } from '../../access/read-policy.js'
import type { GraphQLContext } from '../context.js'
import type { AwaitedAction, Resolvers } from '../generated/resolvers.js'
import { pageSize } from './connection.js'
import { readablePlans } from './snapshot.js'

export interface AwaitingModel extends Review {
  readonly plan: PlanSummary
  readonly period: string | null
  readonly action: AwaitedAction
}

/**
 * What a review asks of the caller, if anything: reviewers (and admins) review what was
 * submitted; editors (and admins) revise what came back and submit a draft's content.
 */
function actionFor(principal: Principal, review: Review): AwaitedAction | null {
  const reviews = principal.role === 'reviewer' || principal.role === 'admin'
  const edits = principal.role === 'editor' || principal.role === 'admin'
  if (review.status === 'submitted') return reviews ? 'review' : null
  if (review.status === 'returned' || review.status === 'reopened') return edits ? 'revise' : null
  // Only a draft's content is open: a report's round starts with its submission.
  return review.status === 'open' && edits ? 'submit' : null
}

function awaitingIn(principal: Principal, plan: PlanSummary): AwaitingModel[] {
  if (plan.status === 'closed') return []
  const rounds = [{ period: null, ...plan.review }, ...plan.reports]
  return rounds.flatMap((round) => {
    const action = actionFor(principal, round)
    return action === null ? [] : [{ ...round, plan, action }]
  })
}

/** The municipalities whose plans may wait for the caller: one asked for, or all it works for. */
function municipalitiesOf(principal: Principal, asked: string | undefined): readonly (string | undefined)[] {
  if (principal.role === 'admin') return [asked]
  if (!isScopedRole(principal.role)) return []
  if (asked !== undefined) return isStaffOf(principal, asked) ? [asked] : []
  return principal.municipalities
}

export const reviewResolvers: Resolvers = {
  Query: {
    awaiting: (_root, { municipality, first }, context: GraphQLContext) => {
      const { principal } = context
      const size = pageSize(first)
      const found: AwaitingModel[] = []
      for (const code of new Set(municipalitiesOf(principal, municipality ?? undefined))) {
        for (const plan of readablePlans(context, code)) {
          found.push(...awaitingIn(principal, plan))
          if (found.length >= size) return found.slice(0, size)
        }
      }
      return found
    },
  },
  // A review without comments has none: the schema's null.
  AwaitingItem: { comments: (item) => item.comments ?? null },
  Review: { comments: (review) => review.comments ?? null },
  ReportRound: { comments: (round) => round.comments ?? null },
}
