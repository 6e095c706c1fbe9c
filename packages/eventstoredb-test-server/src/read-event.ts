/** How a logged event goes out on a Read call. */
import type { LoggedEvent } from './event-log.js'
import { streams, type ReadResp } from './protocol.js'
import { streamIdentifier } from './stream-identifier.js'
import { uuidMessage, type UuidForm } from './uuid.js'

// .NET ticks are 100 ns; the client divides `created` by this to get milliseconds.
const TICKS_PER_MILLISECOND = 10_000n

export function eventResponse(event: LoggedEvent, uuidForm: UuidForm): ReadResp {
  const position = String(event.position)
  const recorded = new streams.ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidMessage(event.id, uuidForm))
    .setStreamIdentifier(streamIdentifier(event.stream))
    .setStreamRevision(String(event.revision))
    .setPreparePosition(position)
    .setCommitPosition(position)
    .setData(event.data)
    .setCustomMetadata(event.customMetadata)
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', String(BigInt(event.created.getTime()) * TICKS_PER_MILLISECOND))
  // Modern servers report the $all position of stream reads too, not only of $all reads.
  const readEvent = new streams.ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(position)
  return new streams.ReadResp().setEvent(readEvent)
}

export function checkpointResponse(event: LoggedEvent): ReadResp {
  const position = String(event.position)
  const checkpoint = new streams.ReadResp.Checkpoint().setCommitPosition(position).setPreparePosition(position)
  return new streams.ReadResp().setCheckpoint(checkpoint)
}
