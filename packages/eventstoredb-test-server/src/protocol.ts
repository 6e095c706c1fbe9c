/**
 * The protobuf messages and gRPC service definitions generated for the official client, so the
 * server speaks exactly the protocol the client was built against. They are CommonJS modules,
 * loaded with `require` and typed by the declarations shipped beside them.
 */
import { createRequire } from 'node:module'
import type * as AnyModule from 'google-protobuf/google/protobuf/any_pb.js'
import type * as EmptyModule from 'google-protobuf/google/protobuf/empty_pb.js'
import type * as CodeModule from '@eventstore/db-client/generated/code_pb.js'
import type * as ServerFeaturesGrpcModule from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js'
import type * as ServerFeaturesModule from '@eventstore/db-client/generated/serverfeatures_pb.js'
import type * as SharedModule from '@eventstore/db-client/generated/shared_pb.js'
import type * as StatusModule from '@eventstore/db-client/generated/status_pb.js'
import type * as StreamsGrpcModule from '@eventstore/db-client/generated/streams_grpc_pb.js'
import type * as StreamsModule from '@eventstore/db-client/generated/streams_pb.js'

const requireHere = createRequire(import.meta.url)
const generated = (name: string): unknown => requireHere(`@eventstore/db-client/generated/${name}.js`)
// Well-known types come from the copy of google-protobuf the generated code itself requires, so
// an Any or Empty built here is the very class its messages serialize.
const requireBesideGenerated = createRequire(requireHere.resolve('@eventstore/db-client/generated/shared_pb.js'))

export const streams = generated('streams_pb') as typeof StreamsModule
export const streamsGrpc = generated('streams_grpc_pb') as typeof StreamsGrpcModule
export const shared = generated('shared_pb') as typeof SharedModule
export const status = generated('status_pb') as typeof StatusModule
export const code = generated('code_pb') as typeof CodeModule
export const serverFeatures = generated('serverfeatures_pb') as typeof ServerFeaturesModule
export const serverFeaturesGrpc = generated('serverfeatures_grpc_pb') as typeof ServerFeaturesGrpcModule
export const protobufAny = requireBesideGenerated('google-protobuf/google/protobuf/any_pb.js') as typeof AnyModule
export const protobufEmpty = requireBesideGenerated('google-protobuf/google/protobuf/empty_pb.js') as typeof EmptyModule

export type {
  ReadReq,
  ReadResp,
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
} from '@eventstore/db-client/generated/streams_pb.js'
export type { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb.js'
export type { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb.js'
