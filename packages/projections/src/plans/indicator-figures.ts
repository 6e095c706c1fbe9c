import { getEntry } from '../persistent-map.js'
import {
  attainment,
  comparePeriods,
  defaultThresholds,
  figureReasons,
  hasSensitiveCounts,
  isSensitive,
  isYear,
  previousPeriod,
  progressFromBaseline,
  rating,
  resolveTarget,
  yearOf,
  type Baseline,
  type Decimal,
  type Figure,
  type FigureReason,
  type DraftedPlan,
  type IndicatorDefinition,
  type MissingFigure,
  type Period,
  type PresentFigure,
  type Rating,
  type RatingThresholds,
  type ReportedValue,
  type Target,
  type TargetPeriod,
  type TargetResolution,
} from '@treguesi/domain'
import { correctionsOf, indicatorEntry, type IndicatorEntry, type PlansState } from './plans-projection.js'
import type { PublishedValue } from './publication.js'
import { isSmall, withheldFigures, type SmallCellRule, type Withheld } from './small-cells.js'

/**
 * A municipality's budget share of a category for a fiscal year, as a percent ('0.9' is 0.9 %),
 * or null with a reason. It comes from the budget read model; this projection only asks for it.
 */
export type BudgetShareSource = (municipality: string, fiscalYear: number, category: string) => Figure

/** Why an indicator figure is missing: the domain's reasons, and one of this read model's. */
export type PlanFigureReason = FigureReason | 'budget-share-unavailable' | 'suppressed' | 'awaiting-approval'

export const planFigureReasons: Readonly<Record<PlanFigureReason, string>> = {
  ...figureReasons,
  'budget-share-unavailable': 'the indicator is a budget share, computed from budget figures, and none were given to compute it from',
  suppressed:
    "a small count of a sensitive indicator, withheld (with whatever would give it away) so that no person can be recognised; the municipality's staff and admins see it",
  'awaiting-approval':
    "the municipality reported a figure for the period that no reviewer has approved yet; until then only the municipality's staff and admins read it",
}

export type PlanFigure = Figure<Decimal, PlanFigureReason>

/** A rating with the reason there is none when it is 'no-data'. */
export type RatingFigure = PresentFigure<Exclude<Rating, 'no-data'>> | MissingFigure<PlanFigureReason, 'no-data'>

export interface FigureOptions {
  /** Where budget-share actuals come from; without it they are null ('budget-share-unavailable'). */
  readonly budgetShareOf?: BudgetShareSource
  /** The period to compute figures for, instead of the default (see `choosePeriod`). */
  readonly period?: Period
  /**
   * For callers without the right to a sensitive indicator's real figures: its small counts are
   * withheld (see `withheldFigures`), and every figure made from them.
   */
  readonly smallCells?: SmallCellRule
  /**
   * For callers who read a municipality's figures only as approved: the values of each period as
   * the latest approval of a round holding it published them (see PlanPublication), none before.
   */
  readonly published?: boolean
}

/** A target as the plan gives it, and resolved to absolute figures for the period it applies to. */
export interface TargetView {
  /** As set: a period, or 'end-of-plan'. */
  readonly period: TargetPeriod
  /** The period it is measured in: its own, or for 'end-of-plan' see `choosePeriod`. */
  readonly appliesTo: Period
  readonly target: Target
  readonly resolved: TargetResolution
}

/** The current figure of a period: as reported (after any correction), or computed. */
export type ValueView = ReportedValue & {
  readonly period: Period
  /** A budget share's value comes from the budget read model, not from a report. */
  readonly computed: boolean
  /** How many times this period's figure was corrected. */
  readonly corrections: number
  /** Set when the figure is withheld: its value, breakdowns, counts and note are left out. */
  readonly withheld?: 'suppressed'
  /** Parts of the breakdowns withheld from a figure whose total is shown: dimension → categories. */
  readonly withheldParts?: Readonly<Record<string, readonly string[]>>
}

/** How the period of the figures was chosen. */
export type PeriodChoice = 'requested' | 'latest-with-actual-and-target' | 'latest-with-actual' | 'latest-with-target' | 'none'

