/**
 * An in-process gRPC server speaking the part of the EventStoreDB streams protocol that
 * `@eventstore/db-client` uses, so the adapter's real client calls run over real gRPC in tests.
 */
import { Server, ServerCredentials } from '@grpc/grpc-js'
import { appendHandler } from './append-handler.js'
import { batchAppendHandler } from './batch-append-handler.js'
import { EventLog } from './event-log.js'
import { OpenCalls } from './open-calls.js'
import { serverFeaturesGrpc, streamsGrpc } from './protocol.js'
import { readHandler } from './read-handler.js'
import { getSupportedMethods } from './server-features.js'

export interface EventStoreDbTestServerOptions {
  /** Record time of appended events ("created"); injected so tests are deterministic. Default: () => new Date() */
  clock?: () => Date
  /** 'current': answers ServerFeatures like a 23.10+ node, so the client uses BatchAppend.
   *  'legacy': ServerFeatures is UNIMPLEMENTED, so the client falls back to the unary-ish Append call. Default 'current'. */
  features?: 'current' | 'legacy'
  host?: string // default '127.0.0.1'
  port?: number // default 0 (ephemeral)
}

export interface EventStoreDbTestServer {
  readonly connectionString: string // e.g. `esdb://127.0.0.1:${port}?tls=false`
  readonly port: number
  /**
   * Ends open calls (subscriptions) and stops the server. Idempotent. Resolves once the server
   * has stopped listening and has ended its calls, before the clients have seen them end.
   */
  close(): Promise<void>
}

const CLOSE_GRACE_MS = 500

/**
 * Stops listening and ends every open call at once; the connections then close in the
 * background. Resolving before they have closed lets a caller attach its handlers to the
 * failures this causes before the client can report them.
 */
function shutDown(server: Server, openCalls: OpenCalls): Promise<void> {
  // A call whose handler had not run yet when the others were ended would hold the graceful
  // shutdown open forever; after a grace period its connection is dropped.
  const force = setTimeout(() => server.forceShutdown(), CLOSE_GRACE_MS).unref()
  server.tryShutdown(() => clearTimeout(force))
  openCalls.endAll()
  return Promise.resolve()
}

function bind(server: Server, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(address, ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port)))
  })
}

export async function startEventStoreDbTestServer(options: EventStoreDbTestServerOptions = {}): Promise<EventStoreDbTestServer> {
  const { clock = () => new Date(), features = 'current', host = '127.0.0.1', port = 0 } = options
  const log = new EventLog(clock)
  const openCalls = new OpenCalls()
  const server = new Server()
  // Methods left out (Delete, Tombstone) answer UNIMPLEMENTED, as does every unregistered service.
  server.addService(streamsGrpc.StreamsService, {
    read: readHandler(log, openCalls),
    append: appendHandler(log),
    batchAppend: batchAppendHandler(log, openCalls),
  })
  if (features === 'current') server.addService(serverFeaturesGrpc.ServerFeaturesService, { getSupportedMethods })
  const boundPort = await bind(server, `${host}:${port}`)
  let closed: Promise<void> | undefined
  return {
    connectionString: `esdb://${host}:${boundPort}?tls=false`,
    port: boundPort,
    close() {
      closed ??= shutDown(server, openCalls)
      return closed
    },
  }
}
