import { isTreguesiError } from '@treguesi/errors'
import type { Test } from 'tap'
import type { EventStore, EventToAppend, ExpectedRevision } from '../port.js'
import type { ContractFixture } from './fixture.js'
import { collect, events, newEvent, steppingClock, streamName } from './support.js'

export type Opened = { store: EventStore; clock: () => Date }

/** Opens a store on fresh storage for one test and releases both when the test ends. */
export async function freshStore(t: Test, fixture: ContractFixture, clock = steppingClock()): Promise<EventStore> {
  const storage = await fixture.createStorage(clock)
  const store = await storage.open()
  t.teardown(async () => {
    await store.close()
    await storage.dispose()
  })
  return store
}

/** Awaits a promise expected to fail with a TreguesiError of `code`; returns the error. */
export async function rejectsWith(t: Test, promise: Promise<unknown>, code: string, message: string): Promise<unknown> {
  const [settled] = await Promise.allSettled([promise])
  t.equal(settled.status, 'rejected', `${message}: refused`)
  const error = (settled as PromiseRejectedResult).reason
  t.ok(isTreguesiError(error), `${message}: a TreguesiError`)
  t.equal((error as { code?: string }).code, code, message)
  return error
}

export function appendContract(t: Test, fixture: ContractFixture): void {
  t.test('records every field of an appended event', async (t) => {
    const clock = steppingClock(Date.UTC(2025, 0, 15, 8, 0, 0))
    const store = await freshStore(t, fixture, clock)
    const stream = streamName('plan')
    const first = newEvent('plan.registered', { title: 'Plani lokal' }, { actor: 'admin' })
    const second = newEvent('plan.approved', { decision: 'Nr. 12' })
    const result = await store.append(stream, [first, second], { expectedRevision: 'no_stream' })
    t.equal(result.nextExpectedRevision, 1n, 'the next expectation is the last revision')
    const recorded = await collect(store.readStream(stream))
    t.equal(recorded.length, 2)
    const [a, b] = recorded
    t.match(a, { stream, revision: 0n, id: first.id, type: 'plan.registered' })
    t.same(a!.data, { title: 'Plani lokal' })
    t.same(a!.metadata, { actor: 'admin' })
    t.same(b!.metadata, {}, 'metadata defaults to an empty object')
    t.equal(b!.revision, 1n)
    t.ok(b!.position > a!.position, 'positions increase within an append')
    t.equal(result.position, b!.position, 'the append reports the position of its last event')
    if (fixture.injectedClock) {
      t.equal(a!.recordedAt.toISOString(), '2025-01-15T08:00:00.000Z', 'record time comes from the injected clock')
      t.equal(a!.recordedAt.getTime(), b!.recordedAt.getTime(), 'one append is recorded at one time')
    } else {
      const age = Date.now() - a!.recordedAt.getTime()
      t.ok(age >= 0 && age < 60_000, `record time is the server's recent clock (${age} ms ago)`)
    }
    t.equal(await store.headPosition(), b!.position)
  })

  t.test('headPosition is null on an empty log', async (t) => {
    const store = await freshStore(t, fixture)
    t.equal(await store.headPosition(), null)
  })

  t.test('expected revision: each kind is met or refused with expected and actual', async (t) => {
    const store = await freshStore(t, fixture)
    const stream = streamName()
    const conflict = async (expected: ExpectedRevision, actual: bigint | 'no_stream', label: string) => {
      const error = await rejectsWith(
        t,
        store.append(stream, events(1), { expectedRevision: expected }),
        'TRG_STORE_WRONG_EXPECTED_REVISION',
        label,
      )
      t.match((error as { details: unknown }).details, { stream, expected, actual }, `${label}: details`)
    }
    await conflict('stream_exists', 'no_stream', 'stream_exists on a new stream')
    await conflict(0n, 'no_stream', 'an exact revision on a new stream')
    t.equal((await store.append(stream, events(1), { expectedRevision: 'no_stream' })).nextExpectedRevision, 0n)
    await conflict('no_stream', 0n, 'no_stream on an existing stream')
    await conflict(1n, 0n, 'a revision ahead of the stream')
    t.equal((await store.append(stream, events(2), { expectedRevision: 0n })).nextExpectedRevision, 2n)
    await conflict(0n, 2n, 'a stale revision')
    t.equal((await store.append(stream, events(1), { expectedRevision: 'stream_exists' })).nextExpectedRevision, 3n)
    t.equal((await store.append(stream, events(1), { expectedRevision: 'any' })).nextExpectedRevision, 4n)
    t.equal((await store.append(stream, events(1))).nextExpectedRevision, 5n, 'any is the default')
    t.equal((await collect(store.readStream(stream))).length, 6, 'refused appends wrote nothing')
  })

  t.test('bad input is refused with a code naming the field, and nothing is written', async (t) => {
    const store = await freshStore(t, fixture)
    const stream = streamName()
    const good = newEvent('test.ok')
    const cases: Array<[string, string, EventToAppend[], object | undefined, string]> = [
      ['', 'stream', [good], undefined, 'an empty stream name'],
      ['$system', 'stream', [good], undefined, 'a reserved stream name'],
      [stream, 'events', [], undefined, 'an empty batch'],
      [stream, 'events[1].id', [good, { ...newEvent('x'), id: 'not-a-uuid' }], undefined, 'an id that is not a UUID'],
      [stream, 'events[0].type', [{ ...good, type: '' }], undefined, 'an empty type'],
      [stream, 'events[0].type', [{ ...good, type: '$internal' }], undefined, 'a reserved type'],
      [stream, 'events[0].data', [{ ...good, data: [] as never }], undefined, 'data that is not an object'],
      [stream, 'events[0].metadata', [{ ...good, metadata: 'x' as never }], undefined, 'metadata that is not an object'],
      [stream, 'events[0].data', [{ ...good, data: { big: 1n } as never }], undefined, 'data that is not JSON'],
      [stream, 'events[1].id', [good, { ...newEvent('x'), id: good.id.toUpperCase() }], undefined, 'one id twice'],
      [stream, 'expectedRevision', [good], { expectedRevision: -1n }, 'a negative revision'],
      [stream, 'expectedRevision', [good], { expectedRevision: 'sometimes' }, 'an unknown expectation'],
    ]
    for (const [name, field, batch, options, label] of cases) {
      const error = await rejectsWith(t, store.append(name, batch, options as never), 'TRG_STORE_INVALID_APPEND', label)
      t.equal((error as { details: { field: string } }).details.field, field, `${label}: names ${field}`)
    }
    t.equal(await store.headPosition(), null, 'nothing was written')
  })

  t.test('an append is all or nothing', async (t) => {
    const store = await freshStore(t, fixture)
    const stream = streamName()
    await store.append(stream, events(1))
    const batch = [...events(3), { ...newEvent('x'), id: 'broken' }]
    await rejectsWith(t, store.append(stream, batch), 'TRG_STORE_INVALID_APPEND', 'one bad event')
    await rejectsWith(
      t,
      store.append(stream, events(3), { expectedRevision: 5n }),
      'TRG_STORE_WRONG_EXPECTED_REVISION',
      'a batch at the wrong revision',
    )
    t.equal((await collect(store.readStream(stream))).length, 1, 'no event of the refused batches was written')
  })

  t.test('a retried append writes nothing and returns the first result', async (t) => {
    const store = await freshStore(t, fixture)
    const stream = streamName()
    const other = streamName()
    await store.append(stream, events(2))
    const batch = events(3)
    const first = await store.append(stream, batch, { expectedRevision: 1n })
    t.same(await store.append(stream, batch, { expectedRevision: 1n }), first, 'same place, exact revision')
    t.same(await store.append(stream, batch, { expectedRevision: 'any' }), first, 'same events, any')
    t.same(await store.append(stream, batch, { expectedRevision: 'stream_exists' }), first, 'stream_exists')
    const upper = batch.map((event) => ({ ...event, id: event.id.toUpperCase() }))
    t.same(await store.append(stream, upper, { expectedRevision: 1n }), first, 'ids compare without case')
    await store.append(stream, events(1))
    t.same(await store.append(stream, batch, { expectedRevision: 1n }), first, 'still after later appends')
    const fresh = events(1)
    const created = await store.append(other, fresh, { expectedRevision: 'no_stream' })
    t.same(await store.append(other, fresh, { expectedRevision: 'no_stream' }), created, 'creating a stream')
    t.equal((await collect(store.readStream(stream))).length, 6, 'retries wrote nothing')
    t.equal((await collect(store.readStream(other))).length, 1)
    t.equal((await collect(store.readAll())).length, 7, 'nothing elsewhere either')
    await rejectsWith(
      t,
      store.append(stream, batch, { expectedRevision: 3n }),
      'TRG_STORE_WRONG_EXPECTED_REVISION',
      'the same ids at another place are a conflict, not a retry',
    )
  })

  t.test(
    'an event id recorded in one stream is refused in another',
    { skip: !fixture.globallyUniqueEventIds && 'this store keeps event ids unique per stream only' },
    async (t) => {
      const store = await freshStore(t, fixture)
      const event = newEvent('test.once')
      await store.append(streamName(), [event])
      const target = streamName()
      const error = await rejectsWith(t, store.append(target, [newEvent('x'), event]), 'TRG_STORE_DUPLICATE_EVENT_ID', 'reused id')
      t.match((error as { details: unknown }).details, { stream: target, eventId: event.id })
      t.equal((await collect(store.readAll())).length, 1, 'nothing of that append was written')
    },
  )

  t.test('a closed store refuses work, and closing twice is harmless', async (t) => {
    const storage = await fixture.createStorage(steppingClock())
    t.teardown(() => storage.dispose())
    const store = await storage.open()
    await store.close()
    await store.close()
    await rejectsWith(t, store.append(streamName(), events(1)), 'TRG_STORE_CLOSED', 'append')
    await rejectsWith(t, collect(store.readStream(streamName())), 'TRG_STORE_CLOSED', 'readStream')
    await rejectsWith(t, collect(store.readAll()), 'TRG_STORE_CLOSED', 'readAll')
    await rejectsWith(t, store.headPosition(), 'TRG_STORE_CLOSED', 'headPosition')
    await rejectsWith(
      t,
      Promise.resolve().then(() => store.subscribeToAll()),
      'TRG_STORE_CLOSED',
      'subscribeToAll',
    )
  })
}
