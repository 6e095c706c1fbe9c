import BetterSqlite3 from 'better-sqlite3'
import { join } from 'node:path'
import t from 'tap'
import { TreguesiError } from '@treguesi/errors'
import { chainedEventStore, sealEventType, sealLog, sealOf, sealStream, verifyLog } from '@treguesi/audit'
import type { RecordedEvent } from '@treguesi/event-store'
import { collect, events, newEvent } from '@treguesi/event-store/contract'
import { fileStore, memoryStore, rejection, tempDir, withAppend, writeMunicipalLog } from './support.js'

t.test('an empty log has nothing to seal', async (t) => {
  const store = memoryStore(t)
  t.same(await sealLog(store), { sealed: false, seal: null })
  t.equal(await store.headPosition(), null, 'nothing was appended')
})

t.test('a seal commits to the rolling hash of the log up to its last event', async (t) => {
  const store = memoryStore(t)
  const chained = chainedEventStore(store)
  await chained.append('plan-1', events(3))
  await chained.append('indicator-1', events(2))
  const outcome = await sealLog(store)
  const head = (await verifyLog(store)).head!
  t.match(outcome, { sealed: true, seal: { position: 6n, events: 5n, upTo: 5n, hash: /^[0-9a-f]{64}$/ } })
  const [event] = await collect(store.readStream(sealStream))
  t.equal(event!.type, sealEventType)
  t.same(event!.data, { events: '5', upTo: '5', lastEventId: outcome.seal!.lastEventId, hash: outcome.seal!.hash })
  t.same(sealOf(event!), outcome.seal, 'read back as it was made')
  t.match(event!.metadata, { chain: { previous: null } }, 'the seal is chained in its own stream')
  t.match(
    await verifyLog(store, { expectedHead: { position: 5n, hash: outcome.seal!.hash } }),
    { ok: true },
    'the rolling hash verify computes at position 5',
  )
  t.equal(head.position, 6n, 'the seal itself is an event of the log')

  t.same(await sealLog(store), { sealed: false, seal: outcome.seal }, 'nothing but the seal since: no new seal')
  await chained.append('plan-1', events(1))
  const next = await sealLog(store)
  t.match(next, { sealed: true, seal: { position: 8n, events: 7n, upTo: 7n } }, 'the next seal covers the first one too')
  t.match(await verifyLog(store), { ok: true, checkedEvents: 8 })
})

t.test('a seal up to a given position', async (t) => {
  const store = memoryStore(t)
  await chainedEventStore(store).append('plan-1', events(4))
  t.match(await sealLog(store, { upTo: 2n }), { sealed: true, seal: { events: 2n, upTo: 2n } })
  t.match(await sealLog(store, { upTo: 1n }), { sealed: false, seal: { events: 2n } }, 'nothing new up to an older position')
  t.match(await sealLog(store), { sealed: true, seal: { events: 5n, upTo: 5n } }, 'later, the rest, and the first seal')
  t.match(await verifyLog(store), { ok: true, checkedEvents: 6 })
})

t.test('a seal never vouches for an event that no longer matches its chain', async (t) => {
  const path = join(tempDir(t), 'treguesi.db')
  const store = fileStore(t, path)
  const chained = chainedEventStore(store)
  await chained.append('plan-1', events(3))
  const raw = new BetterSqlite3(path)
  t.teardown(() => raw.close())
  raw.prepare(`UPDATE events SET data = '{"n":9}' WHERE position = 2`).run()
  const details = await rejection(t, sealLog(store), 'TRG_EVENT_INVALID', 'an altered event')
  t.match(
    details.problem,
    /^at position 2: plan-1@1 .* was altered: its content no longer matches its hash; nothing was sealed, run verify$/,
  )
  t.same(await collect(store.readStream(sealStream)), [], 'no seal was appended')

  const unchained = memoryStore(t)
  await unchained.append('plan-1', events(1))
  t.match(
    (await rejection(t, sealLog(unchained), 'TRG_EVENT_INVALID', 'an event without a chain')).problem,
    /has no valid hash chain in its metadata; nothing was sealed/,
  )
})

