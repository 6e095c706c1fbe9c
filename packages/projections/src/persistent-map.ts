import { isMap, Map as ImmutableMap } from 'immutable'

/**
 * A large collection of a read model keyed by id (plans, indicators, budget lines, objectives,
 * measures): a hash array mapped trie, so adding or replacing one entry copies a handful of small
 * nodes along one path, never the collection. A national log holds tens of thousands of each,
 * and folding an event must cost the same on the first day of the log as after ten years of it.
 * Every version stays valid after later ones are made from it: a snapshot a query (or the as-of
 * index) still holds never changes under it.
 *
 * Small records (a plan's own indicators, a municipality's totals) stay plain objects: they
 * keep their insertion order and cost nothing to read.
 */
export type PersistentMap<Value> = ImmutableMap<string, Value>

export function emptyMap<Value>(): PersistentMap<Value> {
  return ImmutableMap<string, Value>()
}

/** Whether a value of a read model's state is one of its persistent maps. */
export function isPersistentMap(value: unknown): value is PersistentMap<unknown> {
  return isMap(value)
}

/** `map` with `entries` added, built in place before it is shared (a checkpoint read back in parts). */
export function withEntries<Value>(map: PersistentMap<Value>, entries: Iterable<readonly [string, Value]>): PersistentMap<Value> {
  return map.withMutations((building) => {
    for (const [key, value] of entries) building.set(key, value)
  })
}

export function getEntry<Value>(map: PersistentMap<Value>, key: string): Value | undefined {
  return map.get(key)
}

export function setEntry<Value>(map: PersistentMap<Value>, key: string, value: Value): PersistentMap<Value> {
  return map.set(key, value)
}

export function removeEntry<Value>(map: PersistentMap<Value>, key: string): PersistentMap<Value> {
  return map.delete(key)
}

/** Every value, in no particular order: callers sort what they show. */
export function entriesOf<Value>(map: PersistentMap<Value>): Value[] {
  return [...map.values()]
}
