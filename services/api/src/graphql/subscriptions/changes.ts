import { actorSchema, periodContains, quarterOf, type Period } from '@treguesi/domain'
import type { RecordedEvent } from '@treguesi/event-store'
import { getEntry, indicatorEntry, indicatorsOfPlan } from '@treguesi/projections'
import type { ReadModels } from '@treguesi/read-models'
import type { GraphQLContext } from '../context.js'
import type { BudgetChangeKind, ResolversTypes } from '../generated/resolvers.js'
import type { PlanModel } from '../models.js'
import { loadBudgetLine, loadIndicator, loadMeasure, loadPlan } from '../queries/entities.js'
import { historyEntryFor, readsHistoryEntry } from '../queries/indicator.js'
import { planBudgetLines, readsApprovedOnly } from '../queries/snapshot.js'
import { recordedActor } from '../recorder.js'
import type { Selector } from './feed.js'

/** The optional filters every subscription takes. */
export interface ChangeFilter {
  readonly planId?: string | null | undefined
  readonly municipality?: string | null | undefined
}

/**
 * What a subscriber receives for one event: the payload, and the read models just after the
 * event, which the payload's entities are resolved from (and their fields go on reading).
 */
export interface Change<Payload> {
  readonly payload: Payload
  readonly models: ReadModels
}

export type IndicatorValueChange = Change<ResolversTypes['IndicatorValueEvent']>
export type MeasureStatusChange = Change<ResolversTypes['MeasureStatusEvent']>
export type BudgetChange = Change<ResolversTypes['BudgetEvent']>

/**
 * Where, when and by whom: what every event payload starts with. The actor carries the event's
 * municipality, which decides whether the subscriber may know who recorded it.
 */
function provenance(event: RecordedEvent, municipality: string) {
  const { actor, occurredAt } = event.metadata
  const recorded = actorSchema.safeParse(actor)
  return {
    position: event.position.toString(),
    recordedAt: event.recordedAt.toISOString(),
    occurredAt: typeof occurredAt === 'string' ? occurredAt : null,
    actor: recordedActor(recorded.success ? recorded.data : null, municipality),
  }
}

function matches(filter: ChangeFilter, planId: string | null, municipality: string): boolean {
  return (filter.planId == null || filter.planId === planId) && (filter.municipality == null || filter.municipality === municipality)
}

/**
 * The subscriber's view of the read models at one event: its own principal, so an entity of a
 * plan it may not read loads as null and the event is not sent.
 */
function viewAt(context: GraphQLContext, models: ReadModels): GraphQLContext {
  return { ...context, models }
}

/**
 * A reporting round's approval, as a subscriber who reads the plan's figures only as approved
 * hears of it: the plan and the round whose figures it published, or null for any other event,
 * a plan the subscriber may not read, one the filter leaves out, and a subscriber who heard of
 * every figure as it was recorded (the municipality's staff and admins).
 */
function publishing(
  view: GraphQLContext,
  event: RecordedEvent,
  filter: ChangeFilter,
): { planId: string; municipality: string; round: Period; plan: PlanModel } | null {
  if (event.type !== 'plan.report-approved.v1') return null
  const planId = String(event.data.planId)
  const plan = loadPlan(view, planId)
  if (plan === null) return null
  const municipality = plan.municipality.code
  if (!readsApprovedOnly(view, municipality) || !matches(filter, planId, municipality)) return null
  return { planId, municipality, round: event.data.period as Period, plan }
}

export function indicatorValueChanges(context: GraphQLContext, filter: ChangeFilter): Selector<IndicatorValueChange> {
  return (event, models) => {
    const view = viewAt(context, models)
    const published = publishing(view, event, filter)
    if (published !== null) {
      // Each figure the approval published: the latest value event of each of the round's periods.
      const { planId, municipality, round } = published
      return indicatorsOfPlan(models.plans.state, planId).flatMap((indicatorId) => {
        const indicator = loadIndicator(view, indicatorId)!
        const { history } = indicatorEntry(models.plans.state, indicatorId)!
        const periods = indicator.values.filter((value) => !value.computed && periodContains(round, value.period))
        return periods.map(({ period }) => {
          const change = historyEntryFor(view, indicator, history.findLast((entry) => entry.period === period)!)
          return { models, payload: { ...provenance(event, municipality), planId, municipality, change, indicator } }
        })
      })
    }
    if (event.type !== 'indicator.value-reported.v1' && event.type !== 'indicator.value-corrected.v1') return []
    const indicator = loadIndicator(view, String(event.data.indicatorId))
    if (indicator === null) return []
    const { planId, municipality } = indicator.definition
    if (!matches(filter, planId, municipality)) return []
    // The read models have just applied this event: it is the last entry of the history.
    const entry = indicatorEntry(models.plans.state, indicator.indicatorId)!.history.at(-1)!
    // A figure no approval has published yet is not the subscriber's to hear of: it will at the approval.
    if (!readsHistoryEntry(view, indicator, entry)) return []
    const change = historyEntryFor(view, indicator, entry)
    return [{ models, payload: { ...provenance(event, municipality), planId, municipality, change, indicator } }]
  }
}

