import fc from 'fast-check'
import t from 'tap'
import { emptyReadModel, project, type LogEvent, type ReadModel } from '../projection.js'
import { budgetsProjection, initialBudgetsState, type BudgetsState } from './budgets.js'
import * as index from './index.js'
import { entriesOf, getEntry, keyedEntriesOf } from '../persistent-map.js'
import { foldsAlike } from '../test-support.js'
import { budgetScenario, ids, rawEvent, TestLog, uuid } from './test-support.js'

const fold = (events: readonly LogEvent[], from: ReadModel<BudgetsState> = emptyReadModel(budgetsProjection)) =>
  project(budgetsProjection, from, events)

t.test('the fold keeps facts: currencies, totals, where each objective and measure sits, and each line as it stands', async (t) => {
  const log = budgetScenario()
    .run({
      type: 'RevisePlannedCost',
      budgetLineId: ids.shelterLine2024,
      planned: { amount: { amount: '44000000', currency: 'ALL' } },
    })
    .run({ type: 'RetagBudgetLine', budgetLineId: ids.shelterLine2024, categories: ['dv-specialised-services', 'shelter'] })
  const { state } = fold(log.events)
  t.same(state.municipalities, {
    ELB: { currency: 'ALL', totals: { 2024: { amount: '5000000000', currency: 'ALL' } } },
    DRE: { currency: 'EUR', totals: {} },
  })
  t.same(Object.fromEntries(keyedEntriesOf(state.plans)), {
    [ids.genderPlan]: { municipality: 'ELB' },
    [ids.drenasPlan]: { municipality: 'DRE' },
  })
  t.same(getEntry(state.objectives, ids.objectiveIV2a), { planId: ids.genderPlan, areaId: ids.areaIV, ancestors: [ids.objectiveIV2] })
  t.same(getEntry(state.objectives, ids.objectiveIV2), { planId: ids.genderPlan, areaId: ids.areaIV, ancestors: [] })
  t.same(getEntry(state.measures, ids.shelter), { planId: ids.genderPlan, objectiveId: ids.objectiveIV2a })
  t.same(getEntry(state.lines, ids.shelterLine2024), {
    budgetLineId: ids.shelterLine2024,
    planId: ids.genderPlan,
    measureId: ids.shelter,
    municipality: 'ELB',
    fiscalYear: 2024,
    fundingSource: { kind: 'local-budget', name: 'Buxheti bashkiak' },
    categories: ['dv-specialised-services', 'shelter'],
    currency: 'ALL',
    planned: { amount: { amount: '44000000', currency: 'ALL' } },
    allocated: { amount: '45000000', currency: 'ALL' },
    executed: { amount: '36000000', currency: 'ALL' },
  })
})

t.test('lines are indexed by plan and by municipality and year, once each, in the order they were planned', async (t) => {
  const { state } = fold(budgetScenario().events)
  const lines = entriesOf(state.lines)
  const byPlan = new Map<string, string[]>()
  for (const line of lines) byPlan.set(line.planId, [...(byPlan.get(line.planId) ?? []), line.budgetLineId])
  t.same(
    keyedEntriesOf(state.linesByPlan)
      .map(([planId]) => planId)
      .sort(),
    [...byPlan.keys()].sort(),
  )
  for (const [planId, planned] of byPlan) t.same([...getEntry(state.linesByPlan, planId)!].sort(), planned.sort(), `plan ${planId}`)
  for (const line of lines)
    t.ok(state.linesByMunicipalityYear[line.municipality]?.[line.fiscalYear]?.includes(line.budgetLineId), line.budgetLineId)
  const indexed = Object.values(state.linesByMunicipalityYear).flatMap((years) => Object.values(years).flat())
  t.equal(indexed.length, lines.length, 'each line under one municipality and year')

  // A log written by another client may plan a line twice: its facts are the later ones, indexed once.
  const planned = budgetScenario().events.find((event) => event.type === 'budget-line.planned.v1')!
  const again = { ...planned, position: 10_000n, data: { ...(planned.data as object), categories: ['again'] } }
  const twice = budgetsProjection.apply(state, again)
  const { budgetLineId, planId } = planned.data as { budgetLineId: string; planId: string }
  t.same(getEntry(twice.lines, budgetLineId)?.categories, ['again'])
  t.equal(twice.linesByPlan, state.linesByPlan, 'the indexes are as they were')
  t.equal(twice.linesByMunicipalityYear, state.linesByMunicipalityYear)
  t.equal(getEntry(twice.linesByPlan, planId)!.filter((id) => id === budgetLineId).length, 1)
})

