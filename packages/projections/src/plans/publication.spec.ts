import type { Period } from '@treguesi/domain'
import { planBudgetLine } from '@treguesi/domain/testing'
import t from 'tap'
import { approvedLine, budgetsProjection } from '../budgets/budgets.js'
import { getEntry } from '../persistent-map.js'
import { emptyReadModel, project } from '../projection.js'
import { figuresOf } from './indicator-figures.js'
import { planTree } from './plan-selectors.js'
import { publicationOf } from './plans-projection.js'
import { isPublished, publicMeasure, publishedAt } from './publication.js'
import { elbasan, elbasanScenario, modelOf, reviewer, uuid, type Scenario } from './test-support.js'

const { plan: planId, indicator: ids, measure } = elbasan
const approvedOnly = { published: true } as const

/** The officer submits a round and the reviewer approves it. */
function approve(s: Scenario, period: string): bigint {
  s.run({ type: 'SubmitReport', planId, period })
  return s.run({ type: 'ApproveReport', planId, period }, '2025-03-01T12:00:00+01:00', reviewer)[0]!.position
}

const stateOf = (s: Scenario) => modelOf(s.log).state
const publicationIn = (s: Scenario) => publicationOf(stateOf(s), planId)

t.test('before any approval, a caller who reads figures only as approved reads none of them', async (t) => {
  const s = elbasanScenario()
  const state = stateOf(s)
  const audits = figuresOf(state, ids.audits, approvedOnly)!
  t.same(audits.values, [], 'no value is published')
  t.equal(audits.corrections, 0)
  t.equal(audits.period, '2024', 'the latest target gives the period')
  t.same(audits.actual, { value: null, reason: 'awaiting-approval' }, 'reported, not yet approved')
  t.same(
    figuresOf(state, ids.audits, { ...approvedOnly, period: '2021' as Period })!.actual,
    { value: null, reason: 'no-actual' },
    'never reported',
  )
  t.equal(figuresOf(state, ids.audits)!.actual.value, '14', 'as recorded, for those who read it so')
  const tree = planTree(modelOf(s.log), planId, approvedOnly)!
  const statuses = tree.areas.flatMap((area) => area.objectives.flatMap((objective) => objective.measures.map((m) => m.status)))
  t.same(statuses, ['planned', 'planned', 'planned'], 'no status change is published')
  t.equal(tree.rollUp.measureStatuses.planned, 3)
  t.equal(publishedAt(publicationIn(s), '2024' as Period), undefined)
})

t.test("a round's approval publishes its periods' figures as they stand, and no other period's", async (t) => {
  const s = elbasanScenario()
  const at2023 = approve(s, '2023')
  const state = stateOf(s)
  const audits = figuresOf(state, ids.audits, approvedOnly)!
  t.same(
    audits.values.map((value) => [value.period, value.value]),
    [['2023', '8']],
  )
  t.equal(audits.period, '2023', 'the latest published period with a target')
  t.equal(audits.actual.value, '8')
  t.same(figuresOf(state, ids.audits, { ...approvedOnly, period: '2024' as Period })!.actual, { value: null, reason: 'awaiting-approval' })
  const publication = publicationIn(s)
  t.equal(publishedAt(publication, '2023' as Period), at2023)
  t.equal(publishedAt(publication, '2023-Q2' as Period), at2023, "a year's round holds its quarters")
  t.equal(publishedAt(publication, '2024' as Period), undefined)
  // The 2022 status change is not in the 2023 round; those of 2024 neither.
  const parents = getEntry(state.plans, planId)!.measures[measure['II.2 (a)']]!
  t.equal(publicMeasure(parents, publication).status, 'planned')

  approve(s, '2022')
  approve(s, '2024')
  const all = stateOf(s)
  const published = figuresOf(all, ids.parents, approvedOnly)!
  t.same(
    published.values.map((value) => [value.period, value.value, value.corrections]),
    [['2024', '80', 1]],
    'as corrected before the approval',
  )
  t.equal(published.corrections, 1)
  t.same(figuresOf(all, ids.audits, approvedOnly)!.values, figuresOf(all, ids.audits)!.values, 'every period approved: the same figures')
  const measures = getEntry(all.plans, planId)!.measures
  t.same(
    Object.values(measures).map((m) => publicMeasure(m, publicationIn(s)).status),
    Object.values(measures).map((m) => m.status),
    'every status change published',
  )
  t.same(publicMeasure(measures[measure['II.2 (a)']]!, publicationIn(s)).statusHistory, measures[measure['II.2 (a)']]!.statusHistory)
})

