import t from 'tap'
import { chainedEventStore, logHeads, verifyLog } from '@treguesi/audit'
import { events } from '@treguesi/event-store/contract'
import { memoryStore, storeWith } from './support.js'

t.test('the head at a position is the one verify computes, extended as the log grows', async (t) => {
  const store = memoryStore(t)
  const chained = chainedEventStore(store)
  await chained.append('plan-1', events(3))
  await chained.append('indicator-1', events(2))
  let reads = 0
  const counted = storeWith(store, {
    readAll: (options) => {
      reads += 1
      return store.readAll(options)
    },
  })
  const heads = logHeads(counted)
  const verified = (await verifyLog(store)).head!
  t.same(await heads.at(verified.position), verified)
  t.same(await heads.at(verified.position), verified, 'asked again: the same head')
  t.equal(reads, 1, 'without reading again')

  await chained.append('plan-1', events(2))
  const later = (await verifyLog(store)).head!
  t.same(await heads.at(later.position), later, 'a later head hashes the events since')
  t.equal(reads, 2)

  const [third] = await Promise.all([heads.at(3n), heads.at(later.position)])
  t.equal(third?.position, 3n)
  t.match(await verifyLog(store, { expectedHead: third! }), { ok: true }, 'an earlier head starts again, and verify accepts it')
  t.equal(await heads.at(99n), null, 'no event at a position past the log')
  t.equal(await heads.at(null), null, 'an empty log has no head')
  t.same(await heads.at(later.position), later, 'and the heads before it are still right')
})

t.test('a log with an event that has no chain has no head from it on', async (t) => {
  const store = memoryStore(t)
  await chainedEventStore(store).append('plan-1', events(1))
  await store.append('plan-2', events(1))
  const heads = logHeads(store)
  t.not(await heads.at(1n), null)
  t.equal(await heads.at(2n), null)
})

t.test('a failed read is reported to its caller and leaves later calls working', async (t) => {
  const store = memoryStore(t)
  await chainedEventStore(store).append('plan-1', events(2))
  let fail = true
  const failing = storeWith(store, {
    readAll: (options) => {
      if (fail) throw new Error('disk gone')
      return store.readAll(options)
    },
  })
  const heads = logHeads(failing)
  await t.rejects(heads.at(2n), /disk gone/)
  fail = false
  t.same(await heads.at(2n), (await verifyLog(store)).head)
})
