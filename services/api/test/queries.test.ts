import { seedId } from '@treguesi/seeds'
import t from 'tap'
import { principals, startService, type TestService } from './support/service.js'

// Read-only queries over the seed plans: one service serves every test of this file.
const service = await startService(t)

async function data<Data = any>(query: string, variables?: object, token?: string): Promise<Data> {
  const response = await service.graphql<Data>(query, variables, token)
  if (response.errors !== undefined) throw new Error(JSON.stringify(response.errors))
  return response.data as Data
}

async function errorOf(query: string, variables?: object, token?: string) {
  const response = await service.graphql(query, variables, token)
  return response.errors?.[0]
}

const elbasanIndicator = (code: string) => seedId('elbasan-gender-equality', 'indicator', code)

async function planIdOf(kind: string, municipality: string, s: TestService = service): Promise<string> {
  const response = await s.graphql<any>(
    'query ($m: String, $k: PlanKind) { plans(municipality: $m, kind: $k) { edges { node { id } } } }',
    { m: municipality, k: kind },
  )
  return response.data.plans.edges[0].node.id
}

t.test('the DOMAIN.md table through GraphQL: Elbasan attainments as the report quotes them', async (t) => {
  const result = await data(`{
    plans(municipality: "ELB", kind: gender_equality) {
      edges { node { title { sq } indicators { code attainment { value reason } rating { value } period periodChoice } } }
    }
  }`)
  const [plan] = result.plans.edges
  const byCode = new Map<string, any>(plan.node.indicators.map((indicator: any) => [indicator.code, indicator]))
  const attainment = (code: string) => byCode.get(code).attainment.value
  t.equal(attainment('II.1/T1'), '0.9', '4,500 people against 5,000')
  t.equal(attainment('II.2/T1'), '0.842105263158', '80 parents against 95')
  t.equal(attainment('III.1/T1'), '1.222222222222', '22,000 informed against 18,000')
  t.equal(attainment('III.2/T1'), '0.03', '0.03 % against 1 %')
  t.equal(attainment('IV.1/T1'), '2.333333333333', '14 audits against 6, uncapped')
  t.equal(attainment('IV.2/T1'), '0.45', 'the 0.9 % budget share against 2 %')
  t.same(byCode.get('IV.1/T1').rating, { value: 'achieved' })
  t.same(byCode.get('II.2/T1').rating, { value: 'partly' })
  t.equal(byCode.get('IV.2/T1').period, '2024')
  t.equal(byCode.get('IV.2/T1').periodChoice, 'latest_with_actual_and_target')
  t.match(plan.node.title.sq, /Barazinë Gjinore/, 'Albanian text as recorded')
})

