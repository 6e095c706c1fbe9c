import { randomUUID } from 'node:crypto'
import type { DomainStore } from '@treguesi/commands'
import type { RecordedEvent } from '@treguesi/event-store'
import { TreguesiError } from '@treguesi/errors'
import { getEntry } from '@treguesi/projections'
import { seedId } from '@treguesi/seeds'
import t from 'tap'
import { AsOfReadModels, type ReadModels } from '@treguesi/read-models'
import { buildServer } from '../src/server.js'
import { postGraphQL, principals, startService, testSecret, type TestService } from './support/service.js'

/** The store whose reads of the whole log wait until `open` is called. */
function gatedReads(store: DomainStore): { gated: DomainStore; open: () => void } {
  let open!: () => void
  const gate = new Promise<void>((resolve) => (open = resolve))
  const gated = {
    ...store,
    async *readAll(options?: Parameters<DomainStore['readAll']>[0]) {
      await gate
      yield* store.readAll(options)
    },
  }
  return { gated, open }
}

const indicatorId = seedId('elbasan-gender-equality', 'indicator', 'II.1/T1')
const planId = seedId('elbasan-gender-equality', 'plan', 'PVVBGJ 2022-2024')

/** Reopens the seed's approved 2024 report as an admin, once the live models have applied it. */
async function reopen2024(service: TestService, admin: string): Promise<void> {
  const result = await service.graphql<any>(
    `mutation ($input: ReopenReportInput!) { reopenReport(input: $input) { position } }`,
    { input: { commandId: randomUUID(), planId, period: '2024', reason: { sq: 'Korrigjime' } } },
    admin,
  )
  await service.live.reach(BigInt(result.data.reopenReport.position), 2000)
}

t.test('checkpoints every N events and a bounded replay answer exactly as the live models were', async (t) => {
  const service = await startService(t)
  const admin = service.token(principals.admin)
  // The seed's 2024 report is approved: its figures are corrected below once it is reopened, here
  // before the index, so the index's live events are the corrections alone.
  await reopen2024(service, admin)
  // Seeded from the store (the seeds are already applied), then fed by the live models.
  const index = new AsOfReadModels(service.store, service.live, { checkpointEvery: 7, cacheSize: 2 })
  t.teardown(() => index.stop())
  const truth = new Map<bigint, ReadModels>()
  const stop = service.live.onEvent((event: RecordedEvent) => truth.set(event.position, service.live.current))
  t.teardown(stop)
  await index.ready
  const seeded = index.size.events
  t.ok(seeded > 14, 'the seeds span several checkpoints')
  t.equal(index.size.checkpoints, Math.floor(seeded / 7))

  const values = ['4600', '4700', '4800', '4900', '5000', '5100', '5200', '5300', '5400']
  for (const value of values) {
    const result = await service.graphql<any>(
      `mutation ($input: CorrectIndicatorValueInput!) { correctIndicatorValue(input: $input) { position } }`,
      { input: { commandId: randomUUID(), indicatorId, period: '2024', value, reason: { sq: 'Korrigjim' } } },
      admin,
    )
    await service.live.reach(BigInt(result.data.correctIndicatorValue.position), 2000)
  }
  t.equal(index.size.events, seeded + values.length, 'every live event indexed once')
  t.equal(index.size.checkpoints, Math.floor((seeded + values.length) / 7))

  const valueAt = (models: ReadModels) => {
    return getEntry(models.plans.state.indicators, indicatorId)!.facts.values['2024']?.value
  }
  // Each live position, whether on a checkpoint or between two, answers as the live models did.
  for (const [position, expected] of truth) {
    const answer = await index.at(position)
    t.equal(answer.position, position)
    t.same(answer.plans.state, expected.plans.state, `as of ${position}`)
    t.same(answer.budgets.state, expected.budgets.state)
    t.same(answer.national.state, expected.national.state)
  }
  const positions = [...truth.keys()]
  t.equal(valueAt(await index.at(positions[0]!)), '4600')
  t.equal(valueAt(await index.at(positions.at(-1)!)), '5400')
  t.equal(await index.at(positions.at(-1)!), await index.at(positions.at(-1)!), 'a recent answer is served from the cache')
  t.equal((await index.at(null)).position, null, 'before the log: empty read models')
  t.equal((await index.at(positions.at(-1)! + 1000n)).position, positions.at(-1), 'beyond the head: the newest state')
  t.equal(index.positionAt(new Date(0)), null)
  t.equal(index.positionAt(new Date(Date.now() + 60_000)), positions.at(-1))
})

