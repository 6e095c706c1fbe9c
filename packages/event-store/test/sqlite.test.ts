import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import t, { type Test } from 'tap'
import { SqliteEventStore } from '@treguesi/event-store'
import { collect, events, streamName } from '@treguesi/event-store/contract'
import { migrations } from '../src/sqlite/schema.js'

function tempPath(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'treguesi-sqlite-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'events.db')
}

t.test('the file is in WAL mode with the schema version recorded', async (t) => {
  const path = tempPath(t)
  const store = new SqliteEventStore({ path, sync: 'full' })
  await store.append(streamName(), events(1))
  await store.close()
  const raw = new BetterSqlite3(path, { readonly: true })
  t.equal(raw.pragma('journal_mode', { simple: true }), 'wal')
  t.equal(raw.pragma('user_version', { simple: true }), 2)
  raw.close()
})

t.test('positions are never reused, even when the newest rows were removed', async (t) => {
  const path = tempPath(t)
  const store = new SqliteEventStore({ path })
  const stream = streamName()
  const first = await store.append(stream, events(3))
  const raw = new BetterSqlite3(path)
  raw.prepare('DELETE FROM events WHERE position = ?').run(first.position)
  raw.close()
  const next = await store.append(streamName(), events(1))
  t.equal(next.position, first.position + 1n, 'the deleted position stays used')
  await store.close()
})

t.test('a database from a newer schema version is refused, and released', async (t) => {
  const path = tempPath(t)
  const raw = new BetterSqlite3(path)
  raw.pragma('user_version = 99')
  raw.close()
  t.throws(() => new SqliteEventStore({ path }), /schema version 99, newer than this Treguesi understands \(2\)/)
  rmSync(path)
  const store = new SqliteEventStore({ path })
  t.equal(await store.headPosition(), null, 'the file was not held open')
  await store.close()
})

t.test('a second connection to an existing file migrates nothing and sees the log', async (t) => {
  const path = tempPath(t)
  const first = new SqliteEventStore({ path })
  const stream = streamName()
  await first.append(stream, events(2))
  const second = new SqliteEventStore({ path })
  t.equal((await collect(second.readStream(stream))).length, 2)
  await Promise.all([first.close(), second.close()])
})

t.test('a retry that only partly matches the first append is not mistaken for it', async (t) => {
  const store = new SqliteEventStore({ path: ':memory:' })
  t.teardown(() => store.close())
  const stream = streamName()
  const [a, b, c] = events(3)
  await store.append(stream, [a!, b!], { expectedRevision: 'no_stream' })
  await t.rejects(
    store.append(stream, [a!, c!], { expectedRevision: 'no_stream' }),
    { code: 'TRG_STORE_WRONG_EXPECTED_REVISION' },
    'same first event, different second: the stream has moved on',
  )
  await t.rejects(
    store.append(stream, [a!, c!], { expectedRevision: 'any' }),
    { code: 'TRG_STORE_DUPLICATE_EVENT_ID', details: { eventId: a!.id } },
    'without an expectation: the repeated id is refused',
  )
  t.same(
    (await collect(store.readStream(stream))).map((e) => e.id),
    [a!.id, b!.id],
    'nothing was written',
  )
})

/** A file as Treguesi wrote it before version 2: the first step of the layout only. */
function version1File(path: string): Database {
  const old = new BetterSqlite3(path)
  old.exec(migrations[0]!)
  old.pragma('user_version = 1')
  return old
}

t.test('a version 1 file is converted in place: the same events, ids still unique, positions still never reused', async (t) => {
  const path = tempPath(t)
  const old = version1File(path)
  const insert = old.prepare(
    'INSERT INTO events (stream, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  const streams = [streamName(), streamName()]
  const written = events(4)
  written.forEach((event, i) => {
    const at = new Date(Date.UTC(2026, 0, 1 + i)).toISOString()
    insert.run(streams[i % 2], Math.floor(i / 2), event.id.toLowerCase(), event.type, JSON.stringify(event.data), '{"by":"v1"}', at)
  })
  // The newest row removed: its position must stay used after the conversion too.
  const removed = events(1)[0]!
  insert.run(streams[0], 2, removed.id, removed.type, '{}', '{}', new Date(0).toISOString())
  old.prepare('DELETE FROM events WHERE position = 5').run()
  old.close()

  const store = new SqliteEventStore({ path })
  t.teardown(() => store.close())
  t.same(
    await collect(store.readAll()),
    written.map((event, i) => ({
      stream: streams[i % 2],
      revision: BigInt(Math.floor(i / 2)),
      position: BigInt(i + 1),
      id: event.id.toLowerCase(),
      type: event.type,
      data: event.data,
      metadata: { by: 'v1' },
      recordedAt: new Date(Date.UTC(2026, 0, 1 + i)),
    })),
    'every event as it was written, at its position',
  )
  await t.rejects(
    store.append(streamName(), [{ ...events(1)[0]!, id: written[3]!.id.toUpperCase() }]),
    { code: 'TRG_STORE_DUPLICATE_EVENT_ID', details: { eventId: written[3]!.id.toLowerCase() } },
    'an id of the converted log is refused in another stream',
  )
  t.same(
    await store.append(streams[1]!, [written[3]!], { expectedRevision: 0n }),
    { nextExpectedRevision: 1n, position: 4n },
    'a retry of a converted append is still answered with its first result',
  )
  t.same(await store.append(streamName(), events(1)), { nextExpectedRevision: 0n, position: 6n })
  const raw = new BetterSqlite3(path, { readonly: true })
  t.teardown(() => raw.close())
  t.equal(raw.pragma('user_version', { simple: true }), 2)
  t.same(raw.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' ORDER BY name").pluck().all(), [
    'events_event_id',
    'events_stream_revision',
  ])
})

t.test('a version 1 file with an id that is not a UUID is left as it was', async (t) => {
  const path = tempPath(t)
  const old = version1File(path)
  old
    .prepare(
      "INSERT INTO events (stream, revision, event_id, type, data, metadata, recorded_at) VALUES ('s', 0, 'ghost', 't', '{}', '{}', 'now')",
    )
    .run()
  old.close()
  t.throws(() => new SqliteEventStore({ path }), /NOT NULL constraint failed: events_v2.event_id/)
  const raw = new BetterSqlite3(path, { readonly: true })
  t.teardown(() => raw.close())
  t.equal(raw.pragma('user_version', { simple: true }), 1)
  t.same(raw.prepare('SELECT event_id FROM events').pluck().all(), ['ghost'])
})

t.test('an insert the storage refuses for another reason than a repeated id is not reported as one', async (t) => {
  const path = tempPath(t)
  const store = new SqliteEventStore({ path })
  t.teardown(() => store.close())
  const raw = new BetterSqlite3(path)
  raw.exec("CREATE TRIGGER refuse BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END")
  raw.close()
  await t.rejects(store.append(streamName(), events(1)), { code: 'SQLITE_CONSTRAINT_TRIGGER', message: 'refused by a trigger' })
})
