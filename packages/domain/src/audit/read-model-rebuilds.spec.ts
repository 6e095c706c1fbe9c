import t, { type Test } from 'tap'
import { replay } from '../decider.js'
import { spec } from '../testing/decider-spec.js'
import { readModelRebuilds, readModelRebuildsStream, recordForcedRebuildSchema, type ReadModelRebuildEvent } from './read-model-rebuilds.js'

const decider = (t: Test) => spec(t, readModelRebuilds, recordForcedRebuildSchema)

const hash = (digit: string): string => digit.repeat(64)
const live = [
  { name: 'plans', hash: hash('a') },
  { name: 'budgets', hash: hash('b') },
  { name: 'national', hash: hash('c') },
]
const sound = { ok: true, checkedEvents: 566, firstBadPosition: null, reason: null, head: `566:${hash('d')}` }
const altered = {
  ok: false,
  checkedEvents: 11,
  firstBadPosition: '12',
  reason: 'plan-1@0 (plan.drafted.v1, id 0b7d9a52-6f0e-4c57-9a43-2f7d1c9e8a10) was altered: its content no longer matches its hash',
  head: null,
}
const reason = { sq: 'Skedari u rikthye nga kopja rezervë e çdo nate', en: 'The file was restored from the nightly backup' }

const force = {
  type: 'RecordForcedRebuild',
  reason,
  position: '566',
  before: live,
  after: [live[0]!, { name: 'budgets', hash: hash('e') }, live[2]!],
  events: 566,
  verification: sound,
}

t.test('a swap past differing hashes is recorded with what differed', async () => {
  decider(t)
    .given([])
    .when(force)
    .then([
      {
        type: 'read-models.rebuild-forced.v1',
        data: {
          reason,
          position: '566',
          before: force.before,
          after: force.after,
          differing: ['budgets'],
          events: 566,
          verification: sound,
        },
      },
    ])
})

t.test('a swap past a log that fails verification is recorded, even where the hashes agree', async () => {
  decider(t)
    .given([])
    .when({ ...force, after: live, verification: altered })
    .then([
      {
        type: 'read-models.rebuild-forced.v1',
        data: { reason, position: '566', before: live, after: live, differing: [], events: 566, verification: altered },
      },
    ])
})

t.test('a rebuild that overrode nothing records nothing', async () => {
  decider(t)
    .given([])
    .when({ ...force, after: live })
    .then([], 'equal hashes of a log that verifies')
})

t.test('what a record must say', async () => {
  decider(t)
    .given([])
    .when({ ...force, reason: { sq: ' ' } })
    .thenFails('TRG_INVALID_COMMAND', { field: 'reason.sq', problem: 'must not be empty' })
  decider(t)
    .given([])
    .when({ ...force, after: live.slice(0, 2) })
    .thenFails('TRG_INVALID_COMMAND', { field: 'after', problem: 'must name the same read models as before, in the same order' })
  decider(t)
    .given([])
    .when({ ...force, after: [live[1]!, live[0]!, live[2]!] })
    .thenFails('TRG_INVALID_COMMAND', { field: 'after', problem: 'must name the same read models as before, in the same order' })
  decider(t)
    .given([])
    .when({ ...force, before: [] })
    .thenFails('TRG_INVALID_COMMAND', { field: 'before', problem: 'must name at least one read model' })
  decider(t)
    .given([])
    .when({ ...force, before: [{ name: 'plans', hash: 'ABC' }, ...live.slice(1)] })
    .thenFails('TRG_INVALID_COMMAND', { field: 'before.0.hash', problem: 'must be a SHA-256 in lower-case hex' })
  decider(t)
    .given([])
    .when({ ...force, position: '-1' })
    .thenFails('TRG_INVALID_COMMAND', { field: 'position' })
  decider(t)
    .given([])
    .when({ ...force, verification: { ...altered, head: 'latest' } })
    .thenFails('TRG_INVALID_COMMAND', { field: 'verification.head', problem: 'must be <position>:<hash>' })
  decider(t)
    .given([])
    .when({ ...force, events: -1 })
    .thenFails('TRG_INVALID_COMMAND', { field: 'events', problem: 'must be 0 or more' })
})

t.test('the stream counts the forced rebuilds', async (t) => {
  const recorded = readModelRebuilds.decide(
    recordForcedRebuildSchema.parse(force),
    readModelRebuilds.initialState,
  ) as ReadModelRebuildEvent[]
  t.same(replay(readModelRebuilds, [...recorded, ...recorded]), { forced: 2 })
  t.equal(readModelRebuildsStream, 'read-model-rebuilds')
})