t.test('indicator(id): definition, targets as given and resolved, values with breakdowns, figures for a chosen period', async (t) => {
  const { indicator } = await data(
    `query ($id: ID!) { indicator(id: $id) {
      id planId plan { id } municipality attachedTo { kind id } code name { sq en } unit currency direction accumulation
      disaggregations { dimension categories exhaustive } dataSource { sq } nationalCode computed { kind category } baseline { value year }
      targets { period appliesTo target { kind value changePercent over lower upper } resolved { kind value lower upper reason explanation } }
      values { period value text { sq } breakdowns { dimension categories { category value } } numerator denominator source { sq } note { sq } computed corrections }
      corrections period periodChoice actual { value reason } target { period appliesTo } attainment { value } progress { value reason explanation }
      rating { value reason explanation } latestValue { period value text { sq } }
      history { kind period value { value breakdowns { dimension } } reason { sq } previous { value } position recordedAt occurredAt actor { id role municipality } }
    } }`,
    { id: elbasanIndicator('II.1/T1') },
  )
  t.equal(indicator.id, elbasanIndicator('II.1/T1'))
  t.equal(indicator.plan.id, indicator.planId)
  t.equal(indicator.municipality, 'ELB')
  t.equal(indicator.attachedTo.kind, 'objective')
  t.equal(indicator.unit, 'count')
  t.equal(indicator.currency, null)
  t.equal(indicator.direction, 'higher_is_better')
  t.equal(indicator.accumulation, 'cumulative')
  t.same(indicator.disaggregations, [])
  t.equal(indicator.computed, null)
  t.equal(indicator.baseline, null)
  t.same(indicator.targets, [
    {
      period: 'end-of-plan',
      appliesTo: '2024',
      target: { kind: 'absolute', value: '5000', changePercent: null, over: null, lower: null, upper: null },
      resolved: { kind: 'value', value: '5000', lower: null, upper: null, reason: null, explanation: null },
    },
  ])
  t.match(indicator.values, [{ period: '2024', value: '4500', computed: false, corrections: 0, breakdowns: [] }])
  t.same(indicator.latestValue, { period: '2024', value: '4500', text: null })
  t.same(indicator.actual, { value: '4500', reason: null })
  t.same(indicator.target, { period: 'end-of-plan', appliesTo: '2024' })
  t.same(indicator.progress, { value: null, reason: 'no-baseline', explanation: 'the figure needs a baseline and none is set' })
  t.same(indicator.rating, { value: 'on_track', reason: null, explanation: null })
  t.match(indicator.history, [
    {
      kind: 'reported',
      period: '2024',
      value: { value: '4500' },
      reason: null,
      previous: null,
      position: /^\d+$/,
      actor: { role: 'system' },
    },
  ])

  // A period asked for, on every figure that takes one.
  const { indicator: in2023 } = await data(
    `query ($id: ID!) { indicator(id: $id) { period(period: "2023") periodChoice(period: "2023") actual(period: "2023") { value reason }
      target(period: "2023") { period } attainment(period: "2023") { value reason explanation } progress(period: "2023") { reason }
      rating(period: "2023") { value reason } values(period: "2023") { value } } }`,
    { id: elbasanIndicator('II.1/T1') },
  )
  t.same(in2023, {
    period: '2023',
    periodChoice: 'requested',
    actual: { value: null, reason: 'no-actual' },
    target: null,
    attainment: { value: null, reason: 'no-actual', explanation: 'no value was reported for the period' },
    progress: { reason: 'no-actual' },
    rating: { value: 'no_data', reason: 'no-actual' },
    values: [],
  })

  const { indicator: share } = await data(
    'query ($id: ID!) { indicator(id: $id) { unit computed { kind category } values { period value computed } } }',
    {
      id: elbasanIndicator('IV.2/T1'),
    },
  )
  t.same(share, {
    unit: 'percent',
    computed: { kind: 'budget-share', category: 'dv-specialised-services' },
    values: [{ period: '2024', value: '0.9', computed: true }],
  })

  const { indicator: byArea } = await data(
    'query ($id: ID!) { indicator(id: $id) { disaggregations { dimension categories exhaustive } } }',
    {
      id: elbasanIndicator('IV.1 (b)/T1'),
    },
  )
  t.same(byArea.disaggregations, [{ dimension: 'area', categories: ['urban', 'rural'], exhaustive: true }])

  const { indicator: withBreakdown } = await data(
    `query ($id: ID!) { indicator(id: $id) { values { breakdowns { dimension categories { category value } } } history { value { breakdowns { dimension categories { category value } } } } } }`,
    { id: elbasanIndicator('III.2 (f)/T1') },
  )
  t.same(withBreakdown.values[0].breakdowns, [{ dimension: 'sex', categories: [{ category: 'F', value: '55' }] }])
  t.same(withBreakdown.history[0].value.breakdowns, withBreakdown.values[0].breakdowns)

  t.equal((await data('{ indicator(id: "00000000-0000-4000-8000-000000000000") { id } }')).indicator, null, 'unknown: null')
  t.equal((await data('{ indicator(id: "constructor") { id } }')).indicator, null, 'an id that is a property of every object: null')
})

