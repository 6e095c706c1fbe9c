import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { canonicalHash } from '@treguesi/audit'
import type { EventStore, RecordedEvent } from '@treguesi/event-store'
import { Deferred, emptyMap, isPersistentMap, storedEntriesOf, withEntries, type PersistentMap, type Stored } from '@treguesi/projections'
import { readModelNames, type ReadModelName, type ReadModels } from '../read-models.js'
import { readCheckpointFile, writeCheckpointFile, type CheckpointHeader } from './checkpoint-file.js'
import { codeFingerprint } from './fingerprint.js'

const format = 'treguesi-read-models/2'
const fileName = 'read-models.checkpoint'
/** Entries of a persistent map per part: some milliseconds to encode or decode, then a turn. */
const defaultEntriesPerPart = 2000

export interface PartOptions {
  /** Entries of a persistent map per part. */
  readonly entriesPerPart: number
  /** Awaited between two parts of a save, so requests are answered meanwhile. */
  readonly turn: () => Promise<unknown>
}

/**
 * One part of a saved state: a plain field whole, or some entries of a persistent map, each value
 * encoded on its own so that a start decodes it only when it is first read.
 */
type Part =
  | { readonly model: ReadModelName; readonly field: string; readonly value: unknown }
  | { readonly model: ReadModelName; readonly field: string; readonly entries: ReadonlyArray<readonly [string, Uint8Array]> }

/** An entry's encoding: the bytes it was read from, while it has not been decoded, are saved again as they are. */
function encodedEntry(stored: Stored<unknown>): Uint8Array {
  if (stored instanceof Deferred) return stored.source instanceof Uint8Array ? stored.source : serialize(stored.value)
  return serialize(stored)
}

/** An entry read back, decoded on first read. */
const deferredEntry = ([key, bytes]: readonly [string, Uint8Array]): [string, Deferred<unknown>] => [key, Deferred.of(bytes, deserialize)]

export type CheckpointLoad =
  | { readonly kind: 'none' }
  | { readonly kind: 'rejected'; readonly reason: string }
  | { readonly kind: 'loaded'; readonly models: ReadModels; readonly bytes: number }

export interface CheckpointSaved {
  readonly position: bigint
  readonly bytes: number
}

/** The hash a checkpoint keeps of the event at its position: the log it was folded from, there. */
function eventHash(event: RecordedEvent): string {
  const { position, stream, revision, id, type, data, metadata } = event
  return canonicalHash({ position, stream, revision, id, type, data, metadata })
}

async function eventAt(store: EventStore, position: bigint): Promise<RecordedEvent | undefined> {
  for await (const event of store.readAll({ direction: 'backwards', fromPosition: position + 1n, maxCount: 1 })) {
    return event.position === position ? event : undefined
  }
  return undefined
}

/** The parts of the models' states, a few thousand map entries each, produced a turn apart. */
async function* partsOf(models: ReadModels, { entriesPerPart, turn }: PartOptions): AsyncGenerator<Uint8Array> {
  for (const model of readModelNames) {
    for (const [field, value] of Object.entries(models[model].state as object)) {
      if (!isPersistentMap(value)) {
        yield serialize({ model, field, value } satisfies Part)
        continue
      }
      let entries: [string, Uint8Array][] = []
      for (const [key, stored] of storedEntriesOf(value)) {
        entries.push([key, encodedEntry(stored)])
        if (entries.length === entriesPerPart) {
          yield serialize({ model, field, entries } satisfies Part)
          entries = []
          await turn()
        }
      }
      yield serialize({ model, field, entries } satisfies Part)
    }
  }
}

async function modelsFrom(position: bigint, parts: readonly Buffer[]): Promise<ReadModels> {
  const states = Object.fromEntries(readModelNames.map((name) => [name, {} as Record<string, unknown>])) as Record<
    ReadModelName,
    Record<string, unknown>
  >
  for (const bytes of parts) {
    // Entries read back are views of their part's bytes (a buffer of its own), which are let go
    // once all of the part's entries are decoded.
    const part = deserialize(bytes) as Part
    const state = states[part.model]
    if ('entries' in part) {
      state[part.field] = withEntries(
        (state[part.field] as PersistentMap<unknown> | undefined) ?? emptyMap(),
        part.entries.map(deferredEntry),
      )
      await nextTurn()
    } else {
      state[part.field] = part.value
    }
  }
  const model = <Name extends ReadModelName>(name: Name) => ({ state: states[name] as unknown as ReadModels[Name]['state'], position })
  return { plans: model('plans'), budgets: model('budgets'), national: model('national'), position }
}

/**
 * The read models' checkpoints in one directory: the newest state saved with its position, the
 * fingerprint of the code that folded it and the hash of the event at that position. Loading
 * checks all three against the running code and the log, so a checkpoint is used only when a
 * fold of the same log by the same code would give the same state; otherwise it is refused
 * with the reason, and the caller folds the log from the start.
 */
export class Checkpoints {
  readonly directory: string
  readonly #path: string
  readonly #parts: PartOptions

  constructor(directory: string, { entriesPerPart = defaultEntriesPerPart, turn = () => nextTurn() }: Partial<PartOptions> = {}) {
    this.directory = directory
    this.#path = join(directory, fileName)
    this.#parts = { entriesPerPart, turn }
  }

  async load(store: EventStore): Promise<CheckpointLoad> {
    const file = await readCheckpointFile(this.#path)
    if (file.kind === 'absent') return { kind: 'none' }
    if (file.kind === 'unreadable') return { kind: 'rejected', reason: `the checkpoint ${this.#path}: ${file.reason}` }
    const { header } = file
    const rejected = (reason: string): CheckpointLoad => ({ kind: 'rejected', reason: `the checkpoint ${this.#path} ${reason}` })
    if (header.format !== format) return rejected(`is in format ${JSON.stringify(header.format)}, not ${format}`)
    if (header.fingerprint !== (await codeFingerprint())) return rejected('was written by other projection code')
    const position = BigInt(header.position)
    const event = await eventAt(store, position)
    if (event === undefined) return rejected(`is at position ${position}, which this log does not hold`)
    if (eventHash(event) !== header.eventHash) return rejected(`is of another log: the event at position ${position} differs`)
    return { kind: 'loaded', models: await modelsFrom(position, file.parts), bytes: file.bytes }
  }

  /** Saves `models`, which must be at a position of `store`'s log; an empty state is not saved. */
  async save(models: ReadModels, store: EventStore): Promise<CheckpointSaved | null> {
    const { position } = models
    if (position === null) return null
    const event = await eventAt(store, position)
    if (event === undefined) throw new Error(`the log holds no event at position ${position} to check the checkpoint against`)
    const header: CheckpointHeader = {
      format,
      fingerprint: await codeFingerprint(),
      position: position.toString(),
      eventHash: eventHash(event),
    }
    await mkdir(this.directory, { recursive: true })
    const bytes = await writeCheckpointFile(this.#path, header, partsOf(models, this.#parts))
    return { position, bytes }
  }
}
