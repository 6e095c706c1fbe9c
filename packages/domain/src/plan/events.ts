import { z } from 'zod'
import { fieldsOf, recordedText, recordedTexts, type DataOf, type EventsOf, type Recorded } from '../shared/recorded.js'
import {
  addAreaSchema,
  addMeasureSchema,
  addObjectiveSchema,
  approvePlanSchema,
  changeMeasureStatusSchema,
  closePlanSchema,
  draftPlanSchema,
  reviseAreaSchema,
  reviseMeasureSchema,
  revisePlanDetailsSchema,
} from './commands.js'
import { measureStatusSchema, planPeriodSchema, ratingThresholdsSchema } from './vocabulary.js'

const ratingThresholds = ratingThresholdsSchema.strict()

export const planDraftedSchema = z.strictObject({
  ...fieldsOf(draftPlanSchema.shape),
  title: recordedText,
  period: planPeriodSchema.strict(),
  nationalStrategies: recordedTexts,
  ratingThresholds,
})

/** Only what changed. */
export const planDetailsRevisedSchema = z.strictObject({
  planId: revisePlanDetailsSchema.shape.planId,
  title: recordedText.exactOptional(),
  nationalStrategies: recordedTexts.exactOptional(),
  ratingThresholds: ratingThresholds.exactOptional(),
})

export const planApprovedSchema = z.strictObject({
  ...fieldsOf(approvePlanSchema.shape),
  councilDecision: approvePlanSchema.shape.councilDecision.strict(),
})

export const planClosedSchema = z.strictObject({ ...fieldsOf(closePlanSchema.shape), reason: recordedText.exactOptional() })

export const planAreaAddedSchema = z.strictObject({ ...fieldsOf(addAreaSchema.shape), title: recordedText })

/** Only what changed. */
export const planAreaRevisedSchema = z.strictObject({
  planId: reviseAreaSchema.shape.planId,
  areaId: reviseAreaSchema.shape.areaId,
  code: addAreaSchema.shape.code.exactOptional(),
  title: recordedText.exactOptional(),
})

export const planObjectiveAddedSchema = z.strictObject({
  ...fieldsOf(addObjectiveSchema.shape),
  parentObjectiveId: addObjectiveSchema.shape.parentObjectiveId.unwrap().exactOptional(),
  title: recordedText,
})

const measureDetails = {
  code: addMeasureSchema.shape.code,
  title: recordedText,
  leadActors: recordedTexts,
  supportingActors: recordedTexts,
  schedule: recordedText.exactOptional(),
  deadline: addMeasureSchema.shape.deadline.unwrap().exactOptional(),
  output: recordedText.exactOptional(),
  dataSource: recordedText.exactOptional(),
  monitoringBody: recordedText.exactOptional(),
  legalReferences: recordedTexts,
}

export const planMeasureAddedSchema = z.strictObject({ ...fieldsOf(addMeasureSchema.shape), ...measureDetails })

/** Only what changed: every detail is optional. */
export const planMeasureRevisedSchema = z.strictObject({
  planId: reviseMeasureSchema.shape.planId,
  measureId: reviseMeasureSchema.shape.measureId,
  ...measureDetails,
  code: measureDetails.code.exactOptional(),
  title: recordedText.exactOptional(),
  leadActors: recordedTexts.exactOptional(),
  supportingActors: recordedTexts.exactOptional(),
  legalReferences: recordedTexts.exactOptional(),
})

export const planMeasureStatusChangedSchema = z.strictObject({
  planId: changeMeasureStatusSchema.shape.planId,
  measureId: changeMeasureStatusSchema.shape.measureId,
  from: measureStatusSchema,
  to: measureStatusSchema,
  date: changeMeasureStatusSchema.shape.date,
  reason: recordedText.exactOptional(),
})

export const planEventSchemas = Object.freeze({
  'plan.drafted.v1': planDraftedSchema,
  'plan.details-revised.v1': planDetailsRevisedSchema,
  'plan.approved.v1': planApprovedSchema,
  'plan.closed.v1': planClosedSchema,
  'plan.area-added.v1': planAreaAddedSchema,
  'plan.area-revised.v1': planAreaRevisedSchema,
  'plan.objective-added.v1': planObjectiveAddedSchema,
  'plan.measure-added.v1': planMeasureAddedSchema,
  'plan.measure-revised.v1': planMeasureRevisedSchema,
  'plan.measure-status-changed.v1': planMeasureStatusChangedSchema,
})

export type PlanEvent = EventsOf<typeof planEventSchemas>
type PlanEventData<Type extends PlanEvent['type']> = Recorded<DataOf<PlanEvent, Type>>

/** As written by the council, e.g. "Nr. 45". */
export type CouncilDecision = PlanEventData<'plan.approved.v1'>['councilDecision']

export type MeasureDetails = Omit<PlanEventData<'plan.measure-added.v1'>, 'planId' | 'measureId' | 'objectiveId'>
