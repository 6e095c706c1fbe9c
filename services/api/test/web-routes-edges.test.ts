import { seedId } from '@treguesi/seeds'
import t from 'tap'
import { startService } from './support/service.js'

const elbasanPlan = seedId('elbasan-gender-equality', 'plan', 'PVVBGJ 2022-2024')

t.test('a fault behind a page is the service’s 500, without its internals, never dressed as a refusal', async (t) => {
  const service = await startService(t)
  const { recorded } = service.store
  const readAll = recorded.readAll
  // The report states the log's head, read from the log itself: that read is where the fault is put.
  recorded.readAll = () => {
    throw new Error('disk on fire')
  }
  const failing = await fetch(`${service.url}/plans/${elbasanPlan}/report.html?period=2023`, { headers: { 'accept-language': 'en' } })
  t.equal(failing.status, 500)
  const text = await failing.text()
  t.notMatch(text, 'disk on fire')
  t.notMatch(text, 'role="alert"', 'not a refusal page')
  t.same(JSON.parse(text), { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })
  recorded.readAll = readAll
  t.equal((await fetch(`${service.url}/plans/${elbasanPlan}/report.html?period=2023`)).status, 200, 'the next read of the log succeeds')
})
