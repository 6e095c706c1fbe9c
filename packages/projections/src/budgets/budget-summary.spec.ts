import t from 'tap'
import { emptyReadModel, project, type ReadModel } from '../projection.js'
import { budgetSummary } from './budget-summary.js'
import { budgetsProjection, type BudgetsState } from './budgets.js'
import { budgetScenario, ids, type TestLog } from './test-support.js'

const modelOf = (log: TestLog): ReadModel<BudgetsState> => project(budgetsProjection, emptyReadModel(budgetsProjection), log.events)
const all = (amount: string) => ({ amount, currency: 'ALL' })

t.test("Elbasan 2024: the municipality's total, all its plans' amounts and each category's share", async (t) => {
  const log = budgetScenario()
  const summary = budgetSummary(modelOf(log), 'ELB', 2024)!
  t.match(summary, {
    position: BigInt(log.events.length),
    municipality: 'ELB',
    fiscalYear: 2024,
    total: { value: all('5000000000'), reason: null },
    currency: 'ALL',
    planned: all('2000000'),
    allocated: all('47000000'),
    executed: all('38000000'),
    lines: { total: 3, costed: 2, nonNumericCosting: 1, allocated: 3, executed: 3 },
    executionRate: { value: '0.808510638298', reason: null },
    plans: [ids.genderPlan],
  })
  t.same(
    summary.byFundingKind.map((funder) => [funder.kind, funder.allocated.amount]),
    [
      ['local-budget', '46000000'],
      ['donor', '1000000'],
    ],
  )
  t.same(summary.shares, [
    {
      category: 'dv-specialised-services',
      allocated: all('45000000'),
      lines: 1,
      allocatedLines: 1,
      share: { value: '0.9', reason: null },
    },
    {
      category: 'gender-responsive-budgeting',
      allocated: all('1000000'),
      lines: 1,
      allocatedLines: 1,
      share: { value: '0.02', reason: null },
    },
  ])
})

t.test('without a total for the year, shares are null with the reason', async (t) => {
  const summary = budgetSummary(modelOf(budgetScenario()), 'DRE', 2025)!
  t.same(summary.total, { value: null, reason: 'no-budget-total' })
  t.same(summary.shares, [
    {
      category: 'dv-specialised-services',
      allocated: { amount: '0', currency: 'EUR' },
      lines: 1,
      allocatedLines: 1,
      share: { value: null, reason: 'no-budget-total' },
    },
  ])
  t.same(budgetSummary(modelOf(budgetScenario()), 'DRE', 2030)!.lines.total, 0, 'a year with nothing: zeros in EUR')
})

t.test('a municipality nothing is known of has no summary; one known only by its lines sums in their currency', async (t) => {
  const log = budgetScenario()
  t.equal(budgetSummary(modelOf(log), 'TIR', 2024), null)
  const linesOnly = project(
    budgetsProjection,
    emptyReadModel(budgetsProjection),
    log.events.filter((e) => e.type.startsWith('budget-line.')),
  )
  const summary = budgetSummary(linesOnly, 'ELB', 2024)!
  t.equal(summary.currency, 'ALL')
  t.same(summary.total, { value: null, reason: 'no-budget-total' })
  t.equal(summary.allocated.amount, '47000000')
})
