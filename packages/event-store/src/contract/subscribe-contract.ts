import type { Test } from 'tap'
import type { CatchUpSubscription, RecordedEvent, SubscriptionMessage } from '../port.js'
import type { ContractFixture } from './fixture.js'
import { freshStore } from './append-contract.js'
import { collect, events, newEvent, streamName } from './support.js'

/** Reads messages from a subscription in the background, so a test can wait for what it expects. */
export class SubscriptionRecorder {
  readonly messages: SubscriptionMessage[] = []
  readonly finished: Promise<void>
  #waiters: Array<() => void> = []

  constructor(readonly subscription: CatchUpSubscription) {
    this.finished = (async () => {
      for await (const message of subscription) {
        this.messages.push(message)
        for (const wake of this.#waiters.splice(0)) wake()
      }
    })()
  }

  get events(): RecordedEvent[] {
    return this.messages.flatMap((message) => (message.kind === 'event' ? [message.event] : []))
  }

  /** Waits until `done` holds, failing after `ms` so a broken subscription cannot hang the suite. */
  async until(done: (recorder: this) => boolean, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms
    while (!done(this)) {
      if (Date.now() > deadline) throw new Error(`subscription did not deliver in ${ms} ms (${this.messages.length} messages)`)
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve)
        setTimeout(resolve, 50)
      })
    }
  }

  caughtUpIndex(): number {
    return this.messages.findIndex((message) => message.kind === 'caught-up')
  }
}

export function subscribeContract(t: Test, fixture: ContractFixture): void {
  t.test('catch-up subscription: history, caught-up once, then live, in order, exactly once', async (t) => {
    const store = await freshStore(t, fixture)
    const stream = streamName()
    await store.append(stream, events(3))
    await store.append(streamName(), events(2))
    const history = await collect(store.readAll())
    const recorder = new SubscriptionRecorder(store.subscribeToAll())
    await recorder.until((r) => r.caughtUpIndex() >= 0)
    t.equal(recorder.caughtUpIndex(), 5, 'caught-up comes right after the history')
    t.same(recorder.messages[5], { kind: 'caught-up', position: history[4]!.position }, 'it carries the last position')
    await store.append(stream, events(2))
    await Promise.all([store.append(streamName(), events(1)), store.append(streamName(), events(1))])
    await recorder.until((r) => r.events.length === 9)
    const all = await collect(store.readAll())
    t.same(
      recorder.events.map((event) => event.id),
      all.map((event) => event.id),
      'every event once, in global order',
    )
    t.equal(recorder.messages.filter((m) => m.kind === 'caught-up').length, 1, 'caught-up is sent once')
    await recorder.subscription.stop()
    await recorder.finished
    await store.append(stream, events(1))
    await new Promise((resolve) => setTimeout(resolve, 300))
    t.equal(recorder.events.length, 9, 'nothing arrives after stop')
  })

  t.test('an empty log catches up at null, then goes live', async (t) => {
    const store = await freshStore(t, fixture)
    const recorder = new SubscriptionRecorder(store.subscribeToAll())
    await recorder.until((r) => r.messages.length === 1)
    t.same(recorder.messages[0], { kind: 'caught-up', position: null })
    const event = newEvent('test.first')
    await store.append(streamName(), [event])
    await recorder.until((r) => r.events.length === 1)
    t.equal(recorder.events[0]!.id, event.id)
    await recorder.subscription.stop()
  })

  t.test('subscribing from a position starts after it; filters apply live too', async (t) => {
    const store = await freshStore(t, fixture)
    const plan = streamName('plan')
    await store.append(plan, [newEvent('plan.registered'), newEvent('plan.approved')])
    await store.append(streamName('budget'), [newEvent('budget.allocated')])
    const all = await collect(store.readAll())
    const fromSecond = new SubscriptionRecorder(store.subscribeToAll({ fromPosition: all[0]!.position }))
    const plansOnly = new SubscriptionRecorder(store.subscribeToAll({ filter: { eventTypePrefixes: ['plan.'] } }))
    const budgetStream = new SubscriptionRecorder(
      store.subscribeToAll({ fromPosition: all[1]!.position, filter: { streamPrefixes: ['budget-'] } }),
    )
    await fromSecond.until((r) => r.caughtUpIndex() >= 0)
    await plansOnly.until((r) => r.caughtUpIndex() >= 0)
    await budgetStream.until((r) => r.caughtUpIndex() >= 0)
    t.same(
      fromSecond.events.map((e) => e.id),
      [all[1]!.id, all[2]!.id],
      'exclusive of the start position',
    )
    t.same(
      plansOnly.events.map((e) => e.type),
      ['plan.registered', 'plan.approved'],
    )
    t.same(plansOnly.messages[2], { kind: 'caught-up', position: all[2]!.position }, 'filtered catch-up passes the head')
    t.same(
      budgetStream.events.map((e) => e.type),
      ['budget.allocated'],
    )
    await store.append(streamName('budget'), [newEvent('budget.executed')])
    await store.append(plan, [newEvent('plan.closed')])
    await plansOnly.until((r) => r.events.length === 3)
    await budgetStream.until((r) => r.events.length === 2)
    await fromSecond.until((r) => r.events.length === 4)
    t.same(
      plansOnly.events.map((e) => e.type),
      ['plan.registered', 'plan.approved', 'plan.closed'],
    )
    t.same(
      budgetStream.events.map((e) => e.type),
      ['budget.allocated', 'budget.executed'],
    )
    for (const recorder of [fromSecond, plansOnly, budgetStream]) await recorder.subscription.stop()
    t.same(
      plansOnly.events.map((e) => e.type),
      ['plan.registered', 'plan.approved', 'plan.closed'],
      'no stray live event',
    )
  })

  t.test('a subscription stops cleanly from inside its loop, and close() ends the rest', async (t) => {
    const storage = await fixture.createStorage(() => new Date(0))
    t.teardown(() => storage.dispose())
    const store = await storage.open()
    await store.append(streamName(), events(5))
    const subscription = store.subscribeToAll()
    const seen: SubscriptionMessage[] = []
    for await (const message of subscription) {
      seen.push(message)
      if (seen.length === 2) await subscription.stop()
    }
    t.equal(seen.length, 2, 'the loop ends after stop')
    await subscription.stop()
    const broken = store.subscribeToAll()
    const first = await broken[Symbol.asyncIterator]().next()
    t.equal(first.done, false, 'a second subscription started')
    await broken.stop()
    t.same(await broken[Symbol.asyncIterator]().next(), { done: true, value: undefined }, 'a stopped subscription yields nothing')
    const open = new SubscriptionRecorder(store.subscribeToAll())
    await open.until((r) => r.caughtUpIndex() >= 0)
    const left = store.subscribeToAll()
    const iterator = left[Symbol.asyncIterator]()
    await iterator.next()
    t.same(await iterator.return!(), { done: true, value: undefined }, 'leaving a loop early ends it')
    await store.close()
    await open.finished
    t.pass('close() ended the open subscription')
  })
}
