import {
  addMoney,
  assertCurrency,
  isZero,
  zero,
  type Currency,
  type Figure,
  type MissingFigure,
  type Money,
  type PresentFigure,
} from '@treguesi/domain'
import type { BudgetLineFacts, BudgetsState } from './budgets.js'
import { budgetFigure, noBudgetFigure, percentOf, type BudgetFigure, type BudgetFigureReason } from './figures.js'
import { linesById, own } from './records.js'

/**
 * The actual of a budget-share indicator, in percent ('0.9' for 0.9 %): what the plans
 * projection receives, so it does not depend on this projection's internals.
 */
export type BudgetShareOf = (municipality: string, fiscalYear: number, category: string) => Figure

/**
 * A budget share as a progress Figure (assignable to one, so budgetShareOf(state) is a
 * BudgetShareOf). Without a figure its reason is 'no-actual' (the share is
 * the indicator's actual, and there is none), and `budgetReason` says why precisely.
 */
export type BudgetShareFigure = PresentFigure | (MissingFigure<'no-actual'> & { readonly budgetReason: BudgetFigureReason })

/** The municipality's total budget for a year, or null with the reason. */
export type MunicipalTotal = Figure<Money, 'no-budget-total'>

export function municipalTotal(state: BudgetsState, municipality: string, fiscalYear: number): MunicipalTotal {
  const total = own(state.municipalities, municipality)?.totals[fiscalYear]
  return total === undefined ? { value: null, reason: 'no-budget-total' } : { value: total, reason: null }
}

/**
 * Which lines a figure is made of, and as what: a caller that may not see every plan (the API's
 * anonymous callers see no draft) leaves lines out (undefined), and one that reads figures only
 * as approved reads each line so (`approvedLine`), over the municipality's own lines only.
 */
export type LineView = (line: BudgetLineFacts) => BudgetLineFacts | undefined

const asRecorded: LineView = (line) => line

/** The lines of `ids` (an index of the state) as `view` shows them, by id; those it leaves out are skipped. */
export function viewedLines(state: BudgetsState, ids: readonly string[], view: LineView = asRecorded): BudgetLineFacts[] {
  return linesById(state, ids).flatMap((line) => view(line) ?? [])
}

/** Every budget line of one municipality and fiscal year as `view` shows it, over all its plans, by id. */
export function linesOf(state: BudgetsState, municipality: string, fiscalYear: number, view?: LineView): BudgetLineFacts[] {
  return viewedLines(state, own(state.linesByMunicipalityYear, municipality)?.[fiscalYear] ?? [], view)
}

/** What lines tagged with one category add up to in the adopted budget. */
export interface CategoryAllocation {
  readonly category: string
  readonly allocated: Money
  /** Lines tagged with the category, and how many of them have an allocation. */
  readonly lines: number
  readonly allocatedLines: number
}

/** Sums allocations of `lines` tagged `category`; an amount in another currency is refused. */
export function allocationIn(lines: readonly BudgetLineFacts[], category: string, currency: Currency): CategoryAllocation {
  let allocated = zero(currency)
  let tagged = 0
  let allocatedLines = 0
  for (const line of lines) {
    if (!line.categories.includes(category)) continue
    tagged += 1
    if (line.allocated === null) continue
    allocatedLines += 1
    allocated = addMoney(allocated, line.allocated, `lines.${line.budgetLineId}.allocated`)
  }
  return { category, allocated, lines: tagged, allocatedLines }
}

/**
 * Allocated in a category / the municipality's total × 100. No total, a total of 0, or no
 * allocation recorded for the category give no figure; allocations that add up to 0 give 0 %.
 */
export function shareOfTotal(allocation: CategoryAllocation, total: MunicipalTotal): BudgetFigure {
  if (total.value === null) return noBudgetFigure('no-budget-total')
  if (isZero(total.value.amount)) return noBudgetFigure('zero-budget-total')
  if (allocation.allocatedLines === 0) return noBudgetFigure('no-allocation')
  assertCurrency(allocation.allocated, total.value.currency, 'allocated')
  return budgetFigure(percentOf(allocation.allocated.amount, total.value.amount))
}

/**
 * The budget share of a category in a municipality's total budget for a year, in percent:
 * allocated amounts of the lines tagged `category` / the total × 100. Elbasan 2024:
 * 45,000,000 of 5,000,000,000 lekë is '0.9'. Throws TRG_CURRENCY_MISMATCH rather than add
 * amounts of different currencies.
 */
export function budgetShareOf(
  state: BudgetsState,
  view: LineView = asRecorded,
): (municipality: string, fiscalYear: number, category: string) => BudgetShareFigure {
  return (municipality, fiscalYear, category) => {
    const total = municipalTotal(state, municipality, fiscalYear)
    if (total.value === null) return { value: null, reason: 'no-actual', budgetReason: total.reason }
    const allocation = allocationIn(linesOf(state, municipality, fiscalYear, view), category, total.value.currency)
    const share = shareOfTotal(allocation, total)
    return share.value === null ? { value: null, reason: 'no-actual', budgetReason: share.reason } : { value: share.value, reason: null }
  }
}
