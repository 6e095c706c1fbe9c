import t, { type Test } from 'tap'
import { TreguesiError } from '@treguesi/errors'
import { chainedEventStore, chainOf, eventHash, verifyLog, withoutChain, type ChainedAppendOptions } from '@treguesi/audit'
import type { EventStore, EventToAppend, ExpectedRevision, RecordedEvent } from '@treguesi/event-store'
import { collect, events, newEvent, streamName } from '@treguesi/event-store/contract'
import { eventStoreDb, memoryStore, rejection, storeWith, withAppend } from './support.js'

/** Checks that each event links to the one before it and that its hash is its content's. */
function assertChained(t: Test, recorded: readonly RecordedEvent[]): void {
  let previous: string | null = null
  for (const event of recorded) {
    const chain = event.metadata.chain as { previous: string | null; hash: string }
    t.equal(chain.previous, previous, `${event.stream}@${event.revision} links to the event before it`)
    t.equal(
      chain.hash,
      eventHash({ previous, ...event, metadata: withoutChain(event.metadata) }),
      `${event.stream}@${event.revision}: the hash is its content's`,
    )
    previous = chain.hash
  }
}

t.test('every appended event carries a chain to the previous event of its stream', async (t) => {
  const store = chainedEventStore(memoryStore(t))
  const stream = streamName('plan')
  await store.append(stream, [newEvent('plan.registered', { title: 'Plani' }, { actor: 'admin' })], { expectedRevision: 'no_stream' })
  await store.append(stream, events(2), { expectedRevision: 0n })
  await store.append(stream, events(1), { expectedRevision: 'stream_exists' })
  await store.append(stream, events(1), { expectedRevision: 'any' })
  await store.append(stream, events(1))
  const other = streamName('indicator')
  await store.append(other, events(1))
  await store.append(other, events(1), { expectedRevision: 'stream_exists' })

  const recorded = await collect(store.readStream(stream))
  t.same(
    recorded.map((event) => event.revision),
    [0n, 1n, 2n, 3n, 4n, 5n],
  )
  assertChained(t, recorded)
  t.same(withoutChain(recorded[0]!.metadata), { actor: 'admin' }, 'the rest of the metadata is kept')
  t.same(Object.keys(recorded[1]!.metadata), ['chain'], 'metadata without any gets the chain alone')
  assertChained(t, await collect(store.readStream(other)))
  t.match(await verifyLog(store), { ok: true, checkedEvents: 8 })
})

t.test('data and metadata are hashed as the store keeps them', async (t) => {
  const store = chainedEventStore(memoryStore(t))
  const stream = streamName()
  const when = new Date(Date.UTC(2025, 0, 2))
  await store.append(stream, [
    {
      ...newEvent('test.odd'),
      data: { when, dropped: undefined, minusZero: -0, nested: { list: [1, undefined] } } as never,
      metadata: { note: 'ë' },
    },
  ])
  const [event] = await collect(store.readStream(stream))
  t.same(event!.data, { when: '2025-01-02T00:00:00.000Z', minusZero: 0, nested: { list: [1, null] } })
  t.match(await verifyLog(store), { ok: true, checkedEvents: 1 })
})

t.test('ids are hashed lower-cased, as the store records them', async (t) => {
  const store = chainedEventStore(memoryStore(t))
  const event = newEvent('test.upper')
  await store.append(streamName(), [{ ...event, id: event.id.toUpperCase() }])
  const [recorded] = await collect(store.readAll())
  t.equal(recorded!.id, event.id)
  t.match(await verifyLog(store), { ok: true })
})

