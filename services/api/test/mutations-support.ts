import { randomUUID } from 'node:crypto'
import { executeCommand } from '@treguesi/commands'
import { aggregateDefinition, commandKeySchema, commands, commandTypes, type CommandType } from '@treguesi/domain'
import { draftPlan, planCommands } from '@treguesi/domain/testing'
import type { EventStore } from '@treguesi/event-store'
import { mutationNameOf, type MutationName } from '../src/graphql/mutations/index.js'
import type { TestService } from './support/service.js'

/** What the payload of each kind of entity a command is about is asked for in these tests. */
const selections = {
  municipality:
    'municipality { code name { sq en } currency iatiOrganisationIdentifier budgetTotals { fiscalYear total { amount currency } } }',
  plan: 'plan { id municipalityCode status review { status comments { sq } } reports { period status comments { sq } } title { sq en } councilDecision { number date } closed { date } counts { areas objectives measures indicators } }',
  measure: 'measure { id code title { sq en } status statusHistory { from to date reason { sq } } } plan { id counts { measures } }',
  indicator:
    'indicator { id code name { sq } baseline { value year } values { period value corrections } targets { period target { kind value } } }',
  budgetLine:
    'budgetLine { id municipality categories planned { amount { amount currency } costingText } allocated { amount currency } executed { amount currency } }',
  nationalIndicator: 'nationalIndicator { code name { sq en } unit aggregation sdg { indicator series } inCatalogue municipalities }',
  dhis2Mapping:
    'dhis2Mapping { dataElements(first: 200) { totalCount edges { node { historyId nationalCode indicatorId dataSet dataElement numerator denominator disaggregation } } } orgUnits(first: 200) { totalCount edges { node { historyId municipality orgUnit } } } categoryOptionCombos(first: 200) { totalCount edges { node { historyId dimension category categoryOptionCombo adx { category option } } } } }',
} as const

/** Every mutation: its command type and the entity its payload carries, as the registry of commands gives them. */
export const mutations = Object.fromEntries(
  commandTypes.map((type) => {
    const { about, aggregate } = commands[type]
    return [mutationNameOf(type), { type, entity: about ?? aggregate }]
  }),
) as Record<MutationName, { readonly type: CommandType; readonly entity: keyof typeof selections }>

export type { MutationName }
export const mutationNames = Object.keys(mutations) as MutationName[]

/** The operation that sends `name` with `$input`, asking for the whole payload. */
export function documentOf(name: MutationName): string {
  const { type, entity } = mutations[name]
  return `mutation ($input: ${type}Input!) { ${name}(input: $input) { commandId position revision replayed eventTypes ${selections[entity]} } }`
}

export interface Payload {
  readonly commandId: string
  readonly position: string | null
  readonly revision: number | null
  readonly replayed: boolean
  readonly eventTypes: string[]
  readonly [entity: string]: unknown
}

/** Sends one mutation; `data` is the payload, or null with `errors`. */
export async function send(service: TestService, name: MutationName, input: object, token?: string) {
  const response = await service.graphql<Record<string, Payload>>(documentOf(name), { input }, token)
  return { status: response.status, payload: response.data?.[name] ?? null, errors: response.errors ?? [] }
}

/**
 * A plan of `municipality` with one area, objective, measure, a count indicator on the measure
 * with a value for 2024, and a budget line of the measure for 2024: something for every command
 * to act on. Recorded straight through command handling, as a system actor, so the tests
 * exercise only the mutation they are about.
 *
 * `plan` is how far its content has come: by default approved and then reopened, so that it is
 * public and every command can still change it. `report`, when given, is the review of its
 * report for 2026.
 */
export interface World {
  readonly municipality: string
  /** The municipality's currency: ALL for Elbasan, EUR for Drenas. */
  readonly currency: 'ALL' | 'EUR'
  readonly planId: string
  readonly areaId: string
  readonly objectiveId: string
  readonly measureId: string
  readonly indicatorId: string
  readonly budgetLineId: string
  /** A national indicator in count, of the catalogue, which the world's indicator does not count towards yet. */
  readonly nationalCode: string
}

export type PlanStage = 'draft' | 'submitted' | 'approved' | 'reopened'

export interface WorldOptions {
  readonly municipality?: 'ELB' | 'DRE'
  readonly plan?: PlanStage
  readonly report?: 'submitted' | 'approved'
  /**
   * Whether the world's national code, municipality and the category F of sex are mapped to
   * DHIS2 (the org unit and the category may already be, by an earlier world of the same store).
   */
  readonly dhis2?: 'mapped'
}

