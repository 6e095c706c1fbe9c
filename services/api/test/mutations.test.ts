import { randomUUID } from 'node:crypto'
import t, { type Test } from 'tap'
import { collect } from '@treguesi/event-store/contract'
import type { TokenSubject } from '@treguesi/tokens'
import { buildWorld, inputFor, mutationNames, send, type MutationName, type Payload } from './mutations-support.js'
import { freshIds } from './support/fresh-ids.js'
import { principals, startService, type TestService } from './support/service.js'

const text = (sq: string, en?: string) => ({ sq, ...(en !== undefined && { en }) })

t.test('there is one mutation per command of the domain', async (t) => {
  const service = await startService(t, { seed: false })
  const { data } = await service.graphql<{ __schema: { mutationType: { fields: { name: string }[] } } }>(
    '{ __schema { mutationType { fields { name } } } }',
  )
  // Besides the domain's commands, the admin operations: the audit's (see admin.test.ts) and
  // revoking a subject's tokens (see token-revocation.test.ts).
  t.same(
    data?.__schema.mutationType.fields.map((field) => field.name).sort(),
    [...mutationNames, 'rebuildReadModels', 'revokeTokens', 'sealLog'].sort(),
  )
})

/** Sends as `principal` and fails the test on any error. */
function senderAs(t: Test, service: TestService, principal: TokenSubject) {
  const token = service.token(principal)
  return async (name: MutationName, input: Record<string, unknown>): Promise<Payload> => {
    const { payload, errors } = await send(service, name, { commandId: randomUUID(), ...input }, token)
    t.same(errors, [], `${name}: no error`)
    return payload!
  }
}

