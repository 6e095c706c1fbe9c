import {
  indicator,
  indicatorEventSchemas,
  municipality,
  municipalityEventSchemas,
  plan,
  planEventSchemas,
  type DefinedIndicator,
  type RegisteredMunicipality,
  type Actor,
  type DraftedPlan,
  type IndicatorEvent,
  type LocalizedText,
  type MunicipalityEvent,
  periodContains,
  type Period,
  type PlanEvent,
  type ReportedValue,
} from '@treguesi/domain'
import { own } from '../own.js'
import { emptyMap, getEntry, setEntry, type PersistentMap } from '../persistent-map.js'
import type { LogEvent, Projection } from '../projection.js'
import { noPublication, publishedStatusHistory, type PlanPublication, type PublishedValue } from './publication.js'

/**
 * The facts of plans and their indicators, as the domain's own deciders fold them: each plan,
 * indicator and municipality is kept as its aggregate's state, so the read model knows exactly
 * what the write side knew. Figures are not stored; the selectors derive them.
 */

export type { DefinedIndicator, RegisteredMunicipality } from '@treguesi/domain'

/** One value event of an indicator, as the history shows it. */
export type ValueHistoryEntry = {
  readonly period: Period
  /** The figure as it stood after this event. */
  readonly value: ReportedValue
  /** The event's place in the log. */
  readonly position: bigint
  /** When the log recorded it (ISO 8601). */
  readonly recordedAt: string
  /** Business time the command stated, when the event carries one. */
  readonly occurredAt: string | null
  /** Who recorded it, when the event says. */
  readonly actor: Actor | null
} & ({ readonly kind: 'reported' } | { readonly kind: 'corrected'; readonly reason: LocalizedText; readonly previous: ReportedValue })

/** An indicator's facts and every value event it had. */
export interface IndicatorEntry {
  readonly facts: DefinedIndicator
  /** Every value reported or corrected, in log order. */
  readonly history: readonly ValueHistoryEntry[]
  /** Each period's figure as the latest approval of a round holding it published it, by period. */
  readonly published: Readonly<Record<string, PublishedValue>>
}

/**
 * Collections that grow with the log are persistent maps, so an event copies a few small nodes
 * and its own plan's indicators, not every plan or indicator there is.
 */
export interface PlansState {
  readonly municipalities: Readonly<Record<string, RegisteredMunicipality>>
  readonly plans: PersistentMap<DraftedPlan>
  /** By indicator id, wherever its plan is: events after its definition name only the indicator. */
  readonly indicators: PersistentMap<IndicatorEntry>
  /** Indicator ids by plan id, in the order they were defined. */
  readonly indicatorsByPlan: PersistentMap<readonly string[]>
  /** Plan ids by municipality code, in the order they were drafted. */
  readonly plansByMunicipality: Readonly<Record<string, readonly string[]>>
  /** What the approvals of each plan's reporting rounds published, by plan id; none before the first. */
  readonly publications: PersistentMap<PlanPublication>
}

export const initialPlansState: PlansState = Object.freeze({
  municipalities: {},
  plans: emptyMap<DraftedPlan>(),
  indicators: emptyMap<IndicatorEntry>(),
  indicatorsByPlan: emptyMap<readonly string[]>(),
  plansByMunicipality: {},
  publications: emptyMap<PlanPublication>(),
})

/** An indicator's entry, wherever its plan is. */
export function indicatorEntry(state: PlansState, indicatorId: string): IndicatorEntry | undefined {
  return getEntry(state.indicators, indicatorId)
}

/** The ids of a plan's indicators, in the order they were defined. */
export function indicatorsOfPlan(state: PlansState, planId: string): readonly string[] {
  return getEntry(state.indicatorsByPlan, planId) ?? []
}

// Every event type of the three aggregates, as the domain defines them: a new one is folded by
// the aggregate's own evolve from the day it exists.
const municipalityEventTypes = Object.keys(municipalityEventSchemas) as MunicipalityEvent['type'][]
const planEventTypes = Object.keys(planEventSchemas) as PlanEvent['type'][]
const indicatorEventTypes = Object.keys(indicatorEventSchemas) as IndicatorEvent['type'][]

const isOneOf = <T extends string>(types: readonly T[], type: string): type is T => (types as readonly string[]).includes(type)

function applyMunicipality(state: PlansState, event: MunicipalityEvent): PlansState {
  const { code } = event.data
  const current = state.municipalities[code]
  // Only a registered municipality gets a budget total; one this log never registered is ignored.
  if (event.type !== 'municipality.registered.v2' && current === undefined) return state
  const next = municipality.evolve(current ?? municipality.initialState, event) as RegisteredMunicipality
  return { ...state, municipalities: { ...state.municipalities, [code]: next } }
}

/**
 * The figures of a round's periods published as they stand at its approval (see PlanPublication):
 * every indicator's values of those periods, and the status changes of its measures dated in them.
 */
function publishRound(state: PlansState, plan: DraftedPlan, round: Period, position: bigint): PlansState {
  const { planId } = plan
  const before = publicationOf(state, planId)
  const statusHistory = Object.fromEntries(
    Object.values(plan.measures).map((measure) => [
      measure.measureId,
      publishedStatusHistory(measure, round, own(before.statusHistory, measure.measureId)),
    ]),
  )
  const publication: PlanPublication = { approvedAt: { ...before.approvedAt, [round]: position }, statusHistory }
  let indicators = state.indicators
  for (const indicatorId of indicatorsOfPlan(state, planId)) {
    const entry = getEntry(indicators, indicatorId)!
    const approved = Object.entries(entry.facts.values).filter(([period]) => periodContains(round, period as Period))
    if (approved.length === 0) continue
    const published = { ...entry.published }
    for (const [period, value] of approved) {
      published[period] = { value, corrections: correctionsOf(entry.history, period) }
    }
    indicators = setEntry(indicators, indicatorId, { ...entry, published })
  }
  return { ...state, indicators, publications: setEntry(state.publications, planId, publication) }
}

