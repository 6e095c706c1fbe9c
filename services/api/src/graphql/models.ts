import type {
  Actor,
  Baseline,
  FundingSource,
  LocalizedText,
  MeasureStatusChange,
  PlanMeasure,
  PlannedCost,
  ReportedValue,
  Review,
  Target,
  TargetResolution,
} from '@treguesi/domain'
import type { RecordedEvent } from '@treguesi/event-store'
import type {
  AreaNode,
  BreakdownAggregate,
  BudgetAmounts,
  BudgetLineFacts,
  BudgetSummary,
  CategoryShare,
  Dhis2CategoryOptionCombo,
  Dhis2DataElement,
  Dhis2MappingLookup,
  Dhis2OrgUnit,
  FundingShare,
  IndicatorFigures,
  MunicipalFigure,
  NationalAggregate,
  NationalCode,
  ObjectiveNode,
  PlanCosting,
  PlanSummary,
  RegisteredMunicipality,
  ReportRound,
  RollUp,
  TargetView,
  ValueHistoryEntry,
  ValueView,
  YearCosting,
} from '@treguesi/projections'

/**
 * What each object type of the schema is resolved from (codegen `mappers`): the read models'
 * own records, so a resolver that returns an entity hands over what the projections give and
 * the type's field resolvers do the rest. A resolver elsewhere (a mutation's payload, a
 * subscription) returns the same records; `./queries/entities.ts` loads them by id.
 */
export type LocalizedTextModel = LocalizedText
export type ActorModel = Actor
export type MunicipalityModel = RegisteredMunicipality
export type PlanModel = PlanSummary
export type ReviewModel = Review
export type ReportRoundModel = ReportRound
/** Nodes of a plan's tree carry their plan, for the budget lines and indicators below them. */
export type AreaModel = AreaNode & { readonly planId: string }
export type ObjectiveModel = ObjectiveNode & { readonly planId: string }
export type MeasureModel = PlanMeasure & { readonly planId: string }
export type MeasureStatusChangeModel = MeasureStatusChange
export type PlanClosureModel = NonNullable<PlanSummary['closed']>
export type RollUpModel = RollUp
/** An indicator's figures for its default period; fields with a `period` argument compute others. */
export type IndicatorModel = IndicatorFigures
export type BaselineModel = Baseline
export type TargetViewModel = TargetView
export type TargetModel = Target
export type ResolvedTargetModel = TargetResolution
export type IndicatorValueModel = ValueView
export type LatestValueModel = ValueView
/** A figure as recorded, or left out: a sensitive indicator's figure withheld from the caller. */
export type ReportedValueModel = ReportedValue | WithheldValue
export interface WithheldValue {
  readonly withheld: 'suppressed'
}
/** A value event as the caller sees it: its figures may be withheld. */
export type IndicatorHistoryEntryModel = Omit<ValueHistoryEntry, 'value'> & {
  readonly value: ReportedValueModel
  readonly reason?: LocalizedText
  readonly previous?: ReportedValueModel
}
export type BudgetLineModel = BudgetLineFacts
export type FundingSourceModel = FundingSource
export type PlannedCostModel = PlannedCost
export type BudgetSummaryModel = BudgetSummary
/** A category's share, with the municipality and year its budget-share target is looked up for. */
export type CategoryShareModel = CategoryShare & { readonly municipality: string; readonly fiscalYear: number }
export type FundingShareModel = FundingShare
/** A plan's costing with its total's amounts beside its years, as the schema shows them (like BudgetSummary's). */
export type PlanCostingModel = BudgetAmounts & Pick<PlanCosting, 'planId' | 'byYear'>
export type YearCostingModel = YearCosting
export type NationalAggregateModel = NationalAggregate
export type MunicipalFigureModel = MunicipalFigure
/** A national code with its catalogue entry and the indicators tied to it that the caller may read. */
export type NationalIndicatorModel = NationalCode
export type BreakdownAggregateModel = BreakdownAggregate & { readonly dimension: string }
export type LogEventModel = RecordedEvent
export type Dhis2MappingModel = Dhis2MappingLookup
export type Dhis2DataElementMappingModel = Dhis2DataElement
export type Dhis2OrgUnitMappingModel = Dhis2OrgUnit
export type Dhis2CategoryOptionComboMappingModel = Dhis2CategoryOptionCombo

/**
 * GraphQL enum values cannot contain dashes, so the schema writes the domain's values with
 * underscores ('in-progress' is in_progress); everything else about them is the same.
 */
export type GraphQLEnum<Value extends string> = Value extends `${infer Head}-${infer Tail}` ? `${Head}_${GraphQLEnum<Tail>}` : Value
export type DomainEnum<Value extends string> = Value extends `${infer Head}_${infer Tail}` ? `${Head}-${DomainEnum<Tail>}` : Value

/** A domain value as the schema's enum writes it. */
export function toEnum<Value extends string>(value: Value): GraphQLEnum<Value> {
  return value.replaceAll('-', '_') as GraphQLEnum<Value>
}

/** A schema enum value (an argument or input) as the domain writes it. */
export function fromEnum<Value extends string>(value: Value): DomainEnum<Value> {
  return value.replaceAll('_', '-') as DomainEnum<Value>
}
