import { randomUUID } from 'node:crypto'
import { executeCommand } from '@treguesi/commands'
import { draftPlan as draftOf } from '@treguesi/domain/testing'
import { seedId } from '@treguesi/seeds'
import t from 'tap'
import { anonymous, type Principal } from '../src/access/principal.js'
import { loadBudgetLine, loadIndicator, loadMeasure, loadMunicipality, loadPlan } from '../src/graphql/queries/entities.js'
import { allocatedDraft } from './support/allocated-draft.js'
import { freshIds } from './support/fresh-ids.js'
import { contextOf, principals, startService, type TestService } from './support/service.js'

// Queries over what is written after the seeds: drafts, national codes, corrections, the change
// feed and read-your-writes. Every write goes through command handling, as a client's would.

const service = await startService(t)
const viewer = service.token(principals.viewer)
// Elbasan's drafts are for its own editors and admins; signing in alone reads none of them.
const elbasanEditor = service.token(principals.editorElbasan)
const admin = service.token(principals.admin)
const outsiders: ReadonlyArray<readonly [name: string, token: string | undefined]> = [
  ['an anonymous caller', undefined],
  ['a viewer', viewer],
  ['a ministry', service.token(principals.ministry)],
  ["Drenas's editor", service.token(principals.editorDrenas)],
]

async function write(command: Record<string, unknown>, s: TestService = service): Promise<string> {
  const result = await executeCommand(s.store, command, {
    commandId: randomUUID(),
    actor: { id: 'admin-1', role: 'admin' },
    occurredAt: '2025-05-01T10:00:00+02:00',
  })
  return result.position!.toString()
}

/** Defines an indicator counting upwards per period, unless `extra` says otherwise; returns its id. */
async function defineIndicator(
  planId: string,
  municipality: string,
  attachedTo: { kind: 'measure' | 'objective'; id: string },
  code: string,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const indicatorId = randomUUID()
  await write({
    type: 'DefineIndicator',
    indicatorId,
    planId,
    municipality,
    attachedTo,
    code,
    name: { sq: name },
    unit: 'count',
    direction: 'higher-is-better',
    accumulation: 'per-period',
    ...extra,
  })
  return indicatorId
}

async function data<Data = any>(query: string, variables?: object, token?: string): Promise<Data> {
  const response = await service.graphql<Data>(query, variables, token)
  if (response.errors !== undefined) throw new Error(JSON.stringify(response.errors))
  return response.data as Data
}

async function errorOf(query: string, variables?: object, token?: string, s: TestService = service) {
  const response = await s.graphql(query, variables, token)
  return response.errors?.[0]
}

const romaPlan = seedId('elbasan-roma-egyptian', 'plan')
const { plan: roma } = await data('query ($id: ID!) { plan(id: $id) { measures { id } areas { objectives { id } } } }', { id: romaPlan })
const romaMeasure: string = roma.measures[0].id
const romaObjective: string = roma.areas[0].objectives[0].id
const { plans: drenasPlans } = await data(
  '{ plans(municipality: "DRE") { edges { node { id measures { id } areas { objectives { id } } } } } }',
)
const drenasPlan: string = drenasPlans.edges[0].node.id
const drenasObjective: string = drenasPlans.edges[0].node.areas[0].objectives[0].id

// A draft plan of Elbasan with one measure, an indicator tied to a national code, a budget-share
// indicator and an allocated budget line: none of it may reach a caller other than Elbasan's
// editors and admins.
const [draftPlan, draftArea, draftObjective, draftMeasure, draftLine, emptyDraft] = freshIds(6)
await write({ type: 'SetMunicipalBudgetTotal', code: 'ELB', fiscalYear: 2025, total: { amount: '4000000000', currency: 'ALL' } })
const draftIds = { planId: draftPlan, areaId: draftArea, objectiveId: draftObjective, measureId: draftMeasure, budgetLineId: draftLine }
const draftCommands = allocatedDraft(draftIds, {
  municipality: 'ELB',
  title: 'Plan pune — çështje të barazisë në Elbasan',
  fiscalYear: 2025,
  category: 'gender-budgeting',
  amount: '1000000',
})
await write(draftCommands[0]!)
await write(draftOf(emptyDraft, { municipality: 'ELB', kind: 'other', title: { sq: 'Bosh' }, period: { from: 2025, to: 2026 } }))
for (const command of draftCommands.slice(1)) await write(command)
const draftShare = await defineIndicator(draftPlan, 'ELB', { kind: 'measure', id: draftMeasure }, 'A.1.1/T1', 'Pjesa e buxhetit për BPGJ', {
  unit: 'percent',
  computed: { kind: 'budget-share', category: 'gender-budgeting' },
})

