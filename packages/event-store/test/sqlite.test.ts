import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import t, { type Test } from 'tap'
import { SqliteEventStore } from '@treguesi/event-store'
import { collect, events, streamName } from '@treguesi/event-store/contract'

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
  t.equal(raw.pragma('user_version', { simple: true }), 1)
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
  t.throws(() => new SqliteEventStore({ path }), /schema version 99, newer than this Treguesi understands \(1\)/)
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
  t.same((await collect(store.readStream(stream))).map((e) => e.id), [a!.id, b!.id], 'nothing was written')
})
