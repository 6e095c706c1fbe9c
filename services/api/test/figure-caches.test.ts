import { randomUUID } from 'node:crypto'
import { executeCommand } from '@treguesi/commands'
import { approvedLine, budgetShareOf, figuresOf, getEntry, planTree, type BudgetLineFacts, type PlanTree } from '@treguesi/projections'
import { seedId } from '@treguesi/seeds'
import t from 'tap'
import { anonymous, type Principal } from '../src/access/principal.js'
import { canReadPlan, readsFiguresBeforeApproval } from '../src/access/read-policy.js'
import type { GraphQLContext } from '../src/graphql/context.js'
import { figures, planSummary, treeOf } from '../src/graphql/queries/snapshot.js'
import { allocatedDraft } from './support/allocated-draft.js'
import { principals, startService } from './support/service.js'

// Figures are computed once per version of the plan they belong to: across snapshots, a plan's
// tree and its indicators' figures are the very same objects until a write changes something
// they are made of. Observed by identity, and checked against a fresh computation (never stale).

const service = await startService(t)
const admin = { ...principals.admin }

async function write(command: Record<string, unknown>): Promise<void> {
  const result = await executeCommand(service.store, command, {
    commandId: randomUUID(),
    actor: { id: 'admin-1', role: 'admin' },
    occurredAt: '2025-05-01T10:00:00+02:00',
  })
  t.ok(await service.live.reach(result.position!, 2000), 'the read models reach the write')
}

/** A plan's areas, with their objectives, measures, indicators' figures and roll-ups: what a tree computes. */
const areasOf = (principal: Principal, planId: string) => treeOf(now(principal), planId).areas

const now = (principal: Principal): GraphQLContext => ({
  principal,
  store: service.store,
  live: service.live,
  consistencyTimeoutMs: 100,
  smallCells: { threshold: 5 },
  models: service.live.current,
})

/**
 * The tree as computed from scratch from the current snapshot, for what `principal` may see: the
 * lines of the plans it reads, and for a caller who is not the municipality's own, the figures as
 * approved with small counts withheld.
 */
function fresh(principal: Principal, planId: string): PlanTree {
  const { plans, budgets } = service.live.current
  const asItsOwn = readsFiguresBeforeApproval(principal, getEntry(plans.state.plans, planId)!.municipality)
  const view = (line: BudgetLineFacts) => {
    if (!canReadPlan(principal, getEntry(plans.state.plans, line.planId)!)) return undefined
    return asItsOwn ? line : approvedLine(line)
  }
  const publicOptions = asItsOwn ? {} : { smallCells: { threshold: 5 }, published: true }
  return planTree(plans, planId, { budgetShareOf: budgetShareOf(budgets.state, view), ...publicOptions })!
}

const roma = seedId('elbasan-roma-egyptian', 'plan')
const gender = seedId('elbasan-gender-equality', 'plan', 'PVVBGJ 2022-2024')
const drenas = seedId('drenas-domestic-violence', 'plan')
const indicatorsOf = (planId: string) => getEntry(service.live.current.plans.state.indicatorsByPlan, planId)!
const entryOf = (indicatorId: string) => getEntry(service.live.current.plans.state.indicators, indicatorId)!
const counted = indicatorsOf(roma).find((id) => entryOf(id).facts.definition.unit === 'count')!
const share = indicatorsOf(gender).find((id) => entryOf(id).facts.definition.computed !== undefined)!
const { category } = entryOf(share).facts.definition.computed!
const drenasIndicator = indicatorsOf(drenas)[0]!

t.test('figures after a write to plan A are recomputed for A and not for B', async (t) => {
  const before = { roma: areasOf(admin, roma), gender: areasOf(admin, gender), drenas: areasOf(admin, drenas) }
  const drenasFigures = figures(now(admin), drenasIndicator)
  const summary = planSummary(now(admin), drenas)
  const { planPeriod } = entryOf(counted).facts.definition
  await write({ type: 'ReportIndicatorValue', indicatorId: counted, period: `${planPeriod.to}`, value: '4321' })

  t.not(areasOf(admin, roma), before.roma, "plan A's tree is computed again")
  t.same(treeOf(now(admin), roma), fresh(admin, roma), 'from the new snapshot')
  t.equal(figures(now(admin), counted, `${planPeriod.to}` as never).actual.value, '4321', "the indicator's figures show the write")
  t.equal(areasOf(admin, drenas), before.drenas, "plan B's tree is not")
  t.equal(areasOf(admin, gender), before.gender, 'nor that of another plan of the same municipality')
  t.same(treeOf(now(admin), drenas), fresh(admin, drenas), 'and is what the new snapshot gives')
  t.equal(figures(now(admin), drenasIndicator), drenasFigures, "nor plan B's figures")
  t.equal(planSummary(now(admin), drenas), summary, "nor plan B's summary")
})

