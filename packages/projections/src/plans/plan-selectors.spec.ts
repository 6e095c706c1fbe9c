import { figuresOf } from './indicator-figures.js'
import { round, type Decimal, type Figure } from '@treguesi/domain'
import { defineIndicator, draftPlan } from '@treguesi/domain/testing'
import t from 'tap'
// Through the folder's index, as the package exports it.
import {
  indicatorHistory,
  indicatorProgress,
  planSummaryOf,
  planTree,
  plansOf,
  rollUpMethods,
  rollUpReasons,
  type BudgetShareSource,
  type IndicatorFigures,
  type ObjectiveNode,
  type PlanTree,
} from './index.js'
import { elbasan, elbasanScenario, modelOf, officer, reviewer, Scenario, uuid } from './test-support.js'

const { plan: planId, area, objective, indicator: ids } = elbasan

/** The budget read model's answer in DOMAIN.md's example: 0.9 % of Elbasan's 2024 budget. */
const budgetShareOf: BudgetShareSource = (municipality, fiscalYear, category): Figure =>
  municipality === 'ELB' && fiscalYear === 2024 && category === 'dv-specialised-services'
    ? { value: '0.9' as Decimal, reason: null }
    : { value: null, reason: 'no-actual' }

function indicatorsOf(tree: PlanTree): IndicatorFigures[] {
  const ofObjective = (node: ObjectiveNode): IndicatorFigures[] => [
    ...node.indicators,
    ...node.measures.flatMap((m) => m.indicators),
    ...node.children.flatMap(ofObjective),
  ]
  return tree.areas.flatMap((a) => a.objectives.flatMap(ofObjective))
}

const zeroStatuses = {
  planned: 0,
  'in-progress': 0,
  completed: 0,
  'partially-completed': 0,
  'not-implemented': 0,
  postponed: 0,
  cancelled: 0,
}

t.test("DOMAIN.md's worked table, Elbasan gender-equality plan 2022–2024", async (t) => {
  const model = modelOf(elbasanScenario().log)
  const tree = planTree(model, planId, { budgetShareOf })!
  const byId = new Map(indicatorsOf(tree).map((figures) => [figures.indicatorId, figures]))
  const rounded = (id: string) => {
    const { attainment } = byId.get(id)!
    return attainment.value === null ? attainment.reason : round(attainment.value, 3)
  }
  t.equal(rounded(ids.awareness), '0.9', 'people in awareness activities: 4,500 against 5,000')
  t.equal(rounded(ids.parents), '0.842', 'parents in positive-parenting courses: 80 against 95')
  t.equal(rounded(ids.informed), '1.222', 'people informed on stereotypes in employment: 22,000 against 18,000')
  t.equal(rounded(ids.entrepreneurship), '0.03', 'women supported in entrepreneurship: 0.03 % against 1 %')
  t.equal(rounded(ids.audits), '2.333', 'safety audits: 14 against 6, uncapped')
  t.equal(rounded(ids.budgetShare), '0.45', 'budget share for victims of domestic violence: 0.9 % against 2 %')
  t.equal(byId.size, 6)

  t.strictSame(
    [...byId.values()].map(({ rating }) => rating.value),
    ['on-track', 'partly', 'achieved', 'off-track', 'achieved', 'off-track'],
  )
  t.strictSame(byId.get(ids.budgetShare)!.values, [{ period: '2024', value: '0.9', computed: true, corrections: 0 }])
  t.strictSame(byId.get(ids.parents)!.values, [
    { period: '2024', value: '80', source: { sq: 'Drejtoria e Shërbimeve Sociale' }, computed: false, corrections: 1 },
  ])
  t.equal(byId.get(ids.parents)!.corrections, 1)
  t.strictSame(byId.get(ids.awareness)!.values.at(-1)?.breakdown, { sex: { F: '2600', M: '1900' } }, 'breakdowns come along')
})

