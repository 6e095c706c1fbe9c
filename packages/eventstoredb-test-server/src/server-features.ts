/**
 * ServerFeatures, which the client asks once per connection to choose its append call: it uses
 * BatchAppend only when the server lists it, and falls back to Append when the call is
 * UNIMPLEMENTED, as on servers before 21.10.
 */
import type { handleUnaryCall } from '@grpc/grpc-js'
import { serverFeatures, streamsGrpc, type Empty, type SupportedMethod, type SupportedMethods } from './protocol.js'

export const SERVER_VERSION = '23.10.0'

// What a 23.10 node lists for the streams service. The client matches `/service/method`
// case-insensitively against the call's path; the server sends both in lower case.
const STREAMS_METHODS: readonly { readonly path: string }[] = [
  streamsGrpc.StreamsService.read,
  streamsGrpc.StreamsService.append,
  streamsGrpc.StreamsService.batchAppend,
  streamsGrpc.StreamsService.delete,
  streamsGrpc.StreamsService.tombstone,
]

function supportedMethod({ path }: { readonly path: string }): SupportedMethod {
  const lastSlash = path.lastIndexOf('/')
  return new serverFeatures.SupportedMethod()
    .setServiceName(path.slice(1, lastSlash).toLowerCase())
    .setMethodName(path.slice(lastSlash + 1).toLowerCase())
}

export const getSupportedMethods: handleUnaryCall<Empty, SupportedMethods> = (_call, respond) => {
  respond(
    null,
    new serverFeatures.SupportedMethods().setEventStoreServerVersion(SERVER_VERSION).setMethodsList(STREAMS_METHODS.map(supportedMethod)),
  )
}
