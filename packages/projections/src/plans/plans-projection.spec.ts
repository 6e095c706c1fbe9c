import fc from 'fast-check'
import { getEntry } from '../persistent-map.js'
import t from 'tap'
import { emptyReadModel, project, type LogEvent, type ReadModel } from '../projection.js'
import { planTree } from './plan-selectors.js'
import { indicatorEntry, indicatorsOfPlan, initialPlansState, plansProjection, type PlansState } from './plans-projection.js'
import { elbasan, elbasanScenario, modelOf, Scenario, uuid, type Input } from './test-support.js'
import { plainJson, sameContents } from '../budgets/test-support.js'

const { plan: planId, measure, indicator: ids } = elbasan

t.test('folds municipalities, plans and indicators as their deciders do', async (t) => {
  const s = elbasanScenario()
  s.run({ type: 'SetMunicipalBudgetTotal', code: 'ELB', fiscalYear: 2024, total: { amount: '4250000000', currency: 'ALL' } })
  s.run({ type: 'SetMunicipalityIatiIdentifier', code: 'ELB', identifier: 'AL-COA-12345' })
  const { state, position } = modelOf(s.log)
  t.equal(position, BigInt(s.log.length))
  t.strictSame(state.municipalities.ELB, {
    registered: true,
    code: 'ELB',
    name: { sq: 'Bashkia Elbasan' },
    country: 'AL',
    kind: 'bashkia',
    currency: 'ALL',
    budgetTotals: { 2024: { amount: '4250000000', currency: 'ALL' } },
    iatiIdentifier: 'AL-COA-12345',
  })
  const plan = getEntry(state.plans, planId)!
  t.equal(plan.status, 'approved')
  t.strictSame(plan.adoption, { status: 'approved' }, 'submitted, then approved')
  t.strictSame(plan.reports, {}, 'no reporting round yet')
  t.equal(Object.keys(plan.areas).length, 4)
  t.equal(plan.measures[measure['II.2 (a)']]!.status, 'partially-completed')
  t.equal(plan.measures[measure['II.2 (a)']]!.statusHistory.length, 2)
  t.strictSame(getEntry(state.indicatorsByPlan, planId), Object.values(ids), 'indicators of a plan, in the order they were defined')
  t.equal(getEntry(state.indicators, ids.parents)?.facts.definition.planId, planId)
  const parents = indicatorEntry(state, ids.parents)!
  t.strictSame(parents.facts.values['2024'], { value: '80', source: { sq: 'Drejtoria e Shërbimeve Sociale' } }, 'the corrected figure')
  t.equal(parents.facts.corrections, 1)
  t.strictSame(
    parents.history.map((entry) => entry.kind),
    ['reported', 'corrected'],
  )
  t.equal(indicatorEntry(state, ids.awareness)!.history.length, 3)
  t.strictSame(indicatorEntry(state, ids.budgetShare)!.history, [])
  t.equal(indicatorEntry(state, uuid(999)), undefined)
})

