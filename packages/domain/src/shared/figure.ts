import type { Decimal } from './decimal.js'

/** Why there is no figure. */
export type FigureReason =
  | 'no-actual'
  | 'no-target'
  | 'no-baseline'
  | 'no-previous-actual'
  | 'target-equals-baseline'
  | 'zero-target'
  | 'text-indicator'

/** What each reason means, for APIs and reports that must say why a figure is missing. */
export const figureReasons: Readonly<Record<FigureReason, string>> = {
  'no-actual': 'no value was reported for the period',
  'no-target': 'the indicator has no target for the period',
  'no-baseline': 'the figure needs a baseline and none is set',
  'no-previous-actual': 'the target is relative to the previous period, which has no reported value',
  'target-equals-baseline': 'the target equals the baseline, so progress from the baseline is undefined',
  'zero-target': 'a higher-is-better target of 0 cannot be divided by',
  'text-indicator': 'a text indicator is qualitative and has no figures',
}

/** A figure that could be given. */
export type PresentFigure<Value = Decimal> = { readonly value: Value; readonly reason: null }

/** No figure, and why; `Absent` stands in for the value (null, or a word such as 'no-data'). */
export type MissingFigure<Reason extends string = FigureReason, Absent = null> = {
  readonly value: Absent
  readonly reason: Reason
}

/**
 * A figure or the reason it is missing: never a 0 that stands for missing data. Variants with
 * more fields are intersections with these parts.
 */
export type Figure<Value = Decimal, Reason extends string = FigureReason> = PresentFigure<Value> | MissingFigure<Reason>
