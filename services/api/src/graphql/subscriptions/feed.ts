import { TreguesiError } from '@treguesi/errors'
import type { RecordedEvent } from '@treguesi/event-store'
import type { ReadModels } from '@treguesi/read-models'

/** What a feed listens to: the read models' event feed (LiveReadModels). */
export interface EventSource {
  readonly current: ReadModels
  onEvent(listener: (event: RecordedEvent) => void): () => void
}

/**
 * Turns an event, with the read models just after it, into what a subscriber receives: nothing
 * when the subscriber is not to hear of it (another plan, a plan it may not read), or several
 * items for an event that changes several things it reads (an approval publishing a round's
 * figures).
 */
export type Selector<Item> = (event: RecordedEvent, models: ReadModels) => readonly Item[]

/**
 * How many events may wait for a subscriber that does not keep up. Past that the subscription
 * ends with TRG_LIMIT_EXCEEDED rather than holding an unbounded backlog in memory; the client
 * resubscribes and catches up from its last position with the `events` query. An event counts
 * once whatever number of items it gives: those are bounded by the size of one plan, and an
 * approval of a large plan's report is one step of the log, not a flood.
 */
export const backlogLimit = 1000

/**
 * The events applied from now on that `select` keeps, in log order, as an async iterator:
 * graphql's subscribe pulls from it, and `return()` (the client unsubscribed or went away)
 * stops listening. The selection runs when the event is applied, against the read models at
 * exactly that event, so what a subscriber receives is what the log said then, however late
 * it reads it.
 */
export function eventFeed<Item>(source: EventSource, select: Selector<Item>, limit = backlogLimit): AsyncIterableIterator<Item> {
  // Each waiting event's items not yet read, oldest first; the first event's are read from `read`.
  const backlog: (readonly Item[])[] = []
  let read = 0
  let waiting: { resolve: (result: IteratorResult<Item>) => void; reject: (error: unknown) => void } | undefined
  let failure: unknown
  let done = false

  const finish = (error?: unknown): void => {
    if (done) return
    done = true
    stop()
    backlog.length = 0
    read = 0
    const pending = waiting
    waiting = undefined
    // A read already waiting gets the end (or the error) now; otherwise the next read does.
    if (pending === undefined) failure = error
    else if (error === undefined) pending.resolve({ value: undefined, done: true })
    else pending.reject(error)
  }

  // The listener runs inside the read models' update: it must never throw into it.
  const stop = source.onEvent((event) => {
    let items: readonly Item[]
    try {
      items = select(event, source.current)
    } catch (error) {
      finish(error)
      return
    }
    if (items.length === 0) return
    let rest = items
    if (waiting !== undefined) {
      const pending = waiting
      waiting = undefined
      pending.resolve({ value: items[0]!, done: false })
      rest = items.slice(1)
      if (rest.length === 0) return
    }
    if (backlog.length < limit) {
      backlog.push(rest)
    } else {
      finish(
        new TreguesiError('TRG_LIMIT_EXCEEDED', {
          limit: 'subscription backlog (events not yet delivered)',
          maximum: limit,
          actual: limit + 1,
        }),
      )
    }
  })

  return {
    next() {
      if (backlog.length > 0) {
        const items = backlog[0]!
        const value = items[read]!
        read += 1
        if (read === items.length) {
          backlog.shift()
          read = 0
        }
        return Promise.resolve({ value, done: false })
      }
      if (failure !== undefined) {
        const error = failure
        failure = undefined
        return Promise.reject(error)
      }
      if (done) return Promise.resolve({ value: undefined, done: true })
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject }
      })
    },
    return() {
      finish()
      return Promise.resolve({ value: undefined, done: true })
    },
    [Symbol.asyncIterator]() {
      return this
    },
  }
}
