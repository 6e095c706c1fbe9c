import { setImmediate as nextTurn } from 'node:timers/promises'

/**
 * Hands the event loop back every `every` calls. A fold over the log reads it page by page
 * without waiting for anything else, so on its own it would hold the loop, and every request and
 * health probe, for as long as it runs.
 */
export function turnsEvery(every: number): () => Promise<void> | undefined {
  let count = 0
  return () => (++count % every === 0 ? nextTurn() : undefined)
}

/** Events folded between two turns: some milliseconds of work on a small machine. */
export const eventsPerTurn = 100
