import { randomUUID } from 'node:crypto'
import { executeCommand } from '@treguesi/commands'
import { draftPlan } from '@treguesi/domain/testing'
import { parse } from 'graphql'
import t from 'tap'
import { answersFromReadModels, ResponseCache } from '../src/graphql/response-cache.js'
import { principals, startService } from './support/service.js'

// Repeated queries are answered from the answer already given at the same version of the read
// models, for the same caller; never one a write, a `consistentWith` or another caller's
// visibility makes stale.

t.test('answers are kept per version of the read models, within their limits', async (t) => {
  const cache = new ResponseCache({ entries: 2, size: 10 })
  t.equal(cache.get(1n, 'a'), undefined)
  cache.set(1n, 'a', 'aaaa')
  t.equal(cache.get(1n, 'a'), 'aaaa', 'the same version answers')
  cache.set(1n, 'b', 'bbbbbbb')
  t.equal(cache.get(1n, 'b'), undefined, 'beyond the size, nothing more is stored')
  cache.set(1n, 'c', 'cc')
  cache.set(1n, 'd', 'd')
  t.equal(cache.get(1n, 'c'), 'cc')
  t.equal(cache.get(1n, 'd'), undefined, 'beyond the entries, nothing more is stored')
  t.equal(cache.get(2n, 'a'), undefined, 'a new version starts empty')
  cache.set(1n, 'a', 'aaaa')
  t.equal(cache.get(2n, 'a'), undefined, 'an answer of a version left behind is not stored')
  t.equal(cache.get(null, 'a'), undefined)
})

t.test('only queries of read-model fields are kept', async (t) => {
  t.ok(answersFromReadModels(parse('query ($id: ID!) { plan(id: $id) { id ...F } __typename } fragment F on Plan { kind }')))
  t.ok(
    answersFromReadModels(
      parse('{ plans { edges { cursor } } nationalAggregate(nationalCode: "X", country: AL, period: "2024") { unit } }'),
    ),
  )
  t.notOk(answersFromReadModels(parse('{ events { edges { cursor } } }')), 'the change feed reads the log, ahead of the read models')
  t.notOk(answersFromReadModels(parse('{ viewer { role } }')), 'the caller')
  t.notOk(answersFromReadModels(parse('{ ...Q } fragment Q on Query { plans { edges { cursor } } }')))
  t.notOk(answersFromReadModels(parse('{ ... on Query { plans { edges { cursor } } } }')))
  t.notOk(answersFromReadModels(parse('mutation { x }')), 'never a mutation')
})

t.test('over HTTP: never stale after a write, with consistentWith, or for another caller', async (t) => {
  const service = await startService(t)
  const admin = service.token(principals.admin)
  const write = async (command: Record<string, unknown>): Promise<string> => {
    const result = await executeCommand(service.store, command, {
      commandId: randomUUID(),
      actor: { id: 'admin-1', role: 'admin' },
      occurredAt: '2025-05-01T10:00:00+02:00',
    })
    return result.position!.toString()
  }
  const draft = (planId: string) =>
    draftPlan(planId, { municipality: 'SHK', kind: 'other', title: { sq: 'Plan' }, period: { from: 2025, to: 2026 } })
  const list = 'query ($at: Position) { plans(municipality: "SHK", consistentWith: $at) { edges { node { id status } } } }'
  const ids = async (token?: string, at?: string) => {
    const response = await service.graphql<any>(list, at === undefined ? {} : { at }, token)
    t.equal(response.errors, undefined)
    return response.data.plans.edges.map((edge: any) => edge.node.id)
  }

  t.ok(
    await service.live.reach(
      BigInt(await write({ type: 'RegisterMunicipality', code: 'SHK', name: { sq: 'Shkodër' }, country: 'AL', currency: 'ALL' })),
      2000,
    ),
  )
  t.same(await ids(admin), [])
  t.same(await ids(admin), [], 'asked again')
  const first = randomUUID()
  const position = await write(draft(first))
  t.ok(await service.live.reach(BigInt(position), 2000))
  t.same(await ids(admin), [first], 'a query after the write sees it')
  t.same(await ids(), [], "anonymous callers do not see a draft, whatever a signed-in caller's answer was")
  t.same(await ids(admin), [first])
  const shkodra = service.token({ id: 'editor-shk', role: 'editor', municipalities: ['SHK'] })
  t.same(await ids(shkodra), [first], "Shkodër's own editor sees it")
  t.same(await ids(service.token(principals.viewer)), [], 'a viewer does not, whatever the admin and the editor were answered')
  t.same(await ids(service.token(principals.editorElbasan)), [], "nor another municipality's editor")
  t.same(await ids(shkodra), [first], 'asked again')

  // Answered as soon as the read models have the write: asked first, the wait moves the request
  // to a later snapshot, and that answer must not be kept under the version it started from.
  const second = randomUUID()
  const at = await write(draft(second))
  t.same((await ids(admin, at)).sort(), [first, second].sort(), 'consistentWith sees the write')
  t.same((await ids(admin, at)).sort(), [first, second].sort(), 'asked again')
  t.same((await ids(admin)).sort(), [first, second].sort())

  const asOf = await service.graphql<any>('query ($id: ID!) { plan(id: $id, asOf: { position: "1" }) { id } }', { id: first }, admin)
  t.same(asOf.data, { plan: null }, 'as of the first event, the plan was not drafted')
  t.match(
    (await service.graphql<any>('query ($id: ID!) { plan(id: $id) { id } }', { id: first }, admin)).data,
    { plan: { id: first } },
    'and the answer as of then is not the answer now',
  )
  const refused = await service.graphql<any>('{ plan(id: "x", asOf: { position: "1", time: "2025-01-01T00:00:00Z" }) { id } }', {}, admin)
  t.match(refused.errors, [{ extensions: { trgCode: 'TRG_INVALID_VALUE' } }], 'an answer with errors')
  const named = async (operationName: string) => {
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query A { plans(municipality: "NONE") { edges { cursor } } } query B { __typename }', operationName }),
    })
    return response.json()
  }
  t.same(await named('B'), { data: { __typename: 'Query' } })
  t.same(await named('A'), { data: { plans: { edges: [] } } }, 'the operation named is part of the key')
  const viaGet = await fetch(`${service.url}/graphql?query=${encodeURIComponent('{ plans(municipality: "SHK") { edges { cursor } } }')}`)
  t.equal(viaGet.status, 200, 'a query by GET is answered, and not kept')
})
