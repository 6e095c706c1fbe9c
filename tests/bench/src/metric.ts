/**
 * Runs one benchmark group in its own process, so that no metric inherits another's heap, JIT
 * state or open files: `node --expose-gc dist/metric.js <group> <parameters as JSON>`. Prints
 * the group's results as one JSON line on stdout; progress goes to stderr.
 */
import { appendBatch, appendSingle } from './metrics/append.js'
import { exportFiles } from './metrics/export.js'
import { growth } from './metrics/growth.js'
import { hostile } from './metrics/hostile.js'
import { httpMetrics } from './metrics/http.js'
import { memory, rebuild } from './metrics/rebuild.js'
import { start } from './metrics/start.js'
import type { MetricResult } from './result.js'

const groups: Readonly<Record<string, (parameters: never) => Promise<MetricResult | MetricResult[]>>> = {
  'append.single': appendSingle,
  'append.batch100': appendBatch,
  rebuild,
  memory,
  growth,
  http: httpMetrics,
  hostile,
  start,
  export: exportFiles,
}

const [group, parameters] = process.argv.slice(2)
const run = group === undefined ? undefined : groups[group]
if (run === undefined || parameters === undefined) {
  process.stderr.write(`usage: metric.js <${Object.keys(groups).join('|')}> <parameters as JSON>\n`)
  process.exit(2)
}
const results = await run(JSON.parse(parameters) as never)
process.stdout.write(`${JSON.stringify(Array.isArray(results) ? results : [results])}\n`)