t.test('relative, range and milestone targets: as given, and resolved or not with the reason', async (t) => {
  const romaPlan = await planIdOf('roma_egyptian_integration', 'ELB')
  const { plan } = await data(
    `query ($id: ID!) { plan(id: $id) { indicators { code baseline { value year } targets { period target { kind changePercent over } resolved { kind value reason explanation } } } } }`,
    { id: romaPlan },
  )
  const relative = plan.indicators.flatMap((indicator: any) => indicator.targets).filter((target: any) => target.target.kind === 'relative')
  t.ok(relative.some((target: any) => target.target.over === 'baseline'))
  t.ok(relative.some((target: any) => target.target.over === 'previous_period'))
  const unresolved = relative.find((target: any) => target.resolved.value === null)
  t.same(unresolved.resolved.kind, null, 'an unresolved target has no kind')
  t.match(unresolved.resolved.reason, /^no-(baseline|previous-actual)$/)
  t.type(unresolved.resolved.explanation, 'string')

  const drenasPlan = await planIdOf('domestic_violence', 'DRE')
  const { plan: drenas } = await data(
    `query ($id: ID!) { plan(id: $id) { indicators { code latestValue { period } targets { target { kind lower upper } resolved { kind value lower upper } } } } }`,
    { id: drenasPlan },
  )
  t.ok(
    drenas.indicators.every((indicator: any) => indicator.latestValue === null),
    'a plan that reports nothing yet has no latest values',
  )
  const targets = drenas.indicators.flatMap((indicator: any) => indicator.targets)
  t.match(
    targets.find((target: any) => target.target.kind === 'range'),
    { target: { kind: 'range', lower: '2', upper: '3' }, resolved: { kind: 'range', value: '2', lower: '2', upper: '3' } },
  )
  t.match(
    targets.find((target: any) => target.target.kind === 'milestone'),
    { resolved: { kind: 'milestone', value: '1' } },
  )
})

