import type { Decider } from '@treguesi/domain'
import { defineIndicator, draftPlan, planBudgetLine, registerMunicipality, routeCommand } from '@treguesi/domain/testing'
import {
  budgetsProjection,
  emptyReadModel,
  nationalProjection,
  plansProjection,
  project,
  type BudgetsState,
  type LogEvent,
  type PlansState,
} from '@treguesi/projections'
import t from 'tap'
import * as exchange from './index.js'
import { figureRows } from './figure-rows.js'
import { exportView, iatiIdentifierOf, nationalContext, operatorSource } from './read-model-source.js'
import { operatorIatiSource } from './iati/iati-source.js'
import { period, uuid } from './test-support.js'

/** A log of the events the real deciders decide for `commands`, in order. */
function logOf(commands: readonly ({ readonly type: string } & Readonly<Record<string, unknown>>)[]): LogEvent[] {
  const events: LogEvent[] = []
  const states = new Map<string, unknown>()
  const decide = <Command, State>(decider: Decider<Command, { type: string; data: unknown }, State>, stream: string, command: Command) => {
    let state = (states.get(stream) as State | undefined) ?? decider.initialState
    const revision = BigInt(events.filter((event) => event.stream === stream).length)
    decider.decide(command, state).forEach((event, index) => {
      state = decider.evolve(state, event)
      events.push({
        stream,
        revision: revision + BigInt(index),
        position: BigInt(events.length + 1),
        type: event.type,
        data: event.data,
        metadata: {},
        recordedAt: new Date(0),
      })
    })
    states.set(stream, state)
  }
  for (const input of commands) {
    const { aggregate, command, stream } = routeCommand(input)
    decide(aggregate.decider, stream, command)
  }
  return events
}

const elbasanPlan = uuid(1)
const drenasPlan = uuid(2)
const ids = { count: uuid(10), text: uuid(11), budgetShare: uuid(12), drenas: uuid(20), measure: uuid(30), line: uuid(40) } as const
const attachedTo = { kind: 'measure', id: ids.measure } as const
const elbasanYears = { planPeriod: { from: 2024, to: 2027 } }

const log = logOf([
  registerMunicipality(),
  registerMunicipality({ code: 'DRE', name: { sq: 'Komuna e Drenasit' }, country: 'XK', currency: 'EUR' }),
  draftPlan(elbasanPlan),
  draftPlan(drenasPlan, { municipality: 'DRE', period: { from: 2025, to: 2028 } }),
  defineIndicator(ids.count, elbasanPlan, attachedTo, {
    ...elbasanYears,
    code: '1.1.1/a',
    disaggregations: [{ dimension: 'sex', categories: ['F', 'M'], exhaustive: true }],
  }),
  { type: 'SetTarget', indicatorId: ids.count, period: '2024', target: { kind: 'absolute', value: '10' } },
  {
    type: 'ReportIndicatorValue',
    indicatorId: ids.count,
    period: '2024',
    value: '12',
    breakdown: { sex: { F: '7', M: '5' } },
    source: { sq: 'Regjistri i Gjendjes Civile' },
  },
  {
    type: 'CorrectIndicatorValue',
    indicatorId: ids.count,
    period: '2024',
    value: '15',
    breakdown: { sex: { F: '9', M: '6' } },
    reason: { sq: 'Rinumërim' },
  },
  defineIndicator(ids.text, elbasanPlan, attachedTo, { ...elbasanYears, code: '1.1.1/b', unit: 'text' }),
  { type: 'ReportIndicatorValue', indicatorId: ids.text, period: '2024', text: { sq: 'U ngrit tryeza' } },
  defineIndicator(ids.budgetShare, elbasanPlan, attachedTo, {
    ...elbasanYears,
    code: '1.1.1/c',
    unit: 'percent',
    computed: { kind: 'budget-share', category: 'dv-specialised-services' },
  }),
  defineIndicator(ids.drenas, drenasPlan, attachedTo, { municipality: 'DRE', code: '1/T1', planPeriod: { from: 2025, to: 2028 } }),
  { type: 'SetTarget', indicatorId: ids.drenas, period: '2025-H1', target: { kind: 'range', lower: '3', upper: '5' } },
  { type: 'ReportIndicatorValue', indicatorId: ids.drenas, period: '2025-H1', value: '4' },
  { type: 'SetMunicipalBudgetTotal', code: 'ELB', fiscalYear: 2024, total: { amount: '5000000000', currency: 'ALL' } },
  planBudgetLine(ids.line, elbasanPlan, ids.measure, { categories: ['dv-specialised-services'], currency: 'ALL' }),
  { type: 'AllocateBudget', budgetLineId: ids.line, allocated: { amount: '45000000', currency: 'ALL' }, date: '2024-02-01' },
])

