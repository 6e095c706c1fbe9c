import { aggregationOf, disaggregationDimensions, type Currency, type DisaggregationDimension, type Period } from '@treguesi/domain'
import { TreguesiError } from '@treguesi/errors'
import type { GraphQLContext } from '../context.js'
import type {
  QueryCrossCountryAggregateArgs,
  QueryNationalAggregateArgs,
  QueryNationalIndicatorArgs,
  QueryNationalIndicatorsArgs,
  Resolvers,
} from '../generated/resolvers.js'
import { toEnum, type BreakdownAggregateModel, type NationalAggregateModel } from '../models.js'
import { consistent } from './consistency.js'
import { breakdownList, explain, toFigure } from './figures.js'
import { loadIndicator, loadNationalIndicator } from './entities.js'
import { nationalFigures, readableNationalCode, readableNationalCodes } from './snapshot.js'

const breakdownBy = (aggregate: NationalAggregateModel, dimension: DisaggregationDimension): BreakdownAggregateModel => ({
  ...aggregate.breakdowns[dimension],
  dimension,
})

/**
 * Only a percentage is compared across countries: its ratio of sums is free of currency, while
 * a sum would add lekë to euro, or one country's counts to another's.
 */
function assertComparableAcrossCountries(context: GraphQLContext, code: string): void {
  const unit = readableNationalCode(context, code)?.definition?.unit
  if (unit === undefined || unit === 'percent') return
  throw new TreguesiError('TRG_INVALID_VALUE', {
    type: 'nationalCode',
    value: code,
    problem: `is in ${unit}, summed per country: only a percentage (a ratio of sums) is compared across countries; ask nationalAggregate per country`,
  })
}

export const nationalResolvers: Resolvers = {
  Query: {
    // The Period scalar has checked the period.
    nationalAggregate: consistent(({ nationalCode, country, period }: QueryNationalAggregateArgs, context) =>
      nationalFigures(context, nationalCode, period as Period, country),
    ),
    crossCountryAggregate: consistent(({ nationalCode, period }: QueryCrossCountryAggregateArgs, context) => {
      assertComparableAcrossCountries(context, nationalCode)
      return nationalFigures(context, nationalCode, period as Period, 'cross-country')
    }),
    nationalIndicators: consistent((_args: QueryNationalIndicatorsArgs, context) => [...readableNationalCodes(context)]),
    nationalIndicator: consistent(({ code }: QueryNationalIndicatorArgs, context) => loadNationalIndicator(context, code)),
  },
  NationalIndicator: {
    code: (entry) => entry.nationalCode,
    name: (entry) => entry.definition?.name ?? null,
    unit: (entry) => entry.definition?.unit ?? null,
    aggregation: (entry) => (entry.definition === null ? null : toEnum(aggregationOf[entry.definition.unit])),
    numerator: (entry) => entry.definition?.numerator ?? null,
    denominator: (entry) => entry.definition?.denominator ?? null,
    sdg: (entry) => {
      const sdg = entry.definition?.sdg
      return sdg === undefined ? null : { indicator: sdg.indicator, series: sdg.series ?? null }
    },
    inCatalogue: (entry) => entry.definition !== null,
    indicators: (entry, _args, context) => entry.indicators.flatMap((indicator) => loadIndicator(context, indicator.indicatorId) ?? []),
    countries: (entry) => [...entry.countries],
    municipalities: (entry) => [...entry.municipalities],
  },
  NationalAggregate: {
    nationalIndicator: (aggregate, _args, context) => loadNationalIndicator(context, aggregate.nationalCode),
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