// Lines of an approved plan in 2025: one of the category the draft measures, one of the category
// Elbasan's 2022–2024 indicator measures (whose plan does not run in 2025), one of no indicator's.
const tagged = async (category: string) => {
  const budgetLineId = randomUUID()
  await write({
    type: 'PlanBudgetLine',
    budgetLineId,
    planId: romaPlan,
    measureId: romaMeasure,
    municipality: 'ELB',
    fiscalYear: 2025,
    fundingSource: { kind: 'local-budget', name: 'Buxheti vendor' },
    categories: [category],
    planned: { amount: { amount: '2000000', currency: 'ALL' } },
  })
  await write({ type: 'AllocateBudget', budgetLineId, allocated: { amount: '2000000', currency: 'ALL' }, date: '2025-01-15' })
  return budgetLineId
}
// The seed's Roma plan is approved: its budget lines and indicators are added once it is reopened.
await write({ type: 'ReopenPlan', planId: romaPlan, reason: { sq: 'Linja buxhetore për 2025' } })
const approvedLine = await tagged('gender-budgeting')
await tagged('dv-specialised-services')
await tagged('roma-housing')

// National codes: counts with breakdowns, a percentage with and without its counts, amounts in two currencies.
const defineNational = (
  planId: string,
  municipality: string,
  objectiveId: string,
  nationalCode: string,
  extra: Record<string, unknown> = {},
) =>
  defineIndicator(planId, municipality, { kind: 'objective', id: objectiveId }, `N/${nationalCode}`, `Tregues kombëtar ${nationalCode}`, {
    nationalCode,
    ...extra,
  })
for (const [code, unit, counts] of [
  ['NSGE-1', 'count', {}],
  ['NSGE-P', 'percent', { numerator: { sq: 'Vajza' }, denominator: { sq: 'Nxënës' } }],
  ['NSGE-A', 'amount', {}],
] as const) {
  await write({ type: 'DefineNationalIndicator', code, name: { sq: `Tregues kombëtar ${code}` }, unit, ...counts })
}
// Drenas' plan too is approved: its indicators are defined once it is reopened.
await write({ type: 'ReopenPlan', planId: drenasPlan, reason: { sq: 'Tregues kombëtarë' } })
const byBoth = {
  disaggregations: [
    { dimension: 'sex', categories: ['F', 'M'], exhaustive: false },
    { dimension: 'area', categories: ['urban', 'rural'], exhaustive: true },
  ],
}
const elbasanCount = await defineNational(romaPlan, 'ELB', romaObjective, 'NSGE-1', { ...byBoth, dataSource: { sq: 'REVALB' } })
const drenasCount = await defineNational(drenasPlan, 'DRE', drenasObjective, 'NSGE-1', byBoth)
await write({
  type: 'ReportIndicatorValue',
  indicatorId: elbasanCount,
  period: '2025',
  value: '30',
  breakdown: { sex: { F: '10', M: '20' }, area: { urban: '12', rural: '18' } },
})
await write({ type: 'ReportIndicatorValue', indicatorId: drenasCount, period: '2025', value: '7', breakdown: { sex: { F: '5' } } })
const elbasanPercent = await defineNational(romaPlan, 'ELB', romaObjective, 'NSGE-P', { unit: 'percent' })
const drenasPercent = await defineNational(drenasPlan, 'DRE', drenasObjective, 'NSGE-P', { unit: 'percent' })
await write({ type: 'ReportIndicatorValue', indicatorId: elbasanPercent, period: '2025', value: '45', numerator: '45', denominator: '100' })
await write({ type: 'ReportIndicatorValue', indicatorId: drenasPercent, period: '2025', value: '50' })
const elbasanAmount = await defineNational(romaPlan, 'ELB', romaObjective, 'NSGE-A', { unit: 'amount', currency: 'ALL' })
const drenasAmount = await defineNational(drenasPlan, 'DRE', drenasObjective, 'NSGE-A', { unit: 'amount', currency: 'EUR' })
await write({ type: 'ReportIndicatorValue', indicatorId: elbasanAmount, period: '2025', value: '1000' })
await write({ type: 'ReportIndicatorValue', indicatorId: drenasAmount, period: '2025', value: '50' })
// Their 2025 reports approved, the Roma and Drenas plans' figures of 2025 are everyone's to read.
for (const planId of [romaPlan, drenasPlan]) {
  await write({ type: 'SubmitReport', planId, period: '2025' })
  await write({ type: 'ApproveReport', planId, period: '2025' })
}
// The draft gives the same code later for Elbasan: for those who may read it, it supersedes the first.
const draftNational = await defineIndicator(draftPlan, 'ELB', { kind: 'objective', id: draftObjective }, 'A.1/T1', 'Tregues në draft', {
  nationalCode: 'NSGE-1',
})
const lastSetup = await write({ type: 'ReportIndicatorValue', indicatorId: draftNational, period: '2025', value: '100' })
// The queries below read the newest read models without naming a position: they have every write above first.
t.ok(await service.live.reach(BigInt(lastSetup), 5000), 'the read models have the setup')

