import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { LocalizedTextModel, ActorModel, MunicipalityModel, PlanModel, AreaModel, ObjectiveModel, MeasureModel, MeasureStatusChangeModel, PlanClosureModel, RollUpModel, IndicatorModel, BaselineModel, TargetViewModel, TargetModel, ResolvedTargetModel, IndicatorValueModel, LatestValueModel, ReportedValueModel, IndicatorHistoryEntryModel, BudgetLineModel, FundingSourceModel, PlannedCostModel, BudgetSummaryModel, CategoryShareModel, FundingShareModel, PlanCostingModel, YearCostingModel, NationalAggregateModel, NationalIndicatorModel, MunicipalFigureModel, BreakdownAggregateModel, LogEventModel, Dhis2MappingModel, Dhis2DataElementMappingModel, Dhis2OrgUnitMappingModel, Dhis2CategoryOptionComboMappingModel, ReviewModel, ReportRoundModel } from '../models.js';
import type { AwaitingModel } from '../queries/review.js';
import type { GraphQLContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, YYYY-MM-DD. */
  Date: { input: string; output: string; }
  /** An instant in ISO 8601 with a time zone, such as 2025-03-01T09:00:00+01:00. */
  DateTime: { input: string; output: string; }
  /**
   * An exact decimal number written as a string with a dot, such as "1250.50" or "0.842105263158".
   * Money and every computed figure travel as Decimal, never as a binary float.
   */
  Decimal: { input: string; output: string; }
  /** Any JSON value, as recorded in the log. */
  JSON: { input: unknown; output: unknown; }
  /** The period a figure is about: a year (2024), a half-year (2024-H1) or a quarter (2024-Q3). */
  Period: { input: string; output: string; }
  /**
   * A global position in the event log, as a decimal string. Positions only grow; a client keeps
   * the last one it has seen to read its own writes or to continue the change feed.
   */
  Position: { input: string; output: string; }
};

/** Whether values are running totals over the plan or stand alone per period. */
export type Accumulation =
  | 'cumulative'
  | 'per_period';

/** Who recorded an event, as its metadata says. */
export type Actor = {
  __typename?: 'Actor';
  /**
   * The recorder's id: null when the caller may not know who recorded the event. Admins know every
   * recorder, and the editors and reviewers of a municipality those of its events (its plans', their indicators'
   * and budget lines', its own); everyone else sees the role alone.
   */
  id: Maybe<Scalars['String']['output']>;
  municipality: Maybe<Scalars['String']['output']>;
  /** admin, editor, reviewer, viewer, ministry or system. */
  role: Scalars['String']['output'];
};

export type AddAreaInput = {
  /** A new UUID for the area. */
  areaId: Scalars['ID']['input'];
  /** As the municipality writes it ("I", "Arsimi"). */
  code: Scalars['String']['input'];
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  planId: Scalars['ID']['input'];
  title: LocalizedTextInput;
};

export type AddMeasureInput = {
  code: Scalars['String']['input'];
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  dataSource?: InputMaybe<LocalizedTextInput>;
  deadline?: InputMaybe<Scalars['Date']['input']>;
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  /** Empty when not known yet. */
  leadActors: Array<LocalizedTextInput>;
  /** None unless given. */
  legalReferences?: InputMaybe<Array<LocalizedTextInput>>;
  /** A new UUID for the measure. */
  measureId: Scalars['ID']['input'];
  monitoringBody?: InputMaybe<LocalizedTextInput>;
  objectiveId: Scalars['ID']['input'];
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  output?: InputMaybe<LocalizedTextInput>;
  planId: Scalars['ID']['input'];
  /** As written: "Çdo vit", "2025–2028". */
  schedule?: InputMaybe<LocalizedTextInput>;
  supportingActors: Array<LocalizedTextInput>;
  title: LocalizedTextInput;
};

export type AddObjectiveInput = {
  areaId: Scalars['ID']['input'];
  code: Scalars['String']['input'];
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  level: ObjectiveLevel;
  /** A new UUID for the objective. */
  objectiveId: Scalars['ID']['input'];
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The objective it lies under, in the same area; a top-level objective without. */
  parentObjectiveId?: InputMaybe<Scalars['ID']['input']>;
  planId: Scalars['ID']['input'];
  title: LocalizedTextInput;
};

/** How municipal figures make a national one. */
export type Aggregation =
  /** Σ numerators / Σ denominators × 100: never a mean of percentages. */
  | 'ratio_of_sums'
  /** Counts, amounts (per currency) and milestones reached are added. */
  | 'sum';

export type AllocateBudgetInput = {
  /** In the line's currency. */
  allocated: MoneyInput;
  budgetLineId: Scalars['ID']['input'];
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** When the budget was adopted. */
  date: Scalars['Date']['input'];
  /** The act that adopted it, as written, such as a council decision number. */
  decision?: InputMaybe<Scalars['String']['input']>;
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
};

export type ApprovePlanInput = {
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  councilDecision: CouncilDecisionInput;
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  planId: Scalars['ID']['input'];
};

export type ApproveReportInput = {
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  period: Scalars['String']['input'];
  planId: Scalars['ID']['input'];
};

/** An area (field) of intervention: "I", "IV", "Arsimi" … */
export type Area = {
  __typename?: 'Area';
  /** As the municipality writes it. */
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Its top-level objectives; sub-objectives are under their parents. */
  objectives: Array<Objective>;
  /** The area's progress from every indicator under it (see `method`). */
  rollUp: RollUp;
  title: LocalizedText;
};

/**
 * A moment of record time: what the system knew then. Give exactly one of `position` and `time`.
 * Distinct from business time: "the 2024 value as known on 2025-03-01" is `period: 2024` asked
 * `asOf: { time: "2025-03-01T00:00:00Z" }`. A moment after the newest event answers with the newest
 * state; with `consistentWith`, the read models first reach that position, then the answer is as of
 * the moment asked (no later than the position reached). Every root field of one request that takes
 * `asOf` must ask for the same moment.
 */
export type AsOf = {
  /** A global position: the log up to and including it. */
  position?: InputMaybe<Scalars['Position']['input']>;
  /** An instant: every event recorded at or before it. */
  time?: InputMaybe<Scalars['DateTime']['input']>;
};

/** What the caller is asked to do. */
export type AwaitedAction =
  /** Return it with comments, or approve it. */
  | 'review'
  /** Change it as the comments or the reason say, and submit it again. */
  | 'revise'
  /** Finish it and submit it for review. */
  | 'submit';

/** A plan's content, or one of its reporting rounds, waiting for the caller. */
export type AwaitingItem = {
  __typename?: 'AwaitingItem';
  action: AwaitedAction;
  comments: Maybe<LocalizedText>;
  /** The reporting period; null for the plan's content (its adoption). */
  period: Maybe<Scalars['String']['output']>;
  plan: Plan;
  status: ReviewStatus;
};

/** An indicator's starting point. */
export type Baseline = {
  __typename?: 'Baseline';
  note: Maybe<LocalizedText>;
  value: Scalars['Decimal']['output'];
  year: Scalars['Int']['output'];
};

/** A value broken down by one dimension. */
export type Breakdown = {
  __typename?: 'Breakdown';
  categories: Array<BreakdownCategory>;
  /** As reported, such as sex or area. */
  dimension: Scalars['String']['output'];
};

/** A dimension's categories summed over the values counted in the total; null categories with a reason otherwise. */
export type BreakdownAggregate = {
  __typename?: 'BreakdownAggregate';
  categories: Maybe<Array<BreakdownCategory>>;
  dimension: DisaggregationDimension;
  explanation: Maybe<Scalars['String']['output']>;
  /** Categories not every counted value gives, so not summed. */
  incomplete: Array<Scalars['String']['output']>;
  reason: Maybe<Scalars['String']['output']>;
  /** Municipalities whose counted value lacks this dimension. */
  without: Array<Scalars['String']['output']>;
};

/** One category's part of a value. */
export type BreakdownCategory = {
  __typename?: 'BreakdownCategory';
  category: Scalars['String']['output'];
  /** Why the value is null: suppressed (a small count of a sensitive indicator, or a part that would give one away). */
  reason: Maybe<Scalars['String']['output']>;
  /** Null when withheld (see `reason`). */
  value: Maybe<Scalars['Decimal']['output']>;
};

/** One category's part of a value. */
export type BreakdownCategoryInput = {
  category: Scalars['String']['input'];
  value: Scalars['Decimal']['input'];
};

/** A value broken down by one dimension; each dimension and each of its categories once. */
export type BreakdownInput = {
  categories: Array<BreakdownCategoryInput>;
  /** Such as sex or area. */
  dimension: Scalars['String']['input'];
};

/** What happened to a budget. */
export type BudgetChangeKind =
  /** An amount was allocated in the adopted budget. */
  | 'allocated'
  /** Expenditure to date was recorded. */
  | 'expenditure_recorded'
  /** The municipality's total budget for a fiscal year was set (the denominator of budget shares). */
  | 'municipal_total_set'
  /** A budget line was costed in the plan. */
  | 'planned'
  /** Its planned cost was revised. */
  | 'planned_cost_revised'
  /** Its categories were changed. */
  | 'retagged';

/** A budget line changed, or a municipality's total budget was set. */
export type BudgetEvent = {
  __typename?: 'BudgetEvent';
  /** Who recorded it. */
  actor: Maybe<Actor>;
  /** The budget line as it stands after the event; null for a municipal total. */
  budgetLine: Maybe<BudgetLine>;
  fiscalYear: Scalars['Int']['output'];
  kind: BudgetChangeKind;
  /** The municipality's total budget for the fiscal year after the event; null when not recorded. */
  municipalTotal: Maybe<Money>;
  /** The municipality code. */
  municipality: Scalars['String']['output'];
  /** Business time the command stated. */
  occurredAt: Maybe<Scalars['DateTime']['output']>;
  /** The budget line's plan; null for a municipal total. */
  planId: Maybe<Scalars['ID']['output']>;
  /** The event's place in the log: pass it as `consistentWith` to read everything it changed. */
  position: Scalars['Position']['output'];
  /** When the log recorded it. */
  recordedAt: Scalars['DateTime']['output'];
};

/**
 * Spending is recorded as reported, never refused for being above the allocation (budgets are
 * revised during the year); it is flagged instead.
 */
export type BudgetExecutionFlag =
  /** More spent to date than the adopted budget allocated. */
  | 'executed_above_allocation'
  /** Spending recorded for a line with no allocation recorded. */
  | 'executed_without_allocation';

/** A measure's cost for one fiscal year: planned, allocated and executed. */
export type BudgetLine = {
  __typename?: 'BudgetLine';
  /** In the adopted budget; null until recorded. */
  allocated: Maybe<Money>;
  /** Category tags such as dv-specialised-services. */
  categories: Array<Scalars['String']['output']>;
  currency: Currency;
  /** Spent to date; null until recorded. */
  executed: Maybe<Money>;
  /** What the spending says against the allocation; empty when nothing is spent or it is within the allocation. */
  executionFlags: Array<BudgetExecutionFlag>;
  fiscalYear: Scalars['Int']['output'];
  fundingSource: FundingSource;
  id: Scalars['ID']['output'];
  measureId: Scalars['ID']['output'];
  municipality: Scalars['String']['output'];
  planId: Scalars['ID']['output'];
  /** Costed in the plan. */
  planned: PlannedCost;
};