t.test('roll-ups: the mean of capped attainments, counts by rating and by measure status', async (t) => {
  const model = modelOf(elbasanScenario().log)
  const tree = planTree(model, planId, { budgetShareOf })!

  // (0.9 + 0.842105263158 + 1 + 0.03 + 1 + 0.45) / 6: 1.222 and 2.333 count as 1 here only.
  t.strictSame(tree.rollUp, {
    attainment: { value: '0.703684210526', reason: null },
    rating: 'partly',
    indicators: 6,
    counted: 6,
    ratings: { achieved: 2, 'on-track': 1, partly: 1, 'off-track': 2, 'no-data': 0 },
    measures: 3,
    measureStatuses: { ...zeroStatuses, planned: 1, completed: 1, 'partially-completed': 1 },
    method: rollUpMethods.plan,
  })
  const [areaI, areaII, areaIII, areaIV] = tree.areas
  t.strictSame(areaI!.rollUp.attainment, { value: null, reason: 'no-indicators' }, 'an area without indicators has no mean')
  t.equal(areaI!.rollUp.rating, 'no-data')
  t.equal(areaI!.objectives[0]!.rollUp.method, rollUpMethods.objective)
  t.match(rollUpReasons['no-indicators'], /no indicator/)
  // (0.9 + 0.842105263158) / 2
  t.strictSame(areaII!.rollUp.attainment, { value: '0.871052631579', reason: null })
  t.equal(areaII!.rollUp.method, rollUpMethods.area)
  t.strictSame(areaII!.rollUp.measureStatuses, { ...zeroStatuses, 'partially-completed': 1 })
  t.strictSame(areaIII!.rollUp.attainment, { value: '0.515', reason: null }, '(1 + 0.03) / 2: 1.222 is capped')
  t.strictSame(areaIV!.rollUp.attainment, { value: '0.725', reason: null }, '(1 + 0.45) / 2: 2.333 is capped')
  t.strictSame(areaIV!.rollUp.ratings, { achieved: 1, 'on-track': 0, partly: 0, 'off-track': 1, 'no-data': 0 })
  const audits = areaIV!.objectives[0]!
  t.equal(audits.code, 'IV.1')
  t.strictSame(audits.indicators, [], 'the audits indicator is on the measure, not the objective')
  t.equal(audits.measures[0]!.indicators[0]!.indicatorId, ids.audits)
  t.equal(audits.rollUp.indicators, 1, "but the objective's roll-up counts its measures' indicators")
  t.equal(audits.measures[0]!.status, 'completed')
  t.strictSame(audits.measures[0]!.statusHistory, [{ from: 'planned', to: 'completed', date: '2024-12-31' }])

  const unknownShare = planTree(model, planId)!
  const share = indicatorsOf(unknownShare).find((figures) => figures.indicatorId === ids.budgetShare)!
  t.strictSame(share.attainment, { value: null, reason: 'budget-share-unavailable' }, 'without budget figures, the share has none')
  t.strictSame(share.rating, { value: 'no-data', reason: 'budget-share-unavailable' })
  t.strictSame(unknownShare.rollUp.attainment, { value: '0.754421052632', reason: null }, 'and is not counted: 3.772105263158 / 5')
  t.equal(unknownShare.rollUp.counted, 5)
  t.equal(unknownShare.rollUp.indicators, 6)
  t.equal(unknownShare.rollUp.ratings['no-data'], 1)
  t.strictSame(unknownShare.areas[3]!.objectives[1]!.rollUp.attainment, { value: null, reason: 'no-indicator-figures' })
})

