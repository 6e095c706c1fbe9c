import type { EventStore } from '@treguesi/event-store'
import { chainOf, rollingHash } from './hashing.js'
import type { LogHead } from './verify.js'

/** The head of the log (the rolling hash verify computes) at a position of it. */
export interface LogHeads {
  /** The head at `position`; null for an empty log's (null), when no event is there, or when an event up to it carries no chain to hash. */
  at(position: bigint | null): Promise<LogHead | null>
}

interface Reached {
  readonly position: bigint | null
  readonly hash: string | null
  /** Events hashed: the next event's index in the global log. */
  readonly count: bigint
}

const start: Reached = { position: null, hash: null, count: 0n }

/**
 * Heads computed the way verify computes them, without verifying: a document that states its head
 * leaves the proof to `verify --expect-head`. What was hashed is kept, so asking for a later head
 * reads only the events since the last one asked; an earlier one starts again from the beginning.
 * Calls are answered one after another, so two never hash the same events at once.
 */
export function logHeads(store: EventStore): LogHeads {
  let reached = start
  let queue: Promise<unknown> = Promise.resolve()

  async function extend(position: bigint): Promise<LogHead | null> {
    let from = reached.position !== null && reached.position <= position ? reached : start
    if (from.position === position) return { position, hash: from.hash! }
    for await (const event of store.readAll(from.position === null ? {} : { fromPosition: from.position })) {
      if (event.position > position) break
      const link = chainOf(event.metadata)
      if (link === undefined) return null
      from = {
        position: event.position,
        hash: rollingHash(from.hash, {
          index: from.count,
          stream: event.stream,
          revision: event.revision,
          id: event.id,
          chainHash: link.hash,
        }),
        count: from.count + 1n,
      }
    }
    reached = from
    return from.position === position ? { position, hash: from.hash! } : null
  }

  return {
    at(position) {
      if (position === null) return Promise.resolve(null)
      const answer = queue.then(() => extend(position))
      queue = answer.catch(() => undefined)
      return answer
    },
  }
}
