import t from 'tap'
import { SqliteEventStore } from '@treguesi/event-store'
import { events } from '@treguesi/event-store/contract'
import { LiveReadModels } from '../src/read-models/live-read-models.js'
import { buildServer } from '../src/server.js'

const config = { logLevel: 'silent', jwtSecret: 'a'.repeat(32), consistencyTimeoutMs: 1000 } as const

t.test('readiness waits for the read models, reports both positions, and 503 once the store is gone', async (t) => {
  const store = new SqliteEventStore({ path: ':memory:' })
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
