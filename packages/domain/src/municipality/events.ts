import { z } from 'zod'
import { fieldsOf, recordedMoney, recordedText, type EventOf, type EventsOf } from '../shared/recorded.js'
import { registerMunicipalitySchema, setMunicipalBudgetTotalSchema, setMunicipalityIatiIdentifierSchema } from './commands.js'

const { kind: municipalityKind, ...registration } = fieldsOf(registerMunicipalitySchema.shape)

export const municipalityRegisteredSchema = z.strictObject({ ...registration, name: recordedText, kind: municipalityKind.unwrap() })

/** Superseded by municipalityRegisteredSchema (v2), which adds the kind. */
export const municipalityRegisteredV1Schema = z.strictObject({ ...registration, name: recordedText })

export const municipalityBudgetTotalSetSchema = z.strictObject({
  ...fieldsOf(setMunicipalBudgetTotalSchema.shape),
  total: recordedMoney,
})

export const municipalityIatiIdentifierSetSchema = z.strictObject(fieldsOf(setMunicipalityIatiIdentifierSchema.shape))

export const municipalityEventSchemas = Object.freeze({
  'municipality.registered.v2': municipalityRegisteredSchema,
  'municipality.budget-total-set.v1': municipalityBudgetTotalSetSchema,
  'municipality.iati-identifier-set.v1': municipalityIatiIdentifierSetSchema,
})

export type MunicipalityEvent = EventsOf<typeof municipalityEventSchemas>

/**
 * Recorded before municipalities had a kind; superseded by municipality.registered.v2. Stored
 * ones are read as v2 through their upcaster (see ../upcasting.ts): no decider sees them.
 */
export type MunicipalityRegisteredV1 = EventOf<'municipality.registered.v1', typeof municipalityRegisteredV1Schema>
