import BetterSqlite3 from 'better-sqlite3'
import type { DomainStore } from '@treguesi/commands'
import { eventIdBytes, SqliteEventStore, type EventToAppend, type ExpectedRevision, type JsonObject } from '@treguesi/event-store'
import { openLog, removeDatabase, scratchPath, seed } from '../data.js'
import { chainedMetadata, toAppend, type Placed } from '../log-writer.js'
import { nationalEvents } from '../generator.js'
import { progress, type MetricResult } from '../result.js'
import { interleaved, median, medianRatio, significant, timed } from '../stats.js'

const insertSql = 'INSERT INTO events (stream, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)'

type Row = [stream: string, revision: number, id: Buffer, type: string, data: string, metadata: string]

/** One append as each side makes it: the same events, to the same stream, with the same expectation. */
interface Append {
  readonly stream: string
  readonly expectedRevision: ExpectedRevision
  /**
   * The hash of the stream's event at `expectedRevision`, as the command handler has it from the
   * load it decided on (the chain then links without reading it again); none for a new stream.
   */
  readonly previousHash: string | undefined
  /** As the command handler gives them to the domain store, which adds the hash chain. */
  readonly events: EventToAppend[]
  /** With the chain already in their metadata, for the bare adapter. */
  readonly chained: EventToAppend[]
  /** The rows both stores write for them, for raw better-sqlite3. */
  readonly rows: Row[]
}

/** Groups placed events into appends of `size` events of one stream each, with their chained forms. */
async function appendsOf(placed: readonly Placed[], size: number): Promise<Append[]> {
  const metadata = await chainedMetadata(placed)
  const idAt = new Map(placed.map(({ stream, revision, event }) => [`${stream}@${revision}`, event.id]))
  const hashBefore = ({ stream, revision }: Placed): string | undefined => {
    if (revision === 0) return undefined
    const metadataBefore = JSON.parse(metadata.get(idAt.get(`${stream}@${revision - 1}`)!)!) as { chain: { hash: string } }
    return metadataBefore.chain.hash
  }
  const appends: Append[] = []
  for (let i = 0; i < placed.length; i += size) {
    const slice = placed.slice(i, i + size)
    const first = slice[0]!
    appends.push({
      stream: first.stream,
      expectedRevision: first.revision === 0 ? 'no_stream' : BigInt(first.revision - 1),
      previousHash: hashBefore(first),
      events: slice.map(({ event }) => toAppend(event)),
      chained: slice.map(({ event }) => ({ ...toAppend(event), metadata: JSON.parse(metadata.get(event.id)!) as JsonObject })),
      rows: slice.map(({ stream, revision, event }) => [
        stream,
        revision,
        eventIdBytes(event.id),
        event.type,
        JSON.stringify(event.data),
        metadata.get(event.id)!,
      ]),
    })
  }
  return appends
}

/** What raw better-sqlite3 inserts into: the store's own table, or that table with only its primary key. */
type RawTable = 'store' | 'primary key only'

/**
 * The three sides of an append benchmark, each on its own file, WAL and synchronous=NORMAL: the
 * domain store the service appends through (hash chain, then the SQLite adapter), the bare
 * adapter, and raw better-sqlite3 into the store's table, with or without its secondary indexes.
 */
async function openSides(name: string, rawTable: RawTable) {
  const paths = { domain: scratchPath(`${name}-domain`), adapter: scratchPath(`${name}-adapter`), raw: scratchPath(`${name}-raw`) }
  const domain: DomainStore = await openLog(paths.domain)
  const adapter = new SqliteEventStore({ path: paths.adapter, sync: 'normal' })
  // Opening a store there once lays out the very table and indexes the port writes to.
  await new SqliteEventStore({ path: paths.raw }).close()
  const raw = new BetterSqlite3(paths.raw)
  if (rawTable === 'primary key only') raw.exec('DROP INDEX events_stream_revision; DROP INDEX events_event_id')
  raw.pragma('journal_mode = WAL')
  raw.pragma('synchronous = NORMAL')
  return {
    domain,
    adapter,
    raw,
    /** The benchmark compares like with like only if all three files hold the same bytes. */
    checkSameRows() {
      const rowsOf = (db: BetterSqlite3.Database) =>
        JSON.stringify(db.prepare('SELECT stream, revision, event_id, type, data, metadata FROM events ORDER BY position LIMIT 200').all())
      const files = [paths.domain, paths.adapter].map((path) => new BetterSqlite3(path, { readonly: true }))
      try {
        const expected = rowsOf(raw)
        if (files.some((db) => rowsOf(db) !== expected))
          throw new Error('the sides wrote different rows; the comparison would be meaningless')
      } finally {
        for (const db of files) db.close()
      }
    },
    async close() {
      await domain.close()
      await adapter.close()
      raw.close()
      for (const path of Object.values(paths)) removeDatabase(path)
    },
  }
}