const plans: PlansState = project(plansProjection, emptyReadModel(plansProjection), log).state
const budgets: BudgetsState = project(budgetsProjection, emptyReadModel(budgetsProjection), log).state

t.test("the operator's source: every plan of every municipality, with its country", async (t) => {
  const source = operatorSource(plans, budgets)
  t.strictSame(
    [...source.plans()].sort((a, b) => a.municipality.localeCompare(b.municipality)),
    [
      { planId: drenasPlan, municipality: 'DRE', country: 'XK' },
      { planId: elbasanPlan, municipality: 'ELB', country: 'AL' },
    ],
  )
  t.strictSame(source.indicatorsOf(elbasanPlan), [ids.count, ids.text, ids.budgetShare], 'in the order they were defined')
  t.strictSame(source.indicatorsOf(uuid(99)), [], 'no plan, no indicator')
  t.equal(source.figures(uuid(99)), null, 'an indicator it does not hold has no figures')
  t.equal(source.figures(uuid(99), period('2024')), null)
})

t.test("an indicator's figures: its default ones, or a period's", async (t) => {
  const source = operatorSource(plans, budgets)
  const latest = source.figures(ids.drenas)
  t.equal(latest?.period, '2025-H1', 'the latest period with a value')
  t.equal(latest?.periodChoice, 'latest-with-actual-and-target')
  const asked = source.figures(ids.drenas, period('2025'))
  t.equal(asked?.period, '2025', 'the period asked for')
  t.equal(asked?.periodChoice, 'requested')
  t.strictSame(asked?.actual, { value: null, reason: 'no-actual' })
})

t.test(
  "the rows of the read models as an admin reads them: corrected figures, and budget shares from the budget's allocations",
  async (t) => {
    const rows = [...figureRows(operatorSource(plans, budgets))].map(
      ({ municipality, indicatorId, period, part, value, target, targetBounds, attainment, status, corrections, source }) => ({
        municipality,
        indicatorId,
        period,
        part,
        value,
        target,
        ...(targetBounds !== null && { targetBounds }),
        attainment,
        status,
        corrections,
        source,
      }),
    )
    const elbasan = { municipality: 'ELB', period: '2024' }
    const countRow = { ...elbasan, indicatorId: ids.count, corrections: 1, status: 'corrected', source: 'Regjistri i Gjendjes Civile' }
    t.strictSame(rows, [
      {
        municipality: 'DRE',
        indicatorId: ids.drenas,
        period: '2025-H1',
        part: null,
        value: '4',
        // A range: the figure progress moves towards, and its bounds.
        target: '3',
        targetBounds: { lower: '3', upper: '5' },
        attainment: '1.333333333333',
        status: 'reported',
        corrections: 0,
        source: null,
      },
      { ...countRow, part: null, value: '15', target: '10', attainment: '1.5' },
      { ...countRow, part: { dimension: 'sex', category: 'F' }, value: '9', target: null, attainment: null },
      { ...countRow, part: { dimension: 'sex', category: 'M' }, value: '6', target: null, attainment: null },
      {
        ...elbasan,
        indicatorId: ids.budgetShare,
        part: null,
        value: '0.9',
        target: null,
        attainment: null,
        status: 'computed',
        corrections: 0,
        source: null,
      },
    ])
  },
)

