import { defaultRatingThresholds, type RatingThresholds } from '../plan/plan.js'
import { add, compare, divide, isZero, multiply, subtract, type Decimal } from '../shared/decimal.js'
import type { Figure, FigureReason, MissingFigure, PresentFigure } from '../shared/figure.js'
import type { Period } from '../shared/period.js'
import type { Direction, IndicatorUnit, Target } from './indicator.js'

/**
 * How progress is computed (DOMAIN.md, "How progress is computed"). Everything here is exact
 * decimal arithmetic; nothing is capped, and a figure that cannot be computed is `null` with the
 * reason, never 0.
 */

const figure = (value: Decimal): Figure => ({ value, reason: null })
const noFigure = (reason: FigureReason): MissingFigure => ({ value: null, reason })

const one = '1' as Decimal

/**
 * A target as an absolute figure. `value` is the figure progress from the baseline moves
 * towards; a range or band also keeps its bounds (its `value` is the lower bound, or the upper
 * one when the baseline lies above the band, as when a figure must come down into it).
 */
export type ResolvedTarget =
  | (PresentFigure & { readonly kind: 'value' | 'milestone' })
  | (PresentFigure & { readonly kind: 'range' | 'band'; readonly lower: Decimal; readonly upper: Decimal })
export type TargetResolution = ResolvedTarget | MissingFigure

export interface TargetContext {
  readonly baseline?: Decimal | null | undefined
  /** The actual of the period before the target's period (see `previousPeriod`). */
  readonly previousActual?: Decimal | null | undefined
}

/** `base × (1 + changePercent / 100)`, exactly. */
function changedBy(base: Decimal, changePercent: Decimal): Decimal {
  return multiply(multiply(base, add('100' as Decimal, changePercent)), '0.01' as Decimal)
}

/**
 * Resolves a target to absolute figures: a relative change applies to the baseline or to the
 * previous period's actual ("+2 % each year"), and is unresolved (with the reason) until that is
 * known. A milestone's target is 1 (achieved).
 */
export function resolveTarget(target: Target, context: TargetContext = {}): TargetResolution {
  switch (target.kind) {
    case 'absolute':
      return { kind: 'value', value: target.value, reason: null }
    case 'relative': {
      const base = target.over === 'baseline' ? context.baseline : context.previousActual
      if (base == null) return noFigure(target.over === 'baseline' ? 'no-baseline' : 'no-previous-actual')
      return { kind: 'value', value: changedBy(base, target.changePercent), reason: null }
    }
    case 'range':
    case 'band': {
      const comingDown = context.baseline != null && compare(context.baseline, target.upper) > 0
      return {
        kind: target.kind,
        value: comingDown ? target.upper : target.lower,
        lower: target.lower,
        upper: target.upper,
        reason: null,
      }
    }
    case 'milestone':
      return { kind: 'milestone', value: one, reason: null }
  }
}

/** a / t: a higher-is-better target of 0 gives no ratio. */
function towardsHigher(actual: Decimal, target: Decimal): Figure {
  return isZero(target) ? noFigure('zero-target') : figure(divide(actual, target))
}

/** t / a: an actual of 0 meets any lower-is-better target, and counts as exactly achieved (1). */
function towardsLower(actual: Decimal, target: Decimal): Figure {
  return isZero(actual) ? figure(one) : figure(divide(target, actual))
}

/**
 * Inside the band is achieved (1). Below it, the band's lower bound is a higher-is-better
 * target (a / lower); above it, its upper bound is a lower-is-better one (upper / a). So the
 * figure falls below 1 as the actual moves away from the band on either side.
 */
function withinBand(actual: Decimal, lower: Decimal, upper: Decimal): Figure {
  if (compare(actual, lower) < 0) return towardsHigher(actual, lower)
  if (compare(actual, upper) > 0) return towardsLower(actual, upper)
  return figure(one)
}