t.test('the plan tree: the plan, areas, objectives nested under their parents, measures, indicators', async (t) => {
  const s = elbasanScenario()
  const nested = uuid(27)
  const deeper = uuid(28)
  const nestedMeasure = uuid(34)
  // The approved plan is reopened to add to its structure; it stays approved as a plan.
  s.run({ type: 'ReopenPlan', planId, reason: { sq: 'Shtohen objektivat për shkollat' } }, undefined, reviewer)
  s.run({
    type: 'AddObjective',
    planId,
    objectiveId: nested,
    areaId: area.II,
    parentObjectiveId: objective['II.1'],
    level: 'specific',
    code: 'II.1.1',
    title: { sq: 'Fushata në shkolla' },
  })
  s.run({
    type: 'AddObjective',
    planId,
    objectiveId: deeper,
    areaId: area.II,
    parentObjectiveId: nested,
    level: 'specific',
    code: 'II.1.1.a',
    title: { sq: 'Fushata në shkollat e mesme' },
  })
  s.run({
    type: 'AddMeasure',
    planId,
    measureId: nestedMeasure,
    objectiveId: deeper,
    code: 'II.1.1.a (1)',
    title: { sq: 'Takime me nxënësit' },
    leadActors: [{ sq: 'DVASH Elbasan' }],
    supportingActors: [{ sq: 'UN Women' }],
    schedule: { sq: 'Çdo vit' },
  })
  s.run({
    type: 'ChangeMeasureStatus',
    planId,
    measureId: nestedMeasure,
    status: 'postponed',
    date: '2024-06-01',
    reason: { sq: 'Mungesë fondesh' },
  })
  const tree = planTree(modelOf(s.log), planId, { budgetShareOf })!
  t.equal(tree.position, BigInt(s.log.length), 'the position the tree reflects')
  t.strictSame(tree.plan, {
    planId,
    municipality: { code: 'ELB', registered: true, name: { sq: 'Bashkia Elbasan' }, country: 'AL', currency: 'ALL' },
    kind: 'gender-equality',
    title: { sq: 'Plani Vendor i Veprimit për Barazinë Gjinore 2022-2024', en: 'Local Gender Equality Action Plan 2022–2024' },
    period: { from: 2022, to: 2024 },
    status: 'approved',
    councilDecision: { number: 'Nr. 45', date: '2022-03-30' },
    closed: null,
    nationalStrategies: [{ sq: 'Strategjia Kombëtare për Barazinë Gjinore 2021-2030' }],
    thresholds: { achieved: '1', onTrack: '0.9', partly: '0.5' },
    review: { status: 'reopened', comments: { sq: 'Shtohen objektivat për shkollat' } },
    reports: [],
    counts: { areas: 4, objectives: 9, measures: 4, indicators: 6 },
  })
  t.strictSame(
    tree.areas.map((a) => [a.code, a.objectives.map((o) => o.code)]),
    [
      ['I', ['I.1']],
      ['II', ['II.1', 'II.2']],
      ['III', ['III.1', 'III.2']],
      ['IV', ['IV.1', 'IV.2']],
    ],
    'areas and their top-level objectives, in the order they were added',
  )
  const ii1 = tree.areas[1]!.objectives[0]!
  t.equal(ii1.children[0]!.code, 'II.1.1')
  t.equal(ii1.children[0]!.children[0]!.code, 'II.1.1.a')
  t.match(ii1.children[0]!.children[0]!.measures[0], {
    code: 'II.1.1.a (1)',
    status: 'postponed',
    leadActors: [{ sq: 'DVASH Elbasan' }],
    supportingActors: [{ sq: 'UN Women' }],
    schedule: { sq: 'Çdo vit' },
    statusHistory: [{ from: 'planned', to: 'postponed', date: '2024-06-01', reason: { sq: 'Mungesë fondesh' } }],
    indicators: [],
  })
  t.strictSame(ii1.rollUp.measureStatuses, { ...zeroStatuses, postponed: 1 }, "a sub-objective's measures count for its parents")
  t.equal(ii1.rollUp.measures, 1)
  t.strictSame(tree.areas[1]!.rollUp.measureStatuses, { ...zeroStatuses, postponed: 1, 'partially-completed': 1 })
  t.equal(tree.rollUp.measures, 4)

  t.equal(planTree(modelOf(s.log), uuid(999)), null, 'an unknown plan has no tree')
})

