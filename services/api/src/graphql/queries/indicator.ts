import type { Period } from '@treguesi/domain'
import { indicatorHistory, type IndicatorFigures } from '@treguesi/projections'
import type { GraphQLContext } from '../context.js'
import { recordedActor } from '../recorder.js'
import type { QueryIndicatorArgs, Resolvers } from '../generated/resolvers.js'
import { toEnum, type IndicatorModel } from '../models.js'
import { consistent } from './consistency.js'
import { loadIndicator } from './entities.js'
import { breakdownList, explain, toFigure } from './figures.js'
import { figures, planSummary } from './snapshot.js'

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
    computed: (indicator) => indicator.definition.computed ?? null,
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
      indicatorHistory(context.models.plans, indicator.indicatorId)!.entries.map((entry) => ({
        ...entry,
        actor: recordedActor(entry.actor, indicator.definition.municipality),
      })),
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
    breakdowns: (value) => breakdownList(value.breakdown),
  },
  ReportedValue: {
    breakdowns: (value) => breakdownList(value.breakdown),
  },
  IndicatorHistoryEntry: {
    position: (entry) => entry.position.toString(),
    reason: (entry) => (entry.kind === 'corrected' ? entry.reason : null),
    previous: (entry) => (entry.kind === 'corrected' ? entry.previous : null),
  },
}
