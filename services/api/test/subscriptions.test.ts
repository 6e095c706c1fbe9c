import { randomUUID } from 'node:crypto'
import { executeCommand } from '@treguesi/commands'
import type { JsonObject } from '@treguesi/event-store'
import { drenasDomesticViolence, elbasanGenderEquality, type Seed, type SeedCommand } from '@treguesi/seeds'
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws'
import t, { type Test } from 'tap'
import WebSocket from 'ws'
import { principals, startService, type TestService } from './support/service.js'

/** What a subscription yields, as graphql-ws types it. */
type ExecutionResult<Data> = FormattedExecutionResult<Data, unknown>

// ---------------------------------------------------------------------------------------------
// Seed facts the writes below are about
// ---------------------------------------------------------------------------------------------

function seedCommand(seed: Seed, type: string, where: (command: SeedCommand) => boolean = () => true): SeedCommand {
  const found = seed.commands.find((command) => command.type === type && where(command))
  if (found === undefined) throw new Error(`${seed.name} has no ${type}`)
  return found
}

const elbasanPlanId = String(seedCommand(elbasanGenderEquality, 'DraftPlan').planId)
const drenasPlanId = String(seedCommand(drenasDomesticViolence, 'DraftPlan').planId)
const parentsIndicator = String(seedCommand(elbasanGenderEquality, 'DefineIndicator', (c) => c.code === 'II.2/T1').indicatorId)
const drenasIndicator = String(seedCommand(drenasDomesticViolence, 'DefineIndicator').indicatorId)
const shelterLine = seedCommand(elbasanGenderEquality, 'AllocateBudget')
/** A measure of the Elbasan plan whose status the seed never changes: it is still planned. */
const plannedMeasure = seedCommand(
  elbasanGenderEquality,
  'AddMeasure',
  (added) => !elbasanGenderEquality.commands.some((c) => c.type === 'ChangeMeasureStatus' && c.measureId === added.measureId),
)

const editorActor = { id: 'editor-elb', role: 'editor', municipality: 'ELB' } as const
const reviewerActor = { id: 'reviewer-elb', role: 'reviewer', municipality: 'ELB' } as const
const drenasEditorActor = { id: 'editor-dre', role: 'editor', municipality: 'DRE' } as const
const adminActor = { id: 'admin-1', role: 'admin' } as const

/** Reopens a report of the Elbasan plan the seed approved, as its reviewer: its figures change again. */
const reopenReport = (service: TestService, period: string) =>
  write(service, { type: 'ReopenReport', planId: elbasanPlanId, period, reason: { sq: 'Shifra të reja' } }, reviewerActor)

/**
 * Submits a report of a plan and approves it, by default as Elbasan's editor and reviewer: the
 * figures of its periods become everyone's, and subscribers who read them only as approved hear
 * of them at this approval, whose position it resolves to.
 */
async function approveReport(
  service: TestService,
  planId: string,
  period: string,
  submitter: object = editorActor,
  approver: object = reviewerActor,
) {
  await write(service, { type: 'SubmitReport', planId, period }, submitter)
  return write(service, { type: 'ApproveReport', planId, period }, approver)
}

async function write(service: TestService, command: Record<string, unknown>, actor: object = editorActor) {
  const result = await executeCommand(service.store, command, { commandId: randomUUID(), actor, occurredAt: '2025-05-02T10:00:00+02:00' })
  return result.position!.toString()
}

// ---------------------------------------------------------------------------------------------
// A graphql-ws client against the real server
// ---------------------------------------------------------------------------------------------

interface Connection {
  readonly client: Client
  /** Subscribes and resolves once the server follows the event feed for it. */
  subscribe<Data>(query: string, variables?: Record<string, unknown>): Promise<AsyncIterableIterator<ExecutionResult<Data>>>
}

/**
 * The service's event feed, watched: a subscription is live once the server has registered its
 * listener, so a test writes only after that and cannot race the subscription's start.
 */
function watchListeners(service: TestService): () => Promise<void> {
  const original = service.live.onEvent.bind(service.live)
  const waiting: Array<() => void> = []
  service.live.onEvent = (listener) => {
    const stop = original(listener)
    waiting.shift()?.()
    return stop
  }
  return () => new Promise((resolve) => waiting.push(resolve))
}