t.test('plan(id): the whole tree, areas → objectives → measures → indicators, with roll-ups and how they are made', async (t) => {
  const planId = await planIdOf('gender_equality', 'ELB')
  const { plan } = await data(
    `query ($id: ID!) { plan(id: $id) {
      id municipalityCode municipality { code } kind title { sq en } period { from to } status councilDecision { number date } closed { date }
      nationalStrategies { sq } thresholds { achieved onTrack partly } counts { areas objectives measures indicators }
      rollUp { attainment { value reason } rating indicators counted ratings { rating count } measures measureStatuses { status count } method }
      areas { id code title { sq } rollUp { method counted }
        objectives { id code level title { sq } parentId rollUp { method attainment { value } } children { id }
          indicators { code attainment { value } }
          measures { id code title { sq } objectiveId status statusHistory { from to date reason { sq } } leadActors { sq } supportingActors { sq }
            schedule { sq } deadline output { sq } dataSource { sq } monitoringBody { sq } legalReferences { sq }
            budgetLines { id fiscalYear categories planned { amount { amount currency } costingText } allocated { amount } }
            indicators { code } } } }
      measures { id code status }
      indicators { code }
      budgetLines { id planId measureId municipality fiscalYear fundingSource { kind name } currency executed { amount } }
      budgets2023: budgetLines(fiscalYear: 2023) { id }
    } }`,
    { id: planId },
  )
  t.equal(plan.id, planId)
  t.equal(plan.municipalityCode, 'ELB')
  t.same(plan.municipality, { code: 'ELB' })
  t.equal(plan.kind, 'gender_equality')
  t.same(plan.period, { from: 2022, to: 2024 })
  t.equal(plan.status, 'approved')
  t.match(plan.councilDecision, { number: /Këshillit Bashkiak/, date: '2022-03-01' })
  t.equal(plan.closed, null)
  t.same(plan.thresholds, { achieved: '1', onTrack: '0.9', partly: '0.5' })
  t.equal(plan.counts.areas, 4)
  t.equal(plan.counts.objectives, 8)
  t.equal(plan.areas.length, 4)
  t.same(
    plan.areas.map((area: any) => area.code),
    ['I', 'II', 'III', 'IV'],
  )
  t.match(plan.rollUp.method, /^Mean of the attainments of every indicator of the plan/)
  t.match(plan.areas[0].rollUp.method, /^Mean of the attainments of the indicators of every objective of this area/)
  t.match(plan.areas[1].objectives[0].rollUp.method, /^Mean of the attainments of the indicators of this objective/)
  t.equal(plan.rollUp.measureStatuses.length, 7, 'every status is counted, even at 0')
  t.ok(plan.rollUp.measureStatuses.find((count: any) => count.status === 'completed').count > 0)
  t.ok(plan.rollUp.measureStatuses.find((count: any) => count.status === 'in_progress').count > 0)
  t.same(
    plan.rollUp.ratings.map((count: any) => count.rating),
    ['achieved', 'on_track', 'partly', 'off_track', 'no_data'],
  )
  t.equal(
    plan.rollUp.ratings.reduce((sum: number, count: any) => sum + count.count, 0),
    plan.rollUp.indicators,
    'every indicator under the plan is rated once',
  )
  t.equal(plan.rollUp.counted, plan.rollUp.indicators - plan.rollUp.ratings.find((count: any) => count.rating === 'no_data').count)

  const objectiveII1 = plan.areas[1].objectives.find((objective: any) => objective.code === 'II.1')
  t.same(objectiveII1.indicators, [{ code: 'II.1/T1', attainment: { value: '0.9' } }])
  t.equal(objectiveII1.parentId, null)
  t.equal(objectiveII1.level, 'specific')
  const measures = plan.areas.flatMap((area: any) => area.objectives.flatMap((objective: any) => objective.measures))
  t.same(
    plan.measures.map((measure: any) => measure.id),
    measures.map((measure: any) => measure.id),
    'Plan.measures lists the tree in order',
  )
  const withReason = measures.find((measure: any) => measure.statusHistory.some((change: any) => change.reason !== null))
  t.match(withReason.statusHistory.at(-1), { from: 'planned', to: /^(completed|in_progress)$/, date: '2024-12-31', reason: { sq: String } })
  const withLine = measures.find((measure: any) => measure.budgetLines.length > 0)
  t.match(withLine.budgetLines[0], {
    fiscalYear: 2024,
    categories: ['dv-specialised-services'],
    planned: { amount: null, costingText: String },
    allocated: { amount: '45000000' },
  })
  t.ok(
    measures.some((measure: any) => measure.indicators.length > 0),
    'measures carry their own indicators',
  )
  t.equal(plan.indicators.length, plan.counts.indicators, 'Plan.indicators is every indicator, flattened')
  t.match(plan.budgetLines, [
    {
      planId,
      municipality: 'ELB',
      fiscalYear: 2024,
      fundingSource: { kind: 'local_budget', name: 'Buxheti bashkiak' },
      currency: 'ALL',
      executed: null,
    },
  ])
  t.same(plan.budgets2023, [])

  t.equal((await data('{ plan(id: "00000000-0000-4000-8000-000000000000") { id } }')).plan, null)
})

t.test('nested objectives, planned amounts and the Drenas tree', async (t) => {
  const planId = await planIdOf('domestic_violence', 'DRE')
  const { plan } = await data(
    `query ($id: ID!) { plan(id: $id) { areas { objectives { id code children { code parentId measures { code budgetLines { fiscalYear currency planned { amount { amount currency } costingText } } } } } } } }`,
    { id: planId },
  )
  const parent = plan.areas.flatMap((area: any) => area.objectives).find((objective: any) => objective.children.length > 0)
  t.equal(parent.children[0].parentId, parent.id)
  const line = parent.children.flatMap((child: any) => child.measures.flatMap((measure: any) => measure.budgetLines))[0]
  t.match(line, { currency: 'EUR', planned: { amount: { currency: 'EUR' }, costingText: null } })
})

