import { TreguesiError } from '@treguesi/errors'
import { z } from 'zod'
import type { Decider, DomainEvent } from '../decider.js'
import { sameJson } from '../shared/json.js'
import { fiscalYearSchema, municipalityCodeSchema } from '../municipality/municipality.js'
import { compare, decimal, decimalSchema, type Decimal } from '../shared/decimal.js'
import { dateSchema } from '../shared/date.js'
import { codeSchema, localizedLabelSchema, localizedTextSchema, textKinds, textSchema, type LocalizedText } from '../shared/text.js'

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

export const planKinds = ['gender-equality', 'roma-egyptian-integration', 'domestic-violence', 'other'] as const
export type PlanKind = (typeof planKinds)[number]
export const planKindSchema = z.enum(planKinds, {
  message: 'must be gender-equality, roma-egyptian-integration, domestic-violence or other',
})

export type PlanStatus = 'draft' | 'approved' | 'closed'

export const measureStatuses = [
  'planned',
  'in-progress',
  'completed',
  'partially-completed',
  'not-implemented',
  'postponed',
  'cancelled',
] as const
export type MeasureStatus = (typeof measureStatuses)[number]
export const measureStatusSchema = z.enum(measureStatuses, {
  message:
    'must be planned, in-progress, completed, partially-completed, not-implemented, postponed or cancelled',
})

/** Statuses a measure never leaves: its story is over. */
export const finalMeasureStatuses: readonly MeasureStatus[] = ['completed', 'cancelled']

/**
 * Zod still runs an object's refinements when a field failed; cross-field rules only make sense
 * (and big.js only accepts the figures) once every field is valid.
 */
const whenFieldsValid = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 }

/** The years a plan runs, both included: 2022–2024 is { from: 2022, to: 2024 }. */
export const planPeriodSchema = z
  .object({ from: fiscalYearSchema, to: fiscalYearSchema })
  .refine((period) => period.from <= period.to, { path: ['to'], message: 'must not be before from', ...whenFieldsValid })
export interface PlanPeriod {
  readonly from: number
  readonly to: number
}

/**
 * Attainment needed for each rating: at least `achieved` is achieved, at least `onTrack` on
 * track, at least `partly` partly achieved, anything lower off track.
 */
export interface RatingThresholds {
  readonly achieved: Decimal
  readonly onTrack: Decimal
  readonly partly: Decimal
}

export const defaultRatingThresholds: RatingThresholds = Object.freeze({
  achieved: decimal('1'),
  onTrack: decimal('0.9'),
  partly: decimal('0.5'),
})

export const ratingThresholdsSchema = z
  .object({ achieved: decimalSchema, onTrack: decimalSchema, partly: decimalSchema })
  .refine((t) => compare(t.partly, decimal(0)) > 0, { path: ['partly'], message: 'must be greater than 0', ...whenFieldsValid })
  .refine((t) => compare(t.onTrack, t.partly) >= 0, { path: ['onTrack'], message: 'must not be below partly', ...whenFieldsValid })
  .refine((t) => compare(t.achieved, t.onTrack) >= 0, { path: ['achieved'], message: 'must not be below onTrack', ...whenFieldsValid })

const idSchema = z.uuid({ message: 'must be a UUID' })

const textListSchema = z.array(localizedTextSchema, { message: 'must be a list of texts' })

// ---------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------

export const draftPlanSchema = z.object({
  type: z.literal('DraftPlan'),
  planId: idSchema,
  municipality: municipalityCodeSchema,
  kind: planKindSchema,
  title: localizedLabelSchema,
  period: planPeriodSchema,
  nationalStrategies: textListSchema.default(() => []),
  ratingThresholds: ratingThresholdsSchema.default(() => ({ ...defaultRatingThresholds })),
})

