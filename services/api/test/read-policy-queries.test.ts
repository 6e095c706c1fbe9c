import { randomUUID } from 'node:crypto'
import type { PlanStatus } from '@treguesi/domain'
import t from 'tap'
import { anonymous, type Principal } from '../src/access/principal.js'
import { nationalFigures, visibilityOf } from '../src/graphql/queries/snapshot.js'
import { contextOf, principals, startService } from './support/service.js'

// Every query path against the read policy (docs/access.md), over HTTP with real tokens: four
// plans of Elbasan, a draft, a draft submitted for review, an approved and a closed plan, each
// with an indicator of a national code, a value and an allocated budget line of 2030, read by
// every kind of caller. A draft, submitted or not, is its municipality's editors' and reviewers'
// and admins' to read; approved and closed plans everyone's.

const service = await startService(t)
const admin = service.token(principals.admin)

async function run(mutation: string, input: Record<string, unknown>, token = admin): Promise<string> {
  const type = `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`
  const response = await service.graphql<any>(
    `mutation ($input: ${type}!) { ${mutation}(input: $input) { position } }`,
    { input: { commandId: randomUUID(), ...input } },
    token,
  )
  if (response.errors !== undefined) throw new Error(`${mutation}: ${JSON.stringify(response.errors)}`)
  return response.data[mutation].position
}

const nationalCode = 'RPQ-1'
const text = (sq: string) => ({ sq })

interface Built {
  readonly planId: string
  readonly indicatorId: string
  readonly budgetLineId: string
}

/** A draft plan running 2030–2031: an area, objective and measure, its indicator's 2030 value, its line of 2030 allocated. */
async function draftWithFigures(municipality: string, value: string, allocated: string | null): Promise<Built> {
  const [planId, areaId, objectiveId, measureId, indicatorId, budgetLineId] = Array.from({ length: 6 }, () => randomUUID()) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ]
  await run('draftPlan', { planId, municipality, kind: 'other', title: text(`Plan ${value}`), period: { from: 2030, to: 2031 } })
  await run('addArea', { planId, areaId, code: 'I', title: text('Fusha I') })
  await run('addObjective', { planId, objectiveId, areaId, level: 'specific', code: 'I.1', title: text('Objektivi I.1') })
  await run('addMeasure', {
    planId,
    measureId,
    objectiveId,
    code: 'I.1.1',
    title: text('Masa I.1.1'),
    leadActors: [text('Bashkia')],
    supportingActors: [],
  })
  await run('defineIndicator', {
    indicatorId,
    planId,
    municipality,
    attachedTo: { kind: 'objective', id: objectiveId },
    code: 'I.1/a',
    name: text('Numri i rasteve'),
    unit: 'count',
    direction: 'higher_is_better',
    accumulation: 'per_period',
    nationalCode,
  })
  await run('reportIndicatorValue', { indicatorId, period: '2030', value })
  if (allocated !== null) {
    const amount = { amount: allocated, currency: 'ALL' }
    await run('planBudgetLine', {
      budgetLineId,
      planId,
      measureId,
      municipality,
      fiscalYear: 2030,
      fundingSource: { kind: 'donor', name: 'UN Women' },
      planned: { amount },
    })
    await run('allocateBudget', { budgetLineId, allocated: amount, date: '2030-01-31' })
  }
  return { planId, indicatorId, budgetLineId }
}

// Built in this order, the draft's value is Elbasan's latest for the code, the closed plan's the
// latest of those everyone reads.
await run('defineNationalIndicator', { code: nationalCode, name: text('Numri i rasteve'), unit: 'count' })
const approvedPlan = await draftWithFigures('ELB', '10', '20')
const closedPlan = await draftWithFigures('ELB', '1', '1')
const submittedPlan = await draftWithFigures('ELB', '50', '50')
const draftPlan = await draftWithFigures('ELB', '100', '400')
type Stage = 'draft' | 'submitted' | 'approved' | 'closed'
const plans: Readonly<Record<Stage, Built>> = { draft: draftPlan, submitted: submittedPlan, approved: approvedPlan, closed: closedPlan }
/** A plan submitted for review is still a draft until it is approved. */
const statusOf = (stage: Stage): PlanStatus => (stage === 'submitted' ? 'draft' : stage)
const allDrafts = (await service.store.headPosition())!.toString()
// The editor submits, so the admin approving is not approving their own submission.
const editor = service.token(principals.editorElbasan)
for (const { planId } of [approvedPlan, closedPlan, submittedPlan]) await run('submitPlan', { planId }, editor)
for (const { planId } of [approvedPlan, closedPlan]) {
  await run('approvePlan', { planId, councilDecision: { number: 'Nr. 12', date: '2029-12-20' } })
  // Their 2030 figures are everyone's once the 2030 report is approved (see read-policy-periods for those that are not).
  await run('submitReport', { planId, period: '2030' }, editor)
  await run('approveReport', { planId, period: '2030' })
}
await run('closePlan', { planId: closedPlan.planId, date: '2029-12-30', reason: text('Zëvendësuar') })
// Drenas's own draft gives the code too: for its editors and admins only.
const drenasDraft = await draftWithFigures('DRE', '7', null)
const head = (await service.store.headPosition())!
t.ok(await service.live.reach(head, 2000), 'the read models reach the setup')

