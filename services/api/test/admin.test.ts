import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import t, { type Test } from 'tap'
import { openDomainStore, type DomainStore } from '@treguesi/commands'
import type { EventStore } from '@treguesi/event-store'
import { loadSeeds, seeds } from '@treguesi/fixtures'
import { emptyReadModels, foldReadModels, LiveReadModels, readModelHashes } from '../src/read-models/live-read-models.js'
import { buildServer } from '../src/server.js'
import { principals, startService, type GraphQLResponse } from './support/service.js'

const hashPattern = /^[0-9a-f]{64}$/
const names = ['plans', 'budgets', 'national']

/** The service on a SQLite file whose path the test knows, so it can alter the file as an intruder would. */
async function serviceOnFile(t: Test) {
  const dir = mkdtempSync(join(tmpdir(), 'treguesi-admin-'))
  const path = join(dir, 'treguesi.db')
  const store = await openDomainStore({ store: 'sqlite', path, sync: 'normal' })
  await loadSeeds(store, seeds)
  const live = new LiveReadModels(store)
  const app = await buildServer({ store, live, config: { logLevel: 'silent', jwtSecret: 'test-secret-'.padEnd(40, 'x'), consistencyTimeoutMs: 2000 } })
  t.teardown(async () => {
    await app.close()
    await live.stop()
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  await live.untilCaughtUp()
  const admin = app.signToken(principals.admin, '1h')
  const graphql = async <Data = Record<string, unknown>>(query: string, variables?: object): Promise<GraphQLResponse<Data>> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query, variables }),
    })
    return { status: response.status, ...((await response.json()) as object) }
  }
  /** Rewrites one byte of an event's recorded data in the file, beside the running service. */
  const alter = (where: string, from: string, to: string): { position: number; stream: string } => {
    const db = new BetterSqlite3(path)
    try {
      const row = db.prepare(`SELECT position, stream, data FROM events WHERE ${where} ORDER BY position LIMIT 1`).get() as { position: number; stream: string; data: string }
      t.ok(row.data.includes(from), `the event holds "${from}"`)
      db.prepare('UPDATE events SET data = ? WHERE position = ?').run(row.data.replace(from, to), row.position)
      return row
    } finally {
      db.close()
    }
  }
  return { store, live, graphql, alter }
}

const verifyQuery = 'query ($head: String) { verifyLog(expectedHead: $head) { ok checkedEvents firstBadPosition reason head } }'
const rebuildMutation = 'mutation { rebuildReadModels { position equal before { name hash } after { name hash } events eventsPerSecond } }'

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
    t.match(await service.graphql(operation), { errors: [{ extensions: { code: 'UNAUTHENTICATED', trgCode: 'TRG_UNAUTHENTICATED' } }] }, `anonymous: ${operation}`)
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
  const hashes = await service.graphql<{ readModelHashes: Array<{ name: string; position: string; hash: string }> }>('{ readModelHashes { name position hash } }', {}, admin)
  const events = []
  for await (const event of service.store.readAll()) events.push(event)
  const expected = readModelHashes(foldReadModels(emptyReadModels(), events))
  t.same(hashes.data!.readModelHashes, expected.map(({ name, hash }) => ({ name, position: head, hash })))
  t.same(new Set(expected.map(({ hash }) => hash)).size, 3, 'three models, three hashes')

  const snapshot = service.live.current
  const rebuilt = await service.graphql<{ rebuildReadModels: { before: unknown[]; after: unknown[] } }>(rebuildMutation, {}, admin)
  t.match(rebuilt.data!.rebuildReadModels, { position: head, equal: true, events: events.length, eventsPerSecond: Number })
  t.same(rebuilt.data!.rebuildReadModels.before, expected.map(({ name, hash }) => ({ name, hash })))
  t.same(rebuilt.data!.rebuildReadModels.after, rebuilt.data!.rebuildReadModels.before)
  t.not(service.live.current, snapshot, 'the rebuilt models were swapped in')
  t.same((await service.graphql('{ readModelHashes { name position hash } }', {}, admin)).data, hashes.data, 'and answer alike')
  t.ok((await service.graphql('{ plans(first: 1) { totalCount } }', {}, admin)).data, 'queries answer after the swap')
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
  t.equal(service.live.current.position, appended)
  t.same(readModelHashes(service.live.current), outcome.after)
  t.not(outcome.before[0]!.hash, readModelHashes(emptyReadModels())[0]!.hash)
})

t.test('an empty log rebuilds into empty read models', async (t) => {
  const service = await startService(t, { seed: false })
  const rebuilt = await service.graphql<{ rebuildReadModels: { after: Array<{ name: string; hash: string }> } }>(rebuildMutation, {}, service.token(principals.admin))
  t.match(rebuilt.data!.rebuildReadModels, { position: null, equal: true, events: 0 })
  t.same(rebuilt.data!.rebuildReadModels.after.map(({ name }) => name), names)
  t.match(await service.graphql(verifyQuery, {}, service.token(principals.admin)), { data: { verifyLog: { ok: true, checkedEvents: 0, head: null } } })
  t.same((await service.graphql('mutation { sealLog { sealed } }', {}, service.token(principals.admin))).data, { sealLog: null }, 'nothing to seal')
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

  const sealed = await graphql<{ sealLog: { sealed: boolean; position: string; upTo: string; hash: string } }>('mutation { sealLog { sealed position upTo hash } }')
  t.match(sealed.data!.sealLog, { sealed: true, upTo: position, position: String(BigInt(position!) + 1n), hash: head.split(':')[1] })
  t.match(await graphql('mutation { sealLog { sealed position upTo hash } }'), { data: { sealLog: { ...sealed.data!.sealLog, sealed: false } } }, 'nothing new to seal')
  t.match(await graphql(verifyQuery), { data: { verifyLog: { ok: true, checkedEvents: green.data!.verifyLog.checkedEvents + 1 } } })
})

t.test('a byte altered in the SQLite file turns verifyLog red naming that event, and a rebuild shows the drift', async (t) => {
  const { graphql, alter, live } = await serviceOnFile(t)
  const hashesBefore = readModelHashes(live.current)
  const altered = alter(`type = 'plan.drafted.v1'`, 'Plan', 'Plam')
  const red = await graphql<{ verifyLog: { reason: string; checkedEvents: number } }>(verifyQuery)
  t.match(red.data!.verifyLog, {
    ok: false,
    firstBadPosition: String(altered.position),
    reason: new RegExp(`^${altered.stream}@0 \\(plan\\.drafted\\.v1, id [0-9a-f-]+\\) was altered`),
    head: null,
  })
  t.equal(red.data!.verifyLog.checkedEvents, altered.position - 1, 'every event before it is sound')

  // The read models were built before the change; the log now says otherwise.
  const rebuilt = await graphql<{ rebuildReadModels: { equal: boolean; before: Array<{ hash: string }>; after: Array<{ hash: string }> } }>(rebuildMutation)
  t.equal(rebuilt.data!.rebuildReadModels.equal, false)
  t.same(rebuilt.data!.rebuildReadModels.before.map(({ hash }) => hash), hashesBefore.map(({ hash }) => hash))
  t.not(rebuilt.data!.rebuildReadModels.after[0]!.hash, hashesBefore[0]!.hash, 'the plans differ')
})

t.test('a DomainStore keeps its recorded log for verification', async (t) => {
  // The admin resolvers verify and seal `store.recorded`; the upcast view is for reading.
  const service = await startService(t)
  const store: DomainStore = service.store
  t.not(store.recorded, store)
})
