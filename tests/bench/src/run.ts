/**
 * `npm run bench [-- --quick] [-- --only=rebuild,memory]`: every benchmark of issue 6, and the
 * hostile queries of docs/benchmarks.md, each with its baseline in the same process, one process
 * per benchmark group. Prints a table and writes
 * tests/bench/results/latest.json (and latest.md, the same table for docs/benchmarks.md).
 * It also keeps the last complete run of each mode as results/full.json and results/quick.json. Nothing
 * here fails on a slow figure: benchmarks report, they do not assert.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { benchRoot, dataDir, nationalStore, seed } from './data.js'
import { sizeLabel } from './metrics/growth.js'
import type { MetricResult } from './result.js'

interface Group {
  readonly group: string
  readonly parameters: Readonly<Record<string, unknown>>
  /** The metrics the group reports, named in advance so a failed group still leaves its rows. */
  readonly names: readonly string[]
}

const args = process.argv.slice(2)
const quick = args.includes('--quick')
const requestedGroups = args
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')

const growthSizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]
// A full run serves the HTTP figures from the 1M log; the hostile queries stay on 100k, where
// each of their several service starts takes seconds, not a minute.
const httpSize = 1_000_000
const hostileSize = 100_000
const profile: readonly Group[] = [
  { group: 'append.single', parameters: quick ? { rounds: 5, perRound: 2000 } : { rounds: 10, perRound: 5000 }, names: ['append.single'] },
  {
    group: 'append.batch100',
    parameters: quick ? { rounds: 5, batchesPerRound: 40 } : { rounds: 10, batchesPerRound: 100 },
    names: ['append.batch100'],
  },
  {
    group: 'http',
    parameters: quick
      ? { size: 100_000, connections: 50, queryRounds: 2, querySeconds: 2, commandRounds: 2, commandsPerRound: 150, asOfQueries: 15 }
      : { size: httpSize, connections: 50, queryRounds: 3, querySeconds: 10, commandRounds: 5, commandsPerRound: 400, asOfQueries: 60 },
    names: [
      'command.latency.p50',
      'command.latency.p99',
      'query.plan',
      'query.plan.p99',
      'query.aggregate',
      'query.aggregate.p99',
      'asof',
      'page.plan',
      'report.html',
      'report.pdf',
    ],
  },
  { group: 'rebuild', parameters: quick ? { size: 100_000, rounds: 2 } : { size: 1_000_000, rounds: 2 }, names: ['rebuild'] },
  {
    group: 'growth',
    parameters: quick
      ? { sizes: growthSizes, rounds: 3, appendsPerRound: 300, queriesPerRound: 20 }
      : { sizes: growthSizes, rounds: 5, appendsPerRound: 1000, queriesPerRound: 30 },
    names: ['append', 'query'].flatMap((kind) => growthSizes.slice(1).map((size) => `growth.${kind}@${sizeLabel(size)}`)),
  },
  { group: 'memory', parameters: { size: quick ? 100_000 : 1_000_000 }, names: ['memory'] },
  {
    group: 'export',
    parameters: { size: quick ? 100_000 : 1_000_000, samples: 10 },
    names: ['export.csv', 'export.csv.heap', 'export.sdmx', 'export.sdmx.heap'],
  },
  {
    group: 'start',
    parameters: quick
      ? { size: 100_000, pollMilliseconds: 50, timeoutSeconds: 120 }
      : { size: 1_000_000, pollMilliseconds: 50, timeoutSeconds: 600 },
    names: ['start.cold', 'start.warm'],
  },
  {
    group: 'hostile',
    parameters: quick
      ? { size: 100_000, rounds: 4, pollMilliseconds: 50, idleSeconds: 5, pauseSeconds: 1.5, startAttempts: 3 }
      : { size: hostileSize, rounds: 10, pollMilliseconds: 50, idleSeconds: 10, pauseSeconds: 1.5, startAttempts: 3 },
    names: [
      ...['cycle.plans', 'cycle.indicator', 'cut', 'tree.progress', 'tree.full', 'introspection'].map(
        (operation) => `hostile.${operation}`,
      ),
      'hostile.healthz.p99',
      'hostile.healthz.max',
      'hostile.rss.peak',
    ],
  },
]

/** The order of issue 6's list. */
const order = [
  'start',
  'append.single',
  'append.batch100',
  'command.latency',
  'rebuild',
  'query.plan',
  'query.aggregate',
  'asof',
  'growth',
  'memory',
  'export',
  'hostile',
]
const rank = (name: string): number => {
  const index = order.findIndex((prefix) => name === prefix || name.startsWith(`${prefix}.`) || name.startsWith(`${prefix}@`))
  return index === -1 ? order.length : index
}

/** The row of a group that failed, or of a metric that was not run. */
const missing = (name: string, parameters: Readonly<Record<string, unknown>>, reason: string): MetricResult => ({
  name,
  value: null,
  unit: '',
  baseline: null,
  baselineDescription: '',
  ratio: null,
  goal: '',
  meetsGoal: null,
  parameters,
  reason,
})

