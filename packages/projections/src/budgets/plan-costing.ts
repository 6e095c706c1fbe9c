import type { Currency } from '@treguesi/domain'
import { getEntry } from '../persistent-map.js'
import type { ReadModel } from '../projection.js'
import { viewedLines, type LineView } from './budget-share.js'
import { planCurrency, sumLines, type BudgetAmounts } from './budget-totals.js'
import type { BudgetLineFacts, BudgetsState } from './budgets.js'

/** A plan's amounts for one fiscal year; per funder and per kind of funder as BudgetAmounts gives them. */
export interface YearCosting extends BudgetAmounts {
  readonly fiscalYear: number
}

export interface PlanCosting {
  readonly position: bigint | null
  readonly planId: string
  readonly currency: Currency
  /** Over every year. */
  readonly total: BudgetAmounts
  /** One entry for every fiscal year a line of the plan is for, earliest first. */
  readonly byYear: readonly YearCosting[]
}

function byYear(lines: readonly BudgetLineFacts[], currency: Currency): YearCosting[] {
  const years = [...new Set(lines.map((line) => line.fiscalYear))].sort((a, b) => a - b)
  return years.map((fiscalYear) => ({
    fiscalYear,
    ...sumLines(
      lines.filter((line) => line.fiscalYear === fiscalYear),
      currency,
    ),
  }))
}

/**
 * A plan's costing: planned, allocated and executed amounts over all its years and per fiscal
 * year, each also per funder and per kind of funder, in the municipality's currency (amounts in
 * another are refused with TRG_CURRENCY_MISMATCH). A line costed in words adds no amount and is
 * counted and listed. Only the plan's lines as `view` shows them are summed. Null when nothing
 * is known to sum in, as for budgetTotals.
 */
export function planCosting(model: ReadModel<BudgetsState>, planId: string, view?: LineView): PlanCosting | null {
  const { state, position } = model
  const lines = viewedLines(state, getEntry(state.linesByPlan, planId) ?? [], view)
  const currency = planCurrency(state, planId, lines)
  if (currency === undefined) return null
  return { position, planId, currency, total: sumLines(lines, currency), byYear: byYear(lines, currency) }
}
