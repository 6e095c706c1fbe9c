import { canonicalJson, sha256Hex } from './hashing.js'
import type { JsonValue } from '@treguesi/event-store'

/**
 * A read model's state as plain JSON, so it has one canonical text: bigints (positions) as decimal
 * strings, dates as ISO instants, a Map as an object (string keys) or as its entries sorted by
 * their canonical text, a Set as its members sorted likewise, an object with a `toJSON` method
 * (a persistent map) as what that gives, and a property holding `undefined` left out as
 * JSON.stringify leaves it out. Anything else a state must not hold (a function, a
 * symbol, a class instance) is refused, so two different states can never share a hash.
 */
export function canonicalValue(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(canonicalValue)
  if (value instanceof Set) return sortedByText([...value].map(canonicalValue))
  if (value instanceof Map) {
    const entries = [...value].map(([key, item]) => [canonicalValue(key), canonicalValue(item)] as const)
    if (entries.every(([key]) => typeof key === 'string')) return Object.fromEntries(entries)
    return sortedByText(entries.map(([key, item]) => [key, item]))
  }
  // A persistent collection (the read models' large maps) gives its JSON form, as JSON.stringify would take it.
  if (typeof value === 'object' && !isPlainObject(value) && hasToJson(value)) return canonicalValue(value.toJSON())
  if (typeof value === 'object' && isPlainObject(value)) {
    const fields: [string, JsonValue][] = []
    for (const [key, item] of Object.entries(value)) if (item !== undefined) fields.push([key, canonicalValue(item)])
    // fromEntries defines own properties, so an id such as "__proto__" stays a key.
    return Object.fromEntries(fields)
  }
  throw new TypeError(`a read model cannot hold ${describe(value)}`)
}

/** The SHA-256 (hex) of the state's canonical JSON (RFC 8785): equal states, equal hashes, on any machine. */
export function canonicalHash(value: unknown): string {
  return sha256Hex(canonicalJson(canonicalValue(value)))
}

function sortedByText(values: JsonValue[]): JsonValue[] {
  return values
    .map((item) => [canonicalJson(item), item] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, item]) => item)
}

function hasToJson(value: object): value is { toJSON(): unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function'
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown
  return prototype === Object.prototype || prototype === null
}

function describe(value: unknown): string {
  if (typeof value !== 'object' || value === null) return `a ${typeof value}`
  return `an instance of ${(value as object).constructor?.name ?? 'an unknown class'}`
}