t.test('events it does not fold, and events about what it never saw, leave the state as it is', async (t) => {
  const log = budgetScenario()
  const { state, position } = fold(log.events)
  log.run({
    type: 'DefineIndicator',
    indicatorId: uuid(50),
    planId: ids.genderPlan,
    municipality: 'ELB',
    attachedTo: { kind: 'objective', id: ids.objectiveIV2 },
    code: 'IV.2/T1',
    name: { sq: 'Pjesa e buxhetit për shërbime të specializuara' },
    unit: 'percent',
    direction: 'higher-is-better',
    accumulation: 'per-period',
    computed: { kind: 'budget-share', category: 'dv-specialised-services' },
    planPeriod: { from: 2022, to: 2024 },
  })
  t.equal(fold(log.events, { state, position }).state, state, 'indicator events are not budget facts')
  for (const event of [
    rawEvent(2, 'plan.area-added.v1', { planId: ids.genderPlan }),
    rawEvent(3, 'budget-line.allocated.v1', { budgetLineId: uuid(77), allocated: { amount: '1', currency: 'ALL' } }),
    rawEvent(4, 'municipality.budget-total-set.v1', { code: 'TIR', fiscalYear: 2024, total: { amount: '1', currency: 'ALL' } }),
  ]) {
    t.equal(budgetsProjection.apply(state, event), state, event.type)
  }
  t.equal(budgetsProjection.name, 'budgets')
  t.equal(index.budgetsProjection, budgetsProjection, 'the folder index exports the projection and its selectors')
  t.same(
    ['budgetTotals', 'budgetSummary', 'budgetShareOf', 'budgetFigureReasons'].filter((name) => !(name in index)),
    [],
  )
  t.equal(budgetsProjection.initialState, initialBudgetsState)
})

t.test('an update replaces the touched line, and leaves every other part of the state shared', async (t) => {
  const before = fold(budgetScenario().events).state
  const event = rawEvent(1000, 'budget-line.expenditure-recorded.v1', {
    budgetLineId: ids.donorLine2024,
    executed: { amount: '900000', currency: 'ALL' },
    asOf: '2025-01-31',
  })
  const after = budgetsProjection.apply(before, event)
  t.equal(after.plans, before.plans)
  t.equal(after.measures, before.measures)
  t.not(getEntry(after.lines, ids.donorLine2024), getEntry(before.lines, ids.donorLine2024))
  for (const [id, line] of keyedEntriesOf(before.lines)) if (id !== ids.donorLine2024) t.equal(getEntry(after.lines, id), line, id)
  t.same(getEntry(before.lines, ids.donorLine2024)?.executed, { amount: '750000', currency: 'ALL' }, 'the earlier version is as it was')
})

t.test('TestLog.attempt lets refusals pass and nothing else', async (t) => {
  const total = { type: 'SetMunicipalBudgetTotal', code: 'ELB', fiscalYear: 2024, total: { amount: '1', currency: 'ALL' } }
  const log = new TestLog().attempt((l) => l.run(total))
  t.same(log.events, [], 'a refused command (no such municipality) records nothing')
  const bug = () => {
    throw new Error('a bug')
  }
  t.throws(() => log.attempt(bug), { message: 'a bug' })
})

// ---------------------------------------------------------------------------------------------
// Property: one batch, arbitrary chunks (re-delivered events included) and a rebuild agree.
// ---------------------------------------------------------------------------------------------

const municipalities = ['ELB', 'DRE'] as const
const currencyOf = { ELB: 'ALL', DRE: 'EUR' } as const
const amount = fc.integer({ min: 0, max: 5_000_000 }).map(String)
const lineId = fc.integer({ min: 100, max: 105 }).map(uuid)
/** Each generated plan's ids count up from its base: plan, area, objective, then measures from base + 10. */
const planBase = fc.constantFrom(1000, 2000)
const measureNo = fc.integer({ min: 0, max: 3 })

