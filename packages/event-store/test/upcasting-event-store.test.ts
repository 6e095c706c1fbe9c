import t, { type Test } from 'tap'
import {
  SqliteEventStore,
  upcastingEventStore,
  type CatchUpSubscription,
  type EventStore,
  type RecordedEvent,
  type SubscribeOptions,
} from '@treguesi/event-store'
import { collect, eventStoreContract, inMemoryFixture, newEvent, streamName, SubscriptionRecorder } from '@treguesi/event-store/contract'

/** thing.counted.v1 recorded `{ n }`; v2 records `{ count }`. Any other type is current. */
const upcastThing = (event: RecordedEvent): RecordedEvent =>
  event.type === 'thing.counted.v1' ? { ...event, type: 'thing.counted.v2', data: { count: event.data.n! } } : event

// The decorated store is an event store like any other: the whole contract holds through it.
const decorated = inMemoryFixture('upcasting over sqlite :memory:', (clock) =>
  upcastingEventStore(new SqliteEventStore({ path: ':memory:', clock }), upcastThing),
)
eventStoreContract(t, decorated)

interface Log {
  readonly raw: SqliteEventStore
  readonly store: EventStore
  /** Every subscription the decorated store opened on the raw one. */
  readonly inner: CatchUpSubscription[]
  readonly things: string
  readonly others: string
}

/**
 * Two streams in one log: things (v1 and v2 events mixed) and others. Pages of two rows, so
 * every read crosses pages.
 */
async function mixedLog(t: Test, upcast = upcastThing): Promise<Log> {
  const raw = new SqliteEventStore({ path: ':memory:', pageSize: 2, pollIntervalMs: 20 })
  t.teardown(() => raw.close())
  const inner: CatchUpSubscription[] = []
  const watched: EventStore = {
    kind: raw.kind,
    append: (stream, events, options) => raw.append(stream, events, options),
    readStream: (stream, options) => raw.readStream(stream, options),
    readAll: (options) => raw.readAll(options),
    subscribeToAll: (options?: SubscribeOptions) => {
      const subscription = raw.subscribeToAll(options)
      inner.push(subscription)
      return subscription
    },
    headPosition: () => raw.headPosition(),
    close: () => raw.close(),
  }
  const things = streamName('thing')
  const others = streamName('other')
  await raw.append(things, [newEvent('thing.counted.v1', { n: 1 }), newEvent('thing.counted.v1', { n: 2 })])
  await raw.append(others, [newEvent('other.noted.v1', { note: 'a' })])
  await raw.append(things, [newEvent('thing.counted.v2', { count: 3 }), newEvent('thing.counted.v1', { n: 4 })])
  await raw.append(others, [newEvent('other.noted.v1', { note: 'b' }), newEvent('thing.counted.v1', { n: 5 })])
  return { raw, store: upcastingEventStore(watched, upcast), inner, things, others }
}

const summary = (events: readonly RecordedEvent[]) => events.map((event) => `${event.type} ${JSON.stringify(event.data)}`)
const counts = (events: readonly RecordedEvent[]) => events.map((event) => (event.data as { count?: number }).count ?? '-')

t.test('readStream gives every event as its current version, and keeps the rest', async (t) => {
  const { raw, store, things } = await mixedLog(t)
  const read = await collect(store.readStream(things))
  t.same(counts(read), [1, 2, 3, 4])
  t.same(
    read.map((event) => event.type),
    ['thing.counted.v2', 'thing.counted.v2', 'thing.counted.v2', 'thing.counted.v2'],
  )
  const recorded = await collect(raw.readStream(things))
  t.same(recorded.map((event) => event.type)[0], 'thing.counted.v1', 'the log keeps what was recorded')
  t.strictSame(
    read.map(({ type: _type, data: _data, ...rest }) => rest),
    recorded.map(({ type: _type, data: _data, ...rest }) => rest),
    'position, revision, id, metadata and record time as recorded',
  )
  t.same(counts(await collect(store.readStream(things, { direction: 'backwards', fromRevision: 2n, maxCount: 2 }))), [3, 2])
})

