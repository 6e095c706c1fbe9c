import { hasSensitiveCounts, type Country, type IndicatorDefinition, type Period } from '@treguesi/domain'
import {
  approvedLine,
  budgetShareOf,
  contributedFigure,
  figuresOf,
  getEntry,
  indicatorEntry,
  indicatorsOfPlan,
  nationalAggregate,
  nationalCode,
  nationalCodes,
  publicationOf,
  plansOf,
  planSummaryOf,
  planTree,
  type BudgetLineFacts,
  type BudgetShareFigure,
  type Concealment,
  type IndicatorEntry,
  type FigureOptions,
  type IndicatorFigures,
  type LineView,
  type NationalAggregate,
  type NationalCode,
  type PlanPublication,
  type PlansState,
  type PlanSummary,
  type PlanTree,
} from '@treguesi/projections'
import { iatiIdentifierOf, readModelIatiSource, readModelSource, type FigureSource, type IatiSource } from '@treguesi/exchange'
import { anonymous } from '../../access/principal.js'
import { canReadPlan, draftAccess, readsFiguresBeforeApproval } from '../../access/read-policy.js'
import type { GraphQLContext } from '../context.js'
import type { ReadModels } from '@treguesi/read-models'

/**
 * Figures across snapshots. An event replaces only the read-model objects it touches (a plan, an
 * indicator entry, a plan's list of indicator ids), so the objects and values a figure is
 * computed from are its version: a memo lives with the object that owns it (a plan, an indicator
 * entry) and answers while every other input is the very same, compared by identity. A write to
 * one plan changes that plan's inputs only; the figures of every other plan carry over to the
 * next snapshot instead of being computed again.
 */
interface Memo {
  readonly inputs: readonly unknown[]
  readonly value: unknown
}

const memos = new WeakMap<object, Map<string, Memo>>()

function memoised<T>(owner: object, key: string, inputs: readonly unknown[], compute: () => T): T {
  let byKey = memos.get(owner)
  if (byKey === undefined) {
    byKey = new Map()
    memos.set(owner, byKey)
  }
  const memo = byKey.get(key)
  if (memo !== undefined && memo.inputs.length === inputs.length && memo.inputs.every((input, i) => input === inputs[i]))
    return memo.value as T
  const value = compute()
  byKey.set(key, { inputs, value })
  return value
}

/**
 * Everything a query derives from the read models is derived once per snapshot: a snapshot never
 * changes, so a figure, a plan tree or an index computed for one field (or one request) serves
 * every other field and request that reads the same snapshot. This is the batching of the API:
 * a plan list asking for every indicator's attainment computes each indicator's figures once,
 * and the lookups by id are in-memory maps, so no field costs a query per item (no N+1).
 * Entries go with their snapshot (a WeakMap), once no request reads it any more.
 */
function cached<T>(models: ReadModels, key: string, compute: () => T): T {
  // A snapshot is a version of its own: nothing else to compare.
  return memoised(models, key, [], compute)
}

/**
 * Which drafts a caller reads besides every approved and closed plan (draftAccess), as the key
 * figures made of many municipalities' plans (national aggregates) are cached under: 'all'
 * (admins), 'public' (none), or the drafts of some municipalities, such as 'drafts:DRE,ELB'
 * (codes sorted and once each, so editors of the same municipalities share one entry whatever
 * the order their tokens list them in). Callers with the same key read the same plans.
 */
export type Visibility = 'all' | 'public' | `drafts:${string}`

export function visibilityOf(context: GraphQLContext): Visibility {
  const access = draftAccess(context.principal)
  if (access === 'all') return 'all'
  return access.length === 0 ? 'public' : `drafts:${[...new Set(access)].sort().join(',')}`
}

/**
 * What a caller sees of one municipality's plans: all of them, with their figures as recorded;
 * or only those approved and closed, with each period's figures as the approval of a round
 * holding it published them (values, allocations, expenditures, measure statuses) and the small
 * counts of sensitive indicators withheld. A figure made of one municipality's plans (a plan's
 * tree, an indicator's figures, a budget share) depends on the caller's visibility through this
 * alone, so it is kept under it: two entries at most per plan and indicator, whatever number of
 * editors' visibilities ask.
 */
