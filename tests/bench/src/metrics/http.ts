import { spawn, type ChildProcess } from 'node:child_process'
import { Agent, request } from 'node:http'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import BetterSqlite3 from 'better-sqlite3'
import { nationalStore, removeDatabase, scratchCopy } from '../data.js'
import { firstYear } from '../generator.js'
import { Random } from '../random.js'
import { progress, type MetricResult } from '../result.js'
import { median, now, paired, percentile, significant } from '../stats.js'

/** What a plan's progress page asks for: the tree with roll-ups and every indicator's figures. */
export const planQuery = `query PlanProgress($id: ID!) {
  plan(id: $id) {
    id municipalityCode kind title { sq en } period { from to } status
    counts { areas objectives measures indicators }
    rollUp { attainment { value reason } rating indicators counted ratings { rating count } measures measureStatuses { status count } }
    areas {
      id code title { sq }
      rollUp { attainment { value reason } rating counted }
      objectives {
        id code title { sq }
        rollUp { attainment { value reason } rating counted }
        measures { id code status indicators { id code unit period actual { value reason } attainment { value reason } rating { value reason } } }
        children {
          id code
          rollUp { attainment { value reason } rating counted }
          measures { id code status indicators { id code unit period actual { value reason } attainment { value reason } rating { value reason } } }
        }
      }
    }
  }
}`

/** The plan-progress query as the log stood at an earlier position (an as-of query). */
export const planAsOfQuery = planQuery
  .replace('query PlanProgress($id: ID!) {', 'query PlanProgressAsOf($id: ID!, $position: Position!) {')
  .replace('plan(id: $id) {', 'plan(id: $id, asOf: { position: $position }) {')

/** What a ministry asks for: one national indicator for one period, with each municipality's part. */
export const aggregateQuery = `query NationalAggregate($code: String!, $period: Period!) {
  nationalAggregate(nationalCode: $code, country: AL, period: $period) {
    nationalCode period unit method
    total { value reason }
    numerator denominator counted
    excluded { count municipalities }
    byMunicipality { municipality municipalityName { sq } code value excludedBecause }
    bySex { dimension categories { category value } incomplete reason without }
    byUrbanRural { dimension categories { category value } incomplete reason without }
  }
}`

/** A correction of a milestone indicator's first half-year: a real change every time. */
export const correctionMutation = `mutation Correct($input: CorrectIndicatorValueInput!) {
  correctIndicatorValue(input: $input) { position revision replayed indicator { id corrections } }
}`

/** The reopening of a plan's report, so that its figures may be corrected. */
const reopenMutation = `mutation Reopen($input: ReopenReportInput!) { reopenReport(input: $input) { position } }`

interface Targets {
  readonly planId: string
  readonly nationalCode: string
  readonly period: string
  /** Milestone indicators with a value for the first half-year, which a correction flips. */
  readonly milestones: readonly string[]
  /**
   * The plans of those milestones whose first year's report is approved: it is reopened before
   * the corrections, as a real correction of approved figures would be.
   */
  readonly reopen: readonly string[]
}

/** What the queries and mutations are about, read from the log itself. */
function findTargets(path: string): Targets {
  const db = new BetterSqlite3(path, { readonly: true })
  try {
    const plan = db
      .prepare(`SELECT json_extract(data, '$.planId') AS id FROM events WHERE type = 'plan.drafted.v1' ORDER BY position LIMIT 1`)
      .get() as { id: string }
    const code = db
      .prepare(
        `SELECT json_extract(data, '$.nationalCode') AS code FROM events
         WHERE type = 'indicator.defined.v1' AND json_extract(data, '$.nationalCode') IS NOT NULL
         GROUP BY code ORDER BY count(*) DESC, code LIMIT 1`,
      )
      .get() as { code: string }
    // Two scans and an intersection: a join on json_extract would compare every pair of rows.
    const column = (sql: string, ...params: string[]): string[] => (db.prepare(sql).all(...params) as { id: string }[]).map((row) => row.id)
    const planOf = new Map(
      (
        db
          .prepare(
            `SELECT json_extract(data, '$.indicatorId') AS id, json_extract(data, '$.planId') AS planId FROM events
             WHERE type = 'indicator.defined.v1' AND json_extract(data, '$.unit') = 'milestone'`,
          )
          .all() as { id: string; planId: string }[]
      ).map((row) => [row.id, row.planId]),
    )
    const reports = (type: string) =>
      new Set(
        column(
          `SELECT json_extract(data, '$.planId') AS id FROM events WHERE type = ? AND json_extract(data, '$.period') = ?`,
          type,
          String(firstYear),
        ),
      )
    const approved = reports('plan.report-approved.v1')
    // A report submitted and not yet approved (the log may end between the two) cannot be reopened.
    const waiting = [...reports('plan.report-submitted.v1')].filter((planId) => !approved.has(planId))
    const milestones = column(
      `SELECT json_extract(data, '$.indicatorId') AS id FROM events WHERE type = 'indicator.value-reported.v1' AND json_extract(data, '$.period') = ? ORDER BY position`,
      `${firstYear}-H1`,
    )
      .filter((id) => planOf.has(id) && !waiting.includes(planOf.get(id)!))
      .slice(0, 5000)
    const reopen = [...new Set(milestones.map((id) => planOf.get(id)!))].filter((planId) => approved.has(planId))
    return { planId: plan.id, nationalCode: code.code, period: String(firstYear + 4), milestones, reopen }
  } finally {
    db.close()
  }
}

