import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { executeCommand } from '@treguesi/commands'
import { defineIndicator, registerMunicipality } from '@treguesi/domain/testing'
import { TreguesiError } from '@treguesi/errors'
import { SqliteEventStore, type CatchUpSubscription, type EventStore } from '@treguesi/event-store'
import { loadSeeds, seeds } from '@treguesi/seeds'
import { entriesOf, getEntry, nationalAggregate, nationalCodes } from '@treguesi/projections'
import t from 'tap'
import { LiveReadModels } from '../src/index.js'

t.test('the live read models keep plans, budgets and national figures at one position of the log', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'treguesi-read-models-'))
  const store = new SqliteEventStore({ path: join(dir, 'treguesi.db') })
  await loadSeeds(store, seeds)
  const live = new LiveReadModels(store)
  t.teardown(async () => {
    await live.stop()
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })
  await live.untilCaughtUp()
  const head = await store.headPosition()
  const caughtUp = live.current
  t.equal(caughtUp.position, head)
  t.equal(caughtUp.plans.position, head)
  t.equal(caughtUp.budgets.position, head)
  t.equal(caughtUp.national.position, head)
  const seeded = nationalCodes(caughtUp.national)
  t.ok(seeded.length > 20 && seeded.every((code) => code.definition !== null), "the seeds' national catalogue")
  t.same(Object.keys(caughtUp.national.state.municipalities).sort(), ['DRE', 'ELB'])

  const planId = entriesOf(caughtUp.plans.state.plans).find((plan) => plan.municipality === 'DRE')!.planId
  const objectiveId = Object.keys(getEntry(caughtUp.plans.state.plans, planId)!.objectives)[0]!
  const indicatorId = randomUUID()
  const context = () => ({ commandId: randomUUID(), actor: { id: 'admin-1', role: 'admin' }, occurredAt: '2025-07-01T09:00:00+02:00' })
  const define = defineIndicator(
    indicatorId,
    planId,
    { kind: 'objective', id: objectiveId },
    {
      municipality: 'DRE',
      code: 'N.1',
      name: { sq: 'Raste të trajtuara' },
      nationalCode: 'PKVBGJ-3.1',
    },
  )
  // The seed's plan is approved: it takes a new indicator once reopened. The national indicator it
  // is tied to is in the catalogue first.
  await executeCommand(store, { type: 'ReopenPlan', planId, reason: { sq: 'Shtohet një tregues' } }, context())
  await executeCommand(
    store,
    { type: 'DefineNationalIndicator', code: 'PKVBGJ-3.1', name: { sq: 'Raste të trajtuara' }, unit: 'count' },
    context(),
  )
  await executeCommand(store, define, context())
  const reported = await executeCommand(store, { type: 'ReportIndicatorValue', indicatorId, period: '2025-H1', value: '12' }, context())
  t.ok(await live.reach(reported.position!, 2000))
  t.equal(await live.reach(reported.position!, 0), true, 'a position already applied is reached at once')
  const now = live.current
  t.not(now, caughtUp, 'a new snapshot; the old one is unchanged')
  t.equal(now.national.position, reported.position)
  t.match(nationalAggregate(now.national, 'PKVBGJ-3.1', '2025-H1' as never, 'XK'), {
    definition: { code: 'PKVBGJ-3.1', unit: 'count' },
    country: 'XK',
    total: { value: '12' },
    counted: ['DRE'],
  })
  t.match(
    nationalCodes(now.national).find((code) => code.nationalCode === 'PKVBGJ-3.1'),
    { countries: ['XK'], municipalities: ['DRE'] },
  )
  t.equal(nationalCodes(now.national).length, seeded.length + 1, 'one code more')
  t.same(nationalCodes(caughtUp.national), seeded, 'the earlier snapshot is as it was')
})

