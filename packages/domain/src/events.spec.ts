import t from 'tap'
import type { z } from 'zod'
import { budgetLine, budgetLineCommandSchema } from './budget/budget-line.js'
import { replay, type Decider } from './decider.js'
import {
  eventSchemas,
  eventTypes,
  historicEventSchemas,
  historicEventTypes,
  parseEvent,
  parseHistoricEvent,
  type AnyDomainEvent,
  type DomainEventType,
} from './events.js'
import { revokeTokensSchema, tokenRevocations } from './access/token-revocations.js'
import { readModelRebuilds, recordForcedRebuildSchema } from './audit/read-model-rebuilds.js'
import { indicator, indicatorCommandSchema } from './indicator/indicator.js'
import { municipality, municipalityCommandSchema } from './municipality/municipality.js'
import { nationalIndicator, nationalIndicatorCommandSchema } from './national-indicator/national-indicator.js'
import { dhis2Mapping, dhis2MappingCommandSchema } from './dhis2-mapping/dhis2-mapping.js'
import { plan, planCommandSchema } from './plan/plan.js'
import { parseCommand } from './shared/parse-command.js'
import { fixedIds } from './testing/fixed-ids.js'
import { forcedRebuild } from './testing/forced-rebuild.js'

type Input = Readonly<Record<string, unknown>> & { readonly type: string }

/** Decides `commands` in turn on one stream, each on the state the ones before it left. */
function decided<Command, Event, State>(
  decider: Decider<Command, Event, State>,
  schema: z.ZodType<Command>,
  commands: readonly Input[],
): Event[] {
  const events: Event[] = []
  for (const input of commands) {
    events.push(...decider.decide(parseCommand(input.type, schema, input), replay(decider, events)))
  }
  return events
}

const {
  plan: planId,
  areas: [areaId],
  objectives: [strategicId, specificId],
  measures: [measureId, sparseMeasureId],
} = fixedIds
const [indicatorId] = fixedIds.indicators
const [budgetLineId, otherBudgetLineId] = fixedIds.budgetLines
const planPeriod = { from: 2022, to: 2024 }

const municipalityEvents = [
  ...decided(municipality, municipalityCommandSchema, [
    {
      type: 'RegisterMunicipality',
      code: 'ELB',
      name: { sq: 'Bashkia Elbasan', en: 'Elbasan Municipality' },
      country: 'AL',
      currency: 'ALL',
    },
    { type: 'SetMunicipalBudgetTotal', code: 'ELB', fiscalYear: 2024, total: { amount: '4250000000.00', currency: 'ALL' } },
    { type: 'SetMunicipalityIatiIdentifier', code: 'ELB', identifier: 'AL-COA-12345' },
  ]),
  ...decided(municipality, municipalityCommandSchema, [
    { type: 'RegisterMunicipality', code: 'DRE', name: { sq: 'Komuna e Drenasit' }, country: 'XK', currency: 'EUR' },
  ]),
]

