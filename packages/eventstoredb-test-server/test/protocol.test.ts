import t from 'tap'
import { credentials, status, type ServiceError } from '@grpc/grpc-js'
import { jsonEvent, type EventStoreDBClient } from '@eventstore/db-client'
import {
  code,
  protobufEmpty,
  serverFeatures,
  serverFeaturesGrpc,
  shared,
  streams,
  streamsGrpc,
  type ReadResp,
  type SupportedMethods,
} from '../src/protocol.js'
import {
  appendEvents,
  collect,
  featureModes,
  proposedMessage,
  rawAppend,
  rawBatchAppend,
  rawRead,
  rawStreams,
  serverAndClient,
  streamIdentifier,
  stringUuid,
} from './support.js'

const Options = streams.ReadReq.Options
const ContentCase = streams.ReadResp.ContentCase

/** The client's own test for a method, the one it runs before choosing its append call. */
const clientSupports = (client: EventStoreDBClient, method: { path: string }): Promise<boolean> =>
  (client as unknown as { supports(method: { path: string }): Promise<boolean> }).supports(method)

function allOptions(configure: (all: InstanceType<typeof Options.AllOptions>) => void = (all) => all.setStart(new shared.Empty())) {
  const all = new Options.AllOptions()
  configure(all)
  return new Options()
    .setAll(all)
    .setCount('100')
    .setNoFilter(new shared.Empty())
    .setUuidOption(new Options.UUIDOption().setString(new shared.Empty()))
}

for (const features of featureModes) {
  t.test(`${features}: ServerFeatures decides the client's append call`, async (t) => {
    const { server, client } = await serverAndClient(t, { features })
    const raw = new serverFeaturesGrpc.ServerFeaturesClient(`127.0.0.1:${server.port}`, credentials.createInsecure())
    t.teardown(() => raw.close())
    const answer = await new Promise<SupportedMethods | ServiceError>((resolve) =>
      raw.getSupportedMethods(new shared.Empty(), (error, methods) => resolve(error ?? methods)),
    )
    const usesBatchAppend = await clientSupports(client, streamsGrpc.StreamsService.batchAppend)
    if (features === 'legacy') {
      t.match(answer, { code: status.UNIMPLEMENTED }, 'ServerFeatures is unimplemented')
      t.equal(usesBatchAppend, false, 'so the client falls back to Append')
      return
    }
    const methods = answer as SupportedMethods
    t.type(methods, serverFeatures.SupportedMethods)
    t.equal(methods.getEventStoreServerVersion(), '23.10.0')
    t.same(
      methods.getMethodsList().map((method) => `/${method.getServiceName()}/${method.getMethodName()}`),
      [
        '/event_store.client.streams.streams/read',
        '/event_store.client.streams.streams/append',
        '/event_store.client.streams.streams/batchappend',
        '/event_store.client.streams.streams/delete',
        '/event_store.client.streams.streams/tombstone',
      ],
    )
    t.equal(usesBatchAppend, true, 'so the client uses BatchAppend')
  })
}

t.test('calls the server does not implement answer UNIMPLEMENTED', async (t) => {
  const { client } = await serverAndClient(t)
  await appendEvents(client, 'doomed', 1)
  t.match(await client.deleteStream('doomed').catch((e: unknown) => e), { code: status.UNIMPLEMENTED }, 'Delete')
  t.match(await client.tombstoneStream('doomed').catch((e: unknown) => e), { code: status.UNIMPLEMENTED }, 'Tombstone')
  t.match(await client.listProjections().catch((e: unknown) => e), { code: status.UNIMPLEMENTED }, 'another service')
})

t.test('on the wire a subscription is: confirmation, history, caught_up, live events', async (t) => {
  const { server, client } = await serverAndClient(t)
  await appendEvents(client, 'a', 2)
  const options = allOptions()
  options.clearCount()
  options.setSubscription(new Options.SubscriptionOptions())
  const call = rawStreams(t, server).read(new streams.ReadReq().setOptions(options))
  const cases: number[] = []
  call.on('data', (response: ReadResp) => cases.push(response.getContentCase()))
  call.on('error', () => {})
  const until = async (count: number): Promise<void> => {
    while (cases.length < count) await new Promise((resolve) => setTimeout(resolve, 10))
  }
  await until(4)
  await appendEvents(client, 'a', 1)
  await until(5)
  call.cancel()
  t.same(cases, [ContentCase.CONFIRMATION, ContentCase.EVENT, ContentCase.EVENT, ContentCase.CAUGHT_UP, ContentCase.EVENT])
})

