import { TreguesiError } from '@treguesi/errors'
import type { Decider } from '../decider.js'
import { changedFields, defined } from '../shared/json.js'
import type { PlanCommand } from './commands.js'
import type { PlanEvent } from './events.js'
import { evolvePlan, type DraftedPlan, type PlanMeasure, type PlanState } from './state.js'
import { assertPeriodEditable, assertPlanEditable, openReview, reviewStep } from './review.js'
import { finalMeasureStatuses } from './vocabulary.js'
import { assertYearInPlan, quarterOf, yearOf } from '../shared/period.js'

/** The plan a command other than DraftPlan works on: it must exist and still be open. */
function openPlan(state: PlanState, planId: string): DraftedPlan {
  if (!state.drafted) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'plan', id: planId })
  if (state.status === 'closed') throw new TreguesiError('TRG_PLAN_CLOSED', { planId })
  return state
}

function measureOf(plan: DraftedPlan, measureId: string): PlanMeasure {
  const measure = plan.measures[measureId]
  if (!measure) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'measure', id: measureId })
  return measure
}

type ReportCommand = Extract<PlanCommand, { type: 'SubmitReport' | 'ReturnReport' | 'ApproveReport' | 'ReopenReport' }>

/** The step of a reporting round each report command takes. */
const reportSteps = { SubmitReport: 'submit', ReturnReport: 'return', ApproveReport: 'approve', ReopenReport: 'reopen' } as const

/** One step of a reporting round, for a period of the plan's years. */
function reportStep(plan: DraftedPlan, command: ReportCommand): PlanEvent {
  const { planId, period } = command
  // Figures are reported against the plan the council adopted.
  if (plan.status === 'draft')
    throw new TreguesiError('TRG_INVALID_STATE', { entity: 'plan', id: planId, state: 'draft', action: 'reported on' })
  assertYearInPlan(plan.period, yearOf(period), 'period', period)
  reviewStep(plan.reports[period] ?? openReview, reportSteps[command.type], { entity: 'report', id: `${planId} ${period}` })
  switch (command.type) {
    case 'SubmitReport':
      return { type: 'plan.report-submitted.v1', data: { planId, period } }
    case 'ReturnReport':
      return { type: 'plan.report-returned.v1', data: { planId, period, comments: command.comments } }
    case 'ApproveReport':
      return { type: 'plan.report-approved.v1', data: { planId, period } }
    case 'ReopenReport':
      return { type: 'plan.report-reopened.v1', data: { planId, period, reason: command.reason } }
  }
}

type PartRevision = Extract<PlanCommand, { type: 'ReviseArea' | 'ReviseObjective' }>

/** An area's or objective's new code or title: what changed, with the reason. */
function revisePart(plan: DraftedPlan, command: PartRevision): PlanEvent[] {
  const { planId, reason } = command
  const given = defined({ code: command.code, title: command.title })
  const [entity, id, part] =
    command.type === 'ReviseArea'
      ? (['area', command.areaId, plan.areas[command.areaId]] as const)
      : (['objective', command.objectiveId, plan.objectives[command.objectiveId]] as const)
  if (!part) throw new TreguesiError('TRG_NOT_FOUND', { entity, id })
  const changed = changedFields(given, part)
  if (Object.keys(changed).length === 0) return []
  return command.type === 'ReviseArea'
    ? [{ type: 'plan.area-revised.v1', data: { planId, areaId: id, ...changed, reason } }]
    : [{ type: 'plan.objective-revised.v1', data: { planId, objectiveId: id, ...changed, reason } }]
}

