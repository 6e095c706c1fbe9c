import { divide, isZero, multiply, type Decimal, type Figure } from '@treguesi/domain'

/** Why a budget figure cannot be given. */
export type BudgetFigureReason = 'no-budget-total' | 'zero-budget-total' | 'no-allocation' | 'zero-allocation' | 'zero-total'

export const budgetFigureReasons: Readonly<Record<BudgetFigureReason, string>> = {
  'no-budget-total': "the municipality's total budget for the year is not recorded",
  'zero-budget-total': "the municipality's total budget for the year is recorded as 0, which cannot be divided by",
  'no-allocation': 'no allocation is recorded for the lines concerned',
  'zero-allocation': 'the allocations recorded add up to 0, which cannot be divided by',
  'zero-total': 'the total is 0, so nothing has a share of it',
}

/** A budget ratio or share, or null with the reason: never a 0 that stands for missing data. */
export type BudgetFigure = Figure<Decimal, BudgetFigureReason>

export const budgetFigure = (value: Decimal): BudgetFigure => ({ value, reason: null })
export const noBudgetFigure = (reason: BudgetFigureReason): BudgetFigure => ({ value: null, reason })

/** `part / whole` as a fraction (0.25), or `whenZero` when the whole is 0. */
export function fraction(part: Decimal, whole: Decimal, whenZero: BudgetFigureReason): BudgetFigure {
  return isZero(whole) ? noBudgetFigure(whenZero) : budgetFigure(divide(part, whole))
}

/**
 * `part / whole × 100`. Multiplying first keeps the quotient's twelve places for the percent
 * itself: 45,000,000 of 5,000,000,000 is exactly 0.9.
 */
export function percentOf(part: Decimal, whole: Decimal): Decimal {
  return divide(multiply(part, '100' as Decimal), whole)
}