/**
 * Attainment of a period's target: a / t for higher-is-better, t / a for lower-is-better (a = 0
 * gives 1: achieved). A range is measured against the bound that makes "within the range"
 * achieved: the lower bound for higher-is-better ("3–5 % more": 3 %), the upper bound for
 * lower-is-better. A band (or any target of a within-band indicator) follows `withinBand`. A
 * milestone is 1 when achieved, 0 otherwise. Never capped: 14 audits against 6 is 2.333….
 *
 * Reasons, in the order they are checked: text-indicator, no-actual, no-target, the target's own
 * reason when it is unresolved (no-baseline, no-previous-actual), then zero-target.
 */
export function attainment(
  actual: Decimal | null | undefined,
  target: TargetResolution | null | undefined,
  direction: Direction,
  unit: IndicatorUnit,
): Figure {
  if (unit === 'text') return noFigure('text-indicator')
  if (actual == null) return noFigure('no-actual')
  if (target == null) return noFigure('no-target')
  if (target.reason !== null) return noFigure(target.reason)
  if (unit === 'milestone' || target.kind === 'milestone') {
    return figure(compare(actual, one) === 0 ? one : ('0' as Decimal))
  }
  const bounded = target.kind === 'range' || target.kind === 'band'
  const lower = bounded ? target.lower : target.value
  const upper = bounded ? target.upper : target.value
  if (direction === 'within-band' || target.kind === 'band') return withinBand(actual, lower, upper)
  return direction === 'higher-is-better' ? towardsHigher(actual, lower) : towardsLower(actual, upper)
}

/**
 * Progress from the baseline, (a − b) / (t − b): 0 at the baseline, 1 at the target, whichever
 * way the target lies (for lower-is-better b > t and the same formula holds). Undefined when
 * there is no baseline or the target equals it. `target` is a figure or a resolved target (its
 * `value`).
 */
export function progressFromBaseline(
  actual: Decimal | null | undefined,
  target: Decimal | TargetResolution | null | undefined,
  baseline: Decimal | null | undefined,
): Figure {
  if (actual == null) return noFigure('no-actual')
  if (target == null) return noFigure('no-target')
  if (typeof target !== 'string' && target.reason !== null) return noFigure(target.reason)
  if (baseline == null) return noFigure('no-baseline')
  const goal = typeof target === 'string' ? target : target.value
  if (compare(goal, baseline) === 0) return noFigure('target-equals-baseline')
  return figure(divide(subtract(actual, baseline), subtract(goal, baseline)))
}

export const ratings = ['achieved', 'on-track', 'partly', 'off-track', 'no-data'] as const
export type Rating = (typeof ratings)[number]

/** DOMAIN.md's defaults; a plan may set its own. */
export const defaultThresholds: RatingThresholds = defaultRatingThresholds

export type { RatingThresholds }

/** The rating of an attainment: no figure is 'no-data', never 'off-track'. */
export function rating(attained: Figure | Decimal | null | undefined, thresholds: RatingThresholds = defaultThresholds): Rating {
  const value = typeof attained === 'string' ? attained : (attained?.value ?? null)
  if (value === null) return 'no-data'
  if (compare(value, thresholds.achieved) >= 0) return 'achieved'
  if (compare(value, thresholds.onTrack) >= 0) return 'on-track'
  if (compare(value, thresholds.partly) >= 0) return 'partly'
  return 'off-track'
}

/**
 * The period before `period`, of the same length: the one whose actual a relative target
 * "over the previous period" grows from. 2024 → 2023, 2024-H1 → 2023-H2, 2024-Q1 → 2023-Q4.
 */
export function previousPeriod(period: Period): Period {
  const year = Number(period.slice(0, 4))
  const part = period.slice(5)
  if (part === '') return `${year - 1}` as Period
  const kind = part[0]!
  const index = Number(part.slice(1))
  if (index > 1) return `${year}-${kind}${index - 1}` as Period
  return `${year - 1}-${kind}${kind === 'H' ? 2 : 4}` as Period
}