type Scope = 'all' | 'public'

function scopeIn(context: GraphQLContext, municipality: string): Scope {
  // Those who read its figures before approval are those who see its small counts: its own staff and admins.
  return readsFiguresBeforeApproval(context.principal, municipality) ? 'all' : 'public'
}

/** Whether the caller reads a municipality's figures only as approved (see Scope). */
export function readsApprovedOnly(context: GraphQLContext, municipality: string): boolean {
  return scopeIn(context, municipality) === 'public'
}

/** What the approvals of a plan's reporting rounds published, in the request's snapshot. */
export function planPublication(context: GraphQLContext, planId: string): PlanPublication {
  return publicationOf(context.models.plans.state, planId)
}

/**
 * Whether the caller sees an indicator's figures with its small counts withheld: a sensitive
 * count indicator, read by a caller who is not the municipality's staff nor an admin (those who
 * read its drafts).
 */
export function withholdsFrom(context: GraphQLContext, indicator: IndicatorFigures): boolean {
  const { definition } = indicator
  const plan = getEntry(context.models.plans.state.plans, definition.planId)!
  return hasSensitiveCounts(definition, plan.kind) && scopeIn(context, definition.municipality) === 'public'
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
  return plan !== undefined && canReadPlan(context.principal, plan)
}

/**
 * Every plan, or a municipality's (from its own index, not picked out of the country's), by
 * municipality, start year and id.
 */
function summaries(models: ReadModels, municipality: string | undefined): readonly PlanSummary[] {
  return cached(
    models,
    `plan-summaries ${municipality ?? '*'}`,
    () => plansOf(models.plans, municipality === undefined ? {} : { municipality }).plans,
  )
}

/** Plans the caller may read, of one municipality when given, in the order of `plansOf`. */
export function readablePlans(context: GraphQLContext, municipality?: string): readonly PlanSummary[] {
  return summaries(context.models, municipality).filter((plan) =>
    canReadPlan(context.principal, { municipality: plan.municipality.code, status: plan.status }),
  )
}

/**
 * What a plan's summary shows of its municipality: a budget total set for it replaces its record
 * but none of these, and recomputes no plan.
 */
function municipalityInputs(state: PlansState, code: string): unknown[] {
  const municipality = own(state.municipalities, code)
  return [municipality === undefined, municipality?.name, municipality?.country, municipality?.currency]
}

/** A plan's summary when the caller may read it, once per version of the plan. */
export function planSummary(context: GraphQLContext, planId: string): PlanSummary | null {
  const { state } = context.models.plans
  const plan = getEntry(state.plans, planId)
  if (plan === undefined || !canReadPlan(context.principal, plan)) return null
  const inputs = [...municipalityInputs(state, plan.municipality), getEntry(state.indicatorsByPlan, planId)]
  return memoised(plan, 'summary', inputs, () => planSummaryOf(state, planId)!)
}

/** Whether an anonymous caller may read the plan: what a municipality's public figures are made of. */
const publicPlan =
  (models: ReadModels) =>
  (planId: string): boolean => {
    const plan = getEntry(models.plans.state.plans, planId)
    return plan !== undefined && canReadPlan(anonymous, plan)
  }

/** A budget line as a scope reads it: as recorded, or its amounts as approved. */
const lineIn = (scope: Scope, line: BudgetLineFacts): BudgetLineFacts => (scope === 'all' ? line : approvedLine(line))

/** The budget lines the caller's figures are made of: those of the plans it may read, as it reads them. */
export function lineView(context: GraphQLContext): LineView | undefined {
  if (visibilityOf(context) === 'all') return undefined
  return (line) => (canRead(context, line.planId) ? lineIn(scopeIn(context, line.municipality), line) : undefined)
}

/**
 * A national indicator for a period over the indicators of the plans the caller may read, once
 * per snapshot and visibility: it is made of every municipality's plans, so of every draft the
 * caller reads.
 */
