/**
 * rebuildReadModels swaps rebuilt read models in only when the log verifies and they equal the
 * live ones; otherwise it refuses and changes nothing, unless an admin forces it, which is
 * recorded in the log.
 */
import t from 'tap'
import type { RecordedEvent } from '@treguesi/event-store'
import { readModelHashes } from '@treguesi/read-models'
import { serviceOnFile } from './support/file-service.js'

const rebuild = `mutation ($force: ForcedRebuildInput) { rebuildReadModels(force: $force) {
  position equal before { name hash } after { name hash } differing verification { ok checkedEvents firstBadPosition reason head } recordPosition events } }`

interface Rebuilt {
  rebuildReadModels: {
    position: string
    equal: boolean
    before: Array<{ name: string; hash: string }>
    after: Array<{ name: string; hash: string }>
    differing: string[]
    verification: { ok: boolean; checkedEvents: number; firstBadPosition: string | null; reason: string | null; head: string | null }
    recordPosition: string | null
    events: number
  }
}

const reason = { sq: 'Projeksioni u ndreq; shifrat e rindërtuara nga regjistri janë të sakta', en: 'The projection was fixed' }

/** The live read models see every drafted plan under another title, as a projection bug would. */
const retitled = (event: RecordedEvent): RecordedEvent =>
  event.type === 'plan.drafted.v1' ? { ...event, data: { ...event.data, title: { sq: 'Titull i gabuar' } } } : event

const named = (hashes: ReturnType<typeof readModelHashes>) => hashes.map(({ name, hash }) => ({ name, hash }))

t.test('read models that differ from the live ones are refused; nothing changes, nothing is written', async (t) => {
  const { graphql, live, store } = await serviceOnFile(t, { liveSees: retitled })
  const head = await store.headPosition()
  const before = live.current
  const refused = await graphql(rebuild)
  t.equal(refused.status, 200, 'a refusal, not a server error')
  t.equal(refused.data, null)
  t.match(refused.errors, [
    {
      message:
        /^The rebuilt read models were not swapped in: the rebuilt read models differ from the live ones in plans\. Give force with a reason/,
      path: ['rebuildReadModels'],
      extensions: { code: 'CONFLICT', trgCode: 'TRG_REBUILD_REFUSED', details: { reason: /differ from the live ones in plans/ } },
    },
  ])
  t.equal(live.current, before, 'the live read models are untouched')
  t.equal(await store.headPosition(), head, 'nothing was written')
})

t.test('forced with a reason: swapped in, and the override recorded in the log for auditors', async (t) => {
  const { graphql, live, store } = await serviceOnFile(t, { liveSees: retitled })
  const head = (await store.headPosition())!
  const liveHashes = named(readModelHashes(live.current))
  const forced = await graphql<Rebuilt>(rebuild, { force: { reason } })
  const outcome = forced.data!.rebuildReadModels
  t.match(outcome, {
    position: String(head),
    equal: false,
    differing: ['plans'],
    verification: { ok: true, checkedEvents: Number(head), firstBadPosition: null, reason: null, head: new RegExp(`^${head}:`) },
    recordPosition: String(head + 1n),
    events: Number(head),
  })
  t.same(outcome.before, liveHashes, 'before: the live hashes it replaced')
  t.not(outcome.after[0]!.hash, outcome.before[0]!.hash)
  t.same(outcome.after.slice(1), outcome.before.slice(1), 'only the plans differed')
  t.same(named(readModelHashes(live.current)), outcome.after, 'the rebuilt read models are live')
  t.equal(live.current.position, head + 1n, 'and have applied the record too')
  const title = await graphql<{ plans: { edges: Array<{ node: { title: { sq: string } } }> } }>(
    '{ plans(first: 1) { edges { node { title { sq } } } } }',
  )
  t.notMatch(title.data!.plans.edges[0]!.node.title.sq, /Titull i gabuar/, 'queries answer from the log again')

  const feed = await graphql<{
    events: { edges: Array<{ node: { stream: string; position: string; data: unknown; metadata: Record<string, unknown> } }> }
  }>('{ events(types: ["read-models.rebuild-forced"]) { edges { node { stream position data metadata } } } }')
  const [record] = feed.data!.events.edges.map(({ node }) => node)
  t.match(record, { stream: 'read-model-rebuilds', position: outcome.recordPosition })
  t.same(record!.data, {
    reason,
    position: String(head),
    before: outcome.before,
    after: outcome.after,
    differing: ['plans'],
    events: Number(head),
    verification: { ...outcome.verification },
  })
  t.match(record!.metadata, { actor: { id: 'admin-1', role: 'admin' }, occurredAt: /^\d{4}-\d\d-\d\dT/, commandId: /^[0-9a-f-]{36}$/ })
  t.match(
    await graphql('{ verifyLog { ok checkedEvents } }'),
    { data: { verifyLog: { ok: true, checkedEvents: Number(head) + 1 } } },
    'the record is part of the verified log',
  )

  const again = await graphql<Rebuilt>(rebuild)
  t.match(
    again.data!.rebuildReadModels,
    { equal: true, differing: [], recordPosition: null },
    'a later rebuild finds them equal and records nothing',
  )
  t.equal(await store.headPosition(), head + 1n)
})

