import t from 'tap'
import {
  END,
  START,
  UnavailableError,
  eventTypeFilter,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client'
import { appendEvents, collect, connect, serverAndClient, SubscriptionRecorder } from './support.js'

const label = (entry: ResolvedEvent | 'caught-up'): string =>
  entry === 'caught-up' ? entry : `${entry.event?.streamId}@${entry.event?.revision}`

t.test('subscribeToAll from the start: history, caughtUp, then live events once each, in order', async (t) => {
  const { client } = await serverAndClient(t)
  await appendEvents(client, 'a', 2)
  await appendEvents(client, 'b', 1)
  const subscription = client.subscribeToAll({ fromPosition: START })
  t.teardown(() => subscription.unsubscribe())
  const recorder = new SubscriptionRecorder<AllStreamResolvedEvent>(subscription)
  await recorder.until((r) => r.entries.includes('caught-up'), 'caught-up')
  t.ok(subscription.id, 'the subscription was confirmed with an id')

  await appendEvents(client, 'c', 2)
  await appendEvents(client, 'a', 1)
  await recorder.until((r) => r.events.length === 6, 'the live events')
  t.same(recorder.entries.map(label), ['a@0', 'a@1', 'b@0', 'caught-up', 'c@0', 'c@1', 'a@2'])
  const all = await collect(client.readAll())
  t.same(
    recorder.positions,
    all.map((resolved) => resolved.event!.position!.commit),
    'every event once, in commit order',
  )
})

t.test('appends racing a long catch-up are delivered once each, without a gap', async (t) => {
  const { server, client } = await serverAndClient(t)
  for (let batch = 0; batch < 10; batch++) await appendEvents(client, `history-${batch}`, 50)
  const writer = connect(t, server)
  const subscription = client.subscribeToAll({ fromPosition: START })
  t.teardown(() => subscription.unsubscribe())
  const recorder = new SubscriptionRecorder<AllStreamResolvedEvent>(subscription)
  await Promise.all(Array.from({ length: 20 }, (_, n) => appendEvents(writer, `racing-${n % 4}`, 3)))
  await recorder.until((r) => r.events.length === 560, 'all 560 events')
  await new Promise((resolve) => setTimeout(resolve, 100))
  const all = await collect(client.readAll())
  t.equal(recorder.events.length, 560, 'nothing arrived twice')
  t.same(
    recorder.positions,
    all.map((resolved) => resolved.event!.position!.commit),
    'in commit order',
  )
  t.equal(recorder.entries.filter((entry) => entry === 'caught-up').length, 1, 'caught up once')
})

t.test('subscribeToAll from a position excludes it; from the end delivers only new events', async (t) => {
  const { client } = await serverAndClient(t)
  await appendEvents(client, 'a', 4)
  const history = await collect(client.readAll())
  const second = history[1]!.event!.position!
  const head = history[3]!.event!.position!

  const fromSecond = new SubscriptionRecorder<AllStreamResolvedEvent>(client.subscribeToAll({ fromPosition: second }))
  const fromHead = new SubscriptionRecorder<AllStreamResolvedEvent>(client.subscribeToAll({ fromPosition: head }))
  const fromEnd = new SubscriptionRecorder<AllStreamResolvedEvent>(client.subscribeToAll({ fromPosition: END }))
  for (const recorder of [fromSecond, fromHead, fromEnd]) await recorder.until((r) => r.entries.includes('caught-up'), 'caught-up')
  await appendEvents(client, 'b', 1)
  for (const recorder of [fromSecond, fromHead, fromEnd]) {
    await recorder.until((r) => r.events.some((entry) => entry.event?.streamId === 'b'), 'the live event')
  }
  t.same(fromSecond.entries.map(label), ['a@2', 'a@3', 'caught-up', 'b@0'], 'from a position: exclusive')
  t.same(fromHead.entries.map(label), ['caught-up', 'b@0'], 'from the head: only what comes next')
  t.same(fromEnd.entries.map(label), ['caught-up', 'b@0'], 'from the end: only what comes next')
})

t.test('subscribeToAll with filters, in history and live, with checkpoints', async (t) => {
  const { client } = await serverAndClient(t)
  await appendEvents(client, 'plan-1', 2, { type: 'plan.registered' })
  await appendEvents(client, 'order-1', 3, { type: 'order.placed' })
  await appendEvents(client, 'plan-2', 1, { type: 'order.placed' })

  const checkpoints: Position[] = []
  const byType = new SubscriptionRecorder<AllStreamResolvedEvent>(
    client.subscribeToAll({
      fromPosition: START,
      filter: eventTypeFilter({
        prefixes: ['order.'],
        maxSearchWindow: 2,
        checkpointInterval: 1,
        checkpointReached: (_subscription, position) => {
          checkpoints.push(position)
        },
      }),
    }),
  )
  const byStream = new SubscriptionRecorder<AllStreamResolvedEvent>(
    client.subscribeToAll({ fromPosition: START, filter: streamNameFilter({ prefixes: ['plan-'] }) }),
  )
  const byRegex = new SubscriptionRecorder<AllStreamResolvedEvent>(
    client.subscribeToAll({ fromPosition: START, filter: streamNameFilter({ regex: '^order-|2$' }) }),
  )
  for (const recorder of [byType, byStream, byRegex]) await recorder.until((r) => r.entries.includes('caught-up'), 'caught-up')
  await appendEvents(client, 'plan-3', 1, { type: 'order.shipped' })
  await appendEvents(client, 'order-2', 1, { type: 'plan.noted' })
  await byType.until((r) => r.events.length === 5, 'the live order event')
  await byStream.until((r) => r.events.length === 4, 'the live plan event')
  await byRegex.until((r) => r.events.length === 5, 'the live order-2 event')

  t.same(byType.entries.map(label), ['order-1@0', 'order-1@1', 'order-1@2', 'plan-2@0', 'caught-up', 'plan-3@0'])
  t.same(byStream.entries.map(label), ['plan-1@0', 'plan-1@1', 'plan-2@0', 'caught-up', 'plan-3@0'])
  t.same(byRegex.entries.map(label), ['order-1@0', 'order-1@1', 'order-1@2', 'plan-2@0', 'caught-up', 'order-2@0'])

  // A window of 2 examined events: a checkpoint after every second event of the log.
  const all = await collect(client.readAll())
  const expected = [1, 3, 5, 7].map((index) => all[index]!.event!.position)
  await byType.until(() => checkpoints.length === 4, 'the fourth checkpoint')
  t.same(checkpoints, expected, 'checkpoints at every second event examined, matching or not')
})

t.test('subscribeToStream: from a revision is exclusive; new and not yet existing streams', async (t) => {
  const { client } = await serverAndClient(t)
  await appendEvents(client, 'watched', 3)
  const fromRevision = new SubscriptionRecorder<ResolvedEvent>(client.subscribeToStream('watched', { fromRevision: 1n }))
  const fromStart = new SubscriptionRecorder<ResolvedEvent>(client.subscribeToStream('watched', { fromRevision: START }))
  const fromEnd = new SubscriptionRecorder<ResolvedEvent>(client.subscribeToStream('watched', { fromRevision: END }))
  const beyond = new SubscriptionRecorder<ResolvedEvent>(client.subscribeToStream('watched', { fromRevision: 4n }))
  const future = new SubscriptionRecorder<ResolvedEvent>(client.subscribeToStream('future', { fromRevision: START }))
  const recorders = [fromRevision, fromStart, fromEnd, beyond, future]
  for (const recorder of recorders) await recorder.until((r) => r.entries.includes('caught-up'), 'caught-up')
  await appendEvents(client, 'other', 1)
  await appendEvents(client, 'future', 1)
  await appendEvents(client, 'watched', 3)
  await fromRevision.until((r) => r.events.length === 4, 'watched after revision 1')
  await fromStart.until((r) => r.events.length === 6, 'all of watched')
  await fromEnd.until((r) => r.events.length === 3, 'the live events of watched')
  await beyond.until((r) => r.events.length === 1, 'watched after revision 4')
  await future.until((r) => r.events.length === 1, 'the new stream')

  t.same(fromRevision.entries.map(label), ['watched@2', 'caught-up', 'watched@3', 'watched@4', 'watched@5'])
  t.same(fromEnd.entries.map(label), ['caught-up', 'watched@3', 'watched@4', 'watched@5'])
  t.same(beyond.entries.map(label), ['caught-up', 'watched@5'], 'from beyond the end: only past that revision')
  t.same(future.entries.map(label), ['caught-up', 'future@0'], 'a stream that did not exist yet')
  for (const recorder of recorders) t.equal(recorder.entries.length, new Set(recorder.entries).size)
})

t.test('a subscription the client cancels stops, and others go on', async (t) => {
  const { client } = await serverAndClient(t)
  const cancelled = client.subscribeToAll({ fromPosition: START })
  const cancelledRecorder = new SubscriptionRecorder<AllStreamResolvedEvent>(cancelled)
  const kept = new SubscriptionRecorder<AllStreamResolvedEvent>(client.subscribeToAll({ fromPosition: START }))
  await cancelledRecorder.until((r) => r.entries.includes('caught-up'), 'caught-up')
  await cancelled.unsubscribe()
  await appendEvents(client, 'after', 2)
  await kept.until((r) => r.events.length === 2, 'the events appended after the cancel')
  t.equal(cancelledRecorder.events.length, 0)
})

t.test('closing the server ends an open subscription with UNAVAILABLE; close is idempotent', async (t) => {
  const { server, client } = await serverAndClient(t)
  await appendEvents(client, 'a', 2)
  const recorder = new SubscriptionRecorder<AllStreamResolvedEvent>(client.subscribeToAll({ fromPosition: START }))
  await recorder.until((r) => r.entries.includes('caught-up'), 'caught-up')
  const closing = server.close()
  t.equal(server.close(), closing, 'a second close is the same closing')
  await closing
  const ended = await recorder.finished
  t.type(ended, UnavailableError, 'the subscription fails as with a server going away')
  t.match(ended, { message: /Server is shutting down/ })
  await server.close()
  const append = await appendEvents(client, 'a', 1).then(
    () => 'appended',
    (error: unknown) => error,
  )
  t.match(append, { code: 14 }, 'later calls find no server')
})
