import {
  budgetFigureReasons,
  nationalReasons,
  planFigureReasons,
  rollUpReasons,
  type BudgetFigureReason,
  type NationalReason,
  type PlanFigureReason,
  type RollUpReason,
} from '@treguesi/projections'
import type { Figure } from '../generated/resolvers.js'

/** Every reason a figure of this API can be missing for. */
export type Reason = PlanFigureReason | RollUpReason | BudgetFigureReason | NationalReason | 'no-budget-share-indicator'

const explanations: Readonly<Record<Reason, string>> = {
  ...planFigureReasons,
  ...rollUpReasons,
  ...budgetFigureReasons,
  ...nationalReasons,
  'no-budget-share-indicator': 'no budget-share indicator of this category covers the year, so there is no target to compare with',
}

/** Why a figure is missing, in words. */
export function explain(reason: Reason | null): string | null {
  return reason === null ? null : explanations[reason]
}

/** A read model's figure (a value, or null with a reason) as the schema's Figure. */
export function toFigure(figure: { readonly value: string | null; readonly reason: Reason | null }): Figure {
  return { value: figure.value, reason: figure.reason, explanation: explain(figure.reason) }
}

/**
 * A breakdown by dimension and category as the schema's list of dimensions, with the parts
 * withheld from the caller (`withheld`: dimension → categories) as values null for a reason.
 */
export function breakdownList(
  breakdown: Readonly<Record<string, Readonly<Record<string, string>>>> | null | undefined,
  withheld: Readonly<Record<string, readonly string[]>> = {},
) {
  return Object.entries(breakdown ?? {}).map(([dimension, categories]) => ({
    dimension,
    categories: [
      ...Object.entries(categories).map(([category, value]) => ({ category, value, reason: null })),
      ...(withheld[dimension] ?? []).map((category) => ({ category, value: null, reason: 'suppressed' })),
    ],
  }))
}