t.test("Elbasan's drafts are for its editors and admins; everyone else sees its approved plans only", async (t) => {
  const list = '{ plans(municipality: "ELB") { totalCount edges { node { id status } } } }'
  const drafts = '{ plans(status: draft) { totalCount } }'
  const planQuery =
    'query ($id: ID!) { plan(id: $id) { title { sq } status measures { code budgetLines { id } indicators { code } } indicators { code } budgetLines { id } } }'
  const indicatorQuery = 'query ($id: ID!) { indicator(id: $id) { code plan { status } } }'
  const elbasan = '{ municipality(code: "ELB") { plans { status } } }'
  for (const [name, token] of outsiders) {
    t.same((await data(list, {}, token)).plans.totalCount, 2, `${name}: Elbasan's approved plans`)
    t.same((await data(drafts, {}, token)).plans.totalCount, 0, `${name}: no draft`)
    t.equal((await data(planQuery, { id: draftPlan }, token)).plan, null, `${name}: a draft is not there`)
    t.equal((await data(indicatorQuery, { id: draftNational }, token)).indicator, null, `${name}: nor its indicator by id`)
    t.same(
      (await data(elbasan, {}, token)).municipality.plans.map((p: any) => p.status),
      ['approved', 'approved'],
      `${name}: nor among the municipality's plans`,
    )
  }

  for (const token of [elbasanEditor, admin]) {
    t.same((await data(list, {}, token)).plans.totalCount, 4)
    t.same((await data(drafts, {}, token)).plans.totalCount, 2)
    t.equal((await data(elbasan, {}, token)).municipality.plans.length, 4)
  }
  const { plan } = await data(planQuery, { id: draftPlan }, elbasanEditor)
  t.same(plan, {
    title: { sq: 'Plan pune — çështje të barazisë në Elbasan' },
    status: 'draft',
    measures: [{ code: 'A.1.1', budgetLines: [{ id: draftLine }], indicators: [{ code: 'A.1.1/T1' }] }],
    indicators: [{ code: 'A.1.1/T1' }, { code: 'A.1/T1' }],
    budgetLines: [{ id: draftLine }],
  })
  t.same((await data(planQuery, { id: draftPlan }, admin)).plan, plan)
  t.same((await data(planQuery, { id: emptyDraft }, elbasanEditor)).plan, {
    title: { sq: 'Bosh' },
    status: 'draft',
    measures: [],
    indicators: [],
    budgetLines: [],
  })
  t.same((await data(indicatorQuery, { id: draftNational }, elbasanEditor)).indicator, { code: 'A.1/T1', plan: { status: 'draft' } })
})