export const revisePlanDetailsSchema = z
  .object({
    type: z.literal('RevisePlanDetails'),
    planId: idSchema,
    title: localizedLabelSchema.optional(),
    nationalStrategies: textListSchema.optional(),
    ratingThresholds: ratingThresholdsSchema.optional(),
  })
  .refine(
    (c) => c.title !== undefined || c.nationalStrategies !== undefined || c.ratingThresholds !== undefined,
    { message: 'must give at least one of title, nationalStrategies or ratingThresholds' },
  )

export const approvePlanSchema = z.object({
  type: z.literal('ApprovePlan'),
  planId: idSchema,
  councilDecision: z.object({
    // Kept as the council wrote it ("Nr. 45", "45/2022"): it is cited, never computed with.
    number: textSchema(textKinds.label).regex(/\S/, { message: 'must not be empty' }),
    date: dateSchema,
  }),
})

export const closePlanSchema = z.object({
  type: z.literal('ClosePlan'),
  planId: idSchema,
  date: dateSchema,
  reason: localizedTextSchema.optional(),
})

export const addAreaSchema = z.object({
  type: z.literal('AddArea'),
  planId: idSchema,
  areaId: idSchema,
  code: codeSchema,
  title: localizedLabelSchema,
})

export const addObjectiveSchema = z.object({
  type: z.literal('AddObjective'),
  planId: idSchema,
  objectiveId: idSchema,
  areaId: idSchema,
  parentObjectiveId: idSchema.optional(),
  level: z.enum(['strategic', 'specific'], { message: 'must be strategic or specific' }),
  code: codeSchema,
  title: localizedLabelSchema,
})

/** What describes a measure; everything here can be revised later. */
const measureDetailsShape = {
  code: codeSchema,
  title: localizedLabelSchema,
  // Seeds leave the actors blank at times, so an empty list means "not known yet".
  leadActors: textListSchema,
  supportingActors: textListSchema,
  /** As written: "Çdo vit", "Çdo 6 muaj", "2025–2028". */
  schedule: localizedTextSchema.optional(),
  deadline: dateSchema.optional(),
  output: localizedTextSchema.optional(),
  dataSource: localizedTextSchema.optional(),
  monitoringBody: localizedTextSchema.optional(),
  legalReferences: textListSchema,
}

const measureDetailFields = Object.keys(measureDetailsShape) as (keyof typeof measureDetailsShape)[]

export const addMeasureSchema = z.object({
  type: z.literal('AddMeasure'),
  planId: idSchema,
  measureId: idSchema,
  objectiveId: idSchema,
  ...measureDetailsShape,
  legalReferences: textListSchema.default(() => []),
})

export const reviseMeasureSchema = z
  .object({
    type: z.literal('ReviseMeasure'),
    planId: idSchema,
    measureId: idSchema,
    ...z.object(measureDetailsShape).partial().shape,
  })
  .refine((c) => measureDetailFields.some((field) => c[field] !== undefined), {
    message: `must give at least one of ${measureDetailFields.join(', ')}`,
  })

export const changeMeasureStatusSchema = z.object({
  type: z.literal('ChangeMeasureStatus'),
  planId: idSchema,
  measureId: idSchema,
  status: measureStatusSchema,
  date: dateSchema,
  reason: localizedTextSchema.optional(),
})

export const planCommandSchema = z.discriminatedUnion('type', [
  draftPlanSchema,
  revisePlanDetailsSchema,
  approvePlanSchema,
  closePlanSchema,
  addAreaSchema,
  addObjectiveSchema,
  addMeasureSchema,
  reviseMeasureSchema,
  changeMeasureStatusSchema,
])

export type PlanCommand = z.infer<typeof planCommandSchema>

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

export interface CouncilDecision {
  /** As written by the council, e.g. "Nr. 45". */
  readonly number: string
  readonly date: string
}

