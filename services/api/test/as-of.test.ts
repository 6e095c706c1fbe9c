import { randomUUID } from 'node:crypto'
import { seedId } from '@treguesi/seeds'
import t from 'tap'
import { principals, startService } from './support/service.js'

const elbasanPlan = seedId('elbasan-gender-equality', 'plan', 'PVVBGJ 2022-2024')
const indicatorId = seedId('elbasan-gender-equality', 'indicator', 'II.1/T1')

const planQuery = `query ($id: ID!, $asOf: AsOf, $consistentWith: Position) {
  plan(id: $id, asOf: $asOf, consistentWith: $consistentWith) { id indicators { id code values { period value corrections } attainment { value } } }
}`

const correction = `mutation ($input: CorrectIndicatorValueInput!) { correctIndicatorValue(input: $input) { position } }`

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

t.test(
  'done when: an admin corrects a value; the plan as of a moment before shows the old figure; history shows who and why',
  async (t) => {
    const service = await startService(t)
    const admin = service.token(principals.admin)
    const figureIn = (data: any) => data.plan.indicators.find((indicator: any) => indicator.id === indicatorId)
    // The seed's 2024 report is approved: its figures change once it is reopened.
    const reopened = await service.graphql<any>(
      'mutation ($input: ReopenReportInput!) { reopenReport(input: $input) { position } }',
      { input: { commandId: randomUUID(), planId: elbasanPlan, period: '2024', reason: { sq: 'Lista e pjesëmarrësve u rinumërua' } } },
      admin,
    )
    t.equal(reopened.errors, undefined)
    const head = reopened.data.reopenReport.position as string

    await pause(5)
    const before = new Date()
    await pause(5)
    const corrected = await service.graphql<any>(
      correction,
      {
        input: {
          commandId: randomUUID(),
          indicatorId,
          period: '2024',
          value: '4800',
          reason: { sq: 'Gabim në raportim', en: 'Reporting error' },
        },
      },
      admin,
    )
    t.equal(corrected.errors, undefined)
    const position: string = corrected.data.correctIndicatorValue.position
    const after = new Date()

    // Read by an admin: until the round is approved again, everyone else reads it as approved.
    const now = await service.graphql<any>(planQuery, { id: elbasanPlan, consistentWith: position }, admin)
    t.same(figureIn(now.data).values, [{ period: '2024', value: '4800', corrections: 1 }], 'without asOf: the corrected figure')
    t.equal(figureIn(now.data).attainment.value, '0.96')
    const publicNow = await service.graphql<any>(planQuery, { id: elbasanPlan, consistentWith: position })
    t.same(figureIn(publicNow.data).values, [{ period: '2024', value: '4500', corrections: 0 }], 'anonymous: the figure as approved')

    const byTime = await service.graphql<any>(
      planQuery,
      {
        id: elbasanPlan,
        asOf: { time: before.toISOString() },
        consistentWith: position,
      },
      admin,
    )
    t.same(
      figureIn(byTime.data).values,
      [{ period: '2024', value: '4500', corrections: 0 }],
      'as of a moment before the correction: the old figure',
    )
    t.equal(figureIn(byTime.data).attainment.value, '0.9')

    const byPosition = await service.graphql<any>(planQuery, { id: elbasanPlan, asOf: { position: head } }, admin)
    t.same(figureIn(byPosition.data).values, [{ period: '2024', value: '4500', corrections: 0 }], 'as of the position before it')
    const atCorrection = await service.graphql<any>(planQuery, { id: elbasanPlan, asOf: { position } }, admin)
    t.same(
      figureIn(atCorrection.data).values,
      [{ period: '2024', value: '4800', corrections: 1 }],
      'as of its own position: the correction',
    )
    const later = await service.graphql<any>(
      planQuery,
      {
        id: elbasanPlan,
        asOf: { time: new Date(after.getTime() + 60_000).toISOString() },
      },
      admin,
    )
    t.same(figureIn(later.data).values, [{ period: '2024', value: '4800', corrections: 1 }], 'as of a later moment: the correction')

    const history = await service.graphql<any>(
      `query ($id: ID!) { history(entityId: $id) { entityKind stream totalCount edges { node {
      position type recordedAt occurredAt commandId correlationId actor { id role municipality } reason { sq en } changes { path before after }
    } } } }`,
      { id: indicatorId },
      admin,
    )
    t.equal(history.errors, undefined)
    const last = history.data.history.edges.at(-1).node
    t.equal(history.data.history.entityKind, 'indicator')
    t.equal(last.type, 'indicator.value-corrected.v1')
    t.equal(last.position, position)
    t.same(last.actor, { id: 'admin-1', role: 'admin', municipality: null }, 'its author')
    t.same(last.reason, { sq: 'Gabim në raportim', en: 'Reporting error' }, 'its reason')
    t.ok(new Date(last.recordedAt) >= before && new Date(last.recordedAt) <= after)
    // A correction keeps the source and note it does not name: only the value changes.
    t.same(
      last.changes.map((change: any) => [
        change.path,
        change.before === null ? null : typeof change.before === 'object' ? 'text' : change.before,
        change.after,
      ]),
      [
        ['/values/2024/value', '4500', '4800'],
        ['/corrections', 0, 1],
      ],
    )
  },
)