t.test('municipalities: a connection by code, with budget totals, plans and budget summaries', async (t) => {
  const { municipalities } = await data(`{ municipalities {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { code name { sq } country currency budgetTotals { fiscalYear total { amount currency } }
      budgetTotal(fiscalYear: 2024) { amount } noTotal: budgetTotal(fiscalYear: 1999) { amount }
      plans { kind } approved: plans(status: approved, kind: roma_egyptian_integration) { kind }
      budgetSummary(fiscalYear: 2024) { fiscalYear } } }
  } }`)
  t.equal(municipalities.totalCount, 2)
  t.same(
    municipalities.edges.map((edge: any) => edge.node.code),
    ['DRE', 'ELB'],
  )
  const elbasan = municipalities.edges[1].node
  t.same(elbasan.name, { sq: 'Bashkia Elbasan' })
  t.equal(elbasan.country, 'AL')
  t.equal(elbasan.currency, 'ALL')
  t.same(elbasan.budgetTotals, [{ fiscalYear: 2024, total: { amount: '5000000000', currency: 'ALL' } }])
  t.same(elbasan.budgetTotal, { amount: '5000000000' })
  t.equal(elbasan.noTotal, null)
  t.same(elbasan.plans.map((plan: any) => plan.kind).sort(), ['gender_equality', 'roma_egyptian_integration'])
  t.same(elbasan.approved, [{ kind: 'roma_egyptian_integration' }])
  t.same(elbasan.budgetSummary, { fiscalYear: 2024 })
  t.same(municipalities.pageInfo, {
    hasNextPage: false,
    hasPreviousPage: false,
    startCursor: municipalities.edges[0].cursor,
    endCursor: municipalities.edges[1].cursor,
  })

  const second = await data(
    'query ($after: String) { municipalities(first: 1, after: $after) { edges { node { code } } pageInfo { hasNextPage hasPreviousPage } } }',
    {
      after: municipalities.edges[0].cursor,
    },
  )
  t.same(second.municipalities, { edges: [{ node: { code: 'ELB' } }], pageInfo: { hasNextPage: false, hasPreviousPage: true } })

  const { municipality } = await data('{ municipality(code: "DRE") { code country currency name { sq } budgetTotals { fiscalYear } } }')
  t.same(municipality, { code: 'DRE', country: 'XK', currency: 'EUR', name: { sq: 'Komuna e Drenasit' }, budgetTotals: [] })
  t.equal((await data('{ municipality(code: "TIR") { code } }')).municipality, null)
  t.equal((await data('{ municipality(code: "constructor") { code } }')).municipality, null)
})

