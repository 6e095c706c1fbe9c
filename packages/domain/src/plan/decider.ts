import { TreguesiError } from '@treguesi/errors'
import type { Decider } from '../decider.js'
import { changedFields, defined } from '../shared/json.js'
import type { PlanCommand } from './commands.js'
import type { PlanEvent } from './events.js'
import { evolvePlan, type DraftedPlan, type PlanMeasure, type PlanState } from './state.js'
import { finalMeasureStatuses } from './vocabulary.js'

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
      case 'RevisePlanDetails': {
        const { type: _type, planId: _planId, ...given } = defined(command)
        const before = { title: current.title, nationalStrategies: current.nationalStrategies, ratingThresholds: current.thresholds }
        const changed = changedFields(given, before)
        if (Object.keys(changed).length === 0) return []
        return [{ type: 'plan.details-revised.v1', data: { planId, ...changed } }]
      }

      case 'ApprovePlan': {
        if (current.status !== 'draft') {
          throw new TreguesiError('TRG_INVALID_STATE', { entity: 'plan', id: planId, state: current.status, action: 'approved' })
        }
        return [{ type: 'plan.approved.v1', data: { planId, councilDecision: command.councilDecision } }]
      }

      case 'ClosePlan': {
        if (current.status !== 'approved') {
          throw new TreguesiError('TRG_INVALID_STATE', { entity: 'plan', id: planId, state: current.status, action: 'closed' })
        }
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
        if (current.areas[command.areaId]) throw new TreguesiError('TRG_ALREADY_EXISTS', { entity: 'area', id: command.areaId })
        const { type: _type, ...data } = command
        return [{ type: 'plan.area-added.v1', data }]
      }

      case 'ReviseArea': {
        const { type: _type, planId: _planId, areaId, ...given } = defined(command)
        const area = current.areas[areaId]
        if (!area) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'area', id: areaId })
        const changed = changedFields(given, area)
        if (Object.keys(changed).length === 0) return []
        return [{ type: 'plan.area-revised.v1', data: { planId, areaId, ...changed } }]
      }

      case 'AddObjective': {
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
        const { measureId, objectiveId } = command
        if (current.measures[measureId]) throw new TreguesiError('TRG_ALREADY_EXISTS', { entity: 'measure', id: measureId })
        if (!current.objectives[objectiveId]) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'objective', id: objectiveId })
        const { type: _type, ...data } = defined(command)
        return [{ type: 'plan.measure-added.v1', data }]
      }

      case 'ReviseMeasure': {
        const measure = measureOf(current, command.measureId)
        const { type: _type, planId: _planId, measureId, ...given } = defined(command)
        const changed = changedFields(given, measure)
        if (Object.keys(changed).length === 0) return []
        return [{ type: 'plan.measure-revised.v1', data: { planId, measureId, ...changed } }]
      }

      case 'ChangeMeasureStatus': {
        const { measureId, status: to, date, reason } = command
        const measure = measureOf(current, measureId)
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
