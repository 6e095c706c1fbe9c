/**
 * Tampering directly in the SQLite file, as someone with access to the disk would: each change
 * must make verifyLog fail at the first position where the log is no longer what was written,
 * with a reason. The log is the one of writeMunicipalLog:
 *
 *   1 plan-1@0   2 plan-1@1   3 indicator-1@0   4 plan-1@2   5 budget-line-1@0   6 budget-line-1@1
 *   7 SEAL (1–6)   8 indicator-1@1   9 indicator-1@2   10 plan-1@3   11 budget-line-1@2
 *   12 SEAL (1–11)   13 plan-1@4   14 indicator-1@3   15 budget-line-1@3
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import t, { type Test } from 'tap'
import {
  chainedEventStore,
  eventHash,
  formatHead,
  parseHead,
  sealStream,
  verifyLog,
  withoutChain,
  type VerifyResult,
} from '@treguesi/audit'
import { TreguesiError } from '@treguesi/errors'
import { eventIdBytes, SqliteEventStore, type JsonObject } from '@treguesi/event-store'
import { collect, newEvent } from '@treguesi/event-store/contract'
import { fileStore, rejection, storeWith, tempDir, writeMunicipalLog } from './support.js'

interface Row {
  position: number
  stream: string
  revision: number
  event_id: Buffer
  type: string
  data: string
  metadata: string
  recorded_at: string
}

async function writtenLog(t: Test): Promise<{ path: string; store: SqliteEventStore; raw: Database }> {
  const path = join(tempDir(t), 'treguesi.db')
  const store = fileStore(t, path)
  await writeMunicipalLog(store)
  const raw = new BetterSqlite3(path)
  t.teardown(() => raw.close())
  return { path, store, raw }
}

const row = (raw: Database, position: number): Row => raw.prepare('SELECT * FROM events WHERE position = ?').get(position) as Row

function insert(raw: Database, values: Row): void {
  raw
    .prepare(
      'INSERT INTO events (position, stream, revision, event_id, type, data, metadata, recorded_at) VALUES (@position, @stream, @revision, @event_id, @type, @data, @metadata, @recorded_at)',
    )
    .run(values)
}

/** Puts each row's content at the other's position. */
function swap(raw: Database, a: number, b: number): void {
  const first = row(raw, a)
  const second = row(raw, b)
  raw.transaction(() => {
    raw.prepare('DELETE FROM events WHERE position IN (?, ?)').run(a, b)
    insert(raw, { ...second, position: a })
    insert(raw, { ...first, position: b })
  })()
}

function failsAt(t: Test, result: VerifyResult, position: bigint, reason: RegExp, checkedEvents: number): void {
  t.equal(result.ok, false, 'verification fails')
  t.equal(result.firstBadPosition, position, `at position ${position}`)
  t.match(result.reason, reason)
  t.equal(result.checkedEvents, checkedEvents, 'counting the sound events before it')
  t.equal(result.head, null, 'a failed log has no head to keep')
}

t.test('the log as written verifies, and its head is stable', async (t) => {
  const { store } = await writtenLog(t)
  const result = await verifyLog(store)
  t.match(result, { ok: true, checkedEvents: 15, firstBadPosition: null, reason: null, head: { position: 15n, hash: /^[0-9a-f]{64}$/ } })
  t.same(await verifyLog(store), result, 'the same result again')
  t.same(await verifyLog(store, { expectedHead: result.head! }), result, 'the log reaches its own head')
  const text = formatHead(result.head!)
  t.match(text, /^15:[0-9a-f]{64}$/, 'printed as <position>:<hash>')
  t.same(parseHead(text), result.head, 'and read back')
  for (const bad of ['15', `x:${result.head!.hash}`, `15:${result.head!.hash.toUpperCase()}`, `15:${result.head!.hash}0`, ` ${text}`]) {
    t.equal(parseHead(bad), undefined, `not a head: ${bad}`)
  }
  const seals = await collect(store.readStream(sealStream))
  t.same(
    seals.map((seal) => seal.position),
    [7n, 12n],
  )
  t.match(
    seals.map((seal) => seal.data),
    [
      { events: '6', upTo: '6' },
      { events: '11', upTo: '11' },
    ],
  )
})