export interface Server {
  readonly api: string
  readonly static: string
  /** How long the API's read models took to fold the log before it could answer. */
  readonly catchUpSeconds: number
  /** How long the as-of index took, after that, to fold the log once more. */
  readonly asOfIndexSeconds: number
  readonly adminToken: string
  readonly viewerToken: string
  readonly child: ChildProcess
}

/** The API (`serve.js`) in a child process on the log at `path`, once it answers. */
export async function startServer(path: string): Promise<Server> {
  const script = fileURLToPath(new URL('../serve.js', import.meta.url))
  const child = spawn(process.execPath, ['--max-old-space-size=12288', script, path], { stdio: ['ignore', 'pipe', 'pipe'] })
  // Its messages pass through; the last error among them says why it ended, if it does.
  let lastError = ''
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    process.stderr.write(chunk)
    lastError =
      chunk
        .split('\n')
        .findLast((line) => /Error\b/.test(line))
        ?.trim() ?? lastError
  })
  const lines = createInterface({ input: child.stdout! })
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve)
    child.once('close', (code) =>
      reject(new Error(`the API process ended (exit code ${code}) before it was ready${lastError === '' ? '' : `: ${lastError}`}`)),
    )
  })
  return { ...(JSON.parse(first) as Omit<Server, 'child'>), child }
}

export async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return
  const exited = new Promise((resolve) => server.child.once('exit', resolve))
  server.child.kill('SIGTERM')
  await exited
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 })

/** One POST over a kept-alive connection: the status and the body as text. */
function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return send(url, 'POST', body, { 'content-type': 'application/json', ...headers })
}

function send(
  url: string,
  method: 'GET' | 'POST',
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers }, (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }))
      response.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

async function setStatic(server: Server, name: string, body: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = request(`${server.static}/control/${name}`, { method: 'PUT', headers: { 'content-type': 'text/plain' } }, (response) => {
      response.resume()
      response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`control returned ${response.statusCode}`))))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** The GraphQL errors of a response, or of a failed request, as one line; null when it succeeded. */
function problemOf(response: { status: number; text: string }): string | null {
  if (response.status !== 200) return `HTTP ${response.status}: ${response.text.slice(0, 300)}`
  const parsed = JSON.parse(response.text) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] }
  if (parsed.errors?.length) return parsed.errors.map((error) => `${error.extensions?.code ?? ''} ${error.message}`.trim()).join('; ')
  return null
}

async function cannon(
  url: string,
  body: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
): Promise<{ rps: number; p99: number; failures: number }> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    connections,
    duration: seconds,
  })
  return { rps: result.requests.average, p99: result.latency.p99, failures: result.errors + result.timeouts + result.non2xx }
}

/**
 * asof: the plan-progress query as of a random earlier position of the log, one at a time, each
 * followed by the same query now (answered from the live read models), which is the baseline.
 * Positions rather than times: the stored logs were written in bulk, so their record times barely
 * differ. An answer starts from the as-of index's nearest checkpoint and replays the events after it.
 */
