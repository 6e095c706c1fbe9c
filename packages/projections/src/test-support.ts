import fc from 'fast-check'
import { sameContents } from './budgets/test-support.js'
import type { LogEvent } from './projection.js'

type Fold<Model> = (events: readonly LogEvent[], from?: Model) => Model

/**
 * Folds `events` in chunks that end at the `cuts` (taken modulo the log's length), each chunk
 * starting up to its overlap early, so some events arrive twice and must be skipped by position.
 */
function foldInChunks<Model>(
  events: readonly LogEvent[],
  cuts: ReadonlyArray<readonly [at: number, overlap: number]>,
  fold: Fold<Model>,
): Model {
  const ends = cuts.map(([at, overlap]) => [at % (events.length + 1), overlap] as const).sort((a, b) => a[0] - b[0])
  let chunked: Model | undefined
  let start = 0
  for (const [end, overlap] of [...ends, [events.length, 0] as const]) {
    chunked = fold(events.slice(Math.max(0, start - overlap), end), chunked)
    start = end
  }
  return chunked!
}

/**
 * The property that a log folded in one batch, in arbitrary chunks and again from scratch gives
 * read models of the same content, over logs that `eventsOf` makes of 5 to 60 generated steps.
 */
export function foldsAlike<Step, Model>(step: fc.Arbitrary<Step>, eventsOf: (steps: Step[]) => readonly LogEvent[], fold: Fold<Model>) {
  return fc.property(
    fc.array(step, { minLength: 5, maxLength: 60, size: 'max' }),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 })), { maxLength: 8, size: 'max' }),
    (steps, cuts) => {
      const events = eventsOf(steps)
      const whole = fold(events)
      return sameContents(foldInChunks(events, cuts, fold), whole) && sameContents(fold(events), whole)
    },
  )
}
