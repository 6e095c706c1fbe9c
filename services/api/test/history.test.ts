import { randomUUID } from 'node:crypto'
import { seedId } from '@treguesi/seeds'
import t from 'tap'
import { diff } from '../src/graphql/history/diff.js'
import { principals, startService } from './support/service.js'

const service = await startService(t)
const admin = service.token(principals.admin)
const elbasanPlan = seedId('elbasan-gender-equality', 'plan', 'PVVBGJ 2022-2024')

const historyQuery = (first = 100) => `query ($id: ID!, $after: String) { history(entityId: $id, first: ${first}, after: $after) {
  entityKind stream totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { position revision type recordedAt occurredAt commandId correlationId actor { id role } reason { sq } note { sq } changes { path before after } } }
} }`

async function historyOf(id: string, { first, after }: { first?: number; after?: string } = {}): Promise<any> {
  const response = await service.graphql<any>(historyQuery(first), { id, after }, admin)
  if (response.errors !== undefined) throw new Error(JSON.stringify(response.errors))
  return response.data.history
}

async function mutate(name: string, input: object): Promise<string> {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`
  const response = await service.graphql<any>(
    `mutation ($input: ${type}!) { ${name}(input: $input) { position } }`,
    { input: { commandId: randomUUID(), ...input } },
    admin,
  )
  if (response.errors !== undefined) throw new Error(JSON.stringify(response.errors))
  return response.data[name].position
}

const { data } = await service.graphql<any>(`query ($id: ID!) { plan(id: $id) { measures { id } budgetLines { id } } }`, {
  id: elbasanPlan,
})
const measureId: string = data.plan.measures[0].id
const budgetLineId: string = data.plan.budgetLines[0].id
// The seed's plan is approved: the tests below revise it once it is reopened.
const reopenedAt = await mutate('reopenPlan', { planId: elbasanPlan, reason: { sq: 'Rishikim i planit' } })

const positions = (history: any): bigint[] => history.edges.map((edge: any) => BigInt(edge.node.position))
const ascending = (list: bigint[]) => list.every((position, index) => index === 0 || position > list[index - 1]!)

t.test('a plan: every event of its stream, with who, when and what changed', async (t) => {
  const history = await historyOf(elbasanPlan, { first: 200 })
  t.equal(history.entityKind, 'plan')
  t.equal(history.stream, `plan-${elbasanPlan}`)
  t.equal(history.totalCount, history.edges.length)
  t.ok(ascending(positions(history)))
  const [drafted] = history.edges
  t.equal(drafted.node.type, 'plan.drafted.v1')
  t.equal(drafted.node.revision, 0)
  t.equal(drafted.node.actor.role, 'system')
  t.ok(drafted.node.commandId && drafted.node.correlationId && drafted.node.occurredAt)
  t.match(drafted.node.changes, [{ path: '/drafted', before: false, after: true }])
  t.ok(drafted.node.changes.some((change: any) => change.path === '/planId' && change.before === null && change.after === elbasanPlan))

  const reopened = history.edges.find((edge: any) => edge.node.position === reopenedAt).node
  t.equal(reopened.type, 'plan.reopened.v1')
  t.same(reopened.reason, { sq: 'Rishikim i planit' })

  const position = await mutate('revisePlanDetails', { planId: elbasanPlan, title: { sq: 'Titull i ri' } })
  const revised = (await historyOf(elbasanPlan, { first: 200 })).edges.at(-1).node
  t.equal(revised.position, position)
  t.same(revised.changes, [
    {
      path: '/title/sq',
      before: 'Plani Vendor i Veprimit për Barazinë Gjinore (PVVBGJ) 2022-2024 i Bashkisë Elbasan',
      after: 'Titull i ri',
    },
    { path: '/title/en', before: 'Local Gender Equality Action Plan 2022–2024 of the Municipality of Elbasan', after: null },
  ])
})

t.test('pages: first and after continue where the previous page ended', async (t) => {
  const all = await historyOf(elbasanPlan, { first: 100 })
  const page = await historyOf(elbasanPlan, { first: 2 })
  t.equal(page.edges.length, 2)
  t.equal(page.pageInfo.hasNextPage, true)
  const next = await historyOf(elbasanPlan, { first: 2, after: page.pageInfo.endCursor })
  t.same(
    next.edges.map((edge: any) => edge.node.position),
    all.edges.slice(2, 4).map((edge: any) => edge.node.position),
  )
})

t.test('a measure: its plan stream’s events about it, the diff of the measure alone', async (t) => {
  await mutate('reviseMeasure', {
    planId: elbasanPlan,
    measureId,
    title: { sq: 'Masa e rishikuar' },
    reason: { sq: 'Titulli si në raport' },
  })
  const history = await historyOf(measureId)
  t.equal(history.entityKind, 'measure')
  t.equal(history.stream, `plan-${elbasanPlan}`)
  t.equal(history.edges[0].node.type, 'plan.measure-added.v1')
  t.match(
    history.edges[0].node.changes,
    [{ path: '/', before: null, after: { measureId, status: 'planned' } }],
    'a new measure: the whole of it',
  )
  const last = history.edges.at(-1).node
  t.equal(last.type, 'plan.measure-revised.v1')
  t.match(last.changes, [{ path: '/title/sq', after: 'Masa e rishikuar' }])
  t.ok(history.edges.every((edge: any) => edge.node.type.startsWith('plan.measure-')))
})

t.test('an indicator, a budget line and a municipality', async (t) => {
  const indicator = await historyOf(seedId('elbasan-gender-equality', 'indicator', 'II.1/T1'))
  t.equal(indicator.entityKind, 'indicator')
  t.equal(indicator.edges[0].node.type, 'indicator.defined.v1')
  t.ok(
    indicator.edges.some(
      (edge: any) =>
        edge.node.type === 'indicator.value-reported.v1' &&
        edge.node.changes.some((change: any) => change.path === '/values/2024' && change.before === null && change.after.value === '4500'),
    ),
  )

  // The seed's 2024 report is approved: its spending changes once it is reopened.
  await mutate('reopenReport', { planId: elbasanPlan, period: '2024', reason: { sq: 'Shpenzime të reja' } })
  await mutate('recordExpenditure', {
    budgetLineId,
    executed: { amount: '1234', currency: 'ALL' },
    asOf: '2024-06-30',
    note: { sq: 'Shënim' },
  })
  const line = await historyOf(budgetLineId)
  t.equal(line.entityKind, 'budget_line')
  t.equal(line.stream, `budget-line-${budgetLineId}`)
  const spent = line.edges.at(-1).node
  t.equal(spent.type, 'budget-line.expenditure-recorded.v1')
  t.same(spent.note, { sq: 'Shënim' })
  t.ok(
    spent.changes.some(
      (change: any) =>
        change.path === '/expenditure/executed/amount' || (change.path === '/expenditure' && change.after.executed.amount === '1234'),
    ),
  )

  const municipality = await historyOf('ELB')
  t.equal(municipality.entityKind, 'municipality')
  t.equal(municipality.edges[0].node.type.startsWith('municipality.registered'), true)
  t.equal(municipality.edges[0].node.reason, null)
})

t.test('unknown ids, and callers who are not admins, are refused', async (t) => {
  const unknown = await service.graphql(historyQuery(), { id: randomUUID() }, admin)
  t.match(unknown.errors?.[0]?.extensions, { trgCode: 'TRG_NOT_FOUND' })
  const anonymous = await service.graphql(historyQuery(), { id: elbasanPlan })
  t.match(anonymous.errors?.[0]?.extensions, { trgCode: 'TRG_UNAUTHENTICATED' })
  const viewer = await service.graphql(historyQuery(), { id: elbasanPlan }, service.token(principals.viewer))
  t.match(viewer.errors?.[0]?.extensions, { trgCode: 'TRG_FORBIDDEN' })
  const editor = await service.graphql(historyQuery(), { id: elbasanPlan }, service.token(principals.editorElbasan))
  t.match(editor.errors?.[0]?.extensions, { trgCode: 'TRG_FORBIDDEN' })
})

t.test('an entity only another writer named: its events, each recorder named to the admin', async (t) => {
  const indicatorId = randomUUID()
  const metadata = { actor: { id: 'someone', role: 'editor' } }
  const data = { indicatorId, period: '2024', value: '1' }
  await service.store.append(`indicator-${indicatorId}`, [{ id: randomUUID(), type: 'indicator.value-reported.v1', data, metadata }])
  const history = await historyOf(indicatorId)
  t.equal(history.entityKind, 'indicator')
  // Never defined, the indicator belongs to no municipality: who recorded it is for admins alone.
  t.same(
    history.edges.map((edge: any) => edge.node.actor),
    [{ id: 'someone', role: 'editor' }],
  )
})

t.test('diff: pointers escape / and ~; arrays by index; a whole value when its kind changes', async (t) => {
  t.same(diff({ 'a/b': { 'c~d': 1 } }, { 'a/b': { 'c~d': 2 } }), [{ path: '/a~1b/c~0d', before: 1, after: 2 }])
  t.same(diff([1, 2], [1, 3, 4]), [
    { path: '/1', before: 2, after: 3 },
    { path: '/2', before: null, after: 4 },
  ])
  t.same(diff({ a: [1] }, { a: { 0: 1 } }), [{ path: '/a', before: [1], after: { 0: 1 } }])
  t.same(diff(undefined, 'x'), [{ path: '/', before: null, after: 'x' }])
  t.same(diff({ a: undefined }, {}), [])
})
