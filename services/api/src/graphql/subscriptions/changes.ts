import { actorSchema } from '@treguesi/domain'
import type { RecordedEvent } from '@treguesi/event-store'
import { indicatorEntry } from '@treguesi/projections'
import type { ReadModels } from '@treguesi/read-models'
import type { GraphQLContext } from '../context.js'
import type { BudgetChangeKind, ResolversTypes } from '../generated/resolvers.js'
import { loadBudgetLine, loadIndicator, loadMeasure, loadPlan } from '../queries/entities.js'
import { historyEntryFor } from '../queries/indicator.js'
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

export function indicatorValueChanges(context: GraphQLContext, filter: ChangeFilter): Selector<IndicatorValueChange> {
  return (event, models) => {
    if (event.type !== 'indicator.value-reported.v1' && event.type !== 'indicator.value-corrected.v1') return null
    const view = viewAt(context, models)
    const indicator = loadIndicator(view, String(event.data.indicatorId))
    if (indicator === null) return null
    const { planId, municipality } = indicator.definition
    if (!matches(filter, planId, municipality)) return null
    // The read models have just applied this event: it is the last entry of the history.
    const entry = indicatorEntry(models.plans.state, indicator.indicatorId)!.history.at(-1)!
    const change = historyEntryFor(view, indicator, entry)
    return { models, payload: { ...provenance(event, municipality), planId, municipality, change, indicator } }
  }
}

export function measureStatusChanges(context: GraphQLContext, filter: ChangeFilter): Selector<MeasureStatusChange> {
  return (event, models) => {
    if (event.type !== 'plan.measure-status-changed.v1') return null
    const view = viewAt(context, models)
    const planId = String(event.data.planId)
    // Null for a plan the caller may not read, and for a measure the read models could not place.
    const measure = loadMeasure(view, planId, String(event.data.measureId))
    if (measure === null) return null
    const plan = loadPlan(view, planId)!
    if (!matches(filter, planId, plan.municipality.code)) return null
    return {
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
    }
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

export function budgetChanges(context: GraphQLContext, filter: ChangeFilter): Selector<BudgetChange> {
  return (event, models) => {
    const kind = Object.hasOwn(budgetChangeKinds, event.type) ? budgetChangeKinds[event.type]! : undefined
    if (kind === undefined) return null
    const totalOf = (municipality: string, fiscalYear: number) =>
      models.budgets.state.municipalities[municipality]?.totals[fiscalYear] ?? null
    if (kind === 'municipal_total_set') {
      const municipality = String(event.data.code)
      const fiscalYear = Number(event.data.fiscalYear)
      if (!matches(filter, null, municipality)) return null
      const payload = { ...provenance(event, municipality), kind, planId: null, municipality, fiscalYear, budgetLine: null }
      return { models, payload: { ...payload, municipalTotal: totalOf(municipality, fiscalYear) } }
    }
    const budgetLine = loadBudgetLine(viewAt(context, models), String(event.data.budgetLineId))
    if (budgetLine === null) return null
    const { planId, municipality, fiscalYear } = budgetLine
    if (!matches(filter, planId, municipality)) return null
    const payload = { ...provenance(event, municipality), kind, planId, municipality, fiscalYear, budgetLine }
    return { models, payload: { ...payload, municipalTotal: totalOf(municipality, fiscalYear) } }
  }
}
