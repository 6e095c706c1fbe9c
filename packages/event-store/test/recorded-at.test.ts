import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { collect, events, streamName } from '@treguesi/event-store/contract'
import { recordedAtOf, SqliteEventStore } from '@treguesi/event-store'

// The time a file made from the log at a position states: the record time of the event there,
// in a real SQLite file.

const dir = mkdtempSync(join(tmpdir(), 'treguesi-recorded-at-'))
t.teardown(() => rmSync(dir, { recursive: true, force: true }))
const store = new SqliteEventStore({ path: join(dir, 'events.db') })
t.teardown(() => store.close())

t.test('an empty log: the epoch', async (t) => {
  t.equal(await recordedAtOf(store, null), '1970-01-01T00:00:00.000Z')
  t.equal(await recordedAtOf(store, 5n), '1970-01-01T00:00:00.000Z', 'no event at or before the position')
})

t.test('each position: the record time of its event, the same every time', async (t) => {
  await store.append(streamName(), events(2))
  await new Promise((resolve) => setTimeout(resolve, 5))
  await store.append(streamName(), events(1))
  const recorded = await collect(store.readAll())
  t.equal(recorded.length, 3)
  for (const event of recorded) t.equal(await recordedAtOf(store, event.position), event.recordedAt.toISOString(), String(event.position))
  t.not(recorded[2]!.recordedAt.toISOString(), recorded[0]!.recordedAt.toISOString())
  t.equal(await recordedAtOf(store, recorded[2]!.position + 10n), recorded[2]!.recordedAt.toISOString(), 'after the head: the head’s')
})