const planEvents = decided(plan, planCommandSchema, [
  {
    type: 'DraftPlan',
    planId,
    municipality: 'ELB',
    kind: 'gender-equality',
    title: { sq: 'Plani Vendor i Veprimit për Barazinë Gjinore 2022–2024' },
    period: planPeriod,
    nationalStrategies: [{ sq: 'Strategjia Kombëtare për Barazinë Gjinore 2021–2030' }],
  },
  {
    type: 'RevisePlanDetails',
    planId,
    title: { sq: 'Plani Vendor i Veprimit për Barazinë Gjinore', en: 'Local Gender Equality Action Plan' },
  },
  { type: 'RevisePlanDetails', planId, ratingThresholds: { achieved: '1', onTrack: '0.85', partly: '0.4' } },
  {
    type: 'AddArea',
    planId,
    areaId,
    code: 'I',
    title: { sq: 'Përparimi në kuadrin e përgjithshëm të barazisë gjinore' },
  },
  {
    type: 'ReviseArea',
    planId,
    areaId,
    title: { sq: 'Përparimi në kuadrin e përgjithshëm të barazisë gjinore', en: 'Progress in the general framework of gender equality' },
    reason: { sq: 'Shtohet titulli në anglisht' },
  },
  {
    type: 'AddObjective',
    planId,
    objectiveId: strategicId,
    areaId,
    level: 'strategic',
    code: 'I.1',
    title: { sq: 'Forcimi i mekanizmave për barazinë gjinore' },
  },
  {
    type: 'AddObjective',
    planId,
    objectiveId: specificId,
    areaId,
    parentObjectiveId: strategicId,
    level: 'specific',
    code: 'I.1.a',
    title: { sq: 'Buxhetimi i përgjegjshëm gjinor në çdo drejtori' },
  },
  {
    type: 'ReviseObjective',
    planId,
    objectiveId: specificId,
    code: 'I.1 (a)',
    reason: { sq: 'Kodi si në planin e miratuar' },
  },
  {
    type: 'AddMeasure',
    planId,
    measureId,
    objectiveId: specificId,
    code: 'I.1.a.1',
    title: { sq: 'Trajnimi i stafit për buxhetimin gjinor', en: 'Training staff in gender budgeting' },
    leadActors: [{ sq: 'Drejtoria e Financës' }],
    supportingActors: [{ sq: 'Koordinatori për barazinë gjinore' }, { sq: 'UN Women' }],
    schedule: { sq: 'Çdo vit' },
    deadline: '2024-12-31',
    output: { sq: '30 punonjës të trajnuar' },
    dataSource: { sq: 'Raporti vjetor i monitorimit' },
    monitoringBody: { sq: 'Këshilli Bashkiak' },
    legalReferences: [{ sq: 'Ligji Nr. 9970/2008 “Për barazinë gjinore në shoqëri”' }],
  },
  {
    type: 'AddMeasure',
    planId,
    measureId: sparseMeasureId,
    objectiveId: strategicId,
    code: 'I.4..2',
    title: { sq: 'Fushatë ndërgjegjësimi' },
    leadActors: [],
    supportingActors: [],
  },
  {
    type: 'ReviseMeasure',
    planId,
    measureId: sparseMeasureId,
    deadline: '2023-06-30',
    leadActors: [{ sq: 'Zyra e Komunikimit' }],
    reason: { sq: 'Afati u shkurtua' },
  },
  // The content is reviewed: returned once, approved, reopened with a reason and approved again.
  { type: 'SubmitPlan', planId },
  { type: 'ReturnPlan', planId, comments: { sq: 'Masa I.4..2 nuk ka aktorë', en: 'Measure I.4..2 has no actors' } },
  { type: 'SubmitPlan', planId },
  { type: 'ApprovePlan', planId, councilDecision: { number: 'Nr. 45', date: '2022-03-31' } },
  { type: 'ReopenPlan', planId, reason: { sq: 'Këshilli shtoi një masë' } },
  { type: 'SubmitPlan', planId },
  { type: 'ApprovePlan', planId, councilDecision: { number: 'Nr. 112', date: '2022-09-29' } },
  { type: 'ChangeMeasureStatus', planId, measureId, status: 'in-progress', date: '2023-01-15' },
  // The figures of 2023 are reviewed the same way.
  { type: 'SubmitReport', planId, period: '2023' },
  { type: 'ReturnReport', planId, period: '2023', comments: { sq: 'Mungon burimi i të dhënave' } },
  { type: 'SubmitReport', planId, period: '2023' },
  { type: 'ApproveReport', planId, period: '2023' },
  { type: 'ReopenReport', planId, period: '2023', reason: { sq: 'U gjet një gabim në shifrat e vitit' } },
  {
    type: 'ChangeMeasureStatus',
    planId,
    measureId,
    status: 'completed',
    date: '2024-06-30',
    reason: { sq: 'U realizua me mbështetjen e donatorëve' },
  },
  { type: 'ClosePlan', planId, date: '2025-01-31', reason: { sq: 'Përfundoi periudha e planit' } },
])

