import { z } from 'zod'
import { municipalityCodeSchema } from '../municipality/commands.js'
import { dateSchema } from '../shared/date.js'
import { idSchema } from '../shared/id.js'
import { codeSchema, localizedLabelSchema, localizedTextSchema, textKinds, textSchema } from '../shared/text.js'
import { defaultRatingThresholds, measureStatusSchema, planKindSchema, planPeriodSchema, ratingThresholdsSchema } from './vocabulary.js'

const textListSchema = z.array(localizedTextSchema, { message: 'must be a list of texts' })

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

/** Corrects an area's code or title (e.g. to add its English label); only what is given changes. */
export const reviseAreaSchema = z
  .object({
    type: z.literal('ReviseArea'),
    planId: idSchema,
    areaId: idSchema,
    code: codeSchema.optional(),
    title: localizedLabelSchema.optional(),
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
  reviseAreaSchema,
  addObjectiveSchema,
  addMeasureSchema,
  reviseMeasureSchema,
  changeMeasureStatusSchema,
])

export type PlanCommand = z.infer<typeof planCommandSchema>
