import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { verifyLog } from '@treguesi/audit'
import { eventIdFor, openDomainStore, recordForcedRebuild, type DomainStore } from '@treguesi/commands'
import { forcedRebuild } from '@treguesi/domain/testing'
import { collect, openInTempDir } from '@treguesi/event-store/contract'

const openStore = (t: Test): Promise<DomainStore> =>
  openInTempDir(t, 'treguesi-rebuilds-', (dir) => openDomainStore({ store: 'sqlite', path: join(dir, 'treguesi.db'), sync: 'normal' }))

const forced = forcedRebuild('national', {
  ok: true,
  checkedEvents: 12,
  firstBadPosition: null,
  reason: null,
  head: `12:${'d'.repeat(64)}`,
})
const context = () => ({ commandId: randomUUID(), actor: { id: 'admin-1', role: 'admin' }, occurredAt: '2025-03-01T10:00:00+01:00' })

t.test('a forced rebuild is recorded in its own stream, hash-chained, with who, when and why', async (t) => {
  const store = await openStore(t)
  const ctx = context()
  const result = await recordForcedRebuild(store, forced, ctx)
  t.match(result, { revision: 0n, replayed: false, position: 1n })
  const [recorded] = await collect(store.readStream('read-model-rebuilds'))
  t.equal(recorded!.id, eventIdFor(ctx.commandId, 0))
  t.equal(recorded!.type, 'read-models.rebuild-forced.v1')
  const { type: _type, ...fields } = forced
  t.strictSame(recorded!.data, { ...fields, differing: ['national'] })
  t.equal(
    (recorded!.data.reason as { sq: string }).sq,
    'Kopja rezervë u rikthye; shifrat e sakta janë ato të ndërtuara rishtas',
    'Albanian text as written',
  )
  t.match(recorded!.metadata, { actor: ctx.actor, commandId: ctx.commandId, occurredAt: ctx.occurredAt, chain: { hash: /^[0-9a-f]{64}$/ } })
  t.match(await verifyLog(store.recorded), { ok: true, checkedEvents: 1 }, 'the record is part of the verified log')

  const again = await recordForcedRebuild(store, forced, ctx)
  t.match(again, { replayed: true, position: result.position }, 'the same command id again records nothing')
  const second = await recordForcedRebuild(
    store,
    { ...forced, verification: { ...forced.verification, ok: false, firstBadPosition: '3', reason: 'altered', head: null } },
    context(),
  )
  t.equal(second.revision, 1n, 'each forced rebuild is its own event')
})

t.test('a refused record writes nothing', async (t) => {
  const store = await openStore(t)
  await t.rejects(recordForcedRebuild(store, { ...forced, reason: { sq: '' } }, context()), {
    code: 'TRG_INVALID_COMMAND',
    details: { command: 'RecordForcedRebuild', field: 'reason.sq' },
  })
  await t.rejects(recordForcedRebuild(store, forced, { ...context(), actor: { id: '', role: 'admin' } }), {
    code: 'TRG_INVALID_COMMAND',
    details: { command: 'RecordForcedRebuild', field: 'actor.id' },
  })
  const overrodeNothing = await recordForcedRebuild(store, { ...forced, after: forced.before }, context())
  t.match(overrodeNothing, { events: [], position: null, revision: null }, 'nothing to record when nothing was overridden')
  t.equal(await store.headPosition(), null)
})
