import { TreguesiError } from '@treguesi/errors'
import { z } from 'zod'
import {
  allocateBudgetSchema,
  fundingSourceSchema,
  planBudgetLineSchema,
  plannedCostSchema,
  recordExpenditureSchema,
  retagBudgetLineSchema,
  revisePlannedCostSchema,
  type BudgetLineEvent,
} from './budget/budget-line.js'
import {
  defineIndicatorSchema,
  disaggregationSchema,
  reportIndicatorValueSchema,
  setBaselineSchema,
  setTargetSchema,
  targetSchema,
  type IndicatorEvent,
} from './indicator/indicator.js'
import {
  registerMunicipalitySchema,
  setMunicipalBudgetTotalSchema,
  type MunicipalityEvent,
  type MunicipalityRegisteredV1,
} from './municipality/municipality.js'
import {
  addAreaSchema,
  addMeasureSchema,
  addObjectiveSchema,
  approvePlanSchema,
  changeMeasureStatusSchema,
  closePlanSchema,
  draftPlanSchema,
  measureStatusSchema,
  planPeriodSchema,
  ratingThresholdsSchema,
  reviseMeasureSchema,
  revisePlanDetailsSchema,
  type PlanEvent,
} from './plan/plan.js'
import { logVerificationSchema, recordForcedRebuildSchema, type ReadModelRebuildEvent } from './audit/read-model-rebuilds.js'
import { moneySchema } from './shared/money.js'
import { localizedTextSchema } from './shared/text.js'

/** Every event a decider records. */
export type AnyDomainEvent = MunicipalityEvent | PlanEvent | IndicatorEvent | BudgetLineEvent | ReadModelRebuildEvent
export type DomainEventType = AnyDomainEvent['type']
export type DomainEventData<T extends DomainEventType> = Extract<AnyDomainEvent, { type: T }>['data']

/** Every superseded event version: still in stored logs, read only through its upcaster. */
export type HistoricDomainEvent = MunicipalityRegisteredV1
export type HistoricEventType = HistoricDomainEvent['type']
export type HistoricEventData<T extends HistoricEventType> = Extract<HistoricDomainEvent, { type: T }>['data']

// Event data is recorded complete, so these schemas are exact where the command schemas are
// lenient: every object refuses keys it does not know, nothing has a default, and an optional
// field is either absent or set (stored JSON has no undefined). They check the shape of the data
// and what the reused field schemas check; the rules that need state are the deciders'.

/** A command's field schemas without its `type`: the fields its event records as they are. */
function fieldsOf<Shape extends { type: z.ZodType }>({ type: _type, ...fields }: Shape): Omit<Shape, 'type'> {
  return fields
}

const text = localizedTextSchema.strict()
const texts = z.array(text)
const money = moneySchema.strict()

// ---------------------------------------------------------------------------------------------
// Municipality
// ---------------------------------------------------------------------------------------------

const { kind: municipalityKind, ...registration } = fieldsOf(registerMunicipalitySchema.shape)

export const municipalityRegisteredSchema = z.strictObject({ ...registration, name: text, kind: municipalityKind.unwrap() })

/** Superseded by municipalityRegisteredSchema (v2), which adds the kind. */
export const municipalityRegisteredV1Schema = z.strictObject({ ...registration, name: text })

export const municipalityBudgetTotalSetSchema = z.strictObject({
  ...fieldsOf(setMunicipalBudgetTotalSchema.shape),
  total: money,
})

// ---------------------------------------------------------------------------------------------
// Plan
// ---------------------------------------------------------------------------------------------

const ratingThresholds = ratingThresholdsSchema.strict()

export const planDraftedSchema = z.strictObject({
  ...fieldsOf(draftPlanSchema.shape),
  title: text,
  period: planPeriodSchema.strict(),
  nationalStrategies: texts,
  ratingThresholds,
})

export const planDetailsRevisedSchema = z.strictObject({
  planId: revisePlanDetailsSchema.shape.planId,
  title: text.exactOptional(),
  nationalStrategies: texts.exactOptional(),
  ratingThresholds: ratingThresholds.exactOptional(),
})

export const planApprovedSchema = z.strictObject({
  ...fieldsOf(approvePlanSchema.shape),
  councilDecision: approvePlanSchema.shape.councilDecision.strict(),
})

