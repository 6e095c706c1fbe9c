import { randomUUID } from 'node:crypto'
import { executeCommand } from '@treguesi/commands'
import { planCommands } from '@treguesi/domain/testing'
import t from 'tap'
import type { TokenSubject } from '@treguesi/tokens'
import { freshIds } from './support/fresh-ids.js'
import { principals, startService } from './support/service.js'
import { next, subscribe } from './support/subscriber.js'

// A period's figures on a plan everyone reads, against the read policy (docs/access.md), on
// every read path, over HTTP and websockets with real tokens: an approved Elbasan plan of
// 2030–2031 whose 2030 report is approved and then reopened for a correction, and whose 2031
// report is submitted, not approved. Its own staff and admins read every figure as recorded;
// everyone else each period's figures as the latest approval published them, and nothing of 2031.

const service = await startService(t)
const [planId, areaId, objectiveId, measureId, indicatorId, line2030, line2031] = freshIds(7)
const nationalCode = 'RPP-1'
const actors = {
  editor: { id: 'editor-elb', role: 'editor', municipality: 'ELB' },
  admin: { id: 'admin-1', role: 'admin' },
} as const

async function write(command: Record<string, unknown>, actor: object = actors.editor): Promise<string> {
  const result = await executeCommand(service.store, command, { commandId: randomUUID(), actor, occurredAt: '2031-07-01T10:00:00+02:00' })
  return result.position!.toString()
}

const text = (sq: string) => ({ sq })
const all = (amount: string) => ({ amount, currency: 'ALL' })
const review = async (type: 'Report' | 'Plan', period?: string, extra: object = {}) => {
  const target = { planId, ...(period !== undefined && { period }) }
  await write({ type: `Submit${type}`, ...target })
  return write({ type: `Approve${type}`, ...target, ...extra }, actors.admin)
}

const plan = planCommands({ planId, areaId, objectiveId, measureId })
await write({ type: 'DefineNationalIndicator', code: nationalCode, name: text('Gra të trajnuara'), unit: 'count' }, actors.admin)
await write({ ...plan.draft, kind: 'gender-equality', title: text('Plani 2030–2031'), period: { from: 2030, to: 2031 } })
for (const command of plan.structure) await write(command)
await write({
  type: 'DefineIndicator',
  indicatorId,
  planId,
  municipality: 'ELB',
  attachedTo: { kind: 'measure', id: measureId },
  code: 'I.1.1/T1',
  name: text('Gra të trajnuara'),
  unit: 'count',
  direction: 'higher-is-better',
  accumulation: 'per-period',
  nationalCode,
})
for (const [budgetLineId, fiscalYear] of [
  [line2030, 2030],
  [line2031, 2031],
] as const) {
  await write({
    type: 'PlanBudgetLine',
    budgetLineId,
    planId,
    measureId,
    municipality: 'ELB',
    fiscalYear,
    fundingSource: { kind: 'local-budget', name: 'Buxheti vendor' },
    categories: ['rpp-training'],
    planned: { amount: all('1000') },
  })
}
await review('Plan', undefined, { councilDecision: { number: 'Nr. 7', date: '2029-12-20' } })
for (const fiscalYear of [2030, 2031])
  await write({ type: 'SetMunicipalBudgetTotal', code: 'ELB', fiscalYear, total: all('100000') }, actors.admin)