t.test('a budget write recomputes the plans whose budget-share indicators read it, and those only', async (t) => {
  const before = { roma: areasOf(admin, roma), gender: areasOf(admin, gender), drenas: areasOf(admin, drenas) }
  const shareFigures = figures(now(admin), share)
  const { municipality, planPeriod } = entryOf(share).facts.definition
  await write({
    type: 'SetMunicipalBudgetTotal',
    code: municipality,
    fiscalYear: planPeriod.from,
    total: { amount: '1000', currency: 'ALL' },
  })

  t.not(areasOf(admin, gender), before.gender, 'the budget-share plan is computed again')
  t.same(treeOf(now(admin), gender), fresh(admin, gender))
  t.not(figures(now(admin), share), shareFigures)
  const { plans, budgets } = service.live.current
  t.same(figures(now(admin), share), figuresOf(plans.state, share, { budgetShareOf: budgetShareOf(budgets.state) }))
  t.equal(areasOf(admin, roma), before.roma, 'a plan of the municipality without budget-share indicators is not')
  t.equal(areasOf(admin, drenas), before.drenas, 'nor one of another municipality')
})

t.test('public figures: a draft approved, and its report, brings its lines into the public shares, and the figures follow', async (t) => {
  const { municipality, planPeriod } = entryOf(share).facts.definition
  const fiscalYear = planPeriod.from
  await write({ type: 'SetMunicipalBudgetTotal', code: municipality, fiscalYear, total: { amount: '100000000', currency: 'ALL' } })
  const draft = randomUUID()
  const ids = { planId: draft, areaId: randomUUID(), objectiveId: randomUUID(), measureId: randomUUID(), budgetLineId: randomUUID() }
  for (const command of allocatedDraft(ids, { municipality, title: 'Draft', fiscalYear, category, amount: '5000000' })) await write(command)

  const before = { open: treeOf(now(anonymous), gender), admin: treeOf(now(admin), gender), adminAreas: areasOf(admin, gender) }
  t.same(before.open, fresh(anonymous, gender), "anonymous callers' figures leave the draft's line out")
  t.notSame(figures(now(anonymous), share).values, figures(now(admin), share).values, 'which admins count')
  t.same(treeOf(now(principals.editorElbasan), gender), fresh(principals.editorElbasan, gender), "and Elbasan's editors")
  t.equal(areasOf(principals.editorElbasan, gender), before.adminAreas, "who read every plan of Elbasan: the admins' very tree")
  for (const outsider of [principals.viewer, principals.ministry, principals.editorDrenas]) {
    t.same(treeOf(now(outsider), gender), fresh(outsider, gender), `${outsider.id}: without the draft's line`)
    t.equal(areasOf(outsider, gender), before.open.areas, `${outsider.id}: the anonymous callers' very tree`)
    t.equal(figures(now(outsider), share), figures(now(anonymous), share))
  }
  await write({ type: 'SubmitPlan', planId: draft })
  await write({ type: 'ApprovePlan', planId: draft, councilDecision: { number: 'Nr. 9', date: `${fiscalYear}-01-20` } })
  t.equal(areasOf(anonymous, gender), before.open.areas, 'its allocation is not public before its report is approved')
  await write({ type: 'SubmitReport', planId: draft, period: `${fiscalYear}` })
  await write({ type: 'ApproveReport', planId: draft, period: `${fiscalYear}` })

  t.not(areasOf(anonymous, gender), before.open.areas, 'the public figures are computed again')
  t.same(treeOf(now(anonymous), gender), fresh(anonymous, gender))
  t.same(treeOf(now(anonymous), gender), treeOf(now(admin), gender), 'and now count the line')
  t.same(figures(now(anonymous), share), figures(now(admin), share))
  t.equal(areasOf(admin, gender), before.adminAreas, "the admins' figures read the same shares, and are kept")
})
