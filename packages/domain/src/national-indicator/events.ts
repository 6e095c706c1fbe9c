import { z } from 'zod'
import { fieldsOf, recordedText, type DataOf, type EventsOf } from '../shared/recorded.js'
import { defineNationalIndicatorSchema, reviseNationalIndicatorSchema } from './commands.js'

const definition = defineNationalIndicatorSchema.shape

export const nationalIndicatorDefinedSchema = z.strictObject({
  ...fieldsOf(definition),
  name: recordedText,
  numerator: recordedText.exactOptional(),
  denominator: recordedText.exactOptional(),
  sdg: definition.sdg.unwrap().strict().exactOptional(),
})

/** Only what changed. */
export const nationalIndicatorRevisedSchema = z.strictObject({
  code: reviseNationalIndicatorSchema.shape.code,
  name: recordedText.exactOptional(),
  numerator: recordedText.exactOptional(),
  denominator: recordedText.exactOptional(),
  sdg: definition.sdg.unwrap().strict().exactOptional(),
})

export const nationalIndicatorEventSchemas = Object.freeze({
  'national-indicator.defined.v1': nationalIndicatorDefinedSchema,
  'national-indicator.revised.v1': nationalIndicatorRevisedSchema,
})

export type NationalIndicatorEvent = EventsOf<typeof nationalIndicatorEventSchemas>
export type NationalIndicatorDefinition = DataOf<NationalIndicatorEvent, 'national-indicator.defined.v1'>
