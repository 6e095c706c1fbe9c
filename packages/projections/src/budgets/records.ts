/**
 * Plain-data maps for read models folded from a national log. A record keyed by free text (a
 * national code, a category, a period) is read through `own`.
 */
import { own } from '../own.js'

export { own }

/**
 * A large collection keyed by id, split into shards by the id's first two characters, so adding
 * or replacing one entry copies one shard, not every entry: a national log holds tens of
 * thousands of budget lines and indicators, and each event must cost little to fold.
 */
export type ShardedMap<Value> = Readonly<Record<string, Readonly<Record<string, Value>>>>

const shardOf = (key: string): string => key.slice(0, 2)

export function getEntry<Value>(map: ShardedMap<Value>, key: string): Value | undefined {
  const shard = own(map, shardOf(key))
  return shard === undefined ? undefined : own(shard, key)
}

export function setEntry<Value>(map: ShardedMap<Value>, key: string, value: Value): ShardedMap<Value> {
  const shard = shardOf(key)
  return { ...map, [shard]: { ...own(map, shard), [key]: value } }
}

/** Every entry, in no particular order: callers sort what they show. */
export function entriesOf<Value>(map: ShardedMap<Value>): Value[] {
  return Object.values(map).flatMap((shard) => Object.values(shard))
}

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
export function linesById<Line extends { readonly budgetLineId: string }>(state: { readonly lines: ShardedMap<Line> }, ids: readonly string[]): Line[] {
  return ids
    .flatMap((id) => getEntry(state.lines, id) ?? [])
    .sort((a, b) => byText(a.budgetLineId, b.budgetLineId))
}