t.test('ids: structured or string as the reader asks, lower case whatever was sent', async (t) => {
  const { server, client } = await serverAndClient(t)
  const raw = rawStreams(t, server)
  const upper = jsonEvent({ id: 'A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D', type: 'upper', data: {} })
  await client.appendToStream('ids', upper)
  // A structured id with both halves negative as signed 64-bit integers.
  const structured = new shared.UUID.Structured().setMostSignificantBits('-81985529216486896').setLeastSignificantBits('-1')
  const appended = await new Promise<unknown>((resolve) => {
    const call = raw.append((error, response) => resolve(error ?? response.getSuccess()?.getCurrentRevision()))
    const options = new streams.AppendReq.Options().setStreamIdentifier(streamIdentifier('ids')).setAny(new shared.Empty())
    call.write(new streams.AppendReq().setOptions(options))
    const message = proposedMessage(new streams.AppendReq.ProposedMessage(), new shared.UUID().setStructured(structured), 'structured')
    call.write(new streams.AppendReq().setProposedMessage(message))
    call.end()
  })
  t.equal(appended, '1')

  const read = await collect(client.readStream('ids'))
  t.same(
    read.map((resolved) => resolved.event?.id),
    ['a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', 'fedcba98-7654-3210-ffff-ffffffffffff'],
  )
  const options = allOptions()
  options.setUuidOption(new Options.UUIDOption().setStructured(new shared.Empty()))
  const { responses } = await rawRead(raw, options)
  const ids = responses.map((response) => response.getEvent()?.getEvent()?.getId())
  t.same(
    ids.map((id) => id?.getValueCase()),
    [shared.UUID.ValueCase.STRUCTURED, shared.UUID.ValueCase.STRUCTURED],
  )
  t.same(
    ids.map((id) => [id?.getStructured()?.getMostSignificantBits(), id?.getStructured()?.getLeastSignificantBits()]),
    [
      ['-6795153568590050693', '-8314473810040763299'],
      ['-81985529216486896', '-1'],
    ],
  )
})

t.test('$all reads with a filter: by event type or stream, prefixes or regex, counting matches', async (t) => {
  const { server, client } = await serverAndClient(t)
  await appendEvents(client, 'plan-1', 2, { type: 'plan.registered' })
  await appendEvents(client, 'order-1', 2, { type: 'order.placed' })
  await appendEvents(client, 'plan-2', 1, { type: 'order.cancelled' })
  const raw = rawStreams(t, server)
  const read = async (
    on: 'stream' | 'type',
    expression: { prefixes?: string[]; regex?: string },
    configure: (options: InstanceType<typeof Options>) => void = () => {},
  ): Promise<string[]> => {
    const filterExpression = new Options.FilterOptions.Expression()
    filterExpression.setPrefixList(expression.prefixes ?? [])
    filterExpression.setRegex(expression.regex ?? '')
    const filter = new Options.FilterOptions().setCount(new shared.Empty()).setCheckpointintervalmultiplier(1)
    if (on === 'stream') filter.setStreamIdentifier(filterExpression)
    else filter.setEventType(filterExpression)
    const options = allOptions().setFilter(filter)
    configure(options)
    const { responses, error } = await rawRead(raw, options)
    t.equal(error, undefined)
    return responses.map((response) => {
      const event = response.getEvent()!.getEvent()!
      return `${Buffer.from(event.getStreamIdentifier()!.getStreamName_asU8()).toString()}@${event.getStreamRevision()}`
    })
  }
  t.same(await read('type', { prefixes: ['order.'] }), ['order-1@0', 'order-1@1', 'plan-2@0'], 'event type prefix')
  t.same(await read('stream', { prefixes: ['plan-'] }), ['plan-1@0', 'plan-1@1', 'plan-2@0'], 'stream prefix')
  t.same(await read('stream', { prefixes: ['x', 'order'] }), ['order-1@0', 'order-1@1'], 'any of several prefixes')
  t.same(await read('type', { regex: 'cancelled$', prefixes: ['plan.'] }), ['plan-2@0'], 'a regex wins over prefixes')
  t.same(await read('stream', {}), [], 'no prefix and no regex match nothing')
  t.same(
    await read('type', { prefixes: ['order.'] }, (options) => options.setCount('2')),
    ['order-1@0', 'order-1@1'],
    'the count is of matching events',
  )
  t.same(
    await read('type', { prefixes: ['order.'] }, (options) =>
      options.setReadDirection(Options.ReadDirection.BACKWARDS).setAll(new Options.AllOptions().setEnd(new shared.Empty())),
    ),
    ['plan-2@0', 'order-1@1', 'order-1@0'],
    'backwards',
  )
})

