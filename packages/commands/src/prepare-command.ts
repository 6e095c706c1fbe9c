import { TreguesiError } from '@treguesi/errors'
import type { DraftedPlan } from '@treguesi/domain'
import { z } from 'zod'
import type { References } from './references.js'

/** A command as the client sent it, before its schema has parsed it. */
export type RawCommand = Readonly<Record<string, unknown>> & { readonly type: string }

/**
 * Completes a raw command with facts from other aggregates and checks its references to them.
 * Runs before the command's own schema: a reference that is not even well-formed is left for the
 * schema to report against its field.
 */
export type Prepare = (command: RawCommand, references: References) => Promise<RawCommand>

const uuid = z.uuid()
const wellFormedId = (value: unknown): value is string => uuid.safeParse(value).success

function samePlanMunicipality(command: RawCommand, plan: DraftedPlan): void {
  if (command.municipality !== plan.municipality) {
    throw new TreguesiError('TRG_INVALID_COMMAND', {
      command: command.type,
      field: 'municipality',
      problem: `must be ${plan.municipality}, the municipality of plan ${plan.planId}`,
    })
  }
}

/** The plan's structure must hold what the command attaches to. */
function assertInPlan(plan: DraftedPlan, entity: 'objective' | 'measure', id: string): void {
  const found = entity === 'objective' ? plan.objectives[id] : plan.measures[id]
  if (found === undefined) throw new TreguesiError('TRG_NOT_FOUND', { entity, id })
}

/** Commands on an existing indicator or budget line: its plan must not be closed. */
function planStillOpen(planOf: (references: References, id: string) => Promise<string | undefined>, key: string): Prepare {
  return async (command, references) => {
    // The aggregate's key field has been checked before any preparation.
    const planId = await planOf(references, command[key] as string)
    if (planId !== undefined) await references.openPlan(planId)
    return command
  }
}

const indicatorPlanOpen = planStillOpen((references, id) => references.planOfIndicator(id), 'indicatorId')
const budgetLinePlanOpen = planStillOpen((references, id) => references.planOfBudgetLine(id), 'budgetLineId')

export const prepareCommand: Readonly<Record<string, Prepare>> = {
  async DraftPlan(command, references) {
    if (typeof command.municipality === 'string') await references.municipality(command.municipality)
    return command
  },

  async DefineIndicator(command, references) {
    if (!wellFormedId(command.planId)) return command
    const plan = await references.openPlan(command.planId)
    samePlanMunicipality(command, plan)
    const attachedTo = command.attachedTo as { kind?: unknown; id?: unknown } | undefined
    if ((attachedTo?.kind === 'objective' || attachedTo?.kind === 'measure') && wellFormedId(attachedTo.id)) {
      assertInPlan(plan, attachedTo.kind, attachedTo.id)
    }
    return { ...command, planPeriod: plan.period }
  },

  async PlanBudgetLine(command, references) {
    if (!wellFormedId(command.planId)) return command
    const plan = await references.openPlan(command.planId)
    samePlanMunicipality(command, plan)
    if (wellFormedId(command.measureId)) assertInPlan(plan, 'measure', command.measureId)
    const { currency } = await references.municipality(plan.municipality)
    return { ...command, currency }
  },

  SetBaseline: indicatorPlanOpen,
  SetTarget: indicatorPlanOpen,
  ReportIndicatorValue: indicatorPlanOpen,
  CorrectIndicatorValue: indicatorPlanOpen,
  RevisePlannedCost: budgetLinePlanOpen,
  AllocateBudget: budgetLinePlanOpen,
  RecordExpenditure: budgetLinePlanOpen,
  RetagBudgetLine: budgetLinePlanOpen,
}
