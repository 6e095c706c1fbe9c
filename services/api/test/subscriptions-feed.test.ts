import type { RecordedEvent } from '@treguesi/event-store'
import t from 'tap'
import { eventFeed, type EventSource } from '../src/graphql/subscriptions/feed.js'
import type { ReadModels } from '@treguesi/read-models'

/** An event source driven by the test: `emit` applies an event, as the read models do. */
function fakeSource() {
  const listeners = new Set<(event: RecordedEvent) => void>()
  let position = 0n
  let current = { position: null } as unknown as ReadModels
  const source: EventSource & { emit(type?: string): void; readonly listening: number } = {
    get current() {
      return current
    },
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    emit(type = 'test.happened.v1') {
      position += 1n
      current = { position } as unknown as ReadModels
      const event = { type, position } as RecordedEvent
      for (const listener of listeners) listener(event)
    },
    get listening() {
      return listeners.size
    },
  }
  return source
}

const selectAll = (event: RecordedEvent, models: ReadModels) => [{ type: event.type, position: event.position, at: models.position }]

t.test('events wait in order for a slow reader; one already waiting gets the next at once', async (t) => {
  const source = fakeSource()
  const feed = eventFeed(source, selectAll)
  const waiting = feed.next()
  source.emit()
  t.same(await waiting, { value: { type: 'test.happened.v1', position: 1n, at: 1n }, done: false }, 'read against the models at the event')
  source.emit()
  source.emit()
  t.same((await feed.next()).value, { type: 'test.happened.v1', position: 2n, at: 2n })
  t.same((await feed.next()).value, { type: 'test.happened.v1', position: 3n, at: 3n })
})

t.test('events the selector drops are never delivered', async (t) => {
  const source = fakeSource()
  const feed = eventFeed(source, (event) => (event.type === 'kept.v1' ? [event.position] : []))
  source.emit('dropped.v1')
  source.emit('kept.v1')
  t.same(await feed.next(), { value: 2n, done: false })
})

t.test('an event that changes several things delivers each, in order, to a waiting reader and then the backlog', async (t) => {
  const source = fakeSource()
  const feed = eventFeed(source, (event) => [`${event.position} a`, `${event.position} b`, `${event.position} c`])
  const waiting = feed.next()
  source.emit()
  t.same(await waiting, { value: '1 a', done: false })
  t.same(await feed.next(), { value: '1 b', done: false })
  t.same(await feed.next(), { value: '1 c', done: false })
})

t.test('the backlog limit counts events, whatever number of items each gives', async (t) => {
  const source = fakeSource()
  const feed = eventFeed(source, (event) => [`${event.position} a`, `${event.position} b`, `${event.position} c`], 2)
  source.emit()
  source.emit()
  t.equal(source.listening, 1, 'two events of three items each wait within a limit of two')
  t.same(await feed.next(), { value: '1 a', done: false })
  source.emit()
  t.equal(source.listening, 0, 'a third waiting event is one too many, though an item of the first was read')
  await t.rejects(feed.next(), { code: 'TRG_LIMIT_EXCEEDED' })
  t.same(await feed.next(), { value: undefined, done: true })
})

t.test('an event that gives no item waits for none', async (t) => {
  const source = fakeSource()
  const feed = eventFeed(source, (event) => (event.type === 'kept.v1' ? [event.position] : []), 1)
  source.emit('dropped.v1')
  source.emit('dropped.v1')
  source.emit('kept.v1')
  t.same(await feed.next(), { value: 3n, done: false })
})

t.test('a reader already waiting takes the first item of a batch; the rest wait as one event', async (t) => {
  const source = fakeSource()
  const feed = eventFeed(source, () => ['a', 'b'], 1)
  const waiting = feed.next()
  source.emit()
  t.same(await waiting, { value: 'a', done: false })
  t.same(await feed.next(), { value: 'b', done: false })
  const again = feed.next()
  source.emit()
  t.same(await again, { value: 'a', done: false })
  source.emit()
  t.equal(source.listening, 0, "the first event's rest and a second event: two, past the limit of one")
})

t.test('return() stops listening and ends a pending read; later reads are done', async (t) => {
  const source = fakeSource()
  const feed = eventFeed(source, selectAll)
  t.equal(source.listening, 1)
  const pending = feed.next()
  t.same(await feed.return!(), { value: undefined, done: true })
  t.same(await pending, { value: undefined, done: true })
  t.equal(source.listening, 0)
  t.same(await feed.next(), { value: undefined, done: true })
  t.same(await feed.return!(), { value: undefined, done: true }, 'twice is harmless')
  t.equal(feed[Symbol.asyncIterator](), feed)
})

t.test('a reader that falls too far behind is cut off with TRG_LIMIT_EXCEEDED', async (t) => {
  const source = fakeSource()
  const feed = eventFeed(source, selectAll, 2)
  source.emit()
  source.emit()
  source.emit()
  t.equal(source.listening, 0, 'it stopped listening at once')
  await t.rejects(feed.next(), {
    name: 'TreguesiError',
    code: 'TRG_LIMIT_EXCEEDED',
    details: { limit: 'subscription backlog (events not yet delivered)', maximum: 2, actual: 3 },
  })
  t.same(await feed.next(), { value: undefined, done: true })
})

t.test('a selector that throws ends the feed with its error, never the read models', async (t) => {
  const source = fakeSource()
  const failure = new Error('cannot select')
  const feed = eventFeed(source, () => {
    throw failure
  })
  const pending = feed.next()
  t.doesNotThrow(() => source.emit())
  await t.rejects(pending, failure)
  t.equal(source.listening, 0)
  t.same(await feed.next(), { value: undefined, done: true })
})