t.test(
  "a budget summary leaves out a draft's lines for those who may not read it, and measures shares against readable indicators",
  async (t) => {
    const query = `{ budgetSummary(municipality: "ELB", fiscalYear: 2025) {
    allocated { amount } lines { total } plans { status }
    shares { category amount { amount } share { value } target { value reason explanation } attainment { value reason } indicator { code } }
  } }`
    const open = (await data(query)).budgetSummary
    t.equal(open.allocated.amount, '6000000', "the three approved lines, not the draft's")
    t.same(open.plans, [{ status: 'approved' }])
    const share = (summary: any, category: string) => summary.shares.find((s: any) => s.category === category)
    t.same(share(open, 'gender-budgeting'), {
      category: 'gender-budgeting',
      amount: { amount: '2000000' },
      share: { value: '0.05' },
      target: {
        value: null,
        reason: 'no-budget-share-indicator',
        explanation: 'no budget-share indicator of this category covers the year, so there is no target to compare with',
      },
      attainment: { value: null, reason: 'no-budget-share-indicator' },
      indicator: null,
    })
    t.match(
      share(open, 'dv-specialised-services'),
      { target: { reason: 'no-budget-share-indicator' }, indicator: null },
      'its indicator’s plan ended in 2024',
    )
    t.match(share(open, 'roma-housing'), { target: { reason: 'no-budget-share-indicator' } })

    for (const [name, token] of outsiders.slice(1)) t.same((await data(query, {}, token)).budgetSummary, open, name)

    const signedIn = (await data(query, {}, elbasanEditor)).budgetSummary
    t.equal(signedIn.allocated.amount, '7000000')
    t.equal(signedIn.lines.total - open.lines.total, 1, "the draft's one line")
    t.same(signedIn.plans.map((plan: any) => plan.status).sort(), ['approved', 'draft'])
    t.same((await data(query, {}, admin)).budgetSummary, signedIn, 'the same for an admin')
    t.same(share(signedIn, 'gender-budgeting'), {
      category: 'gender-budgeting',
      amount: { amount: '3000000' },
      share: { value: '0.075' },
      target: { value: null, reason: 'no-target', explanation: 'the indicator has no target for the period' },
      attainment: { value: null, reason: 'no-target' },
      indicator: { code: 'A.1.1/T1' },
    })
  },
)