const stages: readonly PlanStage[] = ['draft', 'submitted', 'approved', 'reopened']
const reached = (stage: PlanStage, wanted: PlanStage) => stages.indexOf(stage) >= stages.indexOf(wanted)

/** The world each mutation's input from `inputFor` succeeds against, where it is not the default. */
export const worldFor: { readonly [Name in MutationName]?: WorldOptions } = {
  approvePlan: { plan: 'submitted' },
  returnPlan: { plan: 'submitted' },
  reopenPlan: { plan: 'approved' },
  returnReport: { report: 'submitted' },
  approveReport: { report: 'submitted' },
  reopenReport: { report: 'approved' },
  unmapDhis2DataElement: { dhis2: 'mapped' },
  unmapDhis2OrgUnit: { dhis2: 'mapped' },
  unmapDhis2CategoryOptionCombo: { dhis2: 'mapped' },
}

/** What a world with `dhis2: 'mapped'` maps. */
function dhis2Mapping(world: World): object[] {
  return [
    { type: 'MapDhis2DataElement', indicator: { nationalCode: world.nationalCode }, dataSet: 'DS_TEST', dataElement: { code: 'DE_TEST' } },
    { type: 'MapDhis2OrgUnit', municipality: world.municipality, orgUnit: `OU_${world.municipality}` },
    {
      type: 'MapDhis2CategoryOptionCombo',
      dimension: 'sex',
      category: 'F',
      categoryOptionCombo: 'SEX_F',
      adx: { category: 'SEX', option: 'F' },
    },
  ]
}

export async function buildWorld(
  store: EventStore,
  { municipality = 'ELB', plan: stage = 'reopened', report, dhis2 }: WorldOptions = {},
): Promise<World> {
  const world: World = {
    municipality,
    currency: municipality === 'DRE' ? 'EUR' : 'ALL',
    planId: randomUUID(),
    areaId: randomUUID(),
    objectiveId: randomUUID(),
    measureId: randomUUID(),
    indicatorId: randomUUID(),
    budgetLineId: randomUUID(),
    nationalCode: `T-${randomUUID().slice(0, 8)}`,
  }
  const { planId, indicatorId, budgetLineId } = world
  const plan = planCommands(world)
  const amount = { amount: world.currency === 'EUR' ? '3000' : '120000', currency: world.currency }
  const commands: object[] = [
    { type: 'DefineNationalIndicator', code: world.nationalCode, name: text('Pjesëmarrës në fushata'), unit: 'count' },
    draftPlan(planId, { municipality, kind: 'gender-equality', title: { sq: 'Plan prove' }, period: { from: 2024, to: 2026 } }),
    ...plan.structure,
    plan.define(indicatorId, { municipality, disaggregations: [{ dimension: 'sex', categories: ['F', 'M'], exhaustive: true }] }),
    { type: 'ReportIndicatorValue', indicatorId, period: '2024', value: '40' },
    plan.budgetLine(budgetLineId, { municipality, planned: { amount } }),
    ...(reached(stage, 'submitted') ? [{ type: 'SubmitPlan', planId }] : []),
    ...(reached(stage, 'approved') ? [{ type: 'ApprovePlan', planId, councilDecision: { number: 'Nr. 7', date: '2024-01-20' } }] : []),
    ...(reached(stage, 'reopened') ? [{ type: 'ReopenPlan', planId, reason: { sq: 'Plotësohet plani' } }] : []),
    ...(report ? [{ type: 'SubmitReport', planId, period: '2026' }] : []),
    ...(report === 'approved' ? [{ type: 'ApproveReport', planId, period: '2026' }] : []),
    ...(dhis2 === 'mapped' ? dhis2Mapping(world) : []),
  ]
  for (const command of commands) {
    await executeCommand(store, command, {
      commandId: randomUUID(),
      actor: { id: 'test-setup', role: 'system' },
      occurredAt: '2024-01-15T09:00:00+01:00',
    })
  }
  return world
}

const text = (sq: string) => ({ sq })

/**
 * An input for each mutation that succeeds against a fresh world (`worldFor` the mutation), with
 * a new command id.
 */