t.test("the package's entry gives what its modules do", async (t) => {
  t.equal(exchange.operatorSource, operatorSource)
  t.equal(exchange.figureRows, figureRows)
  t.strictSame(
    [
      'changedRows',
      'compareRows',
      'csvRecord',
      'exportedRows',
      'parseExportRequest',
      'scopedSource',
      'tidyCsv',
      'tidyCsvRecord',
      'utf8Bom',
    ].filter((name) => !(name in exchange)),
    [],
  )
})

t.test("the national context: each figure's log position, the municipalities, every national code", async (t) => {
  const [first, second, untied, early] = [uuid(50), uuid(51), uuid(52), uuid(53)]
  const tiedTo = (nationalCode: string) => ({ nationalCode, nationalUnit: 'count' })
  const nationalLog = logOf([
    registerMunicipality(),
    registerMunicipality({ code: 'DRE', name: { sq: 'Komuna e Drenasit' }, country: 'XK', currency: 'EUR' }),
    draftPlan(elbasanPlan),
    { type: 'DefineNationalIndicator', code: 'NSGE-B2.2', name: { sq: 'Prindër në kurset e prindërimit pozitiv' }, unit: 'count' },
    { type: 'DefineNationalIndicator', code: 'NSGE-D4.1', name: { sq: 'Strehëza të hapura' }, unit: 'count' },
    // Tied before the catalogue held its code, as a log recorded before the catalogue was.
    defineIndicator(early, elbasanPlan, attachedTo, { ...elbasanYears, code: '0.1', ...tiedTo('PKVBGJ-3.1') }),
    defineIndicator(first, elbasanPlan, attachedTo, { ...elbasanYears, code: '1.1', ...tiedTo('NSGE-B2.2') }),
    defineIndicator(second, elbasanPlan, attachedTo, { ...elbasanYears, code: '1.2' }),
    defineIndicator(untied, elbasanPlan, attachedTo, { ...elbasanYears, code: '1.3', ...tiedTo('NSGE-D4.1') }),
    { type: 'ReportIndicatorValue', indicatorId: first, period: '2024', value: '80' },
    { type: 'ReportIndicatorValue', indicatorId: second, period: '2024', value: '70' },
    { type: 'ReportIndicatorValue', indicatorId: second, period: '2025-H1', value: '30' },
    { type: 'LinkNationalIndicator', indicatorId: second, reason: { sq: 'I njëjti tregues' }, ...tiedTo('NSGE-B2.2') },
    { type: 'LinkNationalIndicator', indicatorId: untied, nationalCode: null, reason: { sq: 'Gabim' } },
    { type: 'CorrectIndicatorValue', indicatorId: first, period: '2024', value: '82', reason: { sq: 'Rinumërim' } },
  ])
  const national = project(nationalProjection, emptyReadModel(nationalProjection), nationalLog).state
  const context = nationalContext(national)
  const positionOf = (type: string, indicatorId: string, at: string) =>
    nationalLog.find(
      (event) =>
        event.type === type &&
        (event.data as { indicatorId: string; period: string }).indicatorId === indicatorId &&
        (event.data as { period: string }).period === at,
    )!.position
  const corrected = positionOf('indicator.value-corrected.v1', first, '2024')
  t.ok(corrected > positionOf('indicator.value-reported.v1', second, '2024'), 'the correction came last')
  t.equal(context.positionOf(first, period('2024')), corrected, "the correction's position, not the report's")
  t.equal(context.positionOf(second, period('2024')), positionOf('indicator.value-reported.v1', second, '2024'))
  t.equal(
    context.positionOf(second, period('2025-H1')),
    positionOf('indicator.value-reported.v1', second, '2025-H1'),
    'reported before it was tied',
  )
  t.equal(context.positionOf(first, period('2025')), null, 'a period without a figure')
  t.equal(context.positionOf(untied, period('2024')), null, 'an indicator without figures')
  t.equal(context.positionOf(uuid(99), period('2024')), null, 'an indicator the read model does not hold')
  t.equal(context.nationalCodeOf(second), 'NSGE-B2.2', 'tied after it was defined')
  t.equal(context.nationalCodeOf(untied), null, 'untied')
  t.equal(context.nationalCodeOf(uuid(99)), null, 'one the read model does not hold')
  t.strictSame([...context.municipalities()], ['ELB', 'DRE'], 'every registered municipality, as registered')
  t.strictSame(
    [...context.nationalCodes()].sort(),
    ['NSGE-B2.2', 'NSGE-D4.1', 'PKVBGJ-3.1'],
    "the catalogue's, one with no indicator tied too, and one an indicator was tied to before it; each once",
  )
  const empty = nationalContext(emptyReadModel(nationalProjection).state)
  t.strictSame([...empty.municipalities()], [])
  t.strictSame([...empty.nationalCodes()], [])
})

