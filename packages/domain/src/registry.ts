import { TreguesiError } from '@treguesi/errors'
import { z } from 'zod'
import { budgetLine, budgetLineCommandSchema, budgetLineStream, type BudgetLineCommand } from './budget/budget-line.js'
import type { Decider, DomainEvent } from './decider.js'
import { indicator, indicatorCommandSchema, indicatorStream, type IndicatorCommand } from './indicator/indicator.js'
import {
  municipality,
  municipalityCodeSchema,
  municipalityCommandSchema,
  municipalityStream,
  type MunicipalityCommand,
} from './municipality/municipality.js'
import {
  nationalIndicator,
  nationalCodeSchema,
  nationalIndicatorCommandSchema,
  nationalIndicatorStream,
  type NationalIndicatorCommand,
} from './national-indicator/national-indicator.js'
import { plan, planCommandSchema, planStream, type PlanCommand } from './plan/plan.js'
import { idSchema } from './shared/id.js'
import {
  dhis2Mapping,
  dhis2MappingCommandKeySchema,
  dhis2MappingCommandSchema,
  dhis2MappingKeySchema,
  dhis2MappingStream,
  type Dhis2MappingCommand,
} from './dhis2-mapping/dhis2-mapping.js'

/**
 * One aggregate: how its commands are parsed and decided, which stream holds an instance, and
 * what other parts of Treguesi need to know of an instance's state without knowing its shape.
 */
export interface AggregateDefinition<Command extends { type: string }, Event extends DomainEvent, State> {
  /** What an instance is called in errors and in history. */
  readonly entity: string
  readonly decider: Decider<Command, Event, State>
  readonly commandSchema: z.ZodType<Command>
  /**
   * What a well-formed key of an instance is (also as history is asked for it), and how a command
   * names it: by one field whose value is the key, or, for an instance named by several fields (a
   * DHIS2 mapping names what it maps), by what checks those fields and makes the key of them.
   */
  readonly key: AggregateKey
  readonly streamOf: (key: string) => string
  /** The municipality an instance belongs to; undefined while it does not exist. */
  readonly ownerOf: (state: State) => string | undefined
  /** The plan an instance belongs to; undefined while it does not exist or belongs to none. */
  readonly planOf: (state: State) => string | undefined
}

export type AggregateKey =
  | { readonly field: string; readonly schema: z.ZodType<string> }
  | { readonly of: z.ZodType<string>; readonly schema: z.ZodType<string> }

const defineAggregate = <Command extends { type: string }, Event extends DomainEvent, State>(
  definition: AggregateDefinition<Command, Event, State>,
) => definition

/** Every aggregate a client's command can address. */
export const aggregates = {
  municipality: defineAggregate({
    entity: 'municipality',
    decider: municipality,
    commandSchema: municipalityCommandSchema,
    key: { field: 'code', schema: municipalityCodeSchema },
    streamOf: municipalityStream,
    ownerOf: (state) => (state.registered ? state.code : undefined),
    planOf: () => undefined,
  }),
  plan: defineAggregate({
    entity: 'plan',
    decider: plan,
    commandSchema: planCommandSchema,
    key: { field: 'planId', schema: idSchema },
    streamOf: planStream,
    ownerOf: (state) => (state.drafted ? state.municipality : undefined),
    planOf: (state) => (state.drafted ? state.planId : undefined),
  }),
  indicator: defineAggregate({
    entity: 'indicator',
    decider: indicator,
    commandSchema: indicatorCommandSchema,
    key: { field: 'indicatorId', schema: idSchema },
    streamOf: indicatorStream,
    ownerOf: (state) => (state.defined ? state.definition.municipality : undefined),
    planOf: (state) => (state.defined ? state.definition.planId : undefined),
  }),
  budgetLine: defineAggregate({
    entity: 'budget line',
    decider: budgetLine,
    commandSchema: budgetLineCommandSchema,
    key: { field: 'budgetLineId', schema: idSchema },
    streamOf: budgetLineStream,
    ownerOf: (state) => (state.exists ? state.municipality : undefined),
    planOf: (state) => (state.exists ? state.planId : undefined),
  }),
  nationalIndicator: defineAggregate({
    entity: 'national indicator',
    decider: nationalIndicator,
    commandSchema: nationalIndicatorCommandSchema,
    key: { field: 'code', schema: nationalCodeSchema },
    streamOf: nationalIndicatorStream,
    // The catalogue is the country's, no municipality's.
    ownerOf: () => undefined,
    planOf: () => undefined,
  }),
  dhis2Mapping: defineAggregate({
    entity: 'DHIS2 mapping',
    decider: dhis2Mapping,
    commandSchema: dhis2MappingCommandSchema,
    key: { of: dhis2MappingCommandKeySchema, schema: dhis2MappingKeySchema },
    streamOf: dhis2MappingStream,
    // Exchange metadata, kept by admins for every municipality alike.
    ownerOf: () => undefined,
    planOf: () => undefined,
  }),
} as const