// 2030: reported, approved, then reopened and corrected.
const reported2030 = await write({ type: 'ReportIndicatorValue', indicatorId, period: '2030', value: '10' })
await write({ type: 'ChangeMeasureStatus', planId, measureId, status: 'in-progress', date: '2030-03-01' })
await write({ type: 'AllocateBudget', budgetLineId: line2030, allocated: all('500'), date: '2030-01-31' })
await write({ type: 'RecordExpenditure', budgetLineId: line2030, executed: all('400'), asOf: '2030-12-31' })
const approved2030 = await review('Report', '2030')
await write({ type: 'ReopenReport', planId, period: '2030', reason: text('Një grup i harruar') }, actors.admin)
const corrected2030 = await write({
  type: 'CorrectIndicatorValue',
  indicatorId,
  period: '2030',
  value: '11',
  reason: text('Një grup i harruar'),
})
// 2031: reported and submitted, not approved.
const reported2031 = await write({ type: 'ReportIndicatorValue', indicatorId, period: '2031', value: '20' })
await write({ type: 'ChangeMeasureStatus', planId, measureId, status: 'completed', date: '2031-06-01' })
await write({ type: 'AllocateBudget', budgetLineId: line2031, allocated: all('700'), date: '2031-01-31' })
await write({ type: 'SubmitReport', planId, period: '2031' })
const head = (await service.store.headPosition())!.toString()
t.ok(await service.live.reach(BigInt(head), 5000), 'the read models have the setup')

const callers: ReadonlyArray<readonly [name: string, principal: TokenSubject | null, ownStaff: boolean]> = [
  ['anonymous', null, false],
  ['viewer', principals.viewer, false],
  ['ministry', principals.ministry, false],
  ["Drenas's editor", principals.editorDrenas, false],
  ["Drenas's reviewer", { id: 'reviewer-dre', role: 'reviewer', municipalities: ['DRE'] }, false],
  ["Elbasan's editor", principals.editorElbasan, true],
  ["Elbasan's reviewer", principals.reviewerElbasan, true],
  ['admin', principals.admin, true],
]

async function data(query: string, variables: object, token: string | undefined): Promise<any> {
  const response = await service.graphql<any>(query, variables, token)
  if (response.errors !== undefined) throw new Error(JSON.stringify(response.errors))
  return response.data
}

const indicatorQuery = `query ($id: ID!, $at: Position, $asOf: AsOf) { indicator(id: $id, consistentWith: $at, asOf: $asOf) {
  values { period value corrections } corrections period periodChoice
  actual2031: actual(period: "2031") { value reason } history { kind period value { value } }
} }`
const planQuery = `query ($id: ID!) { plan(id: $id) {
  measures { status statusHistory { to date } }
  budgetLines { fiscalYear allocated { amount } executed { amount } executionFlags }
  rollUp { measureStatuses { status count } }
} }`
const summaryQuery = `query ($year: Int!) { budgetSummary(municipality: "ELB", fiscalYear: $year) {
  allocated { amount } executed { amount } shares { category share { value } }
} }`
const nationalQuery = `query ($period: Period!) { nationalAggregate(nationalCode: "${nationalCode}", country: AL, period: $period) {
  value byMunicipality { municipality value excludedBecause }
} }`
const feedQuery = `query ($prefix: String!, $at: Position) {
  events(streamPrefix: $prefix, first: 50, consistentWith: $at) { edges { node { position type } } }
}`