const defineIndicator = {
  type: 'DefineIndicator',
  planId,
  municipality: 'ELB',
  attachedTo: { kind: 'objective', id: specificId },
  direction: 'higher-is-better',
  accumulation: 'per-period',
  planPeriod,
}

/** An indicator defined with `definition`, then `commands` decided on it in turn. */
const indicatorDecided = (definition: object, ...commands: Input[]) =>
  decided(indicator, indicatorCommandSchema, [{ ...defineIndicator, indicatorId, ...definition }, ...commands])

const indicatorEvents = [
  ...indicatorDecided(
    {
      code: 'I.1.a',
      name: { sq: 'Vajza që ndjekin kurse profesionale', en: 'Girls in vocational courses' },
      unit: 'percent',
      disaggregations: [{ dimension: 'area', categories: ['urban', 'rural'], exhaustive: true }],
      dataSource: { sq: 'Drejtoria e Arsimit' },
      nationalCode: 'SKBGJ-2.3',
      nationalUnit: 'percent',
    },
    { type: 'ReviseIndicator', indicatorId, code: 'I.1.b', reason: { sq: 'Kodi sipas planit të rishikuar' } },
    {
      type: 'LinkNationalIndicator',
      indicatorId,
      nationalCode: 'AL-SKGJB-2.3',
      nationalUnit: 'percent',
      reason: { sq: 'Kodi i katalogut kombëtar', en: 'The national catalogue code' },
    },
    { type: 'SetBaseline', indicatorId, value: '60.0', year: 2021, note: { sq: 'Sipas REVALB' } },
    { type: 'SetBaseline', indicatorId, value: '61', year: 2021 },
    { type: 'SetTarget', indicatorId, period: '2022', target: { kind: 'range', lower: '60', upper: '65' } },
    { type: 'SetTarget', indicatorId, period: '2023', target: { kind: 'relative', changePercent: '5', over: 'previous-period' } },
    { type: 'SetTarget', indicatorId, period: '2024', target: { kind: 'absolute', value: '75' } },
    {
      type: 'SetTarget',
      indicatorId,
      period: 'end-of-plan',
      target: { kind: 'relative', changePercent: '25', over: 'baseline' },
    },
    {
      type: 'ReportIndicatorValue',
      indicatorId,
      period: '2023',
      value: '75',
      numerator: '45',
      denominator: '60',
      breakdown: { area: { urban: '80', rural: '70' } },
      source: { sq: 'Drejtoria e Arsimit' },
      note: { sq: 'Të dhëna paraprake' },
    },
    { type: 'ReportIndicatorValue', indicatorId, period: '2024', value: '70' },
    {
      type: 'CorrectIndicatorValue',
      indicatorId,
      period: '2023',
      value: '76.7',
      numerator: '46',
      denominator: '60',
      reason: { sq: 'Një vajzë u regjistrua me vonesë' },
    },
  ),
  ...indicatorDecided(
    { code: 'I.1.b', name: { sq: 'Raporti vajza/djem në kurse' }, unit: 'ratio', direction: 'within-band' },
    { type: 'SetTarget', indicatorId, period: '2024', target: { kind: 'band', lower: '0.9', upper: '1.1' } },
  ),
  ...indicatorDecided(
    { code: 'I.1.c', name: { sq: 'Miratimi i buxhetit gjinor' }, unit: 'milestone' },
    { type: 'SetTarget', indicatorId, period: 'end-of-plan', target: { kind: 'milestone' } },
    { type: 'ReportIndicatorValue', indicatorId, period: '2022', value: '1' },
  ),
  ...indicatorDecided(
    { code: 'I.1.d', name: { sq: 'Qëndrimi i komunitetit' }, unit: 'text' },
    { type: 'ReportIndicatorValue', indicatorId, period: '2022', text: { sq: 'Pjesëmarrje e lartë në takime' } },
  ),
  ...indicatorDecided({ code: 'I.1.e', name: { sq: 'Fonde për strehëzat' }, unit: 'amount', currency: 'ALL' }),
  ...indicatorDecided({
    code: 'I.1.f',
    name: { sq: 'Pjesa e buxhetit për shërbimet e specializuara' },
    unit: 'percent',
    computed: { kind: 'budget-share', category: 'dv-specialised-services' },
  }),
]