t.test(
  "nationalAggregate: per country, sums, ratio of sums, currencies never mixed, breakdowns by sex and urban/rural, a draft's figures left to those who may read it",
  async (t) => {
    const fields = `nationalCode country period unit method total { value reason explanation } value numerator denominator byCurrency { amount currency }
    counted excluded { count municipalities }
    byMunicipality { municipality municipalityName { sq } indicatorId code unit currency value numerator denominator breakdowns { dimension categories { category value } } corrections excludedBecause }
    bySex { dimension categories { category value } incomplete reason explanation without }
    byUrbanRural { dimension categories { category value } incomplete reason without }
    breakdowns { dimension reason }
    nationalIndicator { code name { sq } unit aggregation inCatalogue countries municipalities }`
    const query = `query ($code: String!, $country: Country! = AL) { nationalAggregate(nationalCode: $code, country: $country, period: "2025") { ${fields} } }`
    const across = `query ($code: String!) { crossCountryAggregate(nationalCode: $code, period: "2025") { ${fields} } }`
    const counts = (await data(query, { code: 'NSGE-1' })).nationalAggregate
    t.match(counts, {
      nationalCode: 'NSGE-1',
      country: 'AL',
      period: '2025',
      unit: 'count',
      method: "sum of the municipalities' actuals",
      total: { value: '30', reason: null, explanation: null },
      value: '30',
      numerator: null,
      byCurrency: [],
      counted: ['ELB'],
      excluded: { count: 0, municipalities: [] },
      bySex: {
        dimension: 'sex',
        categories: [
          { category: 'F', value: '10' },
          { category: 'M', value: '20' },
        ],
        incomplete: [],
        reason: null,
        explanation: null,
        without: [],
      },
      byUrbanRural: {
        dimension: 'area',
        categories: [
          { category: 'rural', value: '18' },
          { category: 'urban', value: '12' },
        ],
        reason: null,
      },
      nationalIndicator: {
        code: 'NSGE-1',
        name: { sq: 'Tregues kombëtar NSGE-1' },
        unit: 'count',
        aggregation: 'sum',
        inCatalogue: true,
        countries: ['AL', 'XK'],
        municipalities: ['DRE', 'ELB'],
      },
    })
    t.same(
      counts.breakdowns.map((b: any) => b.dimension),
      ['sex', 'ethnicity', 'area', 'age_group'],
    )
    t.match(counts.byMunicipality, [
      { municipality: 'ELB', municipalityName: { sq: 'Bashkia Elbasan' }, indicatorId: elbasanCount, value: '30' },
    ])
    t.equal(
      counts.byMunicipality.length,
      1,
      "Albania's figure: Drenas, in Kosovo, is not in it, and the draft's is left out for anonymous callers",
    )
    const kosovo = (await data(query, { code: 'NSGE-1', country: 'XK' })).nationalAggregate
    t.match(kosovo, {
      country: 'XK',
      value: '7',
      counted: ['DRE'],
      byMunicipality: [{ municipality: 'DRE', municipalityName: { sq: 'Komuna e Drenasit' }, indicatorId: drenasCount }],
    })
    for (const [name, token] of outsiders.slice(1)) t.same((await data(query, { code: 'NSGE-1' }, token)).nationalAggregate, counts, name)

    const withDraft = (await data(query, { code: 'NSGE-1' }, elbasanEditor)).nationalAggregate
    t.equal(withDraft.value, '100', "the draft's later Elbasan figure counts for Elbasan's editor")
    t.same((await data(query, { code: 'NSGE-1' }, admin)).nationalAggregate, withDraft, 'and for an admin')
    t.same(
      withDraft.byMunicipality.filter((figure: any) => figure.excludedBecause === 'superseded').map((figure: any) => figure.indicatorId),
      [elbasanCount],
    )
    t.equal(withDraft.byMunicipality.length, 2)

    const percent = (await data(across, { code: 'NSGE-P' })).crossCountryAggregate
    t.match(percent, {
      country: null,
      unit: 'percent',
      total: { value: '45' },
      numerator: '45',
      denominator: '100',
      counted: ['ELB'],
      excluded: { count: 1, municipalities: ['DRE'] },
      bySex: { categories: null, reason: 'shares-not-additive', without: [] },
      nationalIndicator: { aggregation: 'ratio_of_sums' },
    })
    t.equal(percent.byMunicipality[0].excludedBecause, 'no_counts')

    const amounts = (await data(query, { code: 'NSGE-A' })).nationalAggregate
    t.match(amounts, { unit: 'amount', total: { value: '1000', reason: null }, value: '1000' })
    t.same(amounts.byCurrency, [{ amount: '1000', currency: 'ALL' }], 'Albania in lekë')
    t.same(
      (await data(query, { code: 'NSGE-A', country: 'XK' })).nationalAggregate.byCurrency,
      [{ amount: '50', currency: 'EUR' }],
      'Kosovo in euro',
    )
    t.match(
      await errorOf(across, { code: 'NSGE-A' }),
      { extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_INVALID_VALUE' }, message: /only a percentage/ },
      'an amount is not added across countries, even when asked',
    )
    t.match(await errorOf(across, { code: 'NSGE-1' }), { extensions: { trgCode: 'TRG_INVALID_VALUE' } }, 'nor a count')
    t.equal((await data(across, { code: 'NO-SUCH-CODE' })).crossCountryAggregate, null)

    const catalogue = `{ nationalIndicators { code name { sq } unit aggregation numerator { sq } denominator { sq } sdg { indicator series }
      inCatalogue indicators { id } countries municipalities } }`
    const listed = (await data(catalogue)).nationalIndicators
    t.match(
      listed.find((entry: any) => entry.code === 'NSGE-P'),
      {
        unit: 'percent',
        aggregation: 'ratio_of_sums',
        numerator: { sq: 'Vajza' },
        denominator: { sq: 'Nxënës' },
        sdg: null,
        inCatalogue: true,
        countries: ['AL', 'XK'],
        municipalities: ['DRE', 'ELB'],
      },
      'the catalogue, with the indicators tied to each entry',
    )
    t.match(
      listed.find((entry: any) => entry.code === 'AL-SKBGJ-5.5.1b'),
      { sdg: { indicator: '5.5.1', series: 'SG_GEN_LOCGELS' }, indicators: [], countries: [] },
      "the seeds' entry ready for council seats, tied to nothing yet",
    )
    const tiedTo = (list: any[], code: string) => list.find((entry) => entry.code === code).indicators.map((indicator: any) => indicator.id)
    t.notOk(tiedTo(listed, 'NSGE-1').includes(draftNational), "an anonymous caller does not see the draft's indicator tied")
    t.ok(tiedTo((await data(catalogue, {}, admin)).nationalIndicators, 'NSGE-1').includes(draftNational), 'an admin does')
    t.same((await data('{ nationalIndicator(code: "NSGE-A") { code unit } }')).nationalIndicator, { code: 'NSGE-A', unit: 'amount' })
    t.equal((await data('{ nationalIndicator(code: "NO-SUCH-CODE") { code } }')).nationalIndicator, null)
    const tied = 'query ($id: ID!) { indicator(id: $id) { nationalIndicator { code name { sq } } } }'
    t.same((await data(tied, { id: elbasanCount })).indicator.nationalIndicator, {
      code: 'NSGE-1',
      name: { sq: 'Tregues kombëtar NSGE-1' },
    })
    t.same(
      (await data(tied, { id: seedId('elbasan-gender-equality', 'indicator', 'II.1/T1') })).indicator,
      { nationalIndicator: null },
      'an indicator tied to none',
    )

    t.equal((await data(query, { code: 'NO-SUCH-CODE' })).nationalAggregate, null)
    const { indicator } = await data('query ($id: ID!) { indicator(id: $id) { nationalCode currency dataSource { sq } } }', {
      id: elbasanAmount,
    })
    t.same(indicator, { nationalCode: 'NSGE-A', currency: 'ALL', dataSource: null })
    t.same((await data('query ($id: ID!) { indicator(id: $id) { dataSource { sq } } }', { id: elbasanCount })).indicator, {
      dataSource: { sq: 'REVALB' },
    })
  },
)

t.test('a correction: the current value changes, the history keeps the old one with the reason', async (t) => {
  const indicatorId = seedId('elbasan-gender-equality', 'indicator', 'II.1/T1')
  // The seed's 2024 report is approved: its figures are corrected once it is reopened.
  await write({
    type: 'ReopenReport',
    planId: seedId('elbasan-gender-equality', 'plan', 'PVVBGJ 2022-2024'),
    period: '2024',
    reason: { sq: 'Numërim i rishikuar' },
  })
  const position = await write({
    type: 'CorrectIndicatorValue',
    indicatorId,
    period: '2024',
    value: '4600',
    reason: { sq: 'Numërim i rishikuar — gabim në raport' },
  })
  const { indicator } = await data(
    `query ($id: ID!, $at: Position) { indicator(id: $id, consistentWith: $at) {
      corrections attainment { value } values { value corrections }
      history { kind value { value } previous { value } reason { sq } position occurredAt actor { id role municipality } }
    } }`,
    { id: indicatorId, at: position },
    // Who recorded a value is for admins and the municipality's own staff (docs/access.md).
    admin,
  )
  t.equal(indicator.corrections, 1)
  t.same(indicator.attainment, { value: '0.92' })
  t.same(indicator.values, [{ value: '4600', corrections: 1 }])
  t.match(indicator.history, [
    { kind: 'reported', value: { value: '4500' }, previous: null, reason: null },
    {
      kind: 'corrected',
      value: { value: '4600' },
      previous: { value: '4500' },
      reason: { sq: 'Numërim i rishikuar — gabim në raport' },
      position,
      occurredAt: '2025-05-01T10:00:00+02:00',
      actor: { id: 'admin-1', role: 'admin', municipality: null },
    },
  ])
})

t.test('consistentWith: a query waits for the position it names, then reads a snapshot that has it', async (t) => {
  const { plans } = await data('{ plans { totalCount } }', {}, admin)
  const head = (await service.store.headPosition())!
  // Asked before the write exists, answered once the read models have applied it.
  const pending = service.graphql<any>(
    'query ($at: Position) { plans(consistentWith: $at) { totalCount } }',
    { at: (head + 1n).toString() },
    admin,
  )
  await new Promise((resolve) => setTimeout(resolve, 50))
  await write({
    type: 'DraftPlan',
    planId: randomUUID(),
    municipality: 'DRE',
    kind: 'other',
    title: { sq: 'Plan i ri' },
    period: { from: 2026, to: 2027 },
  })
  t.same((await pending).data, { plans: { totalCount: plans.totalCount + 1 } })
  t.same(
    await data(
      'query ($at: Position) { plans(consistentWith: $at) { totalCount } municipality(code: "DRE", consistentWith: $at) { code } }',
      { at: lastSetup },
      admin,
    ),
    { plans: { totalCount: plans.totalCount + 1 }, municipality: { code: 'DRE' } },
    'a position already reached answers at once',
  )

  const quick = await startService(t, { consistencyTimeoutMs: 30 })
  const ahead = ((await quick.store.headPosition())! + 1000n).toString()
  t.match(await errorOf('query ($at: Position) { plans(consistentWith: $at) { totalCount } }', { at: ahead }, undefined, quick), {
    message: new RegExp(`did not reach position ${ahead} within 30 ms`),
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      trgCode: 'TRG_NOT_CONSISTENT',
      details: { position: ahead, reached: /^\d+$/, waitedMs: 30 },
    },
  })
  const empty = await startService(t, { seed: false, consistencyTimeoutMs: 30 })
  t.match(await errorOf('{ municipalities(consistentWith: "1") { totalCount } }', undefined, undefined, empty), {
    extensions: { trgCode: 'TRG_NOT_CONSISTENT', details: { position: '1', reached: null } },
  })
  t.same((await empty.graphql('{ municipalities { totalCount edges { cursor } pageInfo { startCursor } } }')).data, {
    municipalities: { totalCount: 0, edges: [], pageInfo: { startCursor: null } },
  })
})