export interface MeasureDetails {
  readonly code: string
  readonly title: LocalizedText
  readonly leadActors: readonly LocalizedText[]
  readonly supportingActors: readonly LocalizedText[]
  readonly schedule?: LocalizedText
  readonly deadline?: string
  readonly output?: LocalizedText
  readonly dataSource?: LocalizedText
  readonly monitoringBody?: LocalizedText
  readonly legalReferences: readonly LocalizedText[]
}

export type PlanEvent =
  | DomainEvent<
      'plan.drafted.v1',
      {
        readonly planId: string
        readonly municipality: string
        readonly kind: PlanKind
        readonly title: LocalizedText
        readonly period: PlanPeriod
        readonly nationalStrategies: readonly LocalizedText[]
        readonly ratingThresholds: RatingThresholds
      }
    >
  | DomainEvent<
      'plan.details-revised.v1',
      {
        readonly planId: string
        /** Only what changed. */
        readonly title?: LocalizedText
        readonly nationalStrategies?: readonly LocalizedText[]
        readonly ratingThresholds?: RatingThresholds
      }
    >
  | DomainEvent<'plan.approved.v1', { readonly planId: string; readonly councilDecision: CouncilDecision }>
  | DomainEvent<'plan.closed.v1', { readonly planId: string; readonly date: string; readonly reason?: LocalizedText }>
  | DomainEvent<
      'plan.area-added.v1',
      { readonly planId: string; readonly areaId: string; readonly code: string; readonly title: LocalizedText }
    >
  | DomainEvent<
      'plan.objective-added.v1',
      {
        readonly planId: string
        readonly objectiveId: string
        readonly areaId: string
        readonly parentObjectiveId?: string
        readonly level: 'strategic' | 'specific'
        readonly code: string
        readonly title: LocalizedText
      }
    >
  | DomainEvent<
      'plan.measure-added.v1',
      { readonly planId: string; readonly measureId: string; readonly objectiveId: string } & MeasureDetails
    >
  | DomainEvent<
      'plan.measure-revised.v1',
      /** Only what changed. */
      { readonly planId: string; readonly measureId: string } & Partial<MeasureDetails>
    >
  | DomainEvent<
      'plan.measure-status-changed.v1',
      {
        readonly planId: string
        readonly measureId: string
        readonly from: MeasureStatus
        readonly to: MeasureStatus
        readonly date: string
        readonly reason?: LocalizedText
      }
    >

// ---------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------

export interface PlanArea {
  readonly areaId: string
  readonly code: string
  readonly title: LocalizedText
}

export interface PlanObjective {
  readonly objectiveId: string
  readonly areaId: string
  readonly parentObjectiveId?: string
  readonly level: 'strategic' | 'specific'
  readonly code: string
  readonly title: LocalizedText
}

export interface MeasureStatusChange {
  readonly from: MeasureStatus
  readonly to: MeasureStatus
  readonly date: string
  readonly reason?: LocalizedText
}

export interface PlanMeasure extends MeasureDetails {
  readonly measureId: string
  readonly objectiveId: string
  readonly status: MeasureStatus
  /** Every dated change, oldest first; a new measure is 'planned' with no history. */
  readonly statusHistory: readonly MeasureStatusChange[]
}

export interface DraftedPlan {
  readonly drafted: true
  readonly planId: string
  readonly status: PlanStatus
  readonly municipality: string
  readonly kind: PlanKind
  readonly title: LocalizedText
  readonly period: PlanPeriod
  readonly nationalStrategies: readonly LocalizedText[]
  readonly thresholds: RatingThresholds
  readonly councilDecision?: CouncilDecision
  readonly closed?: { readonly date: string; readonly reason?: LocalizedText }
  /** Keyed by id, in the order they were added. */
  readonly areas: Readonly<Record<string, PlanArea>>
  readonly objectives: Readonly<Record<string, PlanObjective>>
  readonly measures: Readonly<Record<string, PlanMeasure>>
}

export type PlanState = { readonly drafted: false } | DraftedPlan

export const planStream = (planId: string): string => `plan-${planId}`