t.test('malformed reads answer INVALID_ARGUMENT', async (t) => {
  const { server } = await serverAndClient(t)
  const raw = rawStreams(t, server)
  const filtered = (configure: (filter: InstanceType<typeof Options.FilterOptions>) => void) => {
    const filter = new Options.FilterOptions().setCount(new shared.Empty())
    configure(filter)
    return allOptions().setFilter(filter)
  }
  const uncounted = allOptions()
  uncounted.clearCount()
  const cases: [string, InstanceType<typeof Options> | undefined, RegExp][] = [
    ['no options', undefined, /a read needs options/],
    ['neither a stream nor $all', new Options().setCount('1'), /a read is of a stream or of \$all/],
    [
      'a stream without a name',
      new Options().setStream(new Options.StreamOptions().setStart(new shared.Empty())).setCount('1'),
      /a stream name is required/,
    ],
    [
      'a stream without a start',
      new Options().setStream(new Options.StreamOptions().setStreamIdentifier(streamIdentifier('s'))).setCount('1'),
      /a read needs a start/,
    ],
    ['$all without a start', allOptions(() => {}), /a read needs a start/],
    ['neither a count nor a subscription', uncounted, /a read needs a count or a subscription/],
    ['a filter on nothing', filtered(() => {}), /a filter needs a stream identifier or an event type/],
    [
      'an invalid regex',
      filtered((filter) => filter.setEventType(new Options.FilterOptions.Expression().setRegex('('))),
      /the filter's regex is invalid/,
    ],
  ]
  for (const [label, options, message] of cases) {
    const { error } = await rawRead(raw, options)
    t.match(error, { code: status.INVALID_ARGUMENT, details: message }, label)
  }
})

t.test('malformed appends answer INVALID_ARGUMENT and write nothing', async (t) => {
  const { server, client } = await serverAndClient(t)
  const raw = rawStreams(t, server)
  const AppendReq = streams.AppendReq
  const options = (configure: (options: InstanceType<typeof AppendReq.Options>) => void = () => {}) => {
    const appendOptions = new AppendReq.Options().setStreamIdentifier(streamIdentifier('s')).setAny(new shared.Empty())
    configure(appendOptions)
    return new AppendReq().setOptions(appendOptions)
  }
  const proposed = (id: string | undefined, type: string | undefined) =>
    new AppendReq().setProposedMessage(
      proposedMessage(new AppendReq.ProposedMessage(), id === undefined ? undefined : stringUuid(id), type),
    )
  const validId = '3f2a1c9e-8b7d-4e6f-a5b4-c3d2e1f0a9b8'
  const cases: [string, InstanceType<typeof AppendReq>[], RegExp][] = [
    ['nothing at all', [], /an append starts with its options/],
    ['a proposed message first', [proposed(validId, 't')], /an append starts with its options/],
    ['options twice', [options(), options()], /after its options an append carries only proposed messages/],
    ['no event type', [options(), proposed(validId, undefined)], /needs "type" and "content-type"/],
    ['an id that is no UUID', [options(), proposed('not-a-uuid', 't')], /"not-a-uuid" is not a UUID/],
    ['no id', [options(), proposed(undefined, 't')], /"" is not a UUID/],
    ['no expected revision', [options((o) => o.clearAny()), proposed(validId, 't')], /an append needs an expected revision/],
    ['no stream', [options((o) => o.clearStreamIdentifier()), proposed(validId, 't')], /a stream name is required/],
  ]
  for (const [label, requests, message] of cases) {
    const { error } = await rawAppend(raw, requests)
    t.match(error, { code: status.INVALID_ARGUMENT, details: message }, label)
  }
  t.same(await collect(client.readAll()), [])
})