for (const [caller, principal, ownStaff] of callers) {
  t.test(`${caller}: ${ownStaff ? 'every figure as recorded' : 'the figures as approved, none of 2031'}`, async (t) => {
    const token = principal === null ? undefined : service.token(principal)
    const { indicator } = await data(indicatorQuery, { id: indicatorId, at: head }, token)
    const { plan } = await data(planQuery, { id: planId }, token)
    const share = async (year: number) =>
      (await data(summaryQuery, { year }, token)).budgetSummary.shares.find((s: any) => s.category === 'rpp-training')
    const national = async (period: string) => (await data(nationalQuery, { period }, token)).nationalAggregate
    const feedOf = async (prefix: string) => (await data(feedQuery, { prefix, at: head }, token)).events.edges.map((edge: any) => edge.node)
    const feed = await feedOf(`indicator-${indicatorId}`)
    const typesIn = async (prefix: string) => (await feedOf(prefix)).map((event: any) => event.type)
    const statusChanges = (await typesIn(`plan-${planId}`)).filter((type: string) => type === 'plan.measure-status-changed.v1')
    const asOfApproval = (await data(indicatorQuery, { id: indicatorId, asOf: { position: approved2030 } }, token)).indicator
    const beforeApproval = (await data(indicatorQuery, { id: indicatorId, asOf: { position: reported2030 } }, token)).indicator

    if (ownStaff) {
      t.same(indicator.values, [
        { period: '2030', value: '11', corrections: 1 },
        { period: '2031', value: '20', corrections: 0 },
      ])
      t.same(indicator.actual2031, { value: '20', reason: null })
      t.same(
        indicator.history.map((entry: any) => [entry.kind, entry.period, entry.value.value]),
        [
          ['reported', '2030', '10'],
          ['corrected', '2030', '11'],
          ['reported', '2031', '20'],
        ],
      )
      t.equal(plan.measures[0].status, 'completed')
      t.same(plan.budgetLines, [
        { fiscalYear: 2030, allocated: { amount: '500' }, executed: { amount: '400' }, executionFlags: [] },
        { fiscalYear: 2031, allocated: { amount: '700' }, executed: null, executionFlags: [] },
      ])
      t.same((await share(2031)).share, { value: '0.7' })
      t.match(await national('2031'), { value: '20', byMunicipality: [{ municipality: 'ELB', value: '20', excludedBecause: null }] })
      t.match(await national('2030'), { value: '11' })
      t.same(
        feed.map((event: any) => event.position),
        [feed[0].position, reported2030, corrected2030, reported2031],
        'every value event in the feed',
      )
      t.same(beforeApproval.values, [{ period: '2030', value: '10', corrections: 0 }], 'as of the report: as recorded')
      t.same(await typesIn(`budget-line-${line2030}`), [
        'budget-line.planned.v1',
        'budget-line.allocated.v1',
        'budget-line.expenditure-recorded.v1',
      ])
      t.same(await typesIn(`budget-line-${line2031}`), ['budget-line.planned.v1', 'budget-line.allocated.v1'])
      t.equal(statusChanges.length, 2, 'both status changes in the feed')
    } else {
      t.same(indicator.values, [{ period: '2030', value: '10', corrections: 0 }], '2030 as approved, before its correction')
      t.equal(indicator.corrections, 0)
      t.same([indicator.period, indicator.periodChoice], ['2030', 'latest_with_actual'])
      t.same(indicator.actual2031, { value: null, reason: 'awaiting-approval' })
      t.same(
        indicator.history.map((entry: any) => [entry.kind, entry.period, entry.value.value]),
        [['reported', '2030', '10']],
        'only the value events an approval published',
      )
      t.same(plan.measures[0].statusHistory, [{ to: 'in_progress', date: '2030-03-01' }], "2031's change is not approved")
      t.equal(plan.measures[0].status, 'in_progress')
      const counted = Object.fromEntries(plan.rollUp.measureStatuses.map(({ status, count }: any) => [status, count]))
      t.match(counted, { planned: 0, in_progress: 1, completed: 0 })
      t.same(plan.budgetLines, [
        { fiscalYear: 2030, allocated: { amount: '500' }, executed: { amount: '400' }, executionFlags: [] },
        { fiscalYear: 2031, allocated: null, executed: null, executionFlags: [] },
      ])
      t.same((await share(2031)).share, { value: null }, 'no approved allocation in 2031')
      const summary2031 = (await data(summaryQuery, { year: 2031 }, token)).budgetSummary
      t.same([summary2031.allocated.amount, summary2031.executed.amount], ['0', '0'])
      t.same((await share(2030)).share, { value: '0.5' })
      t.match(await national('2031'), {
        value: null,
        byMunicipality: [{ municipality: 'ELB', value: null, excludedBecause: 'awaiting_approval' }],
      })
      t.match(await national('2030'), { value: '10', byMunicipality: [{ value: '10', excludedBecause: null }] }, 'as approved')
      t.same(
        feed.map((event: any) => event.position),
        [feed[0].position, reported2030],
        'the feed: the definition and the value the approval published',
      )
      t.same(beforeApproval.values, [], 'as of the report: nothing approved yet')
      t.same(
        await typesIn(`budget-line-${line2030}`),
        ['budget-line.planned.v1', 'budget-line.allocated.v1', 'budget-line.expenditure-recorded.v1'],
        "2030's allocation and spending, approved",
      )
      t.same(await typesIn(`budget-line-${line2031}`), ['budget-line.planned.v1'], "not 2031's allocation")
      t.equal(statusChanges.length, 1, "2030's status change, not 2031's")
    }
    t.same(asOfApproval.values, [{ period: '2030', value: '10', corrections: 0 }], 'as of the approval: what it approved')
    t.equal(feed[0].type, 'indicator.defined.v1')
  })
}

