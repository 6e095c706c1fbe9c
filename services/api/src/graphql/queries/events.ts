import { TreguesiError } from '@treguesi/errors'
import { maxPosition, type AllFilter, type RecordedEvent } from '@treguesi/event-store'
import type { QueryEventsArgs, Resolvers } from '../generated/resolvers.js'
import { positionProblem } from '../scalars.js'
import { consistent } from './consistency.js'
import { pageSize, type PageInfo } from './connection.js'

/** The change feed's cursor is the event's position itself, so a mutation's position works as `after` too. */
function afterPosition(after: string | null | undefined): bigint | undefined {
  if (after == null) return undefined
  const problem = positionProblem(after, 'a position from this feed: a whole number, such as "42"')
  if (problem !== null) throw new TreguesiError('TRG_INVALID_VALUE', { type: 'cursor', value: after, problem })
  return BigInt(after)
}

export const eventResolvers: Resolvers = {
  Query: {
    /**
     * Read from the store, not the read models: the feed is the log itself, every event as
     * recorded. Drafts are in it, so it is for signed-in callers only.
     */
    events: consistent(async ({ after, first, types, streamPrefix, asOf }: QueryEventsArgs, context) => {
      if (context.principal.role === 'anonymous') {
        throw new TreguesiError('TRG_UNAUTHENTICATED', { reason: 'the change feed needs a bearer token' })
      }
      const size = pageSize(first)
      const from = afterPosition(after)
      const filter: AllFilter = {
        ...(types != null && { eventTypePrefixes: types }),
        ...(streamPrefix != null && { streamPrefixes: [streamPrefix] }),
      }
      const events: RecordedEvent[] = []
      // One more than asked tells whether another page follows.
      // As of a moment, the feed ends where the log then ended (the request's snapshot).
      const end = asOf == null ? undefined : (context.models.position ?? -1n)
      for await (const event of context.store.readAll({ ...(from !== undefined && { fromPosition: from }), maxCount: size + 1, filter })) {
        if (end !== undefined && event.position > end) break
        events.push(event)
      }
      // Whether the feed holds an event at or before `after`, under the same filter.
      let earlier = false
      if (from !== undefined) {
        // Just after `after`, or from the end when nothing can lie after it.
        const before = from < maxPosition ? { fromPosition: from + 1n } : {}
        for await (const _event of context.store.readAll({ direction: 'backwards', ...before, maxCount: 1, filter })) earlier = true
      }
      const edges = events.slice(0, size).map((event) => ({ cursor: event.position.toString(), node: event }))
      const pageInfo: PageInfo = {
        hasNextPage: events.length > size,
        hasPreviousPage: earlier,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      }
      return { edges, pageInfo }
    }),
  },
  LogEvent: {
    position: (event) => event.position.toString(),
    revision: (event) => event.revision.toString(),
    recordedAt: (event) => event.recordedAt.toISOString(),
  },
}