export const plan: Decider<PlanCommand, PlanEvent, PlanState> = {
  initialState: { drafted: false },

  decide(command, state) {
    if (command.type === 'DraftPlan') {
      if (state.drafted) {
        if (state.status === 'closed') throw new TreguesiError('TRG_PLAN_CLOSED', { planId: command.planId })
        throw new TreguesiError('TRG_ALREADY_EXISTS', { entity: 'plan', id: command.planId })
      }
      const { type: _type, ...data } = command
      return [{ type: 'plan.drafted.v1', data }]
    }

    const current = openPlan(state, command.planId)
    const { planId } = command

    switch (command.type) {
      case 'SubmitPlan':
        reviewStep(current.adoption, 'submit', { entity: 'plan', id: planId })
        return [{ type: 'plan.submitted.v1', data: { planId } }]

      case 'ReturnPlan':
        reviewStep(current.adoption, 'return', { entity: 'plan', id: planId })
        return [{ type: 'plan.returned.v1', data: { planId, comments: command.comments } }]

      case 'ReopenPlan':
        reviewStep(current.adoption, 'reopen', { entity: 'plan', id: planId })
        return [{ type: 'plan.reopened.v1', data: { planId, reason: command.reason } }]

      case 'SubmitReport':
      case 'ReturnReport':
      case 'ApproveReport':
      case 'ReopenReport':
        return [reportStep(current, command)]

      case 'RevisePlanDetails': {
        assertPlanEditable(current)
        const { type: _type, planId: _planId, ...given } = defined(command)
        const before = { title: current.title, nationalStrategies: current.nationalStrategies, ratingThresholds: current.thresholds }
        const changed = changedFields(given, before)
        if (Object.keys(changed).length === 0) return []
        return [{ type: 'plan.details-revised.v1', data: { planId, ...changed } }]
      }

      case 'ApprovePlan': {
        reviewStep(current.adoption, 'approve', { entity: 'plan', id: planId })
        return [{ type: 'plan.approved.v1', data: { planId, councilDecision: command.councilDecision } }]
      }

      case 'ClosePlan': {
        if (current.status !== 'approved') {
          throw new TreguesiError('TRG_INVALID_STATE', { entity: 'plan', id: planId, state: current.status, action: 'closed' })
        }
        // Closing ends every review: none may be left waiting for a reviewer.
        const waiting = [current.adoption, ...Object.values(current.reports)].some((review) => review.status === 'submitted')
        if (waiting) throw new TreguesiError('TRG_INVALID_STATE', { entity: 'plan', id: planId, state: 'under review', action: 'closed' })
        const approvedOn = current.councilDecision!.date
        if (command.date < approvedOn) {
          throw new TreguesiError('TRG_INVALID_COMMAND', {
            command: command.type,
            field: 'date',
            problem: `must not be before ${approvedOn}, the date of the council decision approving the plan`,
          })
        }
        const { type: _type, ...data } = defined(command)
        return [{ type: 'plan.closed.v1', data }]
      }

      case 'AddArea': {
        assertPlanEditable(current)
        if (current.areas[command.areaId]) throw new TreguesiError('TRG_ALREADY_EXISTS', { entity: 'area', id: command.areaId })
        const { type: _type, ...data } = command
        return [{ type: 'plan.area-added.v1', data }]
      }

      case 'ReviseArea':
      case 'ReviseObjective':
        assertPlanEditable(current)
        return revisePart(current, command)

      case 'AddObjective': {
        assertPlanEditable(current)
        const { objectiveId, areaId, parentObjectiveId } = command
        if (current.objectives[objectiveId]) throw new TreguesiError('TRG_ALREADY_EXISTS', { entity: 'objective', id: objectiveId })
        if (!current.areas[areaId]) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'area', id: areaId })
        if (parentObjectiveId !== undefined) {
          const parent = current.objectives[parentObjectiveId]
          if (!parent) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'objective', id: parentObjectiveId })
          if (parent.areaId !== areaId) {
            throw new TreguesiError('TRG_INVALID_COMMAND', {
              command: command.type,
              field: 'parentObjectiveId',
              problem: `must be an objective of area ${areaId}, but ${parentObjectiveId} belongs to area ${parent.areaId}`,
            })
          }
        }
        const { type: _type, ...data } = defined(command)
        return [{ type: 'plan.objective-added.v1', data }]
      }

      case 'AddMeasure': {
        assertPlanEditable(current)
        const { measureId, objectiveId } = command
        if (current.measures[measureId]) throw new TreguesiError('TRG_ALREADY_EXISTS', { entity: 'measure', id: measureId })
        if (!current.objectives[objectiveId]) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'objective', id: objectiveId })
        const { type: _type, ...data } = defined(command)
        return [{ type: 'plan.measure-added.v1', data }]
      }

      case 'ReviseMeasure': {
        assertPlanEditable(current)
        const measure = measureOf(current, command.measureId)
        const { type: _type, planId: _planId, measureId, reason, ...given } = defined(command)
        const changed = changedFields(given, measure)
        if (Object.keys(changed).length === 0) return []
        return [{ type: 'plan.measure-revised.v1', data: { planId, measureId, ...changed, reason } }]
      }

      case 'ChangeMeasureStatus': {
        const { measureId, status: to, date, reason } = command
        const measure = measureOf(current, measureId)
        // A status is reported with the quarter it changed in, which its half-year and year hold:
        // a date outside the plan's years is in no report, so no approval could ever publish it.
        assertYearInPlan(current.period, yearOf(quarterOf(date)), 'date', date)
        assertPeriodEditable(current, quarterOf(date))
        const from = measure.status
        if (from === to) return []
        if (finalMeasureStatuses.includes(from)) {
          throw new TreguesiError('TRG_INVALID_STATE', { entity: 'measure', id: measureId, state: from, action: `set to ${to}` })
        }
        const previous = measure.statusHistory.at(-1)
        if (previous && date < previous.date) {
          throw new TreguesiError('TRG_INVALID_COMMAND', {
            command: command.type,
            field: 'date',
            problem: `must not be before ${previous.date}, the date of the measure's previous status change`,
          })
        }
        return [{ type: 'plan.measure-status-changed.v1', data: defined({ planId, measureId, from, to, date, reason }) }]
      }
    }
  },

  evolve: evolvePlan,
}