async function measureAsOf(server: Server, planId: string, size: number, queries: number): Promise<MetricResult> {
  const headers = { authorization: `Bearer ${server.viewerToken}` }
  const random = new Random('as-of')
  const current = JSON.stringify({ query: planQuery, variables: { id: planId } })
  const times = { asOf: [] as number[], now: [] as number[] }
  const parameters = {
    events: size,
    queries,
    apiAsOfIndexSeconds: server.asOfIndexSeconds,
    query: 'the plan-progress query of query.plan, with asOf: { position } drawn uniformly from the whole log',
    concurrency: 1,
  }
  // The first of each is a warm-up and is not counted.
  for (let i = 0; i <= queries; i++) {
    const position = String(random.int(1, size))
    const body = JSON.stringify({ query: planAsOfQuery, variables: { id: planId, position } })
    for (const [side, request] of [
      ['asOf', body],
      ['now', current],
    ] as const) {
      const started = now()
      const response = await post(`${server.api}/graphql`, request, headers)
      const elapsed = now() - started
      const problem = problemOf(response)
      if (problem !== null) {
        progress(`asof: not measured: ${problem}`)
        return {
          ...unavailable('asof', 'ms', 'p50 < 10 ms on the 1M log', `the as-of query fails: ${problem}`, parameters),
          baselineDescription: 'the same query now',
        }
      }
      if (i > 0) times[side].push(elapsed)
    }
  }
  const value = percentile(times.asOf, 50)
  const baseline = percentile(times.now, 50)
  progress(
    `asof: p50 ${value.toFixed(1)} ms, p99 ${percentile(times.asOf, 99).toFixed(1)} ms; the same query now p50 ${baseline.toFixed(1)} ms`,
  )
  return {
    name: 'asof',
    value: significant(value),
    unit: 'ms (p50)',
    baseline: significant(baseline),
    baselineDescription: 'the same query now, answered from the live read models (their snapshot cache), one at a time in turns with it',
    ratio: significant(value / baseline),
    goal: 'p50 < 10 ms on the 1M log',
    meetsGoal: size >= 1_000_000 ? value < 10 : null,
    parameters: { ...parameters, p99: significant(percentile(times.asOf, 99)), baselineP99: significant(percentile(times.now, 99)) },
  }
}

/**
 * page.plan, report.html, report.pdf: the dashboard's plan page and the plan's monitoring report,
 * one request at a time as a reader's browser makes them, against the plan-progress query now
 * (the GraphQL answer the pages are made from, without the whole tree's figures and costing they
 * also read). Each report is read for the plan's first year.
 */
async function measurePages(server: Server, planId: string, size: number, requests: number): Promise<MetricResult[]> {
  const headers = { authorization: `Bearer ${server.viewerToken}`, 'accept-language': 'sq' }
  const query = JSON.stringify({ query: planQuery, variables: { id: planId } })
  const pages = [
    { name: 'page.plan', path: `/plans/${planId}`, count: requests, goal: 'p50 < 100 ms on the 1M log', limit: 100 },
    {
      name: 'report.html',
      path: `/plans/${planId}/report.html?period=${firstYear}`,
      count: requests,
      goal: 'p50 < 100 ms on the 1M log',
      limit: 100,
    },
    {
      name: 'report.pdf',
      path: `/plans/${planId}/report.pdf?period=${firstYear}`,
      count: Math.max(3, Math.floor(requests / 10)),
      goal: 'p50 < 2000 ms',
      limit: 2000,
    },
  ]
  const results: MetricResult[] = []
  for (const { name, path, count, goal, limit } of pages) {
    const times = { page: [] as number[], query: [] as number[] }
    let bytes = 0
    let first = 0
    let failure: string | null = null
    // The first of each is a warm-up and is not counted, but reported: the first report after a
    // start hashes the log up to its position for the head, and the first PDF launches the browser.
    for (let i = 0; i <= count && failure === null; i++) {
      const started = now()
      const response = await send(`${server.api}${path}`, 'GET', '', headers)
      const elapsed = now() - started
      if (i === 0) first = elapsed
      if (response.status !== 200) failure = `HTTP ${response.status}: ${response.text.slice(0, 300)}`
      bytes = Buffer.byteLength(response.text)
      const queried = now()
      await post(`${server.api}/graphql`, query, headers)
      if (i > 0) {
        times.page.push(elapsed)
        times.query.push(now() - queried)
      }
    }
    const parameters = { events: size, requests: count, planId, path, concurrency: 1, responseBytes: bytes }
    if (failure !== null) {
      progress(`${name}: not measured: ${failure}`)
      results.push({ ...unavailable(name, 'ms (p50)', goal, failure, parameters), baselineDescription: 'the plan-progress query now' })
      continue
    }
    const value = percentile(times.page, 50)
    const baseline = percentile(times.query, 50)
    progress(
      `${name}: p50 ${value.toFixed(1)} ms, p99 ${percentile(times.page, 99).toFixed(1)} ms; the plan-progress query p50 ${baseline.toFixed(1)} ms`,
    )
    results.push({
      name,
      value: significant(value),
      unit: 'ms (p50)',
      baseline: significant(baseline),
      baselineDescription: 'the plan-progress query now, one at a time in turns with the page',
      ratio: significant(value / baseline),
      goal,
      meetsGoal: size >= 1_000_000 || limit >= 2000 ? value < limit : null,
      parameters: { ...parameters, p99: significant(percentile(times.page, 99)), firstRequestMs: significant(first) },
    })
  }
  return results
}

