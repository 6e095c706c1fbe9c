import type { ReadModel } from '../projection.js'
import {
  allocationIn,
  linesOf,
  municipalTotal,
  shareOfTotal,
  type CategoryAllocation,
  type LineView,
  type MunicipalTotal,
} from './budget-share.js'
import { sumLines, type BudgetAmounts } from './budget-totals.js'
import type { BudgetsState } from './budgets.js'
import type { BudgetFigure } from './figures.js'
import { byText, own } from './records.js'

export interface CategoryShare extends CategoryAllocation {
  /** Allocated in the category / the municipality's total × 100 (percent). */
  readonly share: BudgetFigure
}

export interface BudgetSummary extends BudgetAmounts {
  readonly position: bigint | null
  readonly municipality: string
  readonly fiscalYear: number
  readonly total: MunicipalTotal
  /** The plans whose lines are summed, by id. */
  readonly plans: readonly string[]
  /** One entry for every category a line of that year is tagged with, by category. */
  readonly shares: readonly CategoryShare[]
}

/**
 * A municipality's budget for a fiscal year over all its plans: its total, planned, allocated and
 * executed amounts, funders' shares, execution rate, and each category's share of the total
 * (the figure budget-share indicators take). Null when nothing is known of the municipality (no
 * registration, no line) to give the currency; amounts in another currency are refused. Only the
 * lines as `view` shows them are summed.
 */
export function budgetSummary(
  model: ReadModel<BudgetsState>,
  municipality: string,
  fiscalYear: number,
  view?: LineView,
): BudgetSummary | null {
  const { state, position } = model
  const lines = linesOf(state, municipality, fiscalYear, view)
  const currency = own(state.municipalities, municipality)?.currency ?? lines[0]?.currency
  if (currency === undefined) return null
  const total = municipalTotal(state, municipality, fiscalYear)
  const categories = [...new Set(lines.flatMap((line) => line.categories))].sort(byText)
  return {
    position,
    municipality,
    fiscalYear,
    total,
    ...sumLines(lines, currency),
    plans: [...new Set(lines.map((line) => line.planId))].sort(byText),
    shares: categories.map((category) => {
      const allocation = allocationIn(lines, category, currency)
      return { ...allocation, share: shareOfTotal(allocation, total) }
    }),
  }
}
