/**
 * BatchAppend: one long-lived bidirectional call per client connection. Each append is a
 * correlation id whose requests are gathered until `is_final`, then written all or nothing and
 * answered once.
 */
import type { handleBidiStreamingCall } from '@grpc/grpc-js'
import { expectedRevision, proposedEvent } from './append-request.js'
import { fillSuccess } from './append-response.js'
import type { EventLog, ExpectedRevision, ProposedEvent, WriteResult } from './event-log.js'
import {
  code,
  protobufAny,
  protobufEmpty,
  shared,
  status,
  streams,
  type BatchAppendReq,
  type BatchAppendResp,
  type UUID,
} from './protocol.js'
import type { OpenCalls } from './open-calls.js'
import { RequestError, invalidArgument } from './request-error.js'
import { streamIdentifier, streamName } from './stream-identifier.js'
import { uuidText } from './uuid.js'

interface PendingBatch {
  /** Echoed back as received, so the client finds its own id whatever form it used. */
  readonly correlationId: UUID
  readonly stream: string
  readonly expected: ExpectedRevision
  readonly proposed: ProposedEvent[]
}

function startBatch(request: BatchAppendReq, correlationId: UUID): PendingBatch {
  const options = request.getOptions()
  if (options === undefined) throw new RequestError('the first request of a batch carries its options')
  return {
    correlationId,
    stream: streamName(options.getStreamIdentifier()),
    expected: expectedRevision(options, options.hasStreamPosition() ? options.getStreamPosition() : undefined),
    proposed: [],
  }
}

/** A google.rpc.Status whose single `details` packs the WrongExpectedVersion the client unpacks. */
function wrongExpectedVersion(batch: PendingBatch, result: Extract<WriteResult, { kind: 'wrong_expected_version' }>): BatchAppendResp {
  const details = new shared.WrongExpectedVersion()
  if (result.lastEvent === undefined) details.setCurrentNoStream(new protobufEmpty.Empty())
  else details.setCurrentStreamRevision(String(result.lastEvent.revision))
  switch (result.expected) {
    case 'no_stream':
      details.setExpectedNoStream(new protobufEmpty.Empty())
      break
    case 'stream_exists':
      details.setExpectedStreamExists(new protobufEmpty.Empty())
      break
    default:
      details.setExpectedStreamPosition(String(result.expected))
  }
  const packed = new protobufAny.Any()
  packed.pack(details.serializeBinary(), 'event_store.client.WrongExpectedVersion')
  const error = new status.Status()
    .setCode(code.Code.FAILED_PRECONDITION)
    .setMessage(`Append failed due to a wrong expected version on stream "${batch.stream}"`)
    .setDetails(packed)
  return new streams.BatchAppendResp().setError(error)
}

function response(batch: PendingBatch, result: WriteResult): BatchAppendResp {
  const response =
    result.kind === 'success'
      ? new streams.BatchAppendResp().setSuccess(
          fillSuccess(new streams.BatchAppendResp.Success(), result.lastEvent, {
            empty: () => new protobufEmpty.Empty(),
            position: () => new shared.AllStreamPosition(),
          }),
        )
      : wrongExpectedVersion(batch, result)
  response.setCorrelationId(batch.correlationId).setStreamIdentifier(streamIdentifier(batch.stream))
  const expected = batch.expected
  switch (expected) {
    case 'any':
      return response.setAny(new protobufEmpty.Empty())
    case 'no_stream':
      return response.setNoStream(new protobufEmpty.Empty())
    case 'stream_exists':
      return response.setStreamExists(new protobufEmpty.Empty())
    default:
      return response.setStreamPosition(String(expected))
  }
}

export function batchAppendHandler(log: EventLog, openCalls: OpenCalls): handleBidiStreamingCall<BatchAppendReq, BatchAppendResp> {
  return (call) => {
    openCalls.track(call)
    const pending = new Map<string, PendingBatch>()
    const receive = (request: BatchAppendReq): void => {
      // A missing id reads as an empty one, which uuidText refuses.
      const correlationId = request.getCorrelationId() ?? new shared.UUID()
      const key = uuidText(correlationId)
      const batch = pending.get(key) ?? startBatch(request, correlationId)
      pending.set(key, batch)
      batch.proposed.push(...request.getProposedMessagesList().map(proposedEvent))
      if (!request.getIsFinal()) return
      pending.delete(key)
      call.write(response(batch, log.append(batch.stream, batch.expected, batch.proposed)))
    }
    call.on('data', (request: BatchAppendReq) => {
      try {
        receive(request)
      } catch (error) {
        call.emit('error', invalidArgument(error))
      }
    })
    // A client that half-closes has no more appends to send.
    call.on('end', () => call.end())
  }
}
