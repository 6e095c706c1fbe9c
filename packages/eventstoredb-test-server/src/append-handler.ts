/** Append: the client-streaming call older servers offer, and the client's fallback. */
import type { handleClientStreamingCall } from '@grpc/grpc-js'
import { expectedRevision, proposedEvent } from './append-request.js'
import { fillSuccess } from './append-response.js'
import type { EventLog, WriteResult } from './event-log.js'
import { shared, streams, type AppendReq, type AppendResp } from './protocol.js'
import { RequestError, invalidArgument } from './request-error.js'
import { streamName } from './stream-identifier.js'

function wrongExpectedVersion(result: Extract<WriteResult, { kind: 'wrong_expected_version' }>): AppendResp.WrongExpectedVersion {
  const wrong = new streams.AppendResp.WrongExpectedVersion()
  if (result.lastEvent === undefined) wrong.setCurrentNoStream(new shared.Empty())
  else wrong.setCurrentRevision(String(result.lastEvent.revision))
  switch (result.expected) {
    case 'no_stream':
      return wrong.setExpectedNoStream(new shared.Empty())
    case 'stream_exists':
      return wrong.setExpectedStreamExists(new shared.Empty())
    default:
      return wrong.setExpectedRevision(String(result.expected))
  }
}

function response(result: WriteResult): AppendResp {
  const response = new streams.AppendResp()
  return result.kind === 'success'
    ? response.setSuccess(
        fillSuccess(new streams.AppendResp.Success(), result.lastEvent, {
          empty: () => new shared.Empty(),
          position: () => new streams.AppendResp.Position(),
        }),
      )
    : response.setWrongExpectedVersion(wrongExpectedVersion(result))
}

/** The options come first, then one proposed message per request; the write happens at the end. */
function write(log: EventLog, requests: readonly AppendReq[]): AppendResp {
  const [first, ...rest] = requests
  const options = first?.getOptions()
  if (options === undefined) throw new RequestError('an append starts with its options')
  const expected = expectedRevision(options, options.hasRevision() ? options.getRevision() : undefined)
  const proposed = rest.map((request) => {
    const message = request.getProposedMessage()
    if (message === undefined) throw new RequestError('after its options an append carries only proposed messages')
    return proposedEvent(message)
  })
  return response(log.append(streamName(options.getStreamIdentifier()), expected, proposed))
}

export function appendHandler(log: EventLog): handleClientStreamingCall<AppendReq, AppendResp> {
  return (call, respond) => {
    const requests: AppendReq[] = []
    call.on('data', (request: AppendReq) => requests.push(request))
    call.on('end', () => {
      let answer: AppendResp
      try {
        answer = write(log, requests)
      } catch (error) {
        respond(invalidArgument(error))
        return
      }
      respond(null, answer)
    })
  }
}
