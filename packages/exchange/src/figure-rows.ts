import {
  comparePeriods,
  disaggregationDimensions,
  type Country,
  type Currency,
  type Decimal,
  type DisaggregationDimension,
  type IndicatorUnit,
  type Period,
} from '@treguesi/domain'
import { byText, type IndicatorFigures, type ValueView } from '@treguesi/projections'

/** A plan as an export names it. */
export interface ExportedPlan {
  readonly planId: string
  readonly municipality: string
  readonly country: Country
}

/**
 * What an export reads, as its caller may read it: the plans, their indicators, and an
 * indicator's figures (for one period, or its default ones). The API gives the caller's
 * view (drafts, figures before approval, small counts); the command line an operator's.
 */
export interface FigureSource {
  /** The plans to export. */
  readonly plans: () => Iterable<ExportedPlan>
  readonly indicatorsOf: (planId: string) => readonly string[]
  readonly figures: (indicatorId: string, period?: Period) => IndicatorFigures | null
}

/** One part of a figure: a dimension's category, or (null) the total. */
export type FigurePart = { readonly dimension: DisaggregationDimension; readonly category: string } | null

/**
 * How a row's value stands: `reported`, `corrected` (at least once), `computed` (a budget share,
 * from the budget's allocations), or `suppressed` (a small count withheld from the caller: no
 * value). A period whose figures the caller reads only once approved has no rows before then.
 */
export type FigureStatus = 'reported' | 'corrected' | 'computed' | 'suppressed'

/** One figure of one indicator for one period: its total or one category of a breakdown. */
export interface FigureRow {
  readonly country: Country
  readonly municipality: string
  readonly planId: string
  readonly indicatorId: string
  /** The municipality's own code for the indicator. */
  readonly indicatorCode: string
  readonly nationalCode: string | null
  readonly period: Period
  readonly part: FigurePart
  readonly value: Decimal | null
  /** A percentage's counts, on its total row when the report gives them. */
  readonly numerator: Decimal | null
  readonly denominator: Decimal | null
  readonly unit: IndicatorUnit
  readonly currency: Currency | null
  /**
   * The target that applies to the period, resolved (the figure progress moves towards); on the
   * total row only. Null when it cannot be resolved (a relative target without its base).
   */
  readonly target: Decimal | null
  /** A range's or band's bounds, which `target` alone would hide; null for other targets. */
  readonly targetBounds: { readonly lower: Decimal; readonly upper: Decimal } | null
  /** Actual / target, uncapped; on the total row only. */
  readonly attainment: Decimal | null
  readonly status: FigureStatus
  readonly corrections: number
  /** Where the figure comes from, as reported (Albanian). */
  readonly source: string | null
}

const partOrder = (part: FigurePart): number => (part === null ? -1 : disaggregationDimensions.indexOf(part.dimension))

/**
 * The order rows are given in, and two exports are compared in: municipality, plan, indicator,
 * period, then the total before each dimension's categories. Negative when `a` comes first.
 */
export function compareRows(a: FigureRow, b: FigureRow): number {
  return (
    byText(a.municipality, b.municipality) ||
    byText(a.planId, b.planId) ||
    byText(a.indicatorId, b.indicatorId) ||
    comparePeriods(a.period, b.period) ||
    partOrder(a.part) - partOrder(b.part) ||
    byText(a.part?.category ?? '', b.part?.category ?? '')
  )
}

function statusOf(view: ValueView): FigureStatus {
  if (view.withheld !== undefined) return 'suppressed'
  if (view.computed) return 'computed'
  return view.corrections > 0 ? 'corrected' : 'reported'
}

/** A value's categories, each dimension's in label order, those withheld too: the parts besides its total. */
function* categoriesOf(view: ValueView): Generator<NonNullable<FigurePart>> {
  for (const dimension of disaggregationDimensions) {
    const categories = new Set([...Object.keys(view.breakdown?.[dimension] ?? {}), ...(view.withheldParts?.[dimension] ?? [])])
    for (const category of [...categories].sort(byText)) yield { dimension, category }
  }
}

/** An indicator with figures to export, and its figures as the source gives them by default. */
interface ExportedIndicator {
  readonly plan: ExportedPlan
  readonly indicatorId: string
  readonly figures: IndicatorFigures
}

/** Each plan's indicators with figures to export, in `compareRows` order, one indicator's figures read at a time. */
function* exportedIndicators(source: FigureSource): Generator<ExportedIndicator> {
  const plans = [...source.plans()].sort((a, b) => byText(a.municipality, b.municipality) || byText(a.planId, b.planId))
  for (const plan of plans) {
    for (const indicatorId of [...source.indicatorsOf(plan.planId)].sort(byText)) {
      const figures = source.figures(indicatorId)
      // A text indicator has no figure to export.
      if (figures !== null && figures.definition.unit !== 'text') yield { plan, indicatorId, figures }
    }
  }
}

/** The rows of one indicator: each period it has a value for, its total then its breakdowns. */
function* indicatorRows({ plan, indicatorId, figures }: ExportedIndicator, source: FigureSource): Generator<FigureRow> {
  const { definition } = figures
  for (const view of figures.values) {
    const inPeriod = source.figures(indicatorId, view.period)!
    const resolved = inPeriod.target?.resolved
    const base = {
      country: plan.country,
      municipality: plan.municipality,
      planId: plan.planId,
      indicatorId,
      indicatorCode: definition.code,
      nationalCode: definition.nationalCode ?? null,
      period: view.period,
      unit: definition.unit,
      currency: definition.currency ?? null,
      corrections: view.corrections,
      source: view.source?.sq ?? null,
    }
    const status = statusOf(view)
    yield {
      ...base,
      part: null,
      value: view.value ?? null,
      numerator: view.numerator ?? null,
      denominator: view.denominator ?? null,
      target: resolved?.value ?? null,
      targetBounds: resolved !== undefined && 'lower' in resolved ? { lower: resolved.lower, upper: resolved.upper } : null,
      attainment: inPeriod.attainment.value,
      status,
    }
    for (const part of categoriesOf(view)) {
      const withheld = view.withheldParts?.[part.dimension]?.includes(part.category) === true
      yield {
        ...base,
        part,
        value: withheld ? null : view.breakdown![part.dimension]![part.category]!,
        numerator: null,
        denominator: null,
        target: null,
        targetBounds: null,
        attainment: null,
        status: withheld ? 'suppressed' : status,
      }
    }
  }
}

/**
 * Every figure the source gives, one row per figure and part, in `compareRows` order. Rows are
 * made one indicator at a time, so an export of the whole country holds one indicator's figures
 * in memory, not the country's.
 */
export function* figureRows(source: FigureSource): Generator<FigureRow> {
  for (const indicator of exportedIndicators(source)) yield* indicatorRows(indicator, source)
}

/** What a figure is of: whose, which indicator and national code, which part. */
export type FigureKey = Pick<FigureRow, 'municipality' | 'indicatorId' | 'nationalCode' | 'part'>

/**
 * What each row of `figureRows` is of, read from each indicator's definition and values (its
 * default figures) without asking for any period's: what an export needs mapped (each code,
 * municipality and category it holds) is known before its figures are computed.
 */
export function* figureKeys(source: FigureSource): Generator<FigureKey> {
  for (const { plan, indicatorId, figures } of exportedIndicators(source)) {
    const key = { municipality: plan.municipality, indicatorId, nationalCode: figures.definition.nationalCode ?? null }
    for (const view of figures.values) {
      yield { ...key, part: null }
      for (const part of categoriesOf(view)) yield { ...key, part }
    }
  }
}
