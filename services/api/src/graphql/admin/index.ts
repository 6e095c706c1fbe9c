import { parseHead, sealLog, verifyLog } from '@treguesi/audit'
import { revokeTokens } from '@treguesi/commands'
import { canonicalCommandId } from '@treguesi/domain'
import { TreguesiError } from '@treguesi/errors'
import { assertAdmin } from '../../access/policy.js'
import { readModelHashes } from '@treguesi/read-models'
import type { Resolvers } from '../generated/resolvers.js'
import { ensureConsistent } from '../queries/consistency.js'
import { rebuildReadModels } from './rebuild.js'
import { logVerification, positionText } from './verification.js'

/** Admin-only audit operations: log verification and sealing, read-model hashes and rebuild. */
export const adminResolvers: Resolvers = {
  Query: {
    readModelHashes: (_root, _args, { principal, live }) => {
      assertAdmin(principal, 'readModelHashes')
      // The live models now, not the request's snapshot: this is what a rebuild compares with.
      return readModelHashes(live.current).map(({ name, position, hash }) => ({ name, position: positionText(position), hash }))
    },
    verifyLog: async (_root, { expectedHead }, { principal, store }) => {
      assertAdmin(principal, 'verifyLog')
      const head = expectedHead === null || expectedHead === undefined ? undefined : parseHead(expectedHead)
      if (head === undefined && typeof expectedHead === 'string') {
        throw new TreguesiError('TRG_INVALID_VALUE', {
          type: 'log head',
          value: expectedHead,
          problem: 'expected <position>:<sha-256 in hex>, as the head of verifyLog gives it',
        })
      }
      // Hashes are over events as recorded: the upcast view would fail every superseded version.
      return logVerification(await verifyLog(store.recorded, head ? { expectedHead: head } : {}))
    },
  },
  Mutation: {
    rebuildReadModels: (_root, { force }, context) => rebuildReadModels(context, force),
    sealLog: async (_root, _args, { principal, store }) => {
      assertAdmin(principal, 'sealLog')
      const { sealed, seal } = await sealLog(store.recorded)
      return seal && { sealed, position: seal.position.toString(), upTo: seal.upTo.toString(), hash: seal.hash }
    },
    revokeTokens: async (_root, { input }, context) => {
      const { principal, store } = context
      assertAdmin(principal, 'revokeTokens')
      const { commandId, ...command } = input
      const actor = { id: principal.id!, role: principal.role }
      const result = await revokeTokens(
        store,
        { type: 'RevokeTokens', ...command },
        { commandId, actor, occurredAt: new Date().toISOString() },
      )
      // Answered once the revocation is followed: the next request with a revoked token is refused.
      const position = result.position!.toString()
      await ensureConsistent(context, position)
      return {
        commandId: canonicalCommandId(commandId),
        position,
        replayed: result.replayed,
        eventTypes: result.events.map((event) => event.type),
        subject: command.subject,
      }
    },
  },
}