/** How many times a period's figure was corrected, by the value events of `history`. */
export function correctionsOf(history: readonly ValueHistoryEntry[], period: string): number {
  return history.filter((entry) => entry.kind === 'corrected' && entry.period === period).length
}

/** What the approvals of a plan's reporting rounds published (none before the first). */
export function publicationOf(state: PlansState, planId: string): PlanPublication {
  return getEntry(state.publications, planId) ?? noPublication
}

function applyPlan(state: PlansState, event: PlanEvent, position: bigint): PlansState {
  const { planId } = event.data
  const current = getEntry(state.plans, planId)
  if (event.type !== 'plan.drafted.v1') {
    // Facts about a plan, or a measure, this log never introduced cannot be placed anywhere.
    if (current === undefined) return state
    if (
      (event.type === 'plan.measure-revised.v1' || event.type === 'plan.measure-status-changed.v1') &&
      current.measures[event.data.measureId] === undefined
    ) {
      return state
    }
    if (event.type === 'plan.area-revised.v1' && current.areas[event.data.areaId] === undefined) return state
    if (event.type === 'plan.objective-revised.v1' && current.objectives[event.data.objectiveId] === undefined) return state
  }
  const next = plan.evolve(current ?? plan.initialState, event) as DraftedPlan
  const plans = setEntry(state.plans, planId, next)
  if (event.type === 'plan.report-approved.v1') return publishRound({ ...state, plans }, next, event.data.period, position)
  // Drafted again (a log written by another client): the index holds it already.
  if (event.type !== 'plan.drafted.v1' || current !== undefined) return { ...state, plans }
  const ofMunicipality = own(state.plansByMunicipality, next.municipality) ?? []
  return { ...state, plans, plansByMunicipality: { ...state.plansByMunicipality, [next.municipality]: [...ofMunicipality, planId] } }
}

/** Who recorded a value event, and when, as its log entry says. */
function provenance(logged: LogEvent): Pick<ValueHistoryEntry, 'position' | 'recordedAt' | 'occurredAt' | 'actor'> {
  const { actor, occurredAt } = logged.metadata
  return {
    position: logged.position,
    recordedAt: logged.recordedAt.toISOString(),
    occurredAt: typeof occurredAt === 'string' ? occurredAt : null,
    actor: (actor as Actor | undefined) ?? null,
  }
}

function valueHistoryEntry(event: IndicatorEvent, logged: LogEvent): ValueHistoryEntry | null {
  switch (event.type) {
    case 'indicator.value-reported.v1': {
      const { indicatorId: _id, period, ...value } = event.data
      return { kind: 'reported', period, value, ...provenance(logged) }
    }
    case 'indicator.value-corrected.v1': {
      const { indicatorId: _id, period, reason, previous, ...value } = event.data
      return { kind: 'corrected', period, value, reason, previous, ...provenance(logged) }
    }
    default:
      return null
  }
}

/**
 * The plan index with `indicatorId` under `planId`. The log holds one definition per indicator
 * (its stream starts with it); defined again by another client's log, it stays where it is, or
 * moves to the plan the new definition names.
 */
function indexedUnderPlan(state: PlansState, indicatorId: string, planId: string): PlansState['indicatorsByPlan'] {
  const before = getEntry(state.indicators, indicatorId)?.facts.definition.planId
  if (before === planId) return state.indicatorsByPlan
  let index = state.indicatorsByPlan
  if (before !== undefined)
    index = setEntry(
      index,
      before,
      indicatorsOfPlan(state, before).filter((id) => id !== indicatorId),
    )
  return setEntry(index, planId, [...(getEntry(index, planId) ?? []), indicatorId])
}

function applyIndicator(state: PlansState, event: IndicatorEvent, logged: LogEvent): PlansState {
  const { indicatorId } = event.data
  const current = getEntry(state.indicators, indicatorId)
  if (event.type === 'indicator.defined.v1') {
    const entry: IndicatorEntry = {
      facts: indicator.evolve(indicator.initialState, event) as DefinedIndicator,
      history: [],
      published: current?.published ?? {},
    }
    return {
      ...state,
      indicators: setEntry(state.indicators, indicatorId, entry),
      indicatorsByPlan: indexedUnderPlan(state, indicatorId, event.data.planId),
    }
  }
  if (current === undefined) return state
  const value = valueHistoryEntry(event, logged)
  const entry: IndicatorEntry = {
    facts: indicator.evolve(current.facts, event) as DefinedIndicator,
    history: value === null ? current.history : [...current.history, value],
    published: current.published,
  }
  return { ...state, indicators: setEntry(state.indicators, indicatorId, entry) }
}

/**
 * Plans, their areas, objectives and measures, their indicators with baselines, targets and
 * values, and the municipalities they belong to. Events about an entity the log never introduced
 * (a plan never drafted, an indicator never defined) leave the state as it is.
 */
export const plansProjection: Projection<PlansState> = {
  name: 'plans',
  initialState: initialPlansState,
  apply(state, logged) {
    const { type, data } = logged
    if (isOneOf(municipalityEventTypes, type)) return applyMunicipality(state, { type, data } as MunicipalityEvent)
    if (isOneOf(planEventTypes, type)) return applyPlan(state, { type, data } as PlanEvent, logged.position)
    if (isOneOf(indicatorEventTypes, type)) return applyIndicator(state, { type, data } as IndicatorEvent, logged)
    return state
  },
}