t.test('a retried append writes nothing and returns the first result, whatever the expectation', async (t) => {
  const inner = memoryStore(t)
  const store = chainedEventStore(inner)
  const stream = streamName()
  await store.append(stream, events(2))
  const batch = events(3)
  const first = await store.append(stream, batch, { expectedRevision: 1n })
  // The contract, run through the decorator (chained-contract.test.ts), holds a retry at each
  // expectation; here, what the chain's retry window decides.
  t.same(await store.append(stream, batch, { expectedRevision: 'any' }), first, 'any')
  const upper = batch.map((event) => ({ ...event, id: event.id.toUpperCase() }))
  t.same(await store.append(stream, upper), first, 'ids compare without case')
  await store.append(stream, events(2))
  t.same(await store.append(stream, batch, { expectedRevision: 1n }), first, 'exact, after later appends')
  t.same(await store.append(stream, batch), first, 'any, after later appends within the retry window')
  const created = streamName()
  const fresh = events(2)
  const made = await store.append(created, fresh, { expectedRevision: 'no_stream' })
  t.same(await store.append(created, fresh, { expectedRevision: 'no_stream' }), made, 'creating a stream')
  t.same(await store.append(created, fresh), made, 'any, on the events that created the stream')
  t.equal((await collect(store.readAll())).length, 9, 'retries wrote nothing')
  t.match(await verifyLog(store), { ok: true, checkedEvents: 9 })

  const details = await rejection(
    t,
    store.append(stream, [batch[0]!, newEvent('test.other')]),
    'TRG_STORE_DUPLICATE_EVENT_ID',
    'a known first id followed by another id is not a retry',
  )
  t.same(details, { stream, eventId: batch[0]!.id })
  const narrow = chainedEventStore(inner, { retryWindow: 1 })
  t.not(narrow, store, 'another decorator of the same store')
  await rejection(
    t,
    narrow.append(stream, batch),
    'TRG_STORE_DUPLICATE_EVENT_ID',
    'beyond the retry window the ids are refused as recorded (SQLite keeps ids unique)',
  )
  t.equal((await collect(store.readAll())).length, 9, 'nothing was written by the refused appends')
})

t.test('an expectation the stream does not meet is refused before anything is written', async (t) => {
  const store = chainedEventStore(memoryStore(t))
  const stream = streamName()
  /** What an append of one event expecting `expectedRevision` is refused with: the expected and actual revisions. */
  const refusedAt = (expectedRevision: ExpectedRevision, message: string) =>
    rejection(t, store.append(stream, events(1), { expectedRevision }), 'TRG_STORE_WRONG_EXPECTED_REVISION', message)
  t.same(await refusedAt(0n, 'a revision on a new stream'), { stream, expected: 0n, actual: 'no_stream' })
  t.same(await refusedAt('stream_exists', 'stream_exists on a new stream'), { stream, expected: 'stream_exists', actual: 'no_stream' })
  await store.append(stream, events(2))
  t.same(await refusedAt(4n, 'a revision ahead of the stream'), { stream, expected: 4n, actual: 1n })
  t.match(await refusedAt(0n, 'a stale revision'), { stream, expected: 0n, actual: 1n })
  t.match(await refusedAt('no_stream', 'no_stream on an existing stream'), { stream, expected: 'no_stream', actual: 1n })
  t.equal((await collect(store.readAll())).length, 2)
})

