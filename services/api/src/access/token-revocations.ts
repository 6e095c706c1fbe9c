import { tokenRevocationsStream } from '@treguesi/domain'
import type { EventStore, RecordedEvent } from '@treguesi/event-store'
import type { LiveReadModels } from '@treguesi/read-models'

/** When each subject's tokens were last revoked, as the log records it. */
export interface TokenRevocations {
  /** The record time of the subject's latest revocation; undefined when it has none. */
  revokedAt(subject: string): Date | undefined
}

const revoked = 'access.tokens-revoked.v1'

/**
 * The revocations of the log, followed as the read models apply new ones: read once from their
 * own stream (one event per revocation, so never the country's log), then kept up to date. The
 * record time is the store's, so a client's clock cannot move a revocation.
 */
export async function followTokenRevocations(store: EventStore, live: LiveReadModels): Promise<TokenRevocations & { stop(): void }> {
  const latest = new Map<string, Date>()
  const note = (event: RecordedEvent) => {
    if (event.type !== revoked) return
    const subject = String(event.data.subject)
    const before = latest.get(subject)
    if (before === undefined || before < event.recordedAt) latest.set(subject, event.recordedAt)
  }
  // Listening first: a revocation recorded while the stream is read is noted either way.
  const stop = live.onEvent(note)
  for await (const event of store.readStream(tokenRevocationsStream)) note(event)
  return { revokedAt: (subject) => latest.get(subject), stop }
}

/**
 * Why a token of `subject` issued at `issuedAt` is refused, or null: a token issued up to its
 * subject's latest revocation (whole seconds, as `iat` counts), or without an issue time at all
 * once its subject has one.
 */
export function revocationProblem(revocations: TokenRevocations, subject: string, issuedAt: Date | null): string | null {
  const at = revocations.revokedAt(subject)
  if (at === undefined) return null
  if (issuedAt !== null && Math.floor(issuedAt.getTime() / 1000) > Math.floor(at.getTime() / 1000)) return null
  return `the tokens of ${subject} issued up to ${at.toISOString()} were revoked: ask for a new one`
}
