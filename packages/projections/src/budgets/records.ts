/**
 * Plain-data maps for read models folded from a national log. A record keyed by free text (a
 * national code, a category, a period) is read through `own`.
 */
import { own } from '../own.js'
import { getEntry, type PersistentMap } from '../persistent-map.js'

export { own }

/** Orders texts by code unit, the same on every machine (unlike localeCompare). */
export function byText(a: string, b: string): number {
  if (a < b) return -1
  return a > b ? 1 : 0
}

/**
 * The lines of `ids` (an index of the budgets state), in the order of their ids. A view of the
 * state may leave lines out (the API's public view leaves out drafts' lines) and keep the
 * indexes: ids without a line are skipped.
 */
export function linesById<Line extends { readonly budgetLineId: string }>(
  state: { readonly lines: PersistentMap<Line> },
  ids: readonly string[],
): Line[] {
  return ids.flatMap((id) => getEntry(state.lines, id) ?? []).sort((a, b) => byText(a.budgetLineId, b.budgetLineId))
}