t.test("the DHIS2 lookup and an export's view: the admins' mapping as the national read model holds it", async (t) => {
  const indicatorId = uuid(60)
  const mappingLog = logOf([
    registerMunicipality(),
    { type: 'DefineNationalIndicator', code: 'NSGE-B2.2', name: { sq: 'Prindër në kurset e prindërimit pozitiv' }, unit: 'count' },
    { type: 'MapDhis2OrgUnit', municipality: 'ELB', orgUnit: 'AL_ELB' },
    {
      type: 'MapDhis2DataElement',
      indicator: { nationalCode: 'NSGE-B2.2' },
      dataSet: 'LAP',
      dataElement: { code: 'LAP_PARENTS' },
      disaggregation: 'sex',
      indicatorUnit: 'count',
    },
    {
      type: 'MapDhis2DataElement',
      indicator: { indicatorId },
      dataSet: 'LAP',
      dataElement: { code: 'LAP_PARENTS_ELB' },
      disaggregation: 'none',
      indicatorUnit: 'count',
      indicatorDimensions: [],
    },
    {
      type: 'MapDhis2CategoryOptionCombo',
      dimension: 'sex',
      category: 'F',
      categoryOptionCombo: 'SEX_F',
      adx: { category: 'SEX', option: 'F' },
    },
  ])
  const national = project(nationalProjection, emptyReadModel(nationalProjection), mappingLog).state
  const view = exportView({ figures: operatorSource(plans, budgets), iati: operatorIatiSource(plans, budgets) }, national)
  t.match(view.dhis2.targetOf(uuid(61), 'NSGE-B2.2'), { dataSet: 'LAP', dataElement: { code: 'LAP_PARENTS' }, disaggregation: 'sex' })
  t.match(view.dhis2.targetOf(indicatorId, 'NSGE-B2.2'), { dataElement: { code: 'LAP_PARENTS_ELB' } }, "an indicator's own mapping first")
  t.equal(view.dhis2.targetOf(uuid(61), null), null)
  t.equal(view.dhis2.orgUnitOf('ELB'), 'AL_ELB')
  t.equal(view.dhis2.orgUnitOf('DRE'), null)
  t.match(view.dhis2.comboOf('sex', 'F'), { categoryOptionCombo: 'SEX_F', adx: { category: 'SEX', option: 'F' } })
  t.equal(view.dhis2.comboOf('sex', 'M'), null)
  t.strictSame([...view.national.municipalities()], ['ELB'])
  t.strictSame([...view.figures.plans()].length, 2, 'the figures as given')
  t.strictSame([...view.iati.plans()].length, 2, 'and the activities')
  t.equal(view.iati.organisationIdentifierOf('ELB'), null, 'no identifier in this log')
})

t.test("a municipality's IATI identifier, as the admins set it", async (t) => {
  const withIdentifier = logOf([registerMunicipality(), { type: 'SetMunicipalityIatiIdentifier', code: 'ELB', identifier: 'AL-COA-ELB' }])
  const state = project(plansProjection, emptyReadModel(plansProjection), withIdentifier).state
  t.equal(iatiIdentifierOf(state)('ELB'), 'AL-COA-ELB')
  t.equal(iatiIdentifierOf(state)('DRE'), null, 'a municipality it does not hold')
  t.equal(iatiIdentifierOf(plans)('ELB'), null, 'one without')
})
