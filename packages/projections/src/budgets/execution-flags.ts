import { assertCurrency, compare } from '@treguesi/domain'
import type { BudgetLineFacts } from './budgets.js'

/**
 * What a line's spending says against its allocation. Spending is recorded as reported, never
 * refused for being above the allocation: budgets are revised during the year, and the report
 * of what was spent is a fact the monitoring must keep. It is flagged instead, wherever the line
 * or a total it is part of is shown.
 */
export type ExecutionFlag =
  /** More spent to date than the adopted budget allocated. */
  | 'executed-above-allocation'
  /** Spending recorded for a line with no allocation recorded. */
  | 'executed-without-allocation'

export function executionFlagsOf(line: Pick<BudgetLineFacts, 'allocated' | 'executed'>): ExecutionFlag[] {
  const { allocated, executed } = line
  if (executed === null) return []
  if (allocated === null) return ['executed-without-allocation']
  assertCurrency(executed, allocated.currency, 'executed')
  return compare(executed.amount, allocated.amount) > 0 ? ['executed-above-allocation'] : []
}