export function measureStatusChanges(context: GraphQLContext, filter: ChangeFilter): Selector<MeasureStatusChange> {
  return (event, models) => {
    const view = viewAt(context, models)
    const published = publishing(view, event, filter)
    if (published !== null) {
      // Each status change the approval published: those dated in the round's period.
      const { planId, municipality, round, plan } = published
      return Object.keys(getEntry(models.plans.state.plans, planId)!.measures).flatMap((measureId) => {
        const measure = loadMeasure(view, planId, measureId)!
        return measure.statusHistory
          .filter((change) => periodContains(round, quarterOf(change.date)))
          .map((change) => ({ models, payload: { ...provenance(event, municipality), planId, municipality, change, measure, plan } }))
      })
    }
    if (event.type !== 'plan.measure-status-changed.v1') return []
    const planId = String(event.data.planId)
    // Null for a plan the caller may not read, and for a measure the read models could not place.
    const measure = loadMeasure(view, planId, String(event.data.measureId))
    if (measure === null) return []
    const plan = loadPlan(view, planId)!
    if (!matches(filter, planId, plan.municipality.code)) return []
    // Only the municipality's staff and admins hear of a status as it is recorded; everyone else at its approval.
    if (readsApprovedOnly(view, plan.municipality.code)) return []
    return [
      {
        models,
        payload: {
          ...provenance(event, plan.municipality.code),
          planId,
          municipality: plan.municipality.code,
          // The measure's history now ends with this change.
          change: measure.statusHistory.at(-1)!,
          measure,
          plan,
        },
      },
    ]
  }
}

const budgetChangeKinds: Readonly<Record<string, BudgetChangeKind>> = {
  'budget-line.planned.v1': 'planned',
  'budget-line.planned-cost-revised.v1': 'planned_cost_revised',
  'budget-line.allocated.v1': 'allocated',
  'budget-line.expenditure-recorded.v1': 'expenditure_recorded',
  'budget-line.retagged.v1': 'retagged',
  'municipality.budget-total-set.v1': 'municipal_total_set',
}

/** Budget events that record what was allocated or spent: a caller reading figures only as approved hears of them at the approval. */
const spending: ReadonlySet<BudgetChangeKind> = new Set(['allocated', 'expenditure_recorded'])

export function budgetChanges(context: GraphQLContext, filter: ChangeFilter): Selector<BudgetChange> {
  return (event, models) => {
    const view = viewAt(context, models)
    const totalOf = (municipality: string, fiscalYear: number) =>
      models.budgets.state.municipalities[municipality]?.totals[fiscalYear] ?? null
    const published = publishing(view, event, filter)
    if (published !== null) {
      // Each allocation and expenditure the approval published: those of the lines of the round's year.
      const { planId, municipality, round } = published
      return planBudgetLines(view, planId).flatMap((budgetLine) => {
        const { fiscalYear } = budgetLine
        if (!periodContains(round, `${fiscalYear}` as Period)) return []
        const kinds = [
          ...(budgetLine.allocated === null ? [] : ['allocated' as const]),
          ...(budgetLine.executed === null ? [] : ['expenditure_recorded' as const]),
        ]
        return kinds.map((kind) => ({
          models,
          payload: {
            ...provenance(event, municipality),
            kind,
            planId,
            municipality,
            fiscalYear,
            budgetLine,
            municipalTotal: totalOf(municipality, fiscalYear),
          },
        }))
      })
    }
    const kind = Object.hasOwn(budgetChangeKinds, event.type) ? budgetChangeKinds[event.type]! : undefined
    if (kind === undefined) return []
    if (kind === 'municipal_total_set') {
      const municipality = String(event.data.code)
      const fiscalYear = Number(event.data.fiscalYear)
      if (!matches(filter, null, municipality)) return []
      const payload = { ...provenance(event, municipality), kind, planId: null, municipality, fiscalYear, budgetLine: null }
      return [{ models, payload: { ...payload, municipalTotal: totalOf(municipality, fiscalYear) } }]
    }
    const budgetLine = loadBudgetLine(view, String(event.data.budgetLineId))
    if (budgetLine === null) return []
    const { planId, municipality, fiscalYear } = budgetLine
    if (!matches(filter, planId, municipality)) return []
    if (spending.has(kind) && readsApprovedOnly(view, municipality)) return []
    const payload = { ...provenance(event, municipality), kind, planId, municipality, fiscalYear, budgetLine }
    return [{ models, payload: { ...payload, municipalTotal: totalOf(municipality, fiscalYear) } }]
  }
}
