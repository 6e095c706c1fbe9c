import t from 'tap'
import type { Test } from 'tap'
import { buildWorld, inputFor, send, type MutationName, type World } from './mutations-support.js'
import { principals, startService, type TestService } from './support/service.js'

const awaitingQuery = `query ($municipality: String) {
  awaiting(municipality: $municipality) { plan { id } period status comments { sq } action }
}`

interface Awaiting {
  readonly plan: { readonly id: string }
  readonly period: string | null
  readonly status: string
  readonly comments: { readonly sq: string } | null
  readonly action: string
}

async function awaiting(service: TestService, token: string | undefined, planId: string): Promise<Awaiting[]> {
  const response = await service.graphql<{ awaiting: Awaiting[] }>(awaitingQuery, {}, token)
  return response.data!.awaiting.filter((item) => item.plan.id === planId)
}

/** Sends a mutation that must be refused, and checks that nothing was written. */
async function refusal(t: Test, service: TestService, name: MutationName, input: object, token: string) {
  const before = await service.store.headPosition()
  const { payload, errors } = await send(service, name, input, token)
  t.equal(payload, null, `${name}: no payload`)
  t.equal(await service.store.headPosition(), before, `${name}: nothing written`)
  return errors[0]?.extensions ?? {}
}

async function accepted(t: Test, service: TestService, name: MutationName, input: object, token: string) {
  const { payload, errors } = await send(service, name, input, token)
  t.same(errors, [], `${name}: accepted`)
  return payload!
}

