import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import BetterSqlite3 from 'better-sqlite3'
import { openDomainStore, type DomainStore } from '@treguesi/commands'
import { SqliteEventStore, type EventToAppend } from '@treguesi/event-store'
import { nationalEvents, type GeneratedEvent } from './generator.js'
import { progress } from './result.js'

/** tests/bench, from src/ and dist/ alike. */
export const benchRoot = fileURLToPath(new URL('..', import.meta.url))
/** Generated stores and scratch copies; ignored by git (see the root .gitignore's data/). */
export const dataDir = join(benchRoot, 'data')

/** Every figure is measured on the log of this seed. */
export const seed = 'treguesi-national'

/**
 * What the stored logs were generated with: the generator, the way they are written (this file),
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
  for (const name of ['generator.js', 'random.js', 'data.js']) hash.update(readFileSync(fileURLToPath(new URL(name, import.meta.url))))
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
}

/** An event of the generated log as the store port takes it. */
export function toAppend(event: GeneratedEvent): EventToAppend {
  return { id: event.id, type: event.type, data: event.data, metadata: event.metadata }
}

/** An event and the place it is appended at: its own stream, or another the benchmark chooses. */
export interface Placed {
  readonly stream: string
  readonly revision: number
  readonly event: GeneratedEvent
}

/**
 * The metadata each event is stored with when appended through the domain store, as the service
 * appends: the envelope plus the hash chain that links it to the previous event of its stream.
 * A hash covers the previous hash, the stream, the revision and the event itself (no position, no
 * time), so each stream is chained on its own, in one append per 500 of its events, in a private
 * in-memory store: the same chain as appending every command as it came, at a fraction of the cost.
 */
export async function chainedMetadata(placed: readonly Placed[]): Promise<Map<string, string>> {
  const byStream = new Map<string, Placed[]>()
  for (const item of placed) {
    const list = byStream.get(item.stream)
    if (list === undefined) byStream.set(item.stream, [item])
    else list.push(item)
  }
  const store = await openDomainStore({ store: 'sqlite', path: ':memory:', sync: 'normal' })
  const metadata = new Map<string, string>()
  try {
    for (const [stream, list] of byStream) {
      for (let i = 0; i < list.length; i += 500) {
        const chunk = list.slice(i, i + 500)
        const first = chunk[0]!.revision
        await store.append(stream, chunk.map(({ event }) => toAppend(event)), {
          expectedRevision: first === 0 ? 'no_stream' : BigInt(first - 1),
        })
      }
    }
    for await (const recorded of store.recorded.readAll()) metadata.set(recorded.id, JSON.stringify(recorded.metadata))
  } finally {
    await store.close()
  }
  return metadata
}

/**
 * Writes the generated events into a new SQLite log in the store's own layout: the rows the domain
 * store would write for them (ids as given, data as JSON.stringify makes it, metadata with the hash
 * chain, positions in log order), in transactions of many rows. Appending a million events one
 * command at a time would take many minutes and measure nothing the append benchmarks do not.
 */
async function writeLog(path: string, events: Iterable<GeneratedEvent>): Promise<number> {
  // Opening a store lays out the table and indexes exactly as the port expects them.
  await new SqliteEventStore({ path }).close()
  const db = new BetterSqlite3(path)
  let written = 0
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    const insert = db.prepare(
      'INSERT INTO events (stream, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    const writeMany = db.transaction((batch: readonly GeneratedEvent[], metadata: ReadonlyMap<string, string>) => {
      const recordedAt = new Date().toISOString()
      for (const event of batch) {
        insert.run(event.stream, event.revision, event.id, event.type, JSON.stringify(event.data), metadata.get(event.id)!, recordedAt)
      }
    })
    // A municipality's streams are its own, so each municipality is chained and written in turn.
    const flush = async (batch: GeneratedEvent[]): Promise<void> => {
      const metadata = await chainedMetadata(batch.map((event) => ({ stream: event.stream, revision: event.revision, event })))
      for (let i = 0; i < batch.length; i += 10_000) writeMany.immediate(batch.slice(i, i + 10_000), metadata)
      written += batch.length
    }
    let batch: GeneratedEvent[] = []
    let municipality: unknown
    for (const event of events) {
      const of = (event.metadata.actor as { municipality?: unknown }).municipality
      if (batch.length > 0 && of !== municipality) {
        await flush(batch)
        batch = []
      }
      municipality = of
      batch.push(event)
    }
    if (batch.length > 0) await flush(batch)
  } finally {
    db.close()
  }
  return written
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
