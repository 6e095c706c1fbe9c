import { formatHead, parseHead, sealLog, verifyLog } from '@treguesi/audit'
import { TreguesiError } from '@treguesi/errors'
import { assertAdmin } from '../../access/policy.js'
import { readModelHashes, type ReadModelHash } from '../../read-models/live-read-models.js'
import type { Resolvers } from '../generated/resolvers.js'

const positionText = (position: bigint | null): string | null => (position === null ? null : position.toString())
const named = (hashes: readonly ReadModelHash[]) => hashes.map(({ name, hash }) => ({ name, hash }))

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
      const result = await verifyLog(store.recorded, head ? { expectedHead: head } : {})
      return {
        ok: result.ok,
        checkedEvents: result.checkedEvents,
        firstBadPosition: positionText(result.firstBadPosition),
        reason: result.reason,
        head: result.head && formatHead(result.head),
      }
    },
  },
  Mutation: {
    rebuildReadModels: async (_root, _args, { principal, store, live }) => {
      assertAdmin(principal, 'rebuildReadModels')
      const outcome = await live.rebuild(store)
      return {
        position: positionText(outcome.position),
        equal: outcome.equal,
        before: named(outcome.before),
        after: named(outcome.after),
        events: outcome.events,
        eventsPerSecond: Math.round(outcome.events / Math.max(outcome.seconds, 1e-6)),
      }
    },
    sealLog: async (_root, _args, { principal, store }) => {
      assertAdmin(principal, 'sealLog')
      const { sealed, seal } = await sealLog(store.recorded)
      return seal && { sealed, position: seal.position.toString(), upTo: seal.upTo.toString(), hash: seal.hash }
    },
  },
}