t.test('BatchAppend on the wire: echoes, error details, half-close, malformed requests', async (t) => {
  const { server, client } = await serverAndClient(t)
  const raw = rawStreams(t, server)
  const BatchAppendReq = streams.BatchAppendReq
  const correlation = new shared.UUID().setStructured(new shared.UUID.Structured().setMostSignificantBits('1').setLeastSignificantBits('2'))
  const request = (id: InstanceType<typeof shared.UUID> | undefined, expect: (o: InstanceType<typeof BatchAppendReq.Options>) => void) => {
    const options = new BatchAppendReq.Options().setStreamIdentifier(streamIdentifier('batched'))
    expect(options)
    const batch = new BatchAppendReq().setOptions(options).setIsFinal(true)
    if (id) batch.setCorrelationId(id)
    batch.addProposedMessages(
      proposedMessage(new BatchAppendReq.ProposedMessage(), stringUuid('0a0b0c0d-0000-4000-8000-000000000001'), 'batched'),
    )
    return batch
  }

  const written = await rawBatchAppend(raw, [request(correlation, (o) => o.setNoStream(new protobufEmpty.Empty()))])
  t.equal(written.error, undefined, 'a half-close ends the call with OK')
  const [success] = written.responses
  t.equal(success?.getCorrelationId()?.getStructured()?.getLeastSignificantBits(), '2', 'the correlation id as sent')
  t.equal(Buffer.from(success!.getStreamIdentifier()!.getStreamName_asU8()).toString(), 'batched')
  t.ok(success?.hasNoStream(), 'the expectation echoed')
  t.equal(success?.getSuccess()?.getCurrentRevision(), '0')
  const position = (await collect(client.readAll()))[0]?.event?.position
  t.equal(success?.getSuccess()?.getPosition()?.getCommitPosition(), String(position?.commit))

  const refused = await rawBatchAppend(raw, [request(correlation, (o) => o.setStreamPosition('5'))])
  const [failure] = refused.responses
  t.ok(failure?.hasStreamPosition(), 'the expectation echoed')
  const error = failure?.getError()
  t.equal(error?.getCode(), code.Code.FAILED_PRECONDITION)
  t.equal(error?.getDetails()?.getTypeUrl(), 'type.googleapis.com/event_store.client.WrongExpectedVersion')
  const details = error?.getDetails()?.unpack(shared.WrongExpectedVersion.deserializeBinary, 'event_store.client.WrongExpectedVersion')
  t.equal(details?.getCurrentStreamRevision(), '0')
  t.equal(details?.getExpectedStreamPosition(), '5')

  const repeated = await rawBatchAppend(raw, [request(correlation, (o) => o.setAny(new protobufEmpty.Empty()))])
  t.ok(repeated.responses[0]?.hasAny(), 'a retry is answered, with its expectation echoed')
  t.ok(
    (
      await rawBatchAppend(raw, [request(correlation, (o) => o.setStreamExists(new protobufEmpty.Empty()))])
    ).responses[0]?.hasStreamExists(),
  )

  const noCorrelation = await rawBatchAppend(raw, [request(undefined, (o) => o.setAny(new protobufEmpty.Empty()))])
  t.match(noCorrelation.error, { code: status.INVALID_ARGUMENT, details: /is not a UUID/ }, 'no correlation id')
  const withoutOptions = request(correlation, () => {})
  withoutOptions.clearOptions()
  const noOptions = await rawBatchAppend(raw, [withoutOptions])
  t.match(noOptions.error, { code: status.INVALID_ARGUMENT, details: /the first request of a batch carries its options/ })
  const withoutStream = request(correlation, (o) => o.setAny(new protobufEmpty.Empty()).clearStreamIdentifier())
  const noStream = await rawBatchAppend(raw, [withoutStream])
  t.match(noStream.error, { code: status.INVALID_ARGUMENT, details: /a stream name is required/ })
  t.equal((await collect(client.readAll())).length, 1, 'only the first batch was written')
})
