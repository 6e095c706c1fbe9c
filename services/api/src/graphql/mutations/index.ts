import { commands, commandTypes, correctionKeptFields, type CommandType } from '@treguesi/domain'
import type { GraphQLContext } from '../context.js'
import type { CorrectIndicatorValueInput, MutationResolvers, ReportIndicatorValueInput, Resolvers } from '../generated/resolvers.js'
import { fromEnum } from '../models.js'
import { loadBudgetLine, loadIndicator, loadMeasure, loadMunicipality, loadNationalIndicator, loadPlan } from '../queries/entities.js'
import { loadDhis2Mapping } from '../queries/dhis2.js'
import { breakdownOf, commandFields, targetOf, type CommandFields, type CommandInput } from './command-input.js'
import { runCommand, type CommandOutcome } from './run-command.js'

/*
 * One mutation per command of the registry, named after it: the input is the command's fields
 * (see schema/mutations.graphql), turned into the command where the schema's shapes differ from
 * the domain's (enum values with underscores, breakdowns as lists, a target's fields by kind).
 * The payload carries the entity the command is about, loaded after the read models have applied
 * the write.
 */

/** The mutation that sends each command. */
export type MutationName = Uncapitalize<CommandType>
export const mutationNameOf = (type: CommandType): MutationName => `${type[0]!.toLowerCase()}${type.slice(1)}` as MutationName

type InputOf<Name extends MutationName> = Parameters<
  Extract<NonNullable<MutationResolvers[Name]>, (...args: never[]) => unknown>
>[1]['input']
type Fields<Input> = (command: string, input: Input) => CommandFields

/** The inputs whose shape differs from their command's fields, and how they become them. */
const conversions: { readonly [Name in MutationName]?: Fields<InputOf<Name>> } = {
  draftPlan: (_command, given) => ({ ...commandFields(given), kind: fromEnum(given.kind) }),
  changeMeasureStatus: (_command, given) => ({ ...commandFields(given), status: fromEnum(given.status) }),
  defineIndicator: (_command, given) => ({
    ...commandFields(given),
    direction: fromEnum(given.direction),
    accumulation: fromEnum(given.accumulation),
    ...(given.disaggregations && {
      disaggregations: given.disaggregations.map((disaggregation) => ({
        ...disaggregation,
        dimension: fromEnum(disaggregation.dimension),
      })),
    }),
  }),
  setTarget: (command, given) => ({ ...commandFields(given), target: targetOf(command, given.target) }),
  reportIndicatorValue: valueFields,
  correctIndicatorValue: correctionFields,
  mapDhis2DataElement: (_command, given) => ({
    ...commandFields(given),
    ...(given.disaggregation && { disaggregation: fromEnum(given.disaggregation) }),
  }),
  mapDhis2CategoryOptionCombo: (_command, given) => ({ ...commandFields(given), dimension: fromEnum(given.dimension) }),
  unmapDhis2CategoryOptionCombo: (_command, given) => ({ ...commandFields(given), dimension: fromEnum(given.dimension) }),
  planBudgetLine: (_command, given) => ({
    ...commandFields(given),
    fundingSource: { ...given.fundingSource, kind: fromEnum(given.fundingSource.kind) },
  }),
}

/** A reported or corrected value: its breakdowns as the domain records them. */
function valueFields(command: string, input: ReportIndicatorValueInput | CorrectIndicatorValueInput): CommandFields {
  return { ...commandFields(input), ...(input.breakdown && { breakdown: breakdownOf(command, input.breakdown) }) }
}

/**
 * A correction's fields: null, read as left out elsewhere, is kept where it drops what the
 * corrected figure had (see the command).
 */
function correctionFields(command: string, input: CorrectIndicatorValueInput): CommandFields {
  const dropped = correctionKeptFields.filter((field) => input[field] === null).map((field) => [field, null])
  return { ...valueFields(command, input), ...Object.fromEntries(dropped) }
}

/** The fields of an input that names what it changes; each payload reads those it needs. */
interface Named extends CommandInput {
  readonly code?: string
  readonly planId?: string
  readonly measureId?: string
  readonly indicatorId?: string
  readonly budgetLineId?: string
}

/** The payload's entity for each kind of entity a command is about. */
const payloads = {
  municipality: (context: GraphQLContext, input: Named) => ({ municipality: loadMunicipality(context, input.code!) }),
  plan: (context: GraphQLContext, input: Named) => ({ plan: loadPlan(context, input.planId!) }),
  measure: (context: GraphQLContext, input: Named) => ({
    measure: loadMeasure(context, input.planId!, input.measureId!),
    plan: loadPlan(context, input.planId!),
  }),
  indicator: (context: GraphQLContext, input: Named) => ({ indicator: loadIndicator(context, input.indicatorId!) }),
  budgetLine: (context: GraphQLContext, input: Named) => ({ budgetLine: loadBudgetLine(context, input.budgetLineId!) }),
  nationalIndicator: (context: GraphQLContext, input: Named) => ({ nationalIndicator: loadNationalIndicator(context, input.code!) }),
  dhis2Mapping: (context: GraphQLContext) => ({ dhis2Mapping: loadDhis2Mapping(context) }),
}

function mutationOf(type: CommandType) {
  const definition = commands[type]
  const payload = payloads[definition.about ?? definition.aggregate]
  const fields = conversions[mutationNameOf(type)] as Fields<Named> | undefined
  return async (_root: unknown, { input }: { input: Named }, context: GraphQLContext): Promise<CommandOutcome & object> => {
    const outcome = await runCommand(context, type, input, fields)
    return { ...outcome, ...payload(context, input) }
  }
}

// A command whose mutation the schema lacks does not compile.
const mutation = Object.fromEntries(commandTypes.map((type) => [mutationNameOf(type), mutationOf(type)])) as unknown as {
  readonly [Name in MutationName]: NonNullable<MutationResolvers[Name]>
}

export const mutationResolvers: Resolvers = { Mutation: mutation }
