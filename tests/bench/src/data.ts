import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDomainStore, type DomainStore } from '@treguesi/commands'
import { nationalEvents } from './generator.js'
import { writeLog } from './log-writer.js'
import { progress } from './result.js'

/** tests/bench, from src/ and dist/ alike. */
export const benchRoot = fileURLToPath(new URL('..', import.meta.url))
/** Generated stores and scratch copies; ignored by git (see the root .gitignore's data/). */
export const dataDir = join(benchRoot, 'data')

/** Every figure is measured on the log of this seed. */
export const seed = 'treguesi-national'

/**
 * What the stored logs were generated with: the generator, the way they are written (this file and
 * log-writer.ts),
 * the domain that decides the events, the command ids' derivation and hash chain, and the store's
 * layout. A change to any of them makes a cached log
 * stale, and it is generated again.
 */
function fingerprint(): string {
  const hash = createHash('sha256')
  const addFolder = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) addFolder(path)
      else if (entry.name.endsWith('.js')) hash.update(path.slice(folder.length)).update(readFileSync(path))
    }
  }
  for (const name of ['generator.js', 'random.js', 'data.js', 'log-writer.js'])
    hash.update(readFileSync(fileURLToPath(new URL(name, import.meta.url))))
  const commands = dirname(fileURLToPath(import.meta.resolve('@treguesi/commands')))
  for (const pkg of ['@treguesi/domain', '@treguesi/commands', '@treguesi/event-store']) {
    addFolder(dirname(fileURLToPath(import.meta.resolve(pkg))))
  }
  // The hash chain comes from the audit package, a dependency of commands rather than of this one.
  addFolder(join(realpathSync(join(commands, '..', 'node_modules', '@treguesi', 'audit')), 'dist'))
  return hash.digest('hex')
}

export function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
  // The read models' checkpoints the API saves beside the file.
  rmSync(`${path}.checkpoints`, { recursive: true, force: true })
}

/**
 * The path of a SQLite log holding the first `size` events of the national log, generated and
 * written the first time and kept for later runs. Benchmarks only read
 * it; those that write work on a `scratchCopy`.
 */
export async function nationalStore(size: number): Promise<string> {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, `national-${size}.db`)
  const manifestPath = `${path}.json`
  const expected = { seed, size, fingerprint: fingerprint() }
  if (existsSync(path) && existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as typeof expected
    if (manifest.seed === expected.seed && manifest.size === size && manifest.fingerprint === expected.fingerprint) return path
  }
  removeDatabase(path)
  rmSync(manifestPath, { force: true })
  progress(`generating the national log of ${size.toLocaleString('en')} events into ${path}`)
  const started = performance.now()
  await writeLog(path, nationalEvents(seed, size))
  progress(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  writeFileSync(manifestPath, `${JSON.stringify(expected, null, 2)}\n`)
  return path
}

/** A private copy of a stored log, for benchmarks that append to it. Closing the store removed its WAL. */
export function scratchCopy(path: string, name: string): string {
  const folder = join(dataDir, 'scratch')
  mkdirSync(folder, { recursive: true })
  const copy = join(folder, `${process.pid}-${name}.db`)
  removeDatabase(copy)
  copyFileSync(path, copy)
  return copy
}

/** A fresh, empty path in the scratch folder. */
export function scratchPath(name: string): string {
  const folder = join(dataDir, 'scratch')
  mkdirSync(folder, { recursive: true })
  const path = join(folder, `${process.pid}-${name}.db`)
  removeDatabase(path)
  return path
}

/** A SQLite log opened as the service opens it: appends hash-chained, reads upcast to current versions. */
export function openLog(path: string): Promise<DomainStore> {
  return openDomainStore({ store: 'sqlite', path, sync: 'normal' })
}
