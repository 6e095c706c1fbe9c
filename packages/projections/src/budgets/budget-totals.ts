import { addMoney, fundingSourceKinds, zero, type Currency, type FundingSourceKind, type Money } from '@treguesi/domain'
import type { ReadModel } from '../projection.js'
import type { BudgetLineFacts, BudgetsState } from './budgets.js'
import { executionFlagsOf, type ExecutionFlag } from './execution-flags.js'
import { fraction, noBudgetFigure, type BudgetFigure } from './figures.js'
import { byText, linesById, own } from './records.js'
import { getEntry } from '../persistent-map.js'

export interface StageAmounts<T> {
  /** Costed in the plan. */
  readonly planned: T
  /** In the adopted budget. */
  readonly allocated: T
  /** Spent to date. */
  readonly executed: T
}

/** What one funder (by kind, or by kind and name) contributes, and its share of each stage's total. */
export interface FundingShare extends StageAmounts<Money> {
  readonly kind: FundingSourceKind
  /** The funder's name as the plan writes it; null when grouped by kind only. */
  readonly name: string | null
  readonly lines: number
  /** This funder's amount / the stage's total over all funders, as a fraction (0.25 is a quarter). */
  readonly share: StageAmounts<BudgetFigure>
}

/** A line costed in words rather than an amount: the text is kept and no amount is counted. */
export interface NonNumericCosting {
  readonly budgetLineId: string
  readonly measureId: string
  readonly fiscalYear: number
  readonly costingText: string
}

export interface LineCounts {
  readonly total: number
  /** Lines whose planned cost is an amount. */
  readonly costed: number
  /** Lines whose planned cost is a text (`nonNumericCostings`). */
  readonly nonNumericCosting: number
  readonly allocated: number
  readonly executed: number
  /** Lines with more spent than allocated, or spending with no allocation (`executionFlagsOf`). */
  readonly executedAboveAllocation: number
  readonly executedWithoutAllocation: number
}

/** Planned, allocated and executed amounts of a set of budget lines, in one currency. */
export interface BudgetAmounts extends StageAmounts<Money> {
  readonly currency: Currency
  readonly lines: LineCounts
  readonly nonNumericCostings: readonly NonNumericCosting[]
  readonly byFundingSource: readonly FundingShare[]
  readonly byFundingKind: readonly FundingShare[]
  /** Executed / allocated, as a fraction; no figure when nothing is allocated or the allocations add up to 0. */
  readonly executionRate: BudgetFigure
}

const stages = ['planned', 'allocated', 'executed'] as const

function stageAmounts(line: BudgetLineFacts): StageAmounts<Money | null> {
  return {
    planned: 'amount' in line.planned ? line.planned.amount : null,
    allocated: line.allocated,
    executed: line.executed,
  }
}

/** Adds each stage's amounts; an amount in a currency other than `currency` is refused. */
function sumStages(lines: readonly BudgetLineFacts[], currency: Currency): StageAmounts<Money> {
  const sums = { planned: zero(currency), allocated: zero(currency), executed: zero(currency) }
  for (const line of lines) {
    const amounts = stageAmounts(line)
    for (const stage of stages) {
      const amount = amounts[stage]
      if (amount !== null) sums[stage] = addMoney(sums[stage], amount, `lines.${line.budgetLineId}.${stage}`)
    }
  }
  return sums
}

const kindOrder = (kind: FundingSourceKind): number => fundingSourceKinds.indexOf(kind)

function fundingShares(lines: readonly BudgetLineFacts[], totals: StageAmounts<Money>, byName: boolean): FundingShare[] {
  const groups = new Map<string, BudgetLineFacts[]>()
  for (const line of lines) {
    const { kind, name } = line.fundingSource
    const key = JSON.stringify(byName ? [kind, name] : [kind])
    groups.set(key, [...(groups.get(key) ?? []), line])
  }
  return [...groups.values()]
    .map((group): FundingShare => {
      const { kind, name } = group[0]!.fundingSource
      const sums = sumStages(group, totals.planned.currency)
      const share = (stage: (typeof stages)[number]) => fraction(sums[stage].amount, totals[stage].amount, 'zero-total')
      return {
        kind,
        name: byName ? name : null,
        lines: group.length,
        ...sums,
        share: { planned: share('planned'), allocated: share('allocated'), executed: share('executed') },
      }
    })
    .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || byText(String(a.name), String(b.name)))
}

