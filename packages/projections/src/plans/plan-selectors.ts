import { entriesOf, getEntry } from '../persistent-map.js'
import {
  compare,
  divide,
  measureStatuses,
  rating,
  ratings,
  sum,
  type CouncilDecision,
  type Currency,
  type Decimal,
  type DraftedPlan,
  type Figure,
  type IndicatorDefinition,
  type LocalizedText,
  type MeasureStatus,
  type PlanArea,
  type PlanKind,
  type PlanMeasure,
  type PlanObjective,
  type PlanPeriod,
  type PlanStatus,
  type Rating,
  type RatingThresholds,
  type Review,
  type Period,
  comparePeriods,
} from '@treguesi/domain'
import { own } from '../own.js'
import type { ReadModel } from '../projection.js'
import { figuresOf, type FigureOptions, type IndicatorFigures } from './indicator-figures.js'
import { indicatorEntry, indicatorsOfPlan, publicationOf, type PlansState, type ValueHistoryEntry } from './plans-projection.js'
import { publicMeasure } from './publication.js'

// ---------------------------------------------------------------------------------------------
// Roll-ups
// ---------------------------------------------------------------------------------------------

export type RollUpReason = 'no-indicators' | 'no-indicator-figures'

export const rollUpReasons: Readonly<Record<RollUpReason, string>> = {
  'no-indicators': 'no indicator is attached here',
  'no-indicator-figures': 'no indicator here has an attainment for its period',
}

export type RollUpFigure = Figure<Decimal, RollUpReason>

/** How an objective, an area or a plan is doing, from the indicators and measures under it. */
export interface RollUp {
  /** The mean of the counted indicators' attainments, each capped at 1 for this mean only. */
  readonly attainment: RollUpFigure
  /** The mean's rating by the plan's thresholds; 'no-data' when there is no mean. */
  readonly rating: Rating
  /** Indicators under it. */
  readonly indicators: number
  /** Of those, the ones with an attainment, which the mean is taken over. */
  readonly counted: number
  /** Indicators under it by rating ('no-data' for those not counted). */
  readonly ratings: Readonly<Record<Rating, number>>
  /** Measures under it. */
  readonly measures: number
  readonly measureStatuses: Readonly<Record<MeasureStatus, number>>
  /** How the roll-up is made, in words, for the API to show. */
  readonly method: string
}

const capMethod =
  "each capped at 1 for this mean only (the indicators' own figures stay uncapped), every indicator weighing the same; " +
  'an indicator without an attainment for its period is not counted and is rated no-data. ' +
  'Ratings are counted over the same indicators, statuses over the same measures.'

export const rollUpMethods = {
  objective: `Mean of the attainments of the indicators of this objective, of its measures and of its sub-objectives at any depth (with their measures), ${capMethod}`,
  area: `Mean of the attainments of the indicators of every objective of this area, of their measures and of their sub-objectives, ${capMethod}`,
  plan: `Mean of the attainments of every indicator of the plan placed under an area (on an objective or a measure), ${capMethod}`,
} as const

const one = '1' as Decimal

function rollUp(
  indicators: readonly IndicatorFigures[],
  measures: readonly PlanMeasure[],
  thresholds: RatingThresholds,
  method: string,
): RollUp {
  const attained = indicators.flatMap(({ attainment }) => (attainment.value === null ? [] : [attainment.value]))
  const capped = attained.map((value) => (compare(value, one) > 0 ? one : value))
  const attainment: RollUpFigure =
    capped.length > 0
      ? { value: divide(sum(capped), `${capped.length}` as Decimal), reason: null }
      : { value: null, reason: indicators.length === 0 ? 'no-indicators' : 'no-indicator-figures' }
  const byRating = Object.fromEntries(ratings.map((r) => [r, 0])) as Record<Rating, number>
  for (const { rating: rated } of indicators) byRating[rated.value] += 1
  const byStatus = Object.fromEntries(measureStatuses.map((status) => [status, 0])) as Record<MeasureStatus, number>
  for (const { status } of measures) byStatus[status] += 1
  return {
    attainment,
    rating: rating(attainment.value, thresholds),
    indicators: indicators.length,
    counted: capped.length,
    ratings: byRating,
    measures: measures.length,
    measureStatuses: byStatus,
    method,
  }
}

// ---------------------------------------------------------------------------------------------
// The plan tree
// ---------------------------------------------------------------------------------------------

export type MunicipalitySummary =
  | {
      readonly code: string
      readonly registered: true
      readonly name: LocalizedText
      readonly country: 'AL' | 'XK'
      readonly currency: Currency
    }
  | { readonly code: string; readonly registered: false }

