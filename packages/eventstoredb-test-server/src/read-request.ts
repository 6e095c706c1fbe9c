/** A Read request's options, checked and in the log's terms. */
import type { ReadFrom } from './event-log.js'
import { eventFilter, type EventFilter } from './event-filter.js'
import { streams, type ReadReq } from './protocol.js'
import { RequestError } from './request-error.js'
import { streamName } from './stream-identifier.js'
import type { UuidForm } from './uuid.js'

export type ReadSource =
  | { readonly kind: 'stream'; readonly name: string; readonly from: ReadFrom }
  /** Only $all reads can be filtered. */
  | { readonly kind: 'all'; readonly from: ReadFrom; readonly filter: EventFilter | undefined }

export interface ReadRequest {
  readonly source: ReadSource
  readonly forwards: boolean
  /** How many events a plain read returns at most, or a catch-up subscription. */
  readonly limit: bigint | 'subscription'
  readonly uuidForm: UuidForm
}

interface StartOptions {
  hasStart(): boolean
  hasEnd(): boolean
}

function readFrom(options: StartOptions, point: string | undefined): ReadFrom {
  if (point !== undefined) return BigInt(point)
  if (options.hasStart()) return 'start'
  if (options.hasEnd()) return 'end'
  throw new RequestError('a read needs a start: start, end, a revision or a position')
}

function readSource(options: ReadReq.Options): ReadSource {
  const stream = options.getStream()
  if (stream) {
    const revision = stream.hasRevision() ? stream.getRevision() : undefined
    return { kind: 'stream', name: streamName(stream.getStreamIdentifier()), from: readFrom(stream, revision) }
  }
  const all = options.getAll()
  if (all) {
    const filter = options.getFilter()
    return {
      kind: 'all',
      from: readFrom(all, all.getPosition()?.getCommitPosition()),
      filter: filter && eventFilter(filter),
    }
  }
  throw new RequestError('a read is of a stream or of $all')
}

function limit(options: ReadReq.Options): ReadRequest['limit'] {
  if (options.hasCount()) return BigInt(options.getCount())
  if (options.hasSubscription()) return 'subscription'
  throw new RequestError('a read needs a count or a subscription')
}

export function readRequest(request: ReadReq): ReadRequest {
  const options = request.getOptions()
  if (options === undefined) throw new RequestError('a read needs options')
  return {
    source: readSource(options),
    forwards: options.getReadDirection() === streams.ReadReq.Options.ReadDirection.FORWARDS,
    limit: limit(options),
    uuidForm: options.getUuidOption()?.hasStructured() ? 'structured' : 'string',
  }
}