export type AggregateName = keyof typeof aggregates

/** The same definition with its types erased, for code that handles any aggregate alike. */
export type AnyAggregateDefinition = AggregateDefinition<{ type: string }, DomainEvent, unknown>

export const aggregateDefinition = (name: AggregateName): AnyAggregateDefinition => aggregates[name] as unknown as AnyAggregateDefinition

/** What checks the fields of a command that name its aggregate's instance and gives its key. */
const keySchemas = Object.fromEntries(
  (Object.keys(aggregates) as AggregateName[]).map((name) => {
    const { key } = aggregateDefinition(name)
    if ('of' in key) return [name, key.of]
    return [name, z.object({ [key.field]: key.schema }).transform((fields) => fields[key.field] as string)]
  }),
) as Readonly<Record<AggregateName, z.ZodType<string>>>

/**
 * What checks the fields of a command that name its aggregate's instance, before anything is
 * read, and gives its key: a refusal names the field that is not well-formed.
 */
export const commandKeySchema = (name: AggregateName): z.ZodType<string> => keySchemas[name]

interface CommandsOf {
  municipality: MunicipalityCommand
  plan: PlanCommand
  indicator: IndicatorCommand
  budgetLine: BudgetLineCommand
  nationalIndicator: NationalIndicatorCommand
  dhis2Mapping: Dhis2MappingCommand
}

/** Every command a client can send. */
export type CommandType = CommandsOf[AggregateName]['type']
type AggregateOf<Type extends CommandType> = {
  [Name in AggregateName]: Type extends CommandsOf[Name]['type'] ? Name : never
}[AggregateName]

/**
 * What a command needs from aggregates other than its own, checked (and added to the command)
 * before its schema parses it:
 * - `registered-municipality`: the municipality its `municipality` field names is registered;
 * - `plan-to-join` and its variants: the open plan its `planId` names, of the same municipality,
 *   holds what it attaches to; the indicator also takes the plan's period, the budget line the
 *   municipality's currency;
 * - `open-plan`: the plan of the instance it addresses is not closed;
 * - `national-indicator`: the national indicator its `nationalCode` names is in the catalogue,
 *   whose unit it takes (as does `plan-to-join-with-period`, for an indicator defined tied);
 * - `mapped-indicator`: the national indicator or the indicator its `indicator` names exists, whose
 *   unit it takes, and an indicator's dimensions whose categories cover its total.
 */
export type CommandNeed =
  | 'registered-municipality'
  | 'plan-to-join-with-period'
  | 'plan-to-join-with-currency'
  | 'open-plan'
  | 'national-indicator'
  | 'mapped-indicator'

/**
 * Whose a command is: the municipality its own field names and/or the owners of the instances it
 * names (by their aggregates' key fields), the first of which is the one it is about. A command
 * that creates an instance also names the instance's own aggregate, so an id already taken
 * elsewhere answers nothing from another municipality. `admins` commands have no owner.
 */
export type CommandOwnership = 'admins' | { readonly field?: 'code' | 'municipality'; readonly names: readonly AggregateName[] }

/**
 * What approval locks a command of an indicator or a budget line against (a plan's own commands
 * are checked by its decider, which holds the reviews): the plan's content while it is submitted
 * or approved (`adoption`), or the figures of the period it is about while that period's report
 * is (`period`: the command's own field; `line-year`: its budget line's fiscal year).
 */
export type CommandGuard = 'adoption' | 'period' | 'line-year'

export interface CommandDefinition<Aggregate extends AggregateName> {
  readonly aggregate: Aggregate
  readonly needs: CommandNeed | null
  readonly owner: CommandOwnership
  /**
   * Who of a municipality's staff sends it: its editors, or (`reviewers`) those who review what
   * the editors submit, returning, approving or reopening it. Admins send every command.
   */
  readonly by: 'editors' | 'reviewers'
  readonly guard?: CommandGuard
  /** The entity the command changes, where it is a part of its aggregate's instance. */
  readonly about?: 'measure'
}

const onPlan = { aggregate: 'plan', needs: null, owner: { names: ['plan'] }, by: 'editors' } as const
const reviewOfPlan = { ...onPlan, by: 'reviewers' } as const
const onMeasure = { ...onPlan, about: 'measure' } as const
/** A command on an existing indicator or budget line: locked with its plan's content unless it says otherwise. */
const onInstance = <Aggregate extends 'indicator' | 'budgetLine'>(aggregate: Aggregate) =>
  ({ aggregate, needs: 'open-plan', owner: { names: [aggregate] }, by: 'editors', guard: 'adoption' }) as const