t.test('a municipality, a plan, its indicators and budget, from nothing, through every mutation', async (t) => {
  const service = await startService(t, { seed: false })
  const admin = senderAs(t, service, principals.admin)
  // The plan's content is approved by someone other than who submitted it.
  const reviewer = senderAs(t, service, { id: 'reviewer-tir', role: 'reviewer', municipalities: ['TIR'] })
  const [planId, areaId, objectiveId, measureId, indicatorId, shareId, budgetLineId] = freshIds(7)
  const positions: bigint[] = []
  const step = async (name: MutationName, input: Record<string, unknown>, eventType: string, revision: number, sender = admin) => {
    const payload = await sender(name, input)
    t.same(payload.eventTypes, [eventType], `${name} records ${eventType}`)
    t.equal(payload.revision, revision, `${name}: the stream's revision`)
    t.equal(payload.replayed, false)
    positions.push(BigInt(payload.position!))
    return payload
  }

  const registered = await step(
    'registerMunicipality',
    { code: 'TIR', name: text('Bashkia Tiranë', 'Municipality of Tirana'), country: 'AL', currency: 'ALL', kind: 'bashkia' },
    'municipality.registered.v2',
    0,
  )
  t.same(registered.municipality, {
    code: 'TIR',
    name: { sq: 'Bashkia Tiranë', en: 'Municipality of Tirana' },
    currency: 'ALL',
    iatiOrganisationIdentifier: null,
    budgetTotals: [],
  })
  const total = await step(
    'setMunicipalBudgetTotal',
    { code: 'TIR', fiscalYear: 2024, total: { amount: '15000000000.00', currency: 'ALL' } },
    'municipality.budget-total-set.v1',
    1,
  )
  t.same((total.municipality as { budgetTotals: unknown }).budgetTotals, [
    { fiscalYear: 2024, total: { amount: '15000000000', currency: 'ALL' } },
  ])
  const identified = await step(
    'setMunicipalityIatiIdentifier',
    { code: 'TIR', identifier: 'AL-COA-K11715005L' },
    'municipality.iati-identifier-set.v1',
    2,
  )
  t.match(identified.municipality, { code: 'TIR', iatiOrganisationIdentifier: 'AL-COA-K11715005L' })

  const national = await step(
    'defineNationalIndicator',
    {
      code: 'SKBGJ-4.2',
      name: text('Gra të strehuara', 'Women sheltered'),
      unit: 'count',
      sdg: { indicator: '5.2.1' },
    },
    'national-indicator.defined.v1',
    0,
  )
  t.same(national.nationalIndicator, {
    code: 'SKBGJ-4.2',
    name: { sq: 'Gra të strehuara', en: 'Women sheltered' },
    unit: 'count',
    aggregation: 'sum',
    sdg: { indicator: '5.2.1', series: null },
    inCatalogue: true,
    municipalities: [],
  })

  const drafted = await step(
    'draftPlan',
    {
      planId,
      municipality: 'TIR',
      kind: 'gender_equality',
      title: text('Plani Vendor i Veprimit për Barazinë Gjinore 2024–2026'),
      period: { from: 2024, to: 2026 },
      ratingThresholds: { achieved: '1', onTrack: '0.8', partly: '0.4' },
    },
    'plan.drafted.v1',
    0,
  )
  t.match(drafted.plan, { id: planId, municipalityCode: 'TIR', status: 'draft', councilDecision: null })
  await step(
    'revisePlanDetails',
    { planId, nationalStrategies: [text('Strategjia Kombëtare për Barazinë Gjinore 2021–2030')] },
    'plan.details-revised.v1',
    1,
  )
  await step('addArea', { planId, areaId, code: 'IV', title: text('Fuqizimi ekonomik') }, 'plan.area-added.v1', 2)
  const objective = await step(
    'addObjective',
    { planId, objectiveId, areaId, level: 'strategic', code: 'IV.2', title: text('Shërbime për viktimat') },
    'plan.objective-added.v1',
    3,
  )
  t.match(objective.plan, { counts: { areas: 1, objectives: 1, measures: 0, indicators: 0 } })
  const measure = await step(
    'addMeasure',
    {
      planId,
      measureId,
      objectiveId,
      code: 'IV.2.1',
      title: text('Strehëz për viktimat'),
      leadActors: [text('Bashkia Tiranë')],
      supportingActors: [text('UN Women')],
      schedule: text('Çdo vit'),
      deadline: '2026-12-31',
      output: text('Strehëz funksionale'),
      dataSource: text('REVALB'),
      monitoringBody: text('Këshilli Bashkiak'),
      legalReferences: [text('Ligji nr. 9669')],
    },
    'plan.measure-added.v1',
    4,
  )
  t.match(measure, {
    measure: { id: measureId, code: 'IV.2.1', status: 'planned', statusHistory: [] },
    plan: { id: planId, counts: { measures: 1 } },
  })
  const revised = await step(
    'reviseMeasure',
    { planId, measureId, title: text('Strehëz e përkohshme për viktimat'), reason: text('Strehëza është e përkohshme') },
    'plan.measure-revised.v1',
    5,
  )
  t.same((revised.measure as { title: unknown }).title, { sq: 'Strehëz e përkohshme për viktimat', en: null })

  const defined = await step(
    'defineIndicator',
    {
      indicatorId,
      planId,
      municipality: 'TIR',
      attachedTo: { kind: 'measure', id: measureId },
      code: 'IV.2.1/a',
      name: text('Gra të strehuara'),
      unit: 'count',
      direction: 'higher_is_better',
      accumulation: 'per_period',
      disaggregations: [{ dimension: 'age_group', categories: ['0-17', '18+'], exhaustive: true }],
      dataSource: text('REVALB'),
      nationalCode: 'SKBGJ-4.2',
    },
    'indicator.defined.v1',
    0,
  )
  t.match(defined.indicator, { id: indicatorId, code: 'IV.2.1/a', baseline: null, values: [], targets: [] })
  await step(
    'defineIndicator',
    {
      indicatorId: shareId,
      planId,
      municipality: 'TIR',
      attachedTo: { kind: 'objective', id: objectiveId },
      code: 'IV.2/b',
      name: text('Pjesa e buxhetit për shërbime të specializuara'),
      unit: 'percent',
      direction: 'higher_is_better',
      accumulation: 'per_period',
      computed: { kind: 'budget-share', category: 'dv-specialised-services' },
    },
    'indicator.defined.v1',
    0,
  )
  const baseline = await step(
    'setBaseline',
    { indicatorId, value: '10', year: 2023, note: text('Raporti 2023') },
    'indicator.baseline-set.v1',
    1,
  )
  t.same((baseline.indicator as { baseline: unknown }).baseline, { value: '10', year: 2023 })
  const target = await step(
    'setTarget',
    { indicatorId, period: '2024', target: { kind: 'absolute', value: '30' } },
    'indicator.target-set.v1',
    2,
  )
  t.same((target.indicator as { targets: unknown }).targets, [{ period: '2024', target: { kind: 'absolute', value: '30' } }])
  await step(
    'setTarget',
    { indicatorId, period: 'end-of-plan', target: { kind: 'relative', changePercent: '200', over: 'baseline' } },
    'indicator.target-set.v1',
    3,
  )
  await step(
    'setTarget',
    { indicatorId: shareId, period: '2024', target: { kind: 'range', lower: '2', upper: '3' } },
    'indicator.target-set.v1',
    1,
  )
  // The budget is planned with the content the council approves.
  const line = await step(
    'planBudgetLine',
    {
      budgetLineId,
      planId,
      measureId,
      municipality: 'TIR',
      fiscalYear: 2024,
      fundingSource: { kind: 'local_budget', name: 'Buxheti vendor' },
      categories: ['dv-specialised-services'],
      planned: { amount: { amount: '150000000', currency: 'ALL' } },
    },
    'budget-line.planned.v1',
    0,
  )
  t.same(line.budgetLine, {
    id: budgetLineId,
    municipality: 'TIR',
    categories: ['dv-specialised-services'],
    planned: { amount: { amount: '150000000', currency: 'ALL' }, costingText: null },
    allocated: null,
    executed: null,
  })
  const costed = await step(
    'revisePlannedCost',
    { budgetLineId, planned: { costingText: 'Sipas kostimit të MSHMS' } },
    'budget-line.planned-cost-revised.v1',
    1,
  )
  t.same((costed.budgetLine as { planned: unknown }).planned, { amount: null, costingText: 'Sipas kostimit të MSHMS' })
  const submitted = await step('submitPlan', { planId }, 'plan.submitted.v1', 6)
  t.match(submitted.plan, { status: 'draft', review: { status: 'submitted', comments: null } })
  const approved = await step(
    'approvePlan',
    { planId, councilDecision: { number: 'Nr. 112', date: '2024-02-15' } },
    'plan.approved.v1',
    7,
    reviewer,
  )
  t.match(approved.plan, {
    status: 'approved',
    review: { status: 'approved' },
    councilDecision: { number: 'Nr. 112', date: '2024-02-15' },
  })

  const byAge = (children: string) => [
    {
      dimension: 'age-group',
      categories: [
        { category: '0-17', value: children },
        { category: '18+', value: '20' },
      ],
    },
  ]
  const figure = (value: string, children: string) => ({ indicatorId, period: '2024', value, breakdown: byAge(children) })
  const reported = await step('reportIndicatorValue', { ...figure('24', '4'), source: text('REVALB') }, 'indicator.value-reported.v1', 4)
  t.same(
    (reported.indicator as { values: unknown }).values,
    [{ period: '2024', value: '24', corrections: 0 }],
    'the payload reads its own write',
  )
  const corrected = await step(
    'correctIndicatorValue',
    { ...figure('25', '5'), reason: text('U numërua një grua më shumë') },
    'indicator.value-corrected.v1',
    5,
  )
  t.same((corrected.indicator as { values: unknown }).values, [{ period: '2024', value: '25', corrections: 1 }])
  const started = await step(
    'changeMeasureStatus',
    { planId, measureId, status: 'in_progress', date: '2024-03-01', reason: text('Filloi puna') },
    'plan.measure-status-changed.v1',
    8,
  )
  t.same((started.measure as { statusHistory: unknown }).statusHistory, [
    { from: 'planned', to: 'in_progress', date: '2024-03-01', reason: { sq: 'Filloi puna' } },
  ])

  const allocated = await step(
    'allocateBudget',
    { budgetLineId, allocated: { amount: '135000000', currency: 'ALL' }, date: '2024-01-31', decision: 'VKB nr. 3' },
    'budget-line.allocated.v1',
    2,
  )
  t.same((allocated.budgetLine as { allocated: unknown }).allocated, { amount: '135000000', currency: 'ALL' })
  const spent = await step(
    'recordExpenditure',
    { budgetLineId, executed: { amount: '90000000', currency: 'ALL' }, asOf: '2024-12-31', note: text('Pagesat e vitit') },
    'budget-line.expenditure-recorded.v1',
    3,
  )
  t.same((spent.budgetLine as { executed: unknown }).executed, { amount: '90000000', currency: 'ALL' })
  const retag = { budgetLineId, categories: ['dv-specialised-services', 'gender-responsive-budgeting'] }
  const locked = await send(service, 'retagBudgetLine', { commandId: randomUUID(), ...retag }, service.token(principals.admin))
  t.match(locked.errors, [{ extensions: { trgCode: 'TRG_PLAN_LOCKED' } }], 'the approved plan is changed only once it is reopened')
  const reopened = await step('reopenPlan', { planId, reason: text('Shtohet një kategori buxhetore') }, 'plan.reopened.v1', 9)
  t.match(reopened.plan, { status: 'approved', review: { status: 'reopened', comments: { sq: 'Shtohet një kategori buxhetore' } } })
  const retagged = await step('retagBudgetLine', retag, 'budget-line.retagged.v1', 4)
  t.same((retagged.budgetLine as { categories: unknown }).categories, ['dv-specialised-services', 'gender-responsive-budgeting'])
  await step(
    'recordExpenditure',
    { budgetLineId, executed: { amount: '140000000', currency: 'ALL' }, asOf: '2025-01-31' },
    'budget-line.expenditure-recorded.v1',
    5,
  )
  // The 2024 report submitted and approved: everyone reads its figures from now on.
  await step('submitReport', { planId, period: '2024' }, 'plan.report-submitted.v1', 10)
  await step('approveReport', { planId, period: '2024' }, 'plan.report-approved.v1', 11, reviewer)
  const overspent = await service.graphql<any>(
    `query ($id: ID!) {
      plan(id: $id) { budgetLines { id executed { amount } executionFlags } }
      budgetSummary(municipality: "TIR", fiscalYear: 2024) { lines { executed executedAboveAllocation executedWithoutAllocation } executionRate { value } }
    }`,
    { id: planId },
    service.token(principals.viewer),
  )
  t.same(
    overspent.data?.plan.budgetLines,
    [{ id: budgetLineId, executed: { amount: '140000000' }, executionFlags: ['executed_above_allocation'] }],
    'spending above the allocation is recorded as reported, and flagged',
  )
  t.same(overspent.data?.budgetSummary, {
    lines: { executed: 1, executedAboveAllocation: 1, executedWithoutAllocation: 0 },
    executionRate: { value: '1.037037037037' },
  })

  const share = await service.graphql<{ indicator: { actual: { value: string } } }>(
    'query ($id: ID!) { indicator(id: $id) { actual(period: "2024") { value } } }',
    { id: shareId },
    service.token(principals.viewer),
  )
  t.equal(share.data?.indicator.actual.value, '0.9', '135,000,000 of 15,000,000,000 lekë allocated to the category: 0.9 %')

  const closed = await step('closePlan', { planId, date: '2026-12-31', reason: text('Plani përfundoi') }, 'plan.closed.v1', 12)
  t.match(closed.plan, { status: 'closed', closed: { date: '2026-12-31' } })

  t.same(
    [...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    positions,
    'each write is after the one before',
  )
  t.equal(await service.store.headPosition(), positions.at(-1))
  const log = await collect(service.store.readAll())
  t.equal(log.length, positions.length, 'one event per mutation, nothing else')
  t.same(
    log.filter((event) => (event.metadata.actor as { id: string }).id !== 'admin-1').map((event) => event.type),
    ['plan.approved.v1', 'plan.report-approved.v1'],
    'each recorded as the admin, but the approvals, as the reviewer',
  )
})

t.test("an area's code and English label are corrected after it was added, and the plan shows them", async (t) => {
  const service = await startService(t)
  const token = service.token(principals.editorElbasan)
  const world = await buildWorld(service.store)
  const revised = await send(
    service,
    'reviseArea',
    {
      commandId: randomUUID(),
      planId: world.planId,
      areaId: world.areaId,
      code: 'A',
      title: text('Fusha I', 'Area I'),
      reason: text('Kodi dhe emri në anglisht si në vendim'),
    },
    token,
  )
  t.match(revised, { errors: [], payload: { eventTypes: ['plan.area-revised.v1'], plan: { id: world.planId } } })
  const { data } = await service.graphql<{ plan: { areas: unknown[] } }>(
    'query ($id: ID!, $at: Position) { plan(id: $id, consistentWith: $at) { areas { id code title { sq en } } } }',
    { id: world.planId, at: revised.payload!.position },
  )
  t.same(data?.plan.areas, [{ id: world.areaId, code: 'A', title: { sq: 'Fusha I', en: 'Area I' } }])
  const again = await send(
    service,
    'reviseArea',
    { commandId: randomUUID(), planId: world.planId, areaId: world.areaId, code: 'A', reason: text('Sërish') },
    token,
  )
  t.match(again.payload, { eventTypes: [], position: null }, 'the same code again changes nothing')
})

t.test('the same command id again returns the first result and writes nothing; with another input it is refused', async (t) => {
  const service = await startService(t)
  const token = service.token(principals.editorElbasan)
  const world = await buildWorld(service.store)
  const input = inputFor('reportIndicatorValue', world)
  const first = await send(service, 'reportIndicatorValue', input, token)
  t.same(first.errors, [])
  const head = await service.store.headPosition()

  const again = await send(service, 'reportIndicatorValue', input, token)
  t.same(again.errors, [])
  t.same(again.payload, { ...first.payload, replayed: true }, 'the first result, marked as a replay')
  const changed = await send(service, 'reportIndicatorValue', { ...input, value: '99' }, token)
  t.equal(changed.payload, null, 'another value under the same id is not taken for a retry')
  t.match(changed.errors, [
    {
      message: `Command id ${input.commandId} was already used for another command (recorded in "indicator-${world.indicatorId}"): a retry must send the same command; a new command needs a new id`,
      extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_COMMAND_ID_REUSED', field: 'commandId' },
    },
  ])
  const elsewhere = await send(
    service,
    'changeMeasureStatus',
    { ...inputFor('changeMeasureStatus', world), commandId: input.commandId },
    token,
  )
  t.match(
    elsewhere.errors,
    [{ extensions: { trgCode: 'TRG_COMMAND_ID_REUSED', field: 'commandId' } }],
    'nor for a command on another entity',
  )
  t.equal(await service.store.headPosition(), head, 'nothing was written')

  const status = inputFor('changeMeasureStatus', world)
  const changedStatus = await send(service, 'changeMeasureStatus', status, token)
  const unchanged = await send(service, 'changeMeasureStatus', { ...status, commandId: randomUUID() }, token)
  t.match(
    unchanged.payload,
    {
      position: null,
      revision: changedStatus.payload!.revision,
      replayed: false,
      eventTypes: [],
      measure: { status: 'in_progress' },
    },
    'a command that changes nothing writes nothing and still shows the entity',
  )
})

t.test("reviseIndicator corrects an indicator's name and code, and its history keeps why", async (t) => {
  const service = await startService(t)
  const admin = service.token(principals.admin)
  const world = await buildWorld(service.store)
  const revised = await send(
    service,
    'reviseIndicator',
    {
      commandId: randomUUID(),
      indicatorId: world.indicatorId,
      code: 'I.1/T1-a',
      name: { sq: 'Numri i pjesëmarrësve në trajnime', en: 'Participants in trainings' },
      reason: { sq: 'Emri në anglisht, sipas planit të miratuar' },
    },
    service.token(principals.editorElbasan),
  )
  t.same(revised.errors, [])
  t.match(revised.payload, { eventTypes: ['indicator.revised.v1'], indicator: { id: world.indicatorId, code: 'I.1/T1-a' } })
  const read = await service.graphql<any>(
    `query ($id: ID!) {
      indicator(id: $id) { code name { sq en } }
      history(entityId: $id, first: 20) { edges { node { type reason { sq } changes { path before after } } } }
    }`,
    { id: world.indicatorId },
    admin,
  )
  t.same(read.data.indicator, { code: 'I.1/T1-a', name: { sq: 'Numri i pjesëmarrësve në trajnime', en: 'Participants in trainings' } })
  const entry = read.data.history.edges.map((edge: any) => edge.node).find((node: any) => node.type === 'indicator.revised.v1')
  t.same(entry.reason, { sq: 'Emri në anglisht, sipas planit të miratuar' }, 'why, in Albanian, as sent')
  t.ok(
    entry.changes.some((change: any) => change.path.endsWith('/code') && change.after === 'I.1/T1-a'),
    'the code it changed',
  )
  const refused = await send(
    service,
    'reviseIndicator',
    { commandId: randomUUID(), indicatorId: world.indicatorId, reason: { sq: 'Asgjë' } },
    admin,
  )
  t.match(refused.errors, [{ extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_INVALID_COMMAND' } }], 'a revision names what it changes')
})

t.test('with expectedRevision a command is decided on exactly that revision', async (t) => {
  const service = await startService(t)
  const token = service.token(principals.admin)
  const world = await buildWorld(service.store)
  // The world's plan: drafted, an area, an objective, a measure, submitted, approved, reopened.
  const revised = await send(service, 'revisePlanDetails', { ...inputFor('revisePlanDetails', world), expectedRevision: 6 }, token)
  t.same(revised.errors, [], 'the revision the plan is at: accepted')
  t.equal(revised.payload?.revision, 7)

  const head = await service.store.headPosition()
  const stale = await send(
    service,
    'revisePlanDetails',
    { ...inputFor('revisePlanDetails', world), title: text('Tjetër'), expectedRevision: 6 },
    token,
  )
  t.equal(stale.payload, null)
  t.match(stale.errors, [
    {
      message: `Stream "plan-${world.planId}" was expected at revision 6 but is at revision 7`,
      extensions: {
        code: 'CONFLICT',
        trgCode: 'TRG_STORE_WRONG_EXPECTED_REVISION',
        details: { stream: `plan-${world.planId}`, expected: '6', actual: '7' },
      },
    },
  ])
  const taken = await send(service, 'draftPlan', { ...inputFor('draftPlan', world), planId: world.planId, expectedRevision: -1 }, token)
  t.match(
    taken.errors,
    [{ extensions: { code: 'CONFLICT', details: { expected: 'no_stream', actual: '7' } } }],
    '-1: the plan must not exist yet',
  )
  const missing = await send(
    service,
    'approvePlan',
    { ...inputFor('approvePlan', world), planId: randomUUID(), expectedRevision: 0 },
    token,
  )
  t.match(missing.errors, [{ extensions: { code: 'CONFLICT', details: { expected: '0', actual: 'no_stream' } } }])
  const negative = await send(service, 'revisePlanDetails', { ...inputFor('revisePlanDetails', world), expectedRevision: -2 }, token)
  t.match(negative.errors, [{ extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_INVALID_COMMAND', field: 'expectedRevision' } }])
  t.equal(await service.store.headPosition(), head, 'the refusals wrote nothing')

  const created = await send(service, 'draftPlan', { ...inputFor('draftPlan', world), expectedRevision: -1 }, token)
  t.equal(created.payload?.revision, 0, '-1 for a plan that does not exist yet: accepted')

  const concurrent = await Promise.all(
    ['Titulli A', 'Titulli B'].map((title) =>
      send(service, 'revisePlanDetails', { ...inputFor('revisePlanDetails', world), title: text(title), expectedRevision: 7 }, token),
    ),
  )
  t.same(
    concurrent.map(({ errors }) => errors[0]?.extensions?.code ?? 'ok').sort(),
    ['CONFLICT', 'ok'],
    'two edits of the same revision: one wins, the other is told',
  )
})

t.test('refusals say what is wrong, with the field; nothing is written', async (t) => {
  const service = await startService(t)
  const token = service.token(principals.admin)
  const world = await buildWorld(service.store)
  const head = await service.store.headPosition()
  const refusal = async (name: MutationName, changes: Record<string, unknown>) => {
    const { payload, errors } = await send(service, name, { ...inputFor(name, world), ...changes }, token)
    t.equal(payload, null, `${name} refused`)
    return errors[0]?.extensions
  }

  t.match(await refusal('draftPlan', { period: { from: 2026, to: 2024 } }), {
    code: 'BAD_USER_INPUT',
    trgCode: 'TRG_INVALID_COMMAND',
    field: 'period.to',
    details: { command: 'DraftPlan', field: 'period.to', problem: 'must not be before from' },
  })
  t.match(await refusal('addMeasure', { title: { sq: '  ' } }), { code: 'BAD_USER_INPUT', field: 'title.sq' })
  t.match(await refusal('addArea', { planId: 'plan-7' }), { code: 'BAD_USER_INPUT', field: 'planId' })
  t.match(
    await refusal('reviseMeasure', { title: null }),
    { code: 'BAD_USER_INPUT', field: '(command)' },
    'null is left out: nothing left to revise',
  )
  t.match(await refusal('addObjective', { occurredAt: '2024-02-01T10:00:00' }), { code: 'BAD_USER_INPUT' }, 'a time without its zone')
  t.match(await refusal('setTarget', { target: { kind: 'absolute', value: '5', lower: '3' } }), {
    code: 'BAD_USER_INPUT',
    field: 'target.lower',
    details: { problem: 'is not part of a absolute target' },
  })
  t.match(await refusal('setTarget', { target: { kind: 'relative', changePercent: '-120', over: 'previous_period' } }), {
    code: 'BAD_USER_INPUT',
    field: 'target.changePercent',
  })
  const twice = [
    { category: 'F', value: '20' },
    { category: 'F', value: '25' },
  ]
  t.match(await refusal('reportIndicatorValue', { breakdown: [{ dimension: 'sex', categories: twice }] }), {
    field: 'breakdown.sex.F',
    details: { problem: 'is given twice' },
  })
  const sex = [
    { category: 'F', value: '20' },
    { category: 'M', value: '25' },
  ]
  t.match(
    await refusal('reportIndicatorValue', {
      breakdown: [
        { dimension: 'sex', categories: sex },
        { dimension: 'sex', categories: sex },
      ],
    }),
    {
      field: 'breakdown.sex',
    },
  )
  t.match(
    await refusal('reportIndicatorValue', {
      breakdown: [
        {
          dimension: 'sex',
          categories: [
            { category: 'F', value: '20' },
            { category: 'M', value: '20' },
          ],
        },
      ],
    }),
    {
      code: 'BAD_USER_INPUT',
      trgCode: 'TRG_BREAKDOWN_MISMATCH',
      details: { dimension: 'sex', total: '45', sum: '40' },
    },
  )
  t.match(await refusal('allocateBudget', { allocated: { amount: '100', currency: 'EUR' } }), {
    code: 'BAD_USER_INPUT',
    trgCode: 'TRG_CURRENCY_MISMATCH',
    field: 'allocated',
  })
  t.match(await refusal('approvePlan', {}), {
    code: 'CONFLICT',
    trgCode: 'TRG_INVALID_STATE',
    details: { entity: 'plan', id: world.planId, state: 'reopened', action: 'approved' },
  })
  t.match(await refusal('changeMeasureStatus', { measureId: world.objectiveId }), {
    code: 'NOT_FOUND',
    trgCode: 'TRG_NOT_FOUND',
    details: { entity: 'measure' },
  })
  t.match(await refusal('correctIndicatorValue', { period: '2025' }), { code: 'NOT_FOUND', trgCode: 'TRG_VALUE_NOT_REPORTED' })
  t.match(await refusal('registerMunicipality', { code: 'ELB', name: text('Elbasan') }), {
    code: 'CONFLICT',
    trgCode: 'TRG_ALREADY_EXISTS',
  })
  t.match(await refusal('registerMunicipality', { country: 'XK', currency: 'EUR', kind: 'bashkia' }), {
    code: 'BAD_USER_INPUT',
    field: 'kind',
  })
  t.equal(await service.store.headPosition(), head, 'nothing was written')
})

t.test('the actor, command id and business time are recorded with the events', async (t) => {
  const service = await startService(t)
  const token = service.token(principals.editorElbasan)
  const world = await buildWorld(service.store)
  const given = { ...inputFor('setBaseline', world), occurredAt: '2024-02-01T10:00:00+01:00' }
  await send(service, 'setBaseline', given, token)
  const before = Date.now()
  const now = inputFor('setTarget', world)
  await send(service, 'setTarget', { ...now, occurredAt: null }, token)
  const [, , baseline, target] = await collect(service.store.readStream(`indicator-${world.indicatorId}`))
  t.match(baseline!.metadata, {
    actor: { id: 'editor-elb', role: 'editor', municipality: 'ELB' },
    commandId: given.commandId,
    correlationId: given.commandId,
    causationId: given.commandId,
    occurredAt: '2024-02-01T10:00:00+01:00',
    envelopeVersion: 1,
    chain: { previous: /^[0-9a-f]{64}$/, hash: /^[0-9a-f]{64}$/ },
  })
  const stamped = Date.parse(target!.metadata.occurredAt as string)
  t.ok(stamped >= before - 1000 && stamped <= Date.now() + 1000, 'left out, the business time is the server clock')
})

t.test('Albanian text goes in and comes out as written', async (t) => {
  const service = await startService(t)
  const token = service.token(principals.editorElbasan)
  const world = await buildWorld(service.store)
  const title = text('Çështjet e barazisë gjinore në Elbasan: ëndrra, çmimi, Ç/ë/Ë', 'Gender equality in Elbasan')
  const { payload } = await send(service, 'revisePlanDetails', { ...inputFor('revisePlanDetails', world), title }, token)
  t.same((payload!.plan as { title: unknown }).title, title)
  const query = await service.graphql<{ plan: { title: unknown } }>(
    'query ($id: ID!, $at: Position) { plan(id: $id, consistentWith: $at) { title { sq en } } }',
    { id: world.planId, at: payload?.position },
    token,
  )
  t.same(query.data?.plan.title, title)
  const last = (await collect(service.store.readStream(`plan-${world.planId}`))).at(-1)!
  t.same((last.data as { title: unknown }).title, title, 'stored as written')
})
