import type { CodegenConfig } from '@graphql-codegen/cli'

// Resolver types generated from the schema (schema-first): `pnpm --filter @treguesi/api codegen`.
// The test suite regenerates them and fails when the committed file is stale.
const config: CodegenConfig = {
  schema: '../../schema/*.graphql',
  generates: {
    'src/graphql/generated/resolvers.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context.js#GraphQLContext',
        mappers: {
          LocalizedText: '../models.js#LocalizedTextModel',
          Actor: '../models.js#ActorModel',
          Municipality: '../models.js#MunicipalityModel',
          Plan: '../models.js#PlanModel',
          Area: '../models.js#AreaModel',
          Objective: '../models.js#ObjectiveModel',
          Measure: '../models.js#MeasureModel',
          MeasureStatusChange: '../models.js#MeasureStatusChangeModel',
          PlanClosure: '../models.js#PlanClosureModel',
          RollUp: '../models.js#RollUpModel',
          Indicator: '../models.js#IndicatorModel',
          Baseline: '../models.js#BaselineModel',
          TargetView: '../models.js#TargetViewModel',
          Target: '../models.js#TargetModel',
          ResolvedTarget: '../models.js#ResolvedTargetModel',
          IndicatorValue: '../models.js#IndicatorValueModel',
          LatestValue: '../models.js#LatestValueModel',
          ReportedValue: '../models.js#ReportedValueModel',
          IndicatorHistoryEntry: '../models.js#IndicatorHistoryEntryModel',
          BudgetLine: '../models.js#BudgetLineModel',
          FundingSource: '../models.js#FundingSourceModel',
          PlannedCost: '../models.js#PlannedCostModel',
          BudgetSummary: '../models.js#BudgetSummaryModel',
          CategoryShare: '../models.js#CategoryShareModel',
          FundingShare: '../models.js#FundingShareModel',
          PlanCosting: '../models.js#PlanCostingModel',
          YearCosting: '../models.js#YearCostingModel',
          NationalAggregate: '../models.js#NationalAggregateModel',
          NationalIndicator: '../models.js#NationalIndicatorModel',
          MunicipalFigure: '../models.js#MunicipalFigureModel',
          BreakdownAggregate: '../models.js#BreakdownAggregateModel',
          LogEvent: '../models.js#LogEventModel',
          Review: '../models.js#ReviewModel',
          ReportRound: '../models.js#ReportRoundModel',
          AwaitingItem: '../queries/review.js#AwaitingModel',
        },
        scalars: {
          Decimal: 'string',
          DateTime: 'string',
          Date: 'string',
          Period: 'string',
          Position: 'string',
          JSON: 'unknown',
        },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        maybeValue: 'T | null',
        inputMaybeValue: 'T | null | undefined',
      },
    },
  },
}

export default config