// ---------------------------------------------------------------------------------------------
// Decider
// ---------------------------------------------------------------------------------------------

type Defined<T> = { [K in keyof T]: Exclude<T[K], undefined> }

/** Drops fields given as undefined, so event data stays plain JSON. */
function defined<T extends object>(value: T): Defined<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Defined<T>
}

/** The plan a command other than DraftPlan works on: it must exist and still be open. */
function openPlan(state: PlanState, planId: string): DraftedPlan {
  if (!state.drafted) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'plan', id: planId })
  if (state.status === 'closed') throw new TreguesiError('TRG_PLAN_CLOSED', { planId })
  return state
}

function measureOf(plan: DraftedPlan, measureId: string): PlanMeasure {
  const measure = plan.measures[measureId]
  if (!measure) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'measure', id: measureId })
  return measure
}

export const plan: Decider<PlanCommand, PlanEvent, PlanState> = {
  initialState: { drafted: false },

  decide(command, state) {
    if (command.type === 'DraftPlan') {
      if (state.drafted) {
        if (state.status === 'closed') throw new TreguesiError('TRG_PLAN_CLOSED', { planId: command.planId })
        throw new TreguesiError('TRG_ALREADY_EXISTS', { entity: 'plan', id: command.planId })
      }
      const { type: _type, ...data } = command
      return [{ type: 'plan.drafted.v1', data }]
    }

    const current = openPlan(state, command.planId)
    const { planId } = command

    switch (command.type) {
      case 'RevisePlanDetails': {
        const { type: _type, planId: _planId, ...given } = defined(command)
        const before = { title: current.title, nationalStrategies: current.nationalStrategies, ratingThresholds: current.thresholds }
        const changed = Object.fromEntries(
          Object.entries(given).filter(([field, value]) => !sameJson(value, before[field as keyof typeof before])),
        )
        if (Object.keys(changed).length === 0) return []
        return [{ type: 'plan.details-revised.v1', data: { planId, ...changed } }]
      }

      case 'ApprovePlan': {
        if (current.status !== 'draft') {
          throw new TreguesiError('TRG_INVALID_STATE', { entity: 'plan', id: planId, state: current.status, action: 'approved' })
        }
        return [{ type: 'plan.approved.v1', data: { planId, councilDecision: command.councilDecision } }]
      }

      case 'ClosePlan': {
        if (current.status !== 'approved') {
          throw new TreguesiError('TRG_INVALID_STATE', { entity: 'plan', id: planId, state: current.status, action: 'closed' })
        }
        const approvedOn = current.councilDecision!.date
        if (command.date < approvedOn) {
          throw new TreguesiError('TRG_INVALID_COMMAND', {
            command: command.type,
            field: 'date',
            problem: `must not be before ${approvedOn}, the date of the council decision approving the plan`,
          })
        }
        const { type: _type, ...data } = defined(command)
        return [{ type: 'plan.closed.v1', data }]
      }

      case 'AddArea': {
        if (current.areas[command.areaId]) throw new TreguesiError('TRG_ALREADY_EXISTS', { entity: 'area', id: command.areaId })
        const { type: _type, ...data } = command
        return [{ type: 'plan.area-added.v1', data }]
      }

      case 'AddObjective': {
        const { objectiveId, areaId, parentObjectiveId } = command
        if (current.objectives[objectiveId]) throw new TreguesiError('TRG_ALREADY_EXISTS', { entity: 'objective', id: objectiveId })
        if (!current.areas[areaId]) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'area', id: areaId })
        if (parentObjectiveId !== undefined) {
          const parent = current.objectives[parentObjectiveId]
          if (!parent) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'objective', id: parentObjectiveId })
          if (parent.areaId !== areaId) {
            throw new TreguesiError('TRG_INVALID_COMMAND', {
              command: command.type,
              field: 'parentObjectiveId',
              problem: `must be an objective of area ${areaId}, but ${parentObjectiveId} belongs to area ${parent.areaId}`,
            })
          }
        }
        const { type: _type, ...data } = defined(command)
        return [{ type: 'plan.objective-added.v1', data }]
      }

      case 'AddMeasure': {
        const { measureId, objectiveId } = command
        if (current.measures[measureId]) throw new TreguesiError('TRG_ALREADY_EXISTS', { entity: 'measure', id: measureId })
        if (!current.objectives[objectiveId]) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'objective', id: objectiveId })
        const { type: _type, ...data } = defined(command)
        return [{ type: 'plan.measure-added.v1', data }]
      }

      case 'ReviseMeasure': {
        const measure = measureOf(current, command.measureId)
        const { type: _type, planId: _planId, measureId, ...given } = defined(command)
        const changed = Object.fromEntries(
          Object.entries(given).filter(([field, value]) => !sameJson(value, measure[field as keyof MeasureDetails])),
        )
        if (Object.keys(changed).length === 0) return []
        return [{ type: 'plan.measure-revised.v1', data: { planId, measureId, ...changed } }]
      }

      case 'ChangeMeasureStatus': {
        const { measureId, status: to, date, reason } = command
        const measure = measureOf(current, measureId)
        const from = measure.status
        if (from === to) return []
        if (finalMeasureStatuses.includes(from)) {
          throw new TreguesiError('TRG_INVALID_STATE', { entity: 'measure', id: measureId, state: from, action: `set to ${to}` })
        }
        const previous = measure.statusHistory.at(-1)
        if (previous && date < previous.date) {
          throw new TreguesiError('TRG_INVALID_COMMAND', {
            command: command.type,
            field: 'date',
            problem: `must not be before ${previous.date}, the date of the measure's previous status change`,
          })
        }
        return [{ type: 'plan.measure-status-changed.v1', data: defined({ planId, measureId, from, to, date, reason }) }]
      }
    }
  },

  evolve(state, event) {
    if (event.type === 'plan.drafted.v1') {
      const { ratingThresholds, ...details } = event.data
      return { drafted: true, ...details, status: 'draft', thresholds: ratingThresholds, areas: {}, objectives: {}, measures: {} }
    }
    // Every other event is only ever decided for a drafted plan.
    const current = state as DraftedPlan
    switch (event.type) {
      case 'plan.details-revised.v1': {
        const { planId: _planId, ratingThresholds, ...details } = event.data
        return { ...current, ...details, ...(ratingThresholds && { thresholds: ratingThresholds }) }
      }
      case 'plan.approved.v1':
        return { ...current, status: 'approved', councilDecision: event.data.councilDecision }
      case 'plan.closed.v1': {
        const { planId: _planId, ...closed } = event.data
        return { ...current, status: 'closed', closed }
      }
      case 'plan.area-added.v1': {
        const { planId: _planId, ...area } = event.data
        return { ...current, areas: { ...current.areas, [area.areaId]: area } }
      }
      case 'plan.objective-added.v1': {
        const { planId: _planId, ...objective } = event.data
        return { ...current, objectives: { ...current.objectives, [objective.objectiveId]: objective } }
      }
      case 'plan.measure-added.v1': {
        const { planId: _planId, ...measure } = event.data
        return {
          ...current,
          measures: { ...current.measures, [measure.measureId]: { ...measure, status: 'planned', statusHistory: [] } },
        }
      }
      case 'plan.measure-revised.v1': {
        const { planId: _planId, measureId, ...changes } = event.data
        const measure = current.measures[measureId]!
        return { ...current, measures: { ...current.measures, [measureId]: { ...measure, ...changes } } }
      }
      case 'plan.measure-status-changed.v1': {
        const { planId: _planId, measureId, ...change } = event.data
        const measure = current.measures[measureId]!
        return {
          ...current,
          measures: {
            ...current.measures,
            [measureId]: { ...measure, status: change.to, statusHistory: [...measure.statusHistory, change] },
          },
        }
      }
    }
  },
}
