import t from 'tap'
import { replay } from './decider.js'
import {
  aggregateDefinition,
  aggregates,
  commandKeySchema,
  commands,
  commandTypes,
  definitionOfCommand,
  type AggregateName,
} from './registry.js'
import { fixedIds, planCommands, routeCommand } from './testing/index.js'

const [areaId, objectiveId, measureId, indicatorId, budgetLineId] = [
  fixedIds.areas[0],
  fixedIds.objectives[0],
  fixedIds.measures[0],
  fixedIds.indicators[0],
  fixedIds.budgetLines[0],
]
const plan = planCommands({ planId: fixedIds.plan, areaId, objectiveId, measureId })

/** The command that creates an instance of each aggregate, with what other aggregates add to it. */
const creations: { readonly [Name in AggregateName]: Readonly<Record<string, unknown>> & { readonly type: string } } = {
  municipality: plan.register,
  plan: plan.draft,
  indicator: { ...plan.define(indicatorId), planPeriod: { from: 2024, to: 2027 } },
  budgetLine: { ...plan.budgetLine(budgetLineId), currency: 'ALL' },
  nationalIndicator: { type: 'DefineNationalIndicator', code: 'AL-SKGJB-1.1', name: { sq: 'Gratë në këshill' }, unit: 'count' },
  dhis2Mapping: { type: 'MapDhis2OrgUnit', municipality: 'ELB', orgUnit: 'AL_ELBASAN' },
}

t.test('each aggregate tells whose an instance is and its plan, and nothing before it exists', async (t) => {
  const expected = {
    municipality: { owner: 'ELB', plan: undefined },
    plan: { owner: 'ELB', plan: fixedIds.plan },
    indicator: { owner: 'ELB', plan: fixedIds.plan },
    budgetLine: { owner: 'ELB', plan: fixedIds.plan },
    // The catalogue is no municipality's.
    nationalIndicator: { owner: undefined, plan: undefined },
    // Nor is the exchange's metadata, even where it maps a municipality.
    dhis2Mapping: { owner: undefined, plan: undefined },
  }
  for (const name of Object.keys(aggregates) as AggregateName[]) {
    const definition = aggregateDefinition(name)
    t.same(
      [definition.ownerOf(definition.decider.initialState), definition.planOf(definition.decider.initialState)],
      [undefined, undefined],
      name,
    )
    const { aggregate, command, stream } = routeCommand(creations[name])
    t.equal(aggregate, definition, `${name}: its creation is routed to it`)
    const key = commandKeySchema(name).parse(command)
    t.equal(stream, definition.streamOf(key), `${name}: on the stream its key names`)
    t.ok(definition.key.schema.safeParse(key).success, `${name}: a well-formed key, as history is asked for it`)
    const state = replay(definition.decider, definition.decider.decide(command, definition.decider.initialState))
    t.same({ owner: definition.ownerOf(state), plan: definition.planOf(state) }, expected[name], `${name}: once it exists`)
  }
})

t.test('every command type has its entry, and an unknown one is refused with the list', async (t) => {
  t.same([...commandTypes].sort(), Object.keys(commands).sort())
  t.equal(definitionOfCommand({ type: 'ReviseArea' }), commands.ReviseArea)
  t.throws(() => definitionOfCommand({ type: 'toString' }), {
    code: 'TRG_INVALID_COMMAND',
    details: { field: 'type', problem: /^must be one of / },
  })
  t.throws(() => definitionOfCommand(null), { code: 'TRG_INVALID_COMMAND', details: { command: 'undefined' } })
})

t.test('reviewers return, approve and reopen; editors send everything else, submitting included', async (t) => {
  const byReviewers = commandTypes.filter((type) => commands[type].by === 'reviewers')
  t.same(byReviewers, ['ApprovePlan', 'ApproveReport', 'ReopenPlan', 'ReopenReport', 'ReturnPlan', 'ReturnReport'])
  t.ok(
    commandTypes.every((type) => ['editors', 'reviewers'].includes(commands[type].by)),
    'every command is sent by editors or by reviewers',
  )
})

t.test("approval locks an indicator's or a budget line's content, and its figures by their period", async (t) => {
  const guards = Object.fromEntries(
    commandTypes.flatMap((type) => (commands[type].guard === undefined ? [] : [[type, commands[type].guard]])),
  )
  t.same(guards, {
    AllocateBudget: 'line-year',
    CorrectIndicatorValue: 'period',
    DefineIndicator: 'adoption',
    PlanBudgetLine: 'adoption',
    RecordExpenditure: 'line-year',
    ReportIndicatorValue: 'period',
    RetagBudgetLine: 'adoption',
    ReviseIndicator: 'adoption',
    RevisePlannedCost: 'adoption',
    SetBaseline: 'adoption',
    SetTarget: 'adoption',
  })
  t.ok(
    Object.keys(guards).every((type) => commands[type as keyof typeof commands].aggregate !== 'plan'),
    "a plan's own commands are guarded by its decider, which holds the reviews",
  )
})
