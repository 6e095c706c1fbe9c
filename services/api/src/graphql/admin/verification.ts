import { formatHead, type VerifyResult } from '@treguesi/audit'
import type { LogVerification } from '../generated/resolvers.js'

export const positionText = (position: bigint | null): string | null => (position === null ? null : position.toString())

/** A verification as the schema's LogVerification gives it: positions and the head as text. */
export function logVerification(result: VerifyResult): LogVerification {
  return {
    ok: result.ok,
    checkedEvents: result.checkedEvents,
    firstBadPosition: positionText(result.firstBadPosition),
    reason: result.reason,
    head: result.head && formatHead(result.head),
  }
}
