import t from 'tap'
import { emptyReadModel, project, type ReadModel } from '../projection.js'
import { budgetTotals, type BudgetQuery } from './budget-totals.js'
import { budgetsProjection, type BudgetsState } from './budgets.js'
import { budgetScenario, ids, uuid, type TestLog, scenarioWithEuroLine } from './test-support.js'

const modelOf = (log: TestLog): ReadModel<BudgetsState> => project(budgetsProjection, emptyReadModel(budgetsProjection), log.events)
const all = (amount: string) => ({ amount, currency: 'ALL' })
const figure = (value: string) => ({ value, reason: null })

t.test("a plan's totals: planned, allocated, executed, funders' shares, execution rate", async (t) => {
  const log = budgetScenario()
  const totals = budgetTotals(modelOf(log), { planId: ids.genderPlan })
  const localBudget = {
    kind: 'local-budget',
    lines: 3,
    planned: all('1300000'),
    allocated: all('46000000'),
    executed: all('37250000'),
    share: { planned: figure('0.52'), allocated: figure('0.978723404255'), executed: figure('0.980263157895') },
  }
  const donor = {
    kind: 'donor',
    lines: 1,
    planned: all('1200000'),
    allocated: all('1000000'),
    executed: all('750000'),
    share: { planned: figure('0.48'), allocated: figure('0.021276595745'), executed: figure('0.019736842105') },
  }
  t.same(totals, {
    position: BigInt(log.events.length),
    query: { planId: ids.genderPlan },
    currency: 'ALL',
    planned: all('2500000'),
    allocated: all('47000000'),
    executed: all('38000000'),
    lines: {
      total: 4,
      costed: 3,
      nonNumericCosting: 1,
      allocated: 3,
      executed: 3,
      executedAboveAllocation: 1,
      executedWithoutAllocation: 0,
    },
    nonNumericCostings: [
      { budgetLineId: ids.shelterLine2024, measureId: ids.shelter, fiscalYear: 2024, costingText: 'Sipas kostimit të MSHMS' },
    ],
    byFundingSource: [
      { ...localBudget, name: 'Buxheti bashkiak' },
      { ...donor, name: 'UN Women' },
    ],
    // A kind's figures are its funders' together; each kind here has one funder.
    byFundingKind: [
      { ...localBudget, name: null },
      { ...donor, name: null },
    ],
    executionRate: figure('0.808510638298'),
  })
})

t.test('totals per year, area, objective (with its sub-objectives) and measure', async (t) => {
  const model = modelOf(budgetScenario())
  const select = (query: Omit<BudgetQuery, 'planId'>) => {
    const totals = budgetTotals(model, { planId: ids.genderPlan, ...query })!
    return { planned: totals.planned.amount, allocated: totals.allocated.amount, lines: totals.lines.total }
  }
  t.same(select({ fiscalYear: 2024 }), { planned: '2000000', allocated: '47000000', lines: 3 })
  t.same(select({ areaId: ids.areaIV }), { planned: '500000', allocated: '45000000', lines: 2 })
  t.same(select({ objectiveId: ids.objectiveIV2 }), { planned: '500000', allocated: '45000000', lines: 2 }, 'includes IV.2.a')
  t.same(select({ objectiveId: ids.objectiveIV2a }), { planned: '500000', allocated: '45000000', lines: 2 })
  t.same(select({ areaId: ids.areaII, objectiveId: ids.objectiveII1 }), { planned: '2000000', allocated: '2000000', lines: 2 })
  t.same(select({ areaId: ids.areaII, objectiveId: ids.objectiveIV2 }), { planned: '0', allocated: '0', lines: 0 })
  t.same(select({ measureId: ids.awareness, fiscalYear: 2023 }), { planned: '0', allocated: '0', lines: 0 })
  t.same(select({ measureId: ids.shelter, fiscalYear: 2023 }), { planned: '500000', allocated: '0', lines: 1 })
})