t.test("a plan's content: submitted by an editor, returned or approved by a reviewer, locked until reopened", async (t) => {
  const service = await startService(t)
  const editor = service.token(principals.editorElbasan)
  const reviewer = service.token(principals.reviewerElbasan)
  const admin = service.token(principals.admin)
  const world: World = await buildWorld(service.store, { plan: 'draft' })
  const { planId } = world

  t.same(await awaiting(service, editor, planId), [
    { plan: { id: planId }, period: null, status: 'open', comments: null, action: 'submit' },
  ])
  t.same(await awaiting(service, reviewer, planId), [], 'nothing for the reviewer before it is submitted')
  t.match(await refusal(t, service, 'approvePlan', inputFor('approvePlan', world), reviewer), {
    code: 'CONFLICT',
    trgCode: 'TRG_INVALID_STATE',
    details: { entity: 'plan', state: 'open', action: 'approved' },
  })

  await accepted(t, service, 'submitPlan', inputFor('submitPlan', world), editor)
  t.same(await awaiting(service, reviewer, planId), [
    { plan: { id: planId }, period: null, status: 'submitted', comments: null, action: 'review' },
  ])
  t.same(await awaiting(service, editor, planId), [], 'the editor waits')
  t.match(await refusal(t, service, 'setTarget', inputFor('setTarget', world), editor), {
    code: 'CONFLICT',
    trgCode: 'TRG_PLAN_LOCKED',
    details: { planId, state: 'submitted' },
  })
  t.match(await refusal(t, service, 'addArea', inputFor('addArea', world), editor), { trgCode: 'TRG_PLAN_LOCKED' })
  t.match(await refusal(t, service, 'approvePlan', inputFor('approvePlan', world), editor), {
    code: 'FORBIDDEN',
    details: { reason: 'ApprovePlan is for reviewers; you are a editor' },
  })

  const returned = await accepted(
    t,
    service,
    'returnPlan',
    { ...inputFor('returnPlan', world), comments: { sq: 'Shtoni vlerat bazë' } },
    reviewer,
  )
  t.match(returned.plan, { status: 'draft', review: { status: 'returned', comments: { sq: 'Shtoni vlerat bazë' } } })
  t.same(await awaiting(service, editor, planId), [
    { plan: { id: planId }, period: null, status: 'returned', comments: { sq: 'Shtoni vlerat bazë' }, action: 'revise' },
  ])
  t.same(await awaiting(service, reviewer, planId), [], 'nothing for the reviewer while the editors revise')
  await accepted(t, service, 'setBaseline', inputFor('setBaseline', world), editor)
  await accepted(t, service, 'submitPlan', inputFor('submitPlan', world), editor)

  // The same person holding an editor's token and a reviewer's: the subject is who submitted.
  const sameSubject = service.token({ id: 'editor-elb', role: 'reviewer', municipalities: ['ELB'] })
  t.match(await refusal(t, service, 'approvePlan', inputFor('approvePlan', world), sameSubject), {
    code: 'FORBIDDEN',
    details: { action: 'run ApprovePlan', reason: 'you submitted it: another reviewer approves it' },
  })
  const approved = await accepted(t, service, 'approvePlan', inputFor('approvePlan', world), reviewer)
  t.match(approved.plan, { status: 'approved', review: { status: 'approved', comments: null }, councilDecision: { number: 'Nr. 45' } })
  t.match(await refusal(t, service, 'setTarget', inputFor('setTarget', world), editor), { details: { state: 'approved' } })
  t.match(await refusal(t, service, 'reopenPlan', inputFor('reopenPlan', world), editor), { code: 'FORBIDDEN' })

  const reason = { sq: 'Ndryshon objektivi pas vendimit të ri' }
  const reopened = await accepted(t, service, 'reopenPlan', { ...inputFor('reopenPlan', world), reason }, admin)
  t.match(reopened.plan, { status: 'approved', review: { status: 'reopened', comments: reason } }, 'reopened, still the approved plan')
  await accepted(t, service, 'setTarget', inputFor('setTarget', world), editor)

  const history = await service.graphql<{ history: { edges: { node: { type: string; reason: unknown; actor: { id: string } } }[] } }>(
    'query ($id: ID!) { history(entityId: $id) { edges { node { type reason { sq } actor { id } } } } }',
    { id: planId },
    admin,
  )
  t.same(
    history.data!.history.edges.map(({ node }) => node).filter((node) => !node.type.includes('-added')),
    [
      { type: 'plan.drafted.v1', reason: null, actor: { id: 'test-setup' } },
      { type: 'plan.submitted.v1', reason: null, actor: { id: 'editor-elb' } },
      { type: 'plan.returned.v1', reason: null, actor: { id: 'reviewer-elb' } },
      { type: 'plan.submitted.v1', reason: null, actor: { id: 'editor-elb' } },
      { type: 'plan.approved.v1', reason: null, actor: { id: 'reviewer-elb' } },
      { type: 'plan.reopened.v1', reason, actor: { id: 'admin-1' } },
    ],
    'every step is in the history, with who took it and the reason for reopening',
  )
})

