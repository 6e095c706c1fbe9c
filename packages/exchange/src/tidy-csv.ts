import { disaggregationDimensions } from '@treguesi/domain'
import type { ChangedRow } from './changes.js'
import { csvRecord, csvText, utf8Bom } from './csv.js'

/** The breakdown columns: one per dimension, `_T` (total) on the rows that are not its categories. */
const dimensionColumns = disaggregationDimensions.map((dimension) => dimension.replaceAll('-', '_'))

export const tidyCsvHeader = [
  'action',
  'country',
  'municipality',
  'plan_id',
  'indicator_id',
  'indicator_code',
  'national_code',
  'period',
  ...dimensionColumns,
  'value',
  'numerator',
  'denominator',
  'unit',
  'currency',
  'target',
  'target_lower',
  'target_upper',
  'attainment',
  'status',
  'corrections',
  'source',
] as const

/** The total of a dimension, as SDMX writes it. */
export const total = '_T'

/**
 * One figure per record (tidy data): the action (`I` new, `R` replaced, `D` withdrawn; every
 * row of a full export is `I`), where the figure belongs, its period and breakdown, its value and
 * how it stands. A withdrawn row repeats the figure as it was.
 */
export function tidyCsvRecord({ action, row }: ChangedRow): string {
  return csvRecord([
    action,
    row.country,
    row.municipality,
    row.planId,
    row.indicatorId,
    csvText(row.indicatorCode),
    row.nationalCode,
    row.period,
    ...disaggregationDimensions.map((dimension) => (row.part?.dimension === dimension ? row.part.category : total)),
    row.value,
    row.numerator,
    row.denominator,
    row.unit,
    row.currency,
    row.target,
    row.targetBounds?.lower ?? null,
    row.targetBounds?.upper ?? null,
    row.attainment,
    row.status,
    row.corrections,
    csvText(row.source),
  ])
}

/** A tidy CSV file: the byte order mark and header, then a record per row. */
export function* tidyCsv(rows: Iterable<ChangedRow>): Generator<string> {
  yield utf8Bom + csvRecord(tidyCsvHeader)
  for (const row of rows) yield tidyCsvRecord(row)
}
