import type { Test } from 'tap'
import type { RecordedEvent } from '../port.js'
import type { ContractFixture } from './fixture.js'
import { SubscriptionRecorder } from './subscribe-contract.js'
import { collect, events, isStrictlyIncreasing, newEvent, positions, steppingClock, streamName } from './support.js'
import { startWriter, type Ack } from './writer-processes.js'

/** The problems found in the log against what the writer acknowledged; empty means sound. */
export function auditLog(all: readonly RecordedEvent[], acks: readonly Ack[]): string[] {
  const problems: string[] = []
  if (!isStrictlyIncreasing(positions(all))) problems.push('positions do not strictly increase')
  const byStream = new Map<string, RecordedEvent[]>()
  for (const event of all) byStream.set(event.stream, [...(byStream.get(event.stream) ?? []), event])
  for (const [stream, recorded] of byStream) {
    recorded.forEach((event, i) => {
      if (event.revision !== BigInt(i)) problems.push(`${stream}: revision ${event.revision} at index ${i}`)
    })
  }
  const byId = new Map(all.map((event) => [event.id, event]))
  for (const ack of acks) {
    const event = byId.get(ack.id)
    if (!event) problems.push(`acknowledged ${ack.stream}@${ack.revision} (${ack.id}) is missing`)
    else if (event.revision !== ack.revision || event.position !== ack.position || event.stream !== ack.stream) {
      problems.push(`acknowledged ${ack.stream}@${ack.revision} is recorded as ${event.stream}@${event.revision}`)
    }
  }
  return problems
}

export function durabilityContract(t: Test, fixture: ContractFixture): void {
  t.test('close and reopen keeps everything', { skip: !fixture.reopenable && 'this storage ends with its connection' }, async (t) => {
    const storage = await fixture.createStorage(steppingClock())
    t.teardown(() => storage.dispose())
    const first = await storage.open()
    const stream = streamName('kept')
    await first.append(stream, [newEvent('test.kept', { tekst: 'Bashkia Drenas, çështje' })])
    await first.append(streamName(), events(3))
    const before = await collect(first.readAll())
    await first.close()
    const again = await storage.open()
    t.teardown(() => again.close())
    t.same(await collect(again.readAll()), before, 'the same events, fields and order')
    const recorder = new SubscriptionRecorder(again.subscribeToAll())
    await recorder.until((r) => r.caughtUpIndex() >= 0)
    t.same(recorder.events, before, 'a subscription replays the same log')
    await recorder.subscription.stop()
    const next = await again.append(stream, events(1), { expectedRevision: 0n })
    t.equal(next.nextExpectedRevision, 1n, 'revisions continue')
    t.ok(next.position > before[before.length - 1]!.position, 'positions continue past the old head')
  })

  t.test(
    'crash: a writer killed with SIGKILL at random moments loses no acknowledged append',
    { skip: (!fixture.multiProcess || fixture.crashCycles === 0) && 'no other process can open this storage' },
    async (t) => {
      const storage = await fixture.createStorage(() => new Date())
      t.teardown(() => storage.dispose())
      const env = storage.processEnvironment!
      const streams = ['crash-a', 'crash-b', 'crash-c'].map((name) => streamName(name))
      const acks: Ack[] = []
      let checked = 0
      for (let cycle = 0; cycle < fixture.crashCycles; cycle++) {
        const writer = startWriter(env, streams, 0)
        await writer.firstAck
        await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 150)))
        writer.kill('SIGKILL')
        const exit = await writer.exited
        t.equal(exit.signal, 'SIGKILL', `cycle ${cycle}: the writer was killed, it did not end by itself`)
        acks.push(...writer.acks)
        const store = await storage.open()
        const all = await collect(store.readAll())
        await store.close()
        t.same(auditLog(all, acks), [], `cycle ${cycle}: every acknowledged append is there, in order, no gap`)
        checked += all.length
      }
      t.ok(acks.length > fixture.crashCycles, 'the writers acknowledged appends')
      t.comment(`crash cycles: ${fixture.crashCycles}, acknowledged appends: ${acks.length}, events checked: ${checked}`)
      const store = await storage.open()
      const all = await collect(store.readAll())
      await store.close()
      t.same(auditLog(all, acks), [], 'after every cycle: all acknowledged appends, in order, no gap')
      t.ok(all.length >= acks.length && all.length <= acks.length + fixture.crashCycles, 'at most one unacknowledged append per kill')
    },
  )
}
