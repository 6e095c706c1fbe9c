/**
 * Writing a generated log into SQLite as the domain store would have written it, without
 * deciding each command again: the benchmarks' logs, and the large logs of tests.
 */
import BetterSqlite3 from 'better-sqlite3'
import { openDomainStore } from '@treguesi/commands'
import { eventIdBytes, SqliteEventStore, type EventToAppend } from '@treguesi/event-store'
import type { GeneratedEvent } from './generator.js'

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
        await store.append(
          stream,
          chunk.map(({ event }) => toAppend(event)),
          {
            expectedRevision: first === 0 ? 'no_stream' : BigInt(first - 1),
          },
        )
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
 * store would write for them (ids in the store's 16-byte form, data as JSON.stringify makes it,
 * metadata with the hash chain, positions in log order), in transactions of many rows. Appending a
 * million events one command at a time would take many minutes and measure nothing the append
 * benchmarks do not.
 */
export async function writeLog(path: string, events: Iterable<GeneratedEvent>): Promise<number> {
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
        insert.run(
          event.stream,
          event.revision,
          eventIdBytes(event.id),
          event.type,
          JSON.stringify(event.data),
          metadata.get(event.id)!,
          recordedAt,
        )
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
