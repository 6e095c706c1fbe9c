import { z } from 'zod'
import { disaggregationDimensions, disaggregationSchema, indicatorUnits } from '../indicator/vocabulary.js'
import { municipalityCodeSchema } from '../municipality/commands.js'
import { nationalCodeSchema } from '../national-indicator/commands.js'
import { idSchema } from '../shared/id.js'
import { refinement } from '../shared/problem.js'
import { localizedTextSchema, textProblem } from '../shared/text.js'

/**
 * A DHIS2 code (a data set's, a data element's, an org unit's, a category option combo's): the
 * exports name DHIS2's metadata by code (`idScheme=code`), never by UID, and DHIS2 keeps a code in
 * at most 50 characters. Kept exactly as written, since DHIS2 matches it exactly.
 */
export const dhis2CodeSchema = z
  .string()
  .min(1, { message: 'must not be empty' })
  .superRefine(
    refinement((code: string) =>
      code.trim() === code ? textProblem(code, { maxLength: 50, multiline: false }) : 'must not begin or end with a blank',
    ),
  )

/**
 * An ADX category code: ADX writes a disaggregated value with one XML attribute per category,
 * named by the category's code, so the code must be an XML attribute name DHIS2 takes.
 */
export const adxCategoryCodeSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,49}$/, {
  message: 'must be 1–50 letters, digits or underscores, not starting with a digit, such as SEX',
})

/** Which of our indicators a data element takes: every indicator tied to a national code, or one indicator. */
export const dhis2IndicatorSchema = z.union(
  [z.strictObject({ nationalCode: nationalCodeSchema }), z.strictObject({ indicatorId: idSchema })],
  { message: 'must name a nationalCode or an indicatorId: one of the two' },
)
export type Dhis2Indicator = z.infer<typeof dhis2IndicatorSchema>

/** DHIS2 takes a percentage as two data elements, its numerator and its denominator; any other figure as one. */
export const dhis2DataElementSchema = z.union(
  [z.strictObject({ code: dhis2CodeSchema }), z.strictObject({ numerator: dhis2CodeSchema, denominator: dhis2CodeSchema })],
  { message: "must give a code, or a percentage's numerator and denominator codes" },
)
export type Dhis2DataElement = z.infer<typeof dhis2DataElementSchema>

/**
 * What a data element takes: the total (DHIS2's default category option combo) or one of our
 * dimensions' categories, never both, since DHIS2 makes a data element's total the sum of its
 * category option combos.
 */
export const dhis2Disaggregations = ['none', ...disaggregationDimensions] as const
export type Dhis2Disaggregation = (typeof dhis2Disaggregations)[number]

const dimensionSchema = disaggregationSchema.shape.dimension
/** One of our categories, written as the indicators' breakdowns write it. */
const categorySchema = disaggregationSchema.shape.categories.element

export const mapDhis2DataElementSchema = z.object({
  type: z.literal('MapDhis2DataElement'),
  indicator: dhis2IndicatorSchema,
  dataSet: dhis2CodeSchema,
  dataElement: dhis2DataElementSchema,
  disaggregation: z.enum(dhis2Disaggregations, { message: 'must be none, sex, ethnicity, area or age-group' }).default('none'),
  reason: localizedTextSchema.optional(),
  /** Filled in by the command handler: the unit of the national indicator or indicator mapped; absent when there is none. */
  indicatorUnit: z.enum(indicatorUnits).optional(),
  /** Filled in by the command handler for one indicator: the dimensions it is broken down by. */
  indicatorDimensions: z.array(dimensionSchema).optional(),
})

export const mapDhis2OrgUnitSchema = z.object({
  type: z.literal('MapDhis2OrgUnit'),
  municipality: municipalityCodeSchema,
  orgUnit: dhis2CodeSchema,
  reason: localizedTextSchema.optional(),
})

export const mapDhis2CategoryOptionComboSchema = z.object({
  type: z.literal('MapDhis2CategoryOptionCombo'),
  dimension: dimensionSchema,
  category: categorySchema,
  /** What DHIS2's dataValueSets name the cell by. */
  categoryOptionCombo: dhis2CodeSchema,
  /** What ADX names it by: the DHIS2 category of our dimension, and its option for our category. */
  adx: z.object({ category: adxCategoryCodeSchema, option: dhis2CodeSchema }),
  reason: localizedTextSchema.optional(),
})

/** Undoing a mapping leaves the item unmapped, so that exports refuse it: the reason is kept for the history. */
const unmapping = { reason: localizedTextSchema }

export const unmapDhis2DataElementSchema = z.object({
  type: z.literal('UnmapDhis2DataElement'),
  indicator: dhis2IndicatorSchema,
  ...unmapping,
})

export const unmapDhis2OrgUnitSchema = z.object({
  type: z.literal('UnmapDhis2OrgUnit'),
  municipality: municipalityCodeSchema,
  ...unmapping,
})

export const unmapDhis2CategoryOptionComboSchema = z.object({
  type: z.literal('UnmapDhis2CategoryOptionCombo'),
  dimension: dimensionSchema,
  category: categorySchema,
  ...unmapping,
})

export const dhis2MappingCommandSchema = z.discriminatedUnion('type', [
  mapDhis2DataElementSchema,
  unmapDhis2DataElementSchema,
  mapDhis2OrgUnitSchema,
  unmapDhis2OrgUnitSchema,
  mapDhis2CategoryOptionComboSchema,
  unmapDhis2CategoryOptionComboSchema,
])

export type Dhis2MappingCommand = z.infer<typeof dhis2MappingCommandSchema>
