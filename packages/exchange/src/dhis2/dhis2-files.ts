import type { Period } from '@treguesi/domain'
import type { Changed } from '../changes.js'
import { csvRecord, csvText } from '../csv.js'
import { dhis2Period, type Dhis2Value } from './dhis2-values.js'

/**
 * A dataValueSet in DHIS2's bulk JSON form (each value names its org unit and period), naming
 * DHIS2's metadata by code. A withdrawn value is marked `deleted`, as DHIS2's own exports mark
 * one, so the receiving side can propagate it.
 */
export function* dataValueSetJson(values: Iterable<Changed<Dhis2Value>>): Generator<string> {
  yield '{"idScheme":"code","dataValues":['
  let separator = '\n'
  for (const { action, row } of values) {
    yield `${separator}${JSON.stringify({
      dataElement: row.dataElement,
      period: dhis2Period(row.period),
      orgUnit: row.orgUnit,
      ...(row.combo !== null && { categoryOptionCombo: row.combo.categoryOptionCombo }),
      value: row.value,
      ...(row.comment !== null && { comment: row.comment }),
      ...(action === 'D' && { deleted: true }),
    })}`
    separator = ',\n'
  }
  yield '\n]}\n'
}

/** DHIS2's CSV header, as DHIS2 writes it; the import reads columns by position and skips it. */
export const dataValueSetCsvHeader = [
  'dataelement',
  'period',
  'orgunit',
  'catoptcombo',
  'attroptcombo',
  'value',
  'storedby',
  'lastupdated',
  'comment',
  'flwup',
] as const

/**
 * A dataValueSet as DHIS2's CSV (to import with `idScheme=code`). A withdrawn value has neither
 * value nor comment: the form DHIS2's import takes as a deletion.
 */
export function* dataValueSetCsv(values: Iterable<Changed<Dhis2Value>>): Generator<string> {
  yield csvRecord(dataValueSetCsvHeader)
  for (const { action, row } of values) {
    const withdrawn = action === 'D'
    yield csvRecord([
      row.dataElement,
      dhis2Period(row.period),
      row.orgUnit,
      row.combo?.categoryOptionCombo ?? null,
      null,
      withdrawn ? null : row.value,
      null,
      null,
      withdrawn ? null : csvText(row.comment),
      'false',
    ])
  }
}

const escapes: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }
/** Text as an XML attribute's value holds it. */
export const xmlAttribute = (text: string): string => text.replace(/[&<>"']/g, (character) => escapes[character]!)

/** ADX's period: the first day and the duration (`2024-07-01/P3M`). */
export function adxPeriod(period: Period): string {
  const [year, part] = period.split('-') as [string, string | undefined]
  if (part === undefined) return `${year}-01-01/P1Y`
  const index = Number(part.slice(1)) - 1
  const [months, length] = part.startsWith('H') ? [6, 'P6M'] : [3, 'P3M']
  return `${year}-${String(index * months + 1).padStart(2, '0')}-01/${length}`
}

const groupOf = (value: Dhis2Value) => `${value.orgUnit}\u0000${value.period}\u0000${value.dataSet}`

/**
 * ADX (IHE QRPH), grouped by org unit, period and data set, a category as an attribute named by
 * its ADX category code. ADX has no deletion: a withdrawn value is left out, and the
 * dataValueSet formats carry it.
 */
export function* adxXml(values: Iterable<Changed<Dhis2Value>>, exportedAt: string): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<adx xmlns="urn:ihe:qrph:adx:2015" exported="${xmlAttribute(exportedAt)}">\n`
  let open: string | null = null
  for (const { action, row } of values) {
    if (action === 'D') continue
    if (open !== groupOf(row)) {
      if (open !== null) yield '  </group>\n'
      open = groupOf(row)
      yield `  <group dataSet="${xmlAttribute(row.dataSet)}" orgUnit="${xmlAttribute(row.orgUnit)}" period="${adxPeriod(row.period)}">\n`
    }
    const category = row.combo === null ? '' : ` ${row.combo.adx.category}="${xmlAttribute(row.combo.adx.option)}"`
    yield `    <dataValue dataElement="${xmlAttribute(row.dataElement)}"${category} value="${row.value}"/>\n`
  }
  if (open !== null) yield '  </group>\n'
  yield '</adx>\n'
}
