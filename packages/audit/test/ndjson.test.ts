import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import t, { type Test } from 'tap'
import { exportLog, importLog, sealLog, sealStream, verifyLog, type ExportLine } from '@treguesi/audit'
import { SqliteEventStore, type EventStore, type RecordedEvent } from '@treguesi/event-store'
import { collect, events } from '@treguesi/event-store/contract'
import { eventStoreDb, fileStore, memoryStore, rejection, tempDir, writeMunicipalLog } from './support.js'

/** What an import must reproduce: everything but the position and the record time. */
const portable = (event: RecordedEvent) => {
  const { position: _position, recordedAt: _recordedAt, ...rest } = event
  return rest
}

async function source(t: Test): Promise<{ path: string; store: SqliteEventStore; lines: string[] }> {
  const path = join(tempDir(t), 'source.db')
  const store = fileStore(t, path)
  await writeMunicipalLog(store)
  return { path, store, lines: await collect(exportLog(store)) }
}

/** A SQLite store whose record time an import sets, as the CLI opens it. */
function importTarget(t: Test, path: string): { store: SqliteEventStore; onRecordTime: (at: Date) => void } {
  let recordTime = new Date()
  const store = new SqliteEventStore({ path, clock: () => recordTime })
  t.teardown(() => store.close())
  return { store, onRecordTime: (at) => (recordTime = at) }
}

t.test('export writes one line per event, in log order, with every field', async (t) => {
  const { store, lines } = await source(t)
  const all = await collect(store.readAll())
  t.equal(lines.length, 15)
  const first = JSON.parse(lines[0]!) as ExportLine
  t.same(Object.keys(first), ['position', 'stream', 'revision', 'id', 'type', 'data', 'metadata', 'recordedAt'])
  t.same(first, {
    position: '1',
    stream: 'plan-1',
    revision: '0',
    id: all[0]!.id,
    type: 'plan.registered.v1',
    data: all[0]!.data,
    metadata: all[0]!.metadata,
    recordedAt: all[0]!.recordedAt.toISOString(),
  })
  t.same(
    lines.map((line) => (JSON.parse(line) as ExportLine).position),
    all.map((event) => String(event.position)),
  )
  t.notMatch(lines.join(''), /\n/, 'no line ends: the caller writes them')
  const plan = (await collect(exportLog(store, { stream: 'plan-1' }))).map((line) => JSON.parse(line) as ExportLine)
  t.same(
    plan.map((line) => [line.stream, line.revision]),
    [0, 1, 2, 3, 4].map((revision) => ['plan-1', String(revision)]),
  )
})

t.test('SQLite → SQLite: the same log, byte for byte, record times kept; it verifies with the same head', async (t) => {
  const { path, store, lines } = await source(t)
  const copyPath = join(tempDir(t), 'copy.db')
  const target = importTarget(t, copyPath)
  const result = await importLog(target.store, lines, { onRecordTime: target.onRecordTime })
  t.same(result, { events: 15, head: 15n })
  t.same(await collect(target.store.readAll()), await collect(store.readAll()), 'every field, positions and record times included')
  const rows = (file: string) => {
    const raw = new BetterSqlite3(file, { readonly: true })
    const all = raw
      .prepare('SELECT position, stream, revision, event_id, type, data, metadata, recorded_at FROM events ORDER BY position')
      .all()
    raw.close()
    return all
  }
  t.same(rows(copyPath), rows(path), 'the rows are byte-identical, metadata and hash chain included')
  const original = await verifyLog(store)
  t.same(await verifyLog(target.store), original, 'the copy verifies, with the same head')
  t.same(await collect(exportLog(target.store)), lines, 'and exports the same lines')
})

t.test('SQLite → EventStoreDB → SQLite: streams, revisions, order and chain survive; the copies verify', async (t) => {
  const { store, lines } = await source(t)
  const original = await verifyLog(store)
  const server = await eventStoreDb(t)
  t.same(await importLog(server, lines, { batchSize: 2 }), { events: 15, head: (await server.headPosition())! })
  const copied = await collect(server.readAll())
  t.same(copied.map(portable), (await collect(store.readAll())).map(portable))
  t.not(copied[0]!.position, 1n, 'EventStoreDB numbers positions its own way')
  const onServer = await verifyLog(server)
  t.match(onServer, { ok: true, checkedEvents: 15 })
  t.equal(onServer.head!.hash, original.head!.hash, 'the rolling hash does not depend on positions')

  // A seal made on the copy recomputes from the start, where the old seal's positions mean nothing.
  t.match(await sealLog(server), { sealed: true, seal: { events: 15n } })
  t.match(await verifyLog(server), { ok: true, checkedEvents: 16 })
  t.match(await sealLog(server), { sealed: false }, 'and the next one continues from it')

  const back = memoryStore(t)
  await importLog(back, await collect(exportLog(server)))
  t.match(await verifyLog(back), { ok: true, checkedEvents: 16 })
  t.same((await collect(back.readAll())).map(portable), (await collect(server.readAll())).map(portable))
})