t.test(
  'a log altered on disk is refused; restored, it rebuilds; forced while altered, the record says what verification found',
  async (t) => {
    const { graphql, live, store, alter } = await serviceOnFile(t)
    const head = (await store.headPosition())!
    const before = live.current
    const altered = alter(`type = 'plan.drafted.v1'`, 'Plan', 'Plam')
    const refused = await graphql(rebuild)
    t.match(refused, {
      data: null,
      errors: [
        {
          extensions: {
            trgCode: 'TRG_REBUILD_REFUSED',
            details: {
              reason: new RegExp(
                `^the log fails verification at position ${altered.position}: ${altered.stream}@0 \\(plan\\.drafted\\.v1, id [0-9a-f-]+\\) was altered.*; the rebuilt read models differ from the live ones in plans\\. Give force`,
              ),
            },
          },
        },
      ],
    })
    t.equal(live.current, before, 'the altered figures are not served')
    t.equal(await store.headPosition(), head, 'nothing was written')

    altered.restore()
    t.match(
      (await graphql<Rebuilt>(rebuild, { force: { reason } })).data!.rebuildReadModels,
      { equal: true, verification: { ok: true }, recordPosition: null },
      'the restored log rebuilds; forcing what needs no force records nothing',
    )
    t.equal(await store.headPosition(), head)

    alter(`type = 'plan.drafted.v1'`, 'Plan', 'Plam')
    const forced = (await graphql<Rebuilt>(rebuild, { force: { reason } })).data!.rebuildReadModels
    t.match(forced, {
      equal: false,
      differing: ['plans'],
      verification: {
        ok: false,
        checkedEvents: altered.position - 1,
        firstBadPosition: String(altered.position),
        reason: /was altered/,
        head: null,
      },
      recordPosition: String(head + 1n),
    })
    const feed = await graphql<{ events: { edges: Array<{ node: { data: { verification: unknown } } }> } }>(
      '{ events(types: ["read-models.rebuild-forced"]) { edges { node { data } } } }',
    )
    t.same(feed.data!.events.edges[0]!.node.data.verification, forced.verification, 'the record keeps what verification found')
  },
)

t.test('a forced rebuild needs a reason; without one nothing is done', async (t) => {
  const { graphql, live, store } = await serviceOnFile(t, { liveSees: retitled })
  const head = await store.headPosition()
  const before = live.current
  t.match(await graphql(rebuild, { force: { reason: { sq: '  ' } } }), {
    data: null,
    errors: [
      {
        extensions: {
          code: 'BAD_USER_INPUT',
          trgCode: 'TRG_INVALID_COMMAND',
          field: 'reason.sq',
          details: { problem: 'must not be empty' },
        },
      },
    ],
  })
  t.equal(live.current, before)
  t.equal(await store.headPosition(), head)
})

t.test('an event that cannot be read: refused, forced or not, naming its position', async (t) => {
  const { graphql, live, store, sql } = await serviceOnFile(t)
  const head = await store.headPosition()
  const before = live.current
  sql(`UPDATE events SET data = '{"titulli": "Plani' WHERE position = 40`)
  t.match(await graphql('{ verifyLog { ok firstBadPosition reason } }'), {
    data: {
      verifyLog: { ok: false, firstBadPosition: '40', reason: /^the event at position 40 cannot be read: its data is not valid JSON/ },
    },
  })
  for (const force of [undefined, { reason }]) {
    t.match(
      await graphql(rebuild, { force }),
      {
        data: null,
        errors: [
          {
            extensions: {
              code: 'CONFLICT',
              trgCode: 'TRG_REBUILD_REFUSED',
              details: {
                reason:
                  /^the event at position 40 cannot be read \(its data is not valid JSON .*\); no read model can be rebuilt past it, forced or not$/,
              },
            },
          },
        ],
      },
      force ? 'forced' : 'not forced',
    )
  }
  t.equal(live.current, before, 'the live read models, read before the damage, stay')
  t.equal(await store.headPosition(), head, 'nothing was written')
})

t.test('once the live read models have stopped at a damaged event, a rebuild says so even after the file is repaired', async (t) => {
  let original = ''
  const { graphql, live, sql } = await serviceOnFile(t, {
    beforeStart: (edit) => {
      original = (edit('SELECT data FROM events WHERE position = 40') as Array<{ data: string }>)[0]!.data
      edit(`UPDATE events SET data = '[' WHERE position = 40`)
    },
  })
  t.equal(live.current.position, 39n, 'they stopped just before it')
  sql('UPDATE events SET data = ? WHERE position = 40', original)
  t.match(await graphql('{ verifyLog { ok } }'), { data: { verifyLog: { ok: true } } }, 'the repaired log verifies')
  t.match(await graphql(rebuild, { force: { reason } }), {
    errors: [
      {
        extensions: {
          trgCode: 'TRG_REBUILD_REFUSED',
          details: {
            reason:
              /^the live read models stopped at position 39 \(The event at position 40 cannot be read: .*\); restart the service once the log can be read$/,
          },
        },
      },
    ],
  })
  t.equal(live.current.position, 39n)
})
