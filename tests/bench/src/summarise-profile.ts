/**
 * Where a V8 CPU profile's time went: self time by function, and total time (self and callees)
 * of the functions that matter, each as a share of all samples.
 * `node tests/bench/dist/summarise-profile.js <file.cpuprofile> [top] [--last=<seconds>]`: with
 * --last, only the samples of the profile's final seconds count (say, a load test after start-up).
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'

interface ProfileNode {
  readonly id: number
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number }
  readonly children?: readonly number[]
}
interface Profile {
  readonly nodes: readonly ProfileNode[]
  readonly samples: readonly number[]
  readonly timeDeltas: readonly number[]
}

const options = process.argv.slice(2).filter((arg) => arg.startsWith('--'))
const [file, topArg] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
if (file === undefined) throw new Error('usage: summarise-profile.js <file.cpuprofile> [top] [--last=<seconds>]')
const top = Number(topArg ?? 25)
const lastSeconds = Number(options.find((option) => option.startsWith('--last='))?.slice('--last='.length) ?? Infinity)
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile

const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const selfTime = new Map<number, number>()
const span = profile.timeDeltas.reduce((a, b) => a + b, 0)
let at = 0
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0
  at += delta
  if (span - at < lastSeconds * 1e6) selfTime.set(id, (selfTime.get(id) ?? 0) + delta)
})
const total = [...selfTime.values()].reduce((a, b) => a + b, 0)

const label = (node: ProfileNode): string => {
  const { functionName, url, lineNumber } = node.callFrame
  const where =
    url === ''
      ? ''
      : ` ${url.includes('/node_modules/') ? url.slice(url.lastIndexOf('/node_modules/') + 14) : basename(url)}:${lineNumber + 1}`
  return `${functionName || '(anonymous)'}${where}`
}

const parent = new Map<number, number>()
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)

const self = new Map<string, number>()
const inclusive = new Map<string, number>()
for (const [id, time] of selfTime) {
  const node = byId.get(id)!
  self.set(label(node), (self.get(label(node)) ?? 0) + time)
  // Each sample counts once for every distinct function on its stack.
  const seen = new Set<string>()
  for (let frame: number | undefined = id; frame !== undefined; frame = parent.get(frame)) {
    const name = label(byId.get(frame)!)
    if (seen.has(name)) continue
    seen.add(name)
    inclusive.set(name, (inclusive.get(name) ?? 0) + time)
  }
}

const show = (title: string, entries: Map<string, number>): void => {
  process.stdout.write(`\n${title}\n`)
  for (const [name, time] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${((100 * time) / total).toFixed(1).padStart(6)} %  ${(time / 1e6).toFixed(1).padStart(8)} s  ${name}\n`)
  }
}
process.stdout.write(`${(total / 1e6).toFixed(1)} s sampled in ${basename(file)}\n`)
show('self time', self)
show('total time (self and callees)', inclusive)