t.test('one byte of an event’s data flipped: that event', async (t) => {
  const { store, raw } = await writtenLog(t)
  const data = Buffer.from(row(raw, 9).data)
  const at = data.indexOf('42.0') + 1
  data[at] = data[at]! ^ 0x01 // '2' becomes '3': still valid JSON, another value
  raw.prepare('UPDATE events SET data = ? WHERE position = 9').run(data.toString())
  t.equal(JSON.parse(row(raw, 9).data).value, '43.0')
  failsAt(t, await verifyLog(store), 9n, /^indicator-1@2 \(indicator\.value-corrected\.v1, id [0-9a-f-]+\) was altered/, 8)
})

t.test('one byte flipped in the database file itself: that event', async (t) => {
  const path = join(tempDir(t), 'treguesi.db')
  const writer = new SqliteEventStore({ path })
  await writeMunicipalLog(writer)
  await writer.close() // checkpoints the write-ahead log into the file
  const bytes = readFileSync(path)
  // Pages freed when the table grew may still hold an old copy of the row: the live one is among these.
  let flipped = 0
  for (let at = bytes.indexOf('vlera-e-pare'); at >= 0; at = bytes.indexOf('vlera-e-pare', at + 1)) {
    bytes[at] = bytes[at]! ^ 0x20 // 'v' becomes 'V'
    flipped += 1
  }
  t.ok(flipped > 0, 'the event’s text is in the file')
  writeFileSync(path, bytes)
  const store = fileStore(t, path)
  failsAt(t, await verifyLog(store), 8n, /^indicator-1@1 .* was altered/, 7)
})

t.test('a flipped byte that breaks the JSON: the position of the unreadable event', async (t) => {
  const { store, raw } = await writtenLog(t)
  raw.prepare("UPDATE events SET data = '[' || substr(data, 2) WHERE position = 10").run()
  failsAt(t, await verifyLog(store), 10n, /^the event at position 10 cannot be read: /, 9)
  raw.prepare("UPDATE events SET data = '[' || substr(data, 2) WHERE position = 1").run()
  failsAt(t, await verifyLog(store), 1n, /^the event at position 1 cannot be read/, 0)
})

t.test('a seal whose JSON is broken: the seal, with every event before it checked', async (t) => {
  const { store, raw } = await writtenLog(t)
  raw.prepare('UPDATE events SET metadata = substr(metadata, 2) WHERE position = 12').run()
  failsAt(t, await verifyLog(store), 12n, /^the event at position 12 cannot be read: its metadata is not valid JSON/, 11)
  raw.prepare("UPDATE events SET metadata = '{' || metadata, data = '{' WHERE position = 12").run()
  failsAt(t, await verifyLog(store), 12n, /^the event at position 12 cannot be read: its data is not valid JSON/, 11)
})

t.test('an unreadable event appended after the head the verification started from is left for the next one', async (t) => {
  const { store, raw } = await writtenLog(t)
  raw.prepare("UPDATE events SET data = '[' || substr(data, 2) WHERE position = 14").run()
  const earlier = storeWith(store, { headPosition: async () => 12n })
  t.match(await verifyLog(earlier), { ok: true, checkedEvents: 12, head: { position: 12n } })
  failsAt(t, await verifyLog(store), 14n, /^the event at position 14 cannot be read/, 13)
})

t.test('a row deleted: the next event of its stream, or the seal that covers it', async (t) => {
  const { store, raw } = await writtenLog(t)
  raw.prepare('DELETE FROM events WHERE position = 8').run()
  failsAt(
    t,
    await verifyLog(store),
    9n,
    /^indicator-1@2 .*: revision 1 of indicator-1 was expected here: events of this stream were removed, inserted or reordered$/,
    7,
  )

  const other = await writtenLog(t)
  other.raw.prepare('DELETE FROM events WHERE position = 6').run() // budget-line-1@1: its stream goes on only after the seal
  failsAt(
    t,
    await verifyLog(other.store),
    7n,
    /^the seal audit-seals@0 .* covers 6 events, but only 5 come before it: events after the start of the log were removed, or the seal was moved$/,
    5,
  )
})