t.test('the reducer is total and copies only what changes', async (t) => {
  const s = elbasanScenario()
  const model = modelOf(s.log)
  const before = plainJson(model.state)
  const apply = (type: string, data: unknown, stream = 'elsewhere', metadata = {}) =>
    plansProjection.apply(model.state, s.append(stream, type, data, metadata))

  t.equal(apply('budget-line.planned.v1', { budgetLineId: uuid(500) }), model.state, 'other events leave the state as it is')
  t.equal(apply('plan.drafted.v2', { planId: uuid(501) }), model.state, 'so do versions it does not know')
  t.equal(
    apply('municipality.registered.v1', { code: 'TIR', name: { sq: 'Bashkia Tiranë' }, country: 'AL', currency: 'ALL' }),
    model.state,
    'and superseded ones, which the store upcasts before any projection sees them',
  )
  t.equal(
    apply('plan.area-added.v1', { planId: uuid(502), areaId: uuid(503), code: 'X', title: { sq: 'X' } }),
    model.state,
    'a plan never drafted',
  )
  t.equal(apply('plan.report-approved.v1', { planId: uuid(502), period: '2024' }), model.state, 'nor is its review')
  t.equal(
    apply('plan.measure-status-changed.v1', { planId, measureId: uuid(504), from: 'planned', to: 'completed', date: '2024-12-31' }),
    model.state,
    'a measure never added',
  )
  t.equal(apply('plan.measure-revised.v1', { planId, measureId: uuid(504), code: 'X' }), model.state)
  t.equal(apply('plan.area-revised.v1', { planId, areaId: uuid(506), code: 'X' }), model.state, 'an area never added')
  t.equal(
    apply('plan.objective-revised.v1', { planId, objectiveId: uuid(507), code: 'X', reason: { sq: 'X' } }),
    model.state,
    'an objective never added',
  )
  t.equal(
    apply('indicator.target-set.v1', { indicatorId: uuid(505), period: '2024', target: { kind: 'milestone' } }),
    model.state,
    'an indicator never defined',
  )
  t.equal(
    apply('municipality.budget-total-set.v1', { code: 'TIR', fiscalYear: 2024, total: { amount: '1', currency: 'ALL' } }),
    model.state,
    'a municipality never registered',
  )
  t.equal(apply('municipality.iati-identifier-set.v1', { code: 'TIR', identifier: 'AL-COA-1' }), model.state, 'nor its IATI identifier')

  const revised = apply('plan.measure-revised.v1', { planId, measureId: measure['IV.1 (a)'], output: { sq: '14 auditime' } })
  t.not(revised, model.state)
  t.equal(revised.indicators, model.state.indicators, 'untouched parts are shared, not copied')
  t.equal(getEntry(revised.plans, uuid(2)), getEntry(model.state.plans, uuid(2)))
  t.strictSame(getEntry(revised.plans, planId)!.measures[measure['IV.1 (a)']]!.output, { sq: '14 auditime' })

  const area = apply('plan.area-revised.v1', { planId, areaId: elbasan.area.I, title: { sq: 'Fusha I', en: 'Area I' } })
  t.strictSame(getEntry(area.plans, planId)!.areas[elbasan.area.I], {
    areaId: elbasan.area.I,
    code: 'I',
    title: { sq: 'Fusha I', en: 'Area I' },
  })

  const target = apply('indicator.target-set.v1', {
    indicatorId: ids.informed,
    period: '2023',
    target: { kind: 'absolute', value: '15000' },
  })
  const informed = indicatorEntry(target, ids.informed)!
  t.equal(informed.history, indicatorEntry(model.state, ids.informed)!.history, 'a target is no value event')
  t.strictSame(informed.facts.targets['2023'], { kind: 'absolute', value: '15000' })
  t.equal(target.indicatorsByPlan, model.state.indicatorsByPlan, 'the index of plans changes only with a definition')
  t.equal(target.plans, model.state.plans)

  const bare = apply(
    'indicator.value-reported.v1',
    { indicatorId: ids.informed, period: '2023', value: '15500' },
    `indicator-${ids.informed}`,
  )
  t.match(
    indicatorEntry(bare, ids.informed)!.history.at(-1),
    { kind: 'reported', occurredAt: null, actor: null },
    'metadata without an envelope',
  )

  // A log written by another client may define an indicator, or draft a plan, a second time.
  const definition = s.log.find(
    (event) => event.type === 'indicator.defined.v1' && (event.data as { indicatorId: string }).indicatorId === ids.informed,
  )!
  const redefined = apply('indicator.defined.v1', definition.data)
  t.equal(redefined.indicatorsByPlan, model.state.indicatorsByPlan, 'defined again in its plan: indexed once')
  const moved = apply('indicator.defined.v1', { ...(definition.data as object), planId: uuid(2) })
  t.notOk(indicatorsOfPlan(moved, planId).includes(ids.informed), 'defined in another plan: it leaves the first')
  t.equal(indicatorsOfPlan(moved, uuid(2)).at(-1), ids.informed, 'and is listed under the second')
  t.same(indicatorsOfPlan(model.state, uuid(999)), [], 'a plan without indicators lists none')
  const drafted = s.log.find((event) => event.type === 'plan.drafted.v1' && (event.data as { planId: string }).planId === planId)!
  t.equal(apply('plan.drafted.v1', drafted.data).plansByMunicipality, model.state.plansByMunicipality, 'drafted again: indexed once')

  t.strictSame(plainJson(model.state), before, 'nothing was changed in place')
  t.strictSame(emptyReadModel(plansProjection), { state: initialPlansState, position: null })
  t.ok(Object.isFrozen(initialPlansState))
  t.equal(plansProjection.name, 'plans')
})

// ---------------------------------------------------------------------------------------------
// Property: one batch, arbitrary chunks, and a rebuild all give the same read model
// ---------------------------------------------------------------------------------------------

const plans = [uuid(1), uuid(2)]
const areas = [uuid(10), uuid(11)]
const objectives = [uuid(20), uuid(21), uuid(22)]
const measures = [uuid(30), uuid(31)]
const indicatorIds = [uuid(40), uuid(41), uuid(42)]
const years = ['2024', '2025', '2026']
const text = { sq: 'Tekst' }

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values)

