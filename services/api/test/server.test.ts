import t from 'tap'
import { SqliteEventStore } from '@treguesi/event-store'
import { events } from '@treguesi/event-store/contract'
import { buildServer } from '../src/server.js'

t.test('readiness reports the head position, and 503 once the store is gone', async (t) => {
  const store = new SqliteEventStore({ path: ':memory:' })
  const result = await store.append('plan-elbasan', events(2))
  const app = buildServer({ store, logLevel: 'silent' })
  t.teardown(() => app.close())
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  const ready = await fetch(`${url}/readyz`)
  t.same(await ready.json(), { status: 'ready', store: 'sqlite', headPosition: result.position.toString() })
  await store.close()
  const gone = await fetch(`${url}/readyz`)
  t.equal(gone.status, 503)
  t.match(await gone.json(), { status: 'unavailable', store: 'sqlite', reason: /closed/ })
})
