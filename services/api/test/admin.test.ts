import { randomUUID } from 'node:crypto'
import t from 'tap'
import type { DomainStore } from '@treguesi/commands'
import type { EventStore } from '@treguesi/event-store'
import { emptyReadModels, foldReadModels, readModelHashes } from '@treguesi/read-models'
import { serviceOnFile } from './support/file-service.js'
import { principals, startService } from './support/service.js'

const names = ['plans', 'budgets', 'national']

const verifyQuery = 'query ($head: String) { verifyLog(expectedHead: $head) { ok checkedEvents firstBadPosition reason head } }'
const rebuildMutation =
  'mutation { rebuildReadModels { position equal before { name hash } after { name hash } differing verification { ok checkedEvents head } recordPosition events eventsPerSecond } }'

t.test('every admin operation is refused to every role but admin', async (t) => {
  const service = await startService(t)
  const operations = [
    '{ readModelHashes { hash } }',
    '{ verifyLog { ok } }',
    'mutation { rebuildReadModels { equal } }',
    'mutation { sealLog { hash } }',
  ]
  const before = await service.store.recorded.headPosition()
  for (const operation of operations) {
    t.match(
      await service.graphql(operation),
      { errors: [{ extensions: { code: 'UNAUTHENTICATED', trgCode: 'TRG_UNAUTHENTICATED' } }] },
      `anonymous: ${operation}`,
    )
    for (const role of ['editorElbasan', 'editorDrenas', 'viewer', 'ministry'] as const) {
      t.match(
        await service.graphql(operation, {}, service.token(principals[role])),
        { errors: [{ extensions: { code: 'FORBIDDEN', trgCode: 'TRG_FORBIDDEN', details: { reason: /only admins may/ } } }] },
        `${role}: ${operation}`,
      )
    }
  }
  t.equal(await service.store.recorded.headPosition(), before, 'nothing was sealed')
})

t.test('the live read models have the hashes of a fresh fold of the seeds, and a rebuild finds them equal', async (t) => {
  const service = await startService(t)
  const admin = service.token(principals.admin)
  const head = (await service.store.headPosition())!.toString()
  const hashes = await service.graphql<{ readModelHashes: Array<{ name: string; position: string; hash: string }> }>(
    '{ readModelHashes { name position hash } }',
    {},
    admin,
  )
  const events = []
  for await (const event of service.store.readAll()) events.push(event)
  const expected = readModelHashes(foldReadModels(emptyReadModels(), events))
  t.same(
    hashes.data!.readModelHashes,
    expected.map(({ name, hash }) => ({ name, position: head, hash })),
  )
  t.same(new Set(expected.map(({ hash }) => hash)).size, 3, 'three models, three hashes')

  const snapshot = service.live.current
  const rebuilt = await service.graphql<{ rebuildReadModels: { before: unknown[]; after: unknown[] } }>(rebuildMutation, {}, admin)
  t.match(rebuilt.data!.rebuildReadModels, {
    position: head,
    equal: true,
    differing: [],
    verification: { ok: true, checkedEvents: events.length, head: new RegExp(`^${head}:[0-9a-f]{64}$`) },
    recordPosition: null,
    events: events.length,
    eventsPerSecond: Number,
  })
  t.same(
    rebuilt.data!.rebuildReadModels.before,
    expected.map(({ name, hash }) => ({ name, hash })),
  )
  t.same(rebuilt.data!.rebuildReadModels.after, rebuilt.data!.rebuildReadModels.before)
  t.not(service.live.current, snapshot, 'the rebuilt models were swapped in')
  t.same((await service.graphql('{ readModelHashes { name position hash } }', {}, admin)).data, hashes.data, 'and answer alike')
  t.ok((await service.graphql('{ plans(first: 1) { totalCount } }', {}, admin)).data, 'queries answer after the swap')
  t.equal(await service.store.headPosition(), BigInt(head), 'a rebuild that overrode nothing records nothing')
})

t.test('events appended while a rebuild reads the log are folded in before the swap', async (t) => {
  const service = await startService(t)
  const admin = service.token(principals.admin)
  let appended: bigint | undefined
  // The log as the rebuild reads it; a write lands and is applied live after its first event.
  const racing: EventStore = {
    ...service.store,
    async *readAll(options) {
      for await (const event of service.store.readAll(options)) {
        yield event
        if (appended !== undefined) continue
        const written = await service.graphql<{ setMunicipalBudgetTotal: { position: string } }>(
          'mutation ($input: SetMunicipalBudgetTotalInput!) { setMunicipalBudgetTotal(input: $input) { position } }',
          { input: { commandId: randomUUID(), code: 'ELB', fiscalYear: 2031, total: { amount: '900000000', currency: 'ALL' } } },
          admin,
        )
        appended = BigInt(written.data!.setMunicipalBudgetTotal.position)
      }
    },
  }
  const outcome = await service.live.rebuild(racing, { batchSize: 2 })
  t.equal(outcome.position, appended)
  t.equal(outcome.equal, true)
  t.not(outcome.before[0]!.hash, readModelHashes(emptyReadModels())[0]!.hash)

  // Applied live while the caller decides: kept, and folded in at the swap.
  const later = await service.graphql<{ setMunicipalBudgetTotal: { position: string } }>(
    'mutation ($input: SetMunicipalBudgetTotalInput!) { setMunicipalBudgetTotal(input: $input) { position } }',
    { input: { commandId: randomUUID(), code: 'DRE', fiscalYear: 2031, total: { amount: '45000000', currency: 'EUR' } } },
    admin,
  )
  const laterPosition = BigInt(later.data!.setMunicipalBudgetTotal.position)
  const liveAfterWrite = service.live.current
  t.equal(liveAfterWrite.position, laterPosition, 'the live models applied it')
  outcome.swap()
  t.not(service.live.current, liveAfterWrite, 'swapped')
  t.equal(service.live.current.position, laterPosition, 'the swapped-in models include it')
  t.same(readModelHashes(service.live.current), readModelHashes(liveAfterWrite))
  outcome.discard()
  t.equal(service.live.current.position, laterPosition, 'discarding after the swap changes nothing')
})