type Step = (log: TestLog) => unknown

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ code: fc.constantFrom(...municipalities), year: fc.integer({ min: 2024, max: 2025 }), amount }).map(
    ({ code, year, amount }): Step =>
      (log) =>
        log.run({ type: 'SetMunicipalBudgetTotal', code, fiscalYear: year, total: { amount, currency: currencyOf[code] } }),
  ),
  fc.record({ base: planBase, measure: measureNo }).map(
    ({ base, measure }): Step =>
      (log) =>
        log.run({
          type: 'AddMeasure',
          planId: uuid(base),
          measureId: uuid(base + 10 + measure),
          objectiveId: uuid(base + 2),
          code: `M${measure}`,
          title: { sq: 'Masë' },
          leadActors: [],
          supportingActors: [],
        }),
  ),
  fc
    .record({
      lineId,
      base: planBase,
      measure: measureNo,
      year: fc.integer({ min: 2024, max: 2025 }),
      kind: fc.constantFrom('local-budget', 'donor'),
      category: fc.constantFrom('dv-specialised-services', 'gender-responsive-budgeting'),
      planned: fc.option(amount, { nil: undefined }),
    })
    .map(
      (line): Step =>
        (log) => {
          const municipality = line.base === 1000 ? 'ELB' : 'DRE'
          const currency = currencyOf[municipality]
          log.run({
            type: 'PlanBudgetLine',
            budgetLineId: line.lineId,
            planId: uuid(line.base),
            measureId: uuid(line.base + 10 + line.measure),
            municipality,
            fiscalYear: line.year,
            fundingSource: { kind: line.kind, name: line.kind === 'donor' ? 'UN Women' : 'Buxheti vendor' },
            categories: [line.category],
            planned: line.planned === undefined ? { costingText: 'Sipas kostimit' } : { amount: { amount: line.planned, currency } },
            currency,
          })
        },
    ),
  fc.record({ lineId, amount, currency: fc.constantFrom('ALL', 'EUR') }).map(
    ({ lineId, amount, currency }): Step =>
      (log) =>
        log.run({ type: 'AllocateBudget', budgetLineId: lineId, allocated: { amount, currency }, date: '2024-01-10' }),
  ),
  fc.record({ lineId, amount, currency: fc.constantFrom('ALL', 'EUR') }).map(
    ({ lineId, amount, currency }): Step =>
      (log) =>
        log.run({ type: 'RecordExpenditure', budgetLineId: lineId, executed: { amount, currency }, asOf: '2024-12-31' }),
  ),
  fc.record({ lineId, amount, currency: fc.constantFrom('ALL', 'EUR') }).map(
    ({ lineId, amount, currency }): Step =>
      (log) =>
        log.run({ type: 'RevisePlannedCost', budgetLineId: lineId, planned: { amount: { amount, currency } } }),
  ),
  fc.record({ lineId, categories: fc.subarray(['dv-specialised-services', 'shelter', 'gender-responsive-budgeting']) }).map(
    ({ lineId, categories }): Step =>
      (log) =>
        log.run({ type: 'RetagBudgetLine', budgetLineId: lineId, categories }),
  ),
)

/** Two municipalities, each with a plan, an area and an objective, before the generated steps. */
function generatedLog(steps: readonly Step[]): TestLog {
  const log = new TestLog()
  for (const code of municipalities) {
    const base = code === 'ELB' ? 1000 : 2000
    const country = code === 'ELB' ? 'AL' : 'XK'
    log
      .run({ type: 'RegisterMunicipality', code, name: { sq: code }, country, currency: currencyOf[code] })
      .run({
        type: 'DraftPlan',
        planId: uuid(base),
        municipality: code,
        kind: 'other',
        title: { sq: 'Plan' },
        period: { from: 2024, to: 2025 },
      })
      .run({ type: 'AddArea', planId: uuid(base), areaId: uuid(base + 1), code: 'I', title: { sq: 'Fusha I' } })
      .run({
        type: 'AddObjective',
        planId: uuid(base),
        objectiveId: uuid(base + 2),
        areaId: uuid(base + 1),
        level: 'strategic',
        code: 'I.1',
        title: { sq: 'Objektivi I.1' },
      })
  }
  for (const run of steps) log.attempt(run)
  return log
}

t.test('one batch, arbitrary chunks and a rebuild from scratch give deep-equal read models', async (t) => {
  let folded = 0
  const eventsOf = (steps: Step[]) => {
    const { events } = generatedLog(steps)
    folded += events.length
    return events
  }
  fc.assert(foldsAlike(step, eventsOf, fold))
  t.ok(folded > 1000, `the generated logs held ${folded} events`)
})
