import { randomUUID } from 'node:crypto'
import { isTreguesiError, TreguesiError } from '@treguesi/errors'
import type { EventStore, JsonObject, RecordedEvent } from '@treguesi/event-store'
import { z } from 'zod'
import { chainedEventStore } from './chained-event-store.js'
import { checkContent } from './event-checks.js'
import { rollingHash } from './hashing.js'

export const sealStream = 'audit-seals'
export const sealEventType = 'audit.sealed.v1'

/** The data of an `audit.sealed.v1` event; numbers as decimal strings. */
export interface SealData {
  /** How many events, from the start of the global log, the seal covers. */
  readonly events: string
  /** Position of the last covered event in the store that made the seal (a copy has its own positions). */
  readonly upTo: string
  readonly lastEventId: string
  /** The rolling hash after the last covered event. */
  readonly hash: string
}

const sealDataSchema = z.strictObject({
  events: z.string().regex(/^[1-9]\d*$/),
  upTo: z.string().regex(/^\d+$/),
  lastEventId: z.string().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
})

export interface Seal {
  /** Position of the seal event itself. */
  readonly position: bigint
  readonly events: bigint
  readonly upTo: bigint
  readonly lastEventId: string
  readonly hash: string
}

/** The seal's claim, or undefined when the event is not a well-formed seal. */
export function sealOf(event: RecordedEvent): Seal | undefined {
  if (event.stream !== sealStream || event.type !== sealEventType) return undefined
  const parsed = sealDataSchema.safeParse(event.data)
  if (!parsed.success) return undefined
  const { events, upTo, lastEventId, hash } = parsed.data
  return { position: event.position, events: BigInt(events), upTo: BigInt(upTo), lastEventId, hash }
}

export type SealOutcome =
  | { readonly sealed: true; readonly seal: Seal }
  /** Nothing but seals was appended since the latest seal (`seal`), or the log is empty (null). */
  | { readonly sealed: false; readonly seal: Seal | null }

export interface SealOptions {
  /** Seal the events up to and including this position; default: the whole log. */
  readonly upTo?: bigint
  /** Tries when another process appends a seal at the same moment. Default 5. */
  readonly maxAttempts?: number
}

/** Events read back from a seal's own position to find the event it ends on, before starting over. */
const continuationSearch = 1000

/**
 * Appends an `audit.sealed.v1` event to `audit-seals` committing to the global log up to a
 * position: the rolling hash over every event in global order (see rollingHash). The global
 * order is only known once events are committed — on EventStoreDB only the server assigns it —
 * so it is sealed afterwards rather than chained at append time. A seal continues from the
 * previous seal's rolling hash; each event it adds is checked against its own chain hash first,
 * so a seal never vouches for an event already altered.
 */
export async function sealLog(store: EventStore, options: SealOptions = {}): Promise<SealOutcome> {
  const chained = chainedEventStore(store)
  const maxAttempts = options.maxAttempts ?? 5
  let conflict: unknown
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const target = options.upTo ?? (await store.headPosition())
    const latest = await latestSeal(store)
    const progress = target === null ? undefined : await sealProgress(store, latest?.seal, target)
    if (progress === undefined) return { sealed: false, seal: latest?.seal ?? null }
    const { count, hash, last } = progress
    const data: SealData = { events: count.toString(), upTo: last.position.toString(), lastEventId: last.id, hash }
    try {
      const appended = await chained.append(sealStream, [{ id: randomUUID(), type: sealEventType, data: data as unknown as JsonObject }], {
        expectedRevision: latest?.revision ?? 'no_stream',
      })
      return {
        sealed: true,
        seal: { position: appended.position, events: count, upTo: last.position, lastEventId: last.id, hash },
      }
    } catch (error) {
      // Another process sealed at the same moment: look again, there may be nothing left to seal.
      if (!isTreguesiError(error, 'TRG_STORE_WRONG_EXPECTED_REVISION')) throw error
      conflict = error
    }
  }
  throw conflict
}

async function latestSeal(store: EventStore): Promise<{ seal: Seal; revision: bigint } | undefined> {
  for await (const event of store.readStream(sealStream, { direction: 'backwards', maxCount: 1 })) {
    const seal = sealOf(event)
    if (seal === undefined) {
      throw new TreguesiError('TRG_EVENT_INVALID', {
        type: event.type,
        problem: `the latest event of ${sealStream} (position ${event.position}) is not a well-formed seal; run verify`,
      })
    }
    return { seal, revision: event.revision }
  }
  return undefined
}

/**
 * Whether the seal's last event is where the seal says in this store: then sealing continues
 * after it. In a copy of the log positions differ, and the rolling hash is recomputed from the
 * start instead.
 */
async function madeHere(store: EventStore, seal: Seal): Promise<boolean> {
  // Read back from the seal event, a position the store knows: a position taken from another
  // store may not be one it accepts to read from.
  for await (const event of store.readAll({
    direction: 'backwards',
    fromPosition: seal.position,
    maxCount: continuationSearch,
  })) {
    if (event.position <= seal.upTo) return event.position === seal.upTo && event.id === seal.lastEventId
  }
  return false
}

interface Progress {
  /** The last event the seal covers, the number of events up to it, and the rolling hash after it. */
  readonly last: RecordedEvent
  readonly count: bigint
  readonly hash: string
}

/** What a new seal would cover; undefined when nothing but seals came after the previous seal. */
async function sealProgress(store: EventStore, previous: Seal | undefined, target: bigint): Promise<Progress | undefined> {
  const continued = previous !== undefined && (await madeHere(store, previous))
  let count = continued ? previous.events : 0n
  let hash: string | null = continued ? previous.hash : null
  const check = continued ? undefined : previous
  let progress: Progress | undefined
  let fresh = false
  for await (const event of store.readAll(continued ? { fromPosition: previous.upTo } : {})) {
    if (event.position > target) break
    const content = checkContent(event)
    if ('problem' in content) {
      throw new TreguesiError('TRG_EVENT_INVALID', {
        type: event.type,
        problem: `at position ${event.position}: ${content.problem}; nothing was sealed, run verify`,
      })
    }
    hash = rollingHash(hash, { index: count, ...event, chainHash: content.link.hash })
    count += 1n
    if (count === check?.events && (hash !== check.hash || event.id !== check.lastEventId)) {
      throw new TreguesiError('TRG_EVENT_INVALID', {
        type: sealEventType,
        problem: `the log no longer matches the seal at position ${check.position}; nothing was sealed, run verify`,
      })
    }
    progress = { last: event, count, hash }
    // Sealing nothing but seals would add a seal at every call and never settle.
    if (event.stream !== sealStream && count > (previous?.events ?? 0n)) fresh = true
  }
  return fresh ? progress : undefined
}