const planBudgetLine = {
  type: 'PlanBudgetLine',
  planId,
  measureId,
  municipality: 'ELB',
  fiscalYear: 2024,
  currency: 'ALL',
}

const budgetEvents = [
  ...decided(budgetLine, budgetLineCommandSchema, [
    {
      ...planBudgetLine,
      budgetLineId,
      fundingSource: { kind: 'donor', name: 'donatorë (A2B, ADRA)' },
      categories: ['gender-responsive-budgeting'],
      planned: { amount: { amount: '58000.00', currency: 'ALL' } },
    },
    { type: 'RevisePlannedCost', budgetLineId, planned: { costingText: 'Sipas kostimit të MSHMS' } },
    { type: 'RevisePlannedCost', budgetLineId, planned: { amount: { amount: '60000', currency: 'ALL' } } },
    {
      type: 'AllocateBudget',
      budgetLineId,
      allocated: { amount: '50000', currency: 'ALL' },
      date: '2024-01-15',
      decision: 'VKB Nr. 12',
    },
    { type: 'AllocateBudget', budgetLineId, allocated: { amount: '55000', currency: 'ALL' }, date: '2024-07-01' },
    { type: 'RecordExpenditure', budgetLineId, executed: { amount: '20000', currency: 'ALL' }, asOf: '2024-06-30' },
    {
      type: 'RecordExpenditure',
      budgetLineId,
      executed: { amount: '54500.50', currency: 'ALL' },
      asOf: '2024-12-31',
      note: { sq: 'Pagesa e fundit u krye në dhjetor' },
    },
    { type: 'RetagBudgetLine', budgetLineId, categories: ['gender-responsive-budgeting', 'roma-egyptian-integration'] },
  ]),
  ...decided(budgetLine, budgetLineCommandSchema, [
    {
      ...planBudgetLine,
      budgetLineId: otherBudgetLineId,
      fundingSource: { kind: 'central-government', name: 'MSHMS' },
      planned: { costingText: 'Sipas kostimit të MSHMS' },
    },
  ]),
]

const nationalIndicatorEvents = decided(nationalIndicator, nationalIndicatorCommandSchema, [
  {
    type: 'DefineNationalIndicator',
    code: 'AL-SKGJB-2.3',
    name: { sq: 'Vajzat në arsimin profesional', en: 'Girls in vocational education' },
    unit: 'percent',
    numerator: { sq: 'Vajza të regjistruara' },
    denominator: { sq: 'Nxënës të regjistruar' },
  },
  { type: 'ReviseNationalIndicator', code: 'AL-SKGJB-2.3', sdg: { indicator: '4.3.1' } },
])

