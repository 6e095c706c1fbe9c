import { createServer } from 'node:net'
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client'
import t, { type Test } from 'tap'
import { isTreguesiError } from '@treguesi/errors'
import { loadStoreConfig, openEventStore } from '@treguesi/event-store'
import { EventStoreDbEventStore } from '@treguesi/event-store/eventstoredb'
import { toRecordedEvent } from '../src/eventstoredb/eventstoredb-event-store.js'
import { collect, events, SubscriptionRecorder, streamName } from '@treguesi/event-store/contract'
import { startEventStoreDbTestServer } from '@treguesi/eventstoredb-test-server'

async function unavailable(t: Test, work: Promise<unknown>, label: string): Promise<void> {
  const [settled] = await Promise.allSettled([work])
  const error = (settled as PromiseRejectedResult).reason
  t.equal(settled.status, 'rejected', `${label}: refused`)
  t.ok(isTreguesiError(error, 'TRG_STORE_UNAVAILABLE'), `${label}: TRG_STORE_UNAVAILABLE`)
  t.match((error as Error).message, /The eventstoredb event store is unavailable: /, label)
}

t.test('openEventStore connects to the configured server', async (t) => {
  const server = await startEventStoreDbTestServer()
  t.teardown(() => server.close())
  const store = await openEventStore(
    loadStoreConfig({ TREGUESI_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: server.connectionString }),
  )
  t.equal(store.kind, 'eventstoredb')
  t.equal(await store.headPosition(), null)
  await store.close()
})

t.test('a server nobody listens on fails at connect, not at first use', async (t) => {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const port = (probe.address() as { port: number }).port
  await new Promise((resolve) => probe.close(resolve))
  await unavailable(
    t,
    EventStoreDbEventStore.connect({ connectionString: `esdb://127.0.0.1:${port}?tls=false&defaultDeadline=2000` }),
    'connect',
  )
})

t.test('when the server goes away, every operation says the store is unavailable', async (t) => {
  const server = await startEventStoreDbTestServer()
  const store = await EventStoreDbEventStore.connect({ connectionString: `${server.connectionString}&defaultDeadline=2000` })
  t.teardown(() => store.close())
  const stream = streamName()
  await store.append(stream, events(2))
  const live = new SubscriptionRecorder(store.subscribeToAll())
  await live.until((r) => r.caughtUpIndex() >= 0)
  await server.close()
  await t.rejects(live.finished, { code: 'TRG_STORE_UNAVAILABLE' }, 'a live subscription ends with the error')
  await unavailable(t, store.append(stream, events(1)), 'append')
  await unavailable(t, collect(store.readStream(stream)), 'readStream')
  await unavailable(t, collect(store.readAll()), 'readAll')
})

t.test('an event without a global position is refused with the reason', async (t) => {
  const event = {
    streamId: 'plan-1',
    revision: 3n,
    id: '9b0c6a9e-2b1f-4d1e-9a55-0d8f2f1d9e01',
    type: 'plan.registered',
    data: {},
    metadata: undefined,
    isJson: true as const,
    created: new Date(0),
    position: undefined,
  }
  t.throws(() => toRecordedEvent({ event } as never), /global position of plan-1@3; EventStoreDB 22\.10 or later is required/)
})

t.test("events written by other clients: no metadata reads as {}, the server's own streams are skipped", async (t) => {
  const server = await startEventStoreDbTestServer()
  t.teardown(() => server.close())
  const store = await EventStoreDbEventStore.connect({ connectionString: server.connectionString })
  t.teardown(() => store.close())
  const other = EventStoreDBClient.connectionString(server.connectionString)
  t.teardown(() => other.dispose())
  const live = new SubscriptionRecorder(store.subscribeToAll())
  t.teardown(() => live.subscription.stop())
  await live.until((r) => r.caughtUpIndex() >= 0)

  // A stream the server keeps for itself, with an ordinary event type, gets past the server's
  // system-event filter (it matches types only) and must still not reach Treguesi.
  await other.appendToStream('$settings-copy', jsonEvent({ type: 'settings.changed', data: { at: 1 } }))
  await other.appendToStream('plain-1', jsonEvent({ type: 'noted', data: { text: 'Shënim i çelur' } }))
  await live.until((r) => r.events.length >= 1)
  t.same(
    live.events.map((e) => [e.stream, e.type, e.metadata]),
    [['plain-1', 'noted', {}]],
    'only the ordinary stream, live',
  )
  const [read] = await collect(store.readStream('plain-1'))
  t.same(read?.metadata, {}, 'an event without metadata reads with empty metadata')
  t.same(read?.data, { text: 'Shënim i çelur' })
  t.same(
    (await collect(store.readAll())).map((e) => e.stream),
    ['plain-1'],
    'readAll skips it too',
  )
})
