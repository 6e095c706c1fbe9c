import { compare, decimal, subtract, type Decimal, type Period } from '@treguesi/domain'

/**
 * Small-cell suppression: the counts of a sensitive indicator (domestic violence, by default)
 * that are shown to callers without the right to the real figures. A count above 0 and below the
 * threshold could point at a person, so it is withheld, together with whatever would give it
 * away again:
 * - a part of a breakdown whose other parts and total are shown (the total minus the others),
 *   so a second part is withheld beside it;
 * - a running total (a cumulative indicator) that grew by less than the threshold since the last
 *   figure shown, since the difference of the two is the count of the periods between;
 * - a period whose year, and the year's other halves or quarters, are shown (a per-period
 *   indicator's year is the sum of its parts), so a second part is withheld beside it.
 * Each rule runs for the total and for every part of every breakdown, until none withholds more.
 */

export interface SmallCellRule {
  /** Counts above 0 and below it are withheld: 5 by default. */
  readonly threshold: number
}

export const defaultSmallCellThreshold = 5

/** A period's reported figure, as far as suppression reads it. */
export interface CountFigure {
  readonly period: Period
  readonly value?: Decimal | undefined
  readonly breakdown?: Readonly<Record<string, Readonly<Record<string, Decimal>>>> | undefined
}

/** What is withheld of one indicator's figures. */
export interface Withheld {
  /** Periods whose whole figure (total and breakdowns) is withheld. */
  readonly periods: ReadonlySet<Period>
  /** Parts withheld from figures whose total is shown: period → dimension → categories. */
  readonly parts: ReadonlyMap<Period, ReadonlyMap<string, ReadonlySet<string>>>
}

/** One series: the total, or one category of one dimension, over the periods. */
interface Series {
  readonly dimension: string | null
  readonly category: string | null
  readonly values: Map<Period, Decimal>
  readonly withheld: Set<Period>
}

export interface SeriesOptions {
  /** Running totals: each period's figure includes the earlier ones. */
  readonly cumulative: boolean
  /** Whether a dimension's parts add up to the total (an exhaustive breakdown of a count). */
  readonly exhaustive: (dimension: string) => boolean
}

const zero = decimal(0)

/** A count above 0 and below the threshold. */
export const isSmall = (value: Decimal, rule: SmallCellRule): boolean =>
  compare(value, zero) > 0 && compare(value, decimal(rule.threshold)) < 0
const partOfYear = /-[HQ][1-4]$/

function seriesOf(figures: readonly CountFigure[]): Series[] {
  const total: Series = { dimension: null, category: null, values: new Map(), withheld: new Set() }
  const parts = new Map<string, Series>()
  for (const figure of figures) {
    if (figure.value !== undefined) total.values.set(figure.period, figure.value)
    for (const [dimension, categories] of Object.entries(figure.breakdown ?? {})) {
      for (const [category, value] of Object.entries(categories)) {
        const key = JSON.stringify([dimension, category])
        let series = parts.get(key)
        if (series === undefined) {
          series = { dimension, category, values: new Map(), withheld: new Set() }
          parts.set(key, series)
        }
        series.values.set(figure.period, value)
      }
    }
  }
  return [total, ...parts.values()]
}

/**
 * Withholds the smallest shown member of a group whose members are tied by one equation (a sum),
 * when exactly one member is withheld: one unknown in an equation is no unknown.
 */
function guardEquation(members: ReadonlyArray<readonly [Series, Period]>): boolean {
  const hidden = members.filter(([series, period]) => series.withheld.has(period))
  if (hidden.length !== 1) return false
  const shown = members.filter(([series, period]) => !series.withheld.has(period))
  // One unknown and nothing shown beside it is not possible: the group has at least two members.
  const [series, period] = shown.reduce((smallest, member) =>
    compare(member[0].values.get(member[1])!, smallest[0].values.get(smallest[1])!) < 0 ? member : smallest,
  )
  series.withheld.add(period)
  return true
}

/** What to withhold of an indicator's figures, given in period order (comparePeriods). */
export function withheldFigures(figures: readonly CountFigure[], rule: SmallCellRule, options: SeriesOptions): Withheld {
  // Two running totals a small count apart, either way (a total corrected down gives it away too).
  const gap = (a: Decimal, b: Decimal) => {
    const difference = subtract(a, b)
    return isSmall(compare(difference, zero) < 0 ? subtract(zero, difference) : difference, rule)
  }
  const all = seriesOf(figures)
  const [total] = all as [Series]
  const periods = figures.map((figure) => figure.period)

  for (const series of all) for (const [period, value] of series.values) if (isSmall(value, rule)) series.withheld.add(period)

  let changed = true
  while (changed) {
    changed = false
    const withhold = (series: Series, period: Period) => {
      if (series.withheld.has(period)) return
      series.withheld.add(period)
      changed = true
    }
    // A withheld total takes its breakdowns with it.
    for (const period of total.withheld) for (const series of all) if (series.values.has(period)) withhold(series, period)

    if (options.cumulative) {
      for (const series of all) {
        let shown: Decimal | undefined
        for (const period of periods) {
          const value = series.values.get(period)
          if (value === undefined || series.withheld.has(period)) continue
          if (shown !== undefined && gap(value, shown)) withhold(series, period)
          else shown = value
        }
      }
    } else {
      for (const series of all) {
        for (const [period] of series.values) {
          // A year heads its equation; its halves and quarters are its members.
          if (partOfYear.test(period)) continue
          for (const [kind, count] of [
            ['H', 2],
            ['Q', 4],
          ] as const) {
            const members = Array.from({ length: count }, (_, index) => `${period}-${kind}${index + 1}` as Period)
            if (!members.every((member) => series.values.has(member))) continue
            if (guardEquation([period, ...members].map((member) => [series, member] as const))) changed = true
          }
        }
      }
    }

    for (const period of periods) {
      if (!total.values.has(period) || total.withheld.has(period)) continue
      const byDimension = new Map<string, Series[]>()
      for (const series of all) {
        if (series.dimension === null || !series.values.has(period) || !options.exhaustive(series.dimension)) continue
        byDimension.set(series.dimension, [...(byDimension.get(series.dimension) ?? []), series])
      }
      for (const parts of byDimension.values()) {
        if (guardEquation([total, ...parts].map((series) => [series, period] as const))) changed = true
      }
    }
  }

  const parts = new Map<Period, Map<string, Set<string>>>()
  for (const series of all) {
    if (series.dimension === null) continue
    for (const period of series.withheld) {
      if (total.withheld.has(period)) continue
      const ofPeriod = parts.get(period) ?? new Map<string, Set<string>>()
      parts.set(period, ofPeriod)
      ofPeriod.set(series.dimension, (ofPeriod.get(series.dimension) ?? new Set()).add(series.category!))
    }
  }
  return { periods: total.withheld, parts }
}