export const planClosedSchema = z.strictObject({ ...fieldsOf(closePlanSchema.shape), reason: text.exactOptional() })

export const planAreaAddedSchema = z.strictObject({ ...fieldsOf(addAreaSchema.shape), title: text })

export const planObjectiveAddedSchema = z.strictObject({
  ...fieldsOf(addObjectiveSchema.shape),
  parentObjectiveId: addObjectiveSchema.shape.parentObjectiveId.unwrap().exactOptional(),
  title: text,
})

const measureDetails = {
  code: addMeasureSchema.shape.code,
  title: text,
  leadActors: texts,
  supportingActors: texts,
  schedule: text.exactOptional(),
  deadline: addMeasureSchema.shape.deadline.unwrap().exactOptional(),
  output: text.exactOptional(),
  dataSource: text.exactOptional(),
  monitoringBody: text.exactOptional(),
  legalReferences: texts,
}

export const planMeasureAddedSchema = z.strictObject({ ...fieldsOf(addMeasureSchema.shape), ...measureDetails })

/** Only what changed: every detail is optional. */
export const planMeasureRevisedSchema = z.strictObject({
  planId: reviseMeasureSchema.shape.planId,
  measureId: reviseMeasureSchema.shape.measureId,
  ...measureDetails,
  code: measureDetails.code.exactOptional(),
  title: text.exactOptional(),
  leadActors: texts.exactOptional(),
  supportingActors: texts.exactOptional(),
  legalReferences: texts.exactOptional(),
})

export const planMeasureStatusChangedSchema = z.strictObject({
  planId: changeMeasureStatusSchema.shape.planId,
  measureId: changeMeasureStatusSchema.shape.measureId,
  from: measureStatusSchema,
  to: measureStatusSchema,
  date: changeMeasureStatusSchema.shape.date,
  reason: text.exactOptional(),
})

// ---------------------------------------------------------------------------------------------
// Indicator
// ---------------------------------------------------------------------------------------------

const definition = defineIndicatorSchema.shape

export const indicatorDefinedSchema = z.strictObject({
  ...fieldsOf(definition),
  attachedTo: definition.attachedTo.strict(),
  name: text,
  currency: definition.currency.unwrap().exactOptional(),
  disaggregations: z.array(disaggregationSchema.strict()),
  dataSource: text.exactOptional(),
  nationalCode: definition.nationalCode.unwrap().exactOptional(),
  computed: definition.computed.unwrap().strict().exactOptional(),
  planPeriod: definition.planPeriod.strict(),
})

export const indicatorBaselineSetSchema = z.strictObject({
  ...fieldsOf(setBaselineSchema.shape),
  note: text.exactOptional(),
})

const [absolute, relative, range, milestone, band] = targetSchema.options

export const indicatorTargetSetSchema = z.strictObject({
  ...fieldsOf(setTargetSchema.shape),
  target: z.discriminatedUnion(
    'kind',
    [absolute.strict(), relative.strict(), range.strict(), milestone.strict(), band.strict()],
    { message: 'must be absolute, relative, range, milestone or band' },
  ),
})

const figure = reportIndicatorValueSchema.shape

const reportedValue = {
  value: figure.value.unwrap().exactOptional(),
  text: text.exactOptional(),
  breakdown: figure.breakdown.unwrap().exactOptional(),
  numerator: figure.numerator.unwrap().exactOptional(),
  denominator: figure.denominator.unwrap().exactOptional(),
  source: text.exactOptional(),
  note: text.exactOptional(),
}

export const indicatorValueReportedSchema = z.strictObject({
  indicatorId: figure.indicatorId,
  period: figure.period,
  ...reportedValue,
})

export const indicatorValueCorrectedSchema = z.strictObject({
  indicatorId: figure.indicatorId,
  period: figure.period,
  ...reportedValue,
  reason: text,
  previous: z.strictObject(reportedValue),
})

// ---------------------------------------------------------------------------------------------
// Budget line
// ---------------------------------------------------------------------------------------------

/** As the decider records it: `{ amount }` or `{ costingText }`, never both. */
const plannedCost = z.union(
  [z.strictObject({ amount: money }), z.strictObject({ costingText: plannedCostSchema.in.shape.costingText.unwrap() })],
  { message: 'must give either an amount or a costingText, not both' },
)