async function measureAppends(
  name: string,
  appends: readonly Append[],
  rounds: number,
  perRound: number,
  batched: boolean,
  rawTable: RawTable,
) {
  const sides = await openSides(name, rawTable)
  const insert = sides.raw.prepare(insertSql)
  const insertMany = sides.raw.transaction((rows: readonly Row[], recordedAt: string) => {
    for (const row of rows) insert.run(...row, recordedAt)
  })
  const events = perRound * appends[0]!.events.length
  const cpu = { domain: [] as number[], adapter: [] as number[], raw: [] as number[] }
  const side = (key: keyof typeof cpu, one: (append: Append) => Promise<unknown> | unknown) => async (round: number) => {
    const time = await timed(async () => {
      for (let i = round * perRound; i < (round + 1) * perRound; i++) await one(appends[i]!)
    })
    // Round 0 is the warm-up.
    if (round > 0) cpu[key].push(events / time.cpu)
    return events / time.wall
  }
  try {
    const result = await interleaved(rounds + 1, {
      domain: side('domain', (a) =>
        sides.domain.append(a.stream, a.events, {
          expectedRevision: a.expectedRevision,
          ...(a.previousHash !== undefined && { previousHash: a.previousHash }),
        }),
      ),
      adapter: side('adapter', (a) => sides.adapter.append(a.stream, a.chained, { expectedRevision: a.expectedRevision })),
      // One autocommit INSERT per row, or one BEGIN IMMEDIATE transaction per batch.
      raw: side('raw', (a) =>
        batched ? insertMany.immediate(a.rows, new Date().toISOString()) : insert.run(...a.rows[0]!, new Date().toISOString()),
      ),
    })
    sides.checkSameRows()
    const counted = (list: number[]) => list.slice(1)
    const [domain, adapter, raw] = [counted(result.domain), counted(result.adapter), counted(result.raw)]
    progress(
      `${name}: domain store ${domain.map(Math.round).join(', ')} /s; adapter ${adapter.map(Math.round).join(', ')} /s; raw ${raw.map(Math.round).join(', ')} /s`,
    )
    return {
      value: median(domain),
      baseline: median(raw),
      ratio: medianRatio(domain, raw),
      adapter: { eventsPerSecond: Math.round(median(adapter)), ratioToRaw: significant(medianRatio(adapter, raw)) },
      perCpuSecond: {
        measured: Math.round(median(cpu.domain)),
        adapter: Math.round(median(cpu.adapter)),
        baseline: Math.round(median(cpu.raw)),
      },
    }
  } finally {
    await sides.close()
  }
}

const common = {
  store:
    'the domain store as the service opens it (openDomainStore: hash chain, then SqliteEventStore), appended to as the command handler appends: the exact revision it decided on and the hash of the event there, from its load',
  sync: 'normal',
  journal: 'WAL',
  statistic: 'median of rounds; ratio is the median of per-round ratios; `adapter` is SqliteEventStore alone, measured in the same rounds',
}

/** What an append metric states besides its measurement. */
interface AppendMetric {
  readonly name: string
  readonly baselineDescription: string
  /** The ratio to raw SQLite that meets the goal, and the table raw SQLite writes into. */
  readonly goalRatio: number
  readonly rawInto: string
  readonly parameters: Readonly<Record<string, unknown>>
}

function appendResult(
  { name, baselineDescription, goalRatio, rawInto, parameters }: AppendMetric,
  m: Awaited<ReturnType<typeof measureAppends>>,
): MetricResult {
  return {
    name,
    value: Math.round(m.value),
    unit: 'events/s',
    baseline: Math.round(m.baseline),
    baselineDescription,
    ratio: significant(m.ratio),
    goal: `≥ ${goalRatio}× raw SQLite ${rawInto}`,
    meetsGoal: m.ratio >= goalRatio,
    parameters: { ...parameters, ...common, adapter: m.adapter, perCpuSecond: m.perCpuSecond },
  }
}

export interface AppendSingleParameters {
  readonly rounds: number
  readonly perRound: number
}

/**
 * append.single: events of the national log appended one per append, each with the stream
 * revision the command handler would expect, against one-row autocommit inserts of the same rows.
 * All files grow by the same rows round after round; the first round is a warm-up.
 */
export async function appendSingle({ rounds, perRound }: AppendSingleParameters): Promise<MetricResult> {
  const events = [...nationalEvents(seed, (rounds + 1) * perRound)]
  const appends = await appendsOf(
    events.map((event) => ({ stream: event.stream, revision: event.revision, event })),
    1,
  )
  const name = 'append.single'
  return appendResult(
    {
      name,
      baselineDescription:
        'raw better-sqlite3: the same rows, one autocommit INSERT each, same table and indexes (ids as 16-byte blobs), WAL, synchronous=NORMAL',
      goalRatio: 0.7,
      rawInto: 'into the same table',
      parameters: { rounds, eventsPerRound: perRound },
    },
    await measureAppends(name, appends, rounds, perRound, false, 'store'),
  )
}

export interface AppendBatchParameters {
  readonly rounds: number
  readonly batchesPerRound: number
}

/**
 * append.batch100: 100 events of the national log per append, each append a new stream (the
 * revision check then finds an empty stream), against one transaction of 100 inserts of the same
 * rows into the same table with only its primary key: what the store's two unique indexes cost
 * counts against it.
 */
export async function appendBatch({ rounds, batchesPerRound }: AppendBatchParameters): Promise<MetricResult> {
  const size = 100
  const events = [...nationalEvents(seed, (rounds + 1) * batchesPerRound * size)]
  const placed = events.map((event, i) => ({ stream: `import-${events[i - (i % size)]!.id}`, revision: i % size, event }))
  const appends = await appendsOf(placed, size)
  const name = 'append.batch100'
  return appendResult(
    {
      name,
      baselineDescription:
        'raw better-sqlite3: the same 100 rows in one BEGIN IMMEDIATE transaction, into the same table with only its primary key (no index on stream and revision or on event ids), WAL, synchronous=NORMAL',
      goalRatio: 0.5,
      rawInto: 'into a table with only its primary key',
      parameters: { rounds, appendsPerRound: batchesPerRound, eventsPerAppend: size },
    },
    await measureAppends(name, appends, rounds, batchesPerRound, true, 'primary key only'),
  )
}
