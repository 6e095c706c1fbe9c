import { Agent, request } from 'node:http'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import BetterSqlite3 from 'better-sqlite3'
import { nationalStore, removeDatabase, scratchCopy } from '../data.js'
import { progress, type MetricResult } from '../result.js'
import { median, now, percentile, significant } from '../stats.js'
import type { PhaseSamples, SamplerMessage, SamplerOptions } from './hostile-sampler.js'
import { planQuery, startServer, stopServer, type Server } from './http.js'

/**
 * hostile: the most expensive operations a caller can write within the service's limits
 * (services/api/src/graphql/limits.ts: depth, complexity, aliases, type repetitions, measured
 * before an operation runs; ./execution-budget.ts: objects and time, counted while it runs), sent
 * anonymously (the generated plans are approved, so an anonymous caller reads all of them) one at
 * a time to the API on the national log of the HTTP group. For each: the status, the bytes, what
 * the service did with it (answered, refused before running, or cut short while running, with the
 * TRG code and the limit), the time to answer, the API process's peak resident memory, and the
 * round trips of /healthz polled every 50 ms meanwhile (./hostile-sampler.ts).
 *
 * Page sizes and alias counts are the largest the complexity limit lets through, worked out from
 * the service's own refusals: a refusal names the operation's complexity (`actual`), which grows
 * linearly with the page, so two refusals give the cost per item.
 */
export interface HostileParameters {
  readonly size: number
  /** Rounds of each operation, all counted (the first of each is reported on its own as well). */
  readonly rounds: number
  readonly pollMilliseconds: number
  /** /healthz polled with nothing else running, before the operations: the baseline. */
  readonly idleSeconds: number
  /**
   * A pause after each round. The service refuses every request but probes (503, TRG_OVERLOADED)
   * while the mean event-loop delay of its last one-second sample is over its threshold; after a
   * longer pause the next round meets a service that is not refusing because of the last one.
   */
  readonly pauseSeconds: number
  /** Starts of the API to try: under heavy load it can miss fastify's plugin timeout (docs/benchmarks.md). */
  readonly startAttempts: number
}

/** services/api/src/graphql/execution-budget.ts: defaultExecutionLimits.objects. */
const objectsBudget = 50_000
/** services/api/src/graphql/queries/connection.ts: maximumPageSize. */
const largestPage = 200
/** services/api/src/graphql/limits.ts: queryLimits.aliases. */
const mostAliases = 30

/**
 * GraphiQL's introspection query as the service's GraphiQL page sends it: @graphiql/react 0.29
 * calls graphql-js 16.15's getIntrospectionQuery without options (descriptions, no schema
 * description, no input-value deprecation). Its `__schema` selection, aliased `copies` times.
 */
export function introspectionQuery(copies: number): string {
  const schema = `__schema { queryType { name kind } mutationType { name kind } subscriptionType { name kind } types { ...FullType } directives { name description locations args { ...InputValue } } }`
  const typeRef = `kind name ${'ofType { name kind '.repeat(9)}${'}'.repeat(9)}`
  return [
    `query IntrospectionQuery { ${Array.from({ length: copies }, (_, i) => `s${i + 1}: ${schema}`).join(' ')} }`,
    'fragment FullType on __Type { kind name description fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason } inputFields { ...InputValue } interfaces { ...TypeRef } enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ...TypeRef } }',
    'fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }',
    `fragment TypeRef on __Type { ${typeRef} }`,
  ].join('\n')
}

/** The plan↔indicator cycle one turn deep over a page of plans. */
export const cyclePlansQuery = (first: number): string =>
  `query CyclePlans { plans(first: ${first}) { edges { node { indicators { plan { indicators { code } } } } } } }`

/** The cycle two turns deep from one indicator; deeper costs more than the complexity limit. */
export const cycleIndicatorQuery = `query CycleIndicator($id: ID!) { indicator(id: $id) { plan { indicators { plan { indicators { code } } } } } }`

