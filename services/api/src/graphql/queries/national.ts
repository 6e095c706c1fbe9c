import { disaggregationDimensions, type Currency, type DisaggregationDimension, type Period } from '@treguesi/domain'
import type { QueryNationalAggregateArgs, Resolvers } from '../generated/resolvers.js'
import { toEnum, type BreakdownAggregateModel, type NationalAggregateModel } from '../models.js'
import { consistent } from './consistency.js'
import { breakdownList, explain, toFigure } from './figures.js'
import { nationalFigures } from './snapshot.js'

const breakdownBy = (aggregate: NationalAggregateModel, dimension: DisaggregationDimension): BreakdownAggregateModel => ({
  ...aggregate.breakdowns[dimension],
  dimension,
})

export const nationalResolvers: Resolvers = {
  Query: {
    nationalAggregate: consistent(({ nationalCode, period }: QueryNationalAggregateArgs, context) =>
      // The Period scalar has checked it.
      nationalFigures(context, nationalCode, period as Period),
    ),
  },
  NationalAggregate: {
    total: (aggregate) => toFigure(aggregate.total),
    value: (aggregate) => aggregate.total.value,
    byCurrency: (aggregate) =>
      (Object.entries(aggregate.byCurrency ?? {}) as [Currency, string][])
        .sort(([a], [b]) => a.localeCompare(b, 'en'))
        .map(([currency, amount]) => ({ currency, amount })),
    counted: (aggregate) => [...aggregate.counted],
    excluded: (aggregate) => ({ count: aggregate.excluded.count, municipalities: [...aggregate.excluded.municipalities] }),
    byMunicipality: (aggregate) => [...aggregate.byMunicipality],
    bySex: (aggregate) => breakdownBy(aggregate, 'sex'),
    byUrbanRural: (aggregate) => breakdownBy(aggregate, 'area'),
    breakdowns: (aggregate) => disaggregationDimensions.map((dimension) => breakdownBy(aggregate, dimension)),
  },
  MunicipalFigure: {
    breakdowns: (figure) => breakdownList(figure.breakdown),
    excludedBecause: (figure) => (figure.excludedBecause === null ? null : toEnum(figure.excludedBecause)),
  },
  BreakdownAggregate: {
    dimension: (breakdown) => toEnum(breakdown.dimension as DisaggregationDimension),
    categories: (breakdown) =>
      breakdown.categories === null
        ? null
        : Object.entries(breakdown.categories).map(([category, value]) => ({ category, value, reason: null })),
    incomplete: (breakdown) => (breakdown.reason === null ? [...breakdown.incomplete] : []),
    explanation: (breakdown) => explain(breakdown.reason),
    without: (breakdown) => (breakdown.reason === null ? [] : [...breakdown.without]),
  },
}
