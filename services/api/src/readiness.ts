import type { EventStore } from '@treguesi/event-store'
import { isTreguesiError } from '@treguesi/errors'
import type { FastifyReply } from 'fastify'
import type { LiveReadModels } from '@treguesi/read-models'

const positionText = (position: bigint | null): string | null => (position === null ? null : position.toString())

interface FailureStatus {
  readonly status: 'degraded' | 'failed'
  readonly reason: string
  /** The TRG_* code and the position of the event that cannot be read, when that is the failure. */
  readonly code?: string
  readonly position?: string
}

/** What the read models' failure makes of the service: degraded by a damaged log, failed otherwise. */
export function failureStatus(failure: Error): FailureStatus {
  if (isTreguesiError(failure, 'TRG_EVENT_UNREADABLE')) {
    // The log is at fault: everything before the damaged event is still served, so it is named.
    return { status: 'degraded', reason: `${failure.message} [${failure.code}]`, code: failure.code, position: failure.details.position }
  }
  return { status: 'failed', reason: failure.message }
}

/**
 * How far the catch-up has come and how long the rest should take, at the rate so far. The
 * estimate counts positions as events, which they are in the embedded store; EventStoreDB's
 * positions are not counts, so there it is left out.
 */
export function catchUpReport(live: LiveReadModels, head: bigint | null, positionsCountEvents: boolean) {
  const { phase, eventsApplied, seconds, eventsPerSecond } = live.progress
  const remaining = Number((head ?? 0n) - (live.current.position ?? 0n))
  return {
    phase,
    eventsApplied,
    seconds: round(seconds),
    eventsPerSecond: Math.round(eventsPerSecond),
    // Unknown until the first event has been applied.
    ...(positionsCountEvents && { secondsLeft: eventsPerSecond === 0 ? null : round(remaining / eventsPerSecond) }),
  }
}

const round = (seconds: number): number => Math.round(seconds * 10) / 10

/**
 * GET /readyz. Ready (200) only when the read models have caught up with the log and their feed
 * is running, so a load balancer routes only to an instance that answers with current figures.
 * Otherwise 503 with why: `catching-up` (with the catch-up's progress); `degraded` when an event of the log cannot be read (the
 * read models serve the log up to just before it, and the reason names its position and code);
 * `failed` when the feed stopped for another reason; `unavailable` when the store does not answer.
 */
export function readiness(store: EventStore, live: LiveReadModels) {
  return async (_request: unknown, reply: FastifyReply): Promise<Record<string, unknown>> => {
    try {
      const head = await store.headPosition()
      const { failure } = live
      const ready = live.caughtUp && failure === undefined
      if (!ready) reply.code(503)
      return {
        status: ready ? 'ready' : 'catching-up',
        store: store.kind,
        headPosition: positionText(head),
        readModelsPosition: positionText(live.current.position),
        ...(!live.caughtUp && failure === undefined && { catchUp: catchUpReport(live, head, store.kind === 'sqlite') }),
        ...(failure && failureStatus(failure)),
      }
    } catch (error) {
      reply.code(503)
      return { status: 'unavailable', store: store.kind, reason: (error as Error).message }
    }
  }
}
