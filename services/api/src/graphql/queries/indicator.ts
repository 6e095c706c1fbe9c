import type { Period } from '@treguesi/domain'
import { indicatorHistory, isPublished, type IndicatorFigures, type ValueHistoryEntry } from '@treguesi/projections'
import type { GraphQLContext } from '../context.js'
import { recordedActor } from '../recorder.js'
import type { QueryIndicatorArgs, Resolvers } from '../generated/resolvers.js'
import { toEnum, type IndicatorHistoryEntryModel, type IndicatorModel, type WithheldValue } from '../models.js'
import { consistent } from './consistency.js'
import { loadIndicator, loadNationalIndicator } from './entities.js'
import { breakdownList, explain, toFigure } from './figures.js'
import { figures, planSummary, planPublication, readsApprovedOnly, withholdsFrom } from './snapshot.js'

const suppressed: WithheldValue = Object.freeze({ withheld: 'suppressed' })

/**
 * A value event of an indicator as the caller reads it: who recorded it only for those who may
 * know, and for a sensitive indicator read by the public, when a value was given but never
 * which (a figure corrected away, or the difference of two, could be a count withheld from its
 * values).
 */
export function historyEntryFor(
  context: GraphQLContext,
  indicator: IndicatorFigures,
  entry: ValueHistoryEntry,
): IndicatorHistoryEntryModel {
  const actor = recordedActor(entry.actor, indicator.definition.municipality)
  if (!withholdsFrom(context, indicator)) return { ...entry, actor }
  return { ...entry, actor, value: suppressed, ...(entry.kind === 'corrected' && { previous: suppressed }) }
}

/**
 * Whether the caller reads a value event of the indicator: its municipality's staff and admins
 * every one, everyone else those an approval published (recorded before the latest approval of
 * a round holding the period).
 */
export function readsHistoryEntry(context: GraphQLContext, indicator: IndicatorFigures, entry: ValueHistoryEntry): boolean {
  const { municipality, planId } = indicator.definition
  return !readsApprovedOnly(context, municipality) || isPublished(planPublication(context, planId), entry.period, entry.position)
}

/**
 * The figures a field asks for: the indicator's default ones, or those of the period the field
 * names (computed once per snapshot and period, whichever field asks first).
 */
function figuresAt(indicator: IndicatorModel, period: string | null | undefined, context: GraphQLContext): IndicatorFigures {
  return period == null ? indicator : figures(context, indicator.indicatorId, period as Period)
}

export const indicatorResolvers: Resolvers = {
  Query: {
    indicator: consistent(({ id }: QueryIndicatorArgs, context) => loadIndicator(context, id)),
  },
  Indicator: {
    id: (indicator) => indicator.indicatorId,
    planId: (indicator) => indicator.definition.planId,
    // An indicator is only reached through a plan the caller may read.
    plan: (indicator, _args, context) => planSummary(context, indicator.definition.planId)!,
    municipality: (indicator) => indicator.definition.municipality,
    attachedTo: (indicator) => indicator.definition.attachedTo,
    code: (indicator) => indicator.definition.code,
    name: (indicator) => indicator.definition.name,
    unit: (indicator) => indicator.definition.unit,
    currency: (indicator) => indicator.definition.currency ?? null,
    direction: (indicator) => toEnum(indicator.definition.direction),
    accumulation: (indicator) => toEnum(indicator.definition.accumulation),
    disaggregations: (indicator) =>
      indicator.definition.disaggregations.map((disaggregation) => ({ ...disaggregation, dimension: toEnum(disaggregation.dimension) })),
    dataSource: (indicator) => indicator.definition.dataSource ?? null,
    nationalCode: (indicator) => indicator.definition.nationalCode ?? null,
    nationalIndicator: (indicator, _args, context) => {
      const code = indicator.definition.nationalCode
      return code === undefined ? null : loadNationalIndicator(context, code)
    },
    computed: (indicator) => indicator.definition.computed ?? null,
    baselineReason: (indicator) => (indicator.baselineWithheld ? 'suppressed' : null),
    targets: (indicator) => [...indicator.targets],
    values: (indicator, { period }) => indicator.values.filter((value) => period == null || value.period === period),
    period: (indicator, { period }, context) => figuresAt(indicator, period, context).period,
    periodChoice: (indicator, { period }, context) => toEnum(figuresAt(indicator, period, context).periodChoice),
    actual: (indicator, { period }, context) => toFigure(figuresAt(indicator, period, context).actual),
    target: (indicator, { period }, context) => figuresAt(indicator, period, context).target,
    attainment: (indicator, { period }, context) => toFigure(figuresAt(indicator, period, context).attainment),
    progress: (indicator, { period }, context) => toFigure(figuresAt(indicator, period, context).progress),
    rating: (indicator, { period }, context) => {
      const { rating } = figuresAt(indicator, period, context)
      return { value: toEnum(rating.value), reason: rating.reason, explanation: explain(rating.reason) }
    },
    latestValue: (indicator) => indicator.values.at(-1) ?? null,
    // Reached only for an indicator the log holds. Each entry's actor carries the indicator's
    // municipality, which decides who may know its recorder.
    history: (indicator, _args, context) =>
      indicatorHistory(context.models.plans, indicator.indicatorId)!
        .entries.filter((entry) => readsHistoryEntry(context, indicator, entry))
        .map((entry) => historyEntryFor(context, indicator, entry)),
  },
  TargetView: {
    period: (view) => view.period,
  },
  Target: {
    over: (target) => (target.kind === 'relative' ? toEnum(target.over) : null),
  },
  ResolvedTarget: {
    kind: (resolved) => (resolved.value === null ? null : resolved.kind),
    explanation: (resolved) => explain(resolved.reason),
  },
  IndicatorValue: {
    reason: (value) => value.withheld ?? null,
    breakdowns: (value) => breakdownList(value.breakdown, value.withheldParts),
  },
  ReportedValue: {
    reason: (value) => ('withheld' in value ? value.withheld : null),
    breakdowns: (value) => ('withheld' in value ? [] : breakdownList(value.breakdown)),
  },
  IndicatorHistoryEntry: {
    position: (entry) => entry.position.toString(),
    reason: (entry) => entry.reason ?? null,
    previous: (entry) => entry.previous ?? null,
  },
}