t.test('rebuilt read models that are dropped leave the live ones as they are', async (t) => {
  const service = await startService(t)
  const live = service.live.current
  const pending = await service.live.rebuild(service.store)
  pending.discard()
  t.equal(service.live.current, live, 'nothing was swapped in')
  const written = await service.graphql<{ setMunicipalBudgetTotal: { position: string } }>(
    'mutation ($input: SetMunicipalBudgetTotalInput!) { setMunicipalBudgetTotal(input: $input) { position } }',
    { input: { commandId: randomUUID(), code: 'ELB', fiscalYear: 2032, total: { amount: '900000000', currency: 'ALL' } } },
    service.token(principals.admin),
  )
  t.equal(service.live.current.position, BigInt(written.data!.setMunicipalBudgetTotal.position), 'the live models go on')
})

t.test('an empty log rebuilds into empty read models', async (t) => {
  const service = await startService(t, { seed: false })
  const rebuilt = await service.graphql<{ rebuildReadModels: { after: Array<{ name: string; hash: string }> } }>(
    rebuildMutation,
    {},
    service.token(principals.admin),
  )
  t.match(rebuilt.data!.rebuildReadModels, { position: null, equal: true, events: 0 })
  t.same(
    rebuilt.data!.rebuildReadModels.after.map(({ name }) => name),
    names,
  )
  t.match(await service.graphql(verifyQuery, {}, service.token(principals.admin)), {
    data: { verifyLog: { ok: true, checkedEvents: 0, head: null } },
  })
  t.same(
    (await service.graphql('mutation { sealLog { sealed } }', {}, service.token(principals.admin))).data,
    { sealLog: null },
    'nothing to seal',
  )
})

t.test('verifyLog is green on the seeds, keeps its head, and seals commit to the log', async (t) => {
  const { graphql } = await serviceOnFile(t)
  const green = await graphql<{ verifyLog: { checkedEvents: number; head: string } }>(verifyQuery)
  t.match(green.data!.verifyLog, { ok: true, firstBadPosition: null, reason: null, head: /^\d+:[0-9a-f]{64}$/ })
  t.ok(green.data!.verifyLog.checkedEvents > 50, `${green.data!.verifyLog.checkedEvents} events checked`)
  const head = green.data!.verifyLog.head
  t.match(await graphql(verifyQuery, { head }), { data: { verifyLog: { ok: true, head } } })
  const [position] = head.split(':')
  t.match(await graphql(verifyQuery, { head: `${position}:${'0'.repeat(64)}` }), {
    data: { verifyLog: { ok: false, firstBadPosition: position, reason: /expected head/, head: null } },
  })
  t.match(await graphql(verifyQuery, { head: 'latest' }), {
    data: null,
    errors: [{ extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_INVALID_VALUE', details: { type: 'log head', value: 'latest' } } }],
  })

  const sealed = await graphql<{ sealLog: { sealed: boolean; position: string; upTo: string; hash: string } }>(
    'mutation { sealLog { sealed position upTo hash } }',
  )
  t.match(sealed.data!.sealLog, { sealed: true, upTo: position, position: String(BigInt(position!) + 1n), hash: head.split(':')[1] })
  t.match(
    await graphql('mutation { sealLog { sealed position upTo hash } }'),
    { data: { sealLog: { ...sealed.data!.sealLog, sealed: false } } },
    'nothing new to seal',
  )
  t.match(await graphql(verifyQuery), { data: { verifyLog: { ok: true, checkedEvents: green.data!.verifyLog.checkedEvents + 1 } } })
})

t.test('a byte altered in the SQLite file turns verifyLog red naming that event', async (t) => {
  const { graphql, alter } = await serviceOnFile(t)
  const altered = alter(`type = 'plan.drafted.v1'`, 'Plan', 'Plam')
  const red = await graphql<{ verifyLog: { reason: string; checkedEvents: number } }>(verifyQuery)
  t.match(red.data!.verifyLog, {
    ok: false,
    firstBadPosition: String(altered.position),
    reason: new RegExp(`^${altered.stream}@0 \\(plan\\.drafted\\.v1, id [0-9a-f-]+\\) was altered`),
    head: null,
  })
  t.equal(red.data!.verifyLog.checkedEvents, altered.position - 1, 'every event before it is sound')
})

t.test('a DomainStore keeps its recorded log for verification', async (t) => {
  // The admin resolvers verify and seal `store.recorded`; the upcast view is for reading.
  const service = await startService(t)
  const store: DomainStore = service.store
  t.not(store.recorded, store)
})
