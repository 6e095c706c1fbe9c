import { TreguesiError } from '@treguesi/errors'
import type { EventStore, EventToAppend, JsonObject, RecordedEvent } from '@treguesi/event-store'
import { z } from 'zod'

/** One exported event. Numbers that can exceed 2^53 are decimal strings. */
export interface ExportLine {
  readonly position: string
  readonly stream: string
  readonly revision: string
  readonly id: string
  readonly type: string
  readonly data: JsonObject
  readonly metadata: JsonObject
  readonly recordedAt: string
}

export interface ExportOptions {
  /** Export this stream only (all of it, from revision 0); default: the whole log. */
  readonly stream?: string
}

/**
 * The log (or one stream) as NDJSON, one line per event in order, without line ends. Metadata,
 * hash chain included, is written as read, so an import stores the same bytes.
 */
export async function* exportLog(store: EventStore, options: ExportOptions = {}): AsyncGenerator<string> {
  const events = options.stream === undefined ? store.readAll() : store.readStream(options.stream)
  for await (const event of events) yield JSON.stringify(toLine(event))
}

function toLine(event: RecordedEvent): ExportLine {
  return {
    position: event.position.toString(),
    stream: event.stream,
    revision: event.revision.toString(),
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt.toISOString(),
  }
}

const jsonObject = z.custom<JsonObject>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
  message: 'must be a JSON object',
})
const decimal = z.string().regex(/^\d+$/, { message: 'must be a whole number written as a string' })

const lineSchema = z.strictObject({
  position: decimal,
  stream: z.string().min(1, { message: 'must not be empty' }),
  revision: decimal,
  id: z.string().min(1, { message: 'must not be empty' }),
  type: z.string().min(1, { message: 'must not be empty' }),
  data: jsonObject,
  metadata: jsonObject,
  recordedAt: z.iso.datetime({ message: 'must be an ISO 8601 date-time' }),
})

export interface ImportOptions {
  /**
   * Called with the original record time before each append of events that share it. A store
   * whose clock can be set (SQLite's `clock` option) keeps record times this way; EventStoreDB
   * records its own.
   */
  readonly onRecordTime?: (recordedAt: Date) => void
  /** Most events per append. Default 500. */
  readonly batchSize?: number
}

export interface ImportResult {
  readonly events: number
  /** Position of the last imported event in the target; null when there was none. */
  readonly head: bigint | null
}

interface Parsed {
  readonly stream: string
  readonly revision: bigint
  readonly recordedAt: string
  readonly event: EventToAppend
}

function invalidLine(lineNumber: number, problem: string): TreguesiError<'TRG_INVALID_VALUE'> {
  return new TreguesiError('TRG_INVALID_VALUE', { type: 'Treguesi export line', value: `line ${lineNumber}`, problem })
}

/**
 * Imports an export into an EMPTY store: the same streams, revisions, order, ids, data and
 * metadata (hash chain included), so the copy verifies as the original did. Appends go straight
 * to the given store — not through chainedEventStore, the chain is already in the metadata — in
 * the file's order, each batch one stream's consecutive events at their exact expected revision.
 * Lines are checked as they come; on a refusal the target keeps what was imported before it and
 * must be emptied before importing again. Lines are pulled one at a time, after the emptiness
 * check: a source that pushes lines whether anyone listens or not (a readline interface) must
 * be opened when iteration starts, or its first lines are lost.
 */
export async function importLog(
  store: EventStore,
  lines: AsyncIterable<string> | Iterable<string>,
  options: ImportOptions = {},
): Promise<ImportResult> {
  if ((await store.headPosition()) !== null) {
    throw new TreguesiError('TRG_INVALID_STATE', {
      entity: 'event store',
      id: store.kind,
      state: 'not empty',
      action: 'imported into (an import needs an empty store)',
    })
  }
  const batchSize = options.batchSize ?? 500
  const tips = new Map<string, bigint>()
  let batch: Parsed[] = []
  let imported = 0
  let head: bigint | null = null
  let previousPosition: bigint | undefined
  let lineNumber = 0

  const flush = async (): Promise<void> => {
    const first = batch[0]
    if (first === undefined) return
    options.onRecordTime?.(new Date(first.recordedAt))
    const result = await store.append(
      first.stream,
      batch.map((parsed) => parsed.event),
      { expectedRevision: first.revision === 0n ? 'no_stream' : first.revision - 1n },
    )
    imported += batch.length
    head = result.position
    batch = []
  }

  for await (const text of lines) {
    lineNumber += 1
    if (text.trim() === '') continue
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (error) {
      throw invalidLine(lineNumber, `is not JSON (${(error as Error).message})`)
    }
    const checked = lineSchema.safeParse(json)
    if (!checked.success) {
      const issue = checked.error.issues[0]!
      throw invalidLine(lineNumber, `${issue.path.join('.') || 'the line'} ${issue.message}`)
    }
    const line = checked.data
    const position = BigInt(line.position)
    if (previousPosition !== undefined && position <= previousPosition) {
      throw invalidLine(lineNumber, `position ${position} does not follow position ${previousPosition}: lines must be in log order`)
    }
    previousPosition = position
    const revision = BigInt(line.revision)
    const expected = (tips.get(line.stream) ?? -1n) + 1n
    if (revision !== expected) {
      throw invalidLine(lineNumber, `${line.stream} is at revision ${revision} where revision ${expected} must come next`)
    }
    tips.set(line.stream, revision)

    const previous = batch[batch.length - 1]
    if (
      previous !== undefined &&
      (previous.stream !== line.stream || previous.recordedAt !== line.recordedAt || batch.length >= batchSize)
    ) {
      await flush()
    }
    batch.push({
      stream: line.stream,
      revision,
      recordedAt: line.recordedAt,
      event: { id: line.id, type: line.type, data: line.data, metadata: line.metadata },
    })
  }
  await flush()
  return { events: imported, head }
}