export const budgetLinePlannedSchema = z.strictObject({
  ...fieldsOf(planBudgetLineSchema.shape),
  fundingSource: fundingSourceSchema.strict(),
  categories: planBudgetLineSchema.shape.categories.unwrap(),
  planned: plannedCost,
})

export const budgetLinePlannedCostRevisedSchema = z.strictObject({
  budgetLineId: revisePlannedCostSchema.shape.budgetLineId,
  planned: plannedCost,
  previous: plannedCost,
})

export const budgetLineAllocatedSchema = z.strictObject({
  ...fieldsOf(allocateBudgetSchema.shape),
  allocated: money,
  decision: allocateBudgetSchema.shape.decision.unwrap().exactOptional(),
})

export const budgetLineExpenditureRecordedSchema = z.strictObject({
  ...fieldsOf(recordExpenditureSchema.shape),
  executed: money,
  note: text.exactOptional(),
})

export const budgetLineRetaggedSchema = z.strictObject(fieldsOf(retagBudgetLineSchema.shape))

// ---------------------------------------------------------------------------------------------
// Read models
// ---------------------------------------------------------------------------------------------

const rebuild = recordForcedRebuildSchema.shape
const hashes = z.array(rebuild.before.element.strict())

export const readModelsRebuildForcedSchema = z.strictObject({
  ...fieldsOf(rebuild),
  reason: text,
  before: hashes,
  after: hashes,
  differing: z.array(z.string().min(1, { message: 'must not be empty' })),
  verification: logVerificationSchema.strict(),
})

// ---------------------------------------------------------------------------------------------
// All of them
// ---------------------------------------------------------------------------------------------

/**
 * The data schema of every event type. `satisfies` makes a type without a schema, a schema for
 * no type, and a schema whose output does not fit its type's data compile errors.
 */
export const eventSchemas = Object.freeze({
  'municipality.registered.v2': municipalityRegisteredSchema,
  'municipality.budget-total-set.v1': municipalityBudgetTotalSetSchema,
  'plan.drafted.v1': planDraftedSchema,
  'plan.details-revised.v1': planDetailsRevisedSchema,
  'plan.approved.v1': planApprovedSchema,
  'plan.closed.v1': planClosedSchema,
  'plan.area-added.v1': planAreaAddedSchema,
  'plan.objective-added.v1': planObjectiveAddedSchema,
  'plan.measure-added.v1': planMeasureAddedSchema,
  'plan.measure-revised.v1': planMeasureRevisedSchema,
  'plan.measure-status-changed.v1': planMeasureStatusChangedSchema,
  'indicator.defined.v1': indicatorDefinedSchema,
  'indicator.baseline-set.v1': indicatorBaselineSetSchema,
  'indicator.target-set.v1': indicatorTargetSetSchema,
  'indicator.value-reported.v1': indicatorValueReportedSchema,
  'indicator.value-corrected.v1': indicatorValueCorrectedSchema,
  'budget-line.planned.v1': budgetLinePlannedSchema,
  'budget-line.planned-cost-revised.v1': budgetLinePlannedCostRevisedSchema,
  'budget-line.allocated.v1': budgetLineAllocatedSchema,
  'budget-line.expenditure-recorded.v1': budgetLineExpenditureRecordedSchema,
  'budget-line.retagged.v1': budgetLineRetaggedSchema,
  'read-models.rebuild-forced.v1': readModelsRebuildForcedSchema,
} satisfies { readonly [T in DomainEventType]: z.ZodType<DomainEventData<T>> })

/**
 * The data schema of every superseded event version, kept so that stored data is checked as
 * what it was recorded as before an upcaster turns it into a newer version.
 */
export const historicEventSchemas = Object.freeze({
  'municipality.registered.v1': municipalityRegisteredV1Schema,
} satisfies { readonly [T in HistoricEventType]: z.ZodType<HistoricEventData<T>> })

/**
 * And the other way round: the schema's output is the type's data exactly, so no field the type
 * declares is missing from the schema. Compared readonly and without an explicit `undefined` on
 * optional fields, which stored JSON cannot carry.
 */
