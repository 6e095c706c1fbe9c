import { compareRows, type FigureRow } from './figure-rows.js'

/**
 * How a row changed between two exports: `I` new, `R` replaced (a correction, a new target, a
 * publication), `D` withdrawn (no longer in the export: a draft's figure its plan no longer
 * shows, a value no longer published). The codes are SDMX-CSV's actions.
 */
export type RowAction = 'I' | 'R' | 'D'

export interface ChangedRow {
  readonly action: RowAction
  readonly row: FigureRow
}

const sameRow = (a: FigureRow, b: FigureRow): boolean => JSON.stringify(a) === JSON.stringify(b)

/**
 * The rows of `after` that differ from `before`, and the rows of `before` gone from `after`, in
 * `compareRows` order. Both must be in that order (as `figureRows` gives them): they are merged
 * one row at a time, so comparing two exports of the country holds two rows, not two exports.
 */
export function* changedRows(before: Iterable<FigureRow>, after: Iterable<FigureRow>): Generator<ChangedRow> {
  const earlier = before[Symbol.iterator]()
  const later = after[Symbol.iterator]()
  let old = earlier.next()
  let now = later.next()
  while (!old.done || !now.done) {
    const order = old.done ? 1 : now.done ? -1 : compareRows(old.value, now.value)
    if (order < 0) {
      yield { action: 'D', row: old.value as FigureRow }
      old = earlier.next()
    } else if (order > 0) {
      yield { action: 'I', row: now.value as FigureRow }
      now = later.next()
    } else {
      if (!sameRow(old.value as FigureRow, now.value as FigureRow)) yield { action: 'R', row: now.value as FigureRow }
      old = earlier.next()
      now = later.next()
    }
  }
}