const stages: readonly Stage[] = ['draft', 'submitted', 'approved', 'closed']
const callers: ReadonlyArray<readonly [name: string, token: string | undefined]> = [
  ['anonymous', undefined],
  ['viewer', service.token(principals.viewer)],
  ['ministry', service.token(principals.ministry)],
  ["Elbasan's editor", editor],
  ["Elbasan's reviewer", service.token(principals.reviewerElbasan)],
  ["Drenas's editor", service.token(principals.editorDrenas)],
  ["Drenas's reviewer", service.token({ id: 'reviewer-dre', role: 'reviewer', municipalities: ['DRE'] })],
  ['admin', admin],
]

const staff = { draft: true, submitted: true, approved: true, closed: true }
const outsider = { draft: false, submitted: false, approved: true, closed: true }
/** What each caller reads of Elbasan's plans, by stage, as the policy means it: the expected side of every cell. */
const reads: Readonly<Record<string, Readonly<Record<Stage, boolean>>>> = {
  anonymous: outsider,
  viewer: outsider,
  ministry: outsider,
  "Elbasan's editor": staff,
  "Elbasan's reviewer": staff,
  "Drenas's editor": outsider,
  "Drenas's reviewer": outsider,
  admin: staff,
}
const readsDrenasDrafts: Readonly<Record<string, boolean>> = { "Drenas's editor": true, "Drenas's reviewer": true, admin: true }
/** Each plan's 2030 value for the code, and what its 2030 line was allocated. */
const reportedIn: Readonly<Record<Stage, string>> = { draft: '100', submitted: '50', approved: '10', closed: '1' }
const allocatedIn: Readonly<Record<Stage, number>> = { draft: 400, submitted: 50, approved: 20, closed: 1 }

async function data(query: string, variables: object, token: string | undefined): Promise<any> {
  const response = await service.graphql<any>(query, variables, token)
  if (response.errors !== undefined) throw new Error(JSON.stringify(response.errors))
  return response.data
}

const listQuery = '{ plans(municipality: "ELB", first: 200) { edges { node { id status } } } }'
const planQuery = `query ($id: ID!) { plan(id: $id) {
  id status indicators { id } budgetLines(fiscalYear: 2030) { id } measures { budgetLines { id } }
} }`
const indicatorQuery = 'query ($id: ID!) { indicator(id: $id) { id actual(period: "2030") { value } plan { id } } }'
const municipalityQuery = '{ municipality(code: "ELB") { plans { id } } }'
const summaryQuery = `{ budgetSummary(municipality: "ELB", fiscalYear: 2030) {
  allocated { amount } lines { total } plans { id }
} }`
const nationalQuery = `query ($country: Country! = AL) { nationalAggregate(nationalCode: "${nationalCode}", country: $country, period: "2030") {
  value counted byMunicipality { municipality indicatorId excludedBecause }
} }`
const asOfQuery = `query ($asOf: AsOf) {
  plans(municipality: "ELB", first: 200, asOf: $asOf) { edges { node { id status } } }
  budgetSummary(municipality: "ELB", fiscalYear: 2030, asOf: $asOf) { lines { total } plans { id } }
  nationalAggregate(nationalCode: "${nationalCode}", country: AL, period: "2030", asOf: $asOf) { byMunicipality { indicatorId } }
}`

const ids = (list: ReadonlyArray<{ id: string }>) => list.map((item) => item.id)

