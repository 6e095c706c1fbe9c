import { isTreguesiError } from '@treguesi/errors'
import type { EventStore, RecordedEvent } from '@treguesi/event-store'
import { checkContent, describe } from './event-checks.js'
import { rollingHash } from './hashing.js'
import { sealOf, sealStream } from './seal.js'

/** The newest event's position and the rolling hash after it: print it, compare it later. */
export interface LogHead {
  readonly position: bigint
  readonly hash: string
}

export interface VerifyOptions {
  /** A head printed earlier: the log must still reach it, so removing the newest events is caught. */
  readonly expectedHead?: LogHead
}

export interface VerifyResult {
  readonly ok: boolean
  /** Events found sound, in global order, before the first bad one (all of them when ok). */
  readonly checkedEvents: number
  /** Null when ok. */
  readonly firstBadPosition: bigint | null
  /** Why the first bad position is bad; null when ok. */
  readonly reason: string | null
  /** The verified head; null when the log is empty or verification failed. */
  readonly head: LogHead | null
}

/** `<position>:<hash>`, the form the CLI prints and `--expect-head` takes. */
export function formatHead(head: LogHead): string {
  return `${head.position}:${head.hash}`
}

export function parseHead(text: string): LogHead | undefined {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text)
  return match ? { position: BigInt(match[1]!), hash: match[2]! } : undefined
}

interface StreamTip {
  readonly revision: bigint
  readonly hash: string
}

interface Covered {
  readonly hash: string
  readonly id: string
  readonly position: bigint
}

/**
 * Reads the whole log in global order and checks each event: its content against its chain
 * hash (altered), its revision and chain link against the stream's previous event (removed,
 * inserted, reordered within a stream), and every seal against the rolling hash of the events
 * it covers (removed, inserted, reordered across streams). Stops at the first bad position.
 *
 * Events appended after the newest seal are covered by their streams' chains only; the head,
 * compared later with `expectedHead`, covers them all. Events appended while verifying are not
 * read.
 */
export async function verifyLog(store: EventStore, options: VerifyOptions = {}): Promise<VerifyResult> {
  const { expectedHead } = options
  const end = await store.headPosition()
  // Read after the head, so every seal up to it is known: which rolling hashes to keep for them.
  const claims = await sealClaims(store)
  const tips = new Map<string, StreamTip>()
  const covered = new Map<bigint, Covered>()
  let lastGoodSeal: Covered | undefined
  let rolling: string | null = null
  let count = 0n
  let last: RecordedEvent | undefined
  let headReached = false
  const fail = (position: bigint, reason: string): VerifyResult => ({
    ok: false,
    checkedEvents: Number(count),
    firstBadPosition: position,
    reason,
    head: null,
  })

  if (end === null) {
    const empty: VerifyResult = { ok: true, checkedEvents: 0, firstBadPosition: null, reason: null, head: null }
    return expectedHead === undefined ? empty : fail(expectedHead.position, missingHead(expectedHead, undefined))
  }
  const unreadable: { at?: Unreadable } = {}
  for await (const event of guarded(store.readAll(), unreadable)) {
    if (event.position > end) break

    if (expectedHead !== undefined && !headReached && event.position > expectedHead.position) {
      return fail(event.position, missingHead(expectedHead, last))
    }
    const content = checkContent(event)
    if ('problem' in content) return fail(event.position, content.problem)
    const { link } = content
    const tip = tips.get(event.stream)
    const expectedRevision = tip === undefined ? 0n : tip.revision + 1n
    if (event.revision !== expectedRevision) {
      return fail(
        event.position,
        `${describe(event)}: revision ${expectedRevision} of ${event.stream} was expected here: events of this stream were removed, inserted or reordered`,
      )
    }
    if (link.previous !== (tip?.hash ?? null)) {
      return fail(
        event.position,
        `${describe(event)} does not link to the stream's previous event: an event of ${event.stream} was replaced`,
      )
    }
    if (event.stream === sealStream) {
      const seal = sealOf(event)
      if (seal === undefined) return fail(event.position, `${describe(event)} is not a well-formed seal`)
      const from = lastGoodSeal === undefined ? 'the start of the log' : `position ${lastGoodSeal.position}`
      const sealed = seal.events <= count ? covered.get(seal.events) : undefined
      if (sealed === undefined) {
        return fail(
          event.position,
          `the seal ${describe(event)} covers ${seal.events} events, but only ${count} come before it: events after ${from} were removed, or the seal was moved`,
        )
      }
      if (sealed.hash !== seal.hash || sealed.id !== seal.lastEventId) {
        return fail(
          event.position,
          `the seal ${describe(event)} does not match the log: an event after ${from} and up to position ${sealed.position} was altered, removed, inserted or reordered`,
        )
      }
      lastGoodSeal = sealed
    }

    tips.set(event.stream, { revision: event.revision, hash: link.hash })
    rolling = rollingHash(rolling, { index: count, ...event, chainHash: link.hash })
    count += 1n
    last = event
    if (claims.has(count)) covered.set(count, { hash: rolling, id: event.id, position: event.position })
    if (expectedHead !== undefined && event.position === expectedHead.position) {
      if (rolling !== expectedHead.hash) {
        return fail(
          event.position,
          `the log no longer reaches the expected head ${formatHead(expectedHead)}: an event up to position ${event.position} was altered, removed, inserted or reordered`,
        )
      }
      headReached = true
    }
  }

  // One appended after the head read here is left for the next verification, as readable ones are.
  if (unreadable.at !== undefined && unreadable.at.position <= end) {
    const { position, problem } = unreadable.at
    return fail(position, `the event at position ${position} cannot be read: ${problem}`)
  }
  if (expectedHead !== undefined && !headReached) return fail(expectedHead.position, missingHead(expectedHead, last))
  return {
    ok: true,
    checkedEvents: Number(count),
    firstBadPosition: null,
    reason: null,
    // Rows a reader never sees (SQLite positions of 0 or less) can make a non-empty head read nothing.
    head: last === undefined ? null : { position: last.position, hash: rolling! },
  }
}

function missingHead(expectedHead: LogHead, last: RecordedEvent | undefined): string {
  const before = last === undefined ? 'the log has no event before it' : `the last event before it is at position ${last.position}`
  return `there is no event at the expected head position ${expectedHead.position} (${before}): events were removed`
}

/**
 * The event counts the seals claim; malformed seals are reported when the pass reaches them, and
 * so is an unreadable one, which no seal after it can be checked past.
 */
async function sealClaims(store: EventStore): Promise<Set<bigint>> {
  const claims = new Set<bigint>()
  for await (const event of guarded(store.readStream(sealStream), {})) {
    const seal = sealOf(event)
    if (seal !== undefined) claims.add(seal.events)
  }
  return claims
}

interface Unreadable {
  readonly position: bigint
  readonly problem: string
}

/**
 * The log's events, ending early at one the store cannot decode (its JSON altered in the file,
 * say): that is a finding, kept in `unreadable`, not a crash. The store's other errors (closed,
 * unavailable) are not about the log and are thrown.
 */
async function* guarded(events: AsyncIterable<RecordedEvent>, unreadable: { at?: Unreadable }): AsyncGenerator<RecordedEvent> {
  try {
    for await (const event of events) {
      yield event
    }
  } catch (error) {
    if (!isTreguesiError(error, 'TRG_EVENT_UNREADABLE')) throw error
    unreadable.at = { position: BigInt(error.details.position), problem: error.details.problem }
  }
}