t.test('execution rate: no figure when nothing is allocated or the allocations add up to 0', async (t) => {
  const model = modelOf(budgetScenario())
  const unallocated = budgetTotals(model, { planId: ids.genderPlan, fiscalYear: 2023 })!
  t.same(unallocated.executionRate, { value: null, reason: 'no-allocation' })
  t.same(unallocated.byFundingSource[0]!.share, {
    planned: figure('1'),
    allocated: { value: null, reason: 'zero-total' },
    executed: { value: null, reason: 'zero-total' },
  })
  const zeroAllocated = budgetTotals(model, { planId: ids.drenasPlan })!
  t.same(zeroAllocated.executionRate, { value: null, reason: 'zero-allocation' })
  t.same(zeroAllocated.allocated, { amount: '0', currency: 'EUR' })
  t.same(budgetTotals(model, { planId: ids.genderPlan, fiscalYear: 2024 })!.executionRate, figure('0.808510638298'))
  t.same(
    budgetTotals(model, { planId: ids.genderPlan, measureId: ids.awareness })!.executionRate,
    figure('1'),
    'overspending one line and underspending another balance out: 2,000,000 of 2,000,000',
  )
  t.same(
    budgetTotals(modelOf(budgetScenario()), { planId: ids.genderPlan, fiscalYear: 2024, areaId: ids.areaII })!.byFundingSource.map(
      (funder) => funder.share.executed,
    ),
    [figure('0.625'), figure('0.375')],
  )
})

t.test('funders of one kind are listed by name, and grouped in their kind', async (t) => {
  const log = budgetScenario()
  for (const [n, name, amount] of [
    [97, 'UN Women', '1000'],
    [96, 'OSCE', '3000'],
  ] as const) {
    log.run({
      type: 'PlanBudgetLine',
      budgetLineId: uuid(n),
      planId: ids.drenasPlan,
      measureId: ids.drenasAction,
      municipality: 'DRE',
      fiscalYear: 2025,
      fundingSource: { kind: 'donor', name },
      planned: { amount: { amount, currency: 'EUR' } },
      currency: 'EUR',
    })
  }
  const totals = budgetTotals(modelOf(log), { planId: ids.drenasPlan })!
  t.same(
    totals.byFundingSource.map((funder) => [funder.kind, funder.name, funder.planned.amount, funder.share.planned.value]),
    [
      ['local-budget', 'Buxheti komunal', '3000', '0.428571428571'],
      ['donor', 'OSCE', '3000', '0.428571428571'],
      ['donor', 'UN Women', '1000', '0.142857142857'],
    ],
  )
  t.same(
    totals.byFundingKind.map((funder) => [funder.kind, funder.name, funder.planned.amount, funder.lines]),
    [
      ['local-budget', null, '3000', 1],
      ['donor', null, '4000', 2],
    ],
  )
})

t.test('amounts in a currency other than the municipality’s are refused', async (t) => {
  const log = scenarioWithEuroLine(2024)
  t.throws(() => budgetTotals(modelOf(log), { planId: ids.genderPlan }), {
    code: 'TRG_CURRENCY_MISMATCH',
    details: { field: `lines.${uuid(99)}.planned`, expected: 'ALL', actual: 'EUR' },
  })
})

t.test('with nothing known to total there are no totals; a plan known only by its lines totals in their currency', async (t) => {
  const log = budgetScenario()
  t.equal(budgetTotals(modelOf(log), { planId: uuid(98) }), null)
  t.same(budgetTotals(emptyReadModel(budgetsProjection), { planId: ids.genderPlan }), null)
  // A log read from the middle: the plan and its municipality were recorded before it starts.
  const partial = project(
    budgetsProjection,
    emptyReadModel(budgetsProjection),
    log.events.filter((e) => e.type.startsWith('budget-line.')),
  )
  const totals = budgetTotals(partial, { planId: ids.drenasPlan })!
  t.equal(totals.currency, 'EUR')
  t.equal(totals.lines.total, 1)
  t.equal(
    budgetTotals(partial, { planId: ids.drenasPlan, areaId: ids.drenasArea }),
    null,
    'a line of an unknown measure lies in no known area, and nothing else gives the currency',
  )
})

t.test('a log without some objectives still totals what it knows', async (t) => {
  const log = budgetScenario()
  const without = (objectiveId: string) =>
    project(
      budgetsProjection,
      emptyReadModel(budgetsProjection),
      log.events.filter((e) => !(e.type === 'plan.objective-added.v1' && (e.data as { objectiveId: string }).objectiveId === objectiveId)),
    )
  const noIV2a = without(ids.objectiveIV2a)
  t.equal(budgetTotals(noIV2a, { planId: ids.genderPlan, areaId: ids.areaIV })!.lines.total, 0, 'the shelter lies in no known objective')
  const noIV2 = without(ids.objectiveIV2)
  t.equal(budgetTotals(noIV2, { planId: ids.genderPlan, objectiveId: ids.objectiveIV2 })!.lines.total, 2, 'IV.2.a still names its parent')
})