export function nationalFigures(
  context: GraphQLContext,
  nationalCode: string,
  period: Period,
  country: Country | 'cross-country',
): NationalAggregate | null {
  const { models } = context
  return cached(models, `national ${visibilityOf(context)} ${nationalCode} ${period} ${country}`, () =>
    nationalAggregate(models.national, nationalCode, period, country, readableTied(context), concealment(context, period)),
  )
}

/** Which indicators tied to a national code the caller may read: those of the plans it reads. */
function readableTied(context: GraphQLContext): ((indicatorId: string) => boolean) | undefined {
  if (visibilityOf(context) === 'all') return undefined
  const { indicators } = context.models.national.state
  return (indicatorId) => canRead(context, getEntry(indicators, indicatorId)!.planId)
}

/** A national code and the indicators tied to it that the caller may read; undefined when unknown. */
export function readableNationalCode(context: GraphQLContext, code: string): NationalCode | undefined {
  return nationalCode(context.models.national, code, readableTied(context))
}

/** The catalogue, and the codes indicators carried before it, with what the caller may read of them. */
export function readableNationalCodes(context: GraphQLContext): readonly NationalCode[] {
  return cached(context.models, `national codes ${visibilityOf(context)}`, () =>
    nationalCodes(context.models.national, readableTied(context)),
  )
}

/**
 * Municipal figures as the caller sees them in a national aggregate: as its indicator's own
 * figures show them. A figure no approval published yet is left out of the total; a published
 * one counts as approved (a correction recorded since, not yet approved, does not count); a
 * count withheld there is withheld here, and left out of the total; a dimension with a part
 * withheld is left out of the national breakdown for that municipality.
 */
function concealment(context: GraphQLContext, period: Period): Concealment {
  return (contribution) => {
    if (scopeIn(context, contribution.municipality) === 'all') return contribution
    const shown = figures(context, contribution.indicatorId).values.find((value) => value.period === period)
    if (shown === undefined) return 'awaiting-approval'
    if (shown.withheld !== undefined) return 'suppressed'
    const approved = { ...contribution, ...contributedFigure(shown), corrections: shown.corrections }
    if (shown.withheldParts === undefined) return approved
    const breakdown = Object.fromEntries(Object.entries(shown.breakdown!).filter(([dimension]) => !(dimension in shown.withheldParts!)))
    return { ...approved, breakdown }
  }
}

type ShareOf = (municipality: string, fiscalYear: number, category: string) => BudgetShareFigure

/** Budget shares over a municipality's lines of a scope, the shares themselves made on demand. */
function sharesIn(models: ReadModels, scope: Scope): ShareOf {
  return cached(models, `budget shares ${scope}`, () => {
    const readable = publicPlan(models)
    return budgetShareOf(
      models.budgets.state,
      scope === 'all' ? undefined : (line) => (readable(line.planId) ? approvedLine(line) : undefined),
    )
  })
}

/**
 * Budget shares from the lines the caller may see, each computed once per snapshot and scope: a
 * share reads one municipality's lines, so whether that municipality's drafts count is all of
 * the caller's visibility it depends on.
 */
function shareOf(context: GraphQLContext): ShareOf {
  return (municipality, fiscalYear, category) => {
    const scope = scopeIn(context, municipality)
    return cached(context.models, `budget share ${scope} ${municipality} ${fiscalYear} ${category}`, () =>
      sharesIn(context.models, scope)(municipality, fiscalYear, category),
    )
  }
}

/**
 * The budget shares a budget-share indicator's figures are made of, as text: its part of the
 * version of the figures, since budget events and the plans' statuses (for callers who do not
 * read the municipality's drafts) change them without touching the indicator. Other indicators
 * read no budget.
 */
function sharesRead(context: GraphQLContext, definition: IndicatorDefinition): string {
  const { computed, municipality, planPeriod } = definition
  if (computed === undefined) return ''
  const share = shareOf(context)
  const read: string[] = []
  for (let year = planPeriod.from; year <= planPeriod.to; year++) {
    const figure = share(municipality, year, computed.category)
    read.push(figure.value ?? figure.budgetReason)
  }
  return read.join(' ')
}

