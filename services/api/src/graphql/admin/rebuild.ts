import { randomUUID } from 'node:crypto'
import { verifyLog, type VerifyResult } from '@treguesi/audit'
import { recordForcedRebuild } from '@treguesi/commands'
import { parseCommand, recordForcedRebuildSchema } from '@treguesi/domain'
import { isTreguesiError, TreguesiError } from '@treguesi/errors'
import { z } from 'zod'
import { assertAdmin } from '../../access/policy.js'
import type { PendingRebuild, ReadModelHash } from '@treguesi/read-models'
import type { GraphQLContext } from '../context.js'
import type { ForcedRebuildInput, ReadModelRebuild } from '../generated/resolvers.js'
import { logVerification, positionText } from './verification.js'

const forceSchema = z.object({ reason: recordForcedRebuildSchema.shape.reason })

const named = (hashes: readonly ReadModelHash[]) => hashes.map(({ name, hash }) => ({ name, hash }))

/** Why these rebuilt read models may not replace the live ones unless forced; none when they may. */
function findings(verification: VerifyResult, rebuild: PendingRebuild): string[] {
  const found: string[] = []
  if (!verification.ok) found.push(`the log fails verification at position ${verification.firstBadPosition}: ${verification.reason}`)
  if (!rebuild.equal) found.push(`the rebuilt read models differ from the live ones in ${rebuild.differing.join(', ')}`)
  return found
}

/** The whole log folded aside; a log with an event that cannot be read yields no read models at all. */
async function rebuildAside({ live, store }: GraphQLContext): Promise<PendingRebuild> {
  try {
    return await live.rebuild(store)
  } catch (error) {
    if (!isTreguesiError(error, 'TRG_EVENT_UNREADABLE')) throw error
    const { position, problem } = error.details
    const reason = `the event at position ${position} cannot be read (${problem}); no read model can be rebuilt past it, forced or not`
    throw new TreguesiError('TRG_REBUILD_REFUSED', { reason }, { cause: error })
  }
}

/**
 * rebuildReadModels: verifies the log as recorded, rebuilds the read models aside and swaps them
 * in when the log verifies and they equal the live ones. Otherwise it refuses, writing nothing,
 * unless the admin forces the swap: the override is then recorded in the log first, through
 * command handling like every other write, and the swap follows, so the log never lacks the
 * record of a swap that happened.
 */
export async function rebuildReadModels(context: GraphQLContext, force: ForcedRebuildInput | null | undefined): Promise<ReadModelRebuild> {
  const { principal, store } = context
  assertAdmin(principal, 'rebuildReadModels')
  // Checked before any work, so a bad reason is refused whatever the rebuild would find.
  const forced = force == null ? undefined : parseCommand('RecordForcedRebuild', forceSchema, force)
  // Hashes are over events as recorded: the upcast view would fail every superseded version.
  const verification = await verifyLog(store.recorded)
  const rebuild = await rebuildAside(context)
  try {
    const found = findings(verification, rebuild)
    if (found.length > 0 && forced === undefined) {
      throw new TreguesiError('TRG_REBUILD_REFUSED', {
        reason: `${found.join('; ')}. Give force with a reason to swap them in anyway; the override is recorded in the log`,
      })
    }
    const record =
      found.length === 0
        ? null
        : await recordForcedRebuild(
            store,
            {
              type: 'RecordForcedRebuild',
              reason: forced!.reason,
              position: positionText(rebuild.position),
              before: named(rebuild.before),
              after: named(rebuild.after),
              events: rebuild.events,
              verification: logVerification(verification),
            },
            { commandId: randomUUID(), actor: { id: principal.id, role: principal.role }, occurredAt: new Date().toISOString() },
          )
    rebuild.swap()
    return {
      position: positionText(rebuild.position),
      equal: rebuild.equal,
      before: named(rebuild.before),
      after: named(rebuild.after),
      differing: [...rebuild.differing],
      verification: logVerification(verification),
      recordPosition: positionText(record?.position ?? null),
      events: rebuild.events,
      eventsPerSecond: Math.round(rebuild.events / Math.max(rebuild.seconds, 1e-6)),
    }
  } finally {
    rebuild.discard()
  }
}