/** Runs a group in a child process; a failure becomes the group's rows with the reason. */
async function runGroup({ group, parameters, names }: Group): Promise<MetricResult[]> {
  process.stderr.write(`\n▸ ${group} ${JSON.stringify(parameters)}\n`)
  const script = fileURLToPath(new URL('metric.js', import.meta.url))
  const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=12288', script, group, JSON.stringify(parameters)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderrTail = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    process.stderr.write(chunk)
    stderrTail = (stderrTail + chunk).slice(-2000)
  })
  const started = performance.now()
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve))
  process.stderr.write(`  (${group}: ${((performance.now() - started) / 1000).toFixed(0)} s)\n`)
  if (code === 0) return JSON.parse(stdout.trim().split('\n').at(-1)!) as MetricResult[]
  // The thrown error's own line says more than the stack under it.
  const lines = stderrTail
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at ') && !line.startsWith('Node.js'))
  const cause = lines.findLast((line) => /Error\b/.test(line)) ?? lines.at(-1) ?? 'no output'
  const reason = `the benchmark failed (exit code ${code}): ${cause}`
  return names.map((name) => missing(name, parameters, reason))
}

function git(...gitArgs: string[]): string {
  const result = spawnSync('git', gitArgs, { cwd: benchRoot, encoding: 'utf8' })
  return result.status === 0 ? result.stdout.trim() : ''
}

const number = (value: number | null, unit = ''): string => {
  if (value === null) return '—'
  const text = Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en') : String(value)
  return unit === '' ? text : `${text} ${unit}`
}

function table(results: readonly MetricResult[]): string[] {
  const rows = results.map((r) => [
    r.name,
    r.value === null ? `n/a: ${r.reason}` : number(r.value, r.unit),
    number(r.baseline, r.baseline === null ? '' : r.unit),
    r.ratio === null ? '—' : `${r.ratio}×`,
    r.goal,
    r.meetsGoal === null ? '—' : r.meetsGoal ? 'yes' : 'no',
  ])
  return [
    '| metric | value | baseline | ratio | goal | met |',
    '| --- | ---: | ---: | ---: | --- | --- |',
    ...rows.map((row) => `| ${row.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`),
  ]
}

const started = performance.now()
const startLoad = loadavg()
const machine = {
  cores: availableParallelism(),
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
}
process.stderr.write(
  `Treguesi benchmarks (${quick ? 'quick' : 'full'}), ${machine.cores} cores, Node ${machine.node}, load average ${startLoad.map((l) => l.toFixed(2)).join(' ')}\n`,
)

const selected = profile.filter(({ group }) => requestedGroups === undefined || requestedGroups.includes(group))
// The logs every group needs, generated (or found) once, before any timing starts.
const sizes = new Set(
  selected.flatMap(({ group, parameters }) =>
    group === 'growth' ? (parameters.sizes as number[]) : typeof parameters.size === 'number' ? [parameters.size] : [],
  ),
)
for (const size of [...sizes].sort((a, b) => a - b)) await nationalStore(size)

const results: MetricResult[] = []
for (const group of selected) results.push(...(await runGroup(group)))
results.sort((a, b) => rank(a.name) - rank(b.name))
rmSync(join(dataDir, 'scratch'), { recursive: true, force: true })

const commit = git('rev-parse', 'HEAD')
const dirty = git('status', '--porcelain').length > 0
const report = {
  date: new Date().toISOString(),
  commit,
  uncommittedChanges: dirty,
  mode: quick ? 'quick' : 'full',
  seed,
  machine: {
    ...machine,
    loadAverageAtStart: startLoad.map((l) => Math.round(l * 100) / 100),
    loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100),
  },
  durationSeconds: Math.round((performance.now() - started) / 1000),
  metrics: results.map((result) => ({ ...result, machine: { cores: machine.cores, node: machine.node } })),
}
const resultsDir = join(benchRoot, 'results')
mkdirSync(resultsDir, { recursive: true })
// latest.json is whatever ran last; full.json and quick.json keep the last complete run of each
// mode, so that neither a quick run nor a run of some groups (--only) overwrites the full run the
// documentation quotes.
for (const name of requestedGroups === undefined ? ['latest', report.mode] : ['latest'])
  writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`)
const heading = `${report.mode} run, ${report.date.slice(0, 16).replace('T', ' ')} UTC, commit ${commit.slice(0, 10)}${dirty ? ' with uncommitted changes' : ''}, ${machine.cores} cores, Node ${machine.node}, load average ${report.machine.loadAverageAtStart.join(' / ')} at start, ${report.durationSeconds} s`
const lines = table(results)
writeFileSync(join(resultsDir, 'latest.md'), `${heading}\n\n${lines.join('\n')}\n`)
process.stdout.write(`\n${heading}\n\n${lines.join('\n')}\n\nWritten: ${join(resultsDir, 'latest.json')}\n`)