/** What an indicator's figures depend on besides its own entry: its plan's thresholds and the budget shares it reads. */
function figureInputs(context: GraphQLContext, entry: IndicatorEntry): unknown[] {
  const { definition } = entry.facts
  return [getEntry(context.models.plans.state.plans, definition.planId)?.thresholds, sharesRead(context, definition)]
}

/**
 * The options indicator figures of a municipality's plans are computed with for the caller: the
 * budget-share actuals from the budgets it may see, and small counts withheld unless it may read
 * the municipality's drafts (its staff and admins).
 */
function figureOptions(context: GraphQLContext, scope: Scope): FigureOptions {
  return { budgetShareOf: shareOf(context), ...(scope === 'public' && { smallCells: context.smallCells, published: true }) }
}

/**
 * A plan's tree with every indicator's figures, computed once per version of the plan: the plan
 * itself, its municipality, its indicators and the budget shares they read. Its figures also
 * serve `figures` below.
 */
export function treeOf(context: GraphQLContext, planId: string): PlanTree {
  const { state } = context.models.plans
  // Only called for a plan the caller may read, so the plan exists.
  const plan = getEntry(state.plans, planId)!
  const scope = scopeIn(context, plan.municipality)
  return cached(context.models, `tree ${scope} ${planId}`, () => {
    const entries = indicatorsOfPlan(state, planId).map((indicatorId) => indicatorEntry(state, indicatorId)!)
    const inputs = [
      ...municipalityInputs(state, plan.municipality),
      getEntry(state.indicatorsByPlan, planId),
      ...entries.flatMap((entry) => [entry, sharesRead(context, entry.facts.definition)]),
    ]
    const tree = memoised(plan, `tree ${scope}`, inputs, () => {
      const tree = planTree(context.models.plans, planId, figureOptions(context, scope))!
      const remember = (computed: IndicatorFigures) => {
        const entry = indicatorEntry(state, computed.indicatorId)!
        // An indicator is of its plan's municipality (the domain refuses another), so of the tree's scope.
        memoised(entry, figuresKey(scope), figureInputs(context, entry), () => computed)
      }
      for (const area of tree.areas) {
        const visit = (objective: (typeof area.objectives)[number]): void => {
          objective.indicators.forEach(remember)
          for (const measure of objective.measures) measure.indicators.forEach(remember)
          objective.children.forEach(visit)
        }
        area.objectives.forEach(visit)
      }
      return tree
    })
    // A tree carried over from an earlier snapshot is as true at this one.
    return { ...tree, position: context.models.position }
  })
}

/** Adds to a group, keeping the order values come in. */
function addTo<Key, Value>(groups: Map<Key, Value[]>, key: Key, value: Value): void {
  const group = groups.get(key)
  if (group === undefined) groups.set(key, [value])
  else group.push(value)
}

const figuresKey = (scope: Scope, period?: Period | null): string => `figures ${scope} ${period ?? 'default'}`

/**
 * An indicator's figures for a period (or its default period), once per version of the
 * indicator (its entry and figureInputs), scope and period. Only called for an indicator the log
 * holds.
 */