t.test('readAll gives every event as its current version', async (t) => {
  const { store } = await mixedLog(t)
  t.same(summary(await collect(store.readAll())), [
    'thing.counted.v2 {"count":1}',
    'thing.counted.v2 {"count":2}',
    'other.noted.v1 {"note":"a"}',
    'thing.counted.v2 {"count":3}',
    'thing.counted.v2 {"count":4}',
    'other.noted.v1 {"note":"b"}',
    'thing.counted.v2 {"count":5}',
  ])
  t.same(counts(await collect(store.readAll({ direction: 'backwards', maxCount: 3 }))), [5, '-', 4])
  t.same(summary(await collect(store.readAll({ filter: { streamPrefixes: ['other-'] } }))), [
    'other.noted.v1 {"note":"a"}',
    'other.noted.v1 {"note":"b"}',
    'thing.counted.v2 {"count":5}',
  ])
})

t.test('a type filter names current types and matches what events are upcast to', async (t) => {
  const { store, things } = await mixedLog(t)
  const read = (options: Parameters<EventStore['readAll']>[0]) => collect(store.readAll(options))
  t.same(counts(await read({ filter: { eventTypePrefixes: ['thing.counted.v2'] } })), [1, 2, 3, 4, 5], 'v1 events among them')
  t.same(await read({ filter: { eventTypePrefixes: ['thing.counted.v1'] } }), [], 'no event reads as an old version')
  t.same(counts(await read({ filter: { eventTypePrefixes: ['thing.'] }, maxCount: 3 })), [1, 2, 3], 'maxCount counts matches')
  t.same(counts(await read({ filter: { eventTypePrefixes: ['thing.'] }, maxCount: 10 })), [1, 2, 3, 4, 5])
  t.same(counts(await read({ filter: { eventTypePrefixes: ['thing.'] }, direction: 'backwards', maxCount: 2 })), [5, 4], 'backwards')
  const all = await read({})
  t.same(
    counts(await read({ filter: { eventTypePrefixes: ['thing.'] }, fromPosition: all[2]!.position, maxCount: 1 })),
    [3],
    'from a position, exclusive',
  )
  t.same(
    counts(await read({ filter: { eventTypePrefixes: ['thing.', 'other.'], streamPrefixes: [things] } })),
    [1, 2, 3, 4],
    'with a stream filter, both must match',
  )
  t.same(summary(await read({ filter: { eventTypePrefixes: ['other.', 'thing.counted.v2'], streamPrefixes: ['other-'] } })), [
    'other.noted.v1 {"note":"a"}',
    'other.noted.v1 {"note":"b"}',
    'thing.counted.v2 {"count":5}',
  ])
})

t.test('read options are checked even where they are not passed on', async (t) => {
  const { store } = await mixedLog(t)
  await t.rejects(collect(store.readAll({ filter: { eventTypePrefixes: ['thing.'] }, maxCount: 0 })), {
    code: 'TRG_STORE_INVALID_READ',
    details: { field: 'maxCount' },
  })
  await t.rejects(collect(store.readAll({ filter: { eventTypePrefixes: [''] } })), {
    code: 'TRG_STORE_INVALID_READ',
    details: { field: 'filter.eventTypePrefixes.0' },
  })
  t.throws(() => store.subscribeToAll({ filter: { eventTypePrefixes: [''] } }), {
    code: 'TRG_STORE_INVALID_READ',
    details: { field: 'filter.eventTypePrefixes.0' },
  })
})

