/**
 * Events in the log that cannot be decoded: a SQLite row whose JSON was damaged in the file, an
 * EventStoreDB event another client wrote as something other than a JSON object. Each adapter
 * names the event's position with TRG_EVENT_UNREADABLE, after delivering everything before it.
 * Not in the contract suite: a private in-memory SQLite log cannot be damaged from outside.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { binaryEvent, EventStoreDBClient, jsonEvent } from '@eventstore/db-client'
import BetterSqlite3 from 'better-sqlite3'
import t, { type Test } from 'tap'
import { isTreguesiError } from '@treguesi/errors'
import { SqliteEventStore, type EventStore, type RecordedEvent } from '@treguesi/event-store'
import { EventStoreDbEventStore } from '@treguesi/event-store/eventstoredb'
import { collect, events, newEvent, streamName, SubscriptionRecorder } from '@treguesi/event-store/contract'
import { startEventStoreDbTestServer } from '@treguesi/eventstoredb-test-server'

/** What a read gave before it failed, and the position and problem its failure named. */
async function readUntilFailure(read: AsyncIterable<RecordedEvent>): Promise<{ read: bigint[]; position?: string; problem?: string }> {
  const positions: bigint[] = []
  try {
    for await (const event of read) positions.push(event.position)
  } catch (error) {
    if (!isTreguesiError(error, 'TRG_EVENT_UNREADABLE')) throw error
    return { read: positions, ...error.details }
  }
  return { read: positions }
}

async function sqliteLog(t: Test): Promise<{ store: SqliteEventStore; damage: (position: number, sql: string) => void; stream: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'treguesi-unreadable-'))
  const path = join(dir, 'events.db')
  // A small page, so the damaged row is read in a page of its own and in one shared with others.
  const store = new SqliteEventStore({ path, pageSize: 2, pollIntervalMs: 20 })
  t.teardown(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const stream = streamName('plan')
  await store.append(stream, [newEvent('plan.drafted', { titulli: 'Plani për barazinë gjinore' }), ...events(3)])
  await store.append(streamName('other'), events(1, 'other.happened'))
  const damage = (position: number, sql: string): void => {
    const raw = new BetterSqlite3(path)
    raw.prepare(`UPDATE events SET ${sql} WHERE position = ?`).run(position)
    raw.close()
  }
  return { store, damage, stream }
}

t.test('sqlite: a row whose data or metadata no longer parses is named by its position', async (t) => {
  const { store, damage, stream } = await sqliteLog(t)
  damage(3, "data = '[' || substr(data, 2)")
  t.match(
    await readUntilFailure(store.readAll()),
    { read: [1n, 2n], position: '3', problem: /^its data is not valid JSON \(.+\)$/ },
    'reading the log, the events before it come first',
  )
  t.match(await readUntilFailure(store.readStream(stream)), { read: [1n, 2n], position: '3' }, 'reading the stream')
  t.match(
    await readUntilFailure(store.readAll({ direction: 'backwards' })),
    { read: [5n, 4n], position: '3' },
    'reading backwards, the events after it come first',
  )
  t.same(await readUntilFailure(store.readAll({ maxCount: 2 })), { read: [1n, 2n] }, 'a read that stops before it is unaffected')
  t.same(
    await readUntilFailure(store.readAll({ filter: { eventTypePrefixes: ['other.'] } })),
    { read: [5n] },
    'a read whose filter leaves it out is unaffected',
  )
  const recorder = new SubscriptionRecorder(store.subscribeToAll())
  await t.rejects(recorder.finished, { code: 'TRG_EVENT_UNREADABLE', details: { position: '3' } }, 'a subscription ends with it')
  t.same(
    recorder.events.map((event) => event.position),
    [1n, 2n],
    'after the events before it',
  )
  t.equal(recorder.caughtUpIndex(), -1, 'never claiming to have caught up')
})

t.test('sqlite: JSON that is not an object, damaged metadata, a record time that is no time', async (t) => {
  const { store, damage } = await sqliteLog(t)
  damage(2, `data = '"Plani për barazinë gjinore"'`)
  t.match(
    await readUntilFailure(store.readAll()),
    { read: [1n], position: '2', problem: 'its data is JSON but not an object' },
    'a JSON string',
  )
  damage(2, `data = '{}', metadata = '{"actor": '`)
  t.match(
    await readUntilFailure(store.readAll()),
    { read: [1n], position: '2', problem: /^its metadata is not valid JSON/ },
    'cut-off metadata',
  )
  damage(2, `metadata = '[]'`)
  t.match(
    await readUntilFailure(store.readAll()),
    { position: '2', problem: 'its metadata is JSON but not an object' },
    'metadata as an array',
  )
  damage(2, `metadata = '{}', recorded_at = 'e martë'`)
  t.match(
    await readUntilFailure(store.readAll()),
    { position: '2', problem: 'its record time "e martë" is not a date-time' },
    'a record time in words',
  )
  damage(2, `recorded_at = '2025-03-01T09:30:00.000Z'`)
  t.same((await readUntilFailure(store.readAll())).read, [1n, 2n, 3n, 4n, 5n], 'repaired, the log reads through again')
})

