import { z } from 'zod'
import { recordedText, type DataOf, type EventsOf } from '../shared/recorded.js'
import {
  mapDhis2CategoryOptionComboSchema,
  mapDhis2DataElementSchema,
  mapDhis2OrgUnitSchema,
  unmapDhis2CategoryOptionComboSchema,
  unmapDhis2DataElementSchema,
  unmapDhis2OrgUnitSchema,
} from './commands.js'

const dataElement = mapDhis2DataElementSchema.shape
const combo = mapDhis2CategoryOptionComboSchema.shape

/** A mapping as it now stands, whole (a later one replaces it), and why where it was said. */
const mapped = <Fields extends z.ZodRawShape>(fields: Fields) => z.strictObject({ ...fields, reason: recordedText.exactOptional() })

/** What an unmapping undoes, and why. */
const unmapped = <Fields extends z.ZodRawShape>(fields: Fields) => z.strictObject({ ...fields, reason: recordedText })

export const dhis2DataElementMappedSchema = mapped({
  indicator: dataElement.indicator,
  dataSet: dataElement.dataSet,
  dataElement: dataElement.dataElement,
  disaggregation: dataElement.disaggregation.unwrap(),
})

export const dhis2DataElementUnmappedSchema = unmapped({ indicator: unmapDhis2DataElementSchema.shape.indicator })

export const dhis2OrgUnitMappedSchema = mapped({
  municipality: mapDhis2OrgUnitSchema.shape.municipality,
  orgUnit: mapDhis2OrgUnitSchema.shape.orgUnit,
})

export const dhis2OrgUnitUnmappedSchema = unmapped({ municipality: unmapDhis2OrgUnitSchema.shape.municipality })

export const dhis2CategoryOptionComboMappedSchema = mapped({
  dimension: combo.dimension,
  category: combo.category,
  categoryOptionCombo: combo.categoryOptionCombo,
  adx: combo.adx.strict(),
})

export const dhis2CategoryOptionComboUnmappedSchema = unmapped({
  dimension: unmapDhis2CategoryOptionComboSchema.shape.dimension,
  category: unmapDhis2CategoryOptionComboSchema.shape.category,
})

export const dhis2MappingEventSchemas = Object.freeze({
  'dhis2-mapping.data-element-mapped.v1': dhis2DataElementMappedSchema,
  'dhis2-mapping.data-element-unmapped.v1': dhis2DataElementUnmappedSchema,
  'dhis2-mapping.org-unit-mapped.v1': dhis2OrgUnitMappedSchema,
  'dhis2-mapping.org-unit-unmapped.v1': dhis2OrgUnitUnmappedSchema,
  'dhis2-mapping.category-option-combo-mapped.v1': dhis2CategoryOptionComboMappedSchema,
  'dhis2-mapping.category-option-combo-unmapped.v1': dhis2CategoryOptionComboUnmappedSchema,
})

export type Dhis2MappingEvent = EventsOf<typeof dhis2MappingEventSchemas>
export type Dhis2DataElementMapping = DataOf<Dhis2MappingEvent, 'dhis2-mapping.data-element-mapped.v1'>
export type Dhis2OrgUnitMapping = DataOf<Dhis2MappingEvent, 'dhis2-mapping.org-unit-mapped.v1'>
export type Dhis2CategoryOptionComboMapping = DataOf<Dhis2MappingEvent, 'dhis2-mapping.category-option-combo-mapped.v1'>