t.test('two rows swapped: the first of them, or the seal that covers them', async (t) => {
  const { store, raw } = await writtenLog(t)
  swap(raw, 8, 9) // two events of indicator-1
  failsAt(t, await verifyLog(store), 8n, /^indicator-1@2 .*: revision 1 of indicator-1 was expected here/, 7)

  const across = await writtenLog(t)
  swap(across.raw, 10, 11) // plan-1@3 and budget-line-1@2: each stream's own order is intact
  failsAt(
    t,
    await verifyLog(across.store),
    12n,
    /^the seal audit-seals@1 .* does not match the log: an event after position 6 and up to position 11 was altered, removed, inserted or reordered$/,
    11,
  )

  const contents = await writtenLog(t)
  const [a, b] = [row(contents.raw, 3), row(contents.raw, 4)]
  contents.raw.prepare('UPDATE events SET data = ? WHERE position = ?').run(b.data, 3)
  contents.raw.prepare('UPDATE events SET data = ? WHERE position = ?').run(a.data, 4)
  failsAt(t, await verifyLog(contents.store), 3n, /^indicator-1@0 .* was altered/, 2)
})

t.test('a forged row inserted: the forged row, or the seal that covers it', async (t) => {
  const { store, raw } = await writtenLog(t)
  // Naive: a copy of a real event's row under a new id, at the end of its stream.
  insert(raw, { ...row(raw, 15), position: 16, revision: 4, event_id: eventIdBytes('7d1c5c52-7d4f-4d0a-9a59-6b9a1d4c1a01') })
  failsAt(t, await verifyLog(store), 16n, /^budget-line-1@4 .* was altered/, 15)

  // Careful: a new stream with a correct chain, slipped in between sealed events.
  const between = await writtenLog(t)
  const forged = { ...newEvent('budget-line.allocated.v1', { amount: '5000000.00', currency: 'ALL' }), stream: 'budget-line-9' }
  const metadata: JsonObject = { chain: { previous: null, hash: eventHash({ previous: null, ...forged, revision: 0n, metadata: {} }) } }
  between.raw.transaction(() => {
    for (const position of [15, 14, 13, 12, 11, 10]) {
      between.raw.prepare('UPDATE events SET position = ? WHERE position = ?').run(position + 1, position)
    }
    insert(between.raw, {
      position: 10,
      stream: forged.stream,
      revision: 0,
      event_id: eventIdBytes(forged.id),
      type: forged.type,
      data: JSON.stringify(forged.data),
      metadata: JSON.stringify(metadata),
      recorded_at: row(between.raw, 9).recorded_at,
    })
  })()
  failsAt(
    t,
    await verifyLog(between.store),
    13n,
    /^the seal audit-seals@1 .* does not match the log: an event after position 6 and up to position 11 was altered, removed, inserted or reordered$/,
    12,
  )
})

t.test('the newest events deleted: caught by the head printed before', async (t) => {
  const { store, raw } = await writtenLog(t)
  const before = await verifyLog(store)
  raw.prepare('DELETE FROM events WHERE position >= 13').run()
  const shortened = await verifyLog(store)
  t.match(shortened, { ok: true, checkedEvents: 12 }, 'what is left is a sound log of its own')
  failsAt(
    t,
    await verifyLog(store, { expectedHead: before.head! }),
    15n,
    /^there is no event at the expected head position 15 \(the last event before it is at position 12\): events were removed$/,
    12,
  )
  await chainedEventStore(store).append('plan-1', [newEvent('plan.closed.v1')])
  failsAt(t, await verifyLog(store, { expectedHead: before.head! }), 16n, /^there is no event at the expected head position 15/, 12)
})

t.test('events after the newest seal are covered by the head', async (t) => {
  const { store, raw } = await writtenLog(t)
  const before = await verifyLog(store)
  swap(raw, 13, 14) // plan-1@4 and indicator-1@3, after the last seal
  t.match(await verifyLog(store), { ok: true }, 'the streams alone cannot tell')
  failsAt(
    t,
    await verifyLog(store, { expectedHead: before.head! }),
    15n,
    /^the log no longer reaches the expected head 15:[0-9a-f]{64}: an event up to position 15 was altered, removed, inserted or reordered$/,
    15,
  )
  const empty = await verifyLog(fileStore(t, join(tempDir(t), 'empty.db')), { expectedHead: before.head! })
  failsAt(t, empty, 15n, /^there is no event at the expected head position 15 \(the log has no event before it\)/, 0)
})