export function inputFor(name: MutationName, world: World): { readonly commandId: string; readonly [field: string]: unknown } {
  const { municipality, currency, planId, areaId, objectiveId, measureId, indicatorId, budgetLineId, nationalCode } = world
  const money = (amount: string) => ({ amount, currency })
  const commandId = randomUUID()
  const inputs: Record<MutationName, () => Record<string, unknown>> = {
    registerMunicipality: () => ({
      code: `T${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`,
      name: text('Bashkia e Re'),
      country: 'AL',
      currency: 'ALL',
    }),
    setMunicipalBudgetTotal: () => ({
      code: municipality,
      fiscalYear: 2030,
      total: money(String(1_000_000 + Math.floor(Math.random() * 1_000_000_000))),
    }),
    draftPlan: () => ({
      planId: randomUUID(),
      municipality,
      kind: 'domestic_violence',
      title: text('Plani vendor i veprimit'),
      period: { from: 2025, to: 2028 },
    }),
    revisePlanDetails: () => ({ planId, title: text('Plan i rishikuar') }),
    submitPlan: () => ({ planId }),
    returnPlan: () => ({ planId, comments: text('Shtoni vlerat bazë') }),
    approvePlan: () => ({ planId, councilDecision: { number: 'Nr. 45', date: '2024-03-01' } }),
    reopenPlan: () => ({ planId, reason: text('Ndryshon objektivi') }),
    submitReport: () => ({ planId, period: '2024' }),
    returnReport: () => ({ planId, period: '2026', comments: text('Mungon burimi') }),
    approveReport: () => ({ planId, period: '2026' }),
    reopenReport: () => ({ planId, period: '2026', reason: text('Korrigjohet një vlerë') }),
    closePlan: () => ({ planId, date: '2026-12-31', reason: text('Përfundoi') }),
    addArea: () => ({ planId, areaId: randomUUID(), code: 'II', title: text('Fusha II') }),
    reviseArea: () => ({ planId, areaId, title: { sq: 'Fusha I', en: 'Area I' }, reason: text('Shtohet emri në anglisht') }),
    addObjective: () => ({ planId, objectiveId: randomUUID(), areaId, level: 'specific', code: 'I.2', title: text('Objektivi I.2') }),
    reviseObjective: () => ({ planId, objectiveId, code: 'I.1.a', reason: text('Kodi si në vendim') }),
    addMeasure: () => ({
      planId,
      measureId: randomUUID(),
      objectiveId,
      code: 'I.1.2',
      title: text('Masa I.1.2'),
      leadActors: [text('Bashkia')],
      supportingActors: [],
    }),
    reviseMeasure: () => ({ planId, measureId, title: text('Masa e rishikuar'), reason: text('Titulli si në vendim') }),
    changeMeasureStatus: () => ({ planId, measureId, status: 'in_progress', date: '2024-02-01' }),
    defineIndicator: () => ({
      indicatorId: randomUUID(),
      planId,
      municipality,
      attachedTo: { kind: 'objective', id: objectiveId },
      code: 'I.1/b',
      name: text('Numri i fushatave'),
      unit: 'count',
      direction: 'higher_is_better',
      accumulation: 'per_period',
    }),
    reviseIndicator: () => ({
      indicatorId,
      name: { sq: 'Numri i pjesëmarrësve', en: 'Number of participants' },
      reason: text('Shtohet emri në anglisht'),
    }),
    setBaseline: () => ({ indicatorId, value: '20', year: 2023 }),
    setTarget: () => ({ indicatorId, period: '2024', target: { kind: 'absolute', value: '50' } }),
    reportIndicatorValue: () => ({ indicatorId, period: '2025', value: '45' }),
    correctIndicatorValue: () => ({ indicatorId, period: '2024', value: '42', reason: text('Gabim shtypi') }),
    planBudgetLine: () => ({
      budgetLineId: randomUUID(),
      planId,
      measureId,
      municipality,
      fiscalYear: 2025,
      fundingSource: { kind: 'donor', name: 'UN Women' },
      planned: { amount: money('5000') },
    }),
    revisePlannedCost: () => ({ budgetLineId, planned: { amount: money('150000') } }),
    allocateBudget: () => ({ budgetLineId, allocated: money('100000'), date: '2024-01-31' }),
    recordExpenditure: () => ({ budgetLineId, executed: money('25000'), asOf: '2024-06-30' }),
    retagBudgetLine: () => ({ budgetLineId, categories: ['gender-responsive-budgeting'] }),
    defineNationalIndicator: () => ({
      code: `N-${randomUUID().slice(0, 8)}`,
      name: { sq: 'Gratë e zgjedhura në këshillin bashkiak', en: 'Women elected to the municipal council' },
      unit: 'percent',
      numerator: text('Këshilltare'),
      denominator: text('Vende në këshill'),
      sdg: { indicator: '5.5.1', series: 'SG_GEN_LOCGELS' },
    }),
    reviseNationalIndicator: () => ({ code: nationalCode, name: { sq: 'Pjesëmarrës në fushata', en: 'Campaign participants' } }),
    linkNationalIndicator: () => ({ indicatorId, nationalCode, reason: text('Treguesi i strategjisë kombëtare') }),
    setMunicipalityIatiIdentifier: () => ({ code: municipality, identifier: `XI-IATI-${randomUUID().slice(0, 8)}` }),
    mapDhis2DataElement: () => ({
      indicator: { indicatorId },
      dataSet: 'DS_TEST',
      dataElement: { code: `DE_${randomUUID().slice(0, 8)}` },
      disaggregation: 'sex',
      reason: text('Formulari i ministrisë'),
    }),
    unmapDhis2DataElement: () => ({ indicator: { nationalCode }, reason: text('Formulari u hoq') }),
    mapDhis2OrgUnit: () => ({ municipality, orgUnit: `OU_${randomUUID().slice(0, 8)}` }),
    unmapDhis2OrgUnit: () => ({ municipality, reason: text('Njësia u ndryshua') }),
    mapDhis2CategoryOptionCombo: () => ({
      dimension: 'sex',
      category: `F-${randomUUID().slice(0, 8)}`,
      categoryOptionCombo: 'SEX_F',
      adx: { category: 'SEX', option: 'F' },
    }),
    unmapDhis2CategoryOptionCombo: () => ({ dimension: 'sex', category: 'F', reason: text('Kategoria u hoq') }),
  }
  return { commandId, ...inputs[name]() }
}