t.test("a period's report: its figures are locked while submitted or approved", async (t) => {
  const service = await startService(t)
  const editor = service.token(principals.editorElbasan)
  const reviewer = service.token(principals.reviewerElbasan)
  const world = await buildWorld(service.store)
  const { planId, indicatorId } = world
  const correct = (period: string) => ({ ...inputFor('correctIndicatorValue', world), period, value: '41' })

  const submitted = await accepted(t, service, 'submitReport', { ...inputFor('submitReport', world), period: '2024' }, editor)
  t.match(submitted.plan, { reports: [{ period: '2024', status: 'submitted', comments: null }] })
  t.match(await refusal(t, service, 'correctIndicatorValue', correct('2024'), editor), {
    code: 'CONFLICT',
    trgCode: 'TRG_PERIOD_LOCKED',
    details: { planId, period: '2024', round: '2024', state: 'submitted' },
  })
  t.match(await refusal(t, service, 'reportIndicatorValue', { ...inputFor('reportIndicatorValue', world), period: '2024-H2' }, editor), {
    trgCode: 'TRG_PERIOD_LOCKED',
    details: { period: '2024-H2', round: '2024' },
  })
  t.match(await refusal(t, service, 'recordExpenditure', inputFor('recordExpenditure', world), editor), {
    trgCode: 'TRG_PERIOD_LOCKED',
    details: { period: '2024', round: '2024' },
  })
  t.match(await refusal(t, service, 'changeMeasureStatus', inputFor('changeMeasureStatus', world), editor), {
    trgCode: 'TRG_PERIOD_LOCKED',
  })
  await accepted(t, service, 'reportIndicatorValue', inputFor('reportIndicatorValue', world), editor)

  t.same(await awaiting(service, reviewer, planId), [
    { plan: { id: planId }, period: '2024', status: 'submitted', comments: null, action: 'review' },
  ])
  await accepted(t, service, 'approveReport', { ...inputFor('approveReport', world), period: '2024' }, reviewer)
  t.match(await refusal(t, service, 'correctIndicatorValue', correct('2024'), editor), { details: { state: 'approved' } })
  t.match(await refusal(t, service, 'submitReport', { ...inputFor('submitReport', world), period: '2031' }, editor), {
    trgCode: 'TRG_PERIOD_OUTSIDE_PLAN',
  })

  await accepted(t, service, 'reopenReport', { ...inputFor('reopenReport', world), period: '2024' }, reviewer)
  const corrected = await accepted(t, service, 'correctIndicatorValue', correct('2024'), editor)
  t.match(corrected.indicator, { id: indicatorId, values: [{ period: '2024', value: '41' }] })
  t.same(
    await awaiting(service, editor, planId),
    [
      { plan: { id: planId }, period: null, status: 'reopened', comments: { sq: 'Plotësohet plani' }, action: 'revise' },
      { plan: { id: planId }, period: '2024', status: 'reopened', comments: { sq: 'Korrigjohet një vlerë' }, action: 'revise' },
    ],
    'the content the world reopened, and the report',
  )
})

t.test('what awaits whom: only staff of the municipality, and admins', async (t) => {
  const service = await startService(t)
  // A draft submitted for adoption, and an adopted plan whose 2026 report is submitted.
  const draft = await buildWorld(service.store, { plan: 'submitted' })
  const world = await buildWorld(service.store, { report: 'submitted' })
  const item = (period: string | null) => ({ plan: { id: world.planId }, period, status: 'submitted', comments: null, action: 'review' })
  const admin = service.token(principals.admin)
  t.same(
    await awaiting(service, admin, draft.planId),
    [{ plan: { id: draft.planId }, period: null, status: 'submitted', comments: null, action: 'review' }],
    'an admin reviews too',
  )
  t.same(await awaiting(service, admin, world.planId), [
    { ...item(null), status: 'reopened', comments: { sq: 'Plotësohet plani' }, action: 'revise' },
    item('2026'),
  ])
  for (const caller of ['viewer', 'ministry', 'editorDrenas'] as const) {
    t.same(await awaiting(service, service.token(principals[caller]), world.planId), [], `nothing for the ${caller}`)
  }
  t.same(await awaiting(service, undefined, world.planId), [], 'nothing for anonymous callers')
  const reviewer = service.token(principals.reviewerElbasan)
  const elsewhere = await service.graphql<{ awaiting: unknown[] }>(awaitingQuery, { municipality: 'DRE' }, reviewer)
  t.same(elsewhere.data, { awaiting: [] }, "another municipality's reviews are not the reviewer's")
  const own = await service.graphql<{ awaiting: Awaiting[] }>(awaitingQuery, { municipality: 'ELB' }, reviewer)
  t.same(
    own.data!.awaiting.filter((found) => found.plan.id === world.planId),
    [item('2026')],
    'its own municipality, asked for by name',
  )
  const one = await service.graphql<{ awaiting: unknown[] }>('{ awaiting(first: 1) { period } }', {}, reviewer)
  t.same(one.data!.awaiting.length, 1, 'first bounds the list')
})
