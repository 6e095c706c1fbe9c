import t from 'tap'
import { openDomainStore } from '@treguesi/commands'
import { events } from '@treguesi/event-store/contract'
import { LiveReadModels } from '@treguesi/read-models'
import { catchUpReport } from '../src/readiness.js'
import { buildServer } from '../src/server.js'

const config = { logLevel: 'silent', jwtSecret: 'a'.repeat(32), consistencyTimeoutMs: 1000 } as const

t.test('readiness waits for the read models, reports both positions, and 503 once the store is gone', async (t) => {
  const store = await openDomainStore({ store: 'sqlite', path: ':memory:', sync: 'normal' })
  const result = await store.append('plan-elbasan', events(2))
  const live = new LiveReadModels(store)
  const app = await buildServer({ store, live, config })
  t.teardown(async () => {
    await app.close()
    await live.stop()
  })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  await live.untilCaughtUp()
  const ready = await fetch(`${url}/readyz`)
  t.equal(ready.status, 200)
  const head = result.position.toString()
  t.same(await ready.json(), { status: 'ready', store: 'sqlite', headPosition: head, readModelsPosition: head })
  await live.stop()
  await store.close()
  const gone = await fetch(`${url}/readyz`)
  t.equal(gone.status, 503)
  t.match(await gone.json(), { status: 'unavailable', store: 'sqlite', reason: /closed/ })
})

t.test('readiness is 503 while the read models catch up, and says why when their feed failed', async (t) => {
  const store = await openDomainStore({ store: 'sqlite', path: ':memory:', sync: 'normal' })
  t.teardown(() => store.close())
  await store.append('plan-elbasan', events(1))
  // The real store, but its subscription holds back "caught up" until released, then fails.
  let release: () => void = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  const held: typeof store.subscribeToAll = () => {
    const inner = store.subscribeToAll()
    return {
      stop: () => inner.stop(),
      async *[Symbol.asyncIterator]() {
        for await (const message of inner) {
          if (message.kind === 'caught-up') {
            await released
            yield message
            throw new Error('the feed broke')
          }
          yield message
        }
      },
    }
  }
  let now = 0
  const live = new LiveReadModels(Object.assign(Object.create(store) as typeof store, { subscribeToAll: held }), { clock: () => now })
  t.same(
    catchUpReport(live, 1n, true),
    { phase: 'catching up', eventsApplied: 0, seconds: 0, eventsPerSecond: 0, secondsLeft: null },
    'no estimate before the first event',
  )
  const app = await buildServer({ store, live, config })
  t.teardown(async () => {
    await app.close()
    await live.stop()
  })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  await live.reach(1n, 1000)
  now = 500
  const catchingUp = await fetch(`${url}/readyz`)
  t.equal(catchingUp.status, 503)
  t.same(await catchingUp.json(), {
    status: 'catching-up',
    store: 'sqlite',
    headPosition: '1',
    readModelsPosition: '1',
    catchUp: { phase: 'catching up', eventsApplied: 1, seconds: 0.5, eventsPerSecond: 2, secondsLeft: 0 },
  })
  t.same(
    catchUpReport(live, 5n, false),
    { phase: 'catching up', eventsApplied: 1, seconds: 0.5, eventsPerSecond: 2 },
    "no estimate where positions do not count events (EventStoreDB's)",
  )
  release()
  await live.untilCaughtUp()
  await new Promise((resolve) => setImmediate(resolve))
  const failed = await fetch(`${url}/readyz`)
  t.equal(failed.status, 503)
  t.match(await failed.json(), { status: 'failed', readModelsPosition: '1', reason: 'the feed broke' })
})

t.test('readiness of an empty log: no positions yet', async (t) => {
  const store = await openDomainStore({ store: 'sqlite', path: ':memory:', sync: 'normal' })
  const live = new LiveReadModels(store)
  const app = await buildServer({ store, live, config })
  t.teardown(async () => {
    await app.close()
    await live.stop()
    await store.close()
  })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  await live.untilCaughtUp()
  t.same(await (await fetch(`${url}/readyz`)).json(), { status: 'ready', store: 'sqlite', headPosition: null, readModelsPosition: null })
})
