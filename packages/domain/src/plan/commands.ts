import { z } from 'zod'
import { municipalityCodeSchema } from '../municipality/commands.js'
import { dateSchema } from '../shared/date.js'
import { idSchema } from '../shared/id.js'
import { periodSchema } from '../shared/period.js'
import { codeSchema, localizedLabelSchema, localizedTextSchema, textKinds, textSchema } from '../shared/text.js'
import { defaultRatingThresholds, measureStatusSchema, planKindSchema, planPeriodSchema, ratingThresholdsSchema } from './vocabulary.js'

const textListSchema = z.array(localizedTextSchema, { message: 'must be a list of texts' })

/** What a reviewer says when returning a plan or a report: what to change. */
const commentsSchema = localizedTextSchema
/** Why a revision is made, or an approved plan or report opened again; kept in history. */
const reasonSchema = localizedTextSchema

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
  .refine((c) => c.title !== undefined || c.nationalStrategies !== undefined || c.ratingThresholds !== undefined, {
    message: 'must give at least one of title, nationalStrategies or ratingThresholds',
  })

export const approvePlanSchema = z.object({
  type: z.literal('ApprovePlan'),
  planId: idSchema,
  councilDecision: z.object({
    // Kept as the council wrote it ("Nr. 45", "45/2022"): it is cited, never computed with.
    number: textSchema(textKinds.label).regex(/\S/, { message: 'must not be empty' }),
    date: dateSchema,
  }),
})

/** The editors hand the plan's content to review. */
export const submitPlanSchema = z.object({ type: z.literal('SubmitPlan'), planId: idSchema })

/** A reviewer sends the submitted plan back to its editors, saying what to change. */
export const returnPlanSchema = z.object({ type: z.literal('ReturnPlan'), planId: idSchema, comments: commentsSchema })

/** A reviewer or an admin opens an approved plan's content to change it again. */
export const reopenPlanSchema = z.object({ type: z.literal('ReopenPlan'), planId: idSchema, reason: reasonSchema })

/** The reporting round of a plan for one period: its figures, measure statuses and spending. */
const roundShape = { planId: idSchema, period: periodSchema }

export const submitReportSchema = z.object({ type: z.literal('SubmitReport'), ...roundShape })

export const returnReportSchema = z.object({ type: z.literal('ReturnReport'), ...roundShape, comments: commentsSchema })

export const approveReportSchema = z.object({ type: z.literal('ApproveReport'), ...roundShape })

export const reopenReportSchema = z.object({ type: z.literal('ReopenReport'), ...roundShape, reason: reasonSchema })

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

/** Corrects an area's code or title (e.g. to add its English label); only what is given changes, and why is kept. */
export const reviseAreaSchema = z
  .object({
    type: z.literal('ReviseArea'),
    planId: idSchema,
    areaId: idSchema,
    code: codeSchema.optional(),
    title: localizedLabelSchema.optional(),
    reason: reasonSchema,
  })
  .refine((c) => c.code !== undefined || c.title !== undefined, { message: 'must give at least one of code or title' })

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

/** Corrects an objective's code or title; only what is given changes, and why is kept. */
export const reviseObjectiveSchema = z
  .object({
    type: z.literal('ReviseObjective'),
    planId: idSchema,
    objectiveId: idSchema,
    code: codeSchema.optional(),
    title: localizedLabelSchema.optional(),
    reason: reasonSchema,
  })
  .refine((c) => c.code !== undefined || c.title !== undefined, { message: 'must give at least one of code or title' })

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
    reason: reasonSchema,
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
  submitPlanSchema,
  returnPlanSchema,
  approvePlanSchema,
  reopenPlanSchema,
  submitReportSchema,
  returnReportSchema,
  approveReportSchema,
  reopenReportSchema,
  closePlanSchema,
  addAreaSchema,
  reviseAreaSchema,
  addObjectiveSchema,
  reviseObjectiveSchema,
  addMeasureSchema,
  reviseMeasureSchema,
  changeMeasureStatusSchema,
])

export type PlanCommand = z.infer<typeof planCommandSchema>