t.test('a log whose latest seal is not a seal is not sealed again', async (t) => {
  const store = memoryStore(t)
  await chainedEventStore(store).append(sealStream, [newEvent('audit.noted.v1', { text: 'x' })])
  const details = await rejection(t, sealLog(store), 'TRG_EVENT_INVALID', 'a foreign event in audit-seals')
  t.same(details, {
    type: 'audit.noted.v1',
    problem: 'the latest event of audit-seals (position 1) is not a well-formed seal; run verify',
  })
})

t.test('concurrent sealers: one seals, the other finds nothing new', async (t) => {
  const store = memoryStore(t)
  await chainedEventStore(store).append('plan-1', events(2))
  const outcomes = await Promise.all([sealLog(store), sealLog(store)])
  t.same(outcomes.map((outcome) => outcome.sealed).sort(), [false, true])
  t.equal((await collect(store.readStream(sealStream))).length, 1)
  t.match(await verifyLog(store), { ok: true })
})

t.test('a conflict on audit-seals is tried again, up to maxAttempts; other errors are thrown', async (t) => {
  const store = memoryStore(t)
  await chainedEventStore(store).append('plan-1', events(2))
  let attempts = 0
  const conflicting = (times: number) =>
    withAppend(store, async (stream, batch, options) => {
      attempts += 1
      if (attempts <= times) throw new TreguesiError('TRG_STORE_WRONG_EXPECTED_REVISION', { stream, expected: 'no_stream', actual: 0n })
      return store.append(stream, batch, options)
    })
  t.match(await sealLog(conflicting(1)), { sealed: true, seal: { events: 2n } })
  t.equal(attempts, 2)
  attempts = 0
  await chainedEventStore(store).append('plan-1', events(1))
  await rejection(t, sealLog(conflicting(2), { maxAttempts: 2 }), 'TRG_STORE_WRONG_EXPECTED_REVISION', 'gives up')
  await t.rejects(sealLog(withAppend(store, () => Promise.reject(new Error('disk full')))), { message: 'disk full' })
  t.match(await verifyLog(store), { ok: true, checkedEvents: 4 })
})

t.test('where the previous seal’s last event is not where it says, the rolling hash is computed from the start', async (t) => {
  const path = join(tempDir(t), 'treguesi.db')
  const store = fileStore(t, path)
  await writeMunicipalLog(store)
  const seals = await collect(store.readStream(sealStream))
  const raw = new BetterSqlite3(path)
  t.teardown(() => raw.close())
  // The last event the second seal covers is gone: the seal no longer matches the log.
  raw.prepare('DELETE FROM events WHERE position = 11').run()
  const details = await rejection(t, sealLog(store), 'TRG_EVENT_INVALID', 'a log that no longer matches its seal')
  t.same(details, {
    type: sealEventType,
    problem: `the log no longer matches the seal at position ${seals[1]!.position}; nothing was sealed, run verify`,
  })
})

t.test('sealOf reads only well-formed seals', async (t) => {
  const seal = {
    stream: sealStream,
    revision: 0n,
    position: 9n,
    id: 'x',
    type: sealEventType,
    data: { events: '3', upTo: '8', lastEventId: 'e', hash: 'a'.repeat(64) },
    metadata: {},
    recordedAt: new Date(0),
  } satisfies RecordedEvent
  t.same(sealOf(seal), { position: 9n, events: 3n, upTo: 8n, lastEventId: 'e', hash: 'a'.repeat(64) })
  t.equal(sealOf({ ...seal, stream: 'plan-1' }), undefined)
  t.equal(sealOf({ ...seal, type: 'audit.sealed.v2' }), undefined)
  for (const data of [
    { ...seal.data, events: '0' },
    { ...seal.data, events: '03' },
    { ...seal.data, upTo: '-1' },
    { ...seal.data, lastEventId: '' },
    { ...seal.data, hash: 'A'.repeat(64) },
    { ...seal.data, extra: true },
  ]) {
    t.equal(sealOf({ ...seal, data }), undefined, JSON.stringify(data))
  }
})