/** The review of a plan's figures for one period. */
export interface ReportRound extends Review {
  readonly period: Period
}

export interface PlanSummary {
  readonly planId: string
  readonly municipality: MunicipalitySummary
  readonly kind: PlanKind
  readonly title: LocalizedText
  readonly period: PlanPeriod
  readonly status: PlanStatus
  readonly councilDecision: CouncilDecision | null
  readonly closed: NonNullable<DraftedPlan['closed']> | null
  readonly nationalStrategies: readonly LocalizedText[]
  readonly thresholds: RatingThresholds
  /** Where the plan's content is on its way to approval. */
  readonly review: Review
  /** Each reporting round ever submitted, by period. */
  readonly reports: readonly ReportRound[]
  readonly counts: {
    readonly areas: number
    readonly objectives: number
    readonly measures: number
    readonly indicators: number
  }
}

export interface MeasureNode extends PlanMeasure {
  readonly indicators: readonly IndicatorFigures[]
}

export interface ObjectiveNode extends PlanObjective {
  readonly indicators: readonly IndicatorFigures[]
  readonly measures: readonly MeasureNode[]
  /** Sub-objectives (objectives whose parent this is). */
  readonly children: readonly ObjectiveNode[]
  readonly rollUp: RollUp
}

export interface AreaNode extends PlanArea {
  /** The area's top-level objectives; sub-objectives are under their parents. */
  readonly objectives: readonly ObjectiveNode[]
  readonly rollUp: RollUp
}

export interface PlanTree {
  readonly position: bigint | null
  readonly plan: PlanSummary
  readonly areas: readonly AreaNode[]
  readonly rollUp: RollUp
}

function municipalityOf(state: PlansState, code: string): MunicipalitySummary {
  const found = own(state.municipalities, code)
  if (found === undefined) return { code, registered: false }
  return { code, registered: true, name: found.name, country: found.country, currency: found.currency }
}

function summaryOf(state: PlansState, plan: DraftedPlan): PlanSummary {
  return {
    planId: plan.planId,
    municipality: municipalityOf(state, plan.municipality),
    kind: plan.kind,
    title: plan.title,
    period: plan.period,
    status: plan.status,
    councilDecision: plan.councilDecision ?? null,
    closed: plan.closed ?? null,
    nationalStrategies: plan.nationalStrategies,
    thresholds: plan.thresholds,
    review: plan.adoption,
    reports: Object.entries(plan.reports)
      .map(([period, review]) => ({ period: period as Period, ...review }))
      .sort((a, b) => comparePeriods(a.period, b.period)),
    counts: {
      areas: Object.keys(plan.areas).length,
      objectives: Object.keys(plan.objectives).length,
      measures: Object.keys(plan.measures).length,
      indicators: indicatorsOfPlan(state, plan.planId).length,
    },
  }
}

/** Groups values by a key, keeping their order. */
function groupBy<T>(values: Iterable<T>, key: (value: T) => string | undefined): Map<string | undefined, T[]> {
  const groups = new Map<string | undefined, T[]>()
  for (const value of values) {
    const k = key(value)
    groups.set(k, [...(groups.get(k) ?? []), value])
  }
  return groups
}

interface Subtree<Node> {
  readonly node: Node
  readonly indicators: readonly IndicatorFigures[]
  readonly measures: readonly PlanMeasure[]
}

/**
 * A plan with its areas, objectives (sub-objectives under their parents), measures and
 * indicators with their figures (see `figuresOf`), and a roll-up at every objective, area and
 * the plan (see `rollUpMethods`); null when the plan is unknown. Areas, objectives, measures and
 * indicators are in the order they were added.
 */