export interface IndicatorFigures {
  readonly indicatorId: string
  readonly definition: IndicatorDefinition
  /** Whether its small counts could point at a person (its definition, else its plan's kind). */
  readonly sensitive: boolean
  /** Null when none is set, or when it is withheld (`baselineWithheld`). */
  readonly baseline: Baseline | null
  /** A small baseline count of a sensitive indicator, withheld as its small values are. */
  readonly baselineWithheld: boolean
  /** Ordered by the period they apply to; a period's own target before an end-of-plan one. */
  readonly targets: readonly TargetView[]
  /** Ordered by period (comparePeriods). */
  readonly values: readonly ValueView[]
  /** Corrections over all periods. */
  readonly corrections: number
  /** The period the figures below are for, or null when the indicator has neither actual nor target. */
  readonly period: Period | null
  readonly periodChoice: PeriodChoice
  readonly actual: PlanFigure
  /** The target that applies to `period`, resolved with that period's baseline and previous actual. */
  readonly target: TargetView | null
  /** Uncapped: 14 audits against 6 is 2.333…. */
  readonly attainment: PlanFigure
  readonly progress: PlanFigure
  readonly rating: RatingFigure
}

const noFigure = (reason: PlanFigureReason): PlanFigure => ({ value: null, reason })

/** A budget share's actuals: one per year of the plan that the budget read model has a figure for. */
function computedValues(definition: IndicatorDefinition, budgetShareOf: BudgetShareSource | undefined): ValueView[] {
  if (definition.computed === undefined || budgetShareOf === undefined) return []
  const values: ValueView[] = []
  for (let year = definition.planPeriod.from; year <= definition.planPeriod.to; year++) {
    const share = budgetShareOf(definition.municipality, year, definition.computed.category)
    if (share.value !== null) values.push({ period: `${year}` as Period, value: share.value, computed: true, corrections: 0 })
  }
  return values
}

/** Each period's reported figure: as recorded, or as the latest approval holding it published it. */
function reportedValues({ facts, history, published }: IndicatorEntry, approvedOnly: boolean): ValueView[] {
  const figures: [string, PublishedValue][] = approvedOnly
    ? Object.entries(published)
    : Object.entries(facts.values).map(([period, value]) => [period, { value, corrections: correctionsOf(history, period) }])
  return figures.map(([period, { value, corrections }]) => ({ ...value, period: period as Period, computed: false, corrections }))
}

/** A figure as a caller without the right to the real figures sees it. */
function withheldView(view: ValueView, withheld: Withheld): ValueView {
  const { period, computed, corrections, source } = view
  if (withheld.periods.has(period)) return { period, computed, corrections, ...(source && { source }), withheld: 'suppressed' }
  const parts = withheld.parts.get(period)
  if (parts === undefined) return view
  const breakdown = Object.fromEntries(
    Object.entries(view.breakdown!).map(([dimension, categories]) => [
      dimension,
      Object.fromEntries(Object.entries(categories).filter(([category]) => !parts.get(dimension)?.has(category))),
    ]),
  )
  const withheldParts = Object.fromEntries([...parts].map(([dimension, categories]) => [dimension, [...categories].sort()]))
  return { ...view, breakdown, withheldParts }
}

/** What of an indicator's reported figures is withheld from the caller; null when `smallCells` does not apply to it. */
function withheldOf(
  definition: IndicatorDefinition,
  plan: DraftedPlan | undefined,
  values: readonly ValueView[],
  rule: SmallCellRule | undefined,
): Withheld | null {
  if (rule === undefined || plan === undefined || !hasSensitiveCounts(definition, plan.kind)) return null
  return withheldFigures(values, rule, {
    cumulative: definition.accumulation === 'cumulative',
    exhaustive: (dimension) => definition.disaggregations.some((declared) => declared.dimension === dimension && declared.exhaustive),
  })
}

/**
 * The figures of one indicator. Its period, unless one is requested, is chosen so:
 * 1. the latest period that has both an actual and a target;
 * 2. else the latest period with an actual (the figures then say 'no-target');
 * 3. else the latest period with a target (the figures say why there is no actual);
 * 4. else none.
 * A target applies to its own period only (a yearly target is not compared with a half-year's
 * value). An 'end-of-plan' target applies to the plan's last year; for a cumulative indicator,
 * whose values are running totals, it applies as well to the latest period with an actual, so
 * progress towards the end of the plan shows before its last year is reported. A period's own
 * target wins over the end-of-plan one.
 */