/** Commands over a small set of ids, so they build on one another; many are refused, as in life. */
const command: fc.Arbitrary<Input> = fc.oneof(
  fc.record({
    type: fc.constant('RegisterMunicipality'),
    code: pick(['ELB', 'DRE']),
    name: fc.constant(text),
    country: fc.constant('AL'),
    currency: fc.constant('ALL'),
  }),
  fc.record({
    type: fc.constant('SetMunicipalBudgetTotal'),
    code: pick(['ELB', 'DRE']),
    fiscalYear: fc.integer({ min: 2024, max: 2026 }),
    total: fc.record({ amount: fc.integer({ min: 1, max: 9_000_000 }).map(String), currency: fc.constant('ALL') }),
  }),
  fc.record({
    type: fc.constant('DraftPlan'),
    planId: pick(plans),
    municipality: pick(['ELB', 'DRE']),
    kind: pick(['gender-equality', 'other']),
    title: fc.constant(text),
    period: fc.constant({ from: 2024, to: 2026 }),
  }),
  fc.record({
    type: fc.constant('ApprovePlan'),
    planId: pick(plans),
    councilDecision: fc.constant({ number: 'Nr. 1', date: '2024-01-10' }),
  }),
  fc.record({ type: fc.constant('SubmitPlan'), planId: pick(plans) }),
  fc.record({ type: fc.constant('ReturnPlan'), planId: pick(plans), comments: fc.constant(text) }),
  fc.record({ type: fc.constant('ReopenPlan'), planId: pick(plans), reason: fc.constant(text) }),
  fc.record({ type: fc.constant('SubmitReport'), planId: pick(plans), period: pick(years) }),
  fc.record({ type: fc.constant('ReturnReport'), planId: pick(plans), period: pick(years), comments: fc.constant(text) }),
  fc.record({ type: fc.constant('ApproveReport'), planId: pick(plans), period: pick(years) }),
  fc.record({ type: fc.constant('ReopenReport'), planId: pick(plans), period: pick(years), reason: fc.constant(text) }),
  fc.record({ type: fc.constant('ClosePlan'), planId: pick(plans), date: fc.constant('2026-12-31') }),
  fc.record({ type: fc.constant('RevisePlanDetails'), planId: pick(plans), title: pick([{ sq: 'A' }, { sq: 'B' }]) }),
  fc.record({ type: fc.constant('AddArea'), planId: pick(plans), areaId: pick(areas), code: pick(['I', 'II']), title: fc.constant(text) }),
  fc.record(
    {
      type: fc.constant('AddObjective'),
      planId: pick(plans),
      objectiveId: pick(objectives),
      areaId: pick(areas),
      parentObjectiveId: fc.option(pick(objectives), { nil: undefined }),
      level: fc.constant('specific'),
      code: fc.constant('1.1'),
      title: fc.constant(text),
    },
    { requiredKeys: ['type', 'planId', 'objectiveId', 'areaId', 'level', 'code', 'title'] },
  ),
  fc.record({
    type: fc.constant('AddMeasure'),
    planId: pick(plans),
    measureId: pick(measures),
    objectiveId: pick(objectives),
    code: fc.constant('1.1.1'),
    title: fc.constant(text),
    leadActors: fc.constant([text]),
    supportingActors: fc.constant([]),
  }),
  fc.record({
    type: fc.constant('ReviseMeasure'),
    planId: pick(plans),
    measureId: pick(measures),
    output: pick([{ sq: 'A' }, { sq: 'B' }]),
    reason: fc.constant(text),
  }),
  fc.record({
    type: fc.constant('ReviseObjective'),
    planId: pick(plans),
    objectiveId: pick(objectives),
    code: pick(['1.1', '1.2']),
    reason: fc.constant(text),
  }),
  fc.record({
    type: fc.constant('ChangeMeasureStatus'),
    planId: pick(plans),
    measureId: pick(measures),
    status: pick(['in-progress', 'completed', 'postponed']),
    date: fc.constant('2025-06-30'),
  }),
  fc.record({
    type: fc.constant('DefineIndicator'),
    indicatorId: pick(indicatorIds),
    planId: pick(plans),
    municipality: fc.constant('ELB'),
    attachedTo: fc.record({ kind: pick(['objective', 'measure'] as const), id: pick([...objectives, ...measures]) }),
    code: fc.constant('T1'),
    name: fc.constant(text),
    unit: fc.constant('count'),
    direction: fc.constant('higher-is-better'),
    accumulation: pick(['cumulative', 'per-period']),
    planPeriod: fc.constant({ from: 2024, to: 2026 }),
  }),
  fc.record({
    type: fc.constant('SetBaseline'),
    indicatorId: pick(indicatorIds),
    value: fc.integer({ min: 0, max: 50 }).map(String),
    year: fc.constant(2023),
  }),
  fc.record({
    type: fc.constant('SetTarget'),
    indicatorId: pick(indicatorIds),
    period: pick([...years, 'end-of-plan']),
    target: fc.oneof(
      fc.record({ kind: fc.constant('absolute'), value: fc.integer({ min: 0, max: 100 }).map(String) }),
      fc.record({ kind: fc.constant('relative'), changePercent: fc.constant('10'), over: fc.constant('baseline') }),
    ),
  }),
  fc.record({
    type: fc.constant('ReportIndicatorValue'),
    indicatorId: pick(indicatorIds),
    period: pick(years),
    value: fc.integer({ min: 0, max: 100 }).map(String),
  }),
  fc.record({
    type: fc.constant('CorrectIndicatorValue'),
    indicatorId: pick(indicatorIds),
    period: pick(years),
    value: fc.integer({ min: 0, max: 100 }).map(String),
    reason: fc.constant(text),
  }),
)

