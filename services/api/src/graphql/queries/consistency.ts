import { TreguesiError } from '@treguesi/errors'
import type { GraphQLContext } from '../context.js'

/**
 * Read-your-writes for every query: with `consistentWith` (a position a mutation returned), the
 * answer waits until the read models have applied that position, bounded by the service's
 * consistency timeout, and then answers from a snapshot taken after it; a client gets either
 * its own write or TRG_NOT_CONSISTENT to retry, never a silently stale figure.
 */
export async function ensureConsistent(context: GraphQLContext, consistentWith: string | null | undefined): Promise<void> {
  if (consistentWith == null) return
  const position = BigInt(consistentWith)
  const reached = (models: GraphQLContext['models']) => models.position !== null && models.position >= position
  // The request's snapshot may already be past it (another root field waited, or no wait was needed).
  if (reached(context.models)) return
  const { live, consistencyTimeoutMs } = context
  if (!(await live.reach(position, consistencyTimeoutMs))) {
    throw new TreguesiError('TRG_NOT_CONSISTENT', {
      position: consistentWith,
      reached: live.current.position === null ? null : live.current.position.toString(),
      waitedMs: consistencyTimeoutMs,
    })
  }
  context.models = live.current
}

type QueryResolver<Args, Result> = (root: unknown, args: Args, context: GraphQLContext, info: unknown) => Result

/** A root query field that honours `consistentWith` before it reads anything. */
export function consistent<Args extends { consistentWith?: string | null | undefined }, Result>(
  resolve: (args: Args, context: GraphQLContext) => Result | Promise<Result>,
): QueryResolver<Args, Promise<Result>> {
  return async (_root, args, context) => {
    await ensureConsistent(context, args.consistentWith)
    return resolve(args, context)
  }
}
