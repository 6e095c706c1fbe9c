import { aggregates, hasSensitiveCounts, quarterOf, type Period, type PlanStatus } from '@treguesi/domain'
import { TreguesiError } from '@treguesi/errors'
import { maxPosition, type AllFilter, type JsonObject, type RecordedEvent } from '@treguesi/event-store'
import { getEntry, isPublished, publicationOf } from '@treguesi/projections'
import type { ReadModels } from '@treguesi/read-models'
import type { Principal } from '../../access/principal.js'
import { canReadPlan, canSeeSmallCounts, readsFiguresBeforeApproval } from '../../access/read-policy.js'
import type { QueryEventsArgs, Resolvers } from '../generated/resolvers.js'
import { metadataFor } from '../recorder.js'
import { positionProblem } from '../scalars.js'
import { consistent } from './consistency.js'
import { pageSize, type PageInfo } from './connection.js'

/**
 * How many events one request examines at most, per event asked for: a caller who may read few
 * of them (a draft being written, the audit's records) gets a short page rather than a request
 * that reads the log to its end, and continues from its `endCursor`.
 */
export const examinedPerEvent = 10

/** The change feed's cursor is the event's position itself, so a mutation's position works as `after` too. */
function afterPosition(after: string | null | undefined): bigint | undefined {
  if (after == null) return undefined
  const problem = positionProblem(after, 'a position from this feed: a whole number, such as "42"')
  if (problem !== null) throw new TreguesiError('TRG_INVALID_VALUE', { type: 'cursor', value: after, problem })
  return BigInt(after)
}

/**
 * Whose an event is: a plan's, with its standing (its own events, its indicators', its budget
 * lines'), or a municipality's own (no status); null for one of no plan and no municipality (the
 * audit's, or about an entity the read models never placed).
 */
interface Owner {
  readonly municipality: string
  readonly planId?: string
  readonly status?: PlanStatus
  /** A sensitive count indicator's stream: its figures are withheld from all but the municipality's staff. */
  readonly sensitiveCounts?: boolean
}

function planOwner(models: ReadModels, planId: string | undefined): Owner | null {
  const plan = planId === undefined ? undefined : getEntry(models.plans.state.plans, planId)
  return plan === undefined ? null : { municipality: plan.municipality, planId: plan.planId, status: plan.status }
}

function indicatorOwner(models: ReadModels, indicatorId: string): Owner | null {
  const definition = getEntry(models.plans.state.indicators, indicatorId)?.facts.definition
  const plan = definition === undefined ? undefined : getEntry(models.plans.state.plans, definition.planId)
  if (plan === undefined) return null
  return {
    municipality: plan.municipality,
    planId: plan.planId,
    status: plan.status,
    sensitiveCounts: hasSensitiveCounts(definition!, plan.kind),
  }
}

/** The events of an indicator that carry its counts: values, corrections, its baseline. */
const countEvents: ReadonlySet<string> = new Set([
  'indicator.value-reported.v1',
  'indicator.value-corrected.v1',
  'indicator.baseline-set.v1',
])

/**
 * An event of a sensitive indicator as a caller without the right to its figures reads it: which
 * period (or baseline year) was reported or corrected, and why, but no figure (one corrected
 * away, or the difference of two, could be a withheld count).
 */
function withoutFigures(event: RecordedEvent): RecordedEvent {
  if (!countEvents.has(event.type)) return event
  const kept = ['indicatorId', 'period', 'year', 'reason', 'source'].filter((field) => event.data[field] !== undefined)
  const data = { ...Object.fromEntries(kept.map((field) => [field, event.data[field]])), withheld: 'suppressed' }
  return { ...event, data: data as JsonObject }
}

/**
 * The period a figure event is of: a value's or correction's own, a status change's quarter, an
 * allocation's or expenditure's fiscal year; undefined for an event of the plan's content.
 */
function figurePeriod(models: ReadModels, event: RecordedEvent): Period | undefined {
  switch (event.type) {
    case 'indicator.value-reported.v1':
    case 'indicator.value-corrected.v1':
      return event.data.period as Period
    case 'plan.measure-status-changed.v1':
      return quarterOf(String(event.data.date))
    case 'budget-line.allocated.v1':
    case 'budget-line.expenditure-recorded.v1':
      return `${getEntry(models.budgets.state.lines, String(event.data.budgetLineId))!.fiscalYear}` as Period
    default:
      return undefined
  }
}