export function figures(context: GraphQLContext, indicatorId: string, period?: Period | null): IndicatorFigures {
  const { state } = context.models.plans
  const entry = indicatorEntry(state, indicatorId)!
  const scope = scopeIn(context, entry.facts.definition.municipality)
  const key = figuresKey(scope, period)
  return cached(context.models, `${key} ${indicatorId}`, () =>
    memoised(
      entry,
      key,
      figureInputs(context, entry),
      () => figuresOf(state, indicatorId, { ...figureOptions(context, scope), ...(period != null && { period }) })!,
    ),
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
  return indicatorsOfPlan(context.models.plans.state, planId).map((indicatorId) => figures(context, indicatorId))
}

/** A plan's indicators by what they are attached to ('measure <id>', 'objective <id>'). */
export function attachedIndicators(
  context: GraphQLContext,
  planId: string,
  kind: 'measure' | 'objective',
  id: string,
): readonly IndicatorFigures[] {
  const { municipality } = getEntry(context.models.plans.state.plans, planId)!
  const index = cached(context.models, `attached ${scopeIn(context, municipality)} ${planId}`, () => {
    const byAttachment = new Map<string, IndicatorFigures[]>()
    for (const indicator of planIndicators(context, planId)) {
      const key = `${indicator.definition.attachedTo.kind} ${indicator.definition.attachedTo.id}`
      addTo(byAttachment, key, indicator)
    }
    return byAttachment
  })
  return index.get(`${kind} ${id}`) ?? []
}

interface PlanLines {
  readonly all: readonly BudgetLineFacts[]
  readonly byMeasure: ReadonlyMap<string, BudgetLineFacts[]>
}

/**
 * A plan's budget lines as the caller reads them, and by measure, each by fiscal year then id:
 * from the plan's own lines. Only called for a plan the caller may read.
 */
function planLines(context: GraphQLContext, planId: string): PlanLines {
  const scope = scopeIn(context, getEntry(context.models.plans.state.plans, planId)!.municipality)
  return cached(context.models, `budget lines ${scope} ${planId}`, () => {
    const { state } = context.models.budgets
    const all = (getEntry(state.linesByPlan, planId) ?? [])
      .map((budgetLineId) => lineIn(scope, getEntry(state.lines, budgetLineId)!))
      .sort((a, b) => a.fiscalYear - b.fiscalYear || (a.budgetLineId < b.budgetLineId ? -1 : 1))
    const byMeasure = new Map<string, BudgetLineFacts[]>()
    for (const line of all) addTo(byMeasure, line.measureId, line)
    return { all, byMeasure }
  })
}

/** A budget line when the caller may read its plan. */
export function readableBudgetLine(context: GraphQLContext, budgetLineId: string): BudgetLineFacts | null {
  const line = getEntry(context.models.budgets.state.lines, budgetLineId)
  return line !== undefined && canRead(context, line.planId) ? lineIn(scopeIn(context, line.municipality), line) : null
}

/** A readable plan's budget lines. */
export function planBudgetLines(context: GraphQLContext, planId: string): readonly BudgetLineFacts[] {
  return planLines(context, planId).all
}

/** A measure's budget lines (the measure was reached through a readable plan). */
export function measureBudgetLines(context: GraphQLContext, planId: string, measureId: string): readonly BudgetLineFacts[] {
  return planLines(context, planId).byMeasure.get(measureId) ?? []
}

/** Budget-share indicators of a municipality by category, in plan order: from the municipality's own plans. */
export function budgetShareIndicators(context: GraphQLContext, municipality: string, category: string): readonly string[] {
  const { models } = context
  const index = cached(models, `budget-share indicators ${municipality}`, () => {
    const { state } = models.plans
    const plans = (own(state.plansByMunicipality, municipality) ?? [])
      .map((planId) => getEntry(state.plans, planId)!)
      .sort((a, b) => a.period.from - b.period.from || a.planId.localeCompare(b.planId, 'en'))
    const byCategory = new Map<string, string[]>()
    for (const plan of plans) {
      for (const indicatorId of indicatorsOfPlan(state, plan.planId)) {
        const { computed } = indicatorEntry(state, indicatorId)!.facts.definition
        if (computed !== undefined) addTo(byCategory, computed.category, indicatorId)
      }
    }
    return byCategory
  })
  return index.get(category) ?? []
}

/**
 * What an export reads, as the caller may read it: the plans it may read, and each indicator's
 * figures as its own queries show them. Figures are computed afresh, not kept for the request:
 * an export reads each once, and a country's would fill the request's memo.
 */
export function exportSource(context: GraphQLContext): FigureSource {
  return readModelSource(context.models.plans.state, exportRights(context))
}

/** What the caller reads, as exports ask it: the plans, each municipality's figures, the budget lines. */
const exportRights = (context: GraphQLContext) => ({
  readsPlan: (planId: string) => canRead(context, planId),
  figureOptions: (municipality: string) => figureOptions(context, scopeIn(context, municipality)),
  lineView: lineView(context),
})

/** The plans the caller may read as IATI activities are made of them: trees, figures and costing as its queries show them. */
export function iatiSource(context: GraphQLContext): IatiSource {
  const { plans, budgets } = context.models
  return readModelIatiSource(plans.state, budgets.state, exportRights(context), iatiIdentifierOf(plans.state))
}