export type BudgetLineCounts = {
  __typename?: 'BudgetLineCounts';
  allocated: Scalars['Int']['output'];
  /** Lines whose planned cost is an amount. */
  costed: Scalars['Int']['output'];
  executed: Scalars['Int']['output'];
  /** Lines with more spent than allocated (see `BudgetLine.executionFlags`). */
  executedAboveAllocation: Scalars['Int']['output'];
  /** Lines with spending but no allocation recorded. */
  executedWithoutAllocation: Scalars['Int']['output'];
  /** Lines whose planned cost is a text. */
  nonNumericCosting: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

/** What a budget-line command did, and the budget line as it now stands. */
export type BudgetLinePayload = {
  __typename?: 'BudgetLinePayload';
  /** The budget line, as the read models show it after the write. */
  budgetLine: Maybe<BudgetLine>;
  /** The command id sent. */
  commandId: Scalars['ID']['output'];
  /** The types of the events the command recorded (on a replay, those of the first handling). */
  eventTypes: Array<Scalars['String']['output']>;
  /** Global position of the last event written; null when the command changed nothing. */
  position: Maybe<Scalars['Position']['output']>;
  /** True when this command id had been handled before: the first result, nothing written now. */
  replayed: Scalars['Boolean']['output'];
  /** The revision of the budget line's stream after the command: pass it as the next expectedRevision. */
  revision: Scalars['Int']['output'];
};

/** A municipality's budget for a fiscal year over all its (readable) plans. */
export type BudgetSummary = {
  __typename?: 'BudgetSummary';
  allocated: Money;
  /** By kind of funder. */
  byFundingKind: Array<FundingShare>;
  /** By funder, by kind then name. */
  byFundingSource: Array<FundingShare>;
  currency: Currency;
  executed: Money;
  /** Executed / allocated, as a fraction. */
  executionRate: Figure;
  fiscalYear: Scalars['Int']['output'];
  lines: BudgetLineCounts;
  municipality: Scalars['String']['output'];
  nonNumericCostings: Array<NonNumericCosting>;
  planned: Money;
  /** The plans whose lines are summed. */
  plans: Array<Plan>;
  /** One entry per category a line of the year is tagged with. */
  shares: Array<CategoryShare>;
  /** The municipality's total budget; null when not recorded (see totalReason). */
  total: Maybe<Money>;
  totalReason: Maybe<Scalars['String']['output']>;
};

/**
 * A category's share of the municipality's total budget, and how it does against the
 * budget-share indicator of that category and year (the first readable one, by plan).
 */
export type CategoryShare = {
  __typename?: 'CategoryShare';
  allocatedLines: Scalars['Int']['output'];
  /** Allocated in the category. */
  amount: Money;
  /** share / target; null with a reason without a target. */
  attainment: Figure;
  category: Scalars['String']['output'];
  /** The budget-share indicator the target comes from; null when there is none. */
  indicator: Maybe<Indicator>;
  /** Lines tagged with the category, and how many of them have an allocation. */
  lines: Scalars['Int']['output'];
  /** Allocated / total × 100, in percent (0.9 is 0.9 %). */
  share: Figure;
  /** The budget-share indicator's target for the year, in percent; null with a reason without one. */
  target: Figure;
};

export type ChangeMeasureStatusInput = {
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** When the status changed. */
  date: Scalars['Date']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  measureId: Scalars['ID']['input'];
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  planId: Scalars['ID']['input'];
  reason?: InputMaybe<LocalizedTextInput>;
  status: MeasureStatus;
};

export type ClosePlanInput = {
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  date: Scalars['Date']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  planId: Scalars['ID']['input'];
  reason?: InputMaybe<LocalizedTextInput>;
};

/** An indicator whose actual is computed from budget events rather than reported. */
export type ComputedIndicator = {
  __typename?: 'ComputedIndicator';
  category: Scalars['String']['output'];
  /** Always budget-share: allocations tagged `category` / the municipality's total budget × 100. */
  kind: Scalars['String']['output'];
};

/** An indicator whose actual is computed from budget events, never reported. */
export type ComputedIndicatorInput = {
  /** A lower-case tag, such as dv-specialised-services, as budget lines are tagged. */
  category: Scalars['String']['input'];
  /** budget-share, the one kind there is: allocations tagged `category` / the municipality's total budget × 100. */
  kind: Scalars['String']['input'];
};

/**
 * A corrected value and why. The correction names what it changes and the value as it stands keeps
 * the rest: a field left out is kept, a field given as null is dropped. `value` (or `text`) is
 * always given. A correction that leaves the figure as it was, source and note included, records
 * nothing; one that changes only the source or note is recorded, since where a figure comes from is
 * part of it.
 */
export type CorrectIndicatorValueInput = {
  /**
   * Replaces the whole breakdown, every dimension. Left out, the breakdown is kept and must still
   * fit the corrected value as one given would, so a corrected total whose exhaustive breakdown no
   * longer adds up is refused until the correction gives the breakdown. Null drops it.
   */
  breakdown?: InputMaybe<Array<BreakdownInput>>;
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  denominator?: InputMaybe<Scalars['Decimal']['input']>;
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  indicatorId: Scalars['ID']['input'];
  /** Left out, the note is kept; null drops it. */
  note?: InputMaybe<LocalizedTextInput>;
  /**
   * With `denominator`, a percent's counts: both, or neither to keep them (only while they still
   * give the corrected percent), or both null to drop them.
   */
  numerator?: InputMaybe<Scalars['Decimal']['input']>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** A period that has a value. */
  period: Scalars['Period']['input'];
  /** Why the value is corrected. */
  reason: LocalizedTextInput;
  /** Left out, the source is kept; null drops it. */
  source?: InputMaybe<LocalizedTextInput>;
  text?: InputMaybe<LocalizedTextInput>;
  /** The corrected value; for a text indicator, `text` instead. */
  value?: InputMaybe<Scalars['Decimal']['input']>;
};

/** The council decision that approved a plan, as the council wrote it. */
export type CouncilDecision = {
  __typename?: 'CouncilDecision';
  date: Scalars['Date']['output'];
  /** Such as "Nr. 45". */
  number: Scalars['String']['output'];
};

/** The council decision that approved a plan. */
export type CouncilDecisionInput = {
  date: Scalars['Date']['input'];
  /** As the council wrote it, such as "Nr. 45". */
  number: Scalars['String']['input'];
};

/** The country a municipality is in: Albania (AL, lekë) or Kosovo (XK, euro). */
export type Country =
  | 'AL'
  | 'XK';

export type Currency =
  | 'ALL'
  | 'EUR';

export type DefineIndicatorInput = {
  accumulation: Accumulation;
  attachedTo: IndicatorAttachmentInput;
  code: Scalars['String']['input'];
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** For a budget share (unit percent): its actual is computed, never reported. */
  computed?: InputMaybe<ComputedIndicatorInput>;
  /** Required for an amount indicator, refused for any other. */
  currency?: InputMaybe<Currency>;
  dataSource?: InputMaybe<LocalizedTextInput>;
  /** higher_is_better for milestone and text indicators. */
  direction: IndicatorDirection;
  /** Numeric indicators only; each dimension once. None unless given. */
  disaggregations?: InputMaybe<Array<DisaggregationInput>>;
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  /** A new UUID for the indicator. */
  indicatorId: Scalars['ID']['input'];
  /** The plan's municipality. */
  municipality: Scalars['String']['input'];
  name: LocalizedTextInput;
  /** The national-strategy indicator it counts towards. */
  nationalCode?: InputMaybe<Scalars['String']['input']>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** An open plan; the indicator takes its period. */
  planId: Scalars['ID']['input'];
  /** Whether its small counts are withheld from the public; left out, true for a domestic-violence plan's indicators. */
  sensitive?: InputMaybe<Scalars['Boolean']['input']>;
  unit: IndicatorUnit;
};

export type DefineNationalIndicatorInput = {
  /** 1–40 letters, digits, dots, dashes or slashes, such as AL-SKGJB-5.1. */
  code: Scalars['String']['input'];
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  denominator?: InputMaybe<LocalizedTextInput>;
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  name: LocalizedTextInput;
  /** A percentage's numerator and denominator, both required for a percentage (a ratio of sums) and for no other unit. */
  numerator?: InputMaybe<LocalizedTextInput>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  sdg?: InputMaybe<SdgReferenceInput>;
  /** count, amount, percent or milestone: the unit of the municipal indicators that count towards it. */
  unit: IndicatorUnit;
};

/** A DHIS2 category and its option, by code, as ADX writes a disaggregation. */
export type Dhis2AdxOption = {
  __typename?: 'Dhis2AdxOption';
  /** The same for every category of a dimension. */
  category: Scalars['String']['output'];
  option: Scalars['String']['output'];
};

/** A DHIS2 category and its option, by code; the category's code is an XML attribute name, such as SEX. */
export type Dhis2AdxOptionInput = {
  category: Scalars['String']['input'];
  option: Scalars['String']['input'];
};

export type Dhis2CategoryOptionComboConnection = {
  __typename?: 'Dhis2CategoryOptionComboConnection';
  edges: Array<Dhis2CategoryOptionComboEdge>;
  pageInfo: PageInfo;
  /** How many there are over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type Dhis2CategoryOptionComboEdge = {
  __typename?: 'Dhis2CategoryOptionComboEdge';
  /** Opaque: pass it as `after` to continue. */
  cursor: Scalars['String']['output'];
  node: Dhis2CategoryOptionComboMapping;
};

/** One of our categories as DHIS2 names it. */
export type Dhis2CategoryOptionComboMapping = {
  __typename?: 'Dhis2CategoryOptionComboMapping';
  /** What ADX names it by: one attribute per category, named by the category's code. */
  adx: Dhis2AdxOption;
  /** As the indicators' breakdowns write it, such as F or qytet. */
  category: Scalars['String']['output'];
  /** What dataValueSets name it by. */
  categoryOptionCombo: Scalars['String']['output'];
  dimension: DisaggregationDimension;
  /** The entity id `history` takes for the changes of its dimension's mappings: combo:<dimension>. */
  historyId: Scalars['ID']['output'];
};

export type Dhis2DataElementConnection = {
  __typename?: 'Dhis2DataElementConnection';
  edges: Array<Dhis2DataElementEdge>;
  pageInfo: PageInfo;
  /** How many there are over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type Dhis2DataElementEdge = {
  __typename?: 'Dhis2DataElementEdge';
  /** Opaque: pass it as `after` to continue. */
  cursor: Scalars['String']['output'];
  node: Dhis2DataElementMapping;
};

/** A data element's code, or a percentage's two: give code, or numerator and denominator. */
export type Dhis2DataElementInput = {
  code?: InputMaybe<Scalars['String']['input']>;
  denominator?: InputMaybe<Scalars['String']['input']>;
  numerator?: InputMaybe<Scalars['String']['input']>;
};

/**
 * The DHIS2 data element an indicator's figures go to. A national code's applies to every
 * indicator tied to it; an indicator's own overrides it for that indicator.
 */
export type Dhis2DataElementMapping = {
  __typename?: 'Dhis2DataElementMapping';
  /** The data element's code, for a count, amount, milestone or ratio; null for a percentage. */
  dataElement: Maybe<Scalars['String']['output']>;
  /** The DHIS2 data set's code. */
  dataSet: Scalars['String']['output'];
  denominator: Maybe<Scalars['String']['output']>;
  /**
   * The dimension whose categories it takes, each by its category option combo; null: the total,
   * DHIS2's default category option combo. Never both: DHIS2 adds a data element's combos up to its total.
   */
  disaggregation: Maybe<DisaggregationDimension>;
  /** The entity id `history` takes for this mapping's changes: national:<code> or indicator:<id>. */
  historyId: Scalars['ID']['output'];
  /** The indicator whose own it is; null for a national code's. */
  indicatorId: Maybe<Scalars['ID']['output']>;
  /** The national code whose indicators it takes; null for one indicator's own. */
  nationalCode: Maybe<Scalars['String']['output']>;
  /** A percentage's two data elements (DHIS2 takes a percentage as its numerator and denominator); null for any other unit. */
  numerator: Maybe<Scalars['String']['output']>;
};

/** Which of our indicators a DHIS2 data element takes: give exactly one. */
export type Dhis2IndicatorInput = {
  /** This indicator alone, whatever national code it is tied to. */
  indicatorId?: InputMaybe<Scalars['ID']['input']>;
  /** Every indicator tied to this national code. */
  nationalCode?: InputMaybe<Scalars['String']['input']>;
};

/** The mapping to DHIS2, one list per kind of item, each a page at a time. */
export type Dhis2Mapping = {
  __typename?: 'Dhis2Mapping';
  /** By dimension, then category. */
  categoryOptionCombos: Dhis2CategoryOptionComboConnection;
  /** By what they map: one indicator's own (indicator:<id>), then national codes' (national:<code>). */
  dataElements: Dhis2DataElementConnection;
  /** By municipality code. */
  orgUnits: Dhis2OrgUnitConnection;
};


/** The mapping to DHIS2, one list per kind of item, each a page at a time. */
export type Dhis2MappingCategoryOptionCombosArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The mapping to DHIS2, one list per kind of item, each a page at a time. */
export type Dhis2MappingDataElementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The mapping to DHIS2, one list per kind of item, each a page at a time. */
export type Dhis2MappingOrgUnitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** What a DHIS2 mapping command did, and the mapping as it now stands. */
export type Dhis2MappingPayload = {
  __typename?: 'Dhis2MappingPayload';
  /** The command id sent. */
  commandId: Scalars['ID']['output'];
  /** The whole mapping, as the read models show it after the write. */
  dhis2Mapping: Dhis2Mapping;
  /** The types of the events the command recorded (on a replay, those of the first handling). */
  eventTypes: Array<Scalars['String']['output']>;
  /** Global position of the last event written; null when the command changed nothing. */
  position: Maybe<Scalars['Position']['output']>;
  /** True when this command id had been handled before: the first result, nothing written now. */
  replayed: Scalars['Boolean']['output'];
  /** The revision of the mapped item's stream after the command: pass it as the next expectedRevision. */
  revision: Scalars['Int']['output'];
};

export type Dhis2OrgUnitConnection = {
  __typename?: 'Dhis2OrgUnitConnection';
  edges: Array<Dhis2OrgUnitEdge>;
  pageInfo: PageInfo;
  /** How many there are over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type Dhis2OrgUnitEdge = {
  __typename?: 'Dhis2OrgUnitEdge';
  /** Opaque: pass it as `after` to continue. */
  cursor: Scalars['String']['output'];
  node: Dhis2OrgUnitMapping;
};

/** The DHIS2 organisation unit a municipality's figures go to. */
export type Dhis2OrgUnitMapping = {
  __typename?: 'Dhis2OrgUnitMapping';
  /** The entity id `history` takes for this mapping's changes: org-unit:<municipality>. */
  historyId: Scalars['ID']['output'];
  municipality: Scalars['String']['output'];
  orgUnit: Scalars['String']['output'];
};

/** A dimension an indicator is reported by, and its categories. */
export type Disaggregation = {
  __typename?: 'Disaggregation';
  /** Such as ["F", "M"] or ["urban", "rural"]. */
  categories: Array<Scalars['String']['output']>;
  dimension: DisaggregationDimension;
  /** Whether the categories cover everyone, so a breakdown must add up to the total. */
  exhaustive: Scalars['Boolean']['output'];
};

/** A dimension values are reported by; `area` is urban/rural (qytet/fshat). */
export type DisaggregationDimension =
  | 'age_group'
  | 'area'
  | 'ethnicity'
  | 'sex';

/** A dimension an indicator's values are reported by. */
export type DisaggregationInput = {
  /** At least two, none repeated, such as ["F", "M"]. */
  categories: Array<Scalars['String']['input']>;
  dimension: DisaggregationDimension;
  /** Whether the categories cover everyone, so a breakdown by them must add up to the total. */
  exhaustive: Scalars['Boolean']['input'];
};

export type DraftPlanInput = {
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  kind: PlanKind;
  /** The code of a registered municipality. */
  municipality: Scalars['String']['input'];
  /** None unless given. */
  nationalStrategies?: InputMaybe<Array<LocalizedTextInput>>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  period: PlanPeriodInput;
  /** A new UUID for the plan. */
  planId: Scalars['ID']['input'];
  /** 1.00 / 0.90 / 0.50 unless given. */
  ratingThresholds?: InputMaybe<RatingThresholdsInput>;
  title: LocalizedTextInput;
};

/** Events of the log the caller may read, a page at a time; cursors are positions. */
export type EventConnection = {
  __typename?: 'EventConnection';
  edges: Array<EventEdge>;
  pageInfo: PageInfo;
};

export type EventEdge = {
  __typename?: 'EventEdge';
  /** The event's position. */
  cursor: Scalars['String']['output'];
  node: LogEvent;
};

export type ExcludedMunicipalities = {
  __typename?: 'ExcludedMunicipalities';
  count: Scalars['Int']['output'];
  municipalities: Array<Scalars['String']['output']>;
};

/** Why a municipality's figure is not in the national total. */
export type ExclusionReason =
  /** A figure no reviewer has approved yet: the caller reads it once approved, the municipality's staff and admins before. */
  | 'awaiting_approval'
  /** A percentage without its numerator and denominator. */
  | 'no_counts'
  /** The municipality gave this code and period through another indicator later, and that one counts. */
  | 'superseded'
  /** A small count of a sensitive indicator, withheld from the caller: left out of the total that would give it away. */
  | 'suppressed';

/**
 * A computed figure: its value, or null with the reason it cannot be computed (no actual for the
 * period, no target, no baseline, …). `explanation` says the reason in words.
 */
export type Figure = {
  __typename?: 'Figure';
  explanation: Maybe<Scalars['String']['output']>;
  reason: Maybe<Scalars['String']['output']>;
  value: Maybe<Scalars['Decimal']['output']>;
};

/** An admin's decision to serve rebuilt read models that a plain rebuild would refuse to swap in. */
export type ForcedRebuildInput = {
  /** Why the rebuilt read models are to be served anyway; recorded in the log for auditors. */
  reason: LocalizedTextInput;
};

/** What one funder contributes, and its share (a fraction) of each stage's total. */
export type FundingShare = {
  __typename?: 'FundingShare';
  allocated: Money;
  executed: Money;
  kind: FundingSourceKind;
  lines: Scalars['Int']['output'];
  /** Null when grouped by kind only. */
  name: Maybe<Scalars['String']['output']>;
  planned: Money;
  share: StageFigures;
};

/** Who pays: by kind, and by name as the plan writes it ("Buxheti vendor", "donatorë (A2B, ADRA)"). */
export type FundingSource = {
  __typename?: 'FundingSource';
  kind: FundingSourceKind;
  name: Scalars['String']['output'];
};

/** Who pays. */
export type FundingSourceInput = {
  kind: FundingSourceKind;
  /** As the plan writes it, such as "Buxheti vendor". */
  name: Scalars['String']['input'];
};

/** Who pays, by kind. */
export type FundingSourceKind =
  | 'central_government'
  | 'donor'
  | 'employment_agency'
  | 'local_budget'
  | 'other';

/** One field of an entity that an event changed. */
export type HistoryChange = {
  __typename?: 'HistoryChange';
  /** The value after; null when removed. */
  after: Maybe<Scalars['JSON']['output']>;
  /** The value before; null when absent. */
  before: Maybe<Scalars['JSON']['output']>;
  /** Where in the entity, as a JSON pointer such as /values/2024/value. */
  path: Scalars['String']['output'];
};

export type HistoryConnection = {
  __typename?: 'HistoryConnection';
  edges: Array<HistoryEdge>;
  /** Which kind of entity the id named. */
  entityKind: HistoryEntityKind;
  pageInfo: PageInfo;
  /** The stream the events are read from (a measure's are its plan's). */
  stream: Scalars['String']['output'];
  /** How many events the entity's history holds. */
  totalCount: Scalars['Int']['output'];
};

export type HistoryEdge = {
  __typename?: 'HistoryEdge';
  cursor: Scalars['String']['output'];
  node: HistoryEntry;
};

/** What kind of entity a history is about. */
export type HistoryEntityKind =
  | 'budget_line'
  | 'dhis2_mapping'
  | 'indicator'
  | 'measure'
  | 'municipality'
  | 'national_indicator'
  | 'plan';

/** One event of an entity's history. */
export type HistoryEntry = {
  __typename?: 'HistoryEntry';
  /** Who recorded it. */
  actor: Maybe<Actor>;
  /** The entity before → after this event, field by field. */
  changes: Array<HistoryChange>;
  /** The command that caused it. */
  commandId: Maybe<Scalars['String']['output']>;
  /** The piece of work it belongs to. */
  correlationId: Maybe<Scalars['String']['output']>;
  /** The note the event carries, if any. */
  note: Maybe<LocalizedText>;
  /** Business time: when it happened, as the command said. */
  occurredAt: Maybe<Scalars['DateTime']['output']>;
  /** The event's place in the global log: pass it as `asOf: { position }` to see the state right after it. */
  position: Scalars['Position']['output'];
  /** Why, when the event gives a reason (a correction, a closure, a status change). */
  reason: Maybe<LocalizedText>;
  /** Record time: when the log recorded it. */
  recordedAt: Scalars['DateTime']['output'];
  /** The event's revision in its stream. */
  revision: Scalars['Int']['output'];
  /** The event type, with its version, such as indicator.value-corrected.v1. */
  type: Scalars['String']['output'];
};

/**
 * An indicator of a plan, with its figures. `attainment`, `progress`, `rating`, `actual`, `target`
 * and `period` take an optional period; without one they are for the latest period that has both an
 * actual and a target (see `periodChoice`). A figure that cannot be computed is null with a reason.
 */
export type Indicator = {
  __typename?: 'Indicator';
  accumulation: Accumulation;
  actual: Figure;
  attachedTo: IndicatorAttachment;
  /** a / t (higher is better) or t / a (lower is better), uncapped: 14 audits against 6 is 2.333…. */
  attainment: Figure;
  /** Null when none is set, or when withheld (`baselineReason`). */
  baseline: Maybe<Baseline>;
  /** Why the baseline is null although one is set: suppressed. */
  baselineReason: Maybe<Scalars['String']['output']>;
  code: Scalars['String']['output'];
  /** Set when the actual is computed from budget figures. */
  computed: Maybe<ComputedIndicator>;
  /** Corrections over all periods. */
  corrections: Scalars['Int']['output'];
  /** An amount indicator's currency. */
  currency: Maybe<Currency>;
  dataSource: Maybe<LocalizedText>;
  direction: IndicatorDirection;
  disaggregations: Array<Disaggregation>;
  /**
   * Every value reported or corrected, in log order, with who and when; for a caller other than the
   * municipality's staff and admins, those an approval published (recorded before it).
   */
  history: Array<IndicatorHistoryEntry>;
  id: Scalars['ID']['output'];
  /** The most recent period with a value; null when none. */
  latestValue: Maybe<LatestValue>;
  municipality: Scalars['String']['output'];
  name: LocalizedText;
  /** The national indicator of the catalogue it counts towards (see linkNationalIndicator); null when none. */
  nationalCode: Maybe<Scalars['String']['output']>;
  /** The catalogue's entry for nationalCode; null when none, or for a code recorded before the catalogue. */
  nationalIndicator: Maybe<NationalIndicator>;
  /** The period the figures are for; null when there is neither an actual nor a target. */
  period: Maybe<Scalars['Period']['output']>;
  periodChoice: PeriodChoice;
  plan: Plan;
  planId: Scalars['ID']['output'];
  /** (a − b) / (t − b) from the baseline. */
  progress: Figure;
  rating: RatingFigure;
  /**
   * Whether its small counts could point at a person (domestic violence, unless the indicator says
   * otherwise): counts above 0 and below the threshold (5 unless configured), and the figures that
   * would give them away, are withheld (null, reason suppressed) from callers other than the
   * municipality's staff and admins.
   */
  sensitive: Scalars['Boolean']['output'];
  /** The target that applies to the period, resolved. */
  target: Maybe<TargetView>;
  /** Every target, as given and resolved, by the period it applies to. */
  targets: Array<TargetView>;
  unit: IndicatorUnit;
  /**
   * Current values by period, earliest first; only the given period's when one is given. A caller
   * other than the municipality's staff and admins reads each period's value as the latest approval
   * of a report holding the period published it, and none before (its actual's reason is then
   * awaiting-approval).
   */
  values: Array<IndicatorValue>;
};


/**
 * An indicator of a plan, with its figures. `attainment`, `progress`, `rating`, `actual`, `target`
 * and `period` take an optional period; without one they are for the latest period that has both an
 * actual and a target (see `periodChoice`). A figure that cannot be computed is null with a reason.
 */
export type IndicatorActualArgs = {
  period?: InputMaybe<Scalars['Period']['input']>;
};


/**
 * An indicator of a plan, with its figures. `attainment`, `progress`, `rating`, `actual`, `target`
 * and `period` take an optional period; without one they are for the latest period that has both an
 * actual and a target (see `periodChoice`). A figure that cannot be computed is null with a reason.
 */
export type IndicatorAttainmentArgs = {
  period?: InputMaybe<Scalars['Period']['input']>;
};


/**
 * An indicator of a plan, with its figures. `attainment`, `progress`, `rating`, `actual`, `target`
 * and `period` take an optional period; without one they are for the latest period that has both an
 * actual and a target (see `periodChoice`). A figure that cannot be computed is null with a reason.
 */
export type IndicatorPeriodArgs = {
  period?: InputMaybe<Scalars['Period']['input']>;
};


/**
 * An indicator of a plan, with its figures. `attainment`, `progress`, `rating`, `actual`, `target`
 * and `period` take an optional period; without one they are for the latest period that has both an
 * actual and a target (see `periodChoice`). A figure that cannot be computed is null with a reason.
 */
export type IndicatorPeriodChoiceArgs = {
  period?: InputMaybe<Scalars['Period']['input']>;
};


/**
 * An indicator of a plan, with its figures. `attainment`, `progress`, `rating`, `actual`, `target`
 * and `period` take an optional period; without one they are for the latest period that has both an
 * actual and a target (see `periodChoice`). A figure that cannot be computed is null with a reason.
 */
export type IndicatorProgressArgs = {
  period?: InputMaybe<Scalars['Period']['input']>;
};


/**
 * An indicator of a plan, with its figures. `attainment`, `progress`, `rating`, `actual`, `target`
 * and `period` take an optional period; without one they are for the latest period that has both an
 * actual and a target (see `periodChoice`). A figure that cannot be computed is null with a reason.
 */
export type IndicatorRatingArgs = {
  period?: InputMaybe<Scalars['Period']['input']>;
};


/**
 * An indicator of a plan, with its figures. `attainment`, `progress`, `rating`, `actual`, `target`
 * and `period` take an optional period; without one they are for the latest period that has both an
 * actual and a target (see `periodChoice`). A figure that cannot be computed is null with a reason.
 */
export type IndicatorTargetArgs = {
  period?: InputMaybe<Scalars['Period']['input']>;
};


/**
 * An indicator of a plan, with its figures. `attainment`, `progress`, `rating`, `actual`, `target`
 * and `period` take an optional period; without one they are for the latest period that has both an
 * actual and a target (see `periodChoice`). A figure that cannot be computed is null with a reason.
 */
export type IndicatorValuesArgs = {
  period?: InputMaybe<Scalars['Period']['input']>;
};

export type IndicatorAttachment = {
  __typename?: 'IndicatorAttachment';
  id: Scalars['ID']['output'];
  kind: IndicatorAttachmentKind;
};

/** What an indicator is attached to: an objective or a measure of the same plan. */
export type IndicatorAttachmentInput = {
  id: Scalars['ID']['input'];
  kind: IndicatorAttachmentKind;
};

/** What an indicator is attached to. */
export type IndicatorAttachmentKind =
  | 'measure'
  | 'objective';

/** Which way is better. */
export type IndicatorDirection =
  | 'higher_is_better'
  | 'lower_is_better'
  /** Keep within a band. */
  | 'within_band';

/** One value event of an indicator: a report, or a correction that keeps the figure it replaced. */
export type IndicatorHistoryEntry = {
  __typename?: 'IndicatorHistoryEntry';
  actor: Maybe<Actor>;
  kind: ValueEventKind;
  /** Business time the command stated. */
  occurredAt: Maybe<Scalars['DateTime']['output']>;
  period: Scalars['Period']['output'];
  /** The event's place in the log. */
  position: Scalars['Position']['output'];
  /** The figure a correction replaced. */
  previous: Maybe<ReportedValue>;
  /** A correction's reason. */
  reason: Maybe<LocalizedText>;
  /** When the log recorded it. */
  recordedAt: Scalars['DateTime']['output'];
  /** The figure as it stood after this event. */
  value: ReportedValue;
};

/** What an indicator command did, and the indicator as it now stands. */
export type IndicatorPayload = {
  __typename?: 'IndicatorPayload';
  /** The command id sent. */
  commandId: Scalars['ID']['output'];
  /** The types of the events the command recorded (on a replay, those of the first handling). */
  eventTypes: Array<Scalars['String']['output']>;
  /** The indicator, as the read models show it after the write. */
  indicator: Maybe<Indicator>;
  /** Global position of the last event written; null when the command changed nothing. */
  position: Maybe<Scalars['Position']['output']>;
  /** True when this command id had been handled before: the first result, nothing written now. */
  replayed: Scalars['Boolean']['output'];
  /** The revision of the indicator's stream after the command: pass it as the next expectedRevision. */
  revision: Scalars['Int']['output'];
};

/** What an indicator's values measure. */
export type IndicatorUnit =
  /** A currency amount, in the indicator's `currency`. */
  | 'amount'
  | 'count'
  /** Yes/no: 1 achieved, 0 not. */
  | 'milestone'
  | 'percent'
  | 'ratio'
  /** Qualitative: values are texts and have no figures. */
  | 'text';

/** The current figure of a period: as reported (after any correction), or computed. */
export type IndicatorValue = {
  __typename?: 'IndicatorValue';
  breakdowns: Array<Breakdown>;
  /** True for a budget share, whose value comes from budget figures, not from a report. */
  computed: Scalars['Boolean']['output'];
  /** How many times this period's figure was corrected. */
  corrections: Scalars['Int']['output'];
  denominator: Maybe<Scalars['Decimal']['output']>;
  note: Maybe<LocalizedText>;
  numerator: Maybe<Scalars['Decimal']['output']>;
  period: Scalars['Period']['output'];
  /** Why the figure (value, breakdowns, counts, note) is left out: suppressed (a small count of a sensitive indicator, withheld from the caller, or one that would give such a count away). */
  reason: Maybe<Scalars['String']['output']>;
  source: Maybe<LocalizedText>;
  text: Maybe<LocalizedText>;
  value: Maybe<Scalars['Decimal']['output']>;
};

/** An indicator value reported or corrected. */
export type IndicatorValueEvent = {
  __typename?: 'IndicatorValueEvent';
  /** Who recorded it. */
  actor: Maybe<Actor>;
  /** The value event: period, figure, and for a correction its reason and the figure it replaced. */
  change: IndicatorHistoryEntry;
  /** The indicator as it stands after the event, with its figures. */
  indicator: Indicator;
  /** The plan's municipality code. */
  municipality: Scalars['String']['output'];
  /** Business time the command stated. */
  occurredAt: Maybe<Scalars['DateTime']['output']>;
  planId: Scalars['ID']['output'];
  /** The event's place in the log: pass it as `consistentWith` to read everything it changed. */
  position: Scalars['Position']['output'];
  /** When the log recorded it. */
  recordedAt: Scalars['DateTime']['output'];
};

/** The most recent period with a value. */
export type LatestValue = {
  __typename?: 'LatestValue';
  period: Scalars['Period']['output'];
  text: Maybe<LocalizedText>;
  value: Maybe<Scalars['Decimal']['output']>;
};

export type LinkNationalIndicatorInput = {
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  indicatorId: Scalars['ID']['input'];
  /** The national indicator's code; null unties the indicator. */
  nationalCode?: InputMaybe<Scalars['String']['input']>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Why, kept in the history. */
  reason: LocalizedTextInput;
};

/** A label in Albanian, with an optional English translation. */
export type LocalizedText = {
  __typename?: 'LocalizedText';
  en: Maybe<Scalars['String']['output']>;
  sq: Scalars['String']['output'];
};

export type LocalizedTextInput = {
  en?: InputMaybe<Scalars['String']['input']>;
  sq: Scalars['String']['input'];
};

/** An event as the log recorded it. */
export type LogEvent = {
  __typename?: 'LogEvent';
  data: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  /**
   * Who, on which command, and when (business time). The actor's id (`actor.id`) is null unless
   * the caller may know who recorded the event (see `Actor.id`).
   */
  metadata: Scalars['JSON']['output'];
  /** Its place in the global log. */
  position: Scalars['Position']['output'];
  /** When the log recorded it. */
  recordedAt: Scalars['DateTime']['output'];
  /** Its 0-based revision within the stream, as a decimal string. */
  revision: Scalars['String']['output'];
  stream: Scalars['String']['output'];
  /** Such as indicator.value-reported.v1. */
  type: Scalars['String']['output'];
};

/** A seal event in the log, committing to every event up to `upTo`. */
export type LogSeal = {
  __typename?: 'LogSeal';
  /** The rolling hash of the log after that event. */
  hash: Scalars['String']['output'];
  /** The position of the seal event itself. */
  position: Scalars['Position']['output'];
  /** Whether this call appended it: false when the newest seal already covered the log. */
  sealed: Scalars['Boolean']['output'];
  /** The last event it covers. */
  upTo: Scalars['Position']['output'];
};

/** The result of checking the log. */
export type LogVerification = {
  __typename?: 'LogVerification';
  /** Events found sound, in log order, before the first bad one (all of them when ok). */
  checkedEvents: Scalars['Int']['output'];
  /** The first event found altered, removed, inserted or reordered; null when ok. */
  firstBadPosition: Maybe<Scalars['Position']['output']>;
  /** The verified head, `<position>:<hash>`, to keep and pass later as `expectedHead`; null when the log is empty or broken. */
  head: Maybe<Scalars['String']['output']>;
  ok: Scalars['Boolean']['output'];
  /** Why that position is bad; null when ok. */
  reason: Maybe<Scalars['String']['output']>;
};

export type MapDhis2CategoryOptionComboInput = {
  adx: Dhis2AdxOptionInput;
  /** As the indicators' breakdowns write it, such as F or qytet. */
  category: Scalars['String']['input'];
  categoryOptionCombo: Scalars['String']['input'];
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  dimension: DisaggregationDimension;
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Why, kept in the history. */
  reason?: InputMaybe<LocalizedTextInput>;
};

export type MapDhis2DataElementInput = {
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  dataElement: Dhis2DataElementInput;
  /** The DHIS2 data set's code: DHIS2 codes are 1–50 characters on one line, kept exactly as written. */
  dataSet: Scalars['String']['input'];
  /**
   * The dimension whose categories the element takes (a count's or an amount's, and for one
   * indicator a dimension whose categories cover its total); null: the total.
   */
  disaggregation?: InputMaybe<DisaggregationDimension>;
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  indicator: Dhis2IndicatorInput;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Why, kept in the history. */
  reason?: InputMaybe<LocalizedTextInput>;
};

export type MapDhis2OrgUnitInput = {
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  municipality: Scalars['String']['input'];
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The organisation unit's code. */
  orgUnit: Scalars['String']['input'];
  /** Why, kept in the history. */
  reason?: InputMaybe<LocalizedTextInput>;
};

/** A measure (activity, action) of an objective. */
export type Measure = {
  __typename?: 'Measure';
  /** The measure's budget lines, by fiscal year then id. */
  budgetLines: Array<BudgetLine>;
  code: Scalars['String']['output'];
  dataSource: Maybe<LocalizedText>;
  deadline: Maybe<Scalars['Date']['output']>;
  id: Scalars['ID']['output'];
  /** Indicators attached to the measure. */
  indicators: Array<Indicator>;
  /** Lead institutions or organisations; empty when not known yet. */
  leadActors: Array<LocalizedText>;
  legalReferences: Array<LocalizedText>;
  monitoringBody: Maybe<LocalizedText>;
  objectiveId: Scalars['ID']['output'];
  output: Maybe<LocalizedText>;
  /** As written: "Çdo vit", "Çdo 6 muaj", "2025–2028". */
  schedule: Maybe<LocalizedText>;
  status: MeasureStatus;
  /** Every dated change, oldest first; a new measure is planned with no history. */
  statusHistory: Array<MeasureStatusChange>;
  supportingActors: Array<LocalizedText>;
  title: LocalizedText;
};

/** What a measure command did, and the measure and its plan as they now stand. */
export type MeasurePayload = {
  __typename?: 'MeasurePayload';
  /** The command id sent. */
  commandId: Scalars['ID']['output'];
  /** The types of the events the command recorded (on a replay, those of the first handling). */
  eventTypes: Array<Scalars['String']['output']>;
  /** The measure, as the read models show it after the write. */
  measure: Maybe<Measure>;
  /** The plan the measure belongs to. */
  plan: Maybe<Plan>;
  /** Global position of the last event written; null when the command changed nothing. */
  position: Maybe<Scalars['Position']['output']>;
  /** True when this command id had been handled before: the first result, nothing written now. */
  replayed: Scalars['Boolean']['output'];
  /** The revision of the plan's stream after the command: pass it as the next expectedRevision. */
  revision: Scalars['Int']['output'];
};

/** Where a measure stands; every change is dated. */
export type MeasureStatus =
  | 'cancelled'
  | 'completed'
  | 'in_progress'
  | 'not_implemented'
  | 'partially_completed'
  | 'planned'
  | 'postponed';

/** A dated change of a measure's status. */
export type MeasureStatusChange = {
  __typename?: 'MeasureStatusChange';
  date: Scalars['Date']['output'];
  from: MeasureStatus;
  reason: Maybe<LocalizedText>;
  to: MeasureStatus;
};

/** How many measures have a status. */
export type MeasureStatusCount = {
  __typename?: 'MeasureStatusCount';
  count: Scalars['Int']['output'];
  status: MeasureStatus;
};

/** A measure's status changed. */
export type MeasureStatusEvent = {
  __typename?: 'MeasureStatusEvent';
  /** Who recorded it. */
  actor: Maybe<Actor>;
  /** From which status to which, on what date and why. */
  change: MeasureStatusChange;
  /** The measure as it stands after the event. */
  measure: Measure;
  /** The plan's municipality code. */
  municipality: Scalars['String']['output'];
  /** Business time the command stated. */
  occurredAt: Maybe<Scalars['DateTime']['output']>;
  /** The measure's plan, with its roll-ups after the event. */
  plan: Plan;
  planId: Scalars['ID']['output'];
  /** The event's place in the log: pass it as `consistentWith` to read everything it changed. */
  position: Scalars['Position']['output'];
  /** When the log recorded it. */
  recordedAt: Scalars['DateTime']['output'];
};

/** An exact amount in one currency. Amounts of different currencies are never added. */
export type Money = {
  __typename?: 'Money';
  amount: Scalars['Decimal']['output'];
  currency: Currency;
};

export type MoneyInput = {
  amount: Scalars['Decimal']['input'];
  currency: Currency;
};

/** A municipality's total budget for one fiscal year. */
export type MunicipalBudgetTotal = {
  __typename?: 'MunicipalBudgetTotal';
  fiscalYear: Scalars['Int']['output'];
  total: Money;
};

/** One municipality's figure, as it enters (or does not enter) the national one. */
export type MunicipalFigure = {
  __typename?: 'MunicipalFigure';
  breakdowns: Array<Breakdown>;
  /** The municipality's own code for the indicator. */
  code: Scalars['String']['output'];
  corrections: Scalars['Int']['output'];
  currency: Maybe<Currency>;
  denominator: Maybe<Scalars['Decimal']['output']>;
  /** Null when counted in the total. */
  excludedBecause: Maybe<ExclusionReason>;
  indicatorId: Scalars['ID']['output'];
  municipality: Scalars['String']['output'];
  municipalityName: Maybe<LocalizedText>;
  numerator: Maybe<Scalars['Decimal']['output']>;
  unit: IndicatorUnit;
  value: Maybe<Scalars['Decimal']['output']>;
};

/** A municipality (bashkia, komuna) that adopts and reports on local action plans. */
export type Municipality = {
  __typename?: 'Municipality';
  /** Its budget for one fiscal year over the plans the caller may read; null when nothing is known. */
  budgetSummary: Maybe<BudgetSummary>;
  /** Its total budget for one fiscal year; null when not recorded. */
  budgetTotal: Maybe<Money>;
  /** Its total budget per fiscal year, earliest first: the denominator of budget shares. */
  budgetTotals: Array<MunicipalBudgetTotal>;
  /** Short stable code, such as ELB. */
  code: Scalars['String']['output'];
  country: Country;
  /** The currency of all its amounts. */
  currency: Currency;
  /** Its IATI organisation identifier (public registry data), such as AL-COA-12345; null until an admin sets it. */
  iatiOrganisationIdentifier: Maybe<Scalars['String']['output']>;
  name: LocalizedText;
  /** Its plans the caller may read (approved and closed ones; its drafts only for its own editors and reviewers and admins), by start year. */
  plans: Array<Plan>;
};


/** A municipality (bashkia, komuna) that adopts and reports on local action plans. */
export type MunicipalityBudgetSummaryArgs = {
  fiscalYear: Scalars['Int']['input'];
};


/** A municipality (bashkia, komuna) that adopts and reports on local action plans. */
export type MunicipalityBudgetTotalArgs = {
  fiscalYear: Scalars['Int']['input'];
};


/** A municipality (bashkia, komuna) that adopts and reports on local action plans. */
export type MunicipalityPlansArgs = {
  kind?: InputMaybe<PlanKind>;
  status?: InputMaybe<PlanStatus>;
};

/** Municipalities, a page at a time. */
export type MunicipalityConnection = {
  __typename?: 'MunicipalityConnection';
  edges: Array<MunicipalityEdge>;
  pageInfo: PageInfo;
  /** How many there are over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type MunicipalityEdge = {
  __typename?: 'MunicipalityEdge';
  /** Opaque: pass it as `after` to continue. */
  cursor: Scalars['String']['output'];
  node: Municipality;
};

/** What a municipality is called at home: a bashkia in Albania, a komuna in Kosovo. */
export type MunicipalityKind =
  | 'bashkia'
  | 'komuna';

/** What a municipality command did, and the municipality as it now stands. */
export type MunicipalityPayload = {
  __typename?: 'MunicipalityPayload';
  /** The command id sent. */
  commandId: Scalars['ID']['output'];
  /** The types of the events the command recorded (on a replay, those of the first handling). */
  eventTypes: Array<Scalars['String']['output']>;
  /** The municipality, as the read models show it after the write. */
  municipality: Maybe<Municipality>;
  /** Global position of the last event written; null when the command changed nothing. */
  position: Maybe<Scalars['Position']['output']>;
  /** True when this command id had been handled before: the first result, nothing written now. */
  replayed: Scalars['Boolean']['output'];
  /** The revision of the entity's stream after the command: pass it as the next expectedRevision. */
  revision: Scalars['Int']['output'];
};

/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** Adds an area (field) of intervention to a plan. */
  addArea: PlanPayload;
  /** Adds a measure (activity, action) to an objective; it starts planned. */
  addMeasure: MeasurePayload;
  /** Adds an objective to an area, at its top level or under another objective. */
  addObjective: PlanPayload;
  /** Records the amount of a budget line in the adopted budget. */
  allocateBudget: BudgetLinePayload;
  /** Approves a submitted plan, recording the council decision (reviewers; not the one who submitted it). */
  approvePlan: PlanPayload;
  /** Approves a submitted report (reviewers; not the one who submitted it). */
  approveReport: PlanPayload;
  /** Records a dated change of a measure's status. */
  changeMeasureStatus: MeasurePayload;
  /** Closes a plan: nothing in it can change afterwards. */
  closePlan: PlanPayload;
  /** Corrects a reported value; the old value stays in the history. */
  correctIndicatorValue: IndicatorPayload;
  /** Defines an indicator of an objective or a measure of a plan. */
  defineIndicator: IndicatorPayload;
  /** Defines a national indicator of the catalogue (admins only); its code and unit never change. */
  defineNationalIndicator: NationalIndicatorPayload;
  /** Drafts a new plan of a registered municipality. */
  draftPlan: PlanPayload;
  /**
   * Ties an indicator to a national indicator of the catalogue (admins only), moves it to another,
   * or with a null nationalCode unties it, with the reason, at any time of its plan's life: its
   * figures, past ones too, then count towards that national indicator. Its unit must be the
   * national indicator's (TRG_UNIT_MISMATCH).
   */
  linkNationalIndicator: IndicatorPayload;
  /**
   * Maps one of our categories to its DHIS2 category option combo and, for ADX, category and option
   * (admins only). A dimension's categories are options of one DHIS2 category.
   */
  mapDhis2CategoryOptionCombo: Dhis2MappingPayload;
  /**
   * Maps a national code's indicators, or one indicator, to a DHIS2 data set and data element
   * (admins only), replacing its mapping: a percentage to its numerator and denominator elements,
   * a count, amount, milestone or ratio to one; a text indicator to none (TRG_UNIT_MISMATCH). An
   * unknown code or indicator is NOT_FOUND.
   */
  mapDhis2DataElement: Dhis2MappingPayload;
  /** Maps a registered municipality to its DHIS2 organisation unit (admins only). */
  mapDhis2OrgUnit: Dhis2MappingPayload;
  /** Costs a measure for a fiscal year, in the municipality's currency. */
  planBudgetLine: BudgetLinePayload;
  /**
   * Verifies the log as recorded (as `verifyLog` does), replays it into fresh read models aside
   * from the live ones and compares their canonical hashes with the live ones at the same position.
   * When the log verifies and every hash is equal, the rebuilt read models are swapped in. Otherwise
   * nothing is swapped and nothing is written: the answer is CONFLICT (TRG_REBUILD_REFUSED) and its
   * reason names the position where the log fails verification and the read models whose hashes
   * differ. Give `force` to swap them in anyway: the override is recorded in the log as a
   * `read-models.rebuild-forced.v1` event in the stream `read-model-rebuilds` (who, when, why, the
   * hashes before and after, what verification found), which the `events` feed shows.
   * Refused even with `force` when an event of the log cannot be read (no read model can be rebuilt
   * past it) or when the live read models have stopped. Queries keep answering from the live read
   * models until the swap: no downtime. Admins only.
   */
  rebuildReadModels: ReadModelRebuild;
  /** Records what a budget line has spent to date (a running figure, not an increment). */
  recordExpenditure: BudgetLinePayload;
  /** Registers a municipality (admins only). */
  registerMunicipality: MunicipalityPayload;
  /** Opens an approved plan's content to change, with a reason kept in history (reviewers and admins). */
  reopenPlan: PlanPayload;
  /** Opens an approved report to change, with a reason kept in history (reviewers and admins). */
  reopenReport: PlanPayload;
  /** Reports an indicator's value for a period that has none yet. */
  reportIndicatorValue: IndicatorPayload;
  /** Replaces a budget line's category tags. */
  retagBudgetLine: BudgetLinePayload;
  /** Returns a submitted plan to its editors with comments (reviewers). */
  returnPlan: PlanPayload;
  /** Returns a submitted report to the editors with comments (reviewers). */
  returnReport: PlanPayload;
  /** Corrects an area's code or title (for example to add its English label); only what is given changes, and the reason is kept. */
  reviseArea: PlanPayload;
  /** Corrects an indicator's code, name or data source, with the reason; only what is given changes. */
  reviseIndicator: IndicatorPayload;
  /** Revises the details of a measure; fields left out stay as they are. */
  reviseMeasure: MeasurePayload;
  /** Revises a national indicator's name, counts' labels or SDG reference (admins only); only what is given changes. */
  reviseNationalIndicator: NationalIndicatorPayload;
  /** Corrects an objective's code or title; only what is given changes, and the reason is kept. */
  reviseObjective: PlanPayload;
  /** Revises a plan's title, national strategies or rating thresholds. */
  revisePlanDetails: PlanPayload;
  /** Revises the planned cost of a budget line. */
  revisePlannedCost: BudgetLinePayload;
  /**
   * Revokes a subject's tokens: every token whose `sub` is the subject and that was issued up to
   * the moment the log records this (its `iat`, in whole seconds) is refused from then on with
   * TRG_UNAUTHENTICATED; tokens issued to it afterwards work. Recorded as an
   * `access.tokens-revoked.v1` event in the stream `token-revocations`, with who and why.
   * Admins only.
   */
  revokeTokens: TokenRevocation;
  /**
   * Appends a seal committing to the whole log up to its newest event; null when the log holds no
   * event to seal. Admins only.
   */
  sealLog: Maybe<LogSeal>;
  /** Sets an indicator's baseline. */
  setBaseline: IndicatorPayload;
  /** Records a municipality's total budget for a fiscal year: the denominator of budget shares. */
  setMunicipalBudgetTotal: MunicipalityPayload;
  /** Sets a municipality's IATI organisation identifier, which its IATI activities are published under (admins only). */
  setMunicipalityIatiIdentifier: MunicipalityPayload;
  /** Sets an indicator's target for a period, or for the end of the plan. */
  setTarget: IndicatorPayload;
  /** Submits the plan's content for review (editors): it is locked until a reviewer returns it. */
  submitPlan: PlanPayload;
  /** Submits a period's report for review (editors): its figures are locked until a reviewer returns it. */
  submitReport: PlanPayload;
  /** Removes a category's mapping, with the reason (admins only). */
  unmapDhis2CategoryOptionCombo: Dhis2MappingPayload;
  /** Removes a data element mapping, with the reason (admins only): the DHIS2 exports then refuse its figures. */
  unmapDhis2DataElement: Dhis2MappingPayload;
  /** Removes a municipality's organisation unit mapping, with the reason (admins only). */
  unmapDhis2OrgUnit: Dhis2MappingPayload;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationAddAreaArgs = {
  input: AddAreaInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationAddMeasureArgs = {
  input: AddMeasureInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationAddObjectiveArgs = {
  input: AddObjectiveInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationAllocateBudgetArgs = {
  input: AllocateBudgetInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationApprovePlanArgs = {
  input: ApprovePlanInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationApproveReportArgs = {
  input: ApproveReportInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationChangeMeasureStatusArgs = {
  input: ChangeMeasureStatusInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationClosePlanArgs = {
  input: ClosePlanInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationCorrectIndicatorValueArgs = {
  input: CorrectIndicatorValueInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationDefineIndicatorArgs = {
  input: DefineIndicatorInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationDefineNationalIndicatorArgs = {
  input: DefineNationalIndicatorInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationDraftPlanArgs = {
  input: DraftPlanInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationLinkNationalIndicatorArgs = {
  input: LinkNationalIndicatorInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationMapDhis2CategoryOptionComboArgs = {
  input: MapDhis2CategoryOptionComboInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationMapDhis2DataElementArgs = {
  input: MapDhis2DataElementInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationMapDhis2OrgUnitArgs = {
  input: MapDhis2OrgUnitInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationPlanBudgetLineArgs = {
  input: PlanBudgetLineInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationRebuildReadModelsArgs = {
  force?: InputMaybe<ForcedRebuildInput>;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationRecordExpenditureArgs = {
  input: RecordExpenditureInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationRegisterMunicipalityArgs = {
  input: RegisterMunicipalityInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationReopenPlanArgs = {
  input: ReopenPlanInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationReopenReportArgs = {
  input: ReopenReportInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationReportIndicatorValueArgs = {
  input: ReportIndicatorValueInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationRetagBudgetLineArgs = {
  input: RetagBudgetLineInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationReturnPlanArgs = {
  input: ReturnPlanInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationReturnReportArgs = {
  input: ReturnReportInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationReviseAreaArgs = {
  input: ReviseAreaInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationReviseIndicatorArgs = {
  input: ReviseIndicatorInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationReviseMeasureArgs = {
  input: ReviseMeasureInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationReviseNationalIndicatorArgs = {
  input: ReviseNationalIndicatorInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationReviseObjectiveArgs = {
  input: ReviseObjectiveInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationRevisePlanDetailsArgs = {
  input: RevisePlanDetailsInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationRevisePlannedCostArgs = {
  input: RevisePlannedCostInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationRevokeTokensArgs = {
  input: RevokeTokensInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationSetBaselineArgs = {
  input: SetBaselineInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationSetMunicipalBudgetTotalArgs = {
  input: SetMunicipalBudgetTotalInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationSetMunicipalityIatiIdentifierArgs = {
  input: SetMunicipalityIatiIdentifierInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationSetTargetArgs = {
  input: SetTargetInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationSubmitPlanArgs = {
  input: SubmitPlanInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationSubmitReportArgs = {
  input: SubmitReportInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationUnmapDhis2CategoryOptionComboArgs = {
  input: UnmapDhis2CategoryOptionComboInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationUnmapDhis2DataElementArgs = {
  input: UnmapDhis2DataElementInput;
};


/**
 * One mutation per command of the domain (see `commandTypes`). Every mutation:
 *
 * - takes a `commandId` chosen by the client (a UUID): sending the same id with the same input
 *   again returns the first result with `replayed: true` and writes nothing, so a client retries
 *   safely; the same id with another input is refused (BAD_USER_INPUT, `TRG_COMMAND_ID_REUSED`)
 *   instead of being answered with the first command's result;
 * - takes an optional `expectedRevision`: the command is then decided against exactly that
 *   revision of the entity's stream, or refused with CONFLICT (extensions.details: expected and
 *   actual), instead of being decided on changes the client has not seen;
 * - takes an optional `occurredAt` (business time); the server's clock when left out;
 * - returns the global `position` of what it wrote and the affected entity as the read models show
 *   it once they have reached that position, so the client reads its own write.
 *
 * Who may send what: admins every command; editors the commands of their own municipalities (the
 * municipality a command names, or that of the plan, indicator or budget line it is about), but not
 * registerMunicipality, setMunicipalityIatiIdentifier, the national catalogue's (defineNationalIndicator,
 * reviseNationalIndicator, linkNationalIndicator) nor the DHIS2 mapping's (mapDhis2…, unmapDhis2…); viewers and ministries none (FORBIDDEN); anonymous callers none
 * (UNAUTHENTICATED). A refused command writes nothing.
 *
 * Refusals: BAD_USER_INPUT with `extensions.field`, the path of the offending field inside `input`;
 * NOT_FOUND; CONFLICT (a rule of the domain, or a stale `expectedRevision`); FORBIDDEN;
 * UNAUTHENTICATED. `extensions.trgCode` gives the exact TRG_* code.
 */
export type MutationUnmapDhis2OrgUnitArgs = {
  input: UnmapDhis2OrgUnitInput;
};

/** A read model's name and hash, before or after a rebuild. */
export type NamedHash = {
  __typename?: 'NamedHash';
  hash: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

/** A national indicator for one period across municipalities. */
export type NationalAggregate = {
  __typename?: 'NationalAggregate';
  /** Every dimension: sex, ethnicity, area (urban/rural), age group. */
  breakdowns: Array<BreakdownAggregate>;
  /** An amount's sums per currency; empty for other units. */
  byCurrency: Array<Money>;
  /** Every municipal figure for the code and period, counted or not. */
  byMunicipality: Array<MunicipalFigure>;
  bySex: BreakdownAggregate;
  /** Urban/rural (qytet/fshat). */
  byUrbanRural: BreakdownAggregate;
  /** Municipalities whose figure is in the total. */
  counted: Array<Scalars['String']['output']>;
  /** The country whose municipalities are counted; null for a cross-country ratio. */
  country: Maybe<Country>;
  denominator: Maybe<Scalars['Decimal']['output']>;
  excluded: ExcludedMunicipalities;
  /** How the total is made from the municipal figures. */
  method: Scalars['String']['output'];
  nationalCode: Scalars['String']['output'];
  /** The catalogue's entry; null for a code recorded before the catalogue. */
  nationalIndicator: Maybe<NationalIndicator>;
  /** A percentage's Σ numerators and Σ denominators over the values counted. */
  numerator: Maybe<Scalars['Decimal']['output']>;
  period: Scalars['Period']['output'];
  /** The sum or, for a percentage, the ratio of sums in percent; null with a reason. */
  total: Figure;
  /** Null when there are no values, or their units differ. */
  unit: Maybe<IndicatorUnit>;
  /** The same as total.value. */
  value: Maybe<Scalars['Decimal']['output']>;
};

/** A national indicator: an entry of the catalogue ministries aggregate municipal indicators by. */
export type NationalIndicator = {
  __typename?: 'NationalIndicator';
  aggregation: Maybe<Aggregation>;
  code: Scalars['String']['output'];
  /** The countries and municipalities of those indicators. */
  countries: Array<Country>;
  denominator: Maybe<LocalizedText>;
  /** Whether the catalogue defines the code. */
  inCatalogue: Scalars['Boolean']['output'];
  /** The municipal indicators the caller may read that count towards it. */
  indicators: Array<Indicator>;
  municipalities: Array<Scalars['String']['output']>;
  /** Null for a code indicators carried before the catalogue, which has no entry for it. */
  name: Maybe<LocalizedText>;
  /** A percentage's counts: what is counted, over what. */
  numerator: Maybe<LocalizedText>;
  sdg: Maybe<SdgReference>;
  /** Null for a code without a catalogue entry. */
  unit: Maybe<IndicatorUnit>;
};

/** What a national-indicator command did, and the national indicator as it now stands. */
export type NationalIndicatorPayload = {
  __typename?: 'NationalIndicatorPayload';
  /** The command id sent. */
  commandId: Scalars['ID']['output'];
  /** The types of the events the command recorded (on a replay, those of the first handling). */
  eventTypes: Array<Scalars['String']['output']>;
  /** The national indicator, as the read models show it after the write. */
  nationalIndicator: Maybe<NationalIndicator>;
  /** Global position of the last event written; null when the command changed nothing. */
  position: Maybe<Scalars['Position']['output']>;
  /** True when this command id had been handled before: the first result, nothing written now. */
  replayed: Scalars['Boolean']['output'];
  /** The revision of the national indicator's stream after the command: pass it as the next expectedRevision. */
  revision: Scalars['Int']['output'];
};

/** A line costed in words rather than an amount. */
export type NonNumericCosting = {
  __typename?: 'NonNumericCosting';
  budgetLineId: Scalars['ID']['output'];
  costingText: Scalars['String']['output'];
  fiscalYear: Scalars['Int']['output'];
  measureId: Scalars['ID']['output'];
};

/** A strategic or specific objective ("IV.2", "2.1"); objectives may nest. */
export type Objective = {
  __typename?: 'Objective';
  /** Sub-objectives. */
  children: Array<Objective>;
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Indicators attached to the objective itself. */
  indicators: Array<Indicator>;
  level: ObjectiveLevel;
  measures: Array<Measure>;
  /** The objective this one lies under; null for a top-level objective. */
  parentId: Maybe<Scalars['ID']['output']>;
  /** The objective's progress from its indicators, its measures' and its sub-objectives' (see `method`). */
  rollUp: RollUp;
  title: LocalizedText;
};

export type ObjectiveLevel =
  | 'specific'
  | 'strategic';

/** Relay pagination. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

/** How the period of an indicator's figures was chosen. */
export type PeriodChoice =
  /** No period has both; the latest with an actual. */
  | 'latest_with_actual'
  /** The latest period that has both an actual and a target (the default). */
  | 'latest_with_actual_and_target'
  /** No actual at all; the latest period with a target. */
  | 'latest_with_target'
  /** Neither actual nor target. */
  | 'none'
  /** The period asked for. */
  | 'requested';

/** A local action plan of a municipality. */
export type Plan = {
  __typename?: 'Plan';
  /** Areas (fields) of intervention, in the order they were added. */
  areas: Array<Area>;
  /** Every budget line of the plan, by fiscal year then id. */
  budgetLines: Array<BudgetLine>;
  /** Null until the plan is closed. */
  closed: Maybe<PlanClosure>;
  /**
   * The plan's costing over those budget lines, in total and per fiscal year: exact amounts in the
   * municipality's currency, lines costed in words counted and listed, never taken as 0. Null only
   * when nothing gives a currency: the log never registered the municipality and no line is read.
   */
  costing: Maybe<PlanCosting>;
  /** The council decision that approved it; null while a draft. */
  councilDecision: Maybe<CouncilDecision>;
  counts: PlanCounts;
  id: Scalars['ID']['output'];
  /** Every indicator of the plan, flattened, in the order they were defined. */
  indicators: Array<Indicator>;
  kind: PlanKind;
  /** Every measure of the plan, flattened, in tree order. */
  measures: Array<Measure>;
  /** The municipality; null when the log never registered it. */
  municipality: Maybe<Municipality>;
  /** The code of the municipality the plan belongs to. */
  municipalityCode: Scalars['String']['output'];
  /** The national strategies the plan implements. */
  nationalStrategies: Array<LocalizedText>;
  period: PlanPeriod;
  /** Each period's reporting round that was ever submitted, by period; figures of a period are locked while its round (or a year's round holding it) is submitted or approved. */
  reports: Array<ReportRound>;
  /** Where the plan's content (structure, baselines, targets) is on its way to approval; it is locked while submitted or approved. */
  review: Review;
  /** The plan's progress from every indicator placed under its areas (see `method`). */
  rollUp: RollUp;
  status: PlanStatus;
  thresholds: RatingThresholds;
  title: LocalizedText;
};


/** A local action plan of a municipality. */
export type PlanBudgetLinesArgs = {
  fiscalYear?: InputMaybe<Scalars['Int']['input']>;
};

export type PlanBudgetLineInput = {
  /** A new UUID for the budget line. */
  budgetLineId: Scalars['ID']['input'];
  /** Lower-case tags such as dv-specialised-services, none repeated. None unless given. */
  categories?: InputMaybe<Array<Scalars['String']['input']>>;
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  fiscalYear: Scalars['Int']['input'];
  fundingSource: FundingSourceInput;
  /** A measure of that plan. */
  measureId: Scalars['ID']['input'];
  /** The plan's municipality; the line is in its currency. */
  municipality: Scalars['String']['input'];
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** An open plan. */
  planId: Scalars['ID']['input'];
  planned: PlannedCostInput;
};

/** When and why a plan was closed. */
export type PlanClosure = {
  __typename?: 'PlanClosure';
  date: Scalars['Date']['output'];
  reason: Maybe<LocalizedText>;
};

/** Plans, a page at a time. */
export type PlanConnection = {
  __typename?: 'PlanConnection';
  edges: Array<PlanEdge>;
  pageInfo: PageInfo;
  /** How many match over all pages. */
  totalCount: Scalars['Int']['output'];
};

/**
 * A plan's costing over its budget lines the caller may read, as it reads them (see `Plan.budgetLines`):
 * planned, allocated and executed over every year, per funder and per kind of funder, and the same
 * per fiscal year in `byYear`. Amounts are exact decimals in the municipality's currency; a line in
 * another currency is refused (TRG_CURRENCY_MISMATCH), never converted. A line costed in words adds no
 * amount to `planned`: it is counted in `lines.nonNumericCosting` and listed in `nonNumericCostings`,
 * never taken as 0.
 */
export type PlanCosting = {
  __typename?: 'PlanCosting';
  allocated: Money;
  /** By kind of funder. */
  byFundingKind: Array<FundingShare>;
  /** By funder, by kind then name. */
  byFundingSource: Array<FundingShare>;
  /** One entry for every fiscal year a line of the plan is for, earliest first. */
  byYear: Array<YearCosting>;
  currency: Currency;
  executed: Money;
  /** Executed / allocated, as a fraction. */
  executionRate: Figure;
  lines: BudgetLineCounts;
  nonNumericCostings: Array<NonNumericCosting>;
  planId: Scalars['ID']['output'];
  /** Over every year. */
  planned: Money;
};

/** How many parts a plan has. */
export type PlanCounts = {
  __typename?: 'PlanCounts';
  areas: Scalars['Int']['output'];
  indicators: Scalars['Int']['output'];
  measures: Scalars['Int']['output'];
  objectives: Scalars['Int']['output'];
};

export type PlanEdge = {
  __typename?: 'PlanEdge';
  /** Opaque: pass it as `after` to continue. */
  cursor: Scalars['String']['output'];
  node: Plan;
};

/** What a plan is about. */
export type PlanKind =
  /** Protection from domestic violence (PLVMDHF). */
  | 'domestic_violence'
  /** Local gender equality action plan (PVVBGJ). */
  | 'gender_equality'
  | 'other'
  /** Roma and Egyptian integration. */
  | 'roma_egyptian_integration';

/** What a plan command did, and the plan as it now stands. */
export type PlanPayload = {
  __typename?: 'PlanPayload';
  /** The command id sent. */
  commandId: Scalars['ID']['output'];
  /** The types of the events the command recorded (on a replay, those of the first handling). */
  eventTypes: Array<Scalars['String']['output']>;
  /** The plan, as the read models show it after the write. */
  plan: Maybe<Plan>;
  /** Global position of the last event written; null when the command changed nothing. */
  position: Maybe<Scalars['Position']['output']>;
  /** True when this command id had been handled before: the first result, nothing written now. */
  replayed: Scalars['Boolean']['output'];
  /** The revision of the plan's stream after the command: pass it as the next expectedRevision. */
  revision: Scalars['Int']['output'];
};

/** The years a plan runs, both included: 2022–2024 is { from: 2022, to: 2024 }. */
export type PlanPeriod = {
  __typename?: 'PlanPeriod';
  from: Scalars['Int']['output'];
  to: Scalars['Int']['output'];
};

/** The years a plan runs, both included. */
export type PlanPeriodInput = {
  from: Scalars['Int']['input'];
  /** Not before `from`. */
  to: Scalars['Int']['input'];
};

/** A plan is drafted, approved by the municipal council (after its content is submitted and reviewed, see `review`), and finally closed. */
export type PlanStatus =
  | 'approved'
  | 'closed'
  | 'draft';

/** The cost the plan gives: an amount, or a text where the plan costs a measure in words. */
export type PlannedCost = {
  __typename?: 'PlannedCost';
  amount: Maybe<Money>;
  /** Such as "Sipas kostimit të MSHMS"; no amount is counted for it. */
  costingText: Maybe<Scalars['String']['output']>;
};

/** A planned cost: an amount, or the text a plan gives instead ("Sipas kostimit të MSHMS"); exactly one. */
export type PlannedCostInput = {
  amount?: InputMaybe<MoneyInput>;
  costingText?: InputMaybe<Scalars['String']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /** What waits for the caller, oldest plan first: for reviewers (and admins) what editors submitted; for editors (and admins) what a reviewer returned or reopened, and drafts not yet submitted. Empty for other callers. */
  awaiting: Array<AwaitingItem>;
  /**
   * A municipality's budget for a fiscal year over the plans the caller may read: total, planned,
   * allocated and executed, by funding source, execution rate and each category's share of the total.
   * Null when nothing is known of the municipality.
   */
  budgetSummary: Maybe<BudgetSummary>;
  /** Every command Treguesi accepts; each is a mutation of the same name. */
  commandTypes: Array<Scalars['String']['output']>;
  /**
   * A percentage's ratio of sums over the municipalities of both countries, asked for explicitly:
   * only a national indicator in percent (a ratio of sums, free of currency) is compared across
   * countries; any other is refused with TRG_INVALID_VALUE.
   */
  crossCountryAggregate: Maybe<NationalAggregate>;
  /**
   * The DHIS2 codes admins mapped our indicators, municipalities and categories to: the DHIS2
   * exports (dataValueSets in JSON and CSV, ADX) name them by these codes (`idScheme=code`) and
   * refuse a figure whose indicator, municipality or category has none. Admins only.
   */
  dhis2Mapping: Dhis2Mapping;
  /**
   * The change feed: the events of the global log the caller may read, oldest first, for every
   * caller, anonymous ones included. An event of a plan, or of one of its indicators or budget lines, is served to those who
   * may read the plan (a draft's to its municipality's editors and reviewers and to admins); a municipality's own
   * events (its registration, its budget totals) to every caller; the audit's (read-model rebuild
   * records, seals) and those of an entity the read models never placed to admins only. Who
   * recorded an event (`metadata.actor.id`) is null unless the caller may know it, as `Actor.id`
   * says. A plan's standing is the request's (`asOf` included): a draft's events are served at
   * their own positions once it is approved, so a client already past them reads them with
   * `streamPrefix`.
   *
   * The feed goes as far as the read models of the request have applied (`consistentWith` waits
   * for a position, `asOf` ends it earlier): whose an event is, they say. A client keeps the last
   * `endCursor` (a position) and asks again with `after` to pull what is new.
   *
   * One request examines at most 10 × `first` events (the page size asked, 50 unless given). When it
   * reaches that many before finding `first` the caller may read, the page is short and
   * `hasNextPage` is true: ask again after `endCursor`. `endCursor` is where the next page starts,
   * the last event examined before the first one this page left out, so it may be an event the page
   * does not show; continuing from it neither repeats nor skips one. It is null only when nothing
   * was examined (a client keeps its `after`). `hasNextPage` is true when an event the caller may
   * read follows the page, or when the limit ended the request before the log's end (more to
   * examine, which may hold nothing the caller may read); false at the end of the feed.
   * `hasPreviousPage` is true when the log holds an event at or before `after` under the same
   * filters, whether the caller may read it or not.
   */
  events: EventConnection;
  /**
   * Every event of one entity, oldest first, with who recorded it, when, and what it changed. The
   * entity is a plan, measure, indicator or budget line (by id), a municipality (by code), a national
   * indicator (by code) or a DHIS2 mapping (by the historyId `dhis2Mapping` gives). Read from the
   * log itself. Admins only.
   */
  history: HistoryConnection;
  /** One indicator with its figures and full value history; null when unknown or its plan is not readable by the caller. */
  indicator: Maybe<Indicator>;
  /** Every registered municipality, by code. */
  municipalities: MunicipalityConnection;
  /** One municipality by its code (ELB for Elbasan, DRE for Drenas, TIR for Tirana); null when unknown. */
  municipality: Maybe<Municipality>;
  /**
   * A national indicator for one period across one country's municipalities, for ministries: counts
   * and amounts summed (Albania in lekë, Kosovo in euro), milestones counted, percentages as a ratio
   * of sums. Figures of two countries are never added here (see crossCountryAggregate). Null when no
   * indicator of the country the caller may read counts towards the code.
   */
  nationalAggregate: Maybe<NationalAggregate>;
  /** One national indicator; null when neither the catalogue nor any indicator the caller may read knows the code. */
  nationalIndicator: Maybe<NationalIndicator>;
  /** The catalogue of national indicators, by code, with the codes indicators carried before the catalogue. */
  nationalIndicators: Array<NationalIndicator>;
  /** One plan with its whole tree; null when unknown or not readable by the caller. */
  plan: Maybe<Plan>;
  /** Plans matching every filter given, by municipality, then start year, of those the caller may read: approved and closed plans for everyone, a draft only for its municipality's editors and reviewers and admins. */
  plans: PlanConnection;
  /**
   * The canonical hash of each live read model (SHA-256 of its state as RFC 8785 JSON), to compare
   * with what `npm run treguesi -- rebuild` prints for the same log. Admins only.
   */
  readModelHashes: Array<ReadModelHash>;
  /**
   * Checks every event of the log as recorded against its hash chain and the seals, and names the
   * first event altered, removed, inserted or reordered. Admins only.
   */
  verifyLog: LogVerification;
  /** Who the caller is, as the bearer token says (anonymous without one). */
  viewer: Viewer;
};


export type QueryAwaitingArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  municipality?: InputMaybe<Scalars['String']['input']>;
};


export type QueryBudgetSummaryArgs = {
  asOf?: InputMaybe<AsOf>;
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
  fiscalYear: Scalars['Int']['input'];
  municipality: Scalars['String']['input'];
};


export type QueryCrossCountryAggregateArgs = {
  asOf?: InputMaybe<AsOf>;
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
  nationalCode: Scalars['String']['input'];
  period: Scalars['Period']['input'];
};


export type QueryDhis2MappingArgs = {
  asOf?: InputMaybe<AsOf>;
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
};


export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<AsOf>;
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  streamPrefix?: InputMaybe<Scalars['String']['input']>;
  types?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type QueryHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  entityId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryIndicatorArgs = {
  asOf?: InputMaybe<AsOf>;
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryMunicipalitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<AsOf>;
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMunicipalityArgs = {
  asOf?: InputMaybe<AsOf>;
  code: Scalars['String']['input'];
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
};


export type QueryNationalAggregateArgs = {
  asOf?: InputMaybe<AsOf>;
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
  country: Country;
  nationalCode: Scalars['String']['input'];
  period: Scalars['Period']['input'];
};


export type QueryNationalIndicatorArgs = {
  asOf?: InputMaybe<AsOf>;
  code: Scalars['String']['input'];
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
};


export type QueryNationalIndicatorsArgs = {
  asOf?: InputMaybe<AsOf>;
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
};


export type QueryPlanArgs = {
  asOf?: InputMaybe<AsOf>;
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
  id: Scalars['ID']['input'];
};


export type QueryPlansArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<AsOf>;
  consistentWith?: InputMaybe<Scalars['Position']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<PlanKind>;
  municipality?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<PlanStatus>;
};


export type QueryVerifyLogArgs = {
  expectedHead?: InputMaybe<Scalars['String']['input']>;
};

/** How an indicator (or a roll-up) is doing against its target, by the plan's thresholds. */
export type Rating =
  | 'achieved'
  /** No figure to rate: the reason says why. */
  | 'no_data'
  | 'off_track'
  | 'on_track'
  | 'partly';

/** How many indicators have a rating. */
export type RatingCount = {
  __typename?: 'RatingCount';
  count: Scalars['Int']['output'];
  rating: Rating;
};

/** A rating, with the reason there is none when it is no_data. */
export type RatingFigure = {
  __typename?: 'RatingFigure';
  explanation: Maybe<Scalars['String']['output']>;
  reason: Maybe<Scalars['String']['output']>;
  value: Rating;
};

/**
 * Attainment needed for each rating: at least `achieved` is achieved, at least `onTrack` on track,
 * at least `partly` partly achieved, anything lower off track.
 */
export type RatingThresholds = {
  __typename?: 'RatingThresholds';
  achieved: Scalars['Decimal']['output'];
  onTrack: Scalars['Decimal']['output'];
  partly: Scalars['Decimal']['output'];
};

/** Attainment needed for each rating; partly > 0 and partly ≤ onTrack ≤ achieved. */
export type RatingThresholdsInput = {
  achieved: Scalars['Decimal']['input'];
  onTrack: Scalars['Decimal']['input'];
  partly: Scalars['Decimal']['input'];
};

/** One read model and its canonical hash. */
export type ReadModelHash = {
  __typename?: 'ReadModelHash';
  /** SHA-256, in hex, of its state as canonical JSON. */
  hash: Scalars['String']['output'];
  /** plans, budgets or national. */
  name: Scalars['String']['output'];
  /** The newest event it reflects; null before the first. */
  position: Maybe<Scalars['Position']['output']>;
};

/** What a rebuild found and swapped in. */
export type ReadModelRebuild = {
  __typename?: 'ReadModelRebuild';
  /** The rebuilt read models' hashes, live from now on. */
  after: Array<NamedHash>;
  /** The live read models' hashes before the swap. */
  before: Array<NamedHash>;
  /** The read models whose rebuilt hash differs from the live one; empty when `equal`. */
  differing: Array<Scalars['String']['output']>;
  /** Whether every rebuilt read model equals the live one it replaced; false only when forced. */
  equal: Scalars['Boolean']['output'];
  /** Events replayed into the rebuilt read models. */
  events: Scalars['Int']['output'];
  /** Events replayed per second, rounded to a whole number. */
  eventsPerSecond: Scalars['Int']['output'];
  /** The position the live and the rebuilt read models were compared at; null for an empty log. */
  position: Maybe<Scalars['Position']['output']>;
  /** The position of the `read-models.rebuild-forced.v1` event recording this swap; null when the swap overrode nothing (the log verified and every hash was equal). */
  recordPosition: Maybe<Scalars['Position']['output']>;
  /** What verifying the log as recorded found just before the rebuild; not ok only when forced. */
  verification: LogVerification;
};

export type RecordExpenditureInput = {
  asOf: Scalars['Date']['input'];
  budgetLineId: Scalars['ID']['input'];
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** Spent to date, in the line's currency: not an increment. */
  executed: MoneyInput;
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  note?: InputMaybe<LocalizedTextInput>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
};

export type RegisterMunicipalityInput = {
  /** 2–16 capital letters, digits or dashes, such as ELB. */
  code: Scalars['String']['input'];
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  country: Country;
  /** ALL for an Albanian municipality, EUR for a Kosovar one. */
  currency: Currency;
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  /** bashkia in Albania, komuna in Kosovo; the country's kind when left out. */
  kind?: InputMaybe<MunicipalityKind>;
  name: LocalizedTextInput;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
};

export type ReopenPlanInput = {
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  planId: Scalars['ID']['input'];
  /** Why it is opened again; kept in history. */
  reason: LocalizedTextInput;
};

export type ReopenReportInput = {
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  period: Scalars['String']['input'];
  planId: Scalars['ID']['input'];
  /** Why it is opened again; kept in history. */
  reason: LocalizedTextInput;
};

/**
 * A value: `value` (for a milestone 1 achieved, 0 not) or, for a text indicator, `text`; a percent
 * may give its `numerator` and `denominator` (both or neither).
 */
export type ReportIndicatorValueInput = {
  /**
   * By the indicator's disaggregations. An exhaustive one must add up to the value; for a count or
   * an amount, one that breaks out some groups only must not add up to more.
   */
  breakdown?: InputMaybe<Array<BreakdownInput>>;
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  denominator?: InputMaybe<Scalars['Decimal']['input']>;
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  indicatorId: Scalars['ID']['input'];
  note?: InputMaybe<LocalizedTextInput>;
  numerator?: InputMaybe<Scalars['Decimal']['input']>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** A period of the plan without a value yet. */
  period: Scalars['Period']['input'];
  /** Source or evidence, such as REVALB. */
  source?: InputMaybe<LocalizedTextInput>;
  text?: InputMaybe<LocalizedTextInput>;
  value?: InputMaybe<Scalars['Decimal']['input']>;
};

/** The review of a plan's figures, measure statuses and spending for one period. */
export type ReportRound = {
  __typename?: 'ReportRound';
  /** The reviewer's comments when it was last returned, or the reason it was last reopened. */
  comments: Maybe<LocalizedText>;
  /** A year (2024), a half-year (2024-H1) or a quarter (2024-Q3). */
  period: Scalars['String']['output'];
  status: ReviewStatus;
};

/** A figure for one period: a value, or a text for a text indicator. */
export type ReportedValue = {
  __typename?: 'ReportedValue';
  breakdowns: Array<Breakdown>;
  denominator: Maybe<Scalars['Decimal']['output']>;
  note: Maybe<LocalizedText>;
  /** A percentage's counts: value = numerator / denominator × 100. */
  numerator: Maybe<Scalars['Decimal']['output']>;
  /** Why the figure is left out: suppressed (a small count of a sensitive indicator, withheld from the caller). */
  reason: Maybe<Scalars['String']['output']>;
  /** Source or evidence, such as REVALB. */
  source: Maybe<LocalizedText>;
  text: Maybe<LocalizedText>;
  value: Maybe<Scalars['Decimal']['output']>;
};

/**
 * A target resolved to absolute figures for the period it applies to, or null with the reason
 * (a relative target without its baseline or previous actual).
 */
export type ResolvedTarget = {
  __typename?: 'ResolvedTarget';
  explanation: Maybe<Scalars['String']['output']>;
  kind: Maybe<ResolvedTargetKind>;
  lower: Maybe<Scalars['Decimal']['output']>;
  reason: Maybe<Scalars['String']['output']>;
  upper: Maybe<Scalars['Decimal']['output']>;
  /** The figure attainment and progress are measured against. */
  value: Maybe<Scalars['Decimal']['output']>;
};

/** How a resolved target is given. */
export type ResolvedTargetKind =
  | 'band'
  | 'milestone'
  | 'range'
  | 'value';

export type RetagBudgetLineInput = {
  budgetLineId: Scalars['ID']['input'];
  /** The new tags, replacing the old ones; empty removes them all. */
  categories: Array<Scalars['String']['input']>;
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
};

export type ReturnPlanInput = {
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** What the editors are to change. */
  comments: LocalizedTextInput;
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  planId: Scalars['ID']['input'];
};

export type ReturnReportInput = {
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** What the editors are to change. */
  comments: LocalizedTextInput;
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  period: Scalars['String']['input'];
  planId: Scalars['ID']['input'];
};

export type Review = {
  __typename?: 'Review';
  /** The reviewer's comments when it was last returned, or the reason it was last reopened. */
  comments: Maybe<LocalizedText>;
  status: ReviewStatus;
};

/**
 * Where a plan's content (its adoption) or a reporting round (the plan's figures for a period) is on
 * its way to approval. Editors change it while it is open, returned or reopened and submit it; a
 * reviewer of the municipality returns it with comments or approves it; an approved one is
 * reopened, with a reason, by a reviewer or an admin before anything in it changes again.
 */
export type ReviewStatus =
  | 'approved'
  | 'open'
  | 'reopened'
  | 'returned'
  | 'submitted';

/** At least one detail besides the ids; details left out stay as they are. */
export type ReviseAreaInput = {
  areaId: Scalars['ID']['input'];
  code?: InputMaybe<Scalars['String']['input']>;
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  planId: Scalars['ID']['input'];
  /** Why, kept in the history. */
  reason: LocalizedTextInput;
  title?: InputMaybe<LocalizedTextInput>;
};

/**
 * How an indicator is named, corrected: at least one of code, name and dataSource, and why. Its
 * unit, direction and breakdowns stay, since the figures recorded were checked against them; so does
 * its national code.
 */
export type ReviseIndicatorInput = {
  code?: InputMaybe<Scalars['String']['input']>;
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  dataSource?: InputMaybe<LocalizedTextInput>;
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  indicatorId: Scalars['ID']['input'];
  /** The whole name, both languages: the Albanian label is given again with an English one added. */
  name?: InputMaybe<LocalizedTextInput>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Why, kept in the history. */
  reason: LocalizedTextInput;
  /** Whether its small counts are withheld from the public (see Indicator.sensitive). */
  sensitive?: InputMaybe<Scalars['Boolean']['input']>;
  /** count, percent or ratio, from one of those, while no baseline, target or value is recorded. */
  unit?: InputMaybe<IndicatorUnit>;
};

export type ReviseMeasureInput = {
  code?: InputMaybe<Scalars['String']['input']>;
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  dataSource?: InputMaybe<LocalizedTextInput>;
  deadline?: InputMaybe<Scalars['Date']['input']>;
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  leadActors?: InputMaybe<Array<LocalizedTextInput>>;
  legalReferences?: InputMaybe<Array<LocalizedTextInput>>;
  measureId: Scalars['ID']['input'];
  monitoringBody?: InputMaybe<LocalizedTextInput>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  output?: InputMaybe<LocalizedTextInput>;
  planId: Scalars['ID']['input'];
  /** Why, kept in the history. */
  reason: LocalizedTextInput;
  schedule?: InputMaybe<LocalizedTextInput>;
  supportingActors?: InputMaybe<Array<LocalizedTextInput>>;
  title?: InputMaybe<LocalizedTextInput>;
};

export type ReviseNationalIndicatorInput = {
  code: Scalars['String']['input'];
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  denominator?: InputMaybe<LocalizedTextInput>;
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<LocalizedTextInput>;
  numerator?: InputMaybe<LocalizedTextInput>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  sdg?: InputMaybe<SdgReferenceInput>;
};

export type ReviseObjectiveInput = {
  code?: InputMaybe<Scalars['String']['input']>;
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  objectiveId: Scalars['ID']['input'];
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  planId: Scalars['ID']['input'];
  /** Why, kept in the history. */
  reason: LocalizedTextInput;
  title?: InputMaybe<LocalizedTextInput>;
};

/** At least one of title, nationalStrategies and ratingThresholds. */
export type RevisePlanDetailsInput = {
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  nationalStrategies?: InputMaybe<Array<LocalizedTextInput>>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  planId: Scalars['ID']['input'];
  ratingThresholds?: InputMaybe<RatingThresholdsInput>;
  title?: InputMaybe<LocalizedTextInput>;
};

export type RevisePlannedCostInput = {
  budgetLineId: Scalars['ID']['input'];
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  planned: PlannedCostInput;
};

export type RevokeTokensInput = {
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** Why, kept in the log. */
  reason: LocalizedTextInput;
  /** The token subject (`sub`) whose tokens stop working. */
  subject: Scalars['String']['input'];
};

export type Role =
  | 'admin'
  | 'anonymous'
  | 'editor'
  | 'ministry'
  | 'reviewer'
  | 'viewer';

/**
 * How an objective, an area or a plan is doing, from the indicators and measures under it.
 * `method` says exactly how the roll-up is made.
 */
export type RollUp = {
  __typename?: 'RollUp';
  /** The mean of the counted indicators' attainments, each capped at 1 for this mean only; null with a reason when none is counted. */
  attainment: Figure;
  /** Of those, the ones with an attainment, which the mean is taken over. */
  counted: Scalars['Int']['output'];
  /** Indicators under it. */
  indicators: Scalars['Int']['output'];
  /** Measures by status; every status is listed. */
  measureStatuses: Array<MeasureStatusCount>;
  /** Measures under it. */
  measures: Scalars['Int']['output'];
  /** How the roll-up is made, in words. */
  method: Scalars['String']['output'];
  /** The mean's rating by the plan's thresholds; no_data when there is no mean. */
  rating: Rating;
  /** Indicators by rating (no_data for those not counted); every rating is listed. */
  ratings: Array<RatingCount>;
};

/** A Sustainable Development Goal indicator and, where one applies, its data series. */
export type SdgReference = {
  __typename?: 'SdgReference';
  /** Such as 5.5.1. */
  indicator: Scalars['String']['output'];
  /** Such as SG_GEN_LOCGELS. */
  series: Maybe<Scalars['String']['output']>;
};

export type SdgReferenceInput = {
  /** An SDG global indicator, such as 5.5.1. */
  indicator: Scalars['String']['input'];
  /** Its data series where one applies, such as SG_GEN_LOCGELS. */
  series?: InputMaybe<Scalars['String']['input']>;
};

export type SetBaselineInput = {
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  indicatorId: Scalars['ID']['input'];
  note?: InputMaybe<LocalizedTextInput>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  value: Scalars['Decimal']['input'];
  year: Scalars['Int']['input'];
};

export type SetMunicipalBudgetTotalInput = {
  /** The municipality's code. */
  code: Scalars['String']['input'];
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  fiscalYear: Scalars['Int']['input'];
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** In the municipality's currency. */
  total: MoneyInput;
};

export type SetMunicipalityIatiIdentifierInput = {
  /** The municipality's code, such as ELB. */
  code: Scalars['String']['input'];
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  /**
   * The registration agency's code and the number it gave, such as AL-COA-12345 or
   * XI-IATI-…: letters, digits, dots, dashes and underscores, at most 100, no / & | ? (IATI rule 1.3.13).
   */
  identifier: Scalars['String']['input'];
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
};

export type SetTargetInput = {
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  indicatorId: Scalars['ID']['input'];
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** A period of the plan (2024, 2024-H1, 2024-Q3) or end-of-plan. */
  period: Scalars['String']['input'];
  target: TargetInput;
};

/** A figure for each stage. */
export type StageFigures = {
  __typename?: 'StageFigures';
  allocated: Figure;
  executed: Figure;
  planned: Figure;
};

export type SubmitPlanInput = {
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  planId: Scalars['ID']['input'];
};

export type SubmitReportInput = {
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** A year (2024), a half-year (2024-H1) or a quarter (2024-Q3) of the plan's years. */
  period: Scalars['String']['input'];
  planId: Scalars['ID']['input'];
};

/**
 * Changes as they happen, over a websocket at /graphql (the graphql-transport-ws protocol of the
 * graphql-ws package; the older subscriptions-transport-ws protocol is accepted too).
 *
 * A bearer token goes in the websocket request's Authorization header or, from a browser, in the
 * connection_init payload as { "authorization": "Bearer …" }; without one the subscriber is
 * anonymous. Every subscriber hears of approved and closed plans, and of a draft only as its
 * municipality's editor or reviewer or an admin; who recorded an event (`actor.id`) only admins and
 * the municipality's own editors and reviewers learn.
 *
 * A period's figures (values, corrections, allocations, expenditures, status changes) reach the
 * municipality's own editors and reviewers and admins as they are recorded; everyone else hears of
 * them when a reviewer approves a report round holding their period: one event per figure the
 * approval published, each with the approval's position, time and actor (the figure's own recorder
 * is in `change`).
 *
 * Every event is sent once the read models have applied it: the entities it carries, and a query
 * with `consistentWith: position`, already show the change. Both filters are optional; given
 * together, an event must match both.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Budget lines planned, re-costed, allocated, spent or re-tagged in the plans the caller may
   * read, and municipal budget totals set (these belong to no plan: a `planId` filter leaves them out).
   */
  budgetChanged: BudgetEvent;
  /** Indicator values reported, and corrected, in the plans the caller may read. */
  indicatorValueReported: IndicatorValueEvent;
  /** Measure status changes, in the plans the caller may read. */
  measureStatusChanged: MeasureStatusEvent;
};


/**
 * Changes as they happen, over a websocket at /graphql (the graphql-transport-ws protocol of the
 * graphql-ws package; the older subscriptions-transport-ws protocol is accepted too).
 *
 * A bearer token goes in the websocket request's Authorization header or, from a browser, in the
 * connection_init payload as { "authorization": "Bearer …" }; without one the subscriber is
 * anonymous. Every subscriber hears of approved and closed plans, and of a draft only as its
 * municipality's editor or reviewer or an admin; who recorded an event (`actor.id`) only admins and
 * the municipality's own editors and reviewers learn.
 *
 * A period's figures (values, corrections, allocations, expenditures, status changes) reach the
 * municipality's own editors and reviewers and admins as they are recorded; everyone else hears of
 * them when a reviewer approves a report round holding their period: one event per figure the
 * approval published, each with the approval's position, time and actor (the figure's own recorder
 * is in `change`).
 *
 * Every event is sent once the read models have applied it: the entities it carries, and a query
 * with `consistentWith: position`, already show the change. Both filters are optional; given
 * together, an event must match both.
 */
export type SubscriptionBudgetChangedArgs = {
  municipality?: InputMaybe<Scalars['String']['input']>;
  planId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Changes as they happen, over a websocket at /graphql (the graphql-transport-ws protocol of the
 * graphql-ws package; the older subscriptions-transport-ws protocol is accepted too).
 *
 * A bearer token goes in the websocket request's Authorization header or, from a browser, in the
 * connection_init payload as { "authorization": "Bearer …" }; without one the subscriber is
 * anonymous. Every subscriber hears of approved and closed plans, and of a draft only as its
 * municipality's editor or reviewer or an admin; who recorded an event (`actor.id`) only admins and
 * the municipality's own editors and reviewers learn.
 *
 * A period's figures (values, corrections, allocations, expenditures, status changes) reach the
 * municipality's own editors and reviewers and admins as they are recorded; everyone else hears of
 * them when a reviewer approves a report round holding their period: one event per figure the
 * approval published, each with the approval's position, time and actor (the figure's own recorder
 * is in `change`).
 *
 * Every event is sent once the read models have applied it: the entities it carries, and a query
 * with `consistentWith: position`, already show the change. Both filters are optional; given
 * together, an event must match both.
 */
export type SubscriptionIndicatorValueReportedArgs = {
  municipality?: InputMaybe<Scalars['String']['input']>;
  planId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Changes as they happen, over a websocket at /graphql (the graphql-transport-ws protocol of the
 * graphql-ws package; the older subscriptions-transport-ws protocol is accepted too).
 *
 * A bearer token goes in the websocket request's Authorization header or, from a browser, in the
 * connection_init payload as { "authorization": "Bearer …" }; without one the subscriber is
 * anonymous. Every subscriber hears of approved and closed plans, and of a draft only as its
 * municipality's editor or reviewer or an admin; who recorded an event (`actor.id`) only admins and
 * the municipality's own editors and reviewers learn.
 *
 * A period's figures (values, corrections, allocations, expenditures, status changes) reach the
 * municipality's own editors and reviewers and admins as they are recorded; everyone else hears of
 * them when a reviewer approves a report round holding their period: one event per figure the
 * approval published, each with the approval's position, time and actor (the figure's own recorder
 * is in `change`).
 *
 * Every event is sent once the read models have applied it: the entities it carries, and a query
 * with `consistentWith: position`, already show the change. Both filters are optional; given
 * together, an event must match both.
 */
export type SubscriptionMeasureStatusChangedArgs = {
  municipality?: InputMaybe<Scalars['String']['input']>;
  planId?: InputMaybe<Scalars['ID']['input']>;
};

/** A target as the plan states it. */
export type Target = {
  __typename?: 'Target';
  /** A relative target's change in percent (50 is 50 % more). */
  changePercent: Maybe<Scalars['Decimal']['output']>;
  kind: TargetKind;
  /** A range's or band's bounds. */
  lower: Maybe<Scalars['Decimal']['output']>;
  /** What a relative target's change applies to. */
  over: Maybe<TargetBase>;
  upper: Maybe<Scalars['Decimal']['output']>;
  /** An absolute target's value. */
  value: Maybe<Scalars['Decimal']['output']>;
};

/** What a relative target's change applies to. */
export type TargetBase =
  | 'baseline'
  | 'previous_period';

/**
 * A target. By `kind`: absolute needs `value`; relative needs `changePercent` (50 is 50 % more,
 * not below -100) and `over`; range and band need `lower` and `upper`; milestone needs nothing.
 * A field another kind uses is refused.
 */
export type TargetInput = {
  changePercent?: InputMaybe<Scalars['Decimal']['input']>;
  kind: TargetKind;
  lower?: InputMaybe<Scalars['Decimal']['input']>;
  over?: InputMaybe<TargetBase>;
  upper?: InputMaybe<Scalars['Decimal']['input']>;
  value?: InputMaybe<Scalars['Decimal']['input']>;
};

export type TargetKind =
  /** An absolute value for the period. */
  | 'absolute'
  /** A band a within-band indicator must stay inside. */
  | 'band'
  /** Achieved or not. */
  | 'milestone'
  /** A range such as 3–5 %: within it is achieved, attainment is measured against the lower bound. */
  | 'range'
  /** A change in percent over the baseline or the previous period's actual. */
  | 'relative';

/** A target as given, and resolved. */
export type TargetView = {
  __typename?: 'TargetView';
  /** The period it is measured in. */
  appliesTo: Scalars['Period']['output'];
  /** As set: a period (2024, 2024-H1) or end-of-plan. */
  period: Scalars['String']['output'];
  resolved: ResolvedTarget;
  target: Target;
};

export type TokenRevocation = {
  __typename?: 'TokenRevocation';
  /** The command id sent. */
  commandId: Scalars['ID']['output'];
  /** The types of the events the command recorded (on a replay, those of the first handling). */
  eventTypes: Array<Scalars['String']['output']>;
  /** Global position of the revocation; tokens of the subject issued up to its record time are refused. */
  position: Scalars['Position']['output'];
  /** True when this command id had been handled before: the first result, nothing written now. */
  replayed: Scalars['Boolean']['output'];
  subject: Scalars['String']['output'];
};

export type UnmapDhis2CategoryOptionComboInput = {
  category: Scalars['String']['input'];
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  dimension: DisaggregationDimension;
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Why, kept in the history. */
  reason: LocalizedTextInput;
};

export type UnmapDhis2DataElementInput = {
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  indicator: Dhis2IndicatorInput;
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Why, kept in the history. */
  reason: LocalizedTextInput;
};

export type UnmapDhis2OrgUnitInput = {
  /** A UUID the client chooses for this command; the same id again is a retry. */
  commandId: Scalars['ID']['input'];
  /** The revision of the entity's stream the command is based on; -1: it must not exist yet. */
  expectedRevision?: InputMaybe<Scalars['Int']['input']>;
  municipality: Scalars['String']['input'];
  /** When it happened (business time); the server's clock when left out. */
  occurredAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Why, kept in the history. */
  reason: LocalizedTextInput;
};

export type ValueEventKind =
  | 'corrected'
  | 'reported';

export type Viewer = {
  __typename?: 'Viewer';
  id: Maybe<Scalars['ID']['output']>;
  /** The municipalities an editor writes for or a reviewer reviews; empty for other roles. */
  municipalities: Array<Scalars['String']['output']>;
  role: Role;
};

/**
 * A plan's costing for one fiscal year: exact amounts in the municipality's currency; lines costed in
 * words are counted and listed, adding no amount.
 */
export type YearCosting = {
  __typename?: 'YearCosting';
  allocated: Money;
  /** By kind of funder; shares are of this year's totals. */
  byFundingKind: Array<FundingShare>;
  /** By funder, by kind then name; shares are of this year's totals. */
  byFundingSource: Array<FundingShare>;
  currency: Currency;
  executed: Money;
  /** Executed / allocated, as a fraction. */
  executionRate: Figure;
  fiscalYear: Scalars['Int']['output'];
  lines: BudgetLineCounts;
  nonNumericCostings: Array<NonNumericCosting>;
  planned: Money;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Accumulation: Accumulation;
  Actor: ResolverTypeWrapper<ActorModel>;
  AddAreaInput: AddAreaInput;
  AddMeasureInput: AddMeasureInput;
  AddObjectiveInput: AddObjectiveInput;
  Aggregation: Aggregation;
  AllocateBudgetInput: AllocateBudgetInput;
  ApprovePlanInput: ApprovePlanInput;
  ApproveReportInput: ApproveReportInput;
  Area: ResolverTypeWrapper<AreaModel>;
  AsOf: AsOf;
  AwaitedAction: AwaitedAction;
  AwaitingItem: ResolverTypeWrapper<AwaitingModel>;
  Baseline: ResolverTypeWrapper<BaselineModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Breakdown: ResolverTypeWrapper<Breakdown>;
  BreakdownAggregate: ResolverTypeWrapper<BreakdownAggregateModel>;
  BreakdownCategory: ResolverTypeWrapper<BreakdownCategory>;
  BreakdownCategoryInput: BreakdownCategoryInput;
  BreakdownInput: BreakdownInput;
  BudgetChangeKind: BudgetChangeKind;
  BudgetEvent: ResolverTypeWrapper<Omit<BudgetEvent, 'actor' | 'budgetLine'> & { actor?: Maybe<ResolversTypes['Actor']>, budgetLine?: Maybe<ResolversTypes['BudgetLine']> }>;
  BudgetExecutionFlag: BudgetExecutionFlag;
  BudgetLine: ResolverTypeWrapper<BudgetLineModel>;
  BudgetLineCounts: ResolverTypeWrapper<BudgetLineCounts>;
  BudgetLinePayload: ResolverTypeWrapper<Omit<BudgetLinePayload, 'budgetLine'> & { budgetLine?: Maybe<ResolversTypes['BudgetLine']> }>;
  BudgetSummary: ResolverTypeWrapper<BudgetSummaryModel>;
  CategoryShare: ResolverTypeWrapper<CategoryShareModel>;
  ChangeMeasureStatusInput: ChangeMeasureStatusInput;
  ClosePlanInput: ClosePlanInput;
  ComputedIndicator: ResolverTypeWrapper<ComputedIndicator>;
  ComputedIndicatorInput: ComputedIndicatorInput;
  CorrectIndicatorValueInput: CorrectIndicatorValueInput;
  CouncilDecision: ResolverTypeWrapper<CouncilDecision>;
  CouncilDecisionInput: CouncilDecisionInput;
  Country: Country;
  Currency: Currency;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  DefineIndicatorInput: DefineIndicatorInput;
  DefineNationalIndicatorInput: DefineNationalIndicatorInput;
  Dhis2AdxOption: ResolverTypeWrapper<Dhis2AdxOption>;
  Dhis2AdxOptionInput: Dhis2AdxOptionInput;
  Dhis2CategoryOptionComboConnection: ResolverTypeWrapper<Omit<Dhis2CategoryOptionComboConnection, 'edges'> & { edges: Array<ResolversTypes['Dhis2CategoryOptionComboEdge']> }>;
  Dhis2CategoryOptionComboEdge: ResolverTypeWrapper<Omit<Dhis2CategoryOptionComboEdge, 'node'> & { node: ResolversTypes['Dhis2CategoryOptionComboMapping'] }>;
  Dhis2CategoryOptionComboMapping: ResolverTypeWrapper<Dhis2CategoryOptionComboMappingModel>;
  Dhis2DataElementConnection: ResolverTypeWrapper<Omit<Dhis2DataElementConnection, 'edges'> & { edges: Array<ResolversTypes['Dhis2DataElementEdge']> }>;
  Dhis2DataElementEdge: ResolverTypeWrapper<Omit<Dhis2DataElementEdge, 'node'> & { node: ResolversTypes['Dhis2DataElementMapping'] }>;
  Dhis2DataElementInput: Dhis2DataElementInput;
  Dhis2DataElementMapping: ResolverTypeWrapper<Dhis2DataElementMappingModel>;
  Dhis2IndicatorInput: Dhis2IndicatorInput;
  Dhis2Mapping: ResolverTypeWrapper<Dhis2MappingModel>;
  Dhis2MappingPayload: ResolverTypeWrapper<Omit<Dhis2MappingPayload, 'dhis2Mapping'> & { dhis2Mapping: ResolversTypes['Dhis2Mapping'] }>;
  Dhis2OrgUnitConnection: ResolverTypeWrapper<Omit<Dhis2OrgUnitConnection, 'edges'> & { edges: Array<ResolversTypes['Dhis2OrgUnitEdge']> }>;
  Dhis2OrgUnitEdge: ResolverTypeWrapper<Omit<Dhis2OrgUnitEdge, 'node'> & { node: ResolversTypes['Dhis2OrgUnitMapping'] }>;
  Dhis2OrgUnitMapping: ResolverTypeWrapper<Dhis2OrgUnitMappingModel>;
  Disaggregation: ResolverTypeWrapper<Disaggregation>;
  DisaggregationDimension: DisaggregationDimension;
  DisaggregationInput: DisaggregationInput;
  DraftPlanInput: DraftPlanInput;
  EventConnection: ResolverTypeWrapper<Omit<EventConnection, 'edges'> & { edges: Array<ResolversTypes['EventEdge']> }>;
  EventEdge: ResolverTypeWrapper<Omit<EventEdge, 'node'> & { node: ResolversTypes['LogEvent'] }>;
  ExcludedMunicipalities: ResolverTypeWrapper<ExcludedMunicipalities>;
  ExclusionReason: ExclusionReason;
  Figure: ResolverTypeWrapper<Figure>;
  ForcedRebuildInput: ForcedRebuildInput;
  FundingShare: ResolverTypeWrapper<FundingShareModel>;
  FundingSource: ResolverTypeWrapper<FundingSourceModel>;
  FundingSourceInput: FundingSourceInput;
  FundingSourceKind: FundingSourceKind;
  HistoryChange: ResolverTypeWrapper<HistoryChange>;
  HistoryConnection: ResolverTypeWrapper<Omit<HistoryConnection, 'edges'> & { edges: Array<ResolversTypes['HistoryEdge']> }>;
  HistoryEdge: ResolverTypeWrapper<Omit<HistoryEdge, 'node'> & { node: ResolversTypes['HistoryEntry'] }>;
  HistoryEntityKind: HistoryEntityKind;
  HistoryEntry: ResolverTypeWrapper<Omit<HistoryEntry, 'actor' | 'note' | 'reason'> & { actor?: Maybe<ResolversTypes['Actor']>, note?: Maybe<ResolversTypes['LocalizedText']>, reason?: Maybe<ResolversTypes['LocalizedText']> }>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Indicator: ResolverTypeWrapper<IndicatorModel>;
  IndicatorAttachment: ResolverTypeWrapper<IndicatorAttachment>;
  IndicatorAttachmentInput: IndicatorAttachmentInput;
  IndicatorAttachmentKind: IndicatorAttachmentKind;
  IndicatorDirection: IndicatorDirection;
  IndicatorHistoryEntry: ResolverTypeWrapper<IndicatorHistoryEntryModel>;
  IndicatorPayload: ResolverTypeWrapper<Omit<IndicatorPayload, 'indicator'> & { indicator?: Maybe<ResolversTypes['Indicator']> }>;
  IndicatorUnit: IndicatorUnit;
  IndicatorValue: ResolverTypeWrapper<IndicatorValueModel>;
  IndicatorValueEvent: ResolverTypeWrapper<Omit<IndicatorValueEvent, 'actor' | 'change' | 'indicator'> & { actor?: Maybe<ResolversTypes['Actor']>, change: ResolversTypes['IndicatorHistoryEntry'], indicator: ResolversTypes['Indicator'] }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  LatestValue: ResolverTypeWrapper<LatestValueModel>;
  LinkNationalIndicatorInput: LinkNationalIndicatorInput;
  LocalizedText: ResolverTypeWrapper<LocalizedTextModel>;
  LocalizedTextInput: LocalizedTextInput;
  LogEvent: ResolverTypeWrapper<LogEventModel>;
  LogSeal: ResolverTypeWrapper<LogSeal>;
  LogVerification: ResolverTypeWrapper<LogVerification>;
  MapDhis2CategoryOptionComboInput: MapDhis2CategoryOptionComboInput;
  MapDhis2DataElementInput: MapDhis2DataElementInput;
  MapDhis2OrgUnitInput: MapDhis2OrgUnitInput;
  Measure: ResolverTypeWrapper<MeasureModel>;
  MeasurePayload: ResolverTypeWrapper<Omit<MeasurePayload, 'measure' | 'plan'> & { measure?: Maybe<ResolversTypes['Measure']>, plan?: Maybe<ResolversTypes['Plan']> }>;
  MeasureStatus: MeasureStatus;
  MeasureStatusChange: ResolverTypeWrapper<MeasureStatusChangeModel>;
  MeasureStatusCount: ResolverTypeWrapper<MeasureStatusCount>;
  MeasureStatusEvent: ResolverTypeWrapper<Omit<MeasureStatusEvent, 'actor' | 'change' | 'measure' | 'plan'> & { actor?: Maybe<ResolversTypes['Actor']>, change: ResolversTypes['MeasureStatusChange'], measure: ResolversTypes['Measure'], plan: ResolversTypes['Plan'] }>;
  Money: ResolverTypeWrapper<Money>;
  MoneyInput: MoneyInput;
  MunicipalBudgetTotal: ResolverTypeWrapper<MunicipalBudgetTotal>;
  MunicipalFigure: ResolverTypeWrapper<MunicipalFigureModel>;
  Municipality: ResolverTypeWrapper<MunicipalityModel>;
  MunicipalityConnection: ResolverTypeWrapper<Omit<MunicipalityConnection, 'edges'> & { edges: Array<ResolversTypes['MunicipalityEdge']> }>;
  MunicipalityEdge: ResolverTypeWrapper<Omit<MunicipalityEdge, 'node'> & { node: ResolversTypes['Municipality'] }>;
  MunicipalityKind: MunicipalityKind;
  MunicipalityPayload: ResolverTypeWrapper<Omit<MunicipalityPayload, 'municipality'> & { municipality?: Maybe<ResolversTypes['Municipality']> }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NamedHash: ResolverTypeWrapper<NamedHash>;
  NationalAggregate: ResolverTypeWrapper<NationalAggregateModel>;
  NationalIndicator: ResolverTypeWrapper<NationalIndicatorModel>;
  NationalIndicatorPayload: ResolverTypeWrapper<Omit<NationalIndicatorPayload, 'nationalIndicator'> & { nationalIndicator?: Maybe<ResolversTypes['NationalIndicator']> }>;
  NonNumericCosting: ResolverTypeWrapper<NonNumericCosting>;
  Objective: ResolverTypeWrapper<ObjectiveModel>;
  ObjectiveLevel: ObjectiveLevel;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Period: ResolverTypeWrapper<Scalars['Period']['output']>;
  PeriodChoice: PeriodChoice;
  Plan: ResolverTypeWrapper<PlanModel>;
  PlanBudgetLineInput: PlanBudgetLineInput;
  PlanClosure: ResolverTypeWrapper<PlanClosureModel>;
  PlanConnection: ResolverTypeWrapper<Omit<PlanConnection, 'edges'> & { edges: Array<ResolversTypes['PlanEdge']> }>;
  PlanCosting: ResolverTypeWrapper<PlanCostingModel>;
  PlanCounts: ResolverTypeWrapper<PlanCounts>;
  PlanEdge: ResolverTypeWrapper<Omit<PlanEdge, 'node'> & { node: ResolversTypes['Plan'] }>;
  PlanKind: PlanKind;
  PlanPayload: ResolverTypeWrapper<Omit<PlanPayload, 'plan'> & { plan?: Maybe<ResolversTypes['Plan']> }>;
  PlanPeriod: ResolverTypeWrapper<PlanPeriod>;
  PlanPeriodInput: PlanPeriodInput;
  PlanStatus: PlanStatus;
  PlannedCost: ResolverTypeWrapper<PlannedCostModel>;
  PlannedCostInput: PlannedCostInput;
  Position: ResolverTypeWrapper<Scalars['Position']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Rating: Rating;
  RatingCount: ResolverTypeWrapper<RatingCount>;
  RatingFigure: ResolverTypeWrapper<RatingFigure>;
  RatingThresholds: ResolverTypeWrapper<RatingThresholds>;
  RatingThresholdsInput: RatingThresholdsInput;
  ReadModelHash: ResolverTypeWrapper<ReadModelHash>;
  ReadModelRebuild: ResolverTypeWrapper<ReadModelRebuild>;
  RecordExpenditureInput: RecordExpenditureInput;
  RegisterMunicipalityInput: RegisterMunicipalityInput;
  ReopenPlanInput: ReopenPlanInput;
  ReopenReportInput: ReopenReportInput;
  ReportIndicatorValueInput: ReportIndicatorValueInput;
  ReportRound: ResolverTypeWrapper<ReportRoundModel>;
  ReportedValue: ResolverTypeWrapper<ReportedValueModel>;
  ResolvedTarget: ResolverTypeWrapper<ResolvedTargetModel>;
  ResolvedTargetKind: ResolvedTargetKind;
  RetagBudgetLineInput: RetagBudgetLineInput;
  ReturnPlanInput: ReturnPlanInput;
  ReturnReportInput: ReturnReportInput;
  Review: ResolverTypeWrapper<ReviewModel>;
  ReviewStatus: ReviewStatus;
  ReviseAreaInput: ReviseAreaInput;
  ReviseIndicatorInput: ReviseIndicatorInput;
  ReviseMeasureInput: ReviseMeasureInput;
  ReviseNationalIndicatorInput: ReviseNationalIndicatorInput;
  ReviseObjectiveInput: ReviseObjectiveInput;
  RevisePlanDetailsInput: RevisePlanDetailsInput;
  RevisePlannedCostInput: RevisePlannedCostInput;
  RevokeTokensInput: RevokeTokensInput;
  Role: Role;
  RollUp: ResolverTypeWrapper<RollUpModel>;
  SdgReference: ResolverTypeWrapper<SdgReference>;
  SdgReferenceInput: SdgReferenceInput;
  SetBaselineInput: SetBaselineInput;
  SetMunicipalBudgetTotalInput: SetMunicipalBudgetTotalInput;
  SetMunicipalityIatiIdentifierInput: SetMunicipalityIatiIdentifierInput;
  SetTargetInput: SetTargetInput;
  StageFigures: ResolverTypeWrapper<StageFigures>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  SubmitPlanInput: SubmitPlanInput;
  SubmitReportInput: SubmitReportInput;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Target: ResolverTypeWrapper<TargetModel>;
  TargetBase: TargetBase;
  TargetInput: TargetInput;
  TargetKind: TargetKind;
  TargetView: ResolverTypeWrapper<TargetViewModel>;
  TokenRevocation: ResolverTypeWrapper<TokenRevocation>;
  UnmapDhis2CategoryOptionComboInput: UnmapDhis2CategoryOptionComboInput;
  UnmapDhis2DataElementInput: UnmapDhis2DataElementInput;
  UnmapDhis2OrgUnitInput: UnmapDhis2OrgUnitInput;
  ValueEventKind: ValueEventKind;
  Viewer: ResolverTypeWrapper<Viewer>;
  YearCosting: ResolverTypeWrapper<YearCostingModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Actor: ActorModel;
  AddAreaInput: AddAreaInput;
  AddMeasureInput: AddMeasureInput;
  AddObjectiveInput: AddObjectiveInput;
  AllocateBudgetInput: AllocateBudgetInput;
  ApprovePlanInput: ApprovePlanInput;
  ApproveReportInput: ApproveReportInput;
  Area: AreaModel;
  AsOf: AsOf;
  AwaitingItem: AwaitingModel;
  Baseline: BaselineModel;
  Boolean: Scalars['Boolean']['output'];
  Breakdown: Breakdown;
  BreakdownAggregate: BreakdownAggregateModel;
  BreakdownCategory: BreakdownCategory;
  BreakdownCategoryInput: BreakdownCategoryInput;
  BreakdownInput: BreakdownInput;
  BudgetEvent: Omit<BudgetEvent, 'actor' | 'budgetLine'> & { actor?: Maybe<ResolversParentTypes['Actor']>, budgetLine?: Maybe<ResolversParentTypes['BudgetLine']> };
  BudgetLine: BudgetLineModel;
  BudgetLineCounts: BudgetLineCounts;
  BudgetLinePayload: Omit<BudgetLinePayload, 'budgetLine'> & { budgetLine?: Maybe<ResolversParentTypes['BudgetLine']> };
  BudgetSummary: BudgetSummaryModel;
  CategoryShare: CategoryShareModel;
  ChangeMeasureStatusInput: ChangeMeasureStatusInput;
  ClosePlanInput: ClosePlanInput;
  ComputedIndicator: ComputedIndicator;
  ComputedIndicatorInput: ComputedIndicatorInput;
  CorrectIndicatorValueInput: CorrectIndicatorValueInput;
  CouncilDecision: CouncilDecision;
  CouncilDecisionInput: CouncilDecisionInput;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  DefineIndicatorInput: DefineIndicatorInput;
  DefineNationalIndicatorInput: DefineNationalIndicatorInput;
  Dhis2AdxOption: Dhis2AdxOption;
  Dhis2AdxOptionInput: Dhis2AdxOptionInput;
  Dhis2CategoryOptionComboConnection: Omit<Dhis2CategoryOptionComboConnection, 'edges'> & { edges: Array<ResolversParentTypes['Dhis2CategoryOptionComboEdge']> };
  Dhis2CategoryOptionComboEdge: Omit<Dhis2CategoryOptionComboEdge, 'node'> & { node: ResolversParentTypes['Dhis2CategoryOptionComboMapping'] };
  Dhis2CategoryOptionComboMapping: Dhis2CategoryOptionComboMappingModel;
  Dhis2DataElementConnection: Omit<Dhis2DataElementConnection, 'edges'> & { edges: Array<ResolversParentTypes['Dhis2DataElementEdge']> };
  Dhis2DataElementEdge: Omit<Dhis2DataElementEdge, 'node'> & { node: ResolversParentTypes['Dhis2DataElementMapping'] };
  Dhis2DataElementInput: Dhis2DataElementInput;
  Dhis2DataElementMapping: Dhis2DataElementMappingModel;
  Dhis2IndicatorInput: Dhis2IndicatorInput;
  Dhis2Mapping: Dhis2MappingModel;
  Dhis2MappingPayload: Omit<Dhis2MappingPayload, 'dhis2Mapping'> & { dhis2Mapping: ResolversParentTypes['Dhis2Mapping'] };
  Dhis2OrgUnitConnection: Omit<Dhis2OrgUnitConnection, 'edges'> & { edges: Array<ResolversParentTypes['Dhis2OrgUnitEdge']> };
  Dhis2OrgUnitEdge: Omit<Dhis2OrgUnitEdge, 'node'> & { node: ResolversParentTypes['Dhis2OrgUnitMapping'] };
  Dhis2OrgUnitMapping: Dhis2OrgUnitMappingModel;
  Disaggregation: Disaggregation;
  DisaggregationInput: DisaggregationInput;
  DraftPlanInput: DraftPlanInput;
  EventConnection: Omit<EventConnection, 'edges'> & { edges: Array<ResolversParentTypes['EventEdge']> };
  EventEdge: Omit<EventEdge, 'node'> & { node: ResolversParentTypes['LogEvent'] };
  ExcludedMunicipalities: ExcludedMunicipalities;
  Figure: Figure;
  ForcedRebuildInput: ForcedRebuildInput;
  FundingShare: FundingShareModel;
  FundingSource: FundingSourceModel;
  FundingSourceInput: FundingSourceInput;
  HistoryChange: HistoryChange;
  HistoryConnection: Omit<HistoryConnection, 'edges'> & { edges: Array<ResolversParentTypes['HistoryEdge']> };
  HistoryEdge: Omit<HistoryEdge, 'node'> & { node: ResolversParentTypes['HistoryEntry'] };
  HistoryEntry: Omit<HistoryEntry, 'actor' | 'note' | 'reason'> & { actor?: Maybe<ResolversParentTypes['Actor']>, note?: Maybe<ResolversParentTypes['LocalizedText']>, reason?: Maybe<ResolversParentTypes['LocalizedText']> };
  ID: Scalars['ID']['output'];
  Indicator: IndicatorModel;
  IndicatorAttachment: IndicatorAttachment;
  IndicatorAttachmentInput: IndicatorAttachmentInput;
  IndicatorHistoryEntry: IndicatorHistoryEntryModel;
  IndicatorPayload: Omit<IndicatorPayload, 'indicator'> & { indicator?: Maybe<ResolversParentTypes['Indicator']> };
  IndicatorValue: IndicatorValueModel;
  IndicatorValueEvent: Omit<IndicatorValueEvent, 'actor' | 'change' | 'indicator'> & { actor?: Maybe<ResolversParentTypes['Actor']>, change: ResolversParentTypes['IndicatorHistoryEntry'], indicator: ResolversParentTypes['Indicator'] };
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  LatestValue: LatestValueModel;
  LinkNationalIndicatorInput: LinkNationalIndicatorInput;
  LocalizedText: LocalizedTextModel;
  LocalizedTextInput: LocalizedTextInput;
  LogEvent: LogEventModel;
  LogSeal: LogSeal;
  LogVerification: LogVerification;
  MapDhis2CategoryOptionComboInput: MapDhis2CategoryOptionComboInput;
  MapDhis2DataElementInput: MapDhis2DataElementInput;
  MapDhis2OrgUnitInput: MapDhis2OrgUnitInput;
  Measure: MeasureModel;
  MeasurePayload: Omit<MeasurePayload, 'measure' | 'plan'> & { measure?: Maybe<ResolversParentTypes['Measure']>, plan?: Maybe<ResolversParentTypes['Plan']> };
  MeasureStatusChange: MeasureStatusChangeModel;
  MeasureStatusCount: MeasureStatusCount;
  MeasureStatusEvent: Omit<MeasureStatusEvent, 'actor' | 'change' | 'measure' | 'plan'> & { actor?: Maybe<ResolversParentTypes['Actor']>, change: ResolversParentTypes['MeasureStatusChange'], measure: ResolversParentTypes['Measure'], plan: ResolversParentTypes['Plan'] };
  Money: Money;
  MoneyInput: MoneyInput;
  MunicipalBudgetTotal: MunicipalBudgetTotal;
  MunicipalFigure: MunicipalFigureModel;
  Municipality: MunicipalityModel;
  MunicipalityConnection: Omit<MunicipalityConnection, 'edges'> & { edges: Array<ResolversParentTypes['MunicipalityEdge']> };
  MunicipalityEdge: Omit<MunicipalityEdge, 'node'> & { node: ResolversParentTypes['Municipality'] };
  MunicipalityPayload: Omit<MunicipalityPayload, 'municipality'> & { municipality?: Maybe<ResolversParentTypes['Municipality']> };
  Mutation: Record<PropertyKey, never>;
  NamedHash: NamedHash;
  NationalAggregate: NationalAggregateModel;
  NationalIndicator: NationalIndicatorModel;
  NationalIndicatorPayload: Omit<NationalIndicatorPayload, 'nationalIndicator'> & { nationalIndicator?: Maybe<ResolversParentTypes['NationalIndicator']> };
  NonNumericCosting: NonNumericCosting;
  Objective: ObjectiveModel;
  PageInfo: PageInfo;
  Period: Scalars['Period']['output'];
  Plan: PlanModel;
  PlanBudgetLineInput: PlanBudgetLineInput;
  PlanClosure: PlanClosureModel;
  PlanConnection: Omit<PlanConnection, 'edges'> & { edges: Array<ResolversParentTypes['PlanEdge']> };
  PlanCosting: PlanCostingModel;
  PlanCounts: PlanCounts;
  PlanEdge: Omit<PlanEdge, 'node'> & { node: ResolversParentTypes['Plan'] };
  PlanPayload: Omit<PlanPayload, 'plan'> & { plan?: Maybe<ResolversParentTypes['Plan']> };
  PlanPeriod: PlanPeriod;
  PlanPeriodInput: PlanPeriodInput;
  PlannedCost: PlannedCostModel;
  PlannedCostInput: PlannedCostInput;
  Position: Scalars['Position']['output'];
  Query: Record<PropertyKey, never>;
  RatingCount: RatingCount;
  RatingFigure: RatingFigure;
  RatingThresholds: RatingThresholds;
  RatingThresholdsInput: RatingThresholdsInput;
  ReadModelHash: ReadModelHash;
  ReadModelRebuild: ReadModelRebuild;
  RecordExpenditureInput: RecordExpenditureInput;
  RegisterMunicipalityInput: RegisterMunicipalityInput;
  ReopenPlanInput: ReopenPlanInput;
  ReopenReportInput: ReopenReportInput;
  ReportIndicatorValueInput: ReportIndicatorValueInput;
  ReportRound: ReportRoundModel;
  ReportedValue: ReportedValueModel;
  ResolvedTarget: ResolvedTargetModel;
  RetagBudgetLineInput: RetagBudgetLineInput;
  ReturnPlanInput: ReturnPlanInput;
  ReturnReportInput: ReturnReportInput;
  Review: ReviewModel;
  ReviseAreaInput: ReviseAreaInput;
  ReviseIndicatorInput: ReviseIndicatorInput;
  ReviseMeasureInput: ReviseMeasureInput;
  ReviseNationalIndicatorInput: ReviseNationalIndicatorInput;
  ReviseObjectiveInput: ReviseObjectiveInput;
  RevisePlanDetailsInput: RevisePlanDetailsInput;
  RevisePlannedCostInput: RevisePlannedCostInput;
  RevokeTokensInput: RevokeTokensInput;
  RollUp: RollUpModel;
  SdgReference: SdgReference;
  SdgReferenceInput: SdgReferenceInput;
  SetBaselineInput: SetBaselineInput;
  SetMunicipalBudgetTotalInput: SetMunicipalBudgetTotalInput;
  SetMunicipalityIatiIdentifierInput: SetMunicipalityIatiIdentifierInput;
  SetTargetInput: SetTargetInput;
  StageFigures: StageFigures;
  String: Scalars['String']['output'];
  SubmitPlanInput: SubmitPlanInput;
  SubmitReportInput: SubmitReportInput;
  Subscription: Record<PropertyKey, never>;
  Target: TargetModel;
  TargetInput: TargetInput;
  TargetView: TargetViewModel;
  TokenRevocation: TokenRevocation;
  UnmapDhis2CategoryOptionComboInput: UnmapDhis2CategoryOptionComboInput;
  UnmapDhis2DataElementInput: UnmapDhis2DataElementInput;
  UnmapDhis2OrgUnitInput: UnmapDhis2OrgUnitInput;
  Viewer: Viewer;
  YearCosting: YearCostingModel;
};

export type ListSizeDirectiveArgs = {
  assumedSize?: Maybe<Scalars['Int']['input']>;
  sizedFields?: Maybe<Array<Scalars['String']['input']>>;
  slicingArguments?: Maybe<Array<Scalars['String']['input']>>;
};

export type ListSizeDirectiveResolver<Result, Parent, ContextType = GraphQLContext, Args = ListSizeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ActorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Actor'] = ResolversParentTypes['Actor']> = {
  id?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  municipality?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AreaResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Area'] = ResolversParentTypes['Area']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  objectives?: Resolver<Array<ResolversTypes['Objective']>, ParentType, ContextType>;
  rollUp?: Resolver<ResolversTypes['RollUp'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
};

export type AwaitingItemResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AwaitingItem'] = ResolversParentTypes['AwaitingItem']> = {
  action?: Resolver<ResolversTypes['AwaitedAction'], ParentType, ContextType>;
  comments?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  period?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['Plan'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReviewStatus'], ParentType, ContextType>;
};

export type BaselineResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Baseline'] = ResolversParentTypes['Baseline']> = {
  note?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BreakdownResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Breakdown'] = ResolversParentTypes['Breakdown']> = {
  categories?: Resolver<Array<ResolversTypes['BreakdownCategory']>, ParentType, ContextType>;
  dimension?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type BreakdownAggregateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BreakdownAggregate'] = ResolversParentTypes['BreakdownAggregate']> = {
  categories?: Resolver<Maybe<Array<ResolversTypes['BreakdownCategory']>>, ParentType, ContextType>;
  dimension?: Resolver<ResolversTypes['DisaggregationDimension'], ParentType, ContextType>;
  explanation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  incomplete?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  without?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type BreakdownCategoryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BreakdownCategory'] = ResolversParentTypes['BreakdownCategory']> = {
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
};

export type BudgetEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BudgetEvent'] = ResolversParentTypes['BudgetEvent']> = {
  actor?: Resolver<Maybe<ResolversTypes['Actor']>, ParentType, ContextType>;
  budgetLine?: Resolver<Maybe<ResolversTypes['BudgetLine']>, ParentType, ContextType>;
  fiscalYear?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['BudgetChangeKind'], ParentType, ContextType>;
  municipalTotal?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  municipality?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  occurredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  planId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type BudgetLineResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BudgetLine'] = ResolversParentTypes['BudgetLine']> = {
  allocated?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  categories?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['Currency'], ParentType, ContextType>;
  executed?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  executionFlags?: Resolver<Array<ResolversTypes['BudgetExecutionFlag']>, ParentType, ContextType>;
  fiscalYear?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fundingSource?: Resolver<ResolversTypes['FundingSource'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  measureId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  municipality?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  planId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  planned?: Resolver<ResolversTypes['PlannedCost'], ParentType, ContextType>;
};

export type BudgetLineCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BudgetLineCounts'] = ResolversParentTypes['BudgetLineCounts']> = {
  allocated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  costed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  executed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  executedAboveAllocation?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  executedWithoutAllocation?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  nonNumericCosting?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BudgetLinePayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BudgetLinePayload'] = ResolversParentTypes['BudgetLinePayload']> = {
  budgetLine?: Resolver<Maybe<ResolversTypes['BudgetLine']>, ParentType, ContextType>;
  commandId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  eventTypes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['Position']>, ParentType, ContextType>;
  replayed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BudgetSummaryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BudgetSummary'] = ResolversParentTypes['BudgetSummary']> = {
  allocated?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  byFundingKind?: Resolver<Array<ResolversTypes['FundingShare']>, ParentType, ContextType>;
  byFundingSource?: Resolver<Array<ResolversTypes['FundingShare']>, ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['Currency'], ParentType, ContextType>;
  executed?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  executionRate?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  fiscalYear?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lines?: Resolver<ResolversTypes['BudgetLineCounts'], ParentType, ContextType>;
  municipality?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nonNumericCostings?: Resolver<Array<ResolversTypes['NonNumericCosting']>, ParentType, ContextType>;
  planned?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  plans?: Resolver<Array<ResolversTypes['Plan']>, ParentType, ContextType>;
  shares?: Resolver<Array<ResolversTypes['CategoryShare']>, ParentType, ContextType>;
  total?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  totalReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CategoryShareResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CategoryShare'] = ResolversParentTypes['CategoryShare']> = {
  allocatedLines?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  attainment?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  indicator?: Resolver<Maybe<ResolversTypes['Indicator']>, ParentType, ContextType>;
  lines?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  share?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
};

export type ComputedIndicatorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ComputedIndicator'] = ResolversParentTypes['ComputedIndicator']> = {
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CouncilDecisionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CouncilDecision'] = ResolversParentTypes['CouncilDecision']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type Dhis2AdxOptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Dhis2AdxOption'] = ResolversParentTypes['Dhis2AdxOption']> = {
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  option?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Dhis2CategoryOptionComboConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Dhis2CategoryOptionComboConnection'] = ResolversParentTypes['Dhis2CategoryOptionComboConnection']> = {
  edges?: Resolver<Array<ResolversTypes['Dhis2CategoryOptionComboEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type Dhis2CategoryOptionComboEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Dhis2CategoryOptionComboEdge'] = ResolversParentTypes['Dhis2CategoryOptionComboEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Dhis2CategoryOptionComboMapping'], ParentType, ContextType>;
};

export type Dhis2CategoryOptionComboMappingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Dhis2CategoryOptionComboMapping'] = ResolversParentTypes['Dhis2CategoryOptionComboMapping']> = {
  adx?: Resolver<ResolversTypes['Dhis2AdxOption'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  categoryOptionCombo?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dimension?: Resolver<ResolversTypes['DisaggregationDimension'], ParentType, ContextType>;
  historyId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type Dhis2DataElementConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Dhis2DataElementConnection'] = ResolversParentTypes['Dhis2DataElementConnection']> = {
  edges?: Resolver<Array<ResolversTypes['Dhis2DataElementEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type Dhis2DataElementEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Dhis2DataElementEdge'] = ResolversParentTypes['Dhis2DataElementEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Dhis2DataElementMapping'], ParentType, ContextType>;
};

export type Dhis2DataElementMappingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Dhis2DataElementMapping'] = ResolversParentTypes['Dhis2DataElementMapping']> = {
  dataElement?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dataSet?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  denominator?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  disaggregation?: Resolver<Maybe<ResolversTypes['DisaggregationDimension']>, ParentType, ContextType>;
  historyId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  indicatorId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  nationalCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  numerator?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type Dhis2MappingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Dhis2Mapping'] = ResolversParentTypes['Dhis2Mapping']> = {
  categoryOptionCombos?: Resolver<ResolversTypes['Dhis2CategoryOptionComboConnection'], ParentType, ContextType, Partial<Dhis2MappingCategoryOptionCombosArgs>>;
  dataElements?: Resolver<ResolversTypes['Dhis2DataElementConnection'], ParentType, ContextType, Partial<Dhis2MappingDataElementsArgs>>;
  orgUnits?: Resolver<ResolversTypes['Dhis2OrgUnitConnection'], ParentType, ContextType, Partial<Dhis2MappingOrgUnitsArgs>>;
};

export type Dhis2MappingPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Dhis2MappingPayload'] = ResolversParentTypes['Dhis2MappingPayload']> = {
  commandId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  dhis2Mapping?: Resolver<ResolversTypes['Dhis2Mapping'], ParentType, ContextType>;
  eventTypes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['Position']>, ParentType, ContextType>;
  replayed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type Dhis2OrgUnitConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Dhis2OrgUnitConnection'] = ResolversParentTypes['Dhis2OrgUnitConnection']> = {
  edges?: Resolver<Array<ResolversTypes['Dhis2OrgUnitEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type Dhis2OrgUnitEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Dhis2OrgUnitEdge'] = ResolversParentTypes['Dhis2OrgUnitEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Dhis2OrgUnitMapping'], ParentType, ContextType>;
};

export type Dhis2OrgUnitMappingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Dhis2OrgUnitMapping'] = ResolversParentTypes['Dhis2OrgUnitMapping']> = {
  historyId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  municipality?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orgUnit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DisaggregationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Disaggregation'] = ResolversParentTypes['Disaggregation']> = {
  categories?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  dimension?: Resolver<ResolversTypes['DisaggregationDimension'], ParentType, ContextType>;
  exhaustive?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type EventConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EventConnection'] = ResolversParentTypes['EventConnection']> = {
  edges?: Resolver<Array<ResolversTypes['EventEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type EventEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EventEdge'] = ResolversParentTypes['EventEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['LogEvent'], ParentType, ContextType>;
};

export type ExcludedMunicipalitiesResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ExcludedMunicipalities'] = ResolversParentTypes['ExcludedMunicipalities']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  municipalities?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type FigureResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Figure'] = ResolversParentTypes['Figure']> = {
  explanation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
};

export type FundingShareResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FundingShare'] = ResolversParentTypes['FundingShare']> = {
  allocated?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  executed?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['FundingSourceKind'], ParentType, ContextType>;
  lines?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  planned?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  share?: Resolver<ResolversTypes['StageFigures'], ParentType, ContextType>;
};

export type FundingSourceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FundingSource'] = ResolversParentTypes['FundingSource']> = {
  kind?: Resolver<ResolversTypes['FundingSourceKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type HistoryChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['HistoryChange'] = ResolversParentTypes['HistoryChange']> = {
  after?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type HistoryConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['HistoryConnection'] = ResolversParentTypes['HistoryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['HistoryEdge']>, ParentType, ContextType>;
  entityKind?: Resolver<ResolversTypes['HistoryEntityKind'], ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  stream?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type HistoryEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['HistoryEdge'] = ResolversParentTypes['HistoryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['HistoryEntry'], ParentType, ContextType>;
};

export type HistoryEntryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['HistoryEntry'] = ResolversParentTypes['HistoryEntry']> = {
  actor?: Resolver<Maybe<ResolversTypes['Actor']>, ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['HistoryChange']>, ParentType, ContextType>;
  commandId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  correlationId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  occurredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type IndicatorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Indicator'] = ResolversParentTypes['Indicator']> = {
  accumulation?: Resolver<ResolversTypes['Accumulation'], ParentType, ContextType>;
  actual?: Resolver<ResolversTypes['Figure'], ParentType, ContextType, Partial<IndicatorActualArgs>>;
  attachedTo?: Resolver<ResolversTypes['IndicatorAttachment'], ParentType, ContextType>;
  attainment?: Resolver<ResolversTypes['Figure'], ParentType, ContextType, Partial<IndicatorAttainmentArgs>>;
  baseline?: Resolver<Maybe<ResolversTypes['Baseline']>, ParentType, ContextType>;
  baselineReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  computed?: Resolver<Maybe<ResolversTypes['ComputedIndicator']>, ParentType, ContextType>;
  corrections?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currency?: Resolver<Maybe<ResolversTypes['Currency']>, ParentType, ContextType>;
  dataSource?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  direction?: Resolver<ResolversTypes['IndicatorDirection'], ParentType, ContextType>;
  disaggregations?: Resolver<Array<ResolversTypes['Disaggregation']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['IndicatorHistoryEntry']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latestValue?: Resolver<Maybe<ResolversTypes['LatestValue']>, ParentType, ContextType>;
  municipality?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
  nationalCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nationalIndicator?: Resolver<Maybe<ResolversTypes['NationalIndicator']>, ParentType, ContextType>;
  period?: Resolver<Maybe<ResolversTypes['Period']>, ParentType, ContextType, Partial<IndicatorPeriodArgs>>;
  periodChoice?: Resolver<ResolversTypes['PeriodChoice'], ParentType, ContextType, Partial<IndicatorPeriodChoiceArgs>>;
  plan?: Resolver<ResolversTypes['Plan'], ParentType, ContextType>;
  planId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['Figure'], ParentType, ContextType, Partial<IndicatorProgressArgs>>;
  rating?: Resolver<ResolversTypes['RatingFigure'], ParentType, ContextType, Partial<IndicatorRatingArgs>>;
  sensitive?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  target?: Resolver<Maybe<ResolversTypes['TargetView']>, ParentType, ContextType, Partial<IndicatorTargetArgs>>;
  targets?: Resolver<Array<ResolversTypes['TargetView']>, ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['IndicatorUnit'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['IndicatorValue']>, ParentType, ContextType, Partial<IndicatorValuesArgs>>;
};

export type IndicatorAttachmentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IndicatorAttachment'] = ResolversParentTypes['IndicatorAttachment']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['IndicatorAttachmentKind'], ParentType, ContextType>;
};

export type IndicatorHistoryEntryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IndicatorHistoryEntry'] = ResolversParentTypes['IndicatorHistoryEntry']> = {
  actor?: Resolver<Maybe<ResolversTypes['Actor']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ValueEventKind'], ParentType, ContextType>;
  occurredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  period?: Resolver<ResolversTypes['Period'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  previous?: Resolver<Maybe<ResolversTypes['ReportedValue']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['ReportedValue'], ParentType, ContextType>;
};

export type IndicatorPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IndicatorPayload'] = ResolversParentTypes['IndicatorPayload']> = {
  commandId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  eventTypes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  indicator?: Resolver<Maybe<ResolversTypes['Indicator']>, ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['Position']>, ParentType, ContextType>;
  replayed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type IndicatorValueResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IndicatorValue'] = ResolversParentTypes['IndicatorValue']> = {
  breakdowns?: Resolver<Array<ResolversTypes['Breakdown']>, ParentType, ContextType>;
  computed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  corrections?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  denominator?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  numerator?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  period?: Resolver<ResolversTypes['Period'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
};

export type IndicatorValueEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['IndicatorValueEvent'] = ResolversParentTypes['IndicatorValueEvent']> = {
  actor?: Resolver<Maybe<ResolversTypes['Actor']>, ParentType, ContextType>;
  change?: Resolver<ResolversTypes['IndicatorHistoryEntry'], ParentType, ContextType>;
  indicator?: Resolver<ResolversTypes['Indicator'], ParentType, ContextType>;
  municipality?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  occurredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  planId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LatestValueResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LatestValue'] = ResolversParentTypes['LatestValue']> = {
  period?: Resolver<ResolversTypes['Period'], ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
};

export type LocalizedTextResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LocalizedText'] = ResolversParentTypes['LocalizedText']> = {
  en?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sq?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type LogEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LogEvent'] = ResolversParentTypes['LogEvent']> = {
  data?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  metadata?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stream?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type LogSealResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LogSeal'] = ResolversParentTypes['LogSeal']> = {
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  sealed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  upTo?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
};

export type LogVerificationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LogVerification'] = ResolversParentTypes['LogVerification']> = {
  checkedEvents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstBadPosition?: Resolver<Maybe<ResolversTypes['Position']>, ParentType, ContextType>;
  head?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MeasureResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Measure'] = ResolversParentTypes['Measure']> = {
  budgetLines?: Resolver<Array<ResolversTypes['BudgetLine']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dataSource?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  deadline?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  indicators?: Resolver<Array<ResolversTypes['Indicator']>, ParentType, ContextType>;
  leadActors?: Resolver<Array<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  legalReferences?: Resolver<Array<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  monitoringBody?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  objectiveId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  output?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  schedule?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MeasureStatus'], ParentType, ContextType>;
  statusHistory?: Resolver<Array<ResolversTypes['MeasureStatusChange']>, ParentType, ContextType>;
  supportingActors?: Resolver<Array<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
};

export type MeasurePayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MeasurePayload'] = ResolversParentTypes['MeasurePayload']> = {
  commandId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  eventTypes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  measure?: Resolver<Maybe<ResolversTypes['Measure']>, ParentType, ContextType>;
  plan?: Resolver<Maybe<ResolversTypes['Plan']>, ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['Position']>, ParentType, ContextType>;
  replayed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MeasureStatusChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MeasureStatusChange'] = ResolversParentTypes['MeasureStatusChange']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['MeasureStatus'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['MeasureStatus'], ParentType, ContextType>;
};

export type MeasureStatusCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MeasureStatusCount'] = ResolversParentTypes['MeasureStatusCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MeasureStatus'], ParentType, ContextType>;
};

export type MeasureStatusEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MeasureStatusEvent'] = ResolversParentTypes['MeasureStatusEvent']> = {
  actor?: Resolver<Maybe<ResolversTypes['Actor']>, ParentType, ContextType>;
  change?: Resolver<ResolversTypes['MeasureStatusChange'], ParentType, ContextType>;
  measure?: Resolver<ResolversTypes['Measure'], ParentType, ContextType>;
  municipality?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  occurredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['Plan'], ParentType, ContextType>;
  planId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['Currency'], ParentType, ContextType>;
};

export type MunicipalBudgetTotalResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MunicipalBudgetTotal'] = ResolversParentTypes['MunicipalBudgetTotal']> = {
  fiscalYear?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type MunicipalFigureResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MunicipalFigure'] = ResolversParentTypes['MunicipalFigure']> = {
  breakdowns?: Resolver<Array<ResolversTypes['Breakdown']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  corrections?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currency?: Resolver<Maybe<ResolversTypes['Currency']>, ParentType, ContextType>;
  denominator?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  excludedBecause?: Resolver<Maybe<ResolversTypes['ExclusionReason']>, ParentType, ContextType>;
  indicatorId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  municipality?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  municipalityName?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  numerator?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['IndicatorUnit'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
};

export type MunicipalityResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Municipality'] = ResolversParentTypes['Municipality']> = {
  budgetSummary?: Resolver<Maybe<ResolversTypes['BudgetSummary']>, ParentType, ContextType, RequireFields<MunicipalityBudgetSummaryArgs, 'fiscalYear'>>;
  budgetTotal?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType, RequireFields<MunicipalityBudgetTotalArgs, 'fiscalYear'>>;
  budgetTotals?: Resolver<Array<ResolversTypes['MunicipalBudgetTotal']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  country?: Resolver<ResolversTypes['Country'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['Currency'], ParentType, ContextType>;
  iatiOrganisationIdentifier?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
  plans?: Resolver<Array<ResolversTypes['Plan']>, ParentType, ContextType, Partial<MunicipalityPlansArgs>>;
};

export type MunicipalityConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MunicipalityConnection'] = ResolversParentTypes['MunicipalityConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MunicipalityEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MunicipalityEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MunicipalityEdge'] = ResolversParentTypes['MunicipalityEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Municipality'], ParentType, ContextType>;
};

export type MunicipalityPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MunicipalityPayload'] = ResolversParentTypes['MunicipalityPayload']> = {
  commandId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  eventTypes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  municipality?: Resolver<Maybe<ResolversTypes['Municipality']>, ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['Position']>, ParentType, ContextType>;
  replayed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addArea?: Resolver<ResolversTypes['PlanPayload'], ParentType, ContextType, RequireFields<MutationAddAreaArgs, 'input'>>;
  addMeasure?: Resolver<ResolversTypes['MeasurePayload'], ParentType, ContextType, RequireFields<MutationAddMeasureArgs, 'input'>>;
  addObjective?: Resolver<ResolversTypes['PlanPayload'], ParentType, ContextType, RequireFields<MutationAddObjectiveArgs, 'input'>>;
  allocateBudget?: Resolver<ResolversTypes['BudgetLinePayload'], ParentType, ContextType, RequireFields<MutationAllocateBudgetArgs, 'input'>>;
  approvePlan?: Resolver<ResolversTypes['PlanPayload'], ParentType, ContextType, RequireFields<MutationApprovePlanArgs, 'input'>>;
  approveReport?: Resolver<ResolversTypes['PlanPayload'], ParentType, ContextType, RequireFields<MutationApproveReportArgs, 'input'>>;
  changeMeasureStatus?: Resolver<ResolversTypes['MeasurePayload'], ParentType, ContextType, RequireFields<MutationChangeMeasureStatusArgs, 'input'>>;
  closePlan?: Resolver<ResolversTypes['PlanPayload'], ParentType, ContextType, RequireFields<MutationClosePlanArgs, 'input'>>;
  correctIndicatorValue?: Resolver<ResolversTypes['IndicatorPayload'], ParentType, ContextType, RequireFields<MutationCorrectIndicatorValueArgs, 'input'>>;
  defineIndicator?: Resolver<ResolversTypes['IndicatorPayload'], ParentType, ContextType, RequireFields<MutationDefineIndicatorArgs, 'input'>>;
  defineNationalIndicator?: Resolver<ResolversTypes['NationalIndicatorPayload'], ParentType, ContextType, RequireFields<MutationDefineNationalIndicatorArgs, 'input'>>;
  draftPlan?: Resolver<ResolversTypes['PlanPayload'], ParentType, ContextType, RequireFields<MutationDraftPlanArgs, 'input'>>;
  linkNationalIndicator?: Resolver<ResolversTypes['IndicatorPayload'], ParentType, ContextType, RequireFields<MutationLinkNationalIndicatorArgs, 'input'>>;
  mapDhis2CategoryOptionCombo?: Resolver<ResolversTypes['Dhis2MappingPayload'], ParentType, ContextType, RequireFields<MutationMapDhis2CategoryOptionComboArgs, 'input'>>;
  mapDhis2DataElement?: Resolver<ResolversTypes['Dhis2MappingPayload'], ParentType, ContextType, RequireFields<MutationMapDhis2DataElementArgs, 'input'>>;
  mapDhis2OrgUnit?: Resolver<ResolversTypes['Dhis2MappingPayload'], ParentType, ContextType, RequireFields<MutationMapDhis2OrgUnitArgs, 'input'>>;
  planBudgetLine?: Resolver<ResolversTypes['BudgetLinePayload'], ParentType, ContextType, RequireFields<MutationPlanBudgetLineArgs, 'input'>>;
  rebuildReadModels?: Resolver<ResolversTypes['ReadModelRebuild'], ParentType, ContextType, Partial<MutationRebuildReadModelsArgs>>;
  recordExpenditure?: Resolver<ResolversTypes['BudgetLinePayload'], ParentType, ContextType, RequireFields<MutationRecordExpenditureArgs, 'input'>>;
  registerMunicipality?: Resolver<ResolversTypes['MunicipalityPayload'], ParentType, ContextType, RequireFields<MutationRegisterMunicipalityArgs, 'input'>>;
  reopenPlan?: Resolver<ResolversTypes['PlanPayload'], ParentType, ContextType, RequireFields<MutationReopenPlanArgs, 'input'>>;
  reopenReport?: Resolver<ResolversTypes['PlanPayload'], ParentType, ContextType, RequireFields<MutationReopenReportArgs, 'input'>>;
  reportIndicatorValue?: Resolver<ResolversTypes['IndicatorPayload'], ParentType, ContextType, RequireFields<MutationReportIndicatorValueArgs, 'input'>>;
  retagBudgetLine?: Resolver<ResolversTypes['BudgetLinePayload'], ParentType, ContextType, RequireFields<MutationRetagBudgetLineArgs, 'input'>>;
  returnPlan?: Resolver<ResolversTypes['PlanPayload'], ParentType, ContextType, RequireFields<MutationReturnPlanArgs, 'input'>>;
  returnReport?: Resolver<ResolversTypes['PlanPayload'], ParentType, ContextType, RequireFields<MutationReturnReportArgs, 'input'>>;
  reviseArea?: Resolver<ResolversTypes['PlanPayload'], ParentType, ContextType, RequireFields<MutationReviseAreaArgs, 'input'>>;
  reviseIndicator?: Resolver<ResolversTypes['IndicatorPayload'], ParentType, ContextType, RequireFields<MutationReviseIndicatorArgs, 'input'>>;
  reviseMeasure?: Resolver<ResolversTypes['MeasurePayload'], ParentType, ContextType, RequireFields<MutationReviseMeasureArgs, 'input'>>;
  reviseNationalIndicator?: Resolver<ResolversTypes['NationalIndicatorPayload'], ParentType, ContextType, RequireFields<MutationReviseNationalIndicatorArgs, 'input'>>;
  reviseObjective?: Resolver<ResolversTypes['PlanPayload'], ParentType, ContextType, RequireFields<MutationReviseObjectiveArgs, 'input'>>;
  revisePlanDetails?: Resolver<ResolversTypes['PlanPayload'], ParentType, ContextType, RequireFields<MutationRevisePlanDetailsArgs, 'input'>>;
  revisePlannedCost?: Resolver<ResolversTypes['BudgetLinePayload'], ParentType, ContextType, RequireFields<MutationRevisePlannedCostArgs, 'input'>>;
  revokeTokens?: Resolver<ResolversTypes['TokenRevocation'], ParentType, ContextType, RequireFields<MutationRevokeTokensArgs, 'input'>>;
  sealLog?: Resolver<Maybe<ResolversTypes['LogSeal']>, ParentType, ContextType>;
  setBaseline?: Resolver<ResolversTypes['IndicatorPayload'], ParentType, ContextType, RequireFields<MutationSetBaselineArgs, 'input'>>;
  setMunicipalBudgetTotal?: Resolver<ResolversTypes['MunicipalityPayload'], ParentType, ContextType, RequireFields<MutationSetMunicipalBudgetTotalArgs, 'input'>>;
  setMunicipalityIatiIdentifier?: Resolver<ResolversTypes['MunicipalityPayload'], ParentType, ContextType, RequireFields<MutationSetMunicipalityIatiIdentifierArgs, 'input'>>;
  setTarget?: Resolver<ResolversTypes['IndicatorPayload'], ParentType, ContextType, RequireFields<MutationSetTargetArgs, 'input'>>;
  submitPlan?: Resolver<ResolversTypes['PlanPayload'], ParentType, ContextType, RequireFields<MutationSubmitPlanArgs, 'input'>>;
  submitReport?: Resolver<ResolversTypes['PlanPayload'], ParentType, ContextType, RequireFields<MutationSubmitReportArgs, 'input'>>;
  unmapDhis2CategoryOptionCombo?: Resolver<ResolversTypes['Dhis2MappingPayload'], ParentType, ContextType, RequireFields<MutationUnmapDhis2CategoryOptionComboArgs, 'input'>>;
  unmapDhis2DataElement?: Resolver<ResolversTypes['Dhis2MappingPayload'], ParentType, ContextType, RequireFields<MutationUnmapDhis2DataElementArgs, 'input'>>;
  unmapDhis2OrgUnit?: Resolver<ResolversTypes['Dhis2MappingPayload'], ParentType, ContextType, RequireFields<MutationUnmapDhis2OrgUnitArgs, 'input'>>;
};

export type NamedHashResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NamedHash'] = ResolversParentTypes['NamedHash']> = {
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type NationalAggregateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NationalAggregate'] = ResolversParentTypes['NationalAggregate']> = {
  breakdowns?: Resolver<Array<ResolversTypes['BreakdownAggregate']>, ParentType, ContextType>;
  byCurrency?: Resolver<Array<ResolversTypes['Money']>, ParentType, ContextType>;
  byMunicipality?: Resolver<Array<ResolversTypes['MunicipalFigure']>, ParentType, ContextType>;
  bySex?: Resolver<ResolversTypes['BreakdownAggregate'], ParentType, ContextType>;
  byUrbanRural?: Resolver<ResolversTypes['BreakdownAggregate'], ParentType, ContextType>;
  counted?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  country?: Resolver<Maybe<ResolversTypes['Country']>, ParentType, ContextType>;
  denominator?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  excluded?: Resolver<ResolversTypes['ExcludedMunicipalities'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nationalCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nationalIndicator?: Resolver<Maybe<ResolversTypes['NationalIndicator']>, ParentType, ContextType>;
  numerator?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  period?: Resolver<ResolversTypes['Period'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['IndicatorUnit']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
};

export type NationalIndicatorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NationalIndicator'] = ResolversParentTypes['NationalIndicator']> = {
  aggregation?: Resolver<Maybe<ResolversTypes['Aggregation']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  countries?: Resolver<Array<ResolversTypes['Country']>, ParentType, ContextType>;
  denominator?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  inCatalogue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  indicators?: Resolver<Array<ResolversTypes['Indicator']>, ParentType, ContextType>;
  municipalities?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  numerator?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  sdg?: Resolver<Maybe<ResolversTypes['SdgReference']>, ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['IndicatorUnit']>, ParentType, ContextType>;
};

export type NationalIndicatorPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NationalIndicatorPayload'] = ResolversParentTypes['NationalIndicatorPayload']> = {
  commandId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  eventTypes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  nationalIndicator?: Resolver<Maybe<ResolversTypes['NationalIndicator']>, ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['Position']>, ParentType, ContextType>;
  replayed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type NonNumericCostingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NonNumericCosting'] = ResolversParentTypes['NonNumericCosting']> = {
  budgetLineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  costingText?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fiscalYear?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  measureId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ObjectiveResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Objective'] = ResolversParentTypes['Objective']> = {
  children?: Resolver<Array<ResolversTypes['Objective']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  indicators?: Resolver<Array<ResolversTypes['Indicator']>, ParentType, ContextType>;
  level?: Resolver<ResolversTypes['ObjectiveLevel'], ParentType, ContextType>;
  measures?: Resolver<Array<ResolversTypes['Measure']>, ParentType, ContextType>;
  parentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  rollUp?: Resolver<ResolversTypes['RollUp'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export interface PeriodScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Period'], any> {
  name: 'Period';
}

export type PlanResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Plan'] = ResolversParentTypes['Plan']> = {
  areas?: Resolver<Array<ResolversTypes['Area']>, ParentType, ContextType>;
  budgetLines?: Resolver<Array<ResolversTypes['BudgetLine']>, ParentType, ContextType, Partial<PlanBudgetLinesArgs>>;
  closed?: Resolver<Maybe<ResolversTypes['PlanClosure']>, ParentType, ContextType>;
  costing?: Resolver<Maybe<ResolversTypes['PlanCosting']>, ParentType, ContextType>;
  councilDecision?: Resolver<Maybe<ResolversTypes['CouncilDecision']>, ParentType, ContextType>;
  counts?: Resolver<ResolversTypes['PlanCounts'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  indicators?: Resolver<Array<ResolversTypes['Indicator']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PlanKind'], ParentType, ContextType>;
  measures?: Resolver<Array<ResolversTypes['Measure']>, ParentType, ContextType>;
  municipality?: Resolver<Maybe<ResolversTypes['Municipality']>, ParentType, ContextType>;
  municipalityCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nationalStrategies?: Resolver<Array<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  period?: Resolver<ResolversTypes['PlanPeriod'], ParentType, ContextType>;
  reports?: Resolver<Array<ResolversTypes['ReportRound']>, ParentType, ContextType>;
  review?: Resolver<ResolversTypes['Review'], ParentType, ContextType>;
  rollUp?: Resolver<ResolversTypes['RollUp'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PlanStatus'], ParentType, ContextType>;
  thresholds?: Resolver<ResolversTypes['RatingThresholds'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['LocalizedText'], ParentType, ContextType>;
};

export type PlanClosureResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PlanClosure'] = ResolversParentTypes['PlanClosure']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
};

export type PlanConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PlanConnection'] = ResolversParentTypes['PlanConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PlanEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PlanCostingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PlanCosting'] = ResolversParentTypes['PlanCosting']> = {
  allocated?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  byFundingKind?: Resolver<Array<ResolversTypes['FundingShare']>, ParentType, ContextType>;
  byFundingSource?: Resolver<Array<ResolversTypes['FundingShare']>, ParentType, ContextType>;
  byYear?: Resolver<Array<ResolversTypes['YearCosting']>, ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['Currency'], ParentType, ContextType>;
  executed?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  executionRate?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  lines?: Resolver<ResolversTypes['BudgetLineCounts'], ParentType, ContextType>;
  nonNumericCostings?: Resolver<Array<ResolversTypes['NonNumericCosting']>, ParentType, ContextType>;
  planId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  planned?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type PlanCountsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PlanCounts'] = ResolversParentTypes['PlanCounts']> = {
  areas?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  indicators?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  measures?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  objectives?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PlanEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PlanEdge'] = ResolversParentTypes['PlanEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Plan'], ParentType, ContextType>;
};

export type PlanPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PlanPayload'] = ResolversParentTypes['PlanPayload']> = {
  commandId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  eventTypes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  plan?: Resolver<Maybe<ResolversTypes['Plan']>, ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['Position']>, ParentType, ContextType>;
  replayed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PlanPeriodResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PlanPeriod'] = ResolversParentTypes['PlanPeriod']> = {
  from?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PlannedCostResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PlannedCost'] = ResolversParentTypes['PlannedCost']> = {
  amount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  costingText?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export interface PositionScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Position'], any> {
  name: 'Position';
}

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  awaiting?: Resolver<Array<ResolversTypes['AwaitingItem']>, ParentType, ContextType, Partial<QueryAwaitingArgs>>;
  budgetSummary?: Resolver<Maybe<ResolversTypes['BudgetSummary']>, ParentType, ContextType, RequireFields<QueryBudgetSummaryArgs, 'fiscalYear' | 'municipality'>>;
  commandTypes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  crossCountryAggregate?: Resolver<Maybe<ResolversTypes['NationalAggregate']>, ParentType, ContextType, RequireFields<QueryCrossCountryAggregateArgs, 'nationalCode' | 'period'>>;
  dhis2Mapping?: Resolver<ResolversTypes['Dhis2Mapping'], ParentType, ContextType, Partial<QueryDhis2MappingArgs>>;
  events?: Resolver<ResolversTypes['EventConnection'], ParentType, ContextType, Partial<QueryEventsArgs>>;
  history?: Resolver<ResolversTypes['HistoryConnection'], ParentType, ContextType, RequireFields<QueryHistoryArgs, 'entityId'>>;
  indicator?: Resolver<Maybe<ResolversTypes['Indicator']>, ParentType, ContextType, RequireFields<QueryIndicatorArgs, 'id'>>;
  municipalities?: Resolver<ResolversTypes['MunicipalityConnection'], ParentType, ContextType, Partial<QueryMunicipalitiesArgs>>;
  municipality?: Resolver<Maybe<ResolversTypes['Municipality']>, ParentType, ContextType, RequireFields<QueryMunicipalityArgs, 'code'>>;
  nationalAggregate?: Resolver<Maybe<ResolversTypes['NationalAggregate']>, ParentType, ContextType, RequireFields<QueryNationalAggregateArgs, 'country' | 'nationalCode' | 'period'>>;
  nationalIndicator?: Resolver<Maybe<ResolversTypes['NationalIndicator']>, ParentType, ContextType, RequireFields<QueryNationalIndicatorArgs, 'code'>>;
  nationalIndicators?: Resolver<Array<ResolversTypes['NationalIndicator']>, ParentType, ContextType, Partial<QueryNationalIndicatorsArgs>>;
  plan?: Resolver<Maybe<ResolversTypes['Plan']>, ParentType, ContextType, RequireFields<QueryPlanArgs, 'id'>>;
  plans?: Resolver<ResolversTypes['PlanConnection'], ParentType, ContextType, Partial<QueryPlansArgs>>;
  readModelHashes?: Resolver<Array<ResolversTypes['ReadModelHash']>, ParentType, ContextType>;
  verifyLog?: Resolver<ResolversTypes['LogVerification'], ParentType, ContextType, Partial<QueryVerifyLogArgs>>;
  viewer?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType>;
};

export type RatingCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RatingCount'] = ResolversParentTypes['RatingCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rating?: Resolver<ResolversTypes['Rating'], ParentType, ContextType>;
};

export type RatingFigureResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RatingFigure'] = ResolversParentTypes['RatingFigure']> = {
  explanation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Rating'], ParentType, ContextType>;
};

export type RatingThresholdsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RatingThresholds'] = ResolversParentTypes['RatingThresholds']> = {
  achieved?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  onTrack?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  partly?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
};

export type ReadModelHashResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReadModelHash'] = ResolversParentTypes['ReadModelHash']> = {
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['Position']>, ParentType, ContextType>;
};

export type ReadModelRebuildResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReadModelRebuild'] = ResolversParentTypes['ReadModelRebuild']> = {
  after?: Resolver<Array<ResolversTypes['NamedHash']>, ParentType, ContextType>;
  before?: Resolver<Array<ResolversTypes['NamedHash']>, ParentType, ContextType>;
  differing?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  equal?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  events?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  eventsPerSecond?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['Position']>, ParentType, ContextType>;
  recordPosition?: Resolver<Maybe<ResolversTypes['Position']>, ParentType, ContextType>;
  verification?: Resolver<ResolversTypes['LogVerification'], ParentType, ContextType>;
};

export type ReportRoundResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReportRound'] = ResolversParentTypes['ReportRound']> = {
  comments?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReviewStatus'], ParentType, ContextType>;
};

export type ReportedValueResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReportedValue'] = ResolversParentTypes['ReportedValue']> = {
  breakdowns?: Resolver<Array<ResolversTypes['Breakdown']>, ParentType, ContextType>;
  denominator?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  numerator?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
};

export type ResolvedTargetResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ResolvedTarget'] = ResolversParentTypes['ResolvedTarget']> = {
  explanation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<Maybe<ResolversTypes['ResolvedTargetKind']>, ParentType, ContextType>;
  lower?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  upper?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
};

export type ReviewResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Review'] = ResolversParentTypes['Review']> = {
  comments?: Resolver<Maybe<ResolversTypes['LocalizedText']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReviewStatus'], ParentType, ContextType>;
};

export type RollUpResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RollUp'] = ResolversParentTypes['RollUp']> = {
  attainment?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  counted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  indicators?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  measureStatuses?: Resolver<Array<ResolversTypes['MeasureStatusCount']>, ParentType, ContextType>;
  measures?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rating?: Resolver<ResolversTypes['Rating'], ParentType, ContextType>;
  ratings?: Resolver<Array<ResolversTypes['RatingCount']>, ParentType, ContextType>;
};

export type SdgReferenceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SdgReference'] = ResolversParentTypes['SdgReference']> = {
  indicator?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  series?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type StageFiguresResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['StageFigures'] = ResolversParentTypes['StageFigures']> = {
  allocated?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  executed?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  planned?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  budgetChanged?: SubscriptionResolver<ResolversTypes['BudgetEvent'], "budgetChanged", ParentType, ContextType, Partial<SubscriptionBudgetChangedArgs>>;
  indicatorValueReported?: SubscriptionResolver<ResolversTypes['IndicatorValueEvent'], "indicatorValueReported", ParentType, ContextType, Partial<SubscriptionIndicatorValueReportedArgs>>;
  measureStatusChanged?: SubscriptionResolver<ResolversTypes['MeasureStatusEvent'], "measureStatusChanged", ParentType, ContextType, Partial<SubscriptionMeasureStatusChangedArgs>>;
};

export type TargetResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Target'] = ResolversParentTypes['Target']> = {
  changePercent?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['TargetKind'], ParentType, ContextType>;
  lower?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  over?: Resolver<Maybe<ResolversTypes['TargetBase']>, ParentType, ContextType>;
  upper?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
};

export type TargetViewResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TargetView'] = ResolversParentTypes['TargetView']> = {
  appliesTo?: Resolver<ResolversTypes['Period'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resolved?: Resolver<ResolversTypes['ResolvedTarget'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['Target'], ParentType, ContextType>;
};

export type TokenRevocationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TokenRevocation'] = ResolversParentTypes['TokenRevocation']> = {
  commandId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  eventTypes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Position'], ParentType, ContextType>;
  replayed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ViewerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  municipalities?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
};

export type YearCostingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['YearCosting'] = ResolversParentTypes['YearCosting']> = {
  allocated?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  byFundingKind?: Resolver<Array<ResolversTypes['FundingShare']>, ParentType, ContextType>;
  byFundingSource?: Resolver<Array<ResolversTypes['FundingShare']>, ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['Currency'], ParentType, ContextType>;
  executed?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  executionRate?: Resolver<ResolversTypes['Figure'], ParentType, ContextType>;
  fiscalYear?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lines?: Resolver<ResolversTypes['BudgetLineCounts'], ParentType, ContextType>;
  nonNumericCostings?: Resolver<Array<ResolversTypes['NonNumericCosting']>, ParentType, ContextType>;
  planned?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  Actor?: ActorResolvers<ContextType>;
  Area?: AreaResolvers<ContextType>;
  AwaitingItem?: AwaitingItemResolvers<ContextType>;
  Baseline?: BaselineResolvers<ContextType>;
  Breakdown?: BreakdownResolvers<ContextType>;
  BreakdownAggregate?: BreakdownAggregateResolvers<ContextType>;
  BreakdownCategory?: BreakdownCategoryResolvers<ContextType>;
  BudgetEvent?: BudgetEventResolvers<ContextType>;
  BudgetLine?: BudgetLineResolvers<ContextType>;
  BudgetLineCounts?: BudgetLineCountsResolvers<ContextType>;
  BudgetLinePayload?: BudgetLinePayloadResolvers<ContextType>;
  BudgetSummary?: BudgetSummaryResolvers<ContextType>;
  CategoryShare?: CategoryShareResolvers<ContextType>;
  ComputedIndicator?: ComputedIndicatorResolvers<ContextType>;
  CouncilDecision?: CouncilDecisionResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Dhis2AdxOption?: Dhis2AdxOptionResolvers<ContextType>;
  Dhis2CategoryOptionComboConnection?: Dhis2CategoryOptionComboConnectionResolvers<ContextType>;
  Dhis2CategoryOptionComboEdge?: Dhis2CategoryOptionComboEdgeResolvers<ContextType>;
  Dhis2CategoryOptionComboMapping?: Dhis2CategoryOptionComboMappingResolvers<ContextType>;
  Dhis2DataElementConnection?: Dhis2DataElementConnectionResolvers<ContextType>;
  Dhis2DataElementEdge?: Dhis2DataElementEdgeResolvers<ContextType>;
  Dhis2DataElementMapping?: Dhis2DataElementMappingResolvers<ContextType>;
  Dhis2Mapping?: Dhis2MappingResolvers<ContextType>;
  Dhis2MappingPayload?: Dhis2MappingPayloadResolvers<ContextType>;
  Dhis2OrgUnitConnection?: Dhis2OrgUnitConnectionResolvers<ContextType>;
  Dhis2OrgUnitEdge?: Dhis2OrgUnitEdgeResolvers<ContextType>;
  Dhis2OrgUnitMapping?: Dhis2OrgUnitMappingResolvers<ContextType>;
  Disaggregation?: DisaggregationResolvers<ContextType>;
  EventConnection?: EventConnectionResolvers<ContextType>;
  EventEdge?: EventEdgeResolvers<ContextType>;
  ExcludedMunicipalities?: ExcludedMunicipalitiesResolvers<ContextType>;
  Figure?: FigureResolvers<ContextType>;
  FundingShare?: FundingShareResolvers<ContextType>;
  FundingSource?: FundingSourceResolvers<ContextType>;
  HistoryChange?: HistoryChangeResolvers<ContextType>;
  HistoryConnection?: HistoryConnectionResolvers<ContextType>;
  HistoryEdge?: HistoryEdgeResolvers<ContextType>;
  HistoryEntry?: HistoryEntryResolvers<ContextType>;
  Indicator?: IndicatorResolvers<ContextType>;
  IndicatorAttachment?: IndicatorAttachmentResolvers<ContextType>;
  IndicatorHistoryEntry?: IndicatorHistoryEntryResolvers<ContextType>;
  IndicatorPayload?: IndicatorPayloadResolvers<ContextType>;
  IndicatorValue?: IndicatorValueResolvers<ContextType>;
  IndicatorValueEvent?: IndicatorValueEventResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  LatestValue?: LatestValueResolvers<ContextType>;
  LocalizedText?: LocalizedTextResolvers<ContextType>;
  LogEvent?: LogEventResolvers<ContextType>;
  LogSeal?: LogSealResolvers<ContextType>;
  LogVerification?: LogVerificationResolvers<ContextType>;
  Measure?: MeasureResolvers<ContextType>;
  MeasurePayload?: MeasurePayloadResolvers<ContextType>;
  MeasureStatusChange?: MeasureStatusChangeResolvers<ContextType>;
  MeasureStatusCount?: MeasureStatusCountResolvers<ContextType>;
  MeasureStatusEvent?: MeasureStatusEventResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  MunicipalBudgetTotal?: MunicipalBudgetTotalResolvers<ContextType>;
  MunicipalFigure?: MunicipalFigureResolvers<ContextType>;
  Municipality?: MunicipalityResolvers<ContextType>;
  MunicipalityConnection?: MunicipalityConnectionResolvers<ContextType>;
  MunicipalityEdge?: MunicipalityEdgeResolvers<ContextType>;
  MunicipalityPayload?: MunicipalityPayloadResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NamedHash?: NamedHashResolvers<ContextType>;
  NationalAggregate?: NationalAggregateResolvers<ContextType>;
  NationalIndicator?: NationalIndicatorResolvers<ContextType>;
  NationalIndicatorPayload?: NationalIndicatorPayloadResolvers<ContextType>;
  NonNumericCosting?: NonNumericCostingResolvers<ContextType>;
  Objective?: ObjectiveResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Period?: GraphQLScalarType;
  Plan?: PlanResolvers<ContextType>;
  PlanClosure?: PlanClosureResolvers<ContextType>;
  PlanConnection?: PlanConnectionResolvers<ContextType>;
  PlanCosting?: PlanCostingResolvers<ContextType>;
  PlanCounts?: PlanCountsResolvers<ContextType>;
  PlanEdge?: PlanEdgeResolvers<ContextType>;
  PlanPayload?: PlanPayloadResolvers<ContextType>;
  PlanPeriod?: PlanPeriodResolvers<ContextType>;
  PlannedCost?: PlannedCostResolvers<ContextType>;
  Position?: GraphQLScalarType;
  Query?: QueryResolvers<ContextType>;
  RatingCount?: RatingCountResolvers<ContextType>;
  RatingFigure?: RatingFigureResolvers<ContextType>;
  RatingThresholds?: RatingThresholdsResolvers<ContextType>;
  ReadModelHash?: ReadModelHashResolvers<ContextType>;
  ReadModelRebuild?: ReadModelRebuildResolvers<ContextType>;
  ReportRound?: ReportRoundResolvers<ContextType>;
  ReportedValue?: ReportedValueResolvers<ContextType>;
  ResolvedTarget?: ResolvedTargetResolvers<ContextType>;
  Review?: ReviewResolvers<ContextType>;
  RollUp?: RollUpResolvers<ContextType>;
  SdgReference?: SdgReferenceResolvers<ContextType>;
  StageFigures?: StageFiguresResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Target?: TargetResolvers<ContextType>;
  TargetView?: TargetViewResolvers<ContextType>;
  TokenRevocation?: TokenRevocationResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
  YearCosting?: YearCostingResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = GraphQLContext> = {
  listSize?: ListSizeDirectiveResolver<any, any, ContextType>;
};
