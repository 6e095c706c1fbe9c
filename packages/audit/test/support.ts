import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Test } from 'tap'
import { isTreguesiError } from '@treguesi/errors'
import { chainedEventStore, sealLog } from '@treguesi/audit'
import { SqliteEventStore, type EventStore, type JsonObject } from '@treguesi/event-store'
import { EventStoreDbEventStore } from '@treguesi/event-store/eventstoredb'
import { newEvent, steppingClock } from '@treguesi/event-store/contract'
import { startEventStoreDbTestServer } from '@treguesi/eventstoredb-test-server'

export function tempDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'treguesi-audit-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

export function memoryStore(t: Test, clock = steppingClock()): SqliteEventStore {
  const store = new SqliteEventStore({ path: ':memory:', clock })
  t.teardown(() => store.close())
  return store
}

export function fileStore(t: Test, path: string, clock = steppingClock()): SqliteEventStore {
  // A small page makes reads cross page boundaries.
  const store = new SqliteEventStore({ path, clock, pageSize: 3 })
  t.teardown(() => store.close())
  return store
}

/** A store on a fresh in-process EventStoreDB protocol server, closed with the test. */
export async function eventStoreDb(t: Test, clock = steppingClock()): Promise<EventStore> {
  const server = await startEventStoreDbTestServer({ clock })
  const store = await EventStoreDbEventStore.connect({ connectionString: server.connectionString, pageSize: 3 })
  t.teardown(async () => {
    await store.close()
    await server.close()
  })
  return store
}

/** Awaits a promise expected to fail with a TreguesiError of `code`; returns its details. */
export async function rejection(t: Test, promise: Promise<unknown>, code: string, message: string): Promise<Record<string, unknown>> {
  const [settled] = await Promise.allSettled([promise])
  if (settled.status === 'fulfilled') {
    t.fail(`${message}: expected ${code}, but it succeeded`)
    return {}
  }
  const error = settled.reason as unknown
  t.ok(isTreguesiError(error), `${message}: a TreguesiError`)
  t.equal((error as { code?: string }).code, code, message)
  return (error as { details: Record<string, unknown> }).details
}

/** The store with some of its methods replaced. */
export function storeWith(store: EventStore, overrides: Partial<Omit<EventStore, 'kind'>>): EventStore {
  return {
    kind: store.kind,
    append: (stream, events, options) => store.append(stream, events, options),
    readStream: (stream, options) => store.readStream(stream, options),
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    headPosition: () => store.headPosition(),
    close: () => store.close(),
    ...overrides,
  }
}

/** A store whose appends go to `append` instead. */
export function withAppend(store: EventStore, append: EventStore['append']): EventStore {
  return storeWith(store, { append })
}

/**
 * A small municipal log written through the chain, interleaving streams, with two seals and
 * three events after the second one:
 *   plan-1 ×2, indicator-1, plan-1, budget-line-1 ×2, SEAL, indicator-1 ×2, plan-1,
 *   budget-line-1, SEAL, plan-1, indicator-1, budget-line-1
 */
export async function writeMunicipalLog(store: EventStore): Promise<void> {
  const chained = chainedEventStore(store)
  const actor = { actor: { id: 'editor-elb', role: 'editor' } }
  const add = (stream: string, type: string, data: JsonObject) => chained.append(stream, [newEvent(type, data, actor)])
  await chained.append('plan-1', [
    newEvent('plan.registered.v1', { title: { sq: 'Plani Vendor për Barazinë Gjinore', en: 'Local Gender Equality Plan' } }, actor),
    newEvent('plan.approved.v1', { decision: 'VKB Nr. 12' }, actor),
  ])
  await add('indicator-1', 'indicator.defined.v1', { code: 'I.4..2', unit: 'percent' })
  await add('plan-1', 'plan.area-added.v1', { code: 'A.1' })
  await chained.append('budget-line-1', [
    newEvent('budget-line.planned.v1', { amount: '1200000.00', currency: 'ALL' }, actor),
    newEvent('budget-line.allocated.v1', { amount: '900000.00', currency: 'ALL' }, actor),
  ])
  await sealLog(store)
  await add('indicator-1', 'indicator.value-reported.v1', { period: '2024', value: '41.5', marker: 'vlera-e-pare' })
  await add('indicator-1', 'indicator.value-corrected.v1', { period: '2024', value: '42.0', reason: 'gabim shtypi' })
  await add('plan-1', 'plan.measure-added.v1', { code: 'M.1.1' })
  await add('budget-line-1', 'budget-line.executed.v1', { amount: '450000.00', currency: 'ALL' })
  await sealLog(store)
  await add('plan-1', 'plan.report-approved.v1', { period: '2024' })
  await add('indicator-1', 'indicator.value-reported.v1', { period: '2025-H1', value: '43.0' })
  await add('budget-line-1', 'budget-line.executed.v1', { amount: '100000.00', currency: 'ALL' })
}