const rollUp = 'rollUp { attainment { value reason } rating counted }'
const planHeader = `id municipalityCode kind title { sq en } period { from to } status counts { areas objectives measures indicators }
  rollUp { attainment { value reason } rating indicators counted ratings { rating count } measures measureStatuses { status count } }`
/** The indicator figures of query.plan's progress page. */
const progressIndicator = 'id code unit period actual { value reason } attainment { value reason } rating { value reason }'
/** Every figure of an indicator, its values with their breakdowns, and its history. */
const fullIndicator = `id code name { sq } unit direction period actual { value reason } target { appliesTo resolved { value reason } }
  attainment { value reason } progress { value reason } rating { value reason }
  values { period value breakdowns { dimension categories { category value } } }
  history { kind period value { value } position }`

/**
 * A page of plans with their whole tree: areas, objectives nested four deep (the type-repetition
 * limit), their measures and every indicator, with `indicator`'s fields. With the full indicator
 * it is 14 levels deep (the limit is 15).
 */
export const treeQuery = (first: number, indicator: string): string => `query WholeTree { plans(first: ${first}) { totalCount edges { node {
  ${planHeader}
  areas { id code title { sq } ${rollUp} objectives { ...Objective children { ...Objective children { ...Objective children { ...Objective } } } } } } } } }
fragment Objective on Objective { id code ${rollUp} indicators { ...Indicator } measures { id code status indicators { ...Indicator } } }
fragment Indicator on Indicator { ${indicator} }`

/** An indicator to start the two-turn cycle from, and how many indicators its plan has. */
interface CycleTarget {
  readonly indicatorId: string
  readonly planIndicators: number
}

interface Targets {
  /** The plan with the most indicators; the baseline asks for its progress page. */
  readonly largestPlan: { readonly id: string; readonly indicators: number }
  /** An indicator of the largest plan whose two-turn cycle fits the object budget. */
  readonly fitting: CycleTarget | null
  /** An indicator of the largest plan, whose two-turn cycle holds more objects than the budget. */
  readonly over: CycleTarget | null
  readonly plans: number
}

/**
 * Objects the two-turn cycle of an indicator counts against the budget, its plan having `n`
 * indicators: indicator, plan, the list and its n items, then for each item its plan and that
 * plan's list of n.
 */
const cycleObjects = (n: number): number => 3 + n + n * (2 + n)

function findTargets(path: string): Targets {
  const db = new BetterSqlite3(path, { readonly: true })
  try {
    const rows = db
      .prepare(
        `SELECT json_extract(data, '$.planId') AS plan, json_extract(data, '$.indicatorId') AS id FROM events WHERE type = 'indicator.defined.v1' ORDER BY position`,
      )
      .all() as { plan: string; id: string }[]
    const plans = new Map<string, string[]>()
    for (const { plan, id } of rows) plans.set(plan, [...(plans.get(plan) ?? []), id])
    const bySize = [...plans].sort((a, b) => b[1].length - a[1].length)
    const [largestId, largestIndicators] = bySize[0]!
    const fits = bySize.find(([, ids]) => cycleObjects(ids.length) <= objectsBudget)
    const over = bySize.find(([, ids]) => cycleObjects(ids.length) > objectsBudget)
    const pick = (entry: [string, string[]] | undefined) =>
      entry === undefined ? null : { indicatorId: entry[1][0]!, planIndicators: entry[1].length }
    return {
      largestPlan: { id: largestId, indicators: largestIndicators.length },
      fitting: pick(fits),
      over: pick(over),
      plans: plans.size,
    }
  } finally {
    db.close()
  }
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 })

interface Answer {
  readonly status: number
  readonly bytes: number
  readonly milliseconds: number
  readonly body: string
}

/** One POST; the time is from sending to the last byte of the answer. */
function post(url: string, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = now()
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => {
        const milliseconds = now() - started
        const buffer = Buffer.concat(chunks)
        resolve({ status: response.statusCode ?? 0, bytes: buffer.length, milliseconds, body: buffer.toString('utf8') })
      })
      response.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

