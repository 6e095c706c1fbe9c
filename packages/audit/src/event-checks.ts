import type { RecordedEvent } from '@treguesi/event-store'
import { chainOf, eventHash, withoutChain, type ChainLink } from './hashing.js'

/** How a reason names an event: stream, revision, type and id (its position is reported beside it). */
export function describe(event: RecordedEvent): string {
  return `${event.stream}@${event.revision} (${event.type}, id ${event.id})`
}

/** The event's chain link if its content still matches it; otherwise why not. */
export function checkContent(event: RecordedEvent): { link: ChainLink } | { problem: string } {
  const link = chainOf(event.metadata)
  if (link === undefined) return { problem: `${describe(event)} has no valid hash chain in its metadata` }
  const recomputed = eventHash({
    previous: link.previous,
    stream: event.stream,
    revision: event.revision,
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: withoutChain(event.metadata),
  })
  if (recomputed !== link.hash) {
    return { problem: `${describe(event)} was altered: its content no longer matches its hash` }
  }
  return { link }
}