t.test('plans: filters and Relay pagination with opaque cursors', async (t) => {
  const all = await data(
    '{ plans { totalCount edges { cursor node { id municipalityCode kind status } } pageInfo { hasNextPage endCursor } } }',
  )
  t.equal(all.plans.totalCount, 3)
  t.same(
    all.plans.edges.map((edge: any) => edge.node.municipalityCode),
    ['DRE', 'ELB', 'ELB'],
    'by municipality, then start year',
  )
  t.same(
    all.plans.edges.map((edge: any) => edge.node.kind),
    ['domestic_violence', 'gender_equality', 'roma_egyptian_integration'],
  )
  t.notMatch(all.plans.edges[0].cursor, all.plans.edges[0].node.id, 'cursors are opaque')

  const first = await data('{ plans(first: 2) { edges { node { kind } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }')
  t.equal(first.plans.edges.length, 2)
  t.equal(first.plans.pageInfo.hasNextPage, true)
  t.equal(first.plans.pageInfo.hasPreviousPage, false)
  const rest = await data(
    'query ($after: String) { plans(first: 2, after: $after) { edges { node { kind } } pageInfo { hasNextPage hasPreviousPage } } }',
    {
      after: first.plans.pageInfo.endCursor,
    },
  )
  t.same(rest.plans, { edges: [{ node: { kind: 'roma_egyptian_integration' } }], pageInfo: { hasNextPage: false, hasPreviousPage: true } })

  const none = await data('{ plans(first: 0) { edges { cursor } pageInfo { hasNextPage startCursor endCursor } totalCount } }')
  t.same(none.plans, { edges: [], pageInfo: { hasNextPage: true, startCursor: null, endCursor: null }, totalCount: 3 })

  t.same((await data('{ plans(municipality: "DRE") { totalCount } }')).plans, { totalCount: 1 })
  t.same((await data('{ plans(status: draft) { totalCount } }')).plans, { totalCount: 0 })
  t.same((await data('{ plans(status: approved, kind: gender_equality, municipality: "ELB") { totalCount } }')).plans, { totalCount: 1 })

  t.match(await errorOf('{ plans(first: 201) { totalCount } }'), {
    message: 'The request exceeds the page size (first) limit: 201 where at most 200 is allowed',
    extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_LIMIT_EXCEEDED', details: { maximum: 200, actual: 201 } },
  })
  t.match(await errorOf('{ plans(first: -1) { totalCount } }'), { extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_INVALID_VALUE' } })
  t.match(await errorOf('{ plans(after: "bm90LWEtY3Vyc29y") { totalCount } }'), {
    message: /is not a cursor this list gave/,
    extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_INVALID_VALUE', details: { type: 'cursor' } },
  })
  const elbasanCursor = all.plans.edges[1].cursor
  t.match(await errorOf('query ($after: String) { plans(municipality: "DRE", after: $after) { totalCount } }', { after: elbasanCursor }), {
    message: /names an item that is not in this list/,
  })
  t.ok((await data('{ plans(first: 200) { totalCount } }')).plans, 'up to 200 at once')
})

t.test('budgetSummary: the 0.9 % share against the 2 % target, attainment 0.45', async (t) => {
  const { budgetSummary } = await data(`{ budgetSummary(municipality: "ELB", fiscalYear: 2024) {
    municipality fiscalYear currency total { amount currency } totalReason
    planned { amount currency } allocated { amount currency } executed { amount currency }
    lines { total costed nonNumericCosting allocated executed }
    nonNumericCostings { budgetLineId measureId fiscalYear costingText }
    byFundingSource { kind name lines planned { amount } allocated { amount } executed { amount } share { planned { value reason } allocated { value } executed { value } } }
    byFundingKind { kind name }
    executionRate { value reason explanation }
    shares { category amount { amount currency } lines allocatedLines share { value reason } target { value reason } attainment { value reason } indicator { code } }
    plans { kind }
  } }`)
  t.match(budgetSummary, {
    municipality: 'ELB',
    fiscalYear: 2024,
    currency: 'ALL',
    total: { amount: '5000000000', currency: 'ALL' },
    totalReason: null,
    allocated: { amount: '45000000', currency: 'ALL' },
    executionRate: { value: '0', reason: null, explanation: null },
    shares: [
      {
        category: 'dv-specialised-services',
        amount: { amount: '45000000', currency: 'ALL' },
        lines: 1,
        allocatedLines: 1,
        share: { value: '0.9', reason: null },
        target: { value: '2', reason: null },
        attainment: { value: '0.45', reason: null },
        indicator: { code: 'IV.2/T1' },
      },
    ],
  })
  t.ok(budgetSummary.byFundingKind.every((share: any) => share.name === null))
  t.ok(budgetSummary.byFundingSource.some((share: any) => share.kind === 'local_budget'))
  t.match(budgetSummary.nonNumericCostings[0], { fiscalYear: 2024, costingText: String })
  t.same(budgetSummary.plans.map((plan: any) => plan.kind).sort(), ['gender_equality', 'roma_egyptian_integration'])

  const drenas = await data(
    '{ budgetSummary(municipality: "DRE", fiscalYear: 2025) { currency total { amount } totalReason executionRate { value reason explanation } planned { amount currency } } }',
  )
  t.same(drenas.budgetSummary.total, null)
  t.equal(drenas.budgetSummary.totalReason, 'no-budget-total')
  t.same(drenas.budgetSummary.executionRate, {
    value: null,
    reason: 'no-allocation',
    explanation: 'no allocation is recorded for the lines concerned',
  })
  t.equal(drenas.budgetSummary.planned.currency, 'EUR')

  t.equal((await data('{ budgetSummary(municipality: "TIR", fiscalYear: 2024) { currency } }')).budgetSummary, null)
})

t.test('every root query answers a viewer the same as an anonymous caller for approved plans', async (t) => {
  const query = '{ plans { totalCount } municipalities { totalCount } }'
  t.same(await data(query, {}, service.token(principals.viewer)), await data(query))
})
