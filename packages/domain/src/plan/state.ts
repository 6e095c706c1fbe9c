import type { DataOf, Recorded } from '../shared/recorded.js'
import type { CouncilDecision, PlanEvent } from './events.js'
import { openReview, type Review } from './review.js'
import type { MeasureStatus, PlanStatus, RatingThresholds } from './vocabulary.js'

/** State keeps what events recorded, and never changes it in place. */
type PlanEventData<Type extends PlanEvent['type']> = Recorded<DataOf<PlanEvent, Type>>

export type PlanArea = Omit<PlanEventData<'plan.area-added.v1'>, 'planId'>

export type PlanObjective = Omit<PlanEventData<'plan.objective-added.v1'>, 'planId'>

export type MeasureStatusChange = Omit<PlanEventData<'plan.measure-status-changed.v1'>, 'planId' | 'measureId'>

export interface PlanMeasure extends Omit<PlanEventData<'plan.measure-added.v1'>, 'planId'> {
  readonly status: MeasureStatus
  /** Every dated change, oldest first; a new measure is 'planned' with no history. */
  readonly statusHistory: readonly MeasureStatusChange[]
}

export interface DraftedPlan extends Omit<PlanEventData<'plan.drafted.v1'>, 'ratingThresholds'> {
  readonly drafted: true
  readonly status: PlanStatus
  readonly thresholds: RatingThresholds
  readonly councilDecision?: CouncilDecision
  readonly closed?: Omit<PlanEventData<'plan.closed.v1'>, 'planId'>
  /** The review of the plan's content: its structure, baselines and targets. */
  readonly adoption: Review
  /** The review of each reporting round, by period; a period never submitted has none. */
  readonly reports: Readonly<Record<string, Review>>
  /** Keyed by id, in the order they were added. */
  readonly areas: Readonly<Record<string, PlanArea>>
  readonly objectives: Readonly<Record<string, PlanObjective>>
  readonly measures: Readonly<Record<string, PlanMeasure>>
}

export type PlanState = { readonly drafted: false } | DraftedPlan

export const planStream = (planId: string): string => `plan-${planId}`

function withReport(plan: DraftedPlan, period: string, review: Review): DraftedPlan {
  return { ...plan, reports: { ...plan.reports, [period]: review } }
}

export function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  if (event.type === 'plan.drafted.v1') {
    const { ratingThresholds, ...details } = event.data
    return {
      drafted: true,
      ...details,
      status: 'draft',
      thresholds: ratingThresholds,
      adoption: openReview,
      reports: {},
      areas: {},
      objectives: {},
      measures: {},
    }
  }
  // Every other event is only ever decided for a drafted plan.
  const current = state as DraftedPlan
  switch (event.type) {
    case 'plan.details-revised.v1': {
      const { planId: _planId, ratingThresholds, ...details } = event.data
      return { ...current, ...details, ...(ratingThresholds && { thresholds: ratingThresholds }) }
    }
    case 'plan.submitted.v1':
      return { ...current, adoption: { status: 'submitted' } }
    case 'plan.returned.v1':
      return { ...current, adoption: { status: 'returned', comments: event.data.comments } }
    case 'plan.approved.v1':
      return { ...current, status: 'approved', adoption: { status: 'approved' }, councilDecision: event.data.councilDecision }
    case 'plan.reopened.v1':
      return { ...current, adoption: { status: 'reopened', comments: event.data.reason } }
    case 'plan.report-submitted.v1':
      return withReport(current, event.data.period, { status: 'submitted' })
    case 'plan.report-returned.v1':
      return withReport(current, event.data.period, { status: 'returned', comments: event.data.comments })
    case 'plan.report-approved.v1':
      return withReport(current, event.data.period, { status: 'approved' })
    case 'plan.report-reopened.v1':
      return withReport(current, event.data.period, { status: 'reopened', comments: event.data.reason })
    case 'plan.closed.v1': {
      const { planId: _planId, ...closed } = event.data
      return { ...current, status: 'closed', closed }
    }
    case 'plan.area-added.v1': {
      const { planId: _planId, ...area } = event.data
      return { ...current, areas: { ...current.areas, [area.areaId]: area } }
    }
    case 'plan.area-revised.v1': {
      const { planId: _planId, areaId, reason: _reason, ...changes } = event.data
      return { ...current, areas: { ...current.areas, [areaId]: { ...current.areas[areaId]!, ...changes } } }
    }
    case 'plan.objective-added.v1': {
      const { planId: _planId, ...objective } = event.data
      return { ...current, objectives: { ...current.objectives, [objective.objectiveId]: objective } }
    }
    case 'plan.objective-revised.v1': {
      const { planId: _planId, objectiveId, reason: _reason, ...changes } = event.data
      return { ...current, objectives: { ...current.objectives, [objectiveId]: { ...current.objectives[objectiveId]!, ...changes } } }
    }
    case 'plan.measure-added.v1': {
      const { planId: _planId, ...measure } = event.data
      return {
        ...current,
        measures: { ...current.measures, [measure.measureId]: { ...measure, status: 'planned', statusHistory: [] } },
      }
    }
    case 'plan.measure-revised.v1': {
      const { planId: _planId, measureId, reason: _reason, ...changes } = event.data
      const measure = current.measures[measureId]!
      return { ...current, measures: { ...current.measures, [measureId]: { ...measure, ...changes } } }
    }
    case 'plan.measure-status-changed.v1': {
      const { planId: _planId, measureId, ...change } = event.data
      const measure = current.measures[measureId]!
      return {
        ...current,
        measures: {
          ...current.measures,
          [measureId]: { ...measure, status: change.to, statusHistory: [...measure.statusHistory, change] },
        },
      }
    }
  }
}