t.test('a plan of a municipality the log never registered, with its own thresholds, closed', async (t) => {
  const s = new Scenario()
  const id = uuid(2)
  s.run(
    draftPlan(id, {
      municipality: 'DRE',
      title: { sq: 'PLVMDHF 2025-2028' },
      period: { from: 2025, to: 2028 },
      ratingThresholds: { achieved: '0.95', onTrack: '0.8', partly: '0.4' },
    }),
  )
  s.run({ type: 'AddArea', planId: id, areaId: uuid(3), code: '1', title: { sq: 'Parandalimi' } })
  s.run({
    type: 'AddObjective',
    planId: id,
    objectiveId: uuid(4),
    areaId: uuid(3),
    level: 'strategic',
    code: '1',
    title: { sq: 'Parandalimi' },
  })
  s.run(
    defineIndicator(
      uuid(5),
      id,
      { kind: 'objective', id: uuid(4) },
      {
        municipality: 'DRE',
        code: '1.1',
        name: { sq: 'Fushata' },
        planPeriod: { from: 2025, to: 2028 },
      },
    ),
  )
  s.run({ type: 'SetTarget', indicatorId: uuid(5), period: '2025', target: { kind: 'absolute', value: '10' } })
  s.run({ type: 'SubmitPlan', planId: id })
  s.run({ type: 'ApprovePlan', planId: id, councilDecision: { number: '01/2025', date: '2025-01-30' } }, undefined, reviewer)
  s.run({ type: 'ReportIndicatorValue', indicatorId: uuid(5), period: '2025', value: '9' })
  s.run({ type: 'ClosePlan', planId: id, date: '2028-12-31', reason: { sq: 'Përfundoi' } })
  const tree = planTree(modelOf(s.log), id)!
  t.strictSame(tree.plan.municipality, { code: 'DRE', registered: false })
  t.strictSame(tree.plan.closed, { date: '2028-12-31', reason: { sq: 'Përfundoi' } })
  t.equal(tree.plan.status, 'closed')
  t.strictSame(tree.rollUp.attainment, { value: '0.9', reason: null })
  t.equal(tree.rollUp.rating, 'on-track', "rated by the plan's own thresholds")
  t.equal(tree.areas[0]!.objectives[0]!.indicators[0]!.rating.value, 'on-track')
})

t.test('plansOf lists plans by municipality, start year and id, filtered', async (t) => {
  const s = elbasanScenario()
  const draft = (n: number, municipality: string, kind: string, from: number) =>
    s.run({
      type: 'DraftPlan',
      planId: uuid(n),
      municipality,
      kind,
      title: { sq: `Plani ${n}` },
      period: { from, to: from + 3 },
    })
  draft(103, 'TIR', 'gender-equality', 2024)
  draft(102, 'ELB', 'roma-egyptian-integration', 2024)
  draft(101, 'ELB', 'other', 2024)
  draft(100, 'DRE', 'domestic-violence', 2025)
  const model = modelOf(s.log)
  const listed = (filter?: Parameters<typeof plansOf>[1]) => plansOf(model, filter).plans.map((p) => p.planId)
  t.strictSame(listed(), [uuid(100), planId, uuid(101), uuid(102), uuid(103)])
  t.strictSame(listed({ municipality: 'ELB' }), [planId, uuid(101), uuid(102)])
  t.strictSame(listed({ kind: 'gender-equality' }), [planId, uuid(103)])
  t.strictSame(listed({ status: 'approved' }), [planId])
  t.strictSame(listed({ municipality: 'ELB', kind: 'gender-equality', status: 'draft' }), [])
  const { position, plans } = plansOf(model, { municipality: 'TIR' })
  t.equal(position, BigInt(s.log.length))
  t.strictSame(plans[0], {
    planId: uuid(103),
    municipality: { code: 'TIR', registered: false },
    kind: 'gender-equality',
    title: { sq: 'Plani 103' },
    period: { from: 2024, to: 2027 },
    status: 'draft',
    councilDecision: null,
    closed: null,
    nationalStrategies: [],
    thresholds: { achieved: '1', onTrack: '0.9', partly: '0.5' },
    review: { status: 'open' },
    reports: [],
    counts: { areas: 0, objectives: 0, measures: 0, indicators: 0 },
  })
  t.strictSame(planSummaryOf(model.state, uuid(103)), plans[0], 'one plan, as the list shows it')
  t.equal(planSummaryOf(model.state, uuid(999)), null)
})