/** The entity a mutation's payload carries. */
export function entityOf(name: MutationName, payload: Payload | null): Record<string, unknown> | null | undefined {
  return payload?.[mutations[name].entity] as Record<string, unknown> | null | undefined
}

/** The stream a mutation's input writes to. */
export function streamOf(name: MutationName, input: Record<string, unknown>): string {
  const { type } = mutations[name]
  const { aggregate } = commands[type]
  return aggregateDefinition(aggregate).streamOf(commandKeySchema(aggregate).parse({ ...input, type }))
}

/** The event each mutation's input from `inputFor` records. */
export const eventTypeOf: Record<MutationName, string> = {
  registerMunicipality: 'municipality.registered.v2',
  setMunicipalBudgetTotal: 'municipality.budget-total-set.v1',
  draftPlan: 'plan.drafted.v1',
  revisePlanDetails: 'plan.details-revised.v1',
  submitPlan: 'plan.submitted.v1',
  returnPlan: 'plan.returned.v1',
  approvePlan: 'plan.approved.v1',
  reopenPlan: 'plan.reopened.v1',
  submitReport: 'plan.report-submitted.v1',
  returnReport: 'plan.report-returned.v1',
  approveReport: 'plan.report-approved.v1',
  reopenReport: 'plan.report-reopened.v1',
  closePlan: 'plan.closed.v1',
  addArea: 'plan.area-added.v1',
  reviseArea: 'plan.area-revised.v1',
  addObjective: 'plan.objective-added.v1',
  reviseObjective: 'plan.objective-revised.v1',
  addMeasure: 'plan.measure-added.v1',
  reviseMeasure: 'plan.measure-revised.v1',
  changeMeasureStatus: 'plan.measure-status-changed.v1',
  defineIndicator: 'indicator.defined.v1',
  reviseIndicator: 'indicator.revised.v1',
  setBaseline: 'indicator.baseline-set.v1',
  setTarget: 'indicator.target-set.v1',
  reportIndicatorValue: 'indicator.value-reported.v1',
  correctIndicatorValue: 'indicator.value-corrected.v1',
  planBudgetLine: 'budget-line.planned.v1',
  revisePlannedCost: 'budget-line.planned-cost-revised.v1',
  allocateBudget: 'budget-line.allocated.v1',
  recordExpenditure: 'budget-line.expenditure-recorded.v1',
  retagBudgetLine: 'budget-line.retagged.v1',
  defineNationalIndicator: 'national-indicator.defined.v1',
  reviseNationalIndicator: 'national-indicator.revised.v1',
  linkNationalIndicator: 'indicator.national-code-linked.v1',
  setMunicipalityIatiIdentifier: 'municipality.iati-identifier-set.v1',
  mapDhis2DataElement: 'dhis2-mapping.data-element-mapped.v1',
  unmapDhis2DataElement: 'dhis2-mapping.data-element-unmapped.v1',
  mapDhis2OrgUnit: 'dhis2-mapping.org-unit-mapped.v1',
  unmapDhis2OrgUnit: 'dhis2-mapping.org-unit-unmapped.v1',
  mapDhis2CategoryOptionCombo: 'dhis2-mapping.category-option-combo-mapped.v1',
  unmapDhis2CategoryOptionCombo: 'dhis2-mapping.category-option-combo-unmapped.v1',
}