t.test('bad input is refused with the field named, and nothing is written', async (t) => {
  const store = chainedEventStore(memoryStore(t))
  const stream = streamName()
  const good = newEvent('test.ok')
  const cycle: Record<string, unknown> = {}
  cycle.self = cycle
  const cases: Array<[string, string, unknown, object | undefined, string]> = [
    ['', 'stream', [good], undefined, 'an empty stream name'],
    ['$system', 'stream', [good], undefined, 'a reserved stream name'],
    ['s'.repeat(1001), 'stream', [good], undefined, 'a stream name too long'],
    [42 as never, 'stream', [good], undefined, 'a stream name that is no string'],
    [stream, 'expectedRevision', [good], { expectedRevision: -1n }, 'a negative revision'],
    [stream, 'expectedRevision', [good], { expectedRevision: 'sometimes' }, 'an unknown expectation'],
    [stream, 'events', [], undefined, 'an empty batch'],
    [stream, 'events', 'nope', undefined, 'a batch that is no array'],
    [stream, 'events[1]', [good, null], undefined, 'an event that is no object'],
    [stream, 'events[0].id', [{ ...good, id: 7 }], undefined, 'an id that is no string'],
    [stream, 'events[0].id', [{ ...good, id: 'not-a-uuid' }], undefined, 'an id that is no UUID (the store says so)'],
    [stream, 'events[0].type', [{ ...good, type: undefined }], undefined, 'a missing type'],
    [stream, 'events[0].type', [{ ...good, type: '$internal' }], undefined, 'a reserved type (the store says so)'],
    [stream, 'events[0].data', [{ ...good, data: [] }], undefined, 'data that is an array'],
    [stream, 'events[0].data', [{ ...good, data: new Date() }], undefined, 'data that JSON turns into a string'],
    [stream, 'events[0].data', [{ ...good, data: { big: 1n } }], undefined, 'data with a bigint'],
    [stream, 'events[0].data', [{ ...good, data: cycle }], undefined, 'data with a cycle'],
    [stream, 'events[0].metadata', [{ ...good, metadata: 'x' }], undefined, 'metadata that is no object'],
    [
      stream,
      'events[0].metadata.chain',
      [{ ...good, metadata: { chain: { previous: null, hash: 'x' } } }],
      undefined,
      'a chain given by the caller',
    ],
    [stream, 'events[1].id', [good, { ...newEvent('x'), id: good.id.toUpperCase() }], undefined, 'one id twice (the store says so)'],
  ]
  for (const [name, field, batch, options, label] of cases) {
    const details = await rejection(t, store.append(name, batch as EventToAppend[], options as never), 'TRG_STORE_INVALID_APPEND', label)
    t.equal(details.field, field, `${label}: names ${field}`)
  }
  t.equal(await store.headPosition(), null, 'nothing was written')
})

t.test('an event without a chain cannot be linked to', async (t) => {
  const inner = memoryStore(t)
  const stream = streamName()
  await inner.append(stream, events(1))
  const store = chainedEventStore(inner)
  for (const expectedRevision of [0n, 'any', 'stream_exists'] as const) {
    const details = await rejection(
      t,
      store.append(stream, events(1), { expectedRevision }),
      'TRG_EVENT_INVALID',
      `expected ${expectedRevision}`,
    )
    t.match(details.problem, new RegExp(`^${stream}@0 has no hash chain to link a new event to`))
  }
})

/** A store whose appends fail with a conflict the first `conflicts` times, as if another writer won. */
function contested(store: EventStore, conflicts: number): { store: EventStore; attempts: () => number } {
  let attempts = 0
  return {
    attempts: () => attempts,
    store: withAppend(store, async (stream, events, options) => {
      attempts += 1
      if (attempts <= conflicts) {
        throw new TreguesiError('TRG_STORE_WRONG_EXPECTED_REVISION', { stream, expected: 0n, actual: 1n })
      }
      return store.append(stream, events, options)
    }),
  }
}

t.test('any and stream_exists try again after losing to another writer, up to maxAttempts', async (t) => {
  const inner = memoryStore(t)
  const stream = streamName()
  await chainedEventStore(inner).append(stream, events(1))

  const twice = contested(inner, 2)
  await chainedEventStore(twice.store, { maxAttempts: 3 }).append(stream, events(1), { expectedRevision: 'stream_exists' })
  t.equal(twice.attempts(), 3, 'won at the third try')

  const always = contested(inner, 3)
  await rejection(
    t,
    chainedEventStore(always.store, { maxAttempts: 3 }).append(stream, events(1)),
    'TRG_STORE_WRONG_EXPECTED_REVISION',
    'gives up',
  )
  t.equal(always.attempts(), 3)

  const exact = contested(inner, 1)
  await rejection(
    t,
    chainedEventStore(exact.store).append(stream, events(1), { expectedRevision: 1n }),
    'TRG_STORE_WRONG_EXPECTED_REVISION',
    'an exact expectation is the caller’s to retry',
  )
  t.equal(exact.attempts(), 1)

  const failing = withAppend(inner, () => Promise.reject(new Error('disk full')))
  await t.rejects(chainedEventStore(failing).append(stream, events(1)), { message: 'disk full' }, 'other errors pass through')
  t.match(await verifyLog(inner), { ok: true, checkedEvents: 2 })
})