t.test('the error says which event and why, in words', async (t) => {
  const { store, damage } = await sqliteLog(t)
  damage(4, 'data = substr(data, 1, 3)')
  const [settled] = await Promise.allSettled([collect(store.readAll())])
  const error = (settled as PromiseRejectedResult).reason as Error & { code: string; category: string }
  t.equal(error.code, 'TRG_EVENT_UNREADABLE')
  t.equal(error.category, 'INTERNAL', 'the log is at fault, not the caller')
  t.match(error.message, /^The event at position 4 cannot be read: its data is not valid JSON/)
})

async function eventStoreDbLog(t: Test): Promise<{ store: EventStore; other: EventStoreDBClient }> {
  const server = await startEventStoreDbTestServer()
  const store = await EventStoreDbEventStore.connect({ connectionString: server.connectionString, pageSize: 2 })
  const other = EventStoreDBClient.connectionString(server.connectionString)
  t.teardown(async () => {
    await other.dispose()
    await store.close()
    await server.close()
  })
  return { store, other }
}

t.test('eventstoredb: an event another client wrote as bytes, as a JSON string, or with binary metadata', async (t) => {
  const { store, other } = await eventStoreDbLog(t)
  const stream = streamName('plan')
  await store.append(stream, events(2))
  const [first, second] = await collect(store.readAll())
  const written = await other.appendToStream(stream, binaryEvent({ type: 'plan.noted', data: Buffer.from('Shënim, jo JSON') }))
  t.match(
    await readUntilFailure(store.readAll()),
    {
      read: [first!.position, second!.position],
      position: written.position!.commit.toString(),
      problem: 'its data is not JSON (it was written with a binary content type)',
    },
    'bytes: reading the log',
  )
  t.match(await readUntilFailure(store.readStream(stream)), { read: [first!.position, second!.position], problem: /binary content type/ })
  const recorder = new SubscriptionRecorder(store.subscribeToAll())
  await t.rejects(
    recorder.finished,
    { code: 'TRG_EVENT_UNREADABLE', details: { problem: /binary content type/ } },
    'the subscription ends with it',
  )
  t.same(
    recorder.events.map((event) => event.position),
    [first!.position, second!.position],
  )

  const text = streamName('text')
  await other.appendToStream(text, jsonEvent({ type: 'plan.noted', data: 'Shënim' as never }))
  t.match(await readUntilFailure(store.readStream(text)), { read: [], problem: 'its data is not a JSON object' })
  const metadata = streamName('metadata')
  await other.appendToStream(metadata, jsonEvent({ type: 'plan.noted', data: { ok: true }, metadata: Buffer.from('{"actor": ') as never }))
  t.match(await readUntilFailure(store.readStream(metadata)), { read: [], problem: 'its metadata is not a JSON object' })
  t.same(
    await readUntilFailure(store.readAll({ filter: { streamPrefixes: [stream] }, maxCount: 2 })),
    { read: [first!.position, second!.position] },
    'a read that stops before it is unaffected',
  )
  t.same(
    await readUntilFailure(store.readAll({ filter: { eventTypePrefixes: ['test.'] } })),
    { read: [first!.position, second!.position] },
    'so is one whose filter leaves it out',
  )
})

t.test('eventstoredb: a live subscription that reaches such an event ends with it', async (t) => {
  const { store, other } = await eventStoreDbLog(t)
  const recorder = new SubscriptionRecorder(store.subscribeToAll({ filter: { eventTypePrefixes: ['plan.'] } }))
  await recorder.until((r) => r.caughtUpIndex() >= 0)
  const ended = t.rejects(recorder.finished, { code: 'TRG_EVENT_UNREADABLE' })
  await other.appendToStream('skipped', binaryEvent({ type: 'other.noted', data: Buffer.from('bytes') }))
  await store.append(streamName('plan'), [newEvent('plan.noted', { tekst: 'çështje' })])
  await other.appendToStream(streamName('plan'), binaryEvent({ type: 'plan.noted', data: Buffer.from('bytes') }))
  await ended
  t.same(
    recorder.events.map((event) => event.data),
    [{ tekst: 'çështje' }],
    'the filtered-out event did not stop it; the readable one came first',
  )
})
