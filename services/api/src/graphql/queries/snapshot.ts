import type { Period, PlanStatus } from '@treguesi/domain'
import {
  budgetShareOf,
  entriesOf,
  figuresOf,
  filterEntries,
  getEntry,
  indicatorEntry,
  indicatorsOfPlan,
  plansOf,
  planTree,
  type BudgetLineFacts,
  type BudgetsState,
  type IndicatorFigures,
  type NationalState,
  type PlanSummary,
  type PlanTree,
  type ReadModel,
} from '@treguesi/projections'
import { canReadPlan } from '../../access/policy.js'
import { anonymous } from '../../access/principal.js'
import type { GraphQLContext } from '../context.js'
import type { ReadModels } from '@treguesi/read-models'

/**
 * Everything a query derives from the read models is derived once per snapshot: a snapshot never
 * changes, so a figure, a plan tree or an index computed for one field (or one request) serves
 * every other field and request that reads the same snapshot. This is the batching of the API:
 * a plan list asking for every indicator's attainment computes each indicator's figures once,
 * and the lookups by id are in-memory maps, so no field costs a query per item (no N+1).
 * Entries go with their snapshot (a WeakMap), once no request reads it any more.
 */
const caches = new WeakMap<ReadModels, Map<string, unknown>>()

function cached<T>(models: ReadModels, key: string, compute: () => T): T {
  let cache = caches.get(models)
  if (cache === undefined) {
    cache = new Map()
    caches.set(models, cache)
  }
  if (cache.has(key)) return cache.get(key) as T
  const value = compute()
  cache.set(key, value)
  return value
}

/**
 * What a caller may see: anonymous callers see approved and closed plans only (canReadPlan),
 * and nothing reached through a draft — its indicators, budget lines, or their part of a
 * municipal or national figure. Figures derived for one visibility are cached for it alone.
 */
type Visibility = 'all' | 'public'

const statusOrder: readonly PlanStatus[] = ['draft', 'approved', 'closed']

function visibilityOf(context: GraphQLContext): Visibility {
  return statusOrder.every((status) => canReadPlan(context.principal, status)) ? 'all' : 'public'
}

/**
 * A record's own entry: ids and codes come from clients, and one such as "constructor" must
 * find nothing rather than what Object.prototype holds.
 */
export function own<Value>(record: Readonly<Record<string, Value>>, key: string): Value | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined
}

/** Whether the caller may read the plan; a plan the log never drafted is readable by no one. */
export function canRead(context: GraphQLContext, planId: string): boolean {
  const plan = getEntry(context.models.plans.state.plans, planId)
  return plan !== undefined && canReadPlan(context.principal, plan.status)
}

/** Every plan, by municipality, start year and id. */
function summaries(models: ReadModels): ReadonlyMap<string, PlanSummary> {
  return cached(models, 'plan-summaries', () => new Map(plansOf(models.plans).plans.map((plan) => [plan.planId, plan])))
}

/** Plans the caller may read, in the order of `plansOf`. */
export function readablePlans(context: GraphQLContext): readonly PlanSummary[] {
  return [...summaries(context.models).values()].filter((plan) => canReadPlan(context.principal, plan.status))
}

/** A plan's summary when the caller may read it. */
export function planSummary(context: GraphQLContext, planId: string): PlanSummary | null {
  const plan = summaries(context.models).get(planId)
  return plan !== undefined && canReadPlan(context.principal, plan.status) ? plan : null
}

/** Whether an anonymous caller may read the plan: what public figures are made of. */
const publicPlan = (models: ReadModels) => (planId: string): boolean => {
  const plan = getEntry(models.plans.state.plans, planId)
  return plan !== undefined && canReadPlan(anonymous, plan.status)
}

/** The budget facts the caller may see: for anonymous callers, without the lines of drafts. */
export function budgetsFor(context: GraphQLContext): ReadModel<BudgetsState> {
  const { models } = context
  if (visibilityOf(context) === 'all') return models.budgets
  return cached(models, 'budgets public', () => {
    const readable = publicPlan(models)
    const { state, position } = models.budgets
    return { position, state: { ...state, lines: filterEntries(state.lines, (line) => readable(line.planId)) } }
  })
}

/** The national facts the caller may see: for anonymous callers, without indicators of drafts. */
export function nationalFor(context: GraphQLContext): ReadModel<NationalState> {
  const { models } = context
  if (visibilityOf(context) === 'all') return models.national
  return cached(models, 'national public', () => {
    const readable = publicPlan(models)
    const { state, position } = models.national
    const indicators = filterEntries(state.indicators, (indicator) => readable(indicator.planId))
    const kept = new Set(indicators.keys())
    const values = Object.fromEntries(
      Object.entries(state.values).map(([code, byPeriod]) => [
        code,
        Object.fromEntries(
          Object.entries(byPeriod).map(([period, byIndicator]) => [
            period,
            Object.fromEntries(Object.entries(byIndicator).filter(([indicatorId]) => kept.has(indicatorId))),
          ]),
        ),
      ]),
    )
    const byCode = state.byCode.map((ids) => ids.filter((id) => kept.has(id))).filter((ids) => ids.length > 0)
    return { position, state: { ...state, indicators, byCode, values } }
  })
}

/** The budget-share actuals indicator figures are computed with, from the budgets the caller may see. */
function figureOptions(context: GraphQLContext) {
  return { budgetShareOf: budgetShareOf(budgetsFor(context).state) }
}

