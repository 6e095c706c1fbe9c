/**
 * A catch-up subscription: the history after the starting point, then `caught_up`, then each
 * event as it is appended. Delivery is synchronous from a cursor into the append-only log, so
 * no append can slip between history and live events, and none is sent twice.
 */
import { randomUUID } from 'node:crypto'
import type { ServerWritableStream } from '@grpc/grpc-js'
import type { EventLog, LoggedEvent, ReadFrom } from './event-log.js'
import type { EventFilter } from './event-filter.js'
import { streams, type ReadReq, type ReadResp } from './protocol.js'
import { checkpointResponse, eventResponse } from './read-event.js'
import type { ReadRequest } from './read-request.js'

interface Cursor {
  /** The log the subscription walks, as it is now. */
  readonly events: () => readonly LoggedEvent[]
  /** Index in `events()` of the first event to deliver. */
  readonly next: number
  readonly filter: EventFilter | undefined
}

/** Subscribing from a point is exclusive of it, unlike reading. */
function cursor(log: EventLog, source: ReadRequest['source']): Cursor {
  if (source.kind === 'stream') {
    const events = (): readonly LoggedEvent[] => log.stream(source.name) ?? []
    return { events, next: streamIndexAfter(events(), source.from), filter: undefined }
  }
  const events = (): readonly LoggedEvent[] => log.all
  return { events, next: allIndexAfter(log.all, source.from), filter: source.filter }
}

function streamIndexAfter(events: readonly LoggedEvent[], from: ReadFrom): number {
  return from === 'start' ? 0 : from === 'end' ? events.length : Number(from) + 1
}

function allIndexAfter(events: readonly LoggedEvent[], from: ReadFrom): number {
  if (from === 'start') return 0
  if (from === 'end') return events.length
  const index = events.findIndex((event) => event.position > from)
  return index < 0 ? events.length : index
}

export function subscribe(call: ServerWritableStream<ReadReq, ReadResp>, log: EventLog, request: ReadRequest): void {
  const { events, filter, next: first } = cursor(log, request.source)
  let next = first
  let examined = 0
  const deliver = (): void => {
    const current = events()
    for (const event of current.slice(next)) {
      if (filter === undefined || filter.matches(event)) call.write(eventResponse(event, request.uuidForm))
      examined += 1
      if (filter !== undefined && examined % filter.checkpointInterval === 0) call.write(checkpointResponse(event))
    }
    // A stream subscription may start beyond the stream's end; it stays there until reached.
    next = Math.max(next, current.length)
  }

  const confirmation = new streams.ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())
  call.write(new streams.ReadResp().setConfirmation(confirmation))
  deliver()
  call.write(new streams.ReadResp().setCaughtUp(new streams.ReadResp.CaughtUp()))
  const stopListening = log.onAppend(deliver)
  // Closed when the client cancels or the server ends the call on closing.
  call.once('close', stopListening)
}
