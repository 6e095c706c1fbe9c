/**
 * The rebuild alone, to run under the V8 profiler:
 *   node --cpu-prof --cpu-prof-dir=tests/bench/results/profiles tests/bench/dist/profile.js 1000000
 * then `node tests/bench/dist/summarise-profile.js <file.cpuprofile>` says where the time went.
 */
import { nationalStore } from './data.js'
import { foldAll } from './metrics/rebuild.js'
import { now } from './stats.js'

const size = Number(process.argv[2] ?? 100_000)
const path = await nationalStore(size)
const started = now()
const { events } = await foldAll(path)
const seconds = (now() - started) / 1000
process.stdout.write(
  `folded ${events} events into the plans, budgets and national projections in ${seconds.toFixed(1)} s (${Math.round(events / seconds)} events/s)\n`,
)