/**
 * Sums budget lines stage by stage (planned, allocated, executed) in `currency`, refusing
 * (TRG_CURRENCY_MISMATCH) any amount in another. A planned cost given as text counts no amount
 * and is listed. Shares per funder are of the same stage's total.
 */
export function sumLines(lines: readonly BudgetLineFacts[], currency: Currency): BudgetAmounts {
  const totals = sumStages(lines, currency)
  const nonNumericCostings = lines.flatMap((line): NonNumericCosting[] =>
    'costingText' in line.planned
      ? [{ budgetLineId: line.budgetLineId, measureId: line.measureId, fiscalYear: line.fiscalYear, costingText: line.planned.costingText }]
      : [],
  )
  const allocatedLines = lines.filter((line) => line.allocated !== null).length
  return {
    currency,
    ...totals,
    lines: {
      total: lines.length,
      costed: lines.length - nonNumericCostings.length,
      nonNumericCosting: nonNumericCostings.length,
      allocated: allocatedLines,
      executed: lines.filter((line) => line.executed !== null).length,
      executedAboveAllocation: flagged(lines, 'executed-above-allocation'),
      executedWithoutAllocation: flagged(lines, 'executed-without-allocation'),
    },
    nonNumericCostings,
    byFundingSource: fundingShares(lines, totals, true),
    byFundingKind: fundingShares(lines, totals, false),
    executionRate:
      allocatedLines === 0 ? noBudgetFigure('no-allocation') : fraction(totals.executed.amount, totals.allocated.amount, 'zero-allocation'),
  }
}

function flagged(lines: readonly BudgetLineFacts[], flag: ExecutionFlag): number {
  return lines.filter((line) => executionFlagsOf(line).includes(flag)).length
}

/** Which lines of a plan to total; every criterion given must hold. */
export interface BudgetQuery {
  readonly planId: string
  readonly areaId?: string
  /** An objective's total includes the measures of its sub-objectives. */
  readonly objectiveId?: string
  readonly measureId?: string
  readonly fiscalYear?: number
}

export interface BudgetTotals extends BudgetAmounts {
  readonly position: bigint | null
  readonly query: BudgetQuery
}

function matches(state: BudgetsState, line: BudgetLineFacts, query: BudgetQuery): boolean {
  if (query.fiscalYear !== undefined && line.fiscalYear !== query.fiscalYear) return false
  if (query.measureId !== undefined && line.measureId !== query.measureId) return false
  if (query.areaId === undefined && query.objectiveId === undefined) return true
  // A line whose measure or objective this log does not hold lies in no known area or objective.
  const measure = getEntry(state.measures, line.measureId)
  if (measure === undefined) return false
  const objective = getEntry(state.objectives, measure.objectiveId)
  if (objective === undefined) return false
  if (query.areaId !== undefined && objective.areaId !== query.areaId) return false
  return query.objectiveId === undefined || measure.objectiveId === query.objectiveId || objective.ancestors.includes(query.objectiveId)
}

/**
 * What a plan's lines are summed in: its municipality's currency, or, when the log does not hold
 * the plan or its municipality (a log read from the middle), the currency of its first line;
 * undefined when neither is known, so there is nothing to sum in.
 */
export function planCurrency(state: BudgetsState, planId: string, lines: readonly BudgetLineFacts[]): Currency | undefined {
  const plan = getEntry(state.plans, planId)
  return (plan && own(state.municipalities, plan.municipality)?.currency) ?? lines[0]?.currency
}

/**
 * Planned, allocated and executed totals of a plan, or of one of its areas, objectives or
 * measures, for one fiscal year or all, in the municipality's currency (amounts in another are
 * refused with TRG_CURRENCY_MISMATCH). Null when nothing is known to total: no line, and no
 * municipality to give the currency.
 */
export function budgetTotals(model: ReadModel<BudgetsState>, query: BudgetQuery): BudgetTotals | null {
  const { state, position } = model
  const lines = linesById(state, getEntry(state.linesByPlan, query.planId) ?? []).filter((line) => matches(state, line, query))
  const currency = planCurrency(state, query.planId, lines)
  if (currency === undefined) return null
  return { position, query, ...sumLines(lines, currency) }
}
