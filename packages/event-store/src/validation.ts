import { TreguesiError } from '@treguesi/errors'
import { z } from 'zod'
import type { AllFilter, AppendOptions, EventToAppend, ExpectedRevision, ReadAllOptions, ReadStreamOptions } from './port.js'

/** An event checked and serialised once, before any adapter touches its storage. */
export interface PreparedEvent {
  readonly id: string
  readonly type: string
  readonly data: string
  readonly metadata: string
}

const plainObject = z.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
  message: 'must be a JSON object',
})

const eventSchema = z.object({
  id: z.uuid({ message: 'must be a UUID' }),
  type: z
    .string()
    .min(1, { message: 'must not be empty' })
    .max(255)
    .refine((type) => !type.startsWith('$'), { message: 'must not start with "$" (reserved by the store)' }),
  data: plainObject,
  metadata: plainObject.optional(),
})

const streamSchema = z
  .string()
  .min(1, { message: 'must not be empty' })
  .max(1000)
  .refine((name) => !name.startsWith('$'), { message: 'must not start with "$" (reserved by the store)' })

/**
 * The largest revision or position the port takes: 2^63 - 1, the largest integer SQLite stores
 * (EventStoreDB's commit positions are byte offsets: a log would need eight exabytes to pass it).
 * A larger one is refused here, in every adapter alike, instead of failing where the adapter
 * hands it to its storage.
 */
export const maxPosition = 2n ** 63n - 1n

const revisionOrPositionSchema = z
  .bigint()
  .nonnegative({ message: 'must be 0 or more' })
  .max(maxPosition, { message: `must be at most ${maxPosition} (2^63 - 1)` })

function invalidAppend(stream: string, field: string, problem: string): TreguesiError<'TRG_STORE_INVALID_APPEND'> {
  return new TreguesiError('TRG_STORE_INVALID_APPEND', { stream, field, problem })
}

function firstIssue(error: z.ZodError, prefix: string): { field: string; problem: string } {
  const issue = error.issues[0]!
  return { field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'), problem: issue.message }
}

/** Validates an append and serialises its events; throws TRG_STORE_INVALID_APPEND naming the field. */
export function prepareAppend(
  stream: string,
  events: readonly EventToAppend[],
  options: AppendOptions | undefined,
): { events: PreparedEvent[]; expectedRevision: ExpectedRevision } {
  const streamCheck = streamSchema.safeParse(stream)
  if (!streamCheck.success) {
    throw invalidAppend(String(stream), 'stream', firstIssue(streamCheck.error, '').problem)
  }
  const expectedRevision = options?.expectedRevision ?? 'any'
  if (typeof expectedRevision === 'bigint') {
    const revisionCheck = revisionOrPositionSchema.safeParse(expectedRevision)
    if (!revisionCheck.success) {
      throw invalidAppend(stream, 'expectedRevision', firstIssue(revisionCheck.error, '').problem)
    }
  } else if (!['any', 'no_stream', 'stream_exists'].includes(expectedRevision)) {
    throw invalidAppend(stream, 'expectedRevision', 'must be any, no_stream, stream_exists or a bigint revision')
  }
  if (!Array.isArray(events) || events.length === 0) {
    throw invalidAppend(stream, 'events', 'must hold at least one event')
  }
  const seen = new Set<string>()
  const prepared = events.map((event, index) => {
    const check = eventSchema.safeParse(event)
    if (!check.success) {
      const { field, problem } = firstIssue(check.error, `events[${index}]`)
      throw invalidAppend(stream, field, problem)
    }
    const id = event.id.toLowerCase()
    if (seen.has(id)) throw invalidAppend(stream, `events[${index}].id`, 'repeats an id of the same append')
    seen.add(id)
    return {
      id,
      type: event.type,
      data: serialise(stream, `events[${index}].data`, event.data),
      metadata: serialise(stream, `events[${index}].metadata`, event.metadata ?? {}),
    }
  })
  return { events: prepared, expectedRevision }
}

function serialise(stream: string, field: string, value: unknown): string {
  try {
    return JSON.stringify(value)
  } catch (error) {
    throw invalidAppend(stream, field, `is not JSON-serialisable (${(error as Error).message})`)
  }
}

const readStreamSchema = z.object({
  direction: z.enum(['forwards', 'backwards']).optional(),
  fromRevision: revisionOrPositionSchema.optional(),
  maxCount: z.number().int().positive().optional(),
})

const filterSchema = z.object({
  eventTypePrefixes: z.array(z.string().min(1)).optional(),
  streamPrefixes: z.array(z.string().min(1)).optional(),
})

const readAllSchema = z.object({
  direction: z.enum(['forwards', 'backwards']).optional(),
  fromPosition: revisionOrPositionSchema.optional(),
  maxCount: z.number().int().positive().optional(),
  filter: filterSchema.optional(),
})

function checkRead<T>(schema: z.ZodType<T>, options: unknown): T {
  const check = schema.safeParse(options ?? {})
  if (!check.success) throw new TreguesiError('TRG_STORE_INVALID_READ', firstIssue(check.error, ''))
  return check.data
}

export function checkReadStream(stream: string, options: ReadStreamOptions | undefined): ReadStreamOptions {
  const streamCheck = streamSchema.safeParse(stream)
  if (!streamCheck.success) {
    throw new TreguesiError('TRG_STORE_INVALID_READ', { field: 'stream', problem: firstIssue(streamCheck.error, '').problem })
  }
  return checkRead(readStreamSchema, options) as ReadStreamOptions
}

export function checkReadAll(options: ReadAllOptions | undefined): ReadAllOptions {
  return checkRead(readAllSchema, options) as ReadAllOptions
}

/** True when the event passes the filter: every given prefix list must match. */
export function matchesFilter(filter: AllFilter | undefined, stream: string, type: string): boolean {
  if (filter === undefined) return true
  const { eventTypePrefixes, streamPrefixes } = filter
  if (eventTypePrefixes && !eventTypePrefixes.some((prefix) => type.startsWith(prefix))) return false
  if (streamPrefixes && !streamPrefixes.some((prefix) => stream.startsWith(prefix))) return false
  return true
}
