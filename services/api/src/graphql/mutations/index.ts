import type { GraphQLContext } from '../context.js'
import type { CorrectIndicatorValueInput, MutationResolvers, ReportIndicatorValueInput, Resolvers } from '../generated/resolvers.js'
import { fromEnum } from '../models.js'
import { loadBudgetLine, loadIndicator, loadMeasure, loadMunicipality, loadPlan } from '../queries/entities.js'
import { breakdownOf, commandFields, targetOf, type CommandFields, type CommandInput } from './command-input.js'
import { runCommand } from './run-command.js'

/*
 * One mutation per command: the input is the command's fields (see schema/mutations.graphql),
 * turned into the command where the schema's shapes differ from the domain's (enum values with
 * underscores, breakdowns as lists, a target's fields by kind). The payload carries the entity
 * the command is about, loaded after the read models have applied the write.
 */

type Fields<Input extends CommandInput> = (command: string, input: Input) => CommandFields

async function municipalityCommand(context: GraphQLContext, type: string, input: CommandInput & { code: string }) {
  const outcome = await runCommand(context, type, input)
  return { ...outcome, municipality: loadMunicipality(context, input.code) }
}

async function planCommand<Input extends CommandInput & { planId: string }>(context: GraphQLContext, type: string, input: Input, fields?: Fields<Input>) {
  const outcome = await runCommand(context, type, input, fields)
  return { ...outcome, plan: loadPlan(context, input.planId) }
}

async function measureCommand<Input extends CommandInput & { planId: string; measureId: string }>(
  context: GraphQLContext,
  type: string,
  input: Input,
  fields?: Fields<Input>,
) {
  const outcome = await runCommand(context, type, input, fields)
  return { ...outcome, measure: loadMeasure(context, input.planId, input.measureId), plan: loadPlan(context, input.planId) }
}

async function indicatorCommand<Input extends CommandInput & { indicatorId: string }>(
  context: GraphQLContext,
  type: string,
  input: Input,
  fields?: Fields<Input>,
) {
  const outcome = await runCommand(context, type, input, fields)
  return { ...outcome, indicator: loadIndicator(context, input.indicatorId) }
}

async function budgetLineCommand<Input extends CommandInput & { budgetLineId: string }>(
  context: GraphQLContext,
  type: string,
  input: Input,
  fields?: Fields<Input>,
) {
  const outcome = await runCommand(context, type, input, fields)
  return { ...outcome, budgetLine: loadBudgetLine(context, input.budgetLineId) }
}

/** A reported or corrected value: its breakdowns as the domain records them. */
function valueFields(command: string, input: ReportIndicatorValueInput | CorrectIndicatorValueInput): CommandFields {
  return { ...commandFields(input), ...(input.breakdown && { breakdown: breakdownOf(command, input.breakdown) }) }
}

const mutation: MutationResolvers = {
  registerMunicipality: (_root, { input }, context) => municipalityCommand(context, 'RegisterMunicipality', input),
  setMunicipalBudgetTotal: (_root, { input }, context) => municipalityCommand(context, 'SetMunicipalBudgetTotal', input),

  draftPlan: (_root, { input }, context) =>
    planCommand(context, 'DraftPlan', input, (_command, given) => ({ ...commandFields(given), kind: fromEnum(given.kind) })),
  revisePlanDetails: (_root, { input }, context) => planCommand(context, 'RevisePlanDetails', input),
  approvePlan: (_root, { input }, context) => planCommand(context, 'ApprovePlan', input),
  closePlan: (_root, { input }, context) => planCommand(context, 'ClosePlan', input),
  addArea: (_root, { input }, context) => planCommand(context, 'AddArea', input),
  addObjective: (_root, { input }, context) => planCommand(context, 'AddObjective', input),
  addMeasure: (_root, { input }, context) => measureCommand(context, 'AddMeasure', input),
  reviseMeasure: (_root, { input }, context) => measureCommand(context, 'ReviseMeasure', input),
  changeMeasureStatus: (_root, { input }, context) =>
    measureCommand(context, 'ChangeMeasureStatus', input, (_command, given) => ({ ...commandFields(given), status: fromEnum(given.status) })),

  defineIndicator: (_root, { input }, context) =>
    indicatorCommand(context, 'DefineIndicator', input, (_command, given) => {
      const fields = commandFields(given)
      return {
        ...fields,
        direction: fromEnum(given.direction),
        accumulation: fromEnum(given.accumulation),
        ...(given.disaggregations && {
          disaggregations: given.disaggregations.map((disaggregation) => ({ ...disaggregation, dimension: fromEnum(disaggregation.dimension) })),
        }),
      }
    }),
  setBaseline: (_root, { input }, context) => indicatorCommand(context, 'SetBaseline', input),
  setTarget: (_root, { input }, context) =>
    indicatorCommand(context, 'SetTarget', input, (command, given) => ({ ...commandFields(given), target: targetOf(command, given.target) })),
  reportIndicatorValue: (_root, { input }, context) => indicatorCommand(context, 'ReportIndicatorValue', input, valueFields),
  correctIndicatorValue: (_root, { input }, context) => indicatorCommand(context, 'CorrectIndicatorValue', input, valueFields),

  planBudgetLine: (_root, { input }, context) =>
    budgetLineCommand(context, 'PlanBudgetLine', input, (_command, given) => ({
      ...commandFields(given),
      fundingSource: { ...given.fundingSource, kind: fromEnum(given.fundingSource.kind) },
    })),
  revisePlannedCost: (_root, { input }, context) => budgetLineCommand(context, 'RevisePlannedCost', input),
  allocateBudget: (_root, { input }, context) => budgetLineCommand(context, 'AllocateBudget', input),
  recordExpenditure: (_root, { input }, context) => budgetLineCommand(context, 'RecordExpenditure', input),
  retagBudgetLine: (_root, { input }, context) => budgetLineCommand(context, 'RetagBudgetLine', input),
}

export const mutationResolvers: Resolvers = { Mutation: mutation }