t.test('one stream exported and imported alone', async (t) => {
  const { store } = await source(t)
  const target = memoryStore(t)
  t.same(await importLog(target, exportLog(store, { stream: 'indicator-1' })), { events: 4, head: 4n })
  t.match(await verifyLog(target), { ok: true, checkedEvents: 4 })
  const seals = memoryStore(t)
  await importLog(seals, exportLog(store, { stream: sealStream }))
  t.match(await verifyLog(seals), { ok: false, firstBadPosition: 1n }, 'seals without the events they cover do not verify')
})

t.test('an import needs an empty store', async (t) => {
  const { lines } = await source(t)
  const target = memoryStore(t)
  await target.append('plan-9', events(1))
  t.same(await rejection(t, importLog(target, lines), 'TRG_INVALID_STATE', 'a store with events'), {
    entity: 'event store',
    id: 'sqlite',
    state: 'not empty',
    action: 'imported into (an import needs an empty store)',
  })
  t.equal((await collect(target.readAll())).length, 1, 'nothing was imported')
})

t.test('blank lines are skipped; an empty export imports nothing', async (t) => {
  const { lines } = await source(t)
  const target = memoryStore(t)
  t.same(await importLog(target, ['', ...lines.slice(0, 2), '  ', '']), { events: 2, head: 2n })
  t.same(await importLog(memoryStore(t), []), { events: 0, head: null })
})

t.test('a line that is not a faithful export line is refused, naming the line', async (t) => {
  const { lines } = await source(t)
  const line = (n: number) => JSON.parse(lines[n]!) as Record<string, unknown>
  const cases: Array<[string, string[], RegExp]> = [
    ['not JSON', ['{"position":'], /^is not JSON \(/],
    ['a JSON array', ['[]'], /^the line /],
    ['a missing field', [JSON.stringify({ ...line(0), type: undefined })], /^type /],
    ['an unknown field', [JSON.stringify({ ...line(0), extra: 1 })], /^the line .*extra/],
    ['a negative revision', [JSON.stringify({ ...line(0), revision: '-1' })], /^revision must be a whole number written as a string$/],
    ['data that is no object', [JSON.stringify({ ...line(0), data: [] })], /^data must be a JSON object$/],
    [
      'a record time that is no date',
      [JSON.stringify({ ...line(0), recordedAt: 'yesterday' })],
      /^recordedAt must be an ISO 8601 date-time$/,
    ],
    ['lines out of order', [lines[0]!, lines[2]!, lines[1]!], /^position 2 does not follow position 3: lines must be in log order$/],
    ['a revision missing', [lines[0]!, lines[3]!], /^plan-1 is at revision 2 where revision 1 must come next$/],
    ['a stream that does not start at 0', [lines[1]!], /^plan-1 is at revision 1 where revision 0 must come next$/],
  ]
  for (const [label, input, problem] of cases) {
    const details = await rejection(t, importLog(memoryStore(t), input), 'TRG_INVALID_VALUE', label)
    t.equal(details.type, 'Treguesi export line', `${label}: the type`)
    t.equal(details.value, `line ${input.length}`, `${label}: the line`)
    t.match(details.problem, problem, `${label}: the problem`)
  }
})

t.test('what the store refuses stops the import where it is', async (t) => {
  const { lines } = await source(t)
  const bad = JSON.stringify({ ...(JSON.parse(lines[2]!) as object), id: 'not-a-uuid' })
  const target: EventStore = memoryStore(t)
  await rejection(t, importLog(target, [lines[0]!, lines[1]!, bad]), 'TRG_STORE_INVALID_APPEND', 'an id that is no UUID')
  t.equal((await collect(target.readAll())).length, 2, 'the lines before it were imported')
})
