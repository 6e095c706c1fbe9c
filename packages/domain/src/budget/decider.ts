import { TreguesiError } from '@treguesi/errors'
import type { Decider } from '../decider.js'
import { creationData } from '../shared/creation.js'
import { defined } from '../shared/json.js'
import { assertCurrency, type Currency } from '../shared/money.js'
import type { BudgetLineCommand, PlannedCost } from './commands.js'
import type { BudgetLineEvent } from './events.js'
import { evolveBudgetLine, type BudgetLineState, type ExistingBudgetLine } from './state.js'

function existing(state: BudgetLineState, budgetLineId: string): ExistingBudgetLine {
  if (!state.exists) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'budget line', id: budgetLineId })
  return state
}

function assertPlannedCurrency(planned: PlannedCost, currency: Currency): void {
  if ('amount' in planned) assertCurrency(planned.amount, currency, 'planned.amount')
}

function samePlannedCost(a: PlannedCost, b: PlannedCost): boolean {
  if ('amount' in a) return 'amount' in b && a.amount.amount === b.amount.amount
  return 'costingText' in b && a.costingText === b.costingText
}

function sameCategories(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((category) => b.includes(category))
}

export const budgetLine: Decider<BudgetLineCommand, BudgetLineEvent, BudgetLineState> = {
  initialState: { exists: false },

  decide(command, state) {
    switch (command.type) {
      case 'PlanBudgetLine': {
        const data = creationData(command, state.exists, 'budget line', command.budgetLineId)
        assertPlannedCurrency(data.planned, data.currency)
        return [{ type: 'budget-line.planned.v1', data }]
      }
      case 'RevisePlannedCost': {
        const line = existing(state, command.budgetLineId)
        assertPlannedCurrency(command.planned, line.currency)
        if (samePlannedCost(line.planned, command.planned)) return []
        const data = { budgetLineId: command.budgetLineId, planned: command.planned, previous: line.planned }
        return [{ type: 'budget-line.planned-cost-revised.v1', data }]
      }
      case 'AllocateBudget': {
        const line = existing(state, command.budgetLineId)
        assertCurrency(command.allocated, line.currency, 'allocated')
        if (line.allocation?.allocated.amount === command.allocated.amount) return []
        const { type: _type, ...data } = defined(command)
        return [{ type: 'budget-line.allocated.v1', data }]
      }
      case 'RecordExpenditure': {
        const line = existing(state, command.budgetLineId)
        assertCurrency(command.executed, line.currency, 'executed')
        // Checked before the date, so a late retry of an earlier report is still harmless.
        if (line.expenditure?.executed.amount === command.executed.amount) return []
        if (line.expenditure && command.asOf < line.expenditure.asOf) {
          throw new TreguesiError('TRG_INVALID_COMMAND', {
            command: command.type,
            field: 'asOf',
            problem: `must not be before ${line.expenditure.asOf}, the date of the expenditure already recorded`,
          })
        }
        const { type: _type, ...data } = defined(command)
        return [{ type: 'budget-line.expenditure-recorded.v1', data }]
      }
      case 'RetagBudgetLine': {
        const line = existing(state, command.budgetLineId)
        if (sameCategories(line.categories, command.categories)) return []
        const { type: _type, ...data } = command
        return [{ type: 'budget-line.retagged.v1', data }]
      }
    }
  },

  evolve: evolveBudgetLine,
}
