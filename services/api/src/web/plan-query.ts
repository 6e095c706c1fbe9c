import type { LocalizedText } from './format.js'

/**
 * The GraphQL document the plan page, the changes page and the report read, and the shape of its
 * answer. One document serves all three, so they never disagree about a figure.
 */

export interface FigureData {
  readonly value: string | null
  readonly reason: string | null
  readonly explanation: string | null
}

export interface MoneyData {
  readonly amount: string
  readonly currency: string
}

export interface RollUpData {
  readonly attainment: FigureData
  readonly rating: string
  readonly indicators: number
  readonly counted: number
  readonly measures: number
  readonly measureStatuses: ReadonlyArray<{ readonly status: string; readonly count: number }>
}

export interface BreakdownData {
  readonly dimension: string
  readonly categories: ReadonlyArray<{ readonly category: string; readonly value: string | null; readonly reason: string | null }>
}

export interface IndicatorData {
  readonly id: string
  readonly code: string
  readonly name: LocalizedText
  readonly unit: string
  readonly currency: string | null
  readonly sensitive: boolean
  readonly computed: { readonly kind: string; readonly category: string } | null
  readonly baseline: { readonly value: string; readonly year: number } | null
  readonly period: string | null
  readonly actual: FigureData
  readonly target: {
    readonly period: string
    readonly resolved: {
      readonly value: string | null
      readonly lower: string | null
      readonly upper: string | null
      readonly reason: string | null
    }
  } | null
  readonly attainment: FigureData
  readonly rating: { readonly value: string; readonly reason: string | null }
  /** Read for a period asked for only (see planDocument). */
  readonly values?: ReadonlyArray<{
    readonly period: string
    readonly value: string | null
    readonly reason: string | null
    readonly text: LocalizedText | null
    readonly breakdowns: readonly BreakdownData[]
    readonly source: LocalizedText | null
    readonly note: LocalizedText | null
  }>
}

export interface MeasureData {
  readonly id: string
  readonly code: string
  readonly title: LocalizedText
  readonly status: string
  readonly statusHistory: ReadonlyArray<{
    readonly from: string
    readonly to: string
    readonly date: string
    readonly reason: LocalizedText | null
  }>
  readonly leadActors: readonly LocalizedText[]
  readonly deadline: string | null
  readonly indicators: readonly IndicatorData[]
}

export interface ObjectiveData {
  readonly id: string
  readonly code: string
  readonly title: LocalizedText
  readonly rollUp: RollUpData
  readonly indicators: readonly IndicatorData[]
  readonly measures: readonly MeasureData[]
  readonly children?: readonly ObjectiveData[]
}

export interface FundingData {
  readonly kind: string
  readonly name: string | null
  readonly planned: MoneyData
  readonly allocated: MoneyData
  readonly executed: MoneyData
}

export interface CostingFigures {
  readonly planned: MoneyData
  readonly allocated: MoneyData
  readonly executed: MoneyData
  readonly executionRate: FigureData
  readonly lines: { readonly total: number; readonly nonNumericCosting: number }
  readonly byFundingSource: readonly FundingData[]
}

export interface PlanData {
  readonly id: string
  readonly municipalityCode: string
  readonly municipality: { readonly code: string; readonly name: LocalizedText; readonly currency: string } | null
  readonly kind: string
  readonly title: LocalizedText
  readonly period: { readonly from: number; readonly to: number }
  readonly status: string
  readonly councilDecision: { readonly number: string; readonly date: string } | null
  readonly rollUp: RollUpData
  readonly indicators: ReadonlyArray<{ readonly id: string }>
  readonly areas: ReadonlyArray<{
    readonly id: string
    readonly code: string
    readonly title: LocalizedText
    readonly rollUp: RollUpData
    readonly objectives: readonly ObjectiveData[]
  }>
  readonly costing:
    | (CostingFigures & { readonly currency: string; readonly byYear: ReadonlyArray<CostingFigures & { readonly fiscalYear: number }> })
    | null
}

export interface PlanAnswer {
  readonly plan: PlanData | null
}

const figure = 'value reason explanation'
const money = 'amount currency'
const rollUp = `rollUp { attainment { ${figure} } rating indicators counted measures measureStatuses { status count } }`
const indicator = `id code name { sq en } unit currency sensitive computed { kind category } baseline { value year }
  period(period: $period)
  actual(period: $period) { ${figure} }
  target(period: $period) { period resolved { value lower upper reason } }
  attainment(period: $period) { ${figure} }
  rating(period: $period) { value reason }
  values(period: $period) @include(if: $withValues) { period value reason text { sq en } breakdowns { dimension categories { category value reason } } source { sq en } note { sq en } }`
const measure = `id code title { sq en } status statusHistory { from to date reason { sq en } } leadActors { sq en } deadline
  indicators { ...Indicator }`
const objective = `id code title { sq en } ${rollUp} indicators { ...Indicator } measures { ...Measure }`
const costing = `planned { ${money} } allocated { ${money} } executed { ${money} } executionRate { ${figure} }
  lines { total nonNumericCosting }
  byFundingSource { kind name planned { ${money} } allocated { ${money} } executed { ${money} } }`

/**
 * A plan's whole tree (objectives nest three levels in the seed plans), with its figures for
 * `$period` and its costing. The values themselves (for their breakdowns) are read for a period
 * asked for only: every period's values of a large plan would pass what one answer may hold.
 */
export const planDocument = `query PlanPage($id: ID!, $period: Period, $withValues: Boolean!, $asOf: AsOf) {
  plan(id: $id, asOf: $asOf) {
    id municipalityCode municipality { code name { sq en } currency } kind title { sq en } period { from to } status
    councilDecision { number date }
    ${rollUp}
    indicators { id }
    areas { id code title { sq en } ${rollUp}
      objectives { ...Objective children { ...Objective children { ...Objective } } } }
    costing { currency ${costing} byYear { fiscalYear ${costing} } }
  }
}
fragment Objective on Objective { ${objective} }
fragment Measure on Measure { ${measure} }
fragment Indicator on Indicator { ${indicator} }`

/** Every objective of an area, depth first. */
export function objectivesOf(objectives: readonly ObjectiveData[]): ObjectiveData[] {
  return objectives.flatMap((objective) => [objective, ...objectivesOf(objective.children ?? [])])
}

/** Every indicator of a plan in tree order: each objective's own, then its measures'. */
export function indicatorsOf(plan: PlanData): IndicatorData[] {
  return plan.areas.flatMap((area) =>
    objectivesOf(area.objectives).flatMap((objective) => [
      ...objective.indicators,
      ...objective.measures.flatMap((measure) => measure.indicators),
    ]),
  )
}

/** Every measure of a plan in tree order. */
export function measuresOf(plan: PlanData): MeasureData[] {
  return plan.areas.flatMap((area) => objectivesOf(area.objectives).flatMap((objective) => objective.measures))
}