t.test('an index created before the live models catch up takes events as they come', async (t) => {
  const service = await startService(t, { seed: false })
  const index = new AsOfReadModels(service.store, service.live, { checkpointEvery: 1 })
  t.teardown(() => index.stop())
  await index.ready
  t.same(index.size, { events: 0, checkpoints: 0 })
  const admin = service.token(principals.admin)
  const result = await service.graphql<any>(
    `mutation ($input: RegisterMunicipalityInput!) { registerMunicipality(input: $input) { position } }`,
    { input: { commandId: randomUUID(), code: 'ELB', name: { sq: 'Elbasan' }, country: 'AL', currency: 'ALL' } },
    admin,
  )
  const position = BigInt(result.data.registerMunicipality.position)
  await service.live.reach(position, 2000)
  t.same(index.size, { events: 1, checkpoints: 1 })
  t.equal(await index.at(position), service.live.current, 'a checkpoint is the live value itself, not a copy')
})

t.test('events the live models apply while the index reads the earlier log are indexed after it, in order', async (t) => {
  const service = await startService(t)
  // The seed's 2024 report is approved: its figure is corrected below once it is reopened.
  await reopen2024(service, service.token(principals.admin))
  const { gated, open } = gatedReads(service.store)
  const index = new AsOfReadModels(gated, service.live, { checkpointEvery: 5 })
  t.teardown(() => index.stop())
  const seeded = service.live.current.position!
  const result = await service.graphql<any>(
    `mutation ($input: CorrectIndicatorValueInput!) { correctIndicatorValue(input: $input) { position } }`,
    { input: { commandId: randomUUID(), indicatorId, period: '2024', value: '4700', reason: { sq: 'Korrigjim' } } },
    service.token(principals.admin),
  )
  const position = BigInt(result.data.correctIndicatorValue.position)
  await service.live.reach(position, 2000)
  t.equal(await index.whenReady(20), false, 'not ready while the earlier log is unread')
  const waiting = index.whenReady(60_000)
  open()
  t.equal(await waiting, true, 'a wait ends as soon as the earlier log is read')
  await index.ready
  t.equal(await index.whenReady(0), true)
  t.equal(index.positionAt(new Date(Date.now() + 1000)), position)
  t.same((await index.at(position)).plans.state, service.live.current.plans.state)
  t.equal((await index.at(seeded)).position, seeded)
})

t.test('an as-of query while the earlier log is still being indexed is refused after the consistency timeout, then answered', async (t) => {
  const service = await startService(t)
  // The index of a second server over the same log and live models reads the earlier log through this gate.
  const { gated, open } = gatedReads(service.store)
  const app = await buildServer({
    store: gated,
    live: service.live,
    config: { logLevel: 'silent', jwtSecret: testSecret, consistencyTimeoutMs: 30 },
  })
  t.teardown(() => app.close())
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  const query = 'query ($at: Position!) { plans(asOf: { position: $at }) { totalCount } }'
  const refused = await postGraphQL(url, query, { at: '5' })
  t.match(refused.errors, [
    {
      message: /not available yet: the history is being indexed \(\d+ events so far, waited 30 ms\); retry/,
      extensions: { code: 'SERVICE_UNAVAILABLE', trgCode: 'TRG_AS_OF_NOT_READY', details: { indexedEvents: Number, waitedMs: 30 } },
    },
  ])
  open()
  // The earlier log is read in turns beside the requests: on a busy machine more than 30 ms.
  let answered = await postGraphQL<any>(url, query, { at: '5' })
  while (answered.errors?.[0]?.extensions?.trgCode === 'TRG_AS_OF_NOT_READY') {
    await new Promise((resolve) => setTimeout(resolve, 20))
    answered = await postGraphQL<any>(url, query, { at: '5' })
  }
  t.equal(answered.errors, undefined)
  t.type(answered.data.plans.totalCount, 'number')
})

t.test('an index that cannot read the earlier log answers each as-of request with why, and the process goes on', async (t) => {
  const service = await startService(t)
  const lost = new TreguesiError('TRG_STORE_UNAVAILABLE', { store: 'sqlite', reason: 'disk I/O error' })
  const failing = {
    ...service.store,
    readAll: (): AsyncIterable<RecordedEvent> => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(lost) }) }),
  }
  const index = new AsOfReadModels(failing, service.live)
  t.teardown(() => index.stop())
  // Long enough for the failure to have happened with nobody waiting for it yet.
  await new Promise((resolve) => setImmediate(resolve))
  await t.rejects(index.at(1n), lost)
  await t.rejects(index.ready, lost)
})
