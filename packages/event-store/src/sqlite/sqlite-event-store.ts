import { resolve } from 'node:path'
import BetterSqlite3, { type Database, type Statement, type Transaction } from 'better-sqlite3'
import { TreguesiError } from '@treguesi/errors'
import type {
  AllFilter,
  AppendOptions,
  AppendResult,
  CatchUpSubscription,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  JsonObject,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../port.js'
import { StoreLifecycle, type Follow } from '../store-lifecycle.js'
import { pause } from '../subscription.js'
import { checkReadAll, checkReadStream, prepareAppend, type PreparedEvent } from '../validation.js'
import { checkExpectedRevision, meetsExpectation } from '../expected-revision.js'
import { migrate } from './schema.js'
import { eventIdBytes, eventIdColumn, eventIdOf } from './event-id-bytes.js'
import { appendSignal } from './append-signal.js'
import { isJsonObject, unreadable } from '../unreadable.js'

export type SqliteSync = 'normal' | 'full'

export interface SqliteEventStoreOptions {
  /** A file path, or ':memory:' for a private in-memory log (tests). */
  readonly path: string
  /**
   * `normal` (default): a committed append survives the process being killed at any moment; a
   * power cut or OS crash may lose the last appends but never corrupts the file.
   * `full`: every commit is synced to disk before it is acknowledged, so it also survives power loss.
   */
  readonly sync?: SqliteSync
  /** Record time of appended events. */
  readonly clock?: () => Date
  /** How long a writer waits for another process's write lock before failing. */
  readonly busyTimeoutMs?: number
  /** How often an idle subscription looks for appends made by other processes. */
  readonly pollIntervalMs?: number
  /** Rows read per query when paging through the log. */
  readonly pageSize?: number
}

interface EventRow {
  position: bigint
  stream: string
  revision: bigint
  event_id: string
  type: string
  data: string
  metadata: string
  recorded_at: string
}

const columns = `position, stream, revision, ${eventIdColumn}, type, data, metadata, recorded_at`

/** A stored JSON column as the object it must hold; a damaged one names the event's position. */
function jsonColumn(row: EventRow, column: 'data' | 'metadata'): JsonObject {
  let value: unknown
  try {
    value = JSON.parse(row[column])
  } catch (error) {
    throw unreadable(row.position, `its ${column} is not valid JSON (${(error as Error).message})`)
  }
  if (!isJsonObject(value)) throw unreadable(row.position, `its ${column} is JSON but not an object`)
  return value
}

function toRecorded(row: EventRow): RecordedEvent {
  const recordedAt = new Date(row.recorded_at)
  if (Number.isNaN(recordedAt.getTime())) {
    throw unreadable(row.position, `its record time ${JSON.stringify(row.recorded_at)} is not a date-time`)
  }
  return {
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    id: eventIdOf(row.event_id),
    type: row.type,
    data: jsonColumn(row, 'data'),
    metadata: jsonColumn(row, 'metadata'),
    recordedAt,
  }
}

/** The SQL condition and parameters that keep only events passing the filter. */
function filterClause(filter: AllFilter | undefined): { sql: string; params: string[] } {
  const parts: string[] = []
  const params: string[] = []
  for (const [column, prefixes] of [
    ['type', filter?.eventTypePrefixes],
    ['stream', filter?.streamPrefixes],
  ] as const) {
    if (!prefixes) continue
    // substr/length compare exactly; LIKE would fold ASCII case and treat % and _ as wildcards.
    parts.push(`(${prefixes.map(() => `substr(${column}, 1, length(?)) = ?`).join(' OR ')})`)
    for (const prefix of prefixes) params.push(prefix, prefix)
  }
  return { sql: parts.length > 0 ? ` AND ${parts.join(' AND ')}` : '', params }
}

type LockedAppend = (
  stream: string,
  events: readonly PreparedEvent[],
  expected: ExpectedRevision,
  recordedAt: string,
) => AppendResult & { written: boolean }

/** The unique index on event ids refused a row; (stream, revision) cannot clash under the write lock. */
function isDuplicateEventId(error: unknown): boolean {
  return (
    error instanceof BetterSqlite3.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.endsWith('events.event_id')
  )
}

export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite' as const
  readonly #db: Database
  readonly #clock: () => Date
  readonly #pollIntervalMs: number
  readonly #pageSize: number
  readonly #signalKey: string | object
  readonly #statements = new Map<string, Statement>()
  readonly #lifecycle = new StoreLifecycle()
  /** Made once: better-sqlite3 builds a transaction function's wrappers each time one is made. */
  readonly #appendTransaction: Transaction<LockedAppend>

  constructor(options: SqliteEventStoreOptions) {
    const inMemory = options.path === ':memory:'
    this.#db = new BetterSqlite3(options.path)
    this.#clock = options.clock ?? (() => new Date())
    this.#pollIntervalMs = options.pollIntervalMs ?? 200
    this.#pageSize = options.pageSize ?? 1000
    // Every connection to one file in this process shares one signal, so a subscription wakes
    // on an append made through another store instance without waiting for its poll.
    this.#signalKey = inMemory ? this : resolve(options.path)
    this.#appendTransaction = this.#db.transaction<LockedAppend>(this.#appendLocked.bind(this))
    try {
      this.#db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`)
      if (!inMemory) this.#db.pragma('journal_mode = WAL')
      this.#db.pragma(`synchronous = ${options.sync === 'full' ? 'FULL' : 'NORMAL'}`)
      migrate(this.#db)
    } catch (error) {
      this.#db.close()
      throw error
    }
  }

  #statement(sql: string): Statement {
    let statement = this.#statements.get(sql)
    if (!statement) {
      statement = this.#db.prepare(sql).safeIntegers(true)
      this.#statements.set(sql, statement)
    }
    return statement
  }

  async append(stream: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult> {
    this.#lifecycle.assertOpen('append')
    const prepared = prepareAppend(stream, events, options)
    const recordedAt = this.#clock().toISOString()
    const result = this.#appendTransaction.immediate(stream, prepared.events, prepared.expectedRevision, recordedAt)
    if (result.written) appendSignal.notify(this.#signalKey)
    return { nextExpectedRevision: result.nextExpectedRevision, position: result.position }
  }

  /** Runs under the write lock (BEGIN IMMEDIATE), so the revision read here cannot go stale. */
  #appendLocked(
    stream: string,
    events: readonly PreparedEvent[],
    expected: ExpectedRevision,
    recordedAt: string,
  ): AppendResult & { written: boolean } {
    const current = this.#currentRevision(stream)
    // A retry of an exact or no_stream append finds the stream past what it expects; one made with
    // any or stream_exists still meets its expectation, so only those look for it beforehand.
    if (expected === 'any' || expected === 'stream_exists' || !meetsExpectation(expected, current)) {
      const earlier = this.#earlierWrite(stream, events, expected, current)
      if (earlier) return { ...earlier, written: false }
      checkExpectedRevision(stream, expected, current)
    }
    const insert = this.#statement(
      'INSERT INTO events (stream, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    let revision = current ?? -1n
    let position = 0n
    for (const event of events) {
      revision += 1n
      try {
        position = BigInt(
          insert.run(stream, revision, eventIdBytes(event.id), event.type, event.data, event.metadata, recordedAt).lastInsertRowid,
        )
      } catch (error) {
        // The unique index finds an id recorded anywhere in the log without a lookup of its own;
        // throwing rolls back the events of this append already inserted.
        if (isDuplicateEventId(error)) {
          throw new TreguesiError('TRG_STORE_DUPLICATE_EVENT_ID', { stream, eventId: event.id }, { cause: error })
        }
        throw error
      }
    }
    return { nextExpectedRevision: revision, position, written: true }
  }

  #currentRevision(stream: string): bigint | null {
    const row = this.#statement('SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1').get(stream) as
      | { revision: bigint }
      | undefined
    return row?.revision ?? null
  }

  /**
   * The result of an earlier append of exactly these events at the place this append expects,
   * if there was one: a retry after a lost acknowledgement then succeeds without writing.
   */
  #earlierWrite(
    stream: string,
    events: readonly PreparedEvent[],
    expected: ExpectedRevision,
    current: bigint | null,
  ): AppendResult | undefined {
    if (current === null) return undefined
    const first = this.#statement('SELECT revision FROM events WHERE stream = ? AND event_id = ?').get(
      stream,
      eventIdBytes(events[0]!.id),
    ) as { revision: bigint } | undefined
    if (!first) return undefined
    const expectedStart = expected === 'no_stream' ? 0n : typeof expected === 'bigint' ? expected + 1n : first.revision
    if (first.revision !== expectedStart) return undefined
    const recorded = this.#statement(
      `SELECT revision, position, ${eventIdColumn} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    ).all(stream, first.revision, events.length) as Array<{ revision: bigint; position: bigint; event_id: string }>
    const same = recorded.length === events.length && recorded.every((row, i) => eventIdOf(row.event_id) === events[i]!.id)
    if (!same) return undefined
    const last = recorded[recorded.length - 1]!
    return { nextExpectedRevision: last.revision, position: last.position }
  }

  async *readStream(stream: string, options?: ReadStreamOptions): AsyncGenerator<RecordedEvent> {
    this.#lifecycle.assertOpen('readStream')
    const { direction = 'forwards', fromRevision, maxCount = Infinity } = checkReadStream(stream, options)
    const forwards = direction === 'forwards'
    const page = this.#statement(
      `SELECT ${columns} FROM events WHERE stream = ? AND revision ${forwards ? '>=' : '<='} ?
       ORDER BY revision ${forwards ? 'ASC' : 'DESC'} LIMIT ?`,
    )
    let next = fromRevision ?? (forwards ? 0n : BigInt(Number.MAX_SAFE_INTEGER))
    let remaining = maxCount
    while (remaining > 0 && next >= 0n && !this.#lifecycle.closed) {
      const rows = page.all(stream, next, Math.min(this.#pageSize, remaining)) as EventRow[]
      for (const row of rows) yield toRecorded(row)
      if (rows.length < this.#pageSize) return
      remaining -= rows.length
      next = rows[rows.length - 1]!.revision + (forwards ? 1n : -1n)
    }
  }

  async *readAll(options?: ReadAllOptions): AsyncGenerator<RecordedEvent> {
    this.#lifecycle.assertOpen('readAll')
    const { direction = 'forwards', fromPosition, maxCount = Infinity, filter } = checkReadAll(options)
    const forwards = direction === 'forwards'
    const where = filterClause(filter)
    const page = this.#statement(
      `SELECT ${columns} FROM events WHERE position ${forwards ? '>' : '<'} ?${where.sql}
       ORDER BY position ${forwards ? 'ASC' : 'DESC'} LIMIT ?`,
    )
    let after = fromPosition ?? (forwards ? 0n : BigInt(Number.MAX_SAFE_INTEGER))
    let remaining = maxCount
    while (remaining > 0 && !this.#lifecycle.closed) {
      const rows = page.all(after, ...where.params, Math.min(this.#pageSize, remaining)) as EventRow[]
      for (const row of rows) yield toRecorded(row)
      if (rows.length < this.#pageSize) return
      remaining -= rows.length
      after = rows[rows.length - 1]!.position
    }
  }

  subscribeToAll(options?: SubscribeOptions): CatchUpSubscription {
    return this.#lifecycle.subscribe(options, (...follow) => this.#follow(...follow))
  }

  async *#follow(...[fromPosition, filter, signal]: Parameters<Follow>): ReturnType<Follow> {
    const where = filterClause(filter)
    const page = this.#statement(`SELECT ${columns} FROM events WHERE position > ?${where.sql} ORDER BY position LIMIT ?`)
    const head = this.#statement('SELECT max(position) AS position FROM events')
    // Page and head come from one read transaction, i.e. one WAL snapshot: a filtered page that
    // is not full proves no matching event exists up to that head.
    const readPage = this.#db.transaction((after: bigint) => ({
      rows: page.all(after, ...where.params, this.#pageSize) as EventRow[],
      head: (head.get() as { position: bigint | null }).position,
    }))
    let passed: bigint | null = fromPosition ?? null
    let caughtUp = false
    while (!signal.aborted && !this.#lifecycle.closed) {
      const { rows, head: headPosition } = readPage(passed ?? 0n)
      for (const row of rows) {
        yield { kind: 'event', event: toRecorded(row) }
        passed = row.position
      }
      if (rows.length === this.#pageSize) continue
      if (headPosition !== null && (passed === null || headPosition > passed)) passed = headPosition
      if (!caughtUp) {
        caughtUp = true
        yield { kind: 'caught-up', position: passed }
      }
      await pause(this.#pollIntervalMs, signal, (wake) => appendSignal.listen(this.#signalKey, wake))
    }
  }

  async headPosition(): Promise<bigint | null> {
    this.#lifecycle.assertOpen('headPosition')
    return (this.#statement('SELECT max(position) AS position FROM events').get() as { position: bigint | null }).position
  }

  async close(): Promise<void> {
    await this.#lifecycle.close(() => {
      this.#db.close()
    })
  }
}
