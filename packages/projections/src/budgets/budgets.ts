import {
  periodContains,
  type BudgetLineEvent,
  type Currency,
  type FundingSource,
  type Money,
  type MunicipalityEvent,
  type Period,
  type PlanEvent,
  type PlannedCost,
} from '@treguesi/domain'
import type { LogEvent, Projection } from '../projection.js'
import { own } from './records.js'
import { emptyMap, getEntry, setEntry, type PersistentMap } from '../persistent-map.js'

/** What budgets need of a municipality: its currency and its total budget per fiscal year. */
export interface MunicipalityBudget {
  readonly currency: Currency
  /** The denominator of budget shares. */
  readonly totals: Readonly<Record<number, Money>>
}

/** Where an objective sits, so totals per area and per objective (with its sub-objectives) can be drawn. */
export interface ObjectivePlace {
  readonly planId: string
  readonly areaId: string
  /** The objectives it lies under, outermost first. */
  readonly ancestors: readonly string[]
}

export interface MeasurePlace {
  readonly planId: string
  readonly objectiveId: string
}

/** A budget line as it stands: the latest planned cost, allocation and expenditure to date. */
export interface BudgetLineFacts {
  readonly budgetLineId: string
  readonly planId: string
  readonly measureId: string
  readonly municipality: string
  readonly fiscalYear: number
  readonly fundingSource: FundingSource
  readonly categories: readonly string[]
  readonly currency: Currency
  readonly planned: PlannedCost
  /** Null until an allocation is recorded. */
  readonly allocated: Money | null
  /** Null until expenditure is recorded. */
  readonly executed: Money | null
  /**
   * The allocation and expenditure as the latest approval of the plan's reporting round of the
   * line's year published them (see PlanPublication); absent before it.
   */
  readonly approved?: { readonly allocated: Money | null; readonly executed: Money | null }
}

/** A budget line as everyone reads it: its amounts as approved, none before (see `approved`). */
export function approvedLine(line: BudgetLineFacts): BudgetLineFacts {
  const { approved, ...facts } = line
  return { ...facts, allocated: approved?.allocated ?? null, executed: approved?.executed ?? null }
}

/**
 * The facts budget figures are drawn from; figures themselves are derived by the selectors
 * (budgetTotals, budgetSummary, budgetShareOf), so each is always computed the same way.
 */
export interface BudgetsState {
  /** By municipality code. */
  readonly municipalities: Readonly<Record<string, MunicipalityBudget>>
  /** Each plan's municipality, by plan id. */
  readonly plans: PersistentMap<{ readonly municipality: string }>
  readonly objectives: PersistentMap<ObjectivePlace>
  readonly measures: PersistentMap<MeasurePlace>
  readonly lines: PersistentMap<BudgetLineFacts>
  /**
   * Budget line ids by plan, and by municipality and fiscal year, in the order they were planned:
   * a plan's totals and a municipality's budget shares read their own lines, not the country's.
   * A line's plan, municipality and year never change once planned.
   */
  readonly linesByPlan: PersistentMap<readonly string[]>
  readonly linesByMunicipalityYear: Readonly<Record<string, Readonly<Record<number, readonly string[]>>>>
}

type FoldedEvent = MunicipalityEvent | PlanEvent | BudgetLineEvent

function withLine(state: BudgetsState, budgetLineId: string, change: (line: BudgetLineFacts) => BudgetLineFacts): BudgetsState {
  const line = getEntry(state.lines, budgetLineId)
  // An event for a line this log never planned has nothing to change.
  if (line === undefined) return state
  return { ...state, lines: setEntry(state.lines, budgetLineId, change(line)) }
}