t.test('a subscription delivers history and live events as current versions, filtered by current types', async (t) => {
  const { raw, store, things } = await mixedLog(t)
  const all = new SubscriptionRecorder(store.subscribeToAll())
  const counted = new SubscriptionRecorder(store.subscribeToAll({ filter: { eventTypePrefixes: ['thing.counted.v2'] } }))
  const inThings = new SubscriptionRecorder(store.subscribeToAll({ filter: { eventTypePrefixes: ['thing.'], streamPrefixes: [things] } }))
  const head = await raw.headPosition()
  for (const recorder of [all, counted, inThings]) {
    await recorder.until((r) => r.caughtUpIndex() >= 0)
    t.same(recorder.messages[recorder.caughtUpIndex()], { kind: 'caught-up', position: head }, 'caught up at the head')
  }
  t.same(counts(all.events), [1, 2, '-', 3, 4, '-', 5])
  t.same(counts(counted.events), [1, 2, 3, 4, 5])
  t.same(counts(inThings.events), [1, 2, 3, 4])

  await raw.append(things, [newEvent('thing.counted.v1', { n: 6 }), newEvent('other.noted.v1', { note: 'c' })])
  await raw.append(streamName('thing'), [newEvent('thing.counted.v1', { n: 7 })])
  await all.until((r) => r.events.length === 10)
  await counted.until((r) => r.events.length === 7)
  await inThings.until((r) => r.events.length === 5)
  t.same(counts(all.events.slice(7)), [6, '-', 7])
  t.same(counts(counted.events.slice(5)), [6, 7])
  t.same(counts(inThings.events.slice(4)), [6])

  for (const recorder of [all, counted, inThings]) {
    await recorder.subscription.stop()
    await recorder.finished
  }
  await raw.append(things, [newEvent('thing.counted.v1', { n: 8 })])
  await new Promise((resolve) => setTimeout(resolve, 100))
  t.equal(all.events.length, 10, 'nothing arrives after stop')
})

t.test('leaving the loop ends the subscription underneath', async (t) => {
  const { store, inner } = await mixedLog(t)
  const seen: RecordedEvent[] = []
  for await (const message of store.subscribeToAll({ filter: { eventTypePrefixes: ['thing.'] } })) {
    if (message.kind === 'event') seen.push(message.event)
    if (seen.length === 2) break
  }
  t.same(counts(seen), [1, 2])
  t.same(await inner[0]![Symbol.asyncIterator]().next(), { done: true, value: undefined })
})

t.test('an event that cannot be upcast fails the read, and ends the subscription underneath', async (t) => {
  const refuse = (event: RecordedEvent): RecordedEvent => {
    if (event.type === 'other.noted.v1') throw new Error(`cannot read ${event.type}`)
    return upcastThing(event)
  }
  const { store, inner, things } = await mixedLog(t, refuse)
  t.same(counts(await collect(store.readStream(things))), [1, 2, 3, 4])
  await t.rejects(collect(store.readAll()), { message: 'cannot read other.noted.v1' })
  await t.rejects(collect(store.readAll({ filter: { eventTypePrefixes: ['thing.'] } })), {
    message: 'cannot read other.noted.v1',
  })
  await t.rejects(collect(store.subscribeToAll()), { message: 'cannot read other.noted.v1' })
  t.same(await inner[0]![Symbol.asyncIterator]().next(), { done: true, value: undefined })
})

t.test('appends, the head and closing go to the store as they are', async (t) => {
  const { raw, store } = await mixedLog(t)
  t.equal(store.kind, 'sqlite')
  const stream = streamName('thing')
  const result = await store.append(stream, [newEvent('thing.counted.v1', { n: 9 })], { expectedRevision: 'no_stream' })
  t.equal(result.nextExpectedRevision, 0n)
  const [recorded] = await collect(raw.readStream(stream))
  t.equal(recorded!.type, 'thing.counted.v1', 'recorded as written')
  t.strictSame(recorded!.data, { n: 9 })
  t.equal(await store.headPosition(), result.position)
  await t.rejects(store.append(stream, [newEvent('thing.counted.v2', { count: 10 })], { expectedRevision: 'no_stream' }), {
    code: 'TRG_STORE_WRONG_EXPECTED_REVISION',
  })
  await store.close()
  await t.rejects(raw.headPosition(), { code: 'TRG_STORE_CLOSED' }, 'closing closes the store underneath')
})
