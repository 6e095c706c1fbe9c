import { TreguesiError } from '@treguesi/errors'
import { aggregateDefinition, assertYearInPlan, isId, type AggregateName, type CommandNeed, type DraftedPlan } from '@treguesi/domain'
import type { References } from './references.js'

/** A command as the client sent it, before its schema has parsed it. */
export type RawCommand = Readonly<Record<string, unknown>> & { readonly type: string }

/**
 * Completes a raw command with facts from other aggregates and checks its references to them.
 * Runs before the command's own schema: a reference that is not even well-formed is left for the
 * schema to report against its field. The aggregate is the command's own, whose key field has
 * been checked before any preparation.
 */
export type Prepare = (command: RawCommand, references: References, aggregate: AggregateName) => Promise<RawCommand>

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

/** The open plan a new indicator or budget line joins, when the command names one well-formed. */
async function planToJoin(command: RawCommand, references: References): Promise<DraftedPlan | undefined> {
  if (!isId(command.planId)) return undefined
  const plan = await references.openPlan(command.planId)
  samePlanMunicipality(command, plan)
  return plan
}

/** How each need is met: a need without its preparation does not compile. */
export const prepareCommand: { readonly [Need in CommandNeed]: Prepare } = {
  async 'registered-municipality'(command, references) {
    if (typeof command.municipality === 'string') await references.municipality(command.municipality)
    return command
  },

  async 'plan-to-join-with-period'(command, references) {
    const plan = await planToJoin(command, references)
    if (plan === undefined) return command
    const attachedTo = command.attachedTo as { kind?: unknown; id?: unknown } | undefined
    if ((attachedTo?.kind === 'objective' || attachedTo?.kind === 'measure') && isId(attachedTo.id)) {
      assertInPlan(plan, attachedTo.kind, attachedTo.id)
    }
    return { ...command, planPeriod: plan.period }
  },

  async 'plan-to-join-with-currency'(command, references) {
    const plan = await planToJoin(command, references)
    if (plan === undefined) return command
    if (isId(command.measureId)) assertInPlan(plan, 'measure', command.measureId)
    // A line costs a year of the plan; an ill-formed year is left for the command's schema.
    if (Number.isInteger(command.fiscalYear)) {
      assertYearInPlan(plan.period, command.fiscalYear as number, 'fiscalYear', String(command.fiscalYear))
    }
    const { currency } = await references.municipality(plan.municipality)
    return { ...command, currency }
  },

  /** Commands on an existing instance: the plan it belongs to must not be closed. */
  async 'open-plan'(command, references, aggregate) {
    const planId = await references.planOf(aggregate, command[aggregateDefinition(aggregate).key.field] as string)
    if (planId !== undefined) await references.openPlan(planId)
    return command
  },
}