/** A plan's tree with every indicator's figures; its figures also serve `figures` below. */
export function treeOf(context: GraphQLContext, planId: string): PlanTree {
  const visibility = visibilityOf(context)
  return cached(context.models, `tree ${visibility} ${planId}`, () => {
    // Only called for a plan the caller may read, so the plan exists.
    const tree = planTree(context.models.plans, planId, figureOptions(context))!
    const remember = (figures: IndicatorFigures) => cached(context.models, figuresKey(visibility, figures.indicatorId), () => figures)
    for (const area of tree.areas) {
      const visit = (objective: (typeof area.objectives)[number]): void => {
        objective.indicators.forEach(remember)
        objective.measures.forEach((measure) => measure.indicators.forEach(remember))
        objective.children.forEach(visit)
      }
      area.objectives.forEach(visit)
    }
    return tree
  })
}

/** Adds to a group, keeping the order values come in. */
function addTo<Key, Value>(groups: Map<Key, Value[]>, key: Key, value: Value): void {
  const group = groups.get(key)
  if (group === undefined) groups.set(key, [value])
  else group.push(value)
}

const figuresKey = (visibility: Visibility, indicatorId: string, period?: Period | null): string =>
  `figures ${visibility} ${indicatorId} ${period ?? 'default'}`

/**
 * An indicator's figures for a period (or its default period), once per snapshot, visibility
 * and period; null when the log holds no such indicator.
 */
export function figures(context: GraphQLContext, indicatorId: string, period?: Period | null): IndicatorFigures | null {
  const visibility = visibilityOf(context)
  return cached(context.models, figuresKey(visibility, indicatorId, period), () =>
    figuresOf(context.models.plans.state, indicatorId, { ...figureOptions(context), ...(period != null && { period }) }),
  )
}

/** An indicator's default figures when the caller may read its plan. */
export function readableIndicator(context: GraphQLContext, indicatorId: string): IndicatorFigures | null {
  const planId = getEntry(context.models.plans.state.indicators, indicatorId)?.facts.definition.planId
  if (planId === undefined || !canRead(context, planId)) return null
  return figures(context, indicatorId)
}

/** The figures of every indicator of a plan, in the order they were defined. */
export function planIndicators(context: GraphQLContext, planId: string): readonly IndicatorFigures[] {
  // The tree computes the figures of every indicator it places; those are not computed again.
  treeOf(context, planId)
  return indicatorsOfPlan(context.models.plans.state, planId).map((indicatorId) => figures(context, indicatorId)!)
}

/** A plan's indicators by what they are attached to ('measure <id>', 'objective <id>'). */
export function attachedIndicators(context: GraphQLContext, planId: string, kind: 'measure' | 'objective', id: string): readonly IndicatorFigures[] {
  const index = cached(context.models, `attached ${visibilityOf(context)} ${planId}`, () => {
    const byAttachment = new Map<string, IndicatorFigures[]>()
    for (const indicator of planIndicators(context, planId)) {
      const key = `${indicator.definition.attachedTo.kind} ${indicator.definition.attachedTo.id}`
      addTo(byAttachment, key, indicator)
    }
    return byAttachment
  })
  return index.get(`${kind} ${id}`) ?? []
}

interface LineIndex {
  readonly byId: ReadonlyMap<string, BudgetLineFacts>
  readonly byPlan: ReadonlyMap<string, BudgetLineFacts[]>
  readonly byMeasure: ReadonlyMap<string, BudgetLineFacts[]>
}

/** Budget lines by id, and by plan and by measure, each by fiscal year then id. */
function lineIndex(models: ReadModels): LineIndex {
  return cached(models, 'budget-line index', () => {
    const lines = entriesOf(models.budgets.state.lines).sort((a, b) => a.fiscalYear - b.fiscalYear || (a.budgetLineId < b.budgetLineId ? -1 : 1))
    const byPlan = new Map<string, BudgetLineFacts[]>()
    const byMeasure = new Map<string, BudgetLineFacts[]>()
    for (const line of lines) {
      addTo(byPlan, line.planId, line)
      addTo(byMeasure, line.measureId, line)
    }
    return { byId: new Map(lines.map((line) => [line.budgetLineId, line])), byPlan, byMeasure }
  })
}

/** A budget line when the caller may read its plan. */
export function readableBudgetLine(context: GraphQLContext, budgetLineId: string): BudgetLineFacts | null {
  const line = lineIndex(context.models).byId.get(budgetLineId)
  return line !== undefined && canRead(context, line.planId) ? line : null
}

/** A readable plan's budget lines. */
export function planBudgetLines(context: GraphQLContext, planId: string): readonly BudgetLineFacts[] {
  return lineIndex(context.models).byPlan.get(planId) ?? []
}

/** A measure's budget lines (the measure was reached through a readable plan). */
export function measureBudgetLines(context: GraphQLContext, measureId: string): readonly BudgetLineFacts[] {
  return lineIndex(context.models).byMeasure.get(measureId) ?? []
}

/** Budget-share indicators by municipality and category, in plan order. */
export function budgetShareIndicators(context: GraphQLContext, municipality: string, category: string): readonly string[] {
  const index = cached(context.models, 'budget-share indicators', () => {
    const byKey = new Map<string, string[]>()
    for (const plan of summaries(context.models).values()) {
      for (const entry of indicatorsOfPlan(context.models.plans.state, plan.planId).map((id) => indicatorEntry(context.models.plans.state, id)!)) {
        const { computed, municipality: owner, indicatorId } = entry.facts.definition
        if (computed === undefined) continue
        addTo(byKey, `${owner} ${computed.category}`, indicatorId)
      }
    }
    return byKey
  })
  return index.get(`${municipality} ${category}`) ?? []
}
