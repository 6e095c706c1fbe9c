import { isMap, Map as ImmutableMap } from 'immutable'

declare const persistent: unique symbol

/**
 * A large collection of a read model keyed by id (plans, indicators, budget lines, objectives,
 * measures): a hash array mapped trie, so adding or replacing one entry copies a handful of small
 * nodes along one path, never the collection. A national log holds tens of thousands of each,
 * and folding an event must cost the same on the first day of the log as after ten years of it.
 * Every version stays valid after later ones are made from it: a snapshot a query (or the as-of
 * index) still holds never changes under it.
 *
 * Opaque: it is read and written only through the functions below, so an entry that is made on
 * first use (see Deferred) is made whoever reads it.
 *
 * Small records (a plan's own indicators, a municipality's totals) stay plain objects: they
 * keep their insertion order and cost nothing to read.
 */
export interface PersistentMap<Value> {
  readonly [persistent]: Value
}

/**
 * An entry that is made the first time it is read, then kept: a read model loaded from a
 * checkpoint holds its entries encoded and decodes each one only when a query or an event needs
 * it, so a restart does not decode a whole country before it can answer. Making it is pure (the
 * same bytes give the same value), and every reader gets the one value it made.
 */
export class Deferred<Value> {
  #source: unknown
  #make: ((source: unknown) => Value) | undefined
  #value: Value | undefined

  private constructor(source: unknown, make: (source: unknown) => Value) {
    this.#source = source
    this.#make = make
  }

  /** The value `make` makes of `source`, made when it is first read. */
  static of<Source, Value>(source: Source, make: (source: Source) => Value): Deferred<Value> {
    return new Deferred(source, make as (source: unknown) => Value)
  }

  /** What the value is made from, until it is made: a checkpoint saves it again as it was read. */
  get source(): unknown {
    return this.#source
  }

  get value(): Value {
    if (this.#make !== undefined) {
      this.#value = this.#make(this.#source)
      // What made it (the encoded bytes) is let go.
      this.#make = undefined
      this.#source = undefined
    }
    return this.#value as Value
  }

  /** As JSON (and for the read models' canonical hashes), the value itself. */
  toJSON(): Value {
    return this.value
  }
}

/** An entry as a map holds it: its value, or what makes it on first use. */
export type Stored<Value> = Value | Deferred<Value>
type Raw<Value> = ImmutableMap<string, Stored<Value>>

const raw = <Value>(map: PersistentMap<Value>): Raw<Value> => map as unknown as Raw<Value>
const wrap = <Value>(map: Raw<Value>): PersistentMap<Value> => map as unknown as PersistentMap<Value>
const made = <Value>(stored: Stored<Value>): Value => (stored instanceof Deferred ? stored.value : stored)

export function emptyMap<Value>(): PersistentMap<Value> {
  return wrap(ImmutableMap<string, Stored<Value>>())
}

/** Whether a value of a read model's state is one of its persistent maps. */
export function isPersistentMap(value: unknown): value is PersistentMap<unknown> {
  return isMap(value)
}

/** `map` with `entries` added, built in place before it is shared (a checkpoint read back in parts). */
export function withEntries<Value>(map: PersistentMap<Value>, entries: Iterable<readonly [string, Stored<Value>]>): PersistentMap<Value> {
  return wrap(
    raw(map).withMutations((building) => {
      for (const [key, value] of entries) building.set(key, value)
    }),
  )
}

export function getEntry<Value>(map: PersistentMap<Value>, key: string): Value | undefined {
  const stored = raw(map).get(key)
  return stored === undefined ? undefined : made(stored)
}

export function setEntry<Value>(map: PersistentMap<Value>, key: string, value: Value): PersistentMap<Value> {
  return wrap(raw(map).set(key, value))
}

export function removeEntry<Value>(map: PersistentMap<Value>, key: string): PersistentMap<Value> {
  return wrap(raw(map).delete(key))
}

export function sizeOf(map: PersistentMap<unknown>): number {
  return raw(map).size
}

/** Every value, in no particular order: callers sort what they show. */
export function entriesOf<Value>(map: PersistentMap<Value>): Value[] {
  return [...raw(map).values()].map(made)
}

/** Every key with its value, in no particular order. */
export function keyedEntriesOf<Value>(map: PersistentMap<Value>): Array<[string, Value]> {
  return [...raw(map).entries()].map(([key, stored]) => [key, made(stored)])
}

/** Every entry as the map holds it, a deferred one not made: what a checkpoint saves. */
export function storedEntriesOf<Value>(map: PersistentMap<Value>): IterableIterator<[string, Stored<Value>]> {
  return raw(map).entries()
}
