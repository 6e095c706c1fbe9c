/**
 * The hashes the audit trail is made of. Pure functions: the same JSON in, the same hash out,
 * on any machine and in any store, so a log copied from SQLite to EventStoreDB verifies alike.
 */
import { createHash } from 'node:crypto'
import type { JsonObject, JsonValue } from '@treguesi/event-store'

/** The metadata key the hash chain lives under. */
export const chainKey = 'chain'

/** What the chain adds to each event's metadata. */
export interface ChainLink {
  /** Hash of the stream's previous event; null for revision 0. */
  readonly previous: string | null
  readonly hash: string
}

const sha256Pattern = /^[0-9a-f]{64}$/

/**
 * One text per JSON value, whatever order its keys were written in: object keys sorted by UTF-16
 * code units, no whitespace, numbers and strings as ECMAScript writes them — the rules of the
 * JSON Canonicalization Scheme (RFC 8785). A value JSON cannot carry is refused rather than
 * dropped or rounded, so two different values can never share a text.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${value} is not a JSON number`)
      return JSON.stringify(value)
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
      const keys = Object.keys(value).sort()
      return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key]!)}`).join(',')}}`
    }
    default:
      throw new TypeError(`a ${typeof value} is not a JSON value`)
  }
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** The fields of an event its chain hash covers: everything but the record time and the chain itself. */
export interface ChainedFields {
  readonly previous: string | null
  readonly stream: string
  readonly revision: bigint
  readonly id: string
  readonly type: string
  readonly data: JsonObject
  /** Without the `chain` key. */
  readonly metadata: JsonObject
}

/** The hash an event's `chain.hash` must hold. */
export function eventHash(fields: ChainedFields): string {
  return sha256Hex(
    canonicalJson({
      previous: fields.previous,
      stream: fields.stream,
      revision: fields.revision.toString(),
      id: fields.id,
      type: fields.type,
      data: fields.data,
      metadata: fields.metadata,
    }),
  )
}

/** Where an event sits in the global order, and its chain hash. */
export interface RollingEntry {
  /** 0-based place in the global log: the same in every copy, where positions are not. */
  readonly index: bigint
  readonly stream: string
  readonly revision: bigint
  readonly id: string
  readonly chainHash: string
}

/**
 * The rolling hash of the global log after one more event: each value commits to every event
 * before it and to their order. Seals and the verified head are values of it.
 */
export function rollingHash(previous: string | null, entry: RollingEntry): string {
  return sha256Hex(
    canonicalJson({
      previous,
      index: entry.index.toString(),
      stream: entry.stream,
      revision: entry.revision.toString(),
      id: entry.id,
      chain: entry.chainHash,
    }),
  )
}

export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && sha256Pattern.test(value)
}

/** The event's chain link, or undefined when its metadata holds none or a malformed one. */
export function chainOf(metadata: JsonObject): ChainLink | undefined {
  const link = Object.hasOwn(metadata, chainKey) ? metadata[chainKey] : undefined
  if (typeof link !== 'object' || link === null || Array.isArray(link)) return undefined
  // Nothing else may ride along: the chain is the one part of an event its hash does not cover.
  if (Object.keys(link).length !== 2) return undefined
  const { previous, hash } = link
  if (!isSha256Hex(hash) || !(previous === null || isSha256Hex(previous))) return undefined
  return { previous, hash }
}

/** The metadata as it was before the chain was added. */
export function withoutChain(metadata: JsonObject): JsonObject {
  // fromEntries defines own properties, so a key such as "__proto__" is kept as data.
  return Object.fromEntries(Object.entries(metadata).filter(([key]) => key !== chainKey))
}