interface GraphQLErrorJson {
  readonly message: string
  readonly extensions?: { readonly code?: string; readonly trgCode?: string; readonly details?: Record<string, unknown> }
}

/** What the service did with an operation. */
interface Outcome {
  /** answered; answered with errors (some fields failed); refused (before running); cut short (while running); failed (not a GraphQL answer). */
  readonly outcome: 'answered' | 'answered with errors' | 'refused' | 'cut short' | 'failed'
  readonly code: string | null
  /** The limits named by TRG_LIMIT_EXCEEDED, with their figures. */
  readonly limits: readonly { readonly limit: unknown; readonly maximum: unknown; readonly actual: unknown }[]
  readonly message: string | null
  /** Plans in the answer, for the page queries. */
  readonly plans: number | null
}

function outcomeOf(answer: Answer): Outcome {
  let parsed: { data?: Record<string, unknown> | null; errors?: GraphQLErrorJson[] }
  try {
    parsed = JSON.parse(answer.body) as typeof parsed
  } catch {
    return { outcome: 'failed', code: null, limits: [], message: `HTTP ${answer.status}: ${answer.body.slice(0, 200)}`, plans: null }
  }
  const errors = parsed.errors ?? []
  const limits = errors.flatMap((error) =>
    error.extensions?.trgCode === 'TRG_LIMIT_EXCEEDED'
      ? [{ limit: error.extensions.details?.limit, maximum: error.extensions.details?.maximum, actual: error.extensions.details?.actual }]
      : [],
  )
  const first = errors[0]
  const code = first === undefined ? null : (first.extensions?.trgCode ?? first.extensions?.code ?? null)
  const message = first?.message ?? null
  const edges = (parsed.data?.plans as { edges?: unknown[] } | undefined)?.edges
  const plans = Array.isArray(edges) ? edges.length : null
  if (answer.status !== 200 && !('data' in parsed))
    return { outcome: errors.length > 0 ? 'refused' : 'failed', code, limits, message, plans }
  if (!('data' in parsed)) return { outcome: 'refused', code, limits, message, plans }
  if (parsed.data === null && limits.length > 0) return { outcome: 'cut short', code, limits, message, plans }
  if (errors.length > 0) return { outcome: 'answered with errors', code, limits, message, plans }
  return { outcome: 'answered', code, limits, message, plans }
}

/** An outcome in a few words: `cut short (TRG_LIMIT_EXCEEDED: objects in one answer 50106 > 50000)`. */
function describe(outcome: Outcome): string {
  if (outcome.code === null) return outcome.outcome
  const limits = outcome.limits.map((limit) => `${String(limit.limit)} ${String(limit.actual)} > ${String(limit.maximum)}`).join(', ')
  return `${outcome.outcome} (${outcome.code}${limits === '' ? '' : `: ${limits}`})`
}

/** Starts the API, trying again when a start fails (see `startAttempts`). */
async function start(path: string, attempts: number): Promise<{ server: Server; attempts: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { server: await startServer(path), attempts: attempt }
    } catch (error) {
      if (attempt >= attempts) throw error
      progress(`hostile: the API did not start (${(error as Error).message}); trying again`)
    }
  }
}

class Sampler {
  readonly #worker: Worker

  constructor(options: SamplerOptions) {
    this.#worker = new Worker(fileURLToPath(new URL('hostile-sampler.js', import.meta.url)), { workerData: options })
  }

  phase(phase: string): void {
    this.#worker.postMessage({ phase } satisfies SamplerMessage)
  }

