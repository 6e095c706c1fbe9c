import { TreguesiError } from '@treguesi/errors'
import type { ExpectedRevision } from './port.js'

/** Throws TRG_STORE_WRONG_EXPECTED_REVISION unless the stream's current revision meets the expectation. */
export function checkExpectedRevision(stream: string, expected: ExpectedRevision, current: bigint | null): void {
  const met =
    expected === 'any' ||
    (expected === 'no_stream' && current === null) ||
    (expected === 'stream_exists' && current !== null) ||
    (typeof expected === 'bigint' && current === expected)
  if (!met) {
    throw new TreguesiError('TRG_STORE_WRONG_EXPECTED_REVISION', {
      stream,
      expected,
      actual: current ?? 'no_stream',
    })
  }
}
