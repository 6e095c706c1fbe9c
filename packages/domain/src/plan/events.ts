import { z } from 'zod'
import { fieldsOf, recordedText, recordedTexts, type DataOf, type EventsOf, type Recorded } from '../shared/recorded.js'
import {
  addAreaSchema,
  addMeasureSchema,
  addObjectiveSchema,
  approvePlanSchema,
  approveReportSchema,
  changeMeasureStatusSchema,
  closePlanSchema,
  draftPlanSchema,
  reviseAreaSchema,
  reopenPlanSchema,
  reopenReportSchema,
  returnPlanSchema,
  returnReportSchema,
  reviseMeasureSchema,
  reviseObjectiveSchema,
  revisePlanDetailsSchema,
  submitPlanSchema,
  submitReportSchema,
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

export const planSubmittedSchema = z.strictObject(fieldsOf(submitPlanSchema.shape))
export const planReturnedSchema = z.strictObject({ ...fieldsOf(returnPlanSchema.shape), comments: recordedText })
export const planReopenedSchema = z.strictObject({ ...fieldsOf(reopenPlanSchema.shape), reason: recordedText })
export const reportSubmittedSchema = z.strictObject(fieldsOf(submitReportSchema.shape))
export const reportReturnedSchema = z.strictObject({ ...fieldsOf(returnReportSchema.shape), comments: recordedText })
export const reportApprovedSchema = z.strictObject(fieldsOf(approveReportSchema.shape))
export const reportReopenedSchema = z.strictObject({ ...fieldsOf(reopenReportSchema.shape), reason: recordedText })

export const planClosedSchema = z.strictObject({ ...fieldsOf(closePlanSchema.shape), reason: recordedText.exactOptional() })

export const planAreaAddedSchema = z.strictObject({ ...fieldsOf(addAreaSchema.shape), title: recordedText })

/** Only what changed. */
export const planAreaRevisedSchema = z.strictObject({
  planId: reviseAreaSchema.shape.planId,
  areaId: reviseAreaSchema.shape.areaId,
  code: addAreaSchema.shape.code.exactOptional(),
  title: recordedText.exactOptional(),
  // Revisions recorded before a reason was asked for have none.
  reason: recordedText.exactOptional(),
})

/** Only what changed, and why. */
export const planObjectiveRevisedSchema = z.strictObject({
  planId: reviseObjectiveSchema.shape.planId,
  objectiveId: reviseObjectiveSchema.shape.objectiveId,
  code: addObjectiveSchema.shape.code.exactOptional(),
  title: recordedText.exactOptional(),
  reason: recordedText,
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
  reason: recordedText.exactOptional(),
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
  'plan.submitted.v1': planSubmittedSchema,
  'plan.returned.v1': planReturnedSchema,
  'plan.reopened.v1': planReopenedSchema,
  'plan.report-submitted.v1': reportSubmittedSchema,
  'plan.report-returned.v1': reportReturnedSchema,
  'plan.report-approved.v1': reportApprovedSchema,
  'plan.report-reopened.v1': reportReopenedSchema,
  'plan.closed.v1': planClosedSchema,
  'plan.area-added.v1': planAreaAddedSchema,
  'plan.area-revised.v1': planAreaRevisedSchema,
  'plan.objective-added.v1': planObjectiveAddedSchema,
  'plan.objective-revised.v1': planObjectiveRevisedSchema,
  'plan.measure-added.v1': planMeasureAddedSchema,
  'plan.measure-revised.v1': planMeasureRevisedSchema,
  'plan.measure-status-changed.v1': planMeasureStatusChangedSchema,
})

export type PlanEvent = EventsOf<typeof planEventSchemas>
type PlanEventData<Type extends PlanEvent['type']> = Recorded<DataOf<PlanEvent, Type>>

/** As written by the council, e.g. "Nr. 45". */
export type CouncilDecision = PlanEventData<'plan.approved.v1'>['councilDecision']

export type MeasureDetails = Omit<PlanEventData<'plan.measure-added.v1'>, 'planId' | 'measureId' | 'objectiveId'>