/** Commands that build what later ones work on go first; closing a plan last. */
const phases: Readonly<Record<string, number>> = {
  RegisterMunicipality: 0,
  DraftPlan: 1,
  AddArea: 2,
  AddObjective: 3,
  AddMeasure: 4,
  DefineIndicator: 5,
  ClosePlan: 7,
}
const phaseOf = (input: Input) => phases[input.type] ?? 6

/** The log the commands lead to, in phase order: refused commands add nothing. */
function logOf(commands: readonly Input[], foreign: readonly number[]): LogEvent[] {
  const s = new Scenario()
  const ordered = commands
    .map((input, index) => ({ input, index }))
    // Sub-objectives after the objectives they may belong to.
    .sort((a, b) => phaseOf(a.input) - phaseOf(b.input) || Number('parentObjectiveId' in a.input) - Number('parentObjectiveId' in b.input))
  ordered.forEach(({ input }, index) => {
    try {
      s.run(input)
    } catch {
      // A refusal records nothing.
    }
    // Events of other read models are in the same log.
    if (foreign.includes(index))
      s.append(`budget-line-${uuid(index)}`, 'budget-line.retagged.v1', { budgetLineId: uuid(index), categories: [] })
  })
  return s.log
}

/**
 * Folds `log` in chunks cut at `cuts`, each chunk also re-delivering the one before it; returns
 * every read model on the way, with a copy taken when it was made.
 */
function inChunks(log: readonly LogEvent[], cuts: readonly number[]): [ReadModel<PlansState>, ReadModel<PlansState>][] {
  const edges = [...new Set([0, ...cuts.map((cut) => cut % (log.length + 1)), log.length])].sort((a, b) => a - b)
  let model = emptyReadModel(plansProjection)
  const models: [ReadModel<PlansState>, ReadModel<PlansState>][] = [[model, plainJson(model) as ReadModel<PlansState>]]
  for (let i = 1; i < edges.length; i++) {
    model = project(plansProjection, model, log.slice(edges[Math.max(0, i - 2)], edges[i]))
    models.push([model, plainJson(model) as ReadModel<PlansState>])
  }
  return models
}

t.test('one batch, arbitrary chunks and a rebuild from scratch give the same read model', async (t) => {
  fc.assert(
    fc.property(
      fc.array(command, { minLength: 10, maxLength: 100, size: 'max' }),
      fc.array(fc.nat(80), { maxLength: 5 }),
      fc.array(fc.nat(100), { maxLength: 10 }),
      (commands, foreign, cuts) => {
        const log = logOf(commands, foreign)
        const batch = modelOf(log)
        const models = inChunks(log, cuts)
        const chunked = models.at(-1)![0]
        const rebuilt = modelOf(log)
        const trees = (model: ReadModel<PlansState>) => plans.map((id) => planTree(model, id))
        return (
          sameContents(chunked, batch) &&
          sameContents(rebuilt, batch) &&
          // Later events never changed an earlier read model in place.
          models.every(([model, copy]) => sameContents(model, copy)) &&
          sameContents(trees(chunked), trees(batch))
        )
      },
    ),
    { numRuns: 300 },
  )
  t.pass('the read models are deep-equal')
})
