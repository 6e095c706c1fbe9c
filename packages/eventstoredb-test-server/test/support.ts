import { credentials, type ServiceError } from '@grpc/grpc-js'
import { EventStoreDBClient, jsonEvent, type AppendExpectedRevision } from '@eventstore/db-client'
import type { Test } from 'tap'
import {
  startEventStoreDbTestServer,
  type EventStoreDbTestServer,
  type EventStoreDbTestServerOptions,
} from '@treguesi/eventstoredb-test-server'
import {
  shared,
  streams,
  streamsGrpc,
  type AppendReq,
  type AppendResp,
  type BatchAppendReq,
  type BatchAppendResp,
  type ReadReq,
  type ReadResp,
  type StreamIdentifier,
  type UUID,
} from '../src/protocol.js'

/** Both of the client's append paths: BatchAppend, and Append on servers without ServerFeatures. */
export const featureModes = ['current', 'legacy'] as const

export async function startServer(t: Test, options: EventStoreDbTestServerOptions = {}): Promise<EventStoreDbTestServer> {
  const server = await startEventStoreDbTestServer(options)
  t.teardown(() => server.close())
  return server
}

export function connect(t: Test, server: EventStoreDbTestServer): EventStoreDBClient {
  const client = EventStoreDBClient.connectionString(server.connectionString)
  t.teardown(() => client.dispose())
  return client
}

/** A server in the given mode with a client connected to it. */
export async function serverAndClient(
  t: Test,
  options: EventStoreDbTestServerOptions = {},
): Promise<{ server: EventStoreDbTestServer; client: EventStoreDBClient }> {
  const server = await startServer(t, options)
  return { server, client: connect(t, server) }
}

export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = []
  for await (const item of source) items.push(item)
  return items
}

export function events(count: number, type = 'test.happened'): ReturnType<typeof jsonEvent>[] {
  return Array.from({ length: count }, (_, n) => jsonEvent({ type, data: { n } }))
}

export async function appendEvents(
  client: EventStoreDBClient,
  stream: string,
  count: number,
  options: { type?: string; expectedRevision?: AppendExpectedRevision } = {},
): Promise<Awaited<ReturnType<EventStoreDBClient['appendToStream']>>> {
  return client.appendToStream(stream, events(count, options.type), {
    expectedRevision: options.expectedRevision ?? 'any',
  })
}

/** The generated gRPC client, for what the official client never sends. */
export function rawStreams(t: Test, server: EventStoreDbTestServer): InstanceType<typeof streamsGrpc.StreamsClient> {
  const client = new streamsGrpc.StreamsClient(`127.0.0.1:${server.port}`, credentials.createInsecure())
  t.teardown(() => client.close())
  return client
}

/** What a subscription delivered, in order, with `caught-up` where the client signalled it. */
export class SubscriptionRecorder<E extends { event?: { position?: { commit: bigint } } }> {
  readonly entries: (E | 'caught-up')[] = []
  readonly checkpoints: bigint[] = []
  /** Resolves with the error the subscription failed with, or 'ended'. */
  readonly finished: Promise<unknown>
  #changed: () => void = () => {}

  constructor(subscription: NodeJS.EventEmitter) {
    subscription.on('data', (event: E) => this.#record(event))
    subscription.on('caughtUp', () => this.#record('caught-up'))
    this.finished = new Promise((resolve) => {
      subscription.on('error', resolve)
      subscription.on('end', () => resolve('ended'))
    })
  }

  get events(): E[] {
    return this.entries.filter((entry): entry is E => entry !== 'caught-up')
  }

  get positions(): bigint[] {
    return this.events.map((entry) => entry.event!.position!.commit)
  }

  /** Waits until `done` holds, failing after a few seconds so a missing event fails the test. */
  async until(done: (recorder: this) => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 5_000
    while (!done(this)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
      await new Promise<void>((resolve) => {
        this.#changed = resolve
        setTimeout(resolve, 50)
      })
    }
  }

  #record(entry: E | 'caught-up'): void {
    this.entries.push(entry)
    this.#changed()
  }
}

type RawStreamsClient = ReturnType<typeof rawStreams>

export interface CallOutcome<R> {
  readonly responses: R[]
  /** The status the call ended with, when it was not OK. */
  readonly error: ServiceError | undefined
}

/** A Read with options the official client would never build. */
export function rawRead(raw: RawStreamsClient, options: ReadReq.Options | undefined): Promise<CallOutcome<ReadResp>> {
  const request = new streams.ReadReq()
  if (options) request.setOptions(options)
  const call = raw.read(request)
  const responses: ReadResp[] = []
  call.on('data', (response: ReadResp) => responses.push(response))
  return new Promise((resolve) => {
    call.on('error', (error: ServiceError) => resolve({ responses, error }))
    call.on('end', () => resolve({ responses, error: undefined }))
  })
}

export function rawAppend(raw: RawStreamsClient, requests: AppendReq[]): Promise<CallOutcome<AppendResp>> {
  return new Promise((resolve) => {
    const call = raw.append((error, response) => resolve(error ? { responses: [], error } : { responses: [response], error: undefined }))
    for (const request of requests) call.write(request)
    call.end()
  })
}

/** Sends the requests, half-closes, and gathers the answers until the server ends the call. */
export function rawBatchAppend(raw: RawStreamsClient, requests: BatchAppendReq[]): Promise<CallOutcome<BatchAppendResp>> {
  const call = raw.batchAppend()
  const responses: BatchAppendResp[] = []
  call.on('data', (response: BatchAppendResp) => responses.push(response))
  const outcome = new Promise<CallOutcome<BatchAppendResp>>((resolve) => {
    call.on('error', (error: ServiceError) => resolve({ responses, error }))
    call.on('end', () => resolve({ responses, error: undefined }))
  })
  for (const request of requests) call.write(request)
  call.end()
  return outcome
}

export function streamIdentifier(name: string): StreamIdentifier {
  return new shared.StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'))
}

export function stringUuid(text: string): UUID {
  return new shared.UUID().setString(text)
}

/** A proposed message as the client builds it; an undefined id or type leaves it out. */
export function proposedMessage<M extends AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage>(
  message: M,
  id: UUID | undefined,
  type: string | undefined,
  data: unknown = {},
): M {
  if (id) message.setId(id)
  if (type !== undefined) message.getMetadataMap().set('type', type)
  message.getMetadataMap().set('content-type', 'application/json')
  message.setData(Buffer.from(JSON.stringify(data), 'utf8'))
  return message
}