const onIndicator = onInstance('indicator')
/** Undoing a mapping needs nothing else: what is not mapped has nothing to undo. */
const onDhis2Mapping = { aggregate: 'dhis2Mapping', needs: null, owner: 'admins', by: 'editors' } as const
const onBudgetLine = onInstance('budgetLine')

/** Every command type, its aggregate, what it needs and whose it is: a missing entry does not compile. */
export const commands: { readonly [Type in CommandType]: CommandDefinition<AggregateOf<Type>> } = {
  RegisterMunicipality: { aggregate: 'municipality', needs: null, owner: 'admins', by: 'editors' },
  SetMunicipalBudgetTotal: { aggregate: 'municipality', needs: null, owner: { field: 'code', names: [] }, by: 'editors' },
  SetMunicipalityIatiIdentifier: { aggregate: 'municipality', needs: null, owner: 'admins', by: 'editors' },
  DraftPlan: { aggregate: 'plan', needs: 'registered-municipality', owner: { field: 'municipality', names: ['plan'] }, by: 'editors' },
  RevisePlanDetails: onPlan,
  SubmitPlan: onPlan,
  ReturnPlan: reviewOfPlan,
  ApprovePlan: reviewOfPlan,
  ReopenPlan: reviewOfPlan,
  SubmitReport: onPlan,
  ReturnReport: reviewOfPlan,
  ApproveReport: reviewOfPlan,
  ReopenReport: reviewOfPlan,
  ClosePlan: onPlan,
  AddArea: onPlan,
  ReviseArea: onPlan,
  AddObjective: onPlan,
  ReviseObjective: onPlan,
  AddMeasure: onMeasure,
  ReviseMeasure: onMeasure,
  ChangeMeasureStatus: onMeasure,
  DefineIndicator: {
    aggregate: 'indicator',
    needs: 'plan-to-join-with-period',
    owner: { field: 'municipality', names: ['indicator', 'plan'] },
    by: 'editors',
    guard: 'adoption',
  },
  ReviseIndicator: onIndicator,
  // The catalogue's upkeep: a closed plan's indicators are tied too, as their figures still count.
  LinkNationalIndicator: { aggregate: 'indicator', needs: 'national-indicator', owner: 'admins', by: 'editors' },
  SetBaseline: onIndicator,
  SetTarget: onIndicator,
  ReportIndicatorValue: { ...onIndicator, guard: 'period' },
  CorrectIndicatorValue: { ...onIndicator, guard: 'period' },
  PlanBudgetLine: {
    aggregate: 'budgetLine',
    needs: 'plan-to-join-with-currency',
    owner: { field: 'municipality', names: ['budgetLine', 'plan'] },
    by: 'editors',
    guard: 'adoption',
  },
  RevisePlannedCost: onBudgetLine,
  AllocateBudget: { ...onBudgetLine, guard: 'line-year' },
  RecordExpenditure: { ...onBudgetLine, guard: 'line-year' },
  RetagBudgetLine: onBudgetLine,
  DefineNationalIndicator: { aggregate: 'nationalIndicator', needs: null, owner: 'admins', by: 'editors' },
  ReviseNationalIndicator: { aggregate: 'nationalIndicator', needs: null, owner: 'admins', by: 'editors' },
  MapDhis2DataElement: { aggregate: 'dhis2Mapping', needs: 'mapped-indicator', owner: 'admins', by: 'editors' },
  UnmapDhis2DataElement: onDhis2Mapping,
  MapDhis2OrgUnit: { ...onDhis2Mapping, needs: 'registered-municipality' },
  UnmapDhis2OrgUnit: onDhis2Mapping,
  MapDhis2CategoryOptionCombo: onDhis2Mapping,
  UnmapDhis2CategoryOptionCombo: onDhis2Mapping,
}

/** Every command type, in order. */
export const commandTypes = (Object.keys(commands) as CommandType[]).sort()

/** The definition of a command type a client named, or undefined when there is no such command. */
export function commandDefinition(type: unknown): CommandDefinition<AggregateName> | undefined {
  return typeof type === 'string' && Object.hasOwn(commands, type) ? commands[type as CommandType] : undefined
}

/** The definition of the command a client sent, which must be one Treguesi knows. */
export function definitionOfCommand(input: unknown): CommandDefinition<AggregateName> {
  const type = (input as { type?: unknown } | null)?.type
  const definition = commandDefinition(type)
  if (definition) return definition
  throw new TreguesiError('TRG_INVALID_COMMAND', {
    command: String(type),
    field: 'type',
    problem: `must be one of ${commandTypes.join(', ')}`,
  })
}