t.test('concurrent appends with any all land, on one unforked chain', async (t) => {
  const store = chainedEventStore(memoryStore(t))
  const stream = streamName()
  await Promise.all(Array.from({ length: 12 }, () => store.append(stream, events(2))))
  const recorded = await collect(store.readStream(stream))
  t.equal(recorded.length, 24)
  assertChained(t, recorded)
  t.match(await verifyLog(store), { ok: true, checkedEvents: 24 })
})

t.test('reads, subscriptions, head and close are the store’s own; wrapping twice changes nothing', async (t) => {
  const inner = memoryStore(t)
  const store = chainedEventStore(inner)
  t.equal(chainedEventStore(store), store)
  t.equal(store.kind, 'sqlite')
  t.equal(await store.headPosition(), null)
  await store.append(streamName(), events(2))
  const subscription = store.subscribeToAll()
  const seen: string[] = []
  for await (const message of subscription) {
    seen.push(message.kind)
    if (message.kind === 'caught-up') break
  }
  t.same(seen, ['event', 'event', 'caught-up'])
  t.same(await collect(store.readAll()), await collect(inner.readAll()))
  t.equal(await store.headPosition(), await inner.headPosition())
  await store.close()
  await rejection(t, inner.headPosition(), 'TRG_STORE_CLOSED', 'closing the decorator closes the store')
})

t.test('EventStoreDB: retries stay idempotent though the server would record the same ids twice', async (t) => {
  const store = chainedEventStore(await eventStoreDb(t))
  const stream = streamName()
  await store.append(stream, events(1))
  const batch = events(2)
  const first = await store.append(stream, batch)
  t.same(await store.append(stream, batch), first, 'any')
  await store.append(stream, events(1))
  t.same(await store.append(stream, batch, { expectedRevision: 'stream_exists' }), first, 'stream_exists, after a later append')
  const recorded = await collect(store.readStream(stream))
  t.equal(recorded.length, 4, 'no event was recorded twice')
  assertChained(t, recorded)
  t.match(await verifyLog(store), { ok: true, checkedEvents: 4 })
})

t.test('with the previous hash from the caller, an exact append links to it without reading', async (t) => {
  const recorded = memoryStore(t)
  let reads = 0
  const store = chainedEventStore(
    storeWith(recorded, {
      readStream: (stream, options) => {
        reads += 1
        return recorded.readStream(stream, options)
      },
    }),
  )
  const stream = streamName('indicator')
  await store.append(stream, events(2), { expectedRevision: 'no_stream' })
  const [last] = await collect(recorded.readStream(stream, { direction: 'backwards', maxCount: 1 }))
  const hash = chainOf(last!.metadata)!.hash
  reads = 0
  const linked: ChainedAppendOptions = { expectedRevision: 1n, previousHash: hash }
  t.same(await store.append(stream, events(1), linked), { nextExpectedRevision: 2n, position: 3n })
  t.equal(reads, 0, 'nothing was read to link the event')
  assertChained(t, await collect(recorded.readStream(stream)))

  const stale = await rejection(
    t,
    store.append(stream, events(1), linked),
    'TRG_STORE_WRONG_EXPECTED_REVISION',
    'a hash of an event no longer the last is not written',
  )
  t.match(stale, { stream, expected: 1n, actual: 2n })
  t.equal(await recorded.headPosition(), 3n, 'nothing was written')
  t.equal(reads, 0)

  for (const expectedRevision of ['any', 'stream_exists', 'no_stream'] as const) {
    const details = await rejection(
      t,
      store.append(stream, events(1), { expectedRevision, previousHash: hash } as ChainedAppendOptions),
      'TRG_STORE_INVALID_APPEND',
      `not with ${expectedRevision}`,
    )
    t.match(details, { field: 'previousHash', problem: /exact expectedRevision/ })
  }
  const malformed = await rejection(
    t,
    store.append(stream, events(1), { expectedRevision: 2n, previousHash: 'ABC' } as ChainedAppendOptions),
    'TRG_STORE_INVALID_APPEND',
    'a hash must look like one',
  )
  t.match(malformed, { field: 'previousHash', problem: /SHA-256/ })
  t.equal(await recorded.headPosition(), 3n)
  t.ok((await verifyLog(recorded)).ok, 'the log verifies')
})
