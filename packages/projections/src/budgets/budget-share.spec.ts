import { planBudgetLine } from '@treguesi/domain/testing'
import t from 'tap'
import { emptyReadModel, project } from '../projection.js'
import { budgetShareOf, type BudgetShareOf } from './budget-share.js'
import { approvedLine, budgetsProjection, type BudgetsState } from './budgets.js'
import { budgetScenario, ids, uuid, type TestLog } from './test-support.js'

const stateOf = (log: TestLog): BudgetsState => project(budgetsProjection, emptyReadModel(budgetsProjection), log.events).state
const withTotal = (log: TestLog, code: string, fiscalYear: number, amount: string, currency: string): TestLog =>
  log.run({ type: 'SetMunicipalBudgetTotal', code, fiscalYear, total: { amount, currency } })

t.test('Elbasan 2024: 45,000,000 of 5,000,000,000 lekë for specialised services is exactly 0.9 %', async (t) => {
  // The plans projection takes it as a BudgetShareOf; this assignment is the type check.
  const shareOf: BudgetShareOf = budgetShareOf(stateOf(budgetScenario()))
  t.same(shareOf('ELB', 2024, 'dv-specialised-services'), { value: '0.9', reason: null })
  t.same(shareOf('ELB', 2024, 'gender-responsive-budgeting'), { value: '0.02', reason: null })
  // Lines left out (the public view leaves out drafts' lines) allocate nothing.
  const none = budgetShareOf(stateOf(budgetScenario()), () => undefined)
  t.same(none('ELB', 2024, 'dv-specialised-services'), { value: null, reason: 'no-actual', budgetReason: 'no-allocation' })
  // Lines read as approved, before any approval, have no allocation.
  const approved = budgetShareOf(stateOf(budgetScenario()), approvedLine)
  t.same(approved('ELB', 2024, 'dv-specialised-services'), { value: null, reason: 'no-actual', budgetReason: 'no-allocation' })
})

t.test('no share without a total, a non-zero total, or an allocation: null with the reason', async (t) => {
  const log = withTotal(budgetScenario(), 'ELB', 2023, '0', 'ALL')
  const shareOf = budgetShareOf(stateOf(log))
  t.same(shareOf('ELB', 2022, 'dv-specialised-services'), { value: null, reason: 'no-actual', budgetReason: 'no-budget-total' })
  t.same(shareOf('XYZ', 2024, 'dv-specialised-services'), { value: null, reason: 'no-actual', budgetReason: 'no-budget-total' })
  t.same(shareOf('ELB', 2023, 'dv-specialised-services'), { value: null, reason: 'no-actual', budgetReason: 'zero-budget-total' })
  t.same(shareOf('ELB', 2024, 'roma-housing'), { value: null, reason: 'no-actual', budgetReason: 'no-allocation' }, 'no line tagged')
  const retagged = budgetScenario().run({ type: 'RetagBudgetLine', budgetLineId: ids.shelterLine2023, categories: ['roma-housing'] })
  const unallocated = withTotal(retagged, 'ELB', 2023, '4800000000', 'ALL')
  t.same(
    budgetShareOf(stateOf(unallocated))('ELB', 2023, 'roma-housing'),
    { value: null, reason: 'no-actual', budgetReason: 'no-allocation' },
    'tagged but never allocated: no figure, not 0',
  )
})

t.test('allocations recorded as 0 are a real 0 %', async (t) => {
  const log = withTotal(budgetScenario(), 'DRE', 2025, '21000000', 'EUR')
  t.same(budgetShareOf(stateOf(log))('DRE', 2025, 'dv-specialised-services'), { value: '0', reason: null })
})

t.test('allocations in another currency than the total are refused, never added', async (t) => {
  const log = budgetScenario()
    .run(
      planBudgetLine(uuid(99), ids.genderPlan, ids.shelter, {
        fundingSource: { kind: 'donor', name: 'UN Women' },
        categories: ['dv-specialised-services'],
        planned: { amount: { amount: '10000', currency: 'EUR' } },
        currency: 'EUR',
      }),
    )
    .run({ type: 'AllocateBudget', budgetLineId: uuid(99), allocated: { amount: '10000', currency: 'EUR' }, date: '2024-02-01' })
  t.throws(() => budgetShareOf(stateOf(log))('ELB', 2024, 'dv-specialised-services'), {
    code: 'TRG_CURRENCY_MISMATCH',
    details: { field: `lines.${uuid(99)}.allocated`, expected: 'ALL', actual: 'EUR' },
  })
})
