import t from 'tap'
import type { Decimal, Money } from '@treguesi/domain'
import { emptyReadModel, project } from '../projection.js'
import { budgetTotals } from './budget-totals.js'
import { budgetsProjection } from './budgets.js'
import { executionFlagsOf } from './execution-flags.js'
import { budgetScenario, ids } from './test-support.js'

const all = (amount: string): Money => ({ amount: amount as Decimal, currency: 'ALL' })

t.test("a line's spending is flagged against its allocation, never refused", async (t) => {
  t.same(executionFlagsOf({ allocated: null, executed: null }), [], 'nothing spent, nothing allocated')
  t.same(executionFlagsOf({ allocated: all('1000000'), executed: null }), [], 'allocated, nothing spent yet')
  t.same(executionFlagsOf({ allocated: all('1000000'), executed: all('1000000.00') }), [], 'spent exactly the allocation')
  t.same(executionFlagsOf({ allocated: all('1000000'), executed: all('999999.99') }), [], 'spent within it')
  t.same(executionFlagsOf({ allocated: all('1000000'), executed: all('1000000.01') }), ['executed-above-allocation'], 'one qindarka above')
  t.same(executionFlagsOf({ allocated: all('0'), executed: all('1') }), ['executed-above-allocation'], 'spent on a zero allocation')
  t.same(executionFlagsOf({ allocated: null, executed: all('250000') }), ['executed-without-allocation'])
  t.throws(
    () => executionFlagsOf({ allocated: all('1000'), executed: { amount: '1000' as Decimal, currency: 'EUR' } }),
    { code: 'TRG_CURRENCY_MISMATCH', details: { field: 'executed', expected: 'ALL', actual: 'EUR' } },
    'amounts in two currencies are not compared',
  )
})

t.test("a plan's totals count the flagged lines", async (t) => {
  const log = budgetScenario().run({
    type: 'RecordExpenditure',
    budgetLineId: ids.shelterLine2023,
    executed: all('125000'),
    asOf: '2023-12-31',
  })
  const model = project(budgetsProjection, emptyReadModel(budgetsProjection), log.events)
  const counts = (fiscalYear: number) => {
    const { executedAboveAllocation, executedWithoutAllocation } = budgetTotals(model, { planId: ids.genderPlan, fiscalYear })!.lines
    return { executedAboveAllocation, executedWithoutAllocation }
  }
  t.same(counts(2024), { executedAboveAllocation: 1, executedWithoutAllocation: 0 }, 'the local line spent 1,250,000 of 1,000,000')
  t.same(counts(2023), { executedAboveAllocation: 0, executedWithoutAllocation: 1 }, 'the 2023 line spent with nothing allocated')
})
