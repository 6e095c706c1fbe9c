import BetterSqlite3 from 'better-sqlite3'
import {
  budgetsProjection,
  nationalProjection,
  plansProjection,
  type BudgetsState,
  type NationalState,
  type PlansState,
} from '@treguesi/projections'
import { nationalStore, openLog } from '../data.js'
import { progress, type MetricResult } from '../result.js'
import { median, paired, significant, timed } from '../stats.js'

export interface AllModels {
  plans: PlansState
  budgets: BudgetsState
  national: NationalState
}

/** Every projection there is, folded from the whole log as the service reads it (the domain store). */
export async function foldAll(path: string): Promise<{ models: AllModels; events: number }> {
  const store = await openLog(path)
  const models: AllModels = {
    plans: plansProjection.initialState,
    budgets: budgetsProjection.initialState,
    national: nationalProjection.initialState,
  }
  let events = 0
  try {
    for await (const event of store.readAll()) {
      models.plans = plansProjection.apply(models.plans, event)
      models.budgets = budgetsProjection.apply(models.budgets, event)
      models.national = nationalProjection.apply(models.national, event)
      events += 1
    }
  } finally {
    await store.close()
  }
  return { models, events }
}

/** The plainest read of the log: every row in order, its two JSON columns parsed. */
export function readAndParse(path: string): number {
  const db = new BetterSqlite3(path, { readonly: true })
  let events = 0
  let keys = 0
  try {
    const rows = db.prepare('SELECT position, stream, revision, event_id, type, data, metadata, recorded_at FROM events ORDER BY position')
    for (const row of rows.iterate() as IterableIterator<{ data: string; metadata: string }>) {
      // Counting keys keeps the parsed values used, whatever the optimiser makes of unused ones.
      keys += Object.keys(JSON.parse(row.data) as object).length + Object.keys(JSON.parse(row.metadata) as object).length
      events += 1
    }
  } finally {
    db.close()
  }
  return keys > 0 ? events : 0
}

export interface RebuildParameters {
  readonly size: number
  readonly rounds: number
}

/**
 * rebuild: the plans, budgets and national projections folded from the whole log read through
 * the store port, against reading the same rows with better-sqlite3 and JSON.parse-ing them.
 */
export async function rebuild({ size, rounds }: RebuildParameters): Promise<MetricResult> {
  const path = await nationalStore(size)
  const check = (events: number): void => {
    if (events !== size) throw new Error(`the log holds ${events} events, not ${size}`)
  }
  const cpu = { measured: [] as number[], baseline: [] as number[] }
  // A first read brings the file into the page cache for both sides alike.
  readAndParse(path)
  const result = await paired(
    rounds,
    async () => {
      const time = await timed(async () => check((await foldAll(path)).events))
      cpu.measured.push(size / time.cpu)
      return size / time.wall
    },
    async () => {
      const time = await timed(() => check(readAndParse(path)))
      cpu.baseline.push(size / time.cpu)
      return size / time.wall
    },
  )
  progress(
    `rebuild: projections ${result.measured.map((r) => Math.round(r)).join(', ')} /s; read+parse ${result.baseline.map((r) => Math.round(r)).join(', ')} /s`,
  )
  const value = median(result.measured)
  const ratio = median(result.ratios)
  return {
    name: 'rebuild',
    value: Math.round(value),
    unit: 'events/s',
    baseline: Math.round(median(result.baseline)),
    baselineDescription: 'better-sqlite3 reading the same rows in position order and JSON.parse-ing data and metadata',
    ratio: significant(ratio),
    goal: '≥ 0.5× reading and JSON.parse-ing the same rows',
    meetsGoal: ratio >= 0.5,
    parameters: {
      events: size,
      rounds,
      projections: ['plans', 'budgets', 'national'],
      read: "the domain store's readAll (upcasting view over SqliteEventStore, pages of 1000), as the service reads",
      statistic: 'median of rounds; ratio is the median of per-round ratios',
      perCpuSecond: { measured: Math.round(median(cpu.measured)), baseline: Math.round(median(cpu.baseline)) },
    },
  }
}

export function collect(): number {
  const gc = globalThis.gc
  if (gc === undefined) throw new Error('run node with --expose-gc: memory is measured after full collections')
  for (let i = 0; i < 3; i++) gc()
  return process.memoryUsage().heapUsed
}

/** Heap bytes that `build`'s result keeps alive, after full collections. */
async function retained(build: () => Promise<unknown>): Promise<number> {
  const before = collect()
  let kept: unknown = await build()
  const after = collect()
  // Read after measuring, so the result is alive at the second collection.
  if (kept === undefined) throw new Error('nothing was built')
  kept = undefined
  return after - before
}

export interface MemoryParameters {
  readonly size: number
}

/**
 * memory: heap bytes per event that the plans, budgets and national projections hold after a
 * rebuild from `size` events, against holding the events themselves as the store returns them.
 */
export async function memory({ size }: MemoryParameters): Promise<MetricResult> {
  const path = await nationalStore(size)
  // One fold, then each projection let go in turn: what the heap loses is what that projection
  // alone held. Objects two projections share (event data both keep) count with the last, plans.
  const before = collect()
  const { models } = await foldAll(path)
  const withAll = collect()
  models.national = nationalProjection.initialState
  const withoutNational = collect()
  models.budgets = budgetsProjection.initialState
  const plansOnly = collect()
  models.plans = plansProjection.initialState
  const none = collect()
  const all = withAll - before
  const byProjection = { national: withAll - withoutNational, budgets: withoutNational - plansOnly, plans: plansOnly - none }
  const log = await retained(async () => {
    const store = await openLog(path)
    const events = []
    for await (const event of store.readAll()) events.push(event)
    await store.close()
    return events
  })
  const perEvent = (bytes: number): number => Math.round(bytes / size)
  progress(
    `memory: projections ${perEvent(all)} B/event (plans ${perEvent(byProjection.plans)}, budgets ${perEvent(byProjection.budgets)}, national ${perEvent(byProjection.national)}); the log itself ${perEvent(log)} B/event`,
  )
  return {
    name: 'memory',
    value: perEvent(all),
    unit: 'bytes/event',
    baseline: perEvent(log),
    baselineDescription: 'heap held by the same events kept as the store returns them (RecordedEvent objects)',
    ratio: significant(all / log),
    goal: '< 1 KiB per event',
    meetsGoal: all / size < 1024,
    parameters: {
      events: size,
      measure: 'process.memoryUsage().heapUsed after three full collections (node --expose-gc), after minus before the rebuild',
      split: 'each projection released in turn (national, budgets, plans); objects shared with plans count with plans',
      bytesPerEventByProjection: {
        plans: perEvent(byProjection.plans),
        budgets: perEvent(byProjection.budgets),
        national: perEvent(byProjection.national),
      },
    },
  }
}
