import type { EventStore } from './port.js'

/**
 * When the log recorded the event at `position` (ISO 8601), the moment a file made from the log
 * as it stood there says it was made: the same for every copy of it. The epoch for an empty log.
 */
export async function recordedAtOf(store: Pick<EventStore, 'readAll'>, position: bigint | null): Promise<string> {
  if (position !== null) {
    for await (const event of store.readAll({ direction: 'backwards', fromPosition: position + 1n, maxCount: 1 })) {
      return event.recordedAt.toISOString()
    }
  }
  return new Date(0).toISOString()
}