export interface HttpParameters {
  readonly size: number
  readonly connections: number
  readonly queryRounds: number
  readonly querySeconds: number
  readonly commandRounds: number
  readonly commandsPerRound: number
  readonly asOfQueries: number
}

const unavailable = (name: string, unit: string, goal: string, reason: string, parameters: Record<string, unknown>): MetricResult => ({
  name,
  value: null,
  unit,
  baseline: null,
  baselineDescription: 'a bare fastify route returning the same response body, precomputed, in the same process',
  ratio: null,
  goal,
  meetsGoal: null,
  parameters,
  reason,
})

/**
 * query.plan, query.aggregate (autocannon, many connections, against a bare fastify route that
 * returns the same body), asof (see measureAsOf) and command.latency (one mutation at a time, over a kept-alive
 * connection: the response carries the entity as the read models show it once they have
 * reached the write, so its round trip is the time until the write is visible), on a copy of
 * the national log of `size` events.
 */
export async function httpMetrics(parameters: HttpParameters): Promise<MetricResult[]> {
  const { size, connections, queryRounds, querySeconds, commandRounds, commandsPerRound, asOfQueries } = parameters
  const path = scratchCopy(await nationalStore(size), 'http')
  const targets = findTargets(path)
  progress(`http: starting the API on a ${size.toLocaleString('en')}-event log (its read models catch up first)`)
  const server = await startServer(path)
  const results: MetricResult[] = []
  try {
    const queries = [
      {
        name: 'query.plan',
        body: JSON.stringify({ query: planQuery, variables: { id: targets.planId } }),
        about: { planId: targets.planId },
      },
      {
        name: 'query.aggregate',
        body: JSON.stringify({ query: aggregateQuery, variables: { code: targets.nationalCode, period: targets.period } }),
        about: { nationalCode: targets.nationalCode, period: targets.period },
      },
    ]
    const headers = { authorization: `Bearer ${server.viewerToken}` }
    for (const { name, body, about } of queries) {
      const common = {
        events: size,
        apiCatchUpSeconds: server.catchUpSeconds,
        apiAsOfIndexSeconds: server.asOfIndexSeconds,
        connections,
        secondsPerRound: querySeconds,
        rounds: queryRounds,
        ...about,
      }
      const first = await post(`${server.api}/graphql`, body, headers)
      const problem = problemOf(first)
      if (problem !== null) {
        progress(`${name}: not measured: ${problem}`)
        results.push(unavailable(name, 'requests/s', '≥ 0.5× the static route', `the query fails: ${problem}`, common))
        results.push(unavailable(`${name}.p99`, 'ms', 'p99 < 20 ms', `the query fails: ${problem}`, common))
        continue
      }
      await setStatic(server, name, first.text)
      const staticUrl = `${server.static}/static/${name}`
      // A short warm-up of both routes, not counted.
      await cannon(`${server.api}/graphql`, body, headers, connections, 1)
      await cannon(staticUrl, body, headers, connections, 1)
      const p99 = { api: [] as number[], bare: [] as number[] }
      let failures = 0
      const result = await paired(
        queryRounds,
        async () => {
          const run = await cannon(`${server.api}/graphql`, body, headers, connections, querySeconds)
          p99.api.push(run.p99)
          failures += run.failures
          return run.rps
        },
        async () => {
          const run = await cannon(staticUrl, body, headers, connections, querySeconds)
          p99.bare.push(run.p99)
          failures += run.failures
          return run.rps
        },
      )
      progress(
        `${name}: API ${result.measured.map(Math.round).join(', ')} req/s (p99 ${p99.api.join(', ')} ms); static ${result.baseline.map(Math.round).join(', ')} req/s (p99 ${p99.bare.join(', ')} ms)`,
      )
      const value = median(result.measured)
      const ratio = median(result.ratios)
      const latency = median(p99.api)
      const extra = {
        ...common,
        responseBytes: Buffer.byteLength(first.text),
        failedRequests: failures,
        statistic: 'median of rounds; ratio is the median of per-round ratios',
      }
      results.push({
        name,
        value: Math.round(value),
        unit: 'requests/s',
        baseline: Math.round(median(result.baseline)),
        baselineDescription: 'a bare fastify route returning the same response body, precomputed, in the same process',
        ratio: significant(ratio),
        goal: '≥ 0.5× the static route (and p99 < 20 ms)',
        meetsGoal: ratio >= 0.5 && latency < 20,
        parameters: extra,
      })
      results.push({
        name: `${name}.p99`,
        value: latency,
        unit: 'ms',
        baseline: median(p99.bare),
        baselineDescription: 'p99 of the bare fastify route under the same load',
        ratio: significant(latency / median(p99.bare)),
        goal: 'p99 < 20 ms',
        meetsGoal: latency < 20,
        parameters: extra,
      })
    }

    results.push(await measureAsOf(server, targets.planId, size, asOfQueries))
    results.push(...(await measurePages(server, targets.planId, size, asOfQueries)))

    const commandParameters = {
      events: size,
      apiCatchUpSeconds: server.catchUpSeconds,
      apiAsOfIndexSeconds: server.asOfIndexSeconds,
      rounds: commandRounds,
      commandsPerRound,
      concurrency: 1,
      mutation: "correctIndicatorValue of a milestone indicator (flips its first half-year; its plan's first report reopened before)",
      indicators: targets.milestones.length,
    }
    const random = new Random('command-latency')
    let sent = 0
    const mutationBody = (): string => {
      const indicatorId = targets.milestones[sent % targets.milestones.length]!
      const pass = Math.floor(sent / targets.milestones.length)
      sent += 1
      const input = {
        commandId: random.uuid(),
        indicatorId,
        period: `${firstYear}-H1`,
        value: pass % 2 === 0 ? '1' : '0',
        reason: { sq: 'Korrigjim pas verifikimit' },
      }
      return JSON.stringify({ query: correctionMutation, variables: { input } })
    }
    const adminHeaders = { authorization: `Bearer ${server.adminToken}` }
    let reopened: { status: number; text: string } | null = null
    for (const planId of targets.reopen) {
      const input = { commandId: random.uuid(), planId, period: String(firstYear), reason: { sq: 'Korrigjim pas verifikimit' } }
      const response = await post(`${server.api}/graphql`, JSON.stringify({ query: reopenMutation, variables: { input } }), adminHeaders)
      if (problemOf(response) !== null) {
        reopened = response
        break
      }
    }
    const first =
      targets.milestones.length === 0
        ? { status: 0, text: 'the log has no milestone indicator to correct' }
        : (reopened ?? (await post(`${server.api}/graphql`, mutationBody(), adminHeaders)))
    const problem = problemOf(first)
    if (problem !== null) {
      progress(`command.latency: not measured: ${problem}`)
      results.push(unavailable('command.latency.p50', 'ms', '< 2 ms', `the mutation fails: ${problem}`, commandParameters))
      results.push(unavailable('command.latency.p99', 'ms', '< 10 ms', `the mutation fails: ${problem}`, commandParameters))
    } else {
      await setStatic(server, 'mutation', first.text)
      const staticUrl = `${server.static}/static/mutation`
      const samples = { api: [] as number[], bare: [] as number[] }
      const measure = async (url: string, headers: Record<string, string>, into: number[] | null): Promise<number> => {
        const times: number[] = []
        for (let i = 0; i < commandsPerRound; i++) {
          const body = mutationBody()
          const started = now()
          const response = await post(url, body, headers)
          const elapsed = now() - started
          if (response.status !== 200) throw new Error(`HTTP ${response.status} from ${url}: ${response.text.slice(0, 300)}`)
          times.push(elapsed)
        }
        into?.push(...times)
        return percentile(times, 50)
      }
      // Round 0 warms up both routes and is not counted.
      await measure(`${server.api}/graphql`, adminHeaders, null)
      await measure(staticUrl, adminHeaders, null)
      await paired(
        commandRounds,
        () => measure(`${server.api}/graphql`, adminHeaders, samples.api),
        () => measure(staticUrl, adminHeaders, samples.bare),
      )
      for (const [p, goal, limit] of [
        [50, '< 2 ms', 2],
        [99, '< 10 ms', 10],
      ] as const) {
        const value = percentile(samples.api, p)
        const baseline = percentile(samples.bare, p)
        progress(`command.latency.p${p}: ${value.toFixed(2)} ms; static ${baseline.toFixed(3)} ms`)
        results.push({
          name: `command.latency.p${p}`,
          value: significant(value),
          unit: 'ms',
          baseline: significant(baseline),
          baselineDescription: "the same POST, one at a time, to a bare fastify route returning the mutation's response precomputed",
          ratio: significant(value / baseline),
          goal,
          meetsGoal: value < limit,
          parameters: { ...commandParameters, statistic: `p${p} of all ${samples.api.length} measured mutations` },
        })
      }
    }
  } finally {
    await stopServer(server)
    agent.destroy()
    removeDatabase(path)
  }
  return results
}