t.test('the change feed: the log itself, paged by position, filtered by type and stream, anonymous callers included', async (t) => {
  const open = (await data('{ events(first: 3) { edges { node { stream } } } }')).events
  t.equal(open.edges.length, 3, 'an anonymous caller reads the public part of the feed')
  const page = `query ($after: String, $first: Int, $types: [String!], $stream: String) {
    events(after: $after, first: $first, types: $types, streamPrefix: $stream) {
      edges { cursor node { id position stream revision type data metadata recordedAt } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    } }`
  const first = (await data(page, { first: 2 }, viewer)).events
  t.equal(first.edges.length, 2)
  t.match(first.edges[0].node, {
    stream: 'municipality-ELB',
    revision: '0',
    type: /^municipality\.registered\.v\d+$/,
    data: { code: 'ELB', name: { sq: 'Bashkia Elbasan' }, country: 'AL', currency: 'ALL' },
    metadata: { actor: { role: 'system' } },
    recordedAt: /^\d{4}-\d\d-\d\dT/,
  })
  t.equal(first.edges[0].cursor, first.edges[0].node.position, 'the cursor is the position')
  t.same(first.pageInfo, {
    hasNextPage: true,
    hasPreviousPage: false,
    startCursor: first.edges[0].cursor,
    endCursor: first.edges[1].cursor,
  })

  const next = (await data(page, { first: 2, after: first.pageInfo.endCursor }, viewer)).events
  t.ok(BigInt(next.edges[0].node.position) > BigInt(first.pageInfo.endCursor))
  t.equal(next.pageInfo.hasPreviousPage, true)

  const municipal = (await data(page, { types: ['municipality.'], stream: 'municipality-ELB', first: 200 }, viewer)).events
  t.match(
    municipal.edges.map((edge: any) => edge.node.type),
    [/^municipality\.registered\.v\d+$/, 'municipality.budget-total-set.v1', 'municipality.budget-total-set.v1'],
  )
  t.equal(municipal.edges.length, 3)
  t.equal(municipal.pageInfo.hasNextPage, false)

  const head = (await service.store.headPosition())!.toString()
  const caughtUp = (await data(page, { after: head }, viewer)).events
  t.same(
    caughtUp,
    { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null } },
    'a client that has everything gets nothing new',
  )
  const none = (await data(page, { first: 0 }, viewer)).events
  t.same(none.pageInfo, { hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null })
  const beforeAny = (await data(page, { after: '0', types: ['no-such-type'] }, viewer)).events
  t.same(beforeAny.pageInfo.hasPreviousPage, false)

  t.match(await errorOf(page, { after: 'abc' }, viewer), {
    message: '"abc" is not a valid cursor: must be a position from this feed: a whole number, such as "42"',
    extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_INVALID_VALUE' },
  })
  t.match(await errorOf(page, { first: 500 }, viewer), { extensions: { trgCode: 'TRG_LIMIT_EXCEEDED' } })
})