t.test("a plan's review, and its reporting rounds in period order", async (t) => {
  const s = elbasanScenario()
  const round = (type: string, period: string, rest: object = {}) =>
    s.run({ type, planId, period, ...rest }, '2025-03-01T09:00:00+01:00', type === 'SubmitReport' ? officer : reviewer)
  round('SubmitReport', '2024')
  round('SubmitReport', '2022-H2')
  round('ApproveReport', '2022-H2')
  round('ReturnReport', '2024', { comments: { sq: 'Mungon burimi i shifrave për 2024' } })
  const summary = planSummaryOf(modelOf(s.log).state, planId)!
  t.strictSame(summary.review, { status: 'approved' }, 'the content, submitted and approved')
  t.strictSame(summary.reports, [
    { period: '2022-H2', status: 'approved' },
    { period: '2024', status: 'returned', comments: { sq: 'Mungon burimi i shifrave për 2024' } },
  ])
})

t.test('indicatorHistory: every value event in order, corrections with reason and previous value', async (t) => {
  const s = elbasanScenario()
  const model = modelOf(s.log)
  const history = indicatorHistory(model, ids.parents)!
  t.equal(history.position, BigInt(s.log.length))
  t.equal(history.definition.code, 'II.2 (a)/T1')
  const reported = s.log.find((e) => e.type === 'indicator.value-reported.v1' && e.stream === `indicator-${ids.parents}`)!
  const corrected = s.log.find((e) => e.type === 'indicator.value-corrected.v1')!
  t.strictSame(history.entries, [
    {
      kind: 'reported',
      period: '2024',
      value: { value: '78', source: { sq: 'Drejtoria e Shërbimeve Sociale' } },
      position: reported.position,
      recordedAt: reported.recordedAt.toISOString(),
      occurredAt: '2024-12-31T12:00:00+01:00',
      actor: officer,
    },
    {
      kind: 'corrected',
      period: '2024',
      value: { value: '80', source: { sq: 'Drejtoria e Shërbimeve Sociale' } },
      reason: { sq: 'Dy prindër të regjistruar vonë' },
      previous: { value: '78', source: { sq: 'Drejtoria e Shërbimeve Sociale' } },
      position: corrected.position,
      recordedAt: corrected.recordedAt.toISOString(),
      occurredAt: '2025-02-10T09:00:00+01:00',
      actor: officer,
    },
  ])
  t.strictSame(indicatorHistory(model, ids.budgetShare)!.entries, [], 'a budget share is computed, never reported')
  t.equal(indicatorHistory(model, uuid(999)), null)
})

t.test('indicatorProgress: one indicator with the position it reflects', async (t) => {
  const s = elbasanScenario()
  const model = modelOf(s.log)
  const progress = indicatorProgress(model, ids.budgetShare, { budgetShareOf })!
  t.equal(progress.position, BigInt(s.log.length))
  t.strictSame(progress.attainment, { value: '0.45', reason: null })
  t.strictSame(indicatorProgress(model, ids.audits, { period: '2023' as never })!.attainment, { value: '1.333333333333', reason: null })
  t.equal(indicatorProgress(model, uuid(999)), null)
})

t.test('ids from a query that name something on Object.prototype find nothing', async (t) => {
  const model = modelOf(elbasanScenario().log)
  for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    t.equal(planTree(model, id), null, `plan ${id}`)
    t.equal(indicatorHistory(model, id), null, `indicator ${id}`)
    t.equal(figuresOf(model.state, id), null, `figures of ${id}`)
  }
})