t.test('a reopened round stays as approved until it is approved again', async (t) => {
  const s = elbasanScenario()
  approve(s, '2024')
  const approvedAt = publishedAt(publicationIn(s), '2024' as Period)!
  s.run({ type: 'ReopenReport', planId, period: '2024', reason: { sq: 'Auditimet e dhjetorit' } }, undefined, reviewer)
  const [corrected] = s.run({
    type: 'CorrectIndicatorValue',
    indicatorId: ids.audits,
    period: '2024',
    value: '15',
    reason: { sq: 'Një auditim i regjistruar vonë' },
  })
  s.run({ type: 'ChangeMeasureStatus', planId, measureId: measure['IV.2 (a)'], status: 'in-progress', date: '2024-11-15' })
  const during = stateOf(s)
  const audits = figuresOf(during, ids.audits, approvedOnly)!
  t.equal(audits.actual.value, '14', 'the approved figure')
  t.equal(audits.corrections, 0, 'its corrections by the approval')
  t.equal(figuresOf(during, ids.audits)!.actual.value, '15', 'the correction, for those who read figures as recorded')
  t.notOk(isPublished(publicationIn(s), '2024' as Period, corrected!.position), 'the correction is not published')
  t.ok(isPublished(publicationIn(s), '2024' as Period, approvedAt), 'what the approval held is')
  const victims = getEntry(during.plans, planId)!.measures[measure['IV.2 (a)']]!
  t.equal(publicMeasure(victims, publicationIn(s)).status, 'planned', 'nor is the status change')
  t.equal(victims.status, 'in-progress')

  const again = approve(s, '2024')
  const after = stateOf(s)
  t.equal(figuresOf(after, ids.audits, approvedOnly)!.actual.value, '15', 'published by the new approval')
  t.equal(figuresOf(after, ids.audits, approvedOnly)!.corrections, 1)
  t.ok(isPublished(publicationIn(s), '2024' as Period, corrected!.position))
  t.equal(publishedAt(publicationIn(s), '2024' as Period), again)
  t.equal(publicMeasure(getEntry(after.plans, planId)!.measures[measure['IV.2 (a)']]!, publicationIn(s)).status, 'in-progress')
})

t.test("a period's figures are those of the latest approval holding it, whichever round it was", async (t) => {
  const s = elbasanScenario()
  const quarter = approve(s, '2024-Q1')
  const year = approve(s, '2024')
  t.equal(publishedAt(publicationIn(s), '2024-Q1' as Period), year, "the year's, approved after the quarter's")
  s.run({ type: 'ReopenReport', planId, period: '2024-Q1', reason: { sq: 'Rishikim' } }, undefined, reviewer)
  s.run({ type: 'ReopenReport', planId, period: '2024', reason: { sq: 'Rishikim' } }, undefined, reviewer)
  s.run({ type: 'SubmitReport', planId, period: '2024' })
  s.run({ type: 'ReturnReport', planId, period: '2024', comments: { sq: 'Mungon tremujori' } }, undefined, reviewer)
  const again = approve(s, '2024-Q1')
  t.ok(again > year && year > quarter)
  t.equal(publishedAt(publicationIn(s), '2024-Q1' as Period), again, "the quarter's again, approved after the year's")
  t.equal(publishedAt(publicationIn(s), '2024-Q2' as Period), year, "another quarter: the year's")
})

t.test('an approval publishes the allocations and expenditures of the lines of its year, as they stand', async (t) => {
  const s = elbasanScenario()
  const line = (budgetLineId: string, fiscalYear: number) =>
    s.run(planBudgetLine(budgetLineId, planId, measure['IV.2 (a)'], { fiscalYear, currency: 'ALL' }))
  const all = (amount: string) => ({ amount, currency: 'ALL' })
  line(uuid(70), 2024)
  line(uuid(71), 2023)
  s.run({ type: 'AllocateBudget', budgetLineId: uuid(70), allocated: all('45000000'), date: '2024-01-31' })
  s.run({ type: 'RecordExpenditure', budgetLineId: uuid(70), executed: all('36000000'), asOf: '2024-12-31' })
  s.run({ type: 'AllocateBudget', budgetLineId: uuid(71), allocated: all('500000'), date: '2023-01-31' })
  const budgetsOf = () => project(budgetsProjection, emptyReadModel(budgetsProjection), s.log).state
  const lineOf = (budgetLineId: string) => getEntry(budgetsOf().lines, budgetLineId)!

  t.same([approvedLine(lineOf(uuid(70))).allocated, approvedLine(lineOf(uuid(70))).executed], [null, null], 'none before an approval')
  approve(s, '2024')
  const approved = approvedLine(lineOf(uuid(70)))
  t.same([approved.allocated, approved.executed], [all('45000000'), all('36000000')])
  t.notOk('approved' in approved, 'the line as approved carries no copy of itself')
  t.equal(approvedLine(lineOf(uuid(71))).allocated, null, "another year's line is not published")
  approve(s, '2023-Q1')
  t.equal(approvedLine(lineOf(uuid(71))).allocated, null, 'a quarter does not hold a fiscal year')
  approve(s, '2023')
  t.same(approvedLine(lineOf(uuid(71))).allocated, all('500000'))
})
