import { TreguesiError } from '@treguesi/errors'
import { getArgumentValues, Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql'
import type { GraphQLContext } from '../context.js'
import type { AsOf } from '../generated/resolvers.js'

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

/**
 * Answers the request as of an earlier moment of record time: the request's snapshot becomes the
 * read models as they were then. Applied after `consistentWith`, and never later than the
 * position the request's snapshot has reached, so both together mean "once my write is in, as
 * of this moment".
 */
export async function ensureAsOf(context: GraphQLContext, asOf: AsOf | null | undefined): Promise<void> {
  if (asOf == null) return
  const { position, time } = asOf
  if ((position == null) === (time == null)) {
    throw new TreguesiError('TRG_INVALID_VALUE', {
      type: 'asOf',
      value: JSON.stringify(asOf),
      problem: 'give exactly one of position and time',
    })
  }
  // Subscriptions have no as-of index and no asOf argument; every query context has one.
  const index = context.asOf!
  // Bounded like consistentWith: after a start from a checkpoint the earlier history takes a while to index.
  if (!(await index.whenReady(context.consistencyTimeoutMs))) {
    throw new TreguesiError('TRG_AS_OF_NOT_READY', { indexedEvents: index.size.events, waitedMs: context.consistencyTimeoutMs })
  }
  const wanted = position != null ? BigInt(position) : index.positionAt(new Date(time!))
  // Never past the request's snapshot; with nothing reached yet, before the first event.
  const reached = context.models.position ?? -1n
  const target = wanted === null || wanted <= reached ? wanted : reached
  context.models = await index.at(target)
}

/** The moments the root fields ask for ('now' without asOf), once per execution (its variables). */
const moments = new WeakMap<object, ReadonlySet<string>>()

/**
 * Every field of a request reads one snapshot (context.models), so root fields asking for
 * different moments cannot be answered together: such a request is refused as a whole, before
 * any field reads anything.
 */
function assertOneMoment(info: GraphQLResolveInfo): void {
  let asked = moments.get(info.variableValues)
  if (asked === undefined) {
    const found = new Set<string>()
    const visit = (selections: SelectionSetNode): void => {
      for (const selection of selections.selections) {
        if (selection.kind === Kind.FIELD) {
          const field = info.parentType.getFields()[selection.name.value]
          if (field?.args.some((argument) => argument.name === 'asOf')) {
            const { asOf } = getArgumentValues(field, selection, info.variableValues)
            found.add(asOf == null ? 'now' : JSON.stringify(asOf))
          }
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          visit(selection.selectionSet)
        } else {
          visit(info.fragments[selection.name.value]!.selectionSet)
        }
      }
    }
    visit(info.operation.selectionSet)
    asked = found
    moments.set(info.variableValues, asked)
  }
  if (asked.size > 1) {
    throw new TreguesiError('TRG_INVALID_VALUE', {
      type: 'asOf',
      value: [...asked].join(', '),
      problem: 'every root field of one request must ask for the same moment (or none)',
    })
  }
}

type QueryResolver<Args, Result> = (root: unknown, args: Args, context: GraphQLContext, info: GraphQLResolveInfo) => Result

interface ReadArgs {
  consistentWith?: string | null | undefined
  asOf?: AsOf | null | undefined
}

/** A root query field that honours `consistentWith`, then `asOf`, before it reads anything. */
export function consistent<Args extends ReadArgs, Result>(
  resolve: (args: Args, context: GraphQLContext) => Result | Promise<Result>,
): QueryResolver<Args, Promise<Result>> {
  return async (_root, args, context, info) => {
    assertOneMoment(info)
    await ensureConsistent(context, args.consistentWith)
    await ensureAsOf(context, args.asOf)
    return resolve(args, context)
  }
}
