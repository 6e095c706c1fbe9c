import { z } from 'zod'
import { fieldsOf, recordedText, type DataOf, type EventsOf, type Recorded } from '../shared/recorded.js'
import { trimmedTextSchema, textKinds } from '../shared/text.js'
import {
  defineIndicatorSchema,
  linkNationalIndicatorSchema,
  reportIndicatorValueSchema,
  reviseIndicatorSchema,
  setBaselineSchema,
  setTargetSchema,
} from './commands.js'
import { disaggregationSchema, targetSchema } from './vocabulary.js'

const definition = defineIndicatorSchema.shape
// The national indicator's unit is checked when deciding, and is the catalogue's to keep.
const { nationalUnit: _nationalUnit, ...definitionFields } = fieldsOf(definition)

export const indicatorDefinedSchema = z.strictObject({
  ...definitionFields,
  attachedTo: definition.attachedTo.strict(),
  name: recordedText,
  currency: definition.currency.unwrap().exactOptional(),
  disaggregations: z.array(disaggregationSchema.strict()),
  dataSource: recordedText.exactOptional(),
  sensitive: definition.sensitive.unwrap().exactOptional(),
  // Recorded before the catalogue, a national code was any label: stored ones stay readable.
  nationalCode: trimmedTextSchema(textKinds.label).exactOptional(),
  computed: definition.computed.unwrap().strict().exactOptional(),
  planPeriod: definition.planPeriod.strict(),
})

/** Only what changed, and why. */
export const indicatorRevisedSchema = z.strictObject({
  indicatorId: definition.indicatorId,
  code: definition.code.exactOptional(),
  name: recordedText.exactOptional(),
  dataSource: recordedText.exactOptional(),
  sensitive: definition.sensitive.unwrap().exactOptional(),
  unit: reviseIndicatorSchema.shape.unit.unwrap().exactOptional(),
  reason: recordedText,
})

/** `previous` is the code it was tied to, null when none. */
export const indicatorNationalCodeLinkedSchema = z.strictObject({
  indicatorId: definition.indicatorId,
  nationalCode: linkNationalIndicatorSchema.shape.nationalCode,
  previous: trimmedTextSchema(textKinds.label).nullable(),
  reason: recordedText,
})

export const indicatorBaselineSetSchema = z.strictObject({
  ...fieldsOf(setBaselineSchema.shape),
  note: recordedText.exactOptional(),
})

const [absolute, relative, range, milestone, band] = targetSchema.options

export const indicatorTargetSetSchema = z.strictObject({
  ...fieldsOf(setTargetSchema.shape),
  target: z.discriminatedUnion('kind', [absolute.strict(), relative.strict(), range.strict(), milestone.strict(), band.strict()], {
    message: 'must be absolute, relative, range, milestone or band',
  }),
})

const figure = reportIndicatorValueSchema.shape

/** A reported figure for one period: a `value`, or `text` for a text indicator. */
const reportedValue = {
  value: figure.value.unwrap().exactOptional(),
  text: recordedText.exactOptional(),
  breakdown: figure.breakdown.unwrap().exactOptional(),
  /** A percent's counts: value = numerator / denominator × 100. */
  numerator: figure.numerator.unwrap().exactOptional(),
  denominator: figure.denominator.unwrap().exactOptional(),
  source: recordedText.exactOptional(),
  note: recordedText.exactOptional(),
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
  reason: recordedText,
  // The figure this one replaces, so the history reads without replaying.
  previous: z.strictObject(reportedValue),
})

export const indicatorEventSchemas = Object.freeze({
  'indicator.defined.v1': indicatorDefinedSchema,
  'indicator.revised.v1': indicatorRevisedSchema,
  'indicator.national-code-linked.v1': indicatorNationalCodeLinkedSchema,
  'indicator.baseline-set.v1': indicatorBaselineSetSchema,
  'indicator.target-set.v1': indicatorTargetSetSchema,
  'indicator.value-reported.v1': indicatorValueReportedSchema,
  'indicator.value-corrected.v1': indicatorValueCorrectedSchema,
})

export type IndicatorEvent = EventsOf<typeof indicatorEventSchemas>

export type IndicatorDefinition = DataOf<IndicatorEvent, 'indicator.defined.v1'>

export type Baseline = Recorded<Omit<DataOf<IndicatorEvent, 'indicator.baseline-set.v1'>, 'indicatorId'>>

export type ReportedValue = Recorded<DataOf<IndicatorEvent, 'indicator.value-corrected.v1'>['previous']>
