/** What Append and BatchAppend requests share: the target stream, the expectation and the events. */
import type { ExpectedRevision, ProposedEvent } from './event-log.js'
import type { AppendReq, BatchAppendReq } from './protocol.js'
import { RequestError } from './request-error.js'
import { uuidText } from './uuid.js'

/** The expectation fields both requests share; they name the revision field differently. */
interface ExpectationOptions {
  hasNoStream(): boolean
  hasAny(): boolean
  hasStreamExists(): boolean
}

/** `revision` is the request's revision field when that is the case set. */
export function expectedRevision(options: ExpectationOptions, revision: string | undefined): ExpectedRevision {
  if (revision !== undefined) return BigInt(revision)
  if (options.hasNoStream()) return 'no_stream'
  if (options.hasAny()) return 'any'
  if (options.hasStreamExists()) return 'stream_exists'
  throw new RequestError('an append needs an expected revision')
}

export function proposedEvent(message: AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage): ProposedEvent {
  const metadata = message.getMetadataMap()
  const type = metadata.get('type')
  const contentType = metadata.get('content-type')
  if (type === undefined || contentType === undefined) {
    throw new RequestError('a proposed message needs "type" and "content-type" metadata')
  }
  return {
    id: uuidText(message.getId()),
    type,
    contentType,
    // Copies, so the log never shares a buffer with a decoded request.
    data: message.getData_asU8().slice(),
    customMetadata: message.getCustomMetadata_asU8().slice(),
  }
}
