import t from 'tap'
import type { CatchUpSubscription, RecordedEvent } from '@treguesi/event-store'
import { auditLog, SubscriptionRecorder } from '@treguesi/event-store/contract'

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
  t.same(auditLog([sound[0]!, sound[2]!], [{ stream: 'a', revision: 1n, position: 12n, id: 'y' }]), [
    'acknowledged a@1 (y) is missing',
  ])
  t.same(auditLog(sound, [{ stream: 'a', revision: 1n, position: 99n, id: 'y' }]), [
    'acknowledged a@1 is recorded as a@1',
  ])
})

t.test('a recorder gives up on a subscription that never delivers', async (t) => {
  const silent: CatchUpSubscription = {
    stop: async () => {},
    async *[Symbol.asyncIterator]() {},
  }
  const recorder = new SubscriptionRecorder(silent)
  await recorder.finished
  await t.rejects(recorder.until((r) => r.messages.length > 0, 120), /did not deliver in 120 ms \(0 messages\)/)
})