export function planTree(model: ReadModel<PlansState>, planId: string, options: FigureOptions = {}): PlanTree | null {
  const { state, position } = model
  const plan = getEntry(state.plans, planId)
  if (plan === undefined) return null
  const { thresholds } = plan

  const figures = indicatorsOfPlan(state, planId).map((indicatorId) => figuresOf(state, indicatorId, options)!)
  const attached = groupBy(figures, ({ definition }) => attachment(definition))
  const indicatorsOf = (kind: 'objective' | 'measure', id: string) => attached.get(`${kind} ${id}`) ?? []
  // Measures as the caller reads them: their statuses as approved, for callers who read only that.
  const publication = publicationOf(state, planId)
  const measures = Object.values(plan.measures).map((measure) =>
    options.published === true ? publicMeasure(measure, publication) : measure,
  )
  const measuresOf = groupBy(measures, (measure) => measure.objectiveId)
  const objectives = Object.values(plan.objectives)
  const childrenOf = groupBy(objectives, (objective) => objective.parentObjectiveId)

  const objectiveTree = (objective: PlanObjective): Subtree<ObjectiveNode> => {
    const own = indicatorsOf('objective', objective.objectiveId)
    const measures = (measuresOf.get(objective.objectiveId) ?? []).map((measure) => ({
      ...measure,
      indicators: indicatorsOf('measure', measure.measureId),
    }))
    const children = (childrenOf.get(objective.objectiveId) ?? []).map(objectiveTree)
    const indicators = [...own, ...measures.flatMap((measure) => measure.indicators), ...children.flatMap((child) => child.indicators)]
    const allMeasures = [...measures, ...children.flatMap((child) => child.measures)]
    const node: ObjectiveNode = {
      ...objective,
      indicators: own,
      measures,
      children: children.map((child) => child.node),
      rollUp: rollUp(indicators, allMeasures, thresholds, rollUpMethods.objective),
    }
    return { node, indicators, measures: allMeasures }
  }

  const topLevel = groupBy(childrenOf.get(undefined) ?? [], (objective) => objective.areaId)
  const areas = Object.values(plan.areas).map((area): Subtree<AreaNode> => {
    const trees = (topLevel.get(area.areaId) ?? []).map(objectiveTree)
    const indicators = trees.flatMap((tree) => tree.indicators)
    const measures = trees.flatMap((tree) => tree.measures)
    const node: AreaNode = {
      ...area,
      objectives: trees.map((tree) => tree.node),
      rollUp: rollUp(indicators, measures, thresholds, rollUpMethods.area),
    }
    return { node, indicators, measures }
  })

  return {
    position,
    plan: summaryOf(state, plan),
    areas: areas.map((area) => area.node),
    rollUp: rollUp(
      areas.flatMap((area) => area.indicators),
      areas.flatMap((area) => area.measures),
      thresholds,
      rollUpMethods.plan,
    ),
  }
}

function attachment(definition: IndicatorDefinition): string {
  return `${definition.attachedTo.kind} ${definition.attachedTo.id}`
}

// ---------------------------------------------------------------------------------------------
// Lists and histories
// ---------------------------------------------------------------------------------------------

export interface PlanFilter {
  readonly municipality?: string
  readonly kind?: PlanKind
  readonly status?: PlanStatus
}

/** Plans matching every filter given, by municipality, then start year, then id. */
export function plansOf(
  model: ReadModel<PlansState>,
  filter: PlanFilter = {},
): { readonly position: bigint | null; readonly plans: readonly PlanSummary[] } {
  const { state, position } = model
  // A municipality's plans are read from its own index, not picked out of the country's.
  const candidates =
    filter.municipality === undefined
      ? entriesOf(state.plans)
      : (own(state.plansByMunicipality, filter.municipality) ?? []).map((planId) => getEntry(state.plans, planId)!)
  const plans = candidates
    .filter(
      (plan) => (filter.kind === undefined || plan.kind === filter.kind) && (filter.status === undefined || plan.status === filter.status),
    )
    .sort(
      (a, b) =>
        a.municipality.localeCompare(b.municipality, 'en') || a.period.from - b.period.from || a.planId.localeCompare(b.planId, 'en'),
    )
    .map((plan) => summaryOf(state, plan))
  return { position, plans }
}

/** One plan's summary, as `plansOf` lists it, or null when it is unknown. */
export function planSummaryOf(state: PlansState, planId: string): PlanSummary | null {
  const plan = getEntry(state.plans, planId)
  return plan === undefined ? null : summaryOf(state, plan)
}

/** One indicator's figures (see `figuresOf`), or null when it is unknown. */
export function indicatorProgress(
  model: ReadModel<PlansState>,
  indicatorId: string,
  options: FigureOptions = {},
): (IndicatorFigures & { readonly position: bigint | null }) | null {
  const figures = figuresOf(model.state, indicatorId, options)
  return figures === null ? null : { position: model.position, ...figures }
}

export interface IndicatorHistory {
  readonly position: bigint | null
  readonly indicatorId: string
  readonly definition: IndicatorDefinition
  /** Every value reported or corrected, in log order; a correction keeps its reason and the figure it replaced. */
  readonly entries: readonly ValueHistoryEntry[]
}

export function indicatorHistory(model: ReadModel<PlansState>, indicatorId: string): IndicatorHistory | null {
  const entry = indicatorEntry(model.state, indicatorId)
  if (entry === undefined) return null
  return { position: model.position, indicatorId, definition: entry.facts.definition, entries: entry.history }
}