const dhis2Reason = { sq: 'Formulari i ministrisë u ndryshua' }
const dhis2MappingEvents = [
  ...decided(dhis2Mapping, dhis2MappingCommandSchema, [
    {
      type: 'MapDhis2DataElement',
      indicator: { nationalCode: 'AL-SKGJB-2.3' },
      dataSet: 'AL_MUN_GENDER',
      dataElement: { numerator: 'GIRLS_VOCATIONAL', denominator: 'PUPILS_VOCATIONAL' },
      indicatorUnit: 'percent',
    },
    { type: 'UnmapDhis2DataElement', indicator: { nationalCode: 'AL-SKGJB-2.3' }, reason: dhis2Reason },
  ]),
  ...decided(dhis2Mapping, dhis2MappingCommandSchema, [
    { type: 'MapDhis2OrgUnit', municipality: 'ELB', orgUnit: 'AL_ELBASAN', reason: dhis2Reason },
    { type: 'UnmapDhis2OrgUnit', municipality: 'ELB', reason: dhis2Reason },
  ]),
  ...decided(dhis2Mapping, dhis2MappingCommandSchema, [
    {
      type: 'MapDhis2CategoryOptionCombo',
      dimension: 'area',
      category: 'qytet',
      categoryOptionCombo: 'AREA_URBAN',
      adx: { category: 'AREA', option: 'URBAN' },
    },
    { type: 'UnmapDhis2CategoryOptionCombo', dimension: 'area', category: 'qytet', reason: dhis2Reason },
  ]),
]

const rebuildEvents = decided(readModelRebuilds, recordForcedRebuildSchema, [
  forcedRebuild('plans', { ok: false, checkedEvents: 11, firstBadPosition: '12', reason: 'plan-1@0 was altered', head: null }),
])

const revocationEvents = decided(tokenRevocations, revokeTokensSchema, [
  { type: 'RevokeTokens', subject: 'editor-elb', reason: { sq: 'Punonjësja u largua nga bashkia' } },
])

const events: AnyDomainEvent[] = [
  ...municipalityEvents,
  ...planEvents,
  ...indicatorEvents,
  ...budgetEvents,
  ...nationalIndicatorEvents,
  ...dhis2MappingEvents,
  ...rebuildEvents,
  ...revocationEvents,
]

/** The data as a store gives it back: JSON, nothing more. */
const stored = (data: unknown): unknown => JSON.parse(JSON.stringify(data))

const one = <T extends DomainEventType>(type: T): Extract<AnyDomainEvent, { type: T }> =>
  events.find((event): event is Extract<AnyDomainEvent, { type: T }> => event.type === type)!

t.test('every event type has a schema, and the deciders above record every one', async (t) => {
  t.same(eventTypes, Object.keys(eventSchemas).sort(), 'the types, sorted')
  t.equal(eventTypes.length, 43)
  t.ok(Object.isFrozen(eventTypes) && Object.isFrozen(eventSchemas))
  t.same([...new Set(events.map((event) => event.type))].sort(), eventTypes, 'each type decided at least once')
})

t.test('every decided event parses to itself, from its stored JSON', async (t) => {
  for (const event of events) {
    t.strictSame(eventSchemas[event.type].parse(stored(event.data)), event.data, `${event.type} by its schema`)
    t.strictSame(parseEvent(event.type, stored(event.data)), event, `${event.type} by parseEvent`)
  }
})