t.test('listeners hear each event once it is applied, and stop when asked', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'treguesi-read-models-'))
  const store = new SqliteEventStore({ path: join(dir, 'treguesi.db') })
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const live = new LiveReadModels(store)
  await live.untilCaughtUp()
  t.equal(live.caughtUp, true)
  await live.untilCaughtUp()
  t.pass('once caught up, waiting for it returns at once')
  t.equal(live.failure, undefined)
  const heard: string[] = []
  const stop = live.onEvent((event) => heard.push(`${event.type} ${live.current.position === event.position}`))
  const context = { commandId: randomUUID(), actor: { id: 'admin-1', role: 'admin' }, occurredAt: '2025-07-01T09:00:00+02:00' }
  const registered = await executeCommand(store, registerMunicipality({ code: 'SHK', name: { sq: 'Bashkia Shkodër' } }), context)
  await live.reach(registered.position!, 2000)
  stop()
  t.match(heard, [/^municipality\.registered\.v\d+ true$/])
  t.same(live.current.national.state.municipalities.SHK, { name: { sq: 'Bashkia Shkodër' }, country: 'AL' })

  await live.stop()
  await store.close()
})

t.test('a subscription that fails is kept as the failure, so the service stops being ready', async (t) => {
  const lost = new TreguesiError('TRG_STORE_UNAVAILABLE', { store: 'eventstoredb', reason: 'connection reset' })
  const failing: CatchUpSubscription = {
    [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(lost) }),
    stop: async () => {},
  }
  const live = new LiveReadModels({ subscribeToAll: () => failing } as unknown as EventStore)
  // Stopping waits for the subscription loop to end, which it has, with the failure.
  await live.stop()
  t.equal(live.failure, lost)
  t.equal(live.caughtUp, false)
})

t.test('once the feed has failed, waiting for a position ends at once, and a rebuild is refused', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'treguesi-read-models-'))
  const store = new SqliteEventStore({ path: join(dir, 'treguesi.db') })
  t.teardown(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })
  await store.append('plan-1', [{ id: randomUUID(), type: 'plan.noted', data: {} }])
  // The real store's subscription, failing once released: a lost connection, say.
  let release: () => void = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  const lost = new TreguesiError('TRG_STORE_UNAVAILABLE', { store: 'sqlite', reason: 'connection reset' })
  const failing: CatchUpSubscription = {
    [Symbol.asyncIterator]: () => ({ next: () => released.then(() => Promise.reject(lost)) }),
    stop: async () => {},
  }
  const live = new LiveReadModels({ ...store, subscribeToAll: () => failing } as EventStore)
  const heard: Error[] = []
  const stopListening = live.onFailure((failure) => heard.push(failure))
  const waiting = live.reach(1n, 60_000)
  release()
  t.equal(await waiting, false, 'a wait in progress ends with the failure, not its timeout')
  t.same(heard, [lost], 'failure listeners hear it')
  stopListening()
  t.equal(await live.reach(1n, 60_000), false, 'a new wait ends at once')
  await t.rejects(live.rebuild(store), {
    code: 'TRG_REBUILD_REFUSED',
    details: {
      reason:
        'the live read models stopped before the first event (The sqlite event store is unavailable: connection reset); restart the service once the log can be read',
    },
  })
  await live.stop()
})

t.test('catching up, the read models hand the event loop back and say how far they have come', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'treguesi-read-models-'))
  const store = new SqliteEventStore({ path: join(dir, 'treguesi.db') })
  await loadSeeds(store, seeds)
  const head = (await store.headPosition())!
  // A millisecond per event applied, as the clock the progress is timed with sees it.
  let now = 0
  const live = new LiveReadModels(store, { clock: () => now })
  t.teardown(async () => {
    await live.stop()
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })
  let turns = 0
  const counting = setInterval(() => turns++, 0)
  const midway: unknown[] = []
  live.onEvent((event) => {
    now = Number(event.position)
    if (event.position === 300n) midway.push(live.progress)
  })
  await live.untilCaughtUp()
  clearInterval(counting)
  t.ok(turns >= 3, `timers ran ${turns} times while ${head} events were folded`)
  t.same(midway, [{ phase: 'catching up', eventsApplied: 300, seconds: 0.3, eventsPerSecond: 1000 }], 'applied, seconds and rate, midway')
  now += 10_000
  const seconds = Number(head) / 1000
  t.same(
    live.progress,
    { phase: 'catching up', eventsApplied: Number(head), seconds, eventsPerSecond: Number(head) / seconds },
    'frozen once caught up',
  )
})