function apply(state: BudgetsState, logEvent: LogEvent): BudgetsState {
  const event = { type: logEvent.type, data: logEvent.data } as FoldedEvent
  switch (event.type) {
    case 'municipality.registered.v2': {
      const { code, currency } = event.data
      return { ...state, municipalities: { ...state.municipalities, [code]: { currency, totals: {} } } }
    }
    case 'municipality.budget-total-set.v1': {
      const { code, fiscalYear, total } = event.data
      const current = own(state.municipalities, code)
      // A total is only ever decided for a registered municipality; a log without it has no currency to hold it in.
      if (current === undefined) return state
      const municipality: MunicipalityBudget = { ...current, totals: { ...current.totals, [fiscalYear]: total } }
      return { ...state, municipalities: { ...state.municipalities, [code]: municipality } }
    }
    case 'plan.drafted.v1':
      return { ...state, plans: setEntry(state.plans, event.data.planId, { municipality: event.data.municipality }) }
    case 'plan.objective-added.v1': {
      const { planId, objectiveId, areaId, parentObjectiveId } = event.data
      const ancestors =
        parentObjectiveId === undefined ? [] : [...(getEntry(state.objectives, parentObjectiveId)?.ancestors ?? []), parentObjectiveId]
      const place: ObjectivePlace = { planId, areaId, ancestors }
      return { ...state, objectives: setEntry(state.objectives, objectiveId, place) }
    }
    case 'plan.measure-added.v1': {
      const { planId, measureId, objectiveId } = event.data
      return { ...state, measures: setEntry(state.measures, measureId, { planId, objectiveId }) }
    }
    case 'budget-line.planned.v1': {
      const data = event.data
      const line: BudgetLineFacts = {
        budgetLineId: data.budgetLineId,
        planId: data.planId,
        measureId: data.measureId,
        municipality: data.municipality,
        fiscalYear: data.fiscalYear,
        fundingSource: data.fundingSource,
        categories: data.categories,
        currency: data.currency,
        planned: data.planned,
        allocated: null,
        executed: null,
      }
      // Planned again (a log written by another client): the indexes hold it already.
      const known = getEntry(state.lines, data.budgetLineId) !== undefined
      const lines = setEntry(state.lines, data.budgetLineId, line)
      if (known) return { ...state, lines }
      const ofMunicipality = own(state.linesByMunicipalityYear, data.municipality) ?? {}
      return {
        ...state,
        lines,
        linesByPlan: setEntry(state.linesByPlan, data.planId, [...(getEntry(state.linesByPlan, data.planId) ?? []), data.budgetLineId]),
        linesByMunicipalityYear: {
          ...state.linesByMunicipalityYear,
          [data.municipality]: { ...ofMunicipality, [data.fiscalYear]: [...(ofMunicipality[data.fiscalYear] ?? []), data.budgetLineId] },
        },
      }
    }
    case 'plan.report-approved.v1': {
      const { planId, period } = event.data
      let lines = state.lines
      for (const budgetLineId of getEntry(state.linesByPlan, planId) ?? []) {
        const line = getEntry(lines, budgetLineId)!
        if (periodContains(period, `${line.fiscalYear}` as Period))
          lines = setEntry(lines, budgetLineId, { ...line, approved: { allocated: line.allocated, executed: line.executed } })
      }
      return { ...state, lines }
    }
    case 'budget-line.planned-cost-revised.v1':
      return withLine(state, event.data.budgetLineId, (line) => ({ ...line, planned: event.data.planned }))
    case 'budget-line.allocated.v1':
      return withLine(state, event.data.budgetLineId, (line) => ({ ...line, allocated: event.data.allocated }))
    case 'budget-line.expenditure-recorded.v1':
      return withLine(state, event.data.budgetLineId, (line) => ({ ...line, executed: event.data.executed }))
    case 'budget-line.retagged.v1':
      return withLine(state, event.data.budgetLineId, (line) => ({ ...line, categories: event.data.categories }))
    default:
      return state
  }
}

export const initialBudgetsState: BudgetsState = {
  municipalities: {},
  plans: emptyMap(),
  objectives: emptyMap(),
  measures: emptyMap(),
  lines: emptyMap(),
  linesByPlan: emptyMap(),
  linesByMunicipalityYear: {},
}

/** Folds municipality.*, plan.* and budget-line.* events into the facts budget figures need. */
export const budgetsProjection: Projection<BudgetsState> = {
  name: 'budgets',
  initialState: initialBudgetsState,
  apply,
}
