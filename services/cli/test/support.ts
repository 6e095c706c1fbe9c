import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, Writable } from 'node:stream'
import { randomUUID } from 'node:crypto'
import type { Test } from 'tap'
import { executeCommand, openDomainStore } from '@treguesi/commands'
import { loadSeeds, seeds } from '@treguesi/seeds'
import { chainedEventStore, sealLog } from '@treguesi/audit'
import { SqliteEventStore } from '@treguesi/event-store'
import { newEvent } from '@treguesi/event-store/contract'
import { runCli } from '../src/cli.js'
import type { CliIo } from '../src/context.js'

export function tempDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'treguesi-cli-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** Collects what is written; with a high-water mark of 1 every write asks the writer to wait for 'drain'. */
function sink(highWaterMark: number): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = []
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk)
      setImmediate(done)
    },
  })
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') }
}

export interface Outcome {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs the CLI in this process, as `treguesi <args>` with the given environment and stdin. */
export async function cli(env: Record<string, string>, args: string[], stdin: string[] = []): Promise<Outcome> {
  const stdout = sink(1)
  const stderr = sink(16 * 1024)
  const io: CliIo = { env, stdin: Readable.from(stdin.map((line) => `${line}\n`)), stdout: stdout.stream, stderr: stderr.stream }
  const code = await runCli(args, io)
  return { code, stdout: stdout.text(), stderr: stderr.text() }
}

export const sqliteEnv = (path: string): Record<string, string> => ({ TREGUESI_STORE: 'sqlite', TREGUESI_DB_PATH: path })

/**
 * A new SQLite file holding the seed plans, open for the test to write more as an admin (`run`)
 * before it closes it; `env` points the command line at it, `seeded` is the seeds' last position.
 */
export async function seededStore(t: Test) {
  const path = join(tempDir(t), 'treguesi.db')
  const store = await openDomainStore({ store: 'sqlite', path, sync: 'full' })
  const { position: seeded } = await loadSeeds(store, seeds)
  const run = (command: object) =>
    executeCommand(store, command, {
      commandId: randomUUID(),
      actor: { id: 'admin-1', role: 'admin' },
      occurredAt: '2025-06-02T10:00:00+02:00',
    })
  return { env: sqliteEnv(path), store, seeded, run }
}

/**
 * Writes a small chained log with one seal into a new SQLite file and closes it, so the file
 * holds everything (no write-ahead log beside it): 7 events, the seal at position 5.
 */
export async function writeLog(path: string): Promise<void> {
  const store = new SqliteEventStore({ path })
  const chained = chainedEventStore(store)
  const actor = { actor: { id: 'admin', role: 'admin' } }
  await chained.append('plan-1', [newEvent('plan.registered.v1', { title: { sq: 'Plani Vendor' } }, actor)])
  await chained.append('indicator-1', [
    newEvent('indicator.defined.v1', { code: 'I.4..2' }, actor),
    newEvent('indicator.value-reported.v1', { period: '2024', value: '41.5', note: 'vlera-e-pare' }, actor),
  ])
  await chained.append('plan-1', [newEvent('plan.approved.v1', { decision: 'VKB Nr. 12' }, actor)])
  await sealLog(store)
  await chained.append('indicator-1', [newEvent('indicator.value-corrected.v1', { period: '2024', value: '42.0' }, actor)])
  await chained.append('plan-1', [newEvent('plan.report-approved.v1', { period: '2024' }, actor)])
  await store.close()
}

/** Flips one bit of a text in the database file, as someone editing the disk would. */
export function flipInFile(path: string, text: string): void {
  const bytes = readFileSync(path)
  // Pages freed when the table grew may still hold an old copy of the row: the live one is among these.
  for (let at = bytes.indexOf(text); at >= 0; at = bytes.indexOf(text, at + 1)) bytes[at] = bytes[at]! ^ 0x20
  writeFileSync(path, bytes)
}
