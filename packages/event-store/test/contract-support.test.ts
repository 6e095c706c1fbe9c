import t from 'tap'
import { randomUUID } from 'node:crypto'
import { SqliteEventStore, type CatchUpSubscription, type RecordedEvent } from '@treguesi/event-store'
import { auditLog, logAfter, SubscriptionRecorder } from '@treguesi/event-store/contract'

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const item of items) all.push(item)
  return all
}

// The contract suite's own checks must be able to fail: feed them broken logs.
const event = (stream: string, revision: bigint, position: bigint, id: string): RecordedEvent => ({
  stream,
  revision,
  position,
  id,
  type: 't',
  data: {},
  metadata: {},
  recordedAt: new Date(0),
})

t.test('auditLog finds every kind of damage', async (t) => {
  const sound = [event('a', 0n, 10n, 'x'), event('a', 1n, 12n, 'y'), event('b', 0n, 13n, 'z')]
  const acks = [
    { stream: 'a', revision: 0n, position: 10n, id: 'x' },
    { stream: 'b', revision: 0n, position: 13n, id: 'z' },
  ]
  t.same(auditLog(sound, acks), [])
  t.same(auditLog([sound[1]!, sound[0]!, sound[2]!], []), [
    'positions do not strictly increase',
    'a: revision 1 at index 0',
    'a: revision 0 at index 1',
  ])
  t.same(auditLog([sound[0]!, sound[2]!], [{ stream: 'a', revision: 1n, position: 12n, id: 'y' }]), ['acknowledged a@1 (y) is missing'])
  t.same(auditLog(sound, [{ stream: 'a', revision: 1n, position: 99n, id: 'y' }]), ['acknowledged a@1 is recorded as a@1'])
})

t.test('a recorder gives up on a subscription that never delivers', async (t) => {
  const silent: CatchUpSubscription = {
    stop: async () => {},
    async *[Symbol.asyncIterator]() {},
  }
  const recorder = new SubscriptionRecorder(silent)
  await recorder.finished
  await t.rejects(
    recorder.until((r) => r.messages.length > 0, 120),
    /did not deliver in 120 ms \(0 messages\)/,
  )
})

t.test('logAfter shows a shared log as if it began after a position', async (t) => {
  const store = new SqliteEventStore({ path: ':memory:' })
  t.teardown(() => store.close())
  const newEvent = () => ({ id: randomUUID(), type: 'noted', data: {} })
  const before = await store.append('earlier', [newEvent()])
  const view = logAfter(store, before.position)
  t.equal(await view.headPosition(), null, 'nothing after the start: no head')
  t.same(await collect(view.readAll({ direction: 'backwards' })), [], 'nothing to read backwards')
  await view.append('later', [newEvent(), newEvent(), newEvent()])
  const head = await store.headPosition()
  t.equal(await view.headPosition(), head, 'the head once something follows the start')
  const forwards = await collect(view.readAll())
  t.same(
    forwards.map((e) => e.stream),
    ['later', 'later', 'later'],
    'forwards from the start only',
  )
  const backwards = await collect(view.readAll({ direction: 'backwards' }))
  t.same(
    backwards.map((e) => e.revision),
    [2n, 1n, 0n],
    'backwards stops at the start',
  )
  const limited = await collect(view.readAll({ direction: 'backwards', maxCount: 2 }))
  t.same(
    limited.map((e) => e.revision),
    [2n, 1n],
    'backwards honours maxCount',
  )
  t.equal(logAfter(store, null), store, 'no start: the store itself')
})