function connect(
  t: Test,
  service: TestService,
  { headers, connectionParams }: { headers?: Record<string, string>; connectionParams?: Record<string, unknown> } = {},
): Connection {
  const nextListener = watchListeners(service)
  class Socket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers })
    }
  }
  const client = createClient({
    url: `${service.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: Socket,
    retryAttempts: 0,
    ...(connectionParams && { connectionParams }),
  })
  t.teardown(() => client.dispose())
  return {
    client,
    async subscribe<Data>(query: string, variables?: Record<string, unknown>) {
      const registered = nextListener()
      const events = client.iterate<Data>({ query, ...(variables && { variables }) })
      t.teardown(() => void events.return?.())
      await registered
      return events
    },
  }
}

async function next<Data>(events: AsyncIterableIterator<ExecutionResult<Data>>): Promise<ExecutionResult<Data>> {
  const { value, done } = await events.next()
  if (done) throw new Error('the subscription ended')
  return value
}

const indicatorSubscription = `subscription ($planId: ID, $municipality: String) {
  indicatorValueReported(planId: $planId, municipality: $municipality) {
    position recordedAt occurredAt
    actor { id role municipality }
    planId municipality
    change { kind period value { value } position actor { id role municipality } }
    indicator { id code latestValue { period value } }
  }
}`

t.test('an anonymous subscriber receives a reported value once an approval publishes it; filters keep other plans out', async (t) => {
  const service = await startService(t)
  const anonymous = connect(t, service)
  const elbasan = await anonymous.subscribe<{ indicatorValueReported: Record<string, any> }>(indicatorSubscription, {
    municipality: 'ELB',
  })
  const drenas = await anonymous.subscribe<{ indicatorValueReported: Record<string, any> }>(indicatorSubscription, {
    planId: drenasPlanId,
  })

  // The seed's 2022 report is approved: its figures change once it is reopened, and are everyone's
  // once it is approved again.
  await reopenReport(service, '2022')
  const reported = await write(service, { type: 'ReportIndicatorValue', indicatorId: parentsIndicator, period: '2022-Q1', value: '12' })
  const approved = await approveReport(service, elbasanPlanId, '2022')
  const received = await next(elbasan)
  t.same(received, {
    data: {
      indicatorValueReported: {
        position: approved,
        recordedAt: received.data!.indicatorValueReported.recordedAt,
        occurredAt: '2025-05-02T10:00:00+02:00',
        // Who approved and who recorded it are for admins and Elbasan's own staff: an anonymous subscriber sees the roles.
        actor: { ...reviewerActor, id: null },
        planId: elbasanPlanId,
        municipality: 'ELB',
        change: { kind: 'reported', period: '2022-Q1', value: { value: '12' }, position: reported, actor: { ...editorActor, id: null } },
        indicator: { id: parentsIndicator, code: 'II.2/T1', latestValue: { period: '2024', value: '80' } },
      },
    },
  })
  t.match(received.data!.indicatorValueReported.recordedAt, /^\d{4}-\d\d-\d\dT/)
  // The approval published the round's other figures again, the plan's indicators in order.
  const rest = [await next(elbasan), await next(elbasan)].map(({ data }) => data!.indicatorValueReported)
  t.same(
    rest.map(({ position, indicator, change }) => [position, indicator.code, change.period]),
    [
      [approved, 'III.2 (f)/T1', '2022'],
      [approved, 'IV.1 (e)/T1', '2022'],
    ],
  )
  // What the event says is what a query reading its position shows.
  const read = await service.graphql<{ indicator: { values: unknown[] } }>(
    `query ($id: ID!, $at: Position) { indicator(id: $id, consistentWith: $at) { values(period: "2022-Q1") { value } } }`,
    { id: parentsIndicator, at: approved },
  )
  t.same(read.data, { indicator: { values: [{ value: '12' }] } })

  // The Drenas subscriber heard nothing of Elbasan: the next event it gets is its own plan's.
  const drenasReported = await write(
    service,
    { type: 'ReportIndicatorValue', indicatorId: drenasIndicator, period: '2025', value: '3' },
    drenasEditorActor,
  )
  const drenasApproved = await approveReport(service, drenasPlanId, '2025', drenasEditorActor, adminActor)
  t.match(await next(drenas), {
    data: {
      indicatorValueReported: { position: drenasApproved, planId: drenasPlanId, municipality: 'DRE', change: { position: drenasReported } },
    },
  })
  // And the Elbasan subscriber nothing of Drenas: its next event is the correction below, once approved.
  await reopenReport(service, '2022')
  const corrected = await write(service, {
    type: 'CorrectIndicatorValue',
    indicatorId: parentsIndicator,
    period: '2022-Q1',
    value: '13',
    reason: { sq: 'Gabim shtypi' },
  })
  const reapproved = await approveReport(service, elbasanPlanId, '2022')
  t.match(await next(elbasan), {
    data: {
      indicatorValueReported: {
        position: reapproved,
        change: { kind: 'corrected', period: '2022-Q1', value: { value: '13' }, position: corrected },
      },
    },
  })
})

const measureSubscription = `subscription ($municipality: String) {
  measureStatusChanged(municipality: $municipality) {
    position actor { id } planId municipality
    change { from to date reason { sq } }
    measure { id status }
    plan { id status }
  }
}`

/** A draft plan of Elbasan with one measure, copied from the seed's first ones with new ids. */
async function draftPlanWithMeasure(service: TestService): Promise<{ planId: string; measureId: string }> {
  const planId = randomUUID()
  const areaId = randomUUID()
  const objectiveId = randomUUID()
  const measureId = randomUUID()
  const without = ({ occurredAt: _occurredAt, ...command }: SeedCommand) => command
  await write(service, { ...without(seedCommand(elbasanGenderEquality, 'DraftPlan')), planId })
  await write(service, { ...without(seedCommand(elbasanGenderEquality, 'AddArea')), planId, areaId })
  const objective = without(seedCommand(elbasanGenderEquality, 'AddObjective', (c) => c.parentObjectiveId === undefined))
  await write(service, { ...objective, planId, areaId, objectiveId })
  await write(service, { ...without(seedCommand(elbasanGenderEquality, 'AddMeasure')), planId, objectiveId, measureId })
  return { planId, measureId }
}

t.test('a draft is heard of by its own staff and admins only; anonymous subscribers and viewers hear of approved plans', async (t) => {
  const service = await startService(t)
  const draft = await draftPlanWithMeasure(service)
  const anonymous = await connect(t, service).subscribe(measureSubscription, { municipality: 'ELB' })
  const viewerToken = `Bearer ${service.token(principals.viewer)}`
  const viewer = await connect(t, service, { headers: { authorization: viewerToken } }).subscribe(measureSubscription)
  const editorToken = `Bearer ${service.token(principals.editorElbasan)}`
  const editor = await connect(t, service, { headers: { authorization: editorToken } }).subscribe(measureSubscription)

  const inDraft = await write(service, {
    type: 'ChangeMeasureStatus',
    planId: draft.planId,
    measureId: draft.measureId,
    status: 'in-progress',
    date: '2023-05-01',
  })
  // The seed's 2022 report is approved: a status dated in 2022 changes once it is reopened, and
  // is everyone's once it is approved again.
  await reopenReport(service, '2022')
  const inApproved = await write(service, {
    type: 'ChangeMeasureStatus',
    planId: elbasanPlanId,
    measureId: plannedMeasure.measureId,
    status: 'postponed',
    date: '2022-05-02',
    reason: { sq: 'Mungesë fondesh' },
  })
  const approved = await approveReport(service, elbasanPlanId, '2022')
  const completed = await write(service, {
    type: 'ChangeMeasureStatus',
    planId: draft.planId,
    measureId: draft.measureId,
    status: 'completed',
    date: '2023-05-03',
  })

  t.match(await next(editor), {
    data: {
      measureStatusChanged: {
        position: inDraft,
        actor: { id: 'editor-elb' },
        planId: draft.planId,
        change: { from: 'planned', to: 'in_progress', date: '2023-05-01', reason: null },
        measure: { id: draft.measureId, status: 'in_progress' },
        plan: { id: draft.planId, status: 'draft' },
      },
    },
  })
  const expected = {
    position: approved,
    actor: { id: null },
    planId: elbasanPlanId,
    municipality: 'ELB',
    change: { from: 'planned', to: 'postponed', date: '2022-05-02', reason: { sq: 'Mungesë fondesh' } },
    measure: { id: plannedMeasure.measureId, status: 'postponed' },
    plan: { id: elbasanPlanId, status: 'approved' },
  }
  // Elbasan's staff heard of the change as it was recorded, and not again at the approval.
  t.same(await next(editor), { data: { measureStatusChanged: { ...expected, position: inApproved, actor: { id: 'editor-elb' } } } })
  t.match(await next(editor), { data: { measureStatusChanged: { position: completed, planId: draft.planId } } })
  t.same(await next(viewer), { data: { measureStatusChanged: expected } }, 'the draft was left out')
  t.same(await next(anonymous), { data: { measureStatusChanged: expected } }, 'the draft was left out')
})

const budgetSubscription = `subscription ($planId: ID, $municipality: String) {
  budgetChanged(planId: $planId, municipality: $municipality) {
    position kind planId municipality fiscalYear
    budgetLine { id allocated { amount currency } }
    municipalTotal { amount currency }
  }
}`

t.test('budget changes: a line allocated, a municipal total set; a plan filter leaves totals out', async (t) => {
  const service = await startService(t)
  const editor = connect(t, service, { connectionParams: { authorization: `Bearer ${service.token(principals.editorElbasan)}` } })
  const byMunicipality = await editor.subscribe(budgetSubscription, { municipality: 'ELB' })
  const byPlan = await editor.subscribe(budgetSubscription, { planId: elbasanPlanId })
  const elsewhere = await editor.subscribe(budgetSubscription, { municipality: 'DRE' })
  const anonymous = await connect(t, service).subscribe(budgetSubscription, { municipality: 'ELB' })

  const total = await write(service, {
    type: 'SetMunicipalBudgetTotal',
    code: 'ELB',
    fiscalYear: 2024,
    total: { amount: '5100000000', currency: 'ALL' },
  })
  // The seed's 2024 report is approved: the 2024 line's allocation changes once it is reopened, and
  // is everyone's once it is approved again.
  await reopenReport(service, '2024')
  const allocated = await write(service, {
    type: 'AllocateBudget',
    budgetLineId: shelterLine.budgetLineId,
    allocated: { amount: '46000000', currency: 'ALL' },
    date: '2024-06-30',
  })
  const approved = await approveReport(service, elbasanPlanId, '2024')
  const drenasTotal = await write(
    service,
    { type: 'SetMunicipalBudgetTotal', code: 'DRE', fiscalYear: 2025, total: { amount: '12000000', currency: 'EUR' } },
    adminActor,
  )
  const revisedTotal = await write(service, {
    type: 'SetMunicipalBudgetTotal',
    code: 'ELB',
    fiscalYear: 2024,
    total: { amount: '5200000000', currency: 'ALL' },
  })

  const totalEvent = {
    position: total,
    kind: 'municipal_total_set',
    planId: null,
    municipality: 'ELB',
    fiscalYear: 2024,
    budgetLine: null,
    municipalTotal: { amount: '5100000000', currency: 'ALL' },
  }
  const lineEvent = {
    position: allocated,
    kind: 'allocated',
    planId: elbasanPlanId,
    municipality: 'ELB',
    fiscalYear: 2024,
    budgetLine: { id: shelterLine.budgetLineId, allocated: { amount: '46000000', currency: 'ALL' } },
    municipalTotal: { amount: '5100000000', currency: 'ALL' },
  }
  const revisedEvent = { ...totalEvent, position: revisedTotal, municipalTotal: { amount: '5200000000', currency: 'ALL' } }
  t.same(await next(byMunicipality), { data: { budgetChanged: totalEvent } })
  t.same(await next(byMunicipality), { data: { budgetChanged: lineEvent } })
  // Elbasan's staff heard of the allocation as it was recorded, and not again at the approval.
  t.same(await next(byMunicipality), { data: { budgetChanged: revisedEvent } })
  t.same(await next(byPlan), { data: { budgetChanged: lineEvent } }, 'a municipal total belongs to no plan')
  t.match(await next(elsewhere), { data: { budgetChanged: { position: drenasTotal, municipality: 'DRE' } } })
  // Everyone else hears of a total as it is set, and of an allocation at the approval that publishes it.
  t.same(await next(anonymous), { data: { budgetChanged: totalEvent } })
  t.same(await next(anonymous), { data: { budgetChanged: { ...lineEvent, position: approved } } })
  t.same(await next(anonymous), { data: { budgetChanged: revisedEvent } })
})

t.test('a subscription is checked like any operation before it starts', async (t) => {
  const service = await startService(t, { seed: false })
  const { client } = connect(t, service)
  const refusal = (query: string) =>
    new Promise<unknown>((resolve) => {
      client.subscribe({ query }, { next: resolve, error: resolve, complete: () => resolve('completed') })
    })
  t.match(await refusal('subscription { indicatorValueReported { nothingHere } }'), [
    { message: 'Cannot query field "nothingHere" on type "IndicatorValueEvent".' },
  ])
  const aliased = Array.from({ length: 31 }, (_, index) => `a${index}: position`).join(' ')
  t.match(await refusal(`subscription { indicatorValueReported { ${aliased} } }`), [
    { extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_LIMIT_EXCEEDED', details: { limit: 'aliases', maximum: 30, actual: 31 } } },
  ])
})

t.test('a token that does not check out closes the connection', async (t) => {
  const service = await startService(t, { seed: false })
  /** Whether the server acknowledged the connection, and how the socket closed. */
  const attempt = (options: Parameters<typeof connect>[2]) =>
    new Promise<{ acknowledged: boolean; code: number }>((resolve) => {
      const { client } = connect(t, service, options)
      let acknowledged = false
      client.on('connected', () => (acknowledged = true))
      client.on('closed', (event) => resolve({ acknowledged, code: (event as { code: number }).code }))
      client.subscribe({ query: 'subscription { budgetChanged { position } }' }, { next: () => {}, error: () => {}, complete: () => {} })
    })
  const inInit = await attempt({ connectionParams: { authorization: 'Bearer not-a-token' } })
  t.equal(inInit.acknowledged, false, 'a bad token in connection_init is not acknowledged')
  t.not(inInit.code, 1000)
  const onRequest = await attempt({ headers: { authorization: 'Bearer not-a-token' } })
  t.same(onRequest, { acknowledged: false, code: 1006 }, 'a bad token on the websocket request: refused with 401 before the upgrade')

  // A good one in connection_init names the subscriber, as on an HTTP request.
  const editor = connect(t, service, { connectionParams: { Authorization: `Bearer ${service.token(principals.editorElbasan)}` } })
  const events = await editor.subscribe<{ budgetChanged: unknown }>('subscription { budgetChanged { position actor { id } } }')
  const position = await write(service, {
    type: 'RegisterMunicipality',
    code: 'ELB',
    name: { sq: 'Elbasan' },
    country: 'AL',
    currency: 'ALL',
  })
  t.ok(position)
  await write(service, { type: 'SetMunicipalBudgetTotal', code: 'ELB', fiscalYear: 2024, total: { amount: '1000', currency: 'ALL' } })
  t.match(await next(events), { data: { budgetChanged: { actor: { id: 'editor-elb' } } } })
})

t.test('events about what the read models cannot place, or a draft an anonymous caller cannot read, are not sent', async (t) => {
  const service = await startService(t)
  const draft = await draftPlanWithMeasure(service)
  const draftIndicator = randomUUID()
  const { occurredAt: _occurredAt, ...definition } = seedCommand(elbasanGenderEquality, 'DefineIndicator', (c) => c.code === 'II.2/T1')
  await write(service, {
    ...definition,
    planId: draft.planId,
    indicatorId: draftIndicator,
    attachedTo: { kind: 'measure', id: draft.measureId },
  })

  const anonymous = connect(t, service, { connectionParams: { authorization: 42 } })
  const values = await anonymous.subscribe<{ indicatorValueReported: unknown }>(
    'subscription { indicatorValueReported { position actor { id } occurredAt change { position } } }',
  )
  const measures = await anonymous.subscribe<{ measureStatusChanged: unknown }>('subscription { measureStatusChanged { position } }')
  const drenasMeasures = await anonymous.subscribe<{ measureStatusChanged: unknown }>(
    'subscription ($planId: ID) { measureStatusChanged(planId: $planId) { position } }',
    { planId: drenasPlanId },
  )
  const budgets = await anonymous.subscribe<{ budgetChanged: unknown }>(
    'subscription { budgetChanged { position kind planId municipality fiscalYear actor { id } occurredAt municipalTotal { amount } } }',
  )

  // Another writer's events the read models cannot place: an indicator, a measure, a report, a budget line
  // the log never introduced; and a total for a municipality it never registered, with no metadata.
  const raw = async (stream: string, type: string, data: JsonObject) =>
    (await service.store.append(stream, [{ id: randomUUID(), type, data }])).position.toString()
  await raw(`indicator-${randomUUID()}`, 'indicator.value-reported.v1', { indicatorId: randomUUID(), period: '2024', value: '1' })
  const unknownPlan = randomUUID()
  await raw(`plan-${unknownPlan}`, 'plan.measure-status-changed.v1', {
    planId: unknownPlan,
    measureId: randomUUID(),
    from: 'planned',
    to: 'completed',
    date: '2025-01-01',
  })
  await raw(`plan-${unknownPlan}`, 'plan.report-approved.v1', { planId: unknownPlan, period: '2025' })
  await raw(`budget-line-${randomUUID()}`, 'budget-line.allocated.v1', {
    budgetLineId: randomUUID(),
    allocated: { amount: '1', currency: 'ALL' },
    date: '2025-01-01',
  })
  const unknownTotal = await raw('municipality-XXX', 'municipality.budget-total-set.v1', {
    code: 'XXX',
    fiscalYear: 2025,
    total: { amount: '10', currency: 'EUR' },
  })
  // A draft's value is for Elbasan's own staff and admins only.
  await write(service, { type: 'ReportIndicatorValue', indicatorId: draftIndicator, period: '2023', value: '5' })

  // The seed's 2022 report is approved: its figures change once it is reopened, and reach an
  // anonymous subscriber once it is approved again.
  await reopenReport(service, '2022')
  const reported = await write(service, { type: 'ReportIndicatorValue', indicatorId: parentsIndicator, period: '2022-Q2', value: '7' })
  await write(service, {
    type: 'ChangeMeasureStatus',
    planId: elbasanPlanId,
    measureId: plannedMeasure.measureId,
    status: 'in-progress',
    date: '2022-05-02',
  })
  const approved = await approveReport(service, elbasanPlanId, '2022')
  t.same(await next(values), {
    data: {
      indicatorValueReported: {
        position: approved,
        actor: { id: null },
        occurredAt: '2025-05-02T10:00:00+02:00',
        change: { position: reported },
      },
    },
  })
  t.same(await next(measures), { data: { measureStatusChanged: { position: approved } } })
  const drenasMeasure = seedCommand(drenasDomesticViolence, 'AddMeasure').measureId
  await write(
    service,
    { type: 'ChangeMeasureStatus', planId: drenasPlanId, measureId: drenasMeasure, status: 'in-progress', date: '2025-05-03' },
    adminActor,
  )
  const drenasApproved = await approveReport(service, drenasPlanId, '2025', drenasEditorActor, adminActor)
  t.same(await next(drenasMeasures), { data: { measureStatusChanged: { position: drenasApproved } } }, 'the Elbasan change was left out')
  t.same(
    await next(budgets),
    {
      data: {
        budgetChanged: {
          position: unknownTotal,
          kind: 'municipal_total_set',
          planId: null,
          municipality: 'XXX',
          fiscalYear: 2025,
          actor: null,
          occurredAt: null,
          municipalTotal: null,
        },
      },
    },
    'a total the read models could not record, and who recorded it unknown: said as null',
  )
})
