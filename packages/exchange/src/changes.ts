import { compareRows, type FigureRow } from './figure-rows.js'

/**
 * How a row changed between two exports: `I` new, `R` replaced (a correction, a new target, a
 * publication), `D` withdrawn (no longer in the export: a draft's figure its plan no longer
 * shows, a value no longer published). The codes are SDMX-CSV's actions.
 */
export type RowAction = 'I' | 'R' | 'D'

export interface Changed<Row> {
  readonly action: RowAction
  readonly row: Row
}

export type ChangedRow = Changed<FigureRow>

/** Two rows are the same when every field is. */
const sameRow = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/**
 * The rows of `after` that differ from `before`, and the rows of `before` gone from `after`, in
 * the order `compare` gives. Both must be in that order: they are merged one row at a time, so
 * comparing two exports of the country holds two rows, not two exports. Rows are told apart by
 * `compare` alone (0: the same figure), and changed when any field differs.
 */
export function* changedOf<Row>(before: Iterable<Row>, after: Iterable<Row>, compare: (a: Row, b: Row) => number): Generator<Changed<Row>> {
  const earlier = before[Symbol.iterator]()
  const later = after[Symbol.iterator]()
  let old = earlier.next()
  let now = later.next()
  while (!old.done || !now.done) {
    const order = old.done ? 1 : now.done ? -1 : compare(old.value, now.value)
    if (order < 0) {
      yield { action: 'D', row: old.value as Row }
      old = earlier.next()
    } else if (order > 0) {
      yield { action: 'I', row: now.value as Row }
      now = later.next()
    } else {
      if (!sameRow(old.value, now.value)) yield { action: 'R', row: now.value as Row }
      old = earlier.next()
      now = later.next()
    }
  }
}

/** The figure rows that changed between two exports (see `changedOf`), in `compareRows` order. */
export const changedRows = (before: Iterable<FigureRow>, after: Iterable<FigureRow>): Generator<ChangedRow> =>
  changedOf(before, after, compareRows)

/** Every row as new: the changes of a whole export, against nothing. */
export function* allNew<Row>(rows: Iterable<Row>): Generator<Changed<Row>> {
  for (const row of rows) yield { action: 'I', row }
}
