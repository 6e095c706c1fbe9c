/**
 * start.cold: the API started as `npm start` starts it (services/api/dist/main.js, its own
 * process) on a log it has never seen, timed from the spawn to the first 200 of /readyz. Meanwhile
 * /healthz and /readyz are asked every 50 ms: a start must answer probes while it catches up,
 * and /readyz reports its progress. Baseline: reading and parsing the same rows, in this process.
 *
 * start.warm: the same again, once the cold start has been stopped (SIGTERM) and has saved its
 * read models' checkpoint beside the file: the start a restart, a deploy or a new replica makes.
 */
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { nationalStore, removeDatabase, scratchCopy } from '../data.js'
import { progress, type MetricResult } from '../result.js'
import { percentile, significant, timed } from '../stats.js'
import { readAndParse } from './rebuild.js'

export interface StartParameters {
  readonly size: number
  readonly pollMilliseconds: number
  /** A start that is not ready after this long is reported as failed. */
  readonly timeoutSeconds: number
}

const mainScript = join(dirname(fileURLToPath(import.meta.resolve('@treguesi/api/server'))), 'main.js')

interface StartRun {
  readonly listeningSeconds: number
  readonly readySeconds: number
  readonly healthz: readonly number[]
  readonly failedProbes: number
  /** /readyz's catch-up reports, a few of them. */
  readonly reports: readonly unknown[]
  /** Whether the start loaded a checkpoint rather than folding the log from its first event. */
  readonly loadedCheckpoint: boolean
}

async function startOnce(path: string, { pollMilliseconds, timeoutSeconds }: StartParameters): Promise<StartRun> {
  const started = performance.now()
  const child = spawn(process.execPath, [mainScript], {
    env: { ...process.env, TREGUESI_DB_PATH: path, TREGUESI_SEED: 'none', PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  const exited = new Promise((resolve) => child.once('exit', resolve))
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => {
        const listening = /listening on (http:\/\/\S+)/.exec(out)
        if (listening) resolve(listening[1]!)
      })
      child.once('exit', (code) => reject(new Error(`the API exited (${String(code)}) before it listened`)))
    })
    const listeningSeconds = (performance.now() - started) / 1000
    const healthz: number[] = []
    const reports: unknown[] = []
    let failedProbes = 0
    for (;;) {
      if ((performance.now() - started) / 1000 > timeoutSeconds) throw new Error(`not ready within ${timeoutSeconds} s`)
      const sent = performance.now()
      const health = await fetch(`${url}/healthz`).catch(() => null)
      if (health?.status === 200) healthz.push(performance.now() - sent)
      else failedProbes++
      await health?.arrayBuffer()
      const ready = await fetch(`${url}/readyz`)
      const body = (await ready.json()) as { status: string; catchUp?: unknown }
      if (ready.status === 200) {
        const loadedCheckpoint = out.includes('"checkpoint":"loaded"')
        return { listeningSeconds, readySeconds: (performance.now() - started) / 1000, healthz, failedProbes, reports, loadedCheckpoint }
      }
      if (body.catchUp !== undefined && healthz.length % 20 === 1) reports.push(body)
      await new Promise((resolve) => setTimeout(resolve, pollMilliseconds))
    }
  } finally {
    // A stop saves the read models' checkpoint: the next start is measured only once it is written.
    child.kill('SIGTERM')
    await exited
  }
}

function startResult(name: 'start.cold' | 'start.warm', run: StartRun, baseline: number, parameters: StartParameters): MetricResult {
  // Percentiles of what was answered; a start answering no probe has none.
  const p99 = run.healthz.length === 0 ? 0 : percentile(run.healthz, 99)
  const worst = Math.max(0, ...run.healthz)
  progress(
    `${name}: listening after ${run.listeningSeconds.toFixed(1)} s, ready after ${run.readySeconds.toFixed(1)} s${run.loadedCheckpoint ? ' (from a checkpoint)' : ''}; /healthz meanwhile: ${run.healthz.length} answered (p99 ${p99.toFixed(0)} ms, max ${worst.toFixed(0)} ms), ${run.failedProbes} failed`,
  )
  const goalSeconds = name === 'start.cold' ? 15 : parameters.size >= 1_000_000 ? 3 : 1
  return {
    name,
    value: significant(run.readySeconds),
    unit: 's',
    baseline: significant(baseline),
    baselineDescription: `reading the same rows in position order and JSON.parse-ing data and metadata, in the benchmark process; the value is from spawning the API to its first /readyz 200${name === 'start.warm' ? ', with the checkpoint its previous run saved' : ''}`,
    ratio: significant(run.readySeconds / baseline),
    goal: name === 'start.cold' ? '≤ 15 s on the 1M log; never fails to start' : '≤ 3 s on the 1M log (full run), ≤ 1 s on 100k (quick)',
    meetsGoal:
      name === 'start.warm'
        ? run.loadedCheckpoint && run.readySeconds <= goalSeconds
        : parameters.size >= 1_000_000
          ? run.readySeconds <= goalSeconds
          : null,
    parameters: {
      ...parameters,
      events: parameters.size,
      loadedCheckpoint: run.loadedCheckpoint,
      listeningSeconds: significant(run.listeningSeconds),
      healthz: { answered: run.healthz.length, failed: run.failedProbes, p99Ms: significant(p99), maxMs: significant(worst) },
      catchUpReports: run.reports,
    },
  }
}

export async function start(parameters: StartParameters): Promise<MetricResult[]> {
  const path = scratchCopy(await nationalStore(parameters.size), 'start')
  try {
    const baseline = (await timed(() => void readAndParse(path))).wall
    progress(`start: reading and parsing the ${parameters.size.toLocaleString('en')} rows took ${baseline.toFixed(1)} s`)
    const cold = await startOnce(path, parameters)
    const warm = await startOnce(path, parameters)
    return [startResult('start.cold', cold, baseline, parameters), startResult('start.warm', warm, baseline, parameters)]
  } finally {
    removeDatabase(path)
  }
}
