/** Read: plain reads of a stream or of $all, and catch-up subscriptions. */
import type { handleServerStreamingCall, ServerWritableStream } from '@grpc/grpc-js'
import type { EventLog, LoggedEvent } from './event-log.js'
import { streams, type ReadReq, type ReadResp } from './protocol.js'
import { eventResponse } from './read-event.js'
import { readRequest, type ReadRequest } from './read-request.js'
import type { OpenCalls } from './open-calls.js'
import { invalidArgument } from './request-error.js'
import { streamIdentifier } from './stream-identifier.js'
import { subscribe } from './subscription.js'

function streamNotFound(name: string): ReadResp {
  const notFound = new streams.ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name))
  return new streams.ReadResp().setStreamNotFound(notFound)
}

function readOnce(call: ServerWritableStream<ReadReq, ReadResp>, log: EventLog, request: ReadRequest, limit: bigint): void {
  const { source, forwards } = request
  const send = (events: readonly LoggedEvent[]): void => {
    for (const event of events.slice(0, Number(limit))) call.write(eventResponse(event, request.uuidForm))
  }
  if (source.kind === 'all') {
    const events = log.readAll(forwards, source.from)
    const { filter } = source
    send(filter ? events.filter((event) => filter.matches(event)) : events)
  } else {
    const events = log.readStream(source.name, forwards, source.from)
    if (events) send(events)
    else call.write(streamNotFound(source.name))
  }
  call.end()
}

export function readHandler(log: EventLog, openCalls: OpenCalls): handleServerStreamingCall<ReadReq, ReadResp> {
  return (call) => {
    let request: ReadRequest
    try {
      request = readRequest(call.request)
    } catch (error) {
      call.emit('error', invalidArgument(error))
      return
    }
    if (request.limit === 'subscription') {
      openCalls.track(call)
      subscribe(call, log, request)
    } else {
      readOnce(call, log, request, request.limit)
    }
  }
}