t.test('Albanian text round trip: what was written is what is read', async (t) => {
  const name = { sq: 'Bashkia Shkodër — çështje gjinore, “Zëri i grave”', en: 'Municipality of Shkodër' }
  const position = await write({ type: 'RegisterMunicipality', code: 'SHK', name, country: 'AL', currency: 'ALL' })
  const { municipality } = await data(
    'query ($at: Position) { municipality(code: "SHK", consistentWith: $at) { name { sq en } plans { id } budgetSummary(fiscalYear: 2025) { total { amount } } } }',
    { at: position },
  )
  t.same(municipality, { name, plans: [], budgetSummary: { total: null } })
  const { municipalities } = await data('{ municipalities { edges { node { code } } } }')
  t.same(
    municipalities.edges.map((edge: any) => edge.node.code),
    ['DRE', 'ELB', 'SHK'],
  )
})

t.test('entities by id for mutation payloads and subscriptions: readable ones only', async (t) => {
  const contextFor = (principal: Principal) => contextOf(service, principal)
  const open = contextFor(anonymous)
  const admin = contextFor({ ...principals.admin })
  t.match(loadMeasure(admin, draftPlan, draftMeasure), { measureId: draftMeasure, planId: draftPlan, code: 'A.1.1' })
  t.equal(loadMeasure(open, draftPlan, draftMeasure), null)
  t.equal(loadMeasure(admin, draftPlan, 'constructor'), null)
  t.equal(loadMeasure(admin, 'constructor', draftMeasure), null)
  t.match(loadBudgetLine(admin, draftLine), { budgetLineId: draftLine, planId: draftPlan })
  t.equal(loadBudgetLine(open, draftLine), null)
  t.match(loadBudgetLine(open, approvedLine), { budgetLineId: approvedLine })
  t.equal(loadBudgetLine(admin, 'constructor'), null)
  t.match(loadPlan(admin, draftPlan), { planId: draftPlan, status: 'draft' })
  t.equal(loadPlan(open, draftPlan), null)
  t.match(loadIndicator(admin, draftShare), { indicatorId: draftShare })
  const editor = contextFor(principals.editorElbasan)
  t.match(loadPlan(editor, draftPlan), { planId: draftPlan })
  t.match(loadMeasure(editor, draftPlan, draftMeasure), { measureId: draftMeasure })
  t.match(loadBudgetLine(editor, draftLine), { budgetLineId: draftLine })
  t.match(loadIndicator(editor, draftShare), { indicatorId: draftShare })
  for (const principal of [principals.viewer, principals.ministry, principals.editorDrenas]) {
    const outsider = contextFor(principal)
    t.same(
      [loadPlan(outsider, draftPlan), loadMeasure(outsider, draftPlan, draftMeasure), loadBudgetLine(outsider, draftLine)],
      [null, null, null],
      `${principal.id}: nothing of the draft`,
    )
    t.equal(loadIndicator(outsider, draftShare), null)
  }
  t.match(loadMunicipality(open, 'ELB'), { code: 'ELB' })
})
