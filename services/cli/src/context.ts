import { once } from 'node:events'
import type { Readable, Writable } from 'node:stream'
import type { ParseArgsConfig } from 'node:util'
import { loadStoreConfig, openEventStore, type EventStore, type OpenOptions } from '@treguesi/event-store'

/** Where a command reads and writes: the process's own streams, or a test's. */
export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>
  readonly stdin: Readable
  readonly stdout: Writable
  readonly stderr: Writable
}

export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes]

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | undefined>>
  readonly positionals: readonly string[]
}

/** What a string option's text is parsed into, or `absent` when the option was not given. */
export function stringOption<Value, Absent>(
  values: ParsedArgs['values'],
  name: string,
  parse: (text: string) => Value,
  absent: Absent,
): Value | Absent {
  const text = values[name]
  return typeof text === 'string' ? parse(text) : absent
}

export interface CliCommand {
  /** The arguments after the command name, as `help` shows them. */
  readonly usage: string
  readonly summary: string
  readonly options: NonNullable<ParseArgsConfig['options']>
  readonly maxPositionals: number
  run(args: ParsedArgs, io: CliIo): Promise<ExitCode>
}

/** Wrong arguments: reported with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** The SQLite file the service uses when TREGUESI_DB_PATH is not set (services/api config). */
export const defaultDbPath = './data/treguesi.db'

/**
 * Opens the store the environment names, with the service's variables and defaults
 * (TREGUESI_STORE, TREGUESI_DB_PATH, TREGUESI_DB_SYNC, EVENTSTORE_CONNECTION_STRING), runs
 * `work` and closes the store whatever happens.
 */
export async function withStore<T>(io: CliIo, work: (store: EventStore) => Promise<T>, options: OpenOptions = {}): Promise<T> {
  const store = await openEventStore(loadStoreConfig(io.env, { dbPath: defaultDbPath }), options)
  try {
    return await work(store)
  } finally {
    await store.close()
  }
}

/** Writes one line, waiting when the reader is slower than the log (a pipe into gzip, say). */
export async function writeLine(stream: Writable, text: string): Promise<void> {
  if (!stream.write(`${text}\n`)) await once(stream, 'drain')
}

/** JSON with bigints (positions, revisions) as decimal strings. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item))
}

export function parsePosition(option: string, text: string): bigint {
  if (!/^\d+$/.test(text)) throw new UsageError(`${option} must be a log position (a whole number), not "${text}"`)
  return BigInt(text)
}