t.test('data that does not fit its type is refused, naming the field', async (t) => {
  const refused = (type: string, data: unknown, problem: string) =>
    t.throws(() => parseEvent(type, data), { code: 'TRG_EVENT_INVALID', details: { type, problem } }, problem)

  const registered = one('municipality.registered.v2').data
  refused('municipality.registered.v2', { ...registered, name: { sq: '' } }, 'name.sq must not be empty')
  refused('municipality.registered.v2', { ...registered, country: 'MK' }, 'country must be AL (Albania) or XK (Kosovo)')
  refused('municipality.registered.v2', { ...registered, name: { sq: 'Elbasan', fr: 'Elbasan' } }, 'name.fr is not a field of this event')
  refused('municipality.registered.v2', { type: 'RegisterMunicipality', ...registered }, 'type is not a field of this event')
  refused('municipality.registered.v2', 'ELB', '(data) must be of type object')
  refused('municipality.registered.v2', null, '(data) must be of type object')
  // The kind a command may leave out is always recorded.
  const { kind: _kind, ...withoutKind } = registered
  refused('municipality.registered.v2', withoutKind, 'kind must be bashkia or komuna')
  refused('municipality.registered.v2', { ...registered, kind: 'qytet' }, 'kind must be bashkia or komuna')

  const { planId: _planId, ...withoutPlanId } = one('plan.approved.v1').data
  // A field schema's own message wins, as it does for commands.
  refused('plan.approved.v1', withoutPlanId, 'planId must be a UUID')

  // Event data is complete: nothing falls back to a command's defaults.
  const { nationalStrategies: _strategies, ...withoutStrategies } = one('plan.drafted.v1').data
  refused('plan.drafted.v1', withoutStrategies, 'nationalStrategies is missing')
  const drafted = one('plan.drafted.v1').data
  refused('plan.drafted.v1', { ...drafted, nationalStrategies: [{ sq: ' ' }] }, 'nationalStrategies.0.sq must not be empty')
  refused('plan.drafted.v1', { ...drafted, period: { from: 2024, to: 2022 } }, 'period.to must not be before from')
  refused('plan.closed.v1', { ...one('plan.closed.v1').data, reason: 'done' }, 'reason must be of type object')
  const { comments: _comments, ...withoutComments } = one('plan.returned.v1').data
  refused('plan.returned.v1', withoutComments, 'comments is missing')
  refused(
    'plan.report-submitted.v1',
    { ...one('plan.report-submitted.v1').data, period: '2023-H3' },
    'period must be a year (2024), a half-year (2024-H1) or a quarter (2024-Q3)',
  )
  refused(
    'plan.report-approved.v1',
    { ...one('plan.report-approved.v1').data, comments: { sq: 'Mirë' } },
    'comments is not a field of this event',
  )

  const budgetTotal = one('municipality.budget-total-set.v1').data
  refused('municipality.budget-total-set.v1', { ...budgetTotal, fiscalYear: '2024' }, 'fiscalYear must be a year')

  const planned = one('budget-line.planned.v1').data
  refused(
    'budget-line.planned.v1',
    { ...planned, planned: { amount: { amount: '1', currency: 'ALL' }, costingText: 'Sipas kostimit' } },
    'planned must give either an amount or a costingText, not both',
  )
  refused(
    'budget-line.planned.v1',
    { ...planned, planned: { amount: { amount: '-1', currency: 'ALL' } } },
    'planned.amount.amount must not be negative',
  )
  refused('budget-line.planned.v1', { ...planned, categories: 'gender' }, 'categories must be of type array')

  const targetSet = one('indicator.target-set.v1').data
  refused(
    'indicator.target-set.v1',
    { ...targetSet, target: { kind: 'hope' } },
    'target.kind must be absolute, relative, range, milestone or band',
  )
  refused(
    'indicator.target-set.v1',
    { ...targetSet, target: { kind: 'milestone', value: '1' } },
    'target.value is not a field of this event',
  )

  const forced = one('read-models.rebuild-forced.v1').data
  refused(
    'read-models.rebuild-forced.v1',
    { ...forced, verification: { ...forced.verification, note: 'x' } },
    'verification.note is not a field of this event',
  )
  refused('read-models.rebuild-forced.v1', { ...forced, differing: [''] }, 'differing.0 must not be empty')
  const { differing: _differing, ...withoutDiffering } = forced
  refused('read-models.rebuild-forced.v1', withoutDiffering, 'differing is missing')

  const corrected = one('indicator.value-corrected.v1').data
  refused(
    'indicator.value-corrected.v1',
    { ...corrected, previous: { ...corrected.previous, reason: corrected.reason } },
    'previous.reason is not a field of this event',
  )
})