  async stop(): Promise<Map<string, PhaseSamples>> {
    const samples = new Promise<Record<string, PhaseSamples>>((resolve) => this.#worker.once('message', resolve))
    this.#worker.postMessage({ stop: true } satisfies SamplerMessage)
    const result = new Map(Object.entries(await samples))
    await this.terminate()
    return result
  }

  /** Ends the worker, whether or not it was stopped (a run that failed half-way). */
  async terminate(): Promise<void> {
    await this.#worker.terminate()
  }
}

/** The phase of the sampler one round of an operation is filed under. */
const phaseOf = (name: string, round: number): string => `${name}#${round}`

/** The API process's memory as Node reports it after a full collection (serve.js's control route). */
async function memoryOf(server: Server): Promise<NodeJS.MemoryUsage> {
  const response = await fetch(`${server.static}/control/memory?gc`)
  return (await response.json()) as NodeJS.MemoryUsage
}

const memoryInMiB = (usage: NodeJS.MemoryUsage): Record<string, number | null> =>
  Object.fromEntries(Object.entries(usage).map(([key, bytes]) => [key, mib(bytes)]))

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
const mib = (bytes: number | null): number | null => (bytes === null ? null : significant(bytes / 2 ** 20))

/** A page size (or alias count) and the complexity it is measured at, from the service's refusals. */
interface Fitted {
  readonly n: number
  /** complexity = constant + perItem × n; null when the largest n asked for was accepted. */
  readonly constant: number | null
  readonly perItem: number | null
  readonly complexity: number | null
  readonly maximum: number | null
}

/**
 * The largest n (at most `upTo`) for which `build(n)` is not refused for its complexity. The
 * refusals of `upTo` and `upTo - 1` give the complexity's constant and cost per item; the answer
 * is checked by sending n + 1, which must be refused, and (when n is 1 or more) n's complexity
 * is reported as those figures give it.
 */
async function largestFitting(url: string, what: string, build: (n: number) => string, upTo: number): Promise<Fitted> {
  const complexityAt = async (n: number): Promise<{ actual: number; maximum: number } | null> => {
    const answer = await post(url, JSON.stringify({ query: build(n) }))
    const outcome = outcomeOf(answer)
    if (outcome.outcome !== 'refused') return null
    const complexity = outcome.limits.find((limit) => limit.limit === 'complexity')
    if (complexity === undefined) throw new Error(`${what} with ${n} is refused for another reason: ${outcome.code} ${outcome.message}`)
    return { actual: Number(complexity.actual), maximum: Number(complexity.maximum) }
  }
  const high = await complexityAt(upTo)
  if (high === null) return { n: upTo, constant: null, perItem: null, complexity: null, maximum: null }
  const low = await complexityAt(upTo - 1)
  if (low === null) return { n: upTo - 1, constant: null, perItem: null, complexity: null, maximum: high.maximum }
  const perItem = high.actual - low.actual
  const constant = high.actual - upTo * perItem
  const n = Math.max(0, Math.floor((high.maximum - constant) / perItem))
  if (n + 1 <= upTo && (await complexityAt(n + 1)) === null)
    throw new Error(`${what}: ${n + 1} was expected to be refused for its complexity, and was not`)
  progress(
    `${what}: complexity ${constant} + ${perItem} × n; the largest n within ${high.maximum.toLocaleString('en')} is ${n} (${(constant + perItem * n).toLocaleString('en')})`,
  )
  return { n, constant, perItem, complexity: constant + perItem * n, maximum: high.maximum }
}

interface Operation {
  readonly name: string
  readonly description: string
  readonly body: string
  readonly about: Readonly<Record<string, unknown>>
}

/** The two-turn cycle from `indicator`; none when the log has no such indicator. */
function indicatorCycle(name: string, description: string, indicator: CycleTarget | null): Operation[] {
  if (indicator === null) return []
  const { indicatorId, planIndicators } = indicator
  const body = JSON.stringify({ query: cycleIndicatorQuery, variables: { id: indicatorId } })
  return [{ name, description, body, about: { indicatorId, planIndicators, objectsExpected: cycleObjects(planIndicators) } }]
}

const statistic =
  'time to answer: median over rounds (max and every round in parameters); /healthz: p99 and max of the probes sent while the operation ran, one every 50 ms'

export async function hostile(parameters: HostileParameters): Promise<MetricResult[]> {
  const { size, rounds, pollMilliseconds, idleSeconds, pauseSeconds, startAttempts } = parameters
  const path = scratchCopy(await nationalStore(size), 'hostile')
  const targets = findTargets(path)
  progress(`hostile: starting the API on a ${size.toLocaleString('en')}-event log (its read models catch up first)`)
  const { server, attempts } = await start(path, startAttempts)
  const graphql = `${server.api}/graphql`
  const sampler = new Sampler({ healthzUrl: `${server.api}/healthz`, pid: server.child.pid!, intervalMs: pollMilliseconds })
  const common = {
    events: size,
    plansInLog: targets.plans,
    apiCatchUpSeconds: server.catchUpSeconds,
    apiAsOfIndexSeconds: server.asOfIndexSeconds,
    apiStartAttempts: attempts,
    caller: 'anonymous',
    rounds,
    concurrency: 1,
  }
  const results: MetricResult[] = []
  try {
    // After a full collection, so the garbage of start-up is not collected during the idle samples.
    const memoryBefore = await memoryOf(server)
    sampler.phase('pause')
    await sleep(1000)
    sampler.phase('idle')
    await sleep(idleSeconds * 1000)

    sampler.phase('probe')
    const cyclePlans = await largestFitting(graphql, 'the plan↔indicator cycle over a page of plans', cyclePlansQuery, largestPage)
    const progressTree = await largestFitting(
      graphql,
      'the progress tree of a page of plans',
      (n) => treeQuery(n, progressIndicator),
      largestPage,
    )
    const fullTree = await largestFitting(graphql, 'the full tree of a page of plans', (n) => treeQuery(n, fullIndicator), largestPage)
    const introspection = await largestFitting(graphql, "GraphiQL's introspection, aliased", introspectionQuery, mostAliases)
    const fitted = (fit: Fitted) => ({
      complexity: fit.complexity,
      complexityPerItem: fit.perItem,
      complexityConstant: fit.constant,
      complexityLimit: fit.maximum,
    })

    const operations: Operation[] = [
      {
        name: 'hostile.cycle.plans',
        description: `plans(first: ${cyclePlans.n}) { edges { node { indicators { plan { indicators { code } } } } } }`,
        body: JSON.stringify({ query: cyclePlansQuery(cyclePlans.n) }),
        about: { first: cyclePlans.n, ...fitted(cyclePlans) },
      },
      ...indicatorCycle(
        'hostile.cycle.indicator',
        'indicator(id) { plan { indicators { plan { indicators { code } } } } }, on the largest plan whose answer fits the object budget',
        targets.fitting,
      ),
      ...indicatorCycle(
        'hostile.cut',
        'the same two-turn cycle from an indicator of the largest plan, whose answer holds more objects than the budget',
        targets.over,
      ),
      {
        name: 'hostile.tree.progress',
        description: `plans(first: ${progressTree.n}) with the whole tree (objectives four deep) and query.plan's indicator figures; depth 12`,
        body: JSON.stringify({ query: treeQuery(progressTree.n, progressIndicator) }),
        about: { first: progressTree.n, ...fitted(progressTree) },
      },
      {
        name: 'hostile.tree.full',
        description: `plans(first: ${fullTree.n}) with the whole tree and every indicator's figures, values with breakdowns and history; depth 14`,
        body: JSON.stringify({ query: treeQuery(fullTree.n, fullIndicator) }),
        about: { first: fullTree.n, ...fitted(fullTree) },
      },
      {
        name: 'hostile.introspection',
        description: `GraphiQL's full introspection, ×${introspection.n} aliased`,
        body: JSON.stringify({ query: introspectionQuery(introspection.n) }),
        about: { copies: introspection.n, ...fitted(introspection) },
      },
    ]

    // The baseline of each round: the progress page of one plan (query.plan's query), as honest a
    // query as the service serves.
    const honest = JSON.stringify({ query: planQuery, variables: { id: targets.largestPlan.id } })
    const measured: {
      operation: Operation
      times: number[]
      honest: number[]
      answers: (Answer & Outcome)[]
      honestOutcomes: Outcome[]
    }[] = []
    for (const operation of operations) {
      const entry = {
        operation,
        times: [] as number[],
        honest: [] as number[],
        answers: [] as (Answer & Outcome)[],
        honestOutcomes: [] as Outcome[],
      }
      for (let round = 0; round < rounds; round++) {
        sampler.phase(phaseOf(operation.name, round))
        const answer = await post(graphql, operation.body)
        sampler.phase('honest')
        const baseline = await post(graphql, honest)
        entry.times.push(answer.milliseconds)
        entry.honest.push(baseline.milliseconds)
        entry.answers.push({ ...answer, ...outcomeOf(answer), body: '' })
        entry.honestOutcomes.push(outcomeOf(baseline))
        sampler.phase('pause')
        await sleep(pauseSeconds * 1000)
      }
      const refusedBaselines = entry.honestOutcomes.filter((outcome) => outcome.outcome !== 'answered').length
      progress(
        `${operation.name}: ${[...new Set(entry.answers.map((answer) => `${describe(answer)}, HTTP ${answer.status}, ${answer.bytes.toLocaleString('en')} bytes`))].join('; ')}; ${entry.times.map((t) => t.toFixed(0)).join(', ')} ms${refusedBaselines === 0 ? '' : `; ${refusedBaselines} baseline queries not answered`}`,
      )
      measured.push(entry)
    }
    const memoryAfter = await memoryOf(server)

    const samples = await sampler.stop()
    const empty: PhaseSamples = { healthz: [], healthzFailures: 0, rss: [], peak: null }
    const of = (phase: string): PhaseSamples => samples.get(phase) ?? empty
    /** An operation's samples over some of its rounds, as one phase. */
    const ofRounds = (name: string, from = 0): PhaseSamples => {
      const phases = Array.from({ length: rounds - from }, (_, i) => of(phaseOf(name, from + i)))
      const peaks = phases.flatMap((phase) => (phase.peak === null ? [] : [phase.peak]))
      return {
        healthz: phases.flatMap((phase) => phase.healthz),
        healthzFailures: phases.reduce((total, phase) => total + phase.healthzFailures, 0),
        rss: phases.flatMap((phase) => phase.rss),
        peak: peaks.length === 0 ? null : Math.max(...peaks),
      }
    }
    const peakOf = (phase: PhaseSamples): number | null =>
      phase.rss.length === 0 && phase.peak === null ? null : Math.max(phase.peak ?? 0, ...phase.rss)
    const healthz = (latencies: readonly number[]) =>
      latencies.length === 0
        ? { p99: null, max: null, probes: 0 }
        : { p99: significant(percentile(latencies, 99)), max: significant(Math.max(...latencies)), probes: latencies.length }
    const idle = of('idle')
    const idleHealthz = healthz(idle.healthz)
    const idleRss = idle.rss.length === 0 ? null : median(idle.rss)

    for (const { operation, times, honest: honestTimes, answers, honestOutcomes } of measured) {
      const phase = ofRounds(operation.name)
      const value = median(times)
      const baseline = median(honestTimes)
      const outcomes = [...new Set(answers.map((answer) => answer.outcome))]
      const last = answers.at(-1)!
      const probes = healthz(phase.healthz)
      const warm = healthz(ofRounds(operation.name, 1).healthz)
      results.push({
        name: operation.name,
        value: significant(value),
        unit: 'ms (median)',
        baseline: significant(baseline),
        baselineDescription: "query.plan's progress page of the largest plan, sent after each round of the operation",
        ratio: significant(value / baseline),
        goal: 'none given: reported',
        meetsGoal: null,
        parameters: {
          ...common,
          operation: operation.description,
          ...operation.about,
          status: last.status,
          responseBytes: last.bytes,
          outcome: outcomes.join(' / '),
          roundOutcomes: answers.map((answer) => describe(answer)),
          baselineNotAnswered: honestOutcomes.filter((outcome) => outcome.outcome !== 'answered').map(describe),
          code: last.code,
          limits: last.limits,
          message: last.message,
          plansAnswered: last.plans,
          maxMs: significant(Math.max(...times)),
          firstRoundMs: significant(times[0]!),
          roundsMs: times.map((time) => significant(time)),
          rssPeakMiB: mib(peakOf(phase)),
          rssAtStartMiB: mib(of(phaseOf(operation.name, 0)).rss[0] ?? null),
          healthzP99Ms: probes.p99,
          healthzMaxMs: probes.max,
          healthzProbes: probes.probes,
          healthzFailures: phase.healthzFailures,
          healthzMaxAfterFirstRoundMs: warm.max,
          healthzMaxByRoundMs: Array.from({ length: rounds }, (_, round) => healthz(of(phaseOf(operation.name, round)).healthz).max),
          statistic,
        },
      })
    }

    const during = measured.map(({ operation }) => ofRounds(operation.name))
    const all = healthz(during.flatMap((phase) => phase.healthz))
    const afterFirst = healthz(measured.flatMap(({ operation }) => ofRounds(operation.name, 1).healthz))
    const failedProbes = during.reduce((total, phase) => total + phase.healthzFailures, 0)
    const worst = measured
      .map(({ operation }, i) => ({ name: operation.name, max: healthz(during[i]!.healthz).max ?? 0 }))
      .sort((a, b) => b.max - a.max)[0]
    const probeParameters = {
      ...common,
      pollMilliseconds,
      idleSeconds,
      idleProbes: idleHealthz.probes,
      probes: all.probes,
      failedProbes,
      worstOperation: worst?.name,
      afterFirstRound: afterFirst,
      statistic: `round trips of GET /healthz, one sent every ${pollMilliseconds} ms whether or not the last was answered, from a worker thread of the benchmark process, while the operations ran (not while their baseline ran)`,
    }
    progress(
      `hostile: /healthz while the operations ran: p99 ${all.p99} ms, max ${all.max} ms (${all.probes} probes, ${failedProbes} failed; after each operation's first round: max ${afterFirst.max} ms); idle p99 ${idleHealthz.p99} ms, max ${idleHealthz.max} ms`,
    )
    for (const [name, value, baseline] of [
      ['hostile.healthz.p99', all.p99, idleHealthz.p99],
      ['hostile.healthz.max', all.max, idleHealthz.max],
    ] as const) {
      results.push({
        name,
        value,
        unit: 'ms',
        baseline,
        baselineDescription: `the same with nothing else running, for ${idleSeconds} s before the operations`,
        ratio: value === null || baseline === null ? null : significant(value / baseline),
        goal: 'none given: reported',
        meetsGoal: null,
        parameters: probeParameters,
      })
    }
    const peaks = during.map(peakOf).filter((peak): peak is number => peak !== null)
    const peak = peaks.length === 0 ? null : Math.max(...peaks)
    progress(
      `hostile: API resident memory: ${mib(idleRss)} MiB idle, peak ${mib(peak)} MiB while the operations ran; heap used after a full collection ${mib(memoryBefore.heapUsed)} MiB before, ${mib(memoryAfter.heapUsed)} MiB after`,
    )
    results.push({
      name: 'hostile.rss.peak',
      value: mib(peak),
      unit: 'MiB',
      baseline: mib(idleRss),
      baselineDescription: 'the API process resident before the operations, after start-up (median of the idle samples)',
      ratio: peak === null || idleRss === null ? null : significant(peak / idleRss),
      goal: 'none given: reported',
      meetsGoal: null,
      parameters: {
        ...common,
        source: `/proc/<pid>/status: VmRSS sampled every ${pollMilliseconds} ms and VmHWM, reset at the start of each round (/proc/<pid>/clear_refs)`,
        peakByOperationMiB: Object.fromEntries(measured.map(({ operation }, i) => [operation.name, mib(peakOf(during[i]!))])),
        memoryBeforeMiB: memoryInMiB(memoryBefore),
        memoryAfterMiB: memoryInMiB(memoryAfter),
        memoryStatistic:
          'process.memoryUsage() of the API after a full collection, before the operations (after the idle samples) and after them',
      },
    })
  } finally {
    await sampler.terminate()
    await stopServer(server)
    agent.destroy()
    removeDatabase(path)
  }
  return results
}
