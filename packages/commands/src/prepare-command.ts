import { TreguesiError } from '@treguesi/errors'
import {
  assertPeriodEditable,
  assertPlanEditable,
  assertYearInPlan,
  commandDefinition,
  commandKeySchema,
  isId,
  nationalCodeSchema,
  periodProblem,
  type AggregateName,
  type CommandNeed,
  type Dhis2Indicator,
  type DraftedPlan,
  type Period,
} from '@treguesi/domain'
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

/**
 * Refuses a command approval has locked (its CommandGuard): `key` is the instance the command
 * addresses. A period that is not even well-formed is left for the command's schema.
 */
async function assertUnlocked(plan: DraftedPlan, command: RawCommand, references: References, key: string): Promise<void> {
  switch (commandDefinition(command.type)?.guard) {
    case 'adoption':
      return assertPlanEditable(plan)
    case 'period':
      if (typeof command.period === 'string' && periodProblem(command.period) === null) assertPeriodEditable(plan, command.period as Period)
      return
    case 'line-year': {
      const year = await references.fiscalYearOf(key)
      if (year !== undefined) assertPeriodEditable(plan, String(year) as Period)
    }
  }
}

/** The open plan a new indicator or budget line joins, when the command names one well-formed. */
async function planToJoin(command: RawCommand, references: References, aggregate: AggregateName): Promise<DraftedPlan | undefined> {
  if (!isId(command.planId)) return undefined
  const plan = await references.openPlan(command.planId)
  samePlanMunicipality(command, plan)
  await assertUnlocked(plan, command, references, commandKeySchema(aggregate).parse(command))
  return plan
}

/**
 * The command with the unit of the national indicator it ties an indicator to, which must be in
 * the catalogue; without one (or untying), without a unit. A code that is not even well-formed is
 * left for the command's schema.
 */
async function withNationalUnit(command: RawCommand, references: References): Promise<RawCommand> {
  const { nationalUnit: _given, ...rest } = command
  const code = command.nationalCode
  if (typeof code !== 'string' || !nationalCodeSchema.safeParse(code).success) return rest
  return { ...rest, nationalUnit: (await references.nationalIndicator(code)).unit }
}

/**
 * The command with the unit of the national indicator or indicator it maps to a DHIS2 data
 * element, and for an indicator the dimensions whose categories cover its total; the command's
 * key, checked before, has made sure it names one of the two, well-formed.
 */
async function withMappedIndicator(command: RawCommand, references: References): Promise<RawCommand> {
  const { indicatorUnit: _unit, indicatorDimensions: _dimensions, ...rest } = command
  const indicator = command.indicator as Dhis2Indicator
  if ('nationalCode' in indicator) return { ...rest, indicatorUnit: (await references.nationalIndicator(indicator.nationalCode)).unit }
  const { unit, disaggregations } = await references.indicator(indicator.indicatorId)
  const covering = disaggregations.filter((disaggregation) => disaggregation.exhaustive)
  return { ...rest, indicatorUnit: unit, indicatorDimensions: covering.map((disaggregation) => disaggregation.dimension) }
}

/** How each need is met: a need without its preparation does not compile. */
export const prepareCommand: { readonly [Need in CommandNeed]: Prepare } = {
  async 'registered-municipality'(command, references) {
    if (typeof command.municipality === 'string') await references.municipality(command.municipality)
    return command
  },

  async 'plan-to-join-with-period'(command, references, aggregate) {
    const plan = await planToJoin(command, references, aggregate)
    if (plan === undefined) return command
    const attachedTo = command.attachedTo as { kind?: unknown; id?: unknown } | undefined
    if ((attachedTo?.kind === 'objective' || attachedTo?.kind === 'measure') && isId(attachedTo.id)) {
      assertInPlan(plan, attachedTo.kind, attachedTo.id)
    }
    return { ...(await withNationalUnit(command, references)), planPeriod: plan.period }
  },

  async 'plan-to-join-with-currency'(command, references, aggregate) {
    const plan = await planToJoin(command, references, aggregate)
    if (plan === undefined) return command
    if (isId(command.measureId)) assertInPlan(plan, 'measure', command.measureId)
    // A line costs a year of the plan; an ill-formed year is left for the command's schema.
    if (Number.isInteger(command.fiscalYear)) {
      assertYearInPlan(plan.period, command.fiscalYear as number, 'fiscalYear', String(command.fiscalYear))
    }
    const { currency } = await references.municipality(plan.municipality)
    return { ...command, currency }
  },

  'national-indicator'(command, references) {
    return withNationalUnit(command, references)
  },

  'mapped-indicator'(command, references) {
    return withMappedIndicator(command, references)
  },

  /** Commands on an existing instance: the plan it belongs to must not be closed, nor locked against it. */
  async 'open-plan'(command, references, aggregate) {
    const key = commandKeySchema(aggregate).parse(command)
    const planId = await references.planOf(aggregate, key)
    if (planId !== undefined) await assertUnlocked(await references.openPlan(planId), command, references, key)
    return command
  },
}