export function figuresOf(state: PlansState, indicatorId: string, options: FigureOptions = {}): IndicatorFigures | null {
  const entry = indicatorEntry(state, indicatorId)
  if (entry === undefined) return null
  const { facts } = entry
  const { definition } = facts
  const plan = getEntry(state.plans, definition.planId)
  const thresholds: RatingThresholds = plan?.thresholds ?? defaultThresholds
  const lastYear = `${definition.planPeriod.to}` as Period
  const budgetShare = definition.computed

  const reported = reportedValues(entry, options.published === true).sort((a, b) => comparePeriods(a.period, b.period))
  const withheld = withheldOf(definition, plan, reported, options.smallCells)
  const values = [
    ...(withheld === null ? reported : reported.map((view) => withheldView(view, withheld))),
    ...computedValues(definition, options.budgetShareOf),
  ].sort((a, b) => comparePeriods(a.period, b.period))
  const byPeriod = new Map(values.map((value) => [value.period, value]))
  // A baseline is a count of its year: withheld when small, and so is every figure made from it.
  const baselineWithheld = withheld !== null && facts.baseline !== null && isSmall(facts.baseline.value, options.smallCells!)
  const baseline = baselineWithheld ? null : facts.baseline
  const latestActual = values.at(-1)?.period

  // Why no period can have an actual, whichever it is.
  const never: PlanFigureReason | null =
    definition.unit === 'text'
      ? 'text-indicator'
      : budgetShare !== undefined && options.budgetShareOf === undefined
        ? 'budget-share-unavailable'
        : null

  const actualOf = (period: Period): PlanFigure => {
    if (never !== null) return noFigure(never)
    if (budgetShare !== undefined) {
      // Budgets are yearly: a half-year or quarter has no share of its own.
      if (!isYear(period)) return noFigure('no-actual')
      // Given: `never` says so otherwise.
      return options.budgetShareOf!(definition.municipality, yearOf(period), budgetShare.category)
    }
    if (withheld?.periods.has(period)) return noFigure('suppressed')
    const value = byPeriod.get(period)?.value
    if (value !== undefined) return { value, reason: null }
    const unapproved = options.published === true && Object.hasOwn(facts.values, period)
    return noFigure(unapproved ? 'awaiting-approval' : 'no-actual')
  }

  const resolvedAt = (period: TargetPeriod, appliesTo: Period, target: Target): TargetView => ({
    period,
    appliesTo,
    target,
    resolved: resolveTarget(target, {
      baseline: baseline?.value ?? null,
      previousActual: actualOf(previousPeriod(appliesTo)).value,
    }),
  })

  const targetAt = (period: Period): TargetView | null => {
    const own = facts.targets[period]
    if (own !== undefined) return resolvedAt(period, period, own)
    const end = facts.targets['end-of-plan']
    const endApplies = period === lastYear || (definition.accumulation === 'cumulative' && period === latestActual)
    return end !== undefined && endApplies ? resolvedAt('end-of-plan', period, end) : null
  }

  const targets = Object.entries(facts.targets)
    .map(([period, target]) =>
      period === 'end-of-plan' ? resolvedAt('end-of-plan', lastYear, target) : resolvedAt(period as Period, period as Period, target),
    )
    .sort((a, b) => comparePeriods(a.appliesTo, b.appliesTo) || Number(a.period === 'end-of-plan') - Number(b.period === 'end-of-plan'))

  const [period, periodChoice] = choosePeriod(options.period, values, targets, targetAt)
  const actual = period === null ? noFigure(never ?? 'no-actual') : actualOf(period)
  const target = period === null ? null : targetAt(period)
  const attained = actual.value === null ? actual : attainment(actual.value, target?.resolved, definition.direction, definition.unit)
  const progress = actual.value === null ? actual : progressFromBaseline(actual.value, target?.resolved, baseline?.value)

  return {
    indicatorId,
    definition,
    sensitive: plan !== undefined && isSensitive(definition, plan.kind),
    baseline,
    baselineWithheld,
    targets,
    values,
    corrections: options.published === true ? reported.reduce((total, value) => total + value.corrections, 0) : facts.corrections,
    period,
    periodChoice,
    actual,
    target,
    attainment: attained,
    progress,
    rating: ratingOf(attained, thresholds),
  }
}

function choosePeriod(
  requested: Period | undefined,
  values: readonly ValueView[],
  targets: readonly TargetView[],
  targetAt: (period: Period) => TargetView | null,
): [Period | null, PeriodChoice] {
  if (requested !== undefined) return [requested, 'requested']
  const withTarget = values.findLast((value) => targetAt(value.period) !== null)
  if (withTarget !== undefined) return [withTarget.period, 'latest-with-actual-and-target']
  const latestActual = values.at(-1)
  if (latestActual !== undefined) return [latestActual.period, 'latest-with-actual']
  const latestTarget = targets.at(-1)
  if (latestTarget !== undefined) return [latestTarget.appliesTo, 'latest-with-target']
  return [null, 'none']
}

export function ratingOf(attained: PlanFigure, thresholds: RatingThresholds): RatingFigure {
  if (attained.value === null) return { value: 'no-data', reason: attained.reason }
  return { value: rating(attained.value, thresholds) as Exclude<Rating, 'no-data'>, reason: null }
}
