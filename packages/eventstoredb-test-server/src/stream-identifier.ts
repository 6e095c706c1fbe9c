/** Stream names travel as UTF-8 bytes in a StreamIdentifier. */
import { shared, type StreamIdentifier } from './protocol.js'
import { RequestError } from './request-error.js'

export function streamName(identifier: StreamIdentifier | undefined): string {
  const name = Buffer.from(identifier?.getStreamName_asU8() ?? []).toString('utf8')
  if (name === '') throw new RequestError('a stream name is required')
  return name
}

export function streamIdentifier(name: string): StreamIdentifier {
  return new shared.StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'))
}
