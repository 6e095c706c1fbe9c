import type { DomainStore } from '@treguesi/commands'
import { loadSeeds, seeds } from '@treguesi/seeds'
import {
  budgetShareOf,
  budgetsProjection,
  planTree,
  plansOf,
  plansProjection,
  type BudgetsState,
  type PlansState,
  type ReadModel,
} from '@treguesi/projections'
import { nationalStore, openLog, removeDatabase, scratchCopy, seed } from '../data.js'
import { nationalEvents } from '../generator.js'
import { Random } from '../random.js'
import { progress, type MetricResult } from '../result.js'
import { median, now, percentile, significant } from '../stats.js'

export interface GrowthParameters {
  readonly sizes: readonly number[]
  readonly rounds: number
  readonly appendsPerRound: number
  readonly queriesPerRound: number
}

interface Subject {
  readonly size: number
  readonly path: string
  readonly store: DomainStore
  readonly plans: ReadModel<PlansState>
  readonly budgets: ReadModel<BudgetsState>
  readonly planId: string
}

export const sizeLabel = (size: number): string =>
  size >= 1_000_000 && size % 1_000_000 === 0 ? `${size / 1_000_000}M` : size % 1000 === 0 ? `${size / 1000}k` : String(size)

/** A log of `size` national events plus the seed plans, and its plans and budgets read models. */
async function subject(size: number): Promise<Subject> {
  const path = scratchCopy(await nationalStore(size), `growth-${size}`)
  const store = await openLog(path)
  // The probe: the same real plan (Elbasan's gender-equality plan, with its budget-share
  // indicator) on top of every log, so the query is the same at every size.
  await loadSeeds(store, seeds)
  let plans = { state: plansProjection.initialState, position: null as bigint | null }
  let budgets = { state: budgetsProjection.initialState, position: null as bigint | null }
  const started = now()
  for await (const event of store.readAll()) {
    plans = { state: plansProjection.apply(plans.state, event), position: event.position }
    budgets = { state: budgetsProjection.apply(budgets.state, event), position: event.position }
  }
  progress(`growth: ${sizeLabel(size)} log folded in ${((now() - started) / 1000).toFixed(1)} s`)
  const probe = plansOf(plans, { municipality: 'ELB', kind: 'gender-equality' }).plans[0]
  if (probe === undefined) throw new Error('the seed plan is missing from the log')
  return { size, path, store, plans, budgets, planId: probe.planId }
}

/**
 * growth: latency of a single append (through the domain store, with its revision check) and of a plan
 * query (the plan tree with every indicator's figures and roll-ups, budget shares included) on
 * logs of each size, as ratios to the smallest. All logs are open at once and measured in turns,
 * so the same moment's load on the machine falls on every size.
 */
export async function growth({ sizes, rounds, appendsPerRound, queriesPerRound }: GrowthParameters): Promise<MetricResult[]> {
  const subjects: Subject[] = []
  for (const size of sizes) subjects.push(await subject(size))
  // The same new events for every log: real payloads, each into a new stream.
  const payloads = [...nationalEvents(seed, 1000)].filter((event) => event.type === 'indicator.target-set.v1')
  const random = new Random('growth')
  const appends = Array.from({ length: (rounds + 1) * appendsPerRound }, (_, i) => {
    const payload = payloads[i % payloads.length]!
    return {
      stream: `indicator-${random.uuid()}`,
      event: { id: random.uuid(), type: payload.type, data: payload.data, metadata: payload.metadata },
    }
  })
  // Per size, per round: the p50 of wall time and of this process's CPU time per operation.
  const latency = {
    append: new Map(sizes.map((size) => [size, { wall: [] as number[], cpu: [] as number[] }])),
    query: new Map(sizes.map((size) => [size, { wall: [] as number[], cpu: [] as number[] }])),
  }
  const measureOnce = async (work: () => Promise<void> | void, into: { wall: number[]; cpu: number[] }): Promise<void> => {
    const cpuBefore = process.cpuUsage()
    const started = now()
    await work()
    const wall = now() - started
    const cpu = process.cpuUsage(cpuBefore)
    into.wall.push(wall)
    into.cpu.push((cpu.user + cpu.system) / 1000)
  }
  try {
    // Round 0 warms up every log and is not counted.
    for (let round = 0; round <= rounds; round++) {
      const order = round % 2 === 0 ? subjects : [...subjects].reverse()
      for (const s of order) {
        const appendTimes = { wall: [] as number[], cpu: [] as number[] }
        for (let i = round * appendsPerRound; i < (round + 1) * appendsPerRound; i++) {
          const { stream, event } = appends[i]!
          await measureOnce(async () => void (await s.store.append(stream, [event], { expectedRevision: 'no_stream' })), appendTimes)
        }
        const queryTimes = { wall: [] as number[], cpu: [] as number[] }
        const options = { budgetShareOf: budgetShareOf(s.budgets.state) }
        for (let i = 0; i < queriesPerRound; i++) {
          await measureOnce(() => {
            if (planTree(s.plans, s.planId, options) === null) throw new Error('the probe plan is unknown')
          }, queryTimes)
        }
        if (round > 0) {
          for (const [kind, times] of [
            ['append', appendTimes],
            ['query', queryTimes],
          ] as const) {
            const into = latency[kind].get(s.size)!
            into.wall.push(percentile(times.wall, 50))
            into.cpu.push(percentile(times.cpu, 50))
          }
        }
      }
    }
  } finally {
    for (const s of subjects) {
      await s.store.close()
      removeDatabase(s.path)
    }
  }
  const base = sizes[0]!
  const results: MetricResult[] = []
  for (const kind of ['append', 'query'] as const) {
    const of = (size: number) => ({ wall: median(latency[kind].get(size)!.wall), cpu: median(latency[kind].get(size)!.cpu) })
    const baseline = of(base)
    progress(
      `growth.${kind}: ${sizes.map((size) => `${sizeLabel(size)} ${(of(size).wall * 1000).toFixed(0)} µs (CPU ${(of(size).cpu * 1000).toFixed(0)} µs)`).join(', ')}`,
    )
    for (const size of sizes.slice(1)) {
      const value = of(size)
      results.push({
        name: `growth.${kind}@${sizeLabel(size)}`,
        value: significant(value.wall * 1000),
        unit: 'µs (p50)',
        baseline: significant(baseline.wall * 1000),
        baselineDescription: `the same ${kind} on the ${sizeLabel(base)}-event log, measured in turns with it`,
        ratio: significant(value.wall / baseline.wall),
        goal: '≤ 1.2× the 10k figure',
        meetsGoal: value.wall / baseline.wall <= 1.2,
        parameters: {
          events: size,
          baseEvents: base,
          rounds,
          ...(kind === 'append'
            ? { appendsPerRound, append: 'one event into a new stream, expectedRevision no_stream, through the domain store' }
            : { queriesPerRound, query: 'planTree of the Elbasan gender-equality seed plan with budget shares (in process, no HTTP)' }),
          statistic: 'wall-clock p50 per round; median of the rounds',
          // Waiting for a core on a loaded machine stretches longer operations more; CPU time does not wait.
          cpuTime: {
            valueMicroseconds: significant(value.cpu * 1000),
            baselineMicroseconds: significant(baseline.cpu * 1000),
            ratio: significant(value.cpu / baseline.cpu),
          },
        },
      })
    }
  }
  return results
}