/**
 * Whether a caller who reads the plan's figures only as approved reads the event: an event of
 * its content, or one of a figure an approval published (one holding its period came after it).
 */
function isPublic(models: ReadModels, owner: Owner, event: RecordedEvent): boolean {
  const period = figurePeriod(models, event)
  if (period === undefined) return true
  return isPublished(publicationOf(models.plans.state, owner.planId!), period, event.position)
}

/** Each aggregate's streams by their name's prefix, and how the read models find the owner from the key after it. */
const streamOwners: ReadonlyArray<readonly [prefix: string, owner: (models: ReadModels, key: string) => Owner | null]> = [
  [aggregates.plan.streamOf(''), planOwner],
  [aggregates.indicator.streamOf(''), indicatorOwner],
  [aggregates.budgetLine.streamOf(''), (models, id) => planOwner(models, getEntry(models.budgets.state.lines, id)?.planId)],
  [aggregates.municipality.streamOf(''), (_models, code) => ({ municipality: code })],
]

function ownerOf(models: ReadModels, stream: string): Owner | null {
  for (const [prefix, owner] of streamOwners) if (stream.startsWith(prefix)) return owner(models, stream.slice(prefix.length))
  return null
}

/** The event as the caller may read it (who recorded it left out when it may not know), or null. */
function asReadBy(principal: Principal, models: ReadModels, event: RecordedEvent): RecordedEvent | null {
  const owner = ownerOf(models, event.stream)
  const readable =
    owner === null
      ? principal.role === 'admin'
      : owner.status === undefined || canReadPlan(principal, { municipality: owner.municipality, status: owner.status })
  if (!readable) return null
  // A figure not yet approved is its municipality's staff's and admins' alone.
  if (owner?.planId !== undefined && !readsFiguresBeforeApproval(principal, owner.municipality) && !isPublic(models, owner, event))
    return null
  const shown = owner?.sensitiveCounts === true && !canSeeSmallCounts(principal, owner.municipality) ? withoutFigures(event) : event
  return { ...shown, metadata: metadataFor(principal, event.metadata, owner?.municipality ?? null) }
}

export const eventResolvers: Resolvers = {
  Query: {
    /**
     * Read from the store, not the read models: the feed is the log itself, each event as
     * recorded, of those the caller may read. Whose an event is, and how far its plan has come,
     * is what the request's snapshot of the read models says, so the feed ends where that
     * snapshot does: an event it has not applied yet could not be judged.
     */
    events: consistent(async ({ after, first, types, streamPrefix }: QueryEventsArgs, context) => {
      const { principal, models } = context
      const size = pageSize(first)
      const limit = size * examinedPerEvent
      const from = afterPosition(after)
      const filter: AllFilter = {
        ...(types != null && { eventTypePrefixes: types }),
        ...(streamPrefix != null && { streamPrefixes: [streamPrefix] }),
      }
      const end = models.position ?? -1n
      const edges: Array<{ cursor: string; node: RecordedEvent }> = []
      // Where the next page starts: every event the caller may read up to it is on this page.
      let examinedTo: bigint | undefined
      let examined = 0
      let more = false
      // One more than the limit tells whether anything follows.
      for await (const event of context.store.readAll({ ...(from !== undefined && { fromPosition: from }), maxCount: limit + 1, filter })) {
        if (event.position > end) break
        if (examined === limit) {
          more = true
          break
        }
        const read = asReadBy(principal, models, event)
        // The next page's first event: it stays for that page.
        if (read !== null && edges.length === size) {
          more = true
          break
        }
        examined += 1
        examinedTo = event.position
        if (read !== null) edges.push({ cursor: event.position.toString(), node: read })
      }
      // Whether the feed holds an event at or before `after`, under the same filter.
      let earlier = false
      if (from !== undefined) {
        // Just after `after`, or from the end when nothing can lie after it.
        const before = from < maxPosition ? { fromPosition: from + 1n } : {}
        for await (const _event of context.store.readAll({ direction: 'backwards', ...before, maxCount: 1, filter })) earlier = true
      }
      const pageInfo: PageInfo = {
        hasNextPage: more,
        hasPreviousPage: earlier,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: examinedTo?.toString() ?? null,
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
