import { TreguesiError } from '@treguesi/errors'
import type { ExpectedRevision } from './port.js'

/** Whether a stream at the current revision (null: no stream) meets the expectation. */
export function meetsExpectation(expected: ExpectedRevision, current: bigint | null): boolean {
  return (
    expected === 'any' ||
    (expected === 'no_stream' && current === null) ||
    (expected === 'stream_exists' && current !== null) ||
    (typeof expected === 'bigint' && current === expected)
  )
}

/** Throws TRG_STORE_WRONG_EXPECTED_REVISION unless the stream's current revision meets the expectation. */
export function checkExpectedRevision(stream: string, expected: ExpectedRevision, current: bigint | null): void {
  if (!meetsExpectation(expected, current)) {
    throw new TreguesiError('TRG_STORE_WRONG_EXPECTED_REVISION', {
      stream,
      expected,
      actual: current ?? 'no_stream',
    })
  }
}