t.test('subscribers: the staff hear of a figure as it is recorded, everyone else when an approval publishes it', async (t) => {
  const values = `subscription { indicatorValueReported(planId: "${planId}") {
    position actor { role } change { kind period position value { value } } indicator { values { period value } }
  } }`
  const measures = `subscription { measureStatusChanged(planId: "${planId}") { position change { to date } measure { status } } }`
  const budgets = `subscription { budgetChanged(planId: "${planId}") { position kind fiscalYear budgetLine { allocated { amount } } } }`
  const editor = service.token(principals.editorElbasan)
  const staff = await subscribe<any>(t, service, editor, values)
  const outsider = await subscribe<any>(t, service, undefined, values)
  const outsiderMeasures = await subscribe<any>(t, service, undefined, measures)
  const outsiderBudgets = await subscribe<any>(t, service, undefined, budgets)

  const corrected = await write({ type: 'CorrectIndicatorValue', indicatorId, period: '2030', value: '12', reason: text('Edhe një') })
  const approved2030 = await review('Report', '2030')
  const approved2031 = await write({ type: 'ApproveReport', planId, period: '2031' }, actors.admin)

  const heardByStaff = (await next(staff)).indicatorValueReported
  t.match(heardByStaff, { position: corrected, change: { kind: 'corrected', period: '2030', position: corrected, value: { value: '12' } } })
  const first = (await next(outsider)).indicatorValueReported
  t.match(
    first,
    {
      position: approved2030,
      actor: { role: 'admin' },
      change: { kind: 'corrected', period: '2030', position: corrected, value: { value: '12' } },
      indicator: { values: [{ period: '2030', value: '12' }] },
    },
    'the correction, at the approval that published it: the first event this subscriber hears',
  )
  const second = (await next(outsider)).indicatorValueReported
  t.match(second, {
    position: approved2031,
    change: { kind: 'reported', period: '2031', position: reported2031, value: { value: '20' } },
    indicator: {
      values: [
        { period: '2030', value: '12' },
        { period: '2031', value: '20' },
      ],
    },
  })
  // The 2030 status change, published again by the 2030 approval, then 2031's by its own.
  t.same((await next(outsiderMeasures)).measureStatusChanged, {
    position: approved2030,
    change: { to: 'in_progress', date: '2030-03-01' },
    measure: { status: 'in_progress' },
  })
  t.same((await next(outsiderMeasures)).measureStatusChanged, {
    position: approved2031,
    change: { to: 'completed', date: '2031-06-01' },
    measure: { status: 'completed' },
  })
  t.same(
    [(await next(outsiderBudgets)).budgetChanged, (await next(outsiderBudgets)).budgetChanged, (await next(outsiderBudgets)).budgetChanged],
    [
      { position: approved2030, kind: 'allocated', fiscalYear: 2030, budgetLine: { allocated: { amount: '500' } } },
      { position: approved2030, kind: 'expenditure_recorded', fiscalYear: 2030, budgetLine: { allocated: { amount: '500' } } },
      { position: approved2031, kind: 'allocated', fiscalYear: 2031, budgetLine: { allocated: { amount: '700' } } },
    ],
  )
  const { indicator } = await data(indicatorQuery, { id: indicatorId, at: approved2031 }, undefined)
  t.same(indicator.values, [
    { period: '2030', value: '12', corrections: 2 },
    { period: '2031', value: '20', corrections: 0 },
  ])
})