t.test('asOf on every read query, before the entity existed and before the first event', async (t) => {
  const service = await startService(t)
  const viewer = service.token(principals.viewer)
  const first = '0'
  const queries = `query ($asOf: AsOf) {
    municipality(code: "ELB", asOf: $asOf) { code }
    municipalities(asOf: $asOf) { totalCount }
    plan(id: "${elbasanPlan}", asOf: $asOf) { id }
    plans(asOf: $asOf) { totalCount }
    indicator(id: "${indicatorId}", asOf: $asOf) { id }
    budgetSummary(municipality: "ELB", fiscalYear: 2024, asOf: $asOf) { fiscalYear }
    nationalAggregate(nationalCode: "SKGJB-2021-2030/3.1", country: AL, period: "2024", asOf: $asOf) { nationalCode }
    events(asOf: $asOf) { edges { cursor } }
  }`
  const empty = await service.graphql<any>(queries, { asOf: { position: first } }, viewer)
  t.equal(empty.errors, undefined)
  t.same(empty.data.plan, null, 'the plan did not exist yet')
  t.same(empty.data.indicator, null)
  t.same(empty.data.municipalities.totalCount, empty.data.municipality === null ? 0 : 1)
  t.same(empty.data.plans.totalCount, 0)
  t.ok(
    empty.data.events.edges.every((edge: any) => BigInt(edge.cursor) <= 0n),
    'the feed ends at the moment',
  )
  const epoch = await service.graphql<any>(queries, { asOf: { time: '2000-01-01T00:00:00Z' } }, viewer)
  t.same(epoch.data.municipality, null, 'before the first event, nothing was known')
  t.same(epoch.data.events.edges, [])
  const now = await service.graphql<any>(queries, {}, viewer)
  const head = await service.graphql<any>(queries, { asOf: { position: service.live.current.position!.toString() } }, viewer)
  t.same(head.data, now.data, 'as of the head: the same answer as now')
})

t.test('asOf is refused when it names no moment, two moments, or differs between root fields', async (t) => {
  const service = await startService(t)
  const both = await service.graphql(`{ plan(id: "${elbasanPlan}", asOf: { position: "3", time: "2025-01-01T00:00:00Z" }) { id } }`)
  t.match(both.errors?.[0]?.extensions, { trgCode: 'TRG_INVALID_VALUE' })
  const neither = await service.graphql(`{ plan(id: "${elbasanPlan}", asOf: {}) { id } }`)
  t.match(neither.errors?.[0]?.extensions, { trgCode: 'TRG_INVALID_VALUE' })
  const mixed = await service.graphql(
    `query { viewer { role } plan(id: "${elbasanPlan}", asOf: { position: "3" }) { id } ...more } fragment more on Query { ... on Query { indicator(id: "${indicatorId}") { id } } }`,
  )
  t.match(mixed.errors?.[0]?.extensions, { trgCode: 'TRG_INVALID_VALUE' })
  t.equal((mixed.data as any)?.viewer?.role, 'anonymous', 'fields without asOf still answer')
  const same = await service.graphql<any>(
    `query ($a: AsOf) { plan(id: "${elbasanPlan}", asOf: $a) { id } plans(asOf: $a) { totalCount } }`,
    { a: { position: '3' } },
  )
  t.equal(same.errors, undefined, 'one moment for every root field')
})

t.test('asOf on an empty log: nothing is known at any moment', async (t) => {
  const service = await startService(t, { seed: false })
  const viewer = service.token(principals.viewer)
  const query = `query ($asOf: AsOf) { plans(asOf: $asOf) { totalCount } }`
  for (const asOf of [{ position: '5' }, { time: '2025-01-01T00:00:00Z' }]) {
    const answer = await service.graphql<any>(query, { asOf }, viewer)
    t.same({ errors: answer.errors, data: answer.data }, { errors: undefined, data: { plans: { totalCount: 0 } } }, JSON.stringify(asOf))
  }
})