type Plain<T> = T extends string | number | boolean | null ? T : { readonly [K in keyof T]: Plain<Exclude<T[K], undefined>> }
type Same<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false
type Mismatched =
  | {
      [T in DomainEventType]: Same<Plain<DomainEventData<T>>, Plain<z.output<(typeof eventSchemas)[T]>>> extends true ? never : T
    }[DomainEventType]
  | {
      [T in HistoricEventType]: Same<Plain<HistoricEventData<T>>, Plain<z.output<(typeof historicEventSchemas)[T]>>> extends true
        ? never
        : T
    }[HistoricEventType]
/** A compile error here names the event types whose schema and data differ. */
type NoneOf<Types extends never> = Types
export type EverySchemaIsItsType = NoneOf<Mismatched>

export const eventTypes: readonly DomainEventType[] = Object.freeze((Object.keys(eventSchemas) as DomainEventType[]).sort())

export const historicEventTypes: readonly HistoricEventType[] = Object.freeze(
  (Object.keys(historicEventSchemas) as HistoricEventType[]).sort(),
)

// Worded like the command schemas' messages, after the field they are about.
const parseOptions: z.core.ParseContext<z.core.$ZodIssue> = {
  error: (issue) => {
    if (issue.code !== 'invalid_type') return undefined
    return issue.input === undefined ? 'is missing' : `must be of type ${issue.expected}`
  },
}

/** The first place where `parsed` is not `stored` exactly, as a path; undefined when they agree. */
function differenceAt(stored: unknown, parsed: unknown, path: readonly string[]): string[] | undefined {
  if (parsed === null || typeof parsed !== 'object') return Object.is(stored, parsed) ? undefined : [...path]
  const storedFields = stored as Record<string, unknown>
  const parsedFields = parsed as Record<string, unknown>
  for (const key of new Set([...Object.keys(storedFields), ...Object.keys(parsedFields)])) {
    const found = differenceAt(storedFields[key], parsedFields[key], [...path, key])
    if (found) return found
  }
  return undefined
}

const fieldName = (path: readonly PropertyKey[]): string => path.map(String).join('.') || '(data)'

/** Checks `data` against the schema of `type` in `schemas`; see parseEvent. */
function parseWith(schemas: Readonly<Record<string, z.ZodType>>, type: string, data: unknown): unknown {
  const parsed = schemas[type]!.safeParse(data, parseOptions)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const problem =
      issue.code === 'unrecognized_keys'
        ? `${fieldName([...issue.path, issue.keys[0]!])} is not a field of this event`
        : `${fieldName(issue.path)} ${issue.message}`
    throw new TreguesiError('TRG_EVENT_INVALID', { type, problem })
  }
  const difference = differenceAt(data, parsed.data, [])
  if (difference) {
    const written = difference.reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], parsed.data)
    throw new TreguesiError('TRG_EVENT_INVALID', {
      type,
      problem: `${fieldName(difference)} must be recorded as ${JSON.stringify(written)}`,
    })
  }
  return parsed.data
}

/**
 * Reads a stored event of a current type: its data must fit its type's schema and be exactly
 * what the schema gives back (canonical decimals, trimmed texts), so what is read is what was
 * decided. Anything else is TRG_EVENT_INVALID naming the field. A superseded version is refused
 * too: it is read through `upcast` (see upcasting.ts).
 */
export function parseEvent(type: string, data: unknown): AnyDomainEvent {
  if (!Object.hasOwn(eventSchemas, type)) {
    const problem = Object.hasOwn(historicEventSchemas, type)
      ? 'it is a superseded version, to be read through upcast'
      : 'there is no event type of this name'
    throw new TreguesiError('TRG_EVENT_INVALID', { type, problem })
  }
  return { type, data: parseWith(eventSchemas, type, data) } as AnyDomainEvent
}

/** Reads a stored event of a superseded type, as parseEvent reads a current one. */
export function parseHistoricEvent(type: string, data: unknown): HistoricDomainEvent {
  if (!Object.hasOwn(historicEventSchemas, type)) {
    throw new TreguesiError('TRG_EVENT_INVALID', { type, problem: 'there is no superseded event type of this name' })
  }
  return { type, data: parseWith(historicEventSchemas, type, data) } as HistoricDomainEvent
}