for (const [caller, token] of callers) {
  t.test(caller, async (t) => {
    const sees = reads[caller]!
    const listed = (await data(listQuery, {}, token)).plans.edges.map((edge: any) => edge.node)
    const municipal = ids((await data(municipalityQuery, {}, token)).municipality.plans)
    const summary = (await data(summaryQuery, {}, token)).budgetSummary
    const national = (await data(nationalQuery, {}, token)).nationalAggregate
    const asOf = await data(asOfQuery, { asOf: { position: allDrafts } }, token)

    for (const stage of stages) {
      const { planId, indicatorId, budgetLineId } = plans[stage]
      const status = statusOf(stage)
      const cell = `${caller}, ${stage} plan`
      const readable = sees[stage]
      t.equal(
        listed.some((plan: any) => plan.id === planId && plan.status === status),
        readable,
        `${cell}: the plans list`,
      )
      t.equal(municipal.includes(planId), readable, `${cell}: the municipality's plans`)

      const { plan } = await data(planQuery, { id: planId }, token)
      t.same(
        plan,
        readable
          ? {
              id: planId,
              status,
              indicators: [{ id: indicatorId }],
              budgetLines: [{ id: budgetLineId }],
              measures: [{ budgetLines: [{ id: budgetLineId }] }],
            }
          : null,
        `${cell}: plan(id), its indicators and budget lines`,
      )
      const { indicator } = await data(indicatorQuery, { id: indicatorId }, token)
      t.same(
        indicator,
        readable ? { id: indicatorId, actual: { value: reportedIn[stage] }, plan: { id: planId } } : null,
        `${cell}: indicator(id)`,
      )

      t.equal(ids(summary.plans).includes(planId), readable, `${cell}: the budget summary sums its lines`)
      t.equal(
        national.byMunicipality.some((figure: any) => figure.indicatorId === indicatorId),
        readable,
        `${cell}: the national aggregate lists its figure`,
      )

      // As of the moment all three were drafts, their standing then decides.
      const then = sees.draft
      t.same(
        asOf.plans.edges.filter((edge: any) => edge.node.id === planId).map((edge: any) => edge.node.status),
        then ? ['draft'] : [],
        `${cell}, as of when it was a draft: plans`,
      )
      t.equal(ids(asOf.budgetSummary.plans).includes(planId), then, `${cell}, as of when it was a draft: the budget summary`)
      t.equal(
        (asOf.nationalAggregate?.byMunicipality ?? []).some((figure: any) => figure.indicatorId === indicatorId),
        then,
        `${cell}, as of when it was a draft: the national aggregate`,
      )
    }

    const counted = stages.filter((stage) => sees[stage])
    t.same(
      { allocated: summary.allocated.amount, lines: summary.lines.total },
      { allocated: String(counted.reduce((sum, stage) => sum + allocatedIn[stage], 0)), lines: counted.length },
      `${caller}: Elbasan's 2030 budget summary totals and counts the lines it reads, a draft's only for its staff and admins`,
    )
    t.same(asOf.budgetSummary.lines.total, sees.draft ? 4 : 0, `${caller}: as of then, every line was a draft's`)
    // Elbasan counts once, with its latest figure the caller reads: the draft's, else the closed plan's.
    const elbasan = Number(reportedIn[sees.draft ? 'draft' : 'closed'])
    t.equal(national.value, String(elbasan), `${caller}: Albania's value, of the figures it reads`)
    const kosovo = (await data(nationalQuery, { country: 'XK' }, token)).nationalAggregate
    t.same(
      kosovo && [kosovo.value, kosovo.byMunicipality.map((figure: any) => figure.indicatorId)],
      readsDrenasDrafts[caller] === true ? ['7', [drenasDraft.indicatorId]] : null,
      `${caller}: Kosovo's, Drenas's draft figure, for its own staff and admins; none for others`,
    )
  })
}

t.test('caches: callers who read the same drafts share figures, those who read others never do', async (t) => {
  const contextFor = (principal: Principal) => contextOf(service, principal)
  const both = { id: 'editor-both', role: 'editor', municipalities: ['ELB', 'DRE'] } as const satisfies Principal
  const bothAgain = { id: 'editor-both-2', role: 'editor', municipalities: ['DRE', 'ELB', 'DRE'] } as const satisfies Principal
  t.same(
    [
      anonymous,
      principals.viewer,
      principals.ministry,
      principals.editorElbasan,
      principals.editorDrenas,
      principals.reviewerElbasan,
      both,
      bothAgain,
      principals.admin,
    ].map((principal) => visibilityOf(contextFor(principal))),
    ['public', 'public', 'public', 'drafts:ELB', 'drafts:DRE', 'drafts:ELB', 'drafts:DRE,ELB', 'drafts:DRE,ELB', 'all'],
    'the key: all, public, or the drafts of which municipalities (sorted, once each)',
  )

  const aggregate = (principal: Principal) => nationalFigures(contextFor(principal), nationalCode, '2030' as never, 'cross-country')
  t.equal(aggregate(bothAgain), aggregate(both), 'the same drafts: the very same aggregate')
  t.equal(aggregate(principals.viewer), aggregate(anonymous), 'no draft: the public one')
  const figuresOf = (principal: Principal) =>
    aggregate(principal)!
      .byMunicipality.map((figure) => figure.indicatorId)
      .sort()
  const everyFigure = [approvedPlan, closedPlan, submittedPlan, draftPlan, drenasDraft].map((built) => built.indicatorId).sort()
  t.same(figuresOf(both), everyFigure, 'an editor of both municipalities reads both drafts')
  t.same(figuresOf(principals.admin), everyFigure, 'an admin every one')
  t.same(
    figuresOf(principals.editorElbasan),
    [approvedPlan, closedPlan, submittedPlan, draftPlan].map((built) => built.indicatorId).sort(),
    "Elbasan's editor: not Drenas's draft, though asked after one who reads it",
  )
  t.same(
    figuresOf(principals.editorDrenas),
    [approvedPlan, closedPlan, drenasDraft].map((built) => built.indicatorId).sort(),
    "Drenas's editor: not Elbasan's",
  )

  const bothToken = service.token(both)
  const albania = (await data(nationalQuery, { country: 'AL' }, bothToken)).nationalAggregate
  const kosovo = (await data(nationalQuery, { country: 'XK' }, bothToken)).nationalAggregate
  t.same([albania.value, albania.counted], ['100', ['ELB']], "over HTTP: Albania's figure is Elbasan's draft")
  t.same([kosovo.value, kosovo.counted], ['7', ['DRE']], "Kosovo's is Drenas's: two countries' counts are not added")
})
