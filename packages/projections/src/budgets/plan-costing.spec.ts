import t from 'tap'
import { emptyReadModel, project, type ReadModel } from '../projection.js'
import { budgetTotals } from './budget-totals.js'
import { approvedLine, budgetsProjection, type BudgetsState } from './budgets.js'
import { planCosting } from './plan-costing.js'
import { budgetScenario, ids, uuid, type TestLog, scenarioWithEuroLine } from './test-support.js'

const modelOf = (log: TestLog): ReadModel<BudgetsState> => project(budgetsProjection, emptyReadModel(budgetsProjection), log.events)
const figure = (value: string) => ({ value, reason: null })
const amountsOf = (stages: { planned: { amount: string }; allocated: { amount: string }; executed: { amount: string } }) => [
  stages.planned.amount,
  stages.allocated.amount,
  stages.executed.amount,
]

t.test("Elbasan's plan per fiscal year: 2023 costed and never allocated, 2024 with a line costed in words", async (t) => {
  const log = budgetScenario()
  const costing = planCosting(modelOf(log), ids.genderPlan)!
  t.equal(costing.position, BigInt(log.events.length))
  t.equal(costing.planId, ids.genderPlan)
  t.equal(costing.currency, 'ALL')
  t.same(
    costing.byYear.map((year) => year.fiscalYear),
    [2023, 2024],
    'earliest first',
  )
  const [in2023, in2024] = costing.byYear
  t.same(amountsOf(in2023!), ['500000', '0', '0'])
  t.same(in2023!.executionRate, { value: null, reason: 'no-allocation' })
  t.same(amountsOf(in2024!), ['2000000', '47000000', '38000000'], 'the shelter, costed in words, adds nothing to planned')
  t.match(in2024!.lines, { total: 3, costed: 2, nonNumericCosting: 1, allocated: 3, executed: 3 })
  t.same(in2024!.nonNumericCostings, [
    { budgetLineId: ids.shelterLine2024, measureId: ids.shelter, fiscalYear: 2024, costingText: 'Sipas kostimit të MSHMS' },
  ])
  t.same(in2024!.executionRate, figure('0.808510638298'))
  t.same(
    in2024!.byFundingSource.map((funder) => [funder.kind, funder.name, funder.lines, ...amountsOf(funder)]),
    [
      ['local-budget', 'Buxheti bashkiak', 2, '800000', '46000000', '37250000'],
      ['donor', 'UN Women', 1, '1200000', '1000000', '750000'],
    ],
  )
  t.same(
    in2024!.byFundingKind.map((kind) => [kind.kind, kind.name, kind.lines, kind.share.planned]),
    [
      ['local-budget', null, 2, figure('0.4')],
      ['donor', null, 1, figure('0.6')],
    ],
  )
  t.same(
    costing.total.byFundingKind.map((kind) => [kind.kind, kind.lines, ...amountsOf(kind)]),
    [
      ['local-budget', 3, '1300000', '46000000', '37250000'],
      ['donor', 1, '1200000', '1000000', '750000'],
    ],
  )
  t.same(amountsOf(costing.total), ['2500000', '47000000', '38000000'])
  t.equal(costing.total.nonNumericCostings.length, 1)
})

t.test('the total and each year are what budgetTotals gives for the plan and for that year', async (t) => {
  const model = modelOf(budgetScenario())
  for (const planId of [ids.genderPlan, ids.drenasPlan]) {
    const costing = planCosting(model, planId)!
    const { position: _position, query: _query, ...total } = budgetTotals(model, { planId })!
    t.same(costing.total, total)
    for (const { fiscalYear, ...year } of costing.byYear) {
      const { position: _at, query: _year, ...totals } = budgetTotals(model, { planId, fiscalYear })!
      t.same(year, totals, `${fiscalYear}`)
    }
  }
  t.same(
    planCosting(model, ids.drenasPlan)!.byYear.map((year) => [year.fiscalYear, year.currency, year.allocated.amount]),
    [[2025, 'EUR', '0']],
  )
})

t.test('only the lines as the view shows them are summed', async (t) => {
  const model = modelOf(budgetScenario())
  const withoutDonors = planCosting(model, ids.genderPlan, (line) => (line.fundingSource.kind === 'donor' ? undefined : line))!
  t.same(amountsOf(withoutDonors.total), ['1300000', '46000000', '37250000'])
  t.same(
    withoutDonors.total.byFundingKind.map((kind) => kind.kind),
    ['local-budget'],
  )
  const only2024 = planCosting(model, ids.genderPlan, (line) => (line.fiscalYear === 2024 ? line : undefined))!
  t.same(
    only2024.byYear.map((year) => year.fiscalYear),
    [2024],
    'a year none of whose lines is shown is not listed',
  )
  const asApproved = planCosting(model, ids.genderPlan, approvedLine)!
  t.same(amountsOf(asApproved.total), ['2500000', '0', '0'], 'nothing approved yet: planned only')
  t.match(asApproved.total.lines, { allocated: 0, executed: 0, nonNumericCosting: 1 })
  const hidden = planCosting(model, ids.genderPlan, () => undefined)!
  t.same(hidden.byYear, [])
  t.same(amountsOf(hidden.total), ['0', '0', '0'], "with every line hidden, the municipality's currency still gives zeros")
  t.equal(hidden.currency, 'ALL')
})

t.test('amounts in a currency other than the municipality’s are refused', async (t) => {
  const log = scenarioWithEuroLine(2023)
  t.throws(() => planCosting(modelOf(log), ids.genderPlan), {
    code: 'TRG_CURRENCY_MISMATCH',
    details: { field: `lines.${uuid(99)}.planned`, expected: 'ALL', actual: 'EUR' },
  })
})

t.test('with nothing known to sum in there is no costing', async (t) => {
  const log = budgetScenario()
  t.equal(planCosting(modelOf(log), uuid(98)), null, 'a plan the log never drafted')
  t.equal(planCosting(emptyReadModel(budgetsProjection), ids.genderPlan), null)
  // A log read from the middle: the plan and its municipality were recorded before it starts.
  const lineEvents = log.events.filter((event) => event.type.startsWith('budget-line.'))
  const partial = planCosting(project(budgetsProjection, emptyReadModel(budgetsProjection), lineEvents), ids.drenasPlan)!
  t.same([partial.currency, partial.total.lines.total], ['EUR', 1], "the lines' own currency")
})
