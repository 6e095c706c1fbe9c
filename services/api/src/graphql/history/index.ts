import { aggregateDefinition, aggregates, type Actor, type AggregateName, type Decider, type LocalizedText } from '@treguesi/domain'
import { TreguesiError } from '@treguesi/errors'
import type { RecordedEvent } from '@treguesi/event-store'
import { assertAdmin } from '../../access/policy.js'
import type { GraphQLContext } from '../context.js'
import type { HistoryEntityKind, QueryHistoryArgs, Resolvers } from '../generated/resolvers.js'
import { connectionOf } from '../queries/connection.js'
import { recordedActor } from '../recorder.js'
import { diff, type Change } from './diff.js'

type AnyDecider = Decider<unknown, unknown, unknown>

/** Where an entity's events are, how its state is folded, and which part of it is the entity. */
interface Located {
  readonly kind: HistoryEntityKind
  readonly stream: string
  readonly decider: AnyDecider
  readonly events: readonly RecordedEvent[]
  /** The entity within its stream's state (a measure is one entry of its plan). */
  readonly view: (state: unknown) => unknown
  /** Whether an event of the stream is about the entity. */
  readonly about: (event: RecordedEvent) => boolean
  /** The municipality the stream's state belongs to, once it exists. */
  readonly owner: (state: unknown) => string | undefined
}

/** The kind of entity each aggregate's stream holds, as the schema names it. */
const kindOf: { readonly [Name in AggregateName]: HistoryEntityKind } = {
  municipality: 'municipality',
  plan: 'plan',
  indicator: 'indicator',
  budgetLine: 'budget_line',
  nationalIndicator: 'national_indicator',
  dhis2Mapping: 'dhis2_mapping',
}

const streamKinds = (Object.keys(aggregates) as AggregateName[]).map((name) => {
  const { streamOf, decider, key, ownerOf } = aggregateDefinition(name)
  return {
    kind: kindOf[name],
    stream: streamOf,
    decider: decider as AnyDecider,
    owner: ownerOf,
    names: (id: string) => key.schema.safeParse(id).success,
  }
})

async function readStream(context: GraphQLContext, stream: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = []
  for await (const event of context.store.readStream(stream)) events.push(event)
  return events
}

const everything = (): boolean => true
const itself = (state: unknown): unknown => state

/**
 * The entity an id names: its own stream when it has one; otherwise a measure, found by the event
 * that added it (measures live in their plan's stream).
 */
async function locate(context: GraphQLContext, entityId: string): Promise<Located> {
  // Only the aggregates whose key an id can be are read: a UUID is never a municipality's code.
  for (const { kind, stream: streamOf, decider, owner, names } of streamKinds) {
    if (!names(entityId)) continue
    const stream = streamOf(entityId)
    const events = await readStream(context, stream)
    if (events.length > 0) return { kind, stream, decider, events, view: itself, about: everything, owner }
  }
  for await (const event of context.store.readAll({ filter: { eventTypePrefixes: ['plan.measure-added.'] } })) {
    if (event.data.measureId !== entityId) continue
    const stream = event.stream
    return {
      kind: 'measure',
      stream,
      decider: aggregates.plan.decider as AnyDecider,
      events: await readStream(context, stream),
      view: (state) => (state as { measures?: Record<string, unknown> }).measures?.[entityId],
      about: (recorded) => recorded.data.measureId === entityId,
      owner: aggregateDefinition('plan').ownerOf,
    }
  }
  throw new TreguesiError('TRG_NOT_FOUND', { entity: 'entity', id: entityId })
}

interface HistoryEntryModel {
  readonly position: string
  readonly revision: number
  readonly type: string
  readonly recordedAt: string
  readonly occurredAt: string | null
  readonly actor: Actor | null
  readonly commandId: string | null
  readonly correlationId: string | null
  readonly reason: LocalizedText | null
  readonly note: LocalizedText | null
  readonly changes: Change[]
}

// Every envelope carries these (see envelopeFor).
const text = (value: unknown): string => value as string
// The event schemas make these objects when present.
const localized = (value: unknown): LocalizedText | null => (value === undefined ? null : (value as LocalizedText))

/** Every event about the entity, each with the entity before → after it. */
function entriesOf({ decider, events, view, about, owner }: Located): HistoryEntryModel[] {
  const entries: HistoryEntryModel[] = []
  let state = decider.initialState
  for (const event of events) {
    const before = state
    state = decider.evolve(state, { type: event.type, data: event.data })
    if (!about(event)) continue
    const { metadata, data } = event
    entries.push({
      position: event.position.toString(),
      revision: Number(event.revision),
      type: event.type,
      recordedAt: event.recordedAt.toISOString(),
      occurredAt: text(metadata.occurredAt),
      // Its recorder is shown by the municipality the entity belongs to once the event is applied.
      actor: recordedActor(localized(metadata.actor) as Actor | null, owner(state) ?? null),
      commandId: text(metadata.commandId),
      correlationId: text(metadata.correlationId),
      reason: localized(data.reason),
      note: localized(data.note),
      changes: diff(view(before), view(state)),
    })
  }
  return entries
}

export const historyResolvers: Resolvers = {
  Query: {
    /**
     * Read from the log, not the read models: an audit must show each event as recorded and the
     * entity as its own decider folds it, which is the state commands were decided against.
     */
    history: async (_root, { entityId, first, after }: QueryHistoryArgs, context) => {
      assertAdmin(context.principal, 'reading the history of an entity')
      const located = await locate(context, entityId)
      const entries = entriesOf(located)
      return { entityKind: located.kind, stream: located.stream, ...connectionOf(entries, (entry) => entry.position, { first, after }) }
    },
  },
}
