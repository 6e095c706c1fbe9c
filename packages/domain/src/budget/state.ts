import type { DataOf, Recorded } from '../shared/recorded.js'
import type { BudgetLineEvent } from './events.js'

/** State keeps what events recorded, and never changes it in place. */
type BudgetLineEventData<Type extends BudgetLineEvent['type']> = Recorded<DataOf<BudgetLineEvent, Type>>

export interface ExistingBudgetLine extends BudgetLineEventData<'budget-line.planned.v1'> {
  readonly exists: true
  /** The figure in the adopted budget; null until one is allocated. */
  readonly allocation: Omit<BudgetLineEventData<'budget-line.allocated.v1'>, 'budgetLineId'> | null
  /** Spent to date; null until expenditure is first recorded. */
  readonly expenditure: Omit<BudgetLineEventData<'budget-line.expenditure-recorded.v1'>, 'budgetLineId'> | null
}

export type BudgetLineState = { readonly exists: false } | ExistingBudgetLine

export const budgetLineStream = (budgetLineId: string): string => `budget-line-${budgetLineId}`

export function evolveBudgetLine(state: BudgetLineState, event: BudgetLineEvent): BudgetLineState {
  if (event.type === 'budget-line.planned.v1') {
    return { exists: true, ...event.data, allocation: null, expenditure: null }
  }
  // Every later event is only ever decided for a line that exists.
  const line = state as ExistingBudgetLine
  switch (event.type) {
    case 'budget-line.planned-cost-revised.v1':
      return { ...line, planned: event.data.planned }
    case 'budget-line.allocated.v1': {
      const { budgetLineId: _id, ...allocation } = event.data
      return { ...line, allocation }
    }
    case 'budget-line.expenditure-recorded.v1': {
      const { budgetLineId: _id, ...expenditure } = event.data
      return { ...line, expenditure }
    }
    case 'budget-line.retagged.v1':
      return { ...line, categories: event.data.categories }
  }
}