t.test('data the schema would rewrite is refused: what is read is what was decided', async (t) => {
  const budgetTotal = one('municipality.budget-total-set.v1').data
  t.throws(() => parseEvent('municipality.budget-total-set.v1', { ...budgetTotal, total: { amount: '4250000000.00', currency: 'ALL' } }), {
    code: 'TRG_EVENT_INVALID',
    details: { type: 'municipality.budget-total-set.v1', problem: 'total.amount must be recorded as "4250000000"' },
  })
  const drafted = one('plan.drafted.v1').data
  t.throws(() => parseEvent('plan.drafted.v1', { ...drafted, nationalStrategies: [{ sq: 'Strategjia ' }] }), {
    code: 'TRG_EVENT_INVALID',
    details: { type: 'plan.drafted.v1', problem: 'nationalStrategies.0.sq must be recorded as "Strategjia"' },
  })
})

t.test('an unknown event type is refused', async (t) => {
  for (const type of ['plan.deleted.v1', 'plan.drafted.v2', 'municipality.registered.v3', 'toString', '__proto__', '']) {
    t.throws(
      () => parseEvent(type, {}),
      {
        code: 'TRG_EVENT_INVALID',
        category: 'INTERNAL',
        details: { type, problem: 'there is no event type of this name' },
        message: `Event ${type} is invalid: there is no event type of this name`,
      },
      JSON.stringify(type),
    )
  }
})

t.test('superseded versions keep their schemas, and only parseHistoricEvent reads them', async (t) => {
  t.same(historicEventTypes, ['municipality.registered.v1'])
  t.same(historicEventTypes, Object.keys(historicEventSchemas).sort())
  t.ok(Object.isFrozen(historicEventTypes) && Object.isFrozen(historicEventSchemas))
  t.notOk(
    historicEventTypes.some((type) => Object.hasOwn(eventSchemas, type)),
    'no type is both current and superseded',
  )

  const v1 = { code: 'ELB', name: { sq: 'Bashkia Elbasan' }, country: 'AL', currency: 'ALL' }
  t.strictSame(parseHistoricEvent('municipality.registered.v1', v1), { type: 'municipality.registered.v1', data: v1 })
  const refused = (type: string, data: unknown, problem: string) =>
    t.throws(() => parseHistoricEvent(type, data), { code: 'TRG_EVENT_INVALID', details: { type, problem } }, problem)
  refused('municipality.registered.v1', { ...v1, kind: 'bashkia' }, 'kind is not a field of this event')
  refused('municipality.registered.v1', { ...v1, name: { sq: 'Elbasan ' } }, 'name.sq must be recorded as "Elbasan"')
  refused('municipality.registered.v1', { ...v1, currency: 'USD' }, 'currency must be ALL (lekë) or EUR')
  refused('municipality.registered.v2', one('municipality.registered.v2').data, 'there is no superseded event type of this name')
  refused('toString', {}, 'there is no superseded event type of this name')

  t.throws(() => parseEvent('municipality.registered.v1', v1), {
    code: 'TRG_EVENT_INVALID',
    message: 'Event municipality.registered.v1 is invalid: it is a superseded version, to be read through upcast',
  })
})

t.test('Albanian text survives, as written', async (t) => {
  const added = one('plan.measure-added.v1')
  const read = parseEvent(added.type, stored(added.data)) as typeof added
  t.equal(read.data.schedule?.sq, 'Çdo vit')
  t.equal(read.data.legalReferences[0]?.sq, 'Ligji Nr. 9970/2008 “Për barazinë gjinore në shoqëri”')
  const costed = one('budget-line.planned-cost-revised.v1')
  t.strictSame(parseEvent(costed.type, stored(costed.data)).data, {
    budgetLineId,
    planned: { costingText: 'Sipas kostimit të MSHMS' },
    previous: { amount: { amount: '58000', currency: 'ALL' } },
  })

  // Neither composed nor decomposed ë is rewritten into the other.
  const area = one('plan.area-added.v1').data
  const titleRead = (sq: string) => (parseEvent('plan.area-added.v1', { ...area, title: { sq } }).data as typeof area).title.sq
  t.equal(titleRead('She\u0308rbimet sociale'), 'She\u0308rbimet sociale')
  t.equal(titleRead('Shërbimet sociale'), 'Shërbimet sociale')
})
