import { createServer } from 'node:net'
import t, { type Test } from 'tap'
import { isTreguesiError } from '@treguesi/errors'
import { EventStoreDbEventStore, loadStoreConfig, openEventStore } from '@treguesi/event-store'
import { toRecordedEvent } from '../src/eventstoredb/eventstoredb-event-store.js'
import { collect, events, SubscriptionRecorder, streamName } from '@treguesi/event-store/contract'
import { startEventStoreDbTestServer } from '@treguesi/eventstoredb-test-server'

async function unavailable(t: Test, work: Promise<unknown>, label: string): Promise<void> {
  const error = await work.then(
    () => new Error('it succeeded'),
    (reason: unknown) => reason,
  )
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