t.test('events without a chain, and seals that are not seals', async (t) => {
  const { store } = await writtenLog(t)
  await store.append('plan-2', [newEvent('plan.registered.v1')])
  failsAt(t, await verifyLog(store), 16n, /^plan-2@0 \(plan\.registered\.v1, id .*\) has no valid hash chain in its metadata$/, 15)

  const malformed = await writtenLog(t)
  await chainedEventStore(malformed.store).append(sealStream, [newEvent('audit.sealed.v1', { events: 'all' })])
  failsAt(t, await verifyLog(malformed.store), 16n, /^audit-seals@2 .* is not a well-formed seal$/, 15)

  const boastful = await writtenLog(t)
  const claim = { events: '16', upTo: '15', lastEventId: 'x', hash: 'f'.repeat(64) }
  await chainedEventStore(boastful.store).append(sealStream, [newEvent('audit.sealed.v1', claim)])
  failsAt(
    t,
    await verifyLog(boastful.store),
    16n,
    /^the seal audit-seals@2 .* covers 16 events, but only 15 come before it: events after position 11 were removed, or the seal was moved$/,
    15,
  )

  // The right rolling hash, but naming another last event.
  const misnamed = await writtenLog(t)
  const { head } = await verifyLog(misnamed.store)
  const named = { events: '15', upTo: '15', lastEventId: 'not-the-last-event', hash: head!.hash }
  await chainedEventStore(misnamed.store).append(sealStream, [newEvent('audit.sealed.v1', named)])
  failsAt(
    t,
    await verifyLog(misnamed.store),
    16n,
    /^the seal audit-seals@2 .* does not match the log: an event after position 11 and up to position 15/,
    15,
  )
})

t.test('a chain link replaced by another valid one: the stream no longer links', async (t) => {
  const { store, raw } = await writtenLog(t)
  const event = (await collect(store.readAll({ fromPosition: 9n, maxCount: 1 })))[0]!
  // Rewritten as if it were the stream's first event: its own hash is right, its link is not.
  const rehashed = eventHash({ ...event, previous: null, metadata: withoutChain(event.metadata) })
  const metadata = { ...withoutChain(event.metadata), chain: { previous: null, hash: rehashed } }
  raw.prepare('UPDATE events SET metadata = ? WHERE position = 10').run(JSON.stringify(metadata))
  failsAt(t, await verifyLog(store), 10n, /^plan-1@3 .* does not link to the stream's previous event: an event of plan-1 was replaced$/, 9)
})

t.test('an empty log verifies, with no head; rows a reader never sees change nothing', async (t) => {
  const path = join(tempDir(t), 'empty.db')
  const store = fileStore(t, path)
  t.same(await verifyLog(store), { ok: true, checkedEvents: 0, firstBadPosition: null, reason: null, head: null })
  const raw = new BetterSqlite3(path)
  t.teardown(() => raw.close())
  insert(raw, {
    position: 0,
    stream: 'ghost',
    revision: 0,
    event_id: eventIdBytes('00000000-0000-0000-0000-000000000000'),
    type: 'ghost',
    data: '{}',
    metadata: '{}',
    recorded_at: new Date(0).toISOString(),
  })
  t.equal(await store.headPosition(), 0n)
  t.same(await collect(store.readAll()), [], 'position 0 is before the start of every read')
  t.same(await verifyLog(store), { ok: true, checkedEvents: 0, firstBadPosition: null, reason: null, head: null })
})

t.test('a store that cannot be read is an error, not a verdict', async (t) => {
  const { store } = await writtenLog(t)
  const failing = storeWith(store, {
    async *readAll(options) {
      for await (const event of store.readAll(options)) {
        if (event.position === 5n) throw new TreguesiError('TRG_STORE_UNAVAILABLE', { store: 'sqlite', reason: 'disk I/O error' })
        yield event
      }
    },
  })
  await rejection(t, verifyLog(failing), 'TRG_STORE_UNAVAILABLE', 'the store failing half-way')
  await store.close()
  await rejection(t, verifyLog(store), 'TRG_STORE_CLOSED', 'a closed store')
})

t.test('events appended while verifying are left for the next verification', async (t) => {
  const { store } = await writtenLog(t)
  const whole = await verifyLog(store)
  const earlier = storeWith(store, { headPosition: async () => 12n })
  const result = await verifyLog(earlier)
  t.match(result, { ok: true, checkedEvents: 12, head: { position: 12n } })
  t.match(
    await verifyLog(store, { expectedHead: result.head! }),
    { ok: true, head: whole.head },
    'the head at 12 is on the way to the head at 15',
  )
})
