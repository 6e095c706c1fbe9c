import { comparePeriods, type Decimal, type DisaggregationDimension, type Period } from '@treguesi/domain'
import { byText } from '@treguesi/projections'
import type { FigureKey, FigureRow } from '../figure-rows.js'
import { nationalRows, type PositionOf } from '../national-rows.js'

/** A DHIS2 data element for our figures: one code, or a percentage's numerator and denominator codes. */
export type Dhis2Element = { readonly code: string } | { readonly numerator: string; readonly denominator: string }

/** What an indicator's figures go to: a data element of a data set, with its total or one dimension's categories. */
export interface Dhis2Target {
  readonly dataSet: string
  readonly dataElement: Dhis2Element
  readonly disaggregation: 'none' | DisaggregationDimension
}

/** A category of ours as DHIS2 names it: by its category option combo (dataValueSets), or its category and option (ADX). */
export interface Dhis2Combo {
  readonly categoryOptionCombo: string
  readonly adx: { readonly category: string; readonly option: string }
}

/** The admins' mapping of our identifiers to DHIS2 codes (null: unmapped). */
export interface Dhis2Lookup {
  /** An indicator's own mapping, else its national code's. */
  readonly targetOf: (indicatorId: string, nationalCode: string | null) => Dhis2Target | null
  readonly orgUnitOf: (municipality: string) => string | null
  readonly comboOf: (dimension: DisaggregationDimension, category: string) => Dhis2Combo | null
}

/** One DHIS2 data value; `municipality` and `period` (ours) order them. */
export interface Dhis2Value {
  readonly municipality: string
  readonly period: Period
  readonly dataSet: string
  readonly dataElement: string
  readonly orgUnit: string
  /** Null for the default combo (a total). */
  readonly combo: Dhis2Combo | null
  readonly value: Decimal
  /** Where the figure comes from, as reported (Albanian). */
  readonly comment: string | null
}

/** DHIS2's period identifier: `2024`, `2024S1`, `2024Q3`. */
export const dhis2Period = (period: Period): string => period.replace('-H', 'S').replace('-', '')

/**
 * Values grouped as ADX groups them (org unit, period, data set), then by element and combo: one
 * value of DHIS2's is one key here, so a value whose org unit changed is another value.
 */
export function compareValues(a: Dhis2Value, b: Dhis2Value): number {
  return (
    byText(a.municipality, b.municipality) ||
    byText(a.orgUnit, b.orgUnit) ||
    comparePeriods(a.period, b.period) ||
    byText(a.dataSet, b.dataSet) ||
    byText(a.dataElement, b.dataElement) ||
    byText(a.combo?.categoryOptionCombo ?? '', b.combo?.categoryOptionCombo ?? '')
  )
}

/**
 * Everything an export needs mapped and is not, in words an admin acts on: what its figures are
 * of decides it (see `figureKeys`), not their values.
 */
export function unmappedOf(rows: Iterable<FigureKey>, lookup: Dhis2Lookup): string[] {
  const unmapped = new Set<string>()
  for (const row of rows) {
    if (row.nationalCode === null && lookup.targetOf(row.indicatorId, null) === null) continue
    const target = lookup.targetOf(row.indicatorId, row.nationalCode)
    if (target === null) unmapped.add(`data element of national indicator ${row.nationalCode}`)
    if (lookup.orgUnitOf(row.municipality) === null) unmapped.add(`org unit of municipality ${row.municipality}`)
    if (target !== null && row.part !== null && row.part.dimension === target.disaggregation) {
      if (lookup.comboOf(row.part.dimension, row.part.category) === null) {
        unmapped.add(`category option combo of ${row.part.dimension} ${row.part.category}`)
      }
    }
  }
  return [...unmapped].sort(byText)
}

/**
 * A row's DHIS2 values: a total to an element without disaggregation, a category to one
 * disaggregated by its dimension (never both, as DHIS2 makes an element's total the sum of its
 * combos), a percentage as its numerator and denominator. None for what DHIS2 cannot take: a
 * withheld small count, a percentage without its counts, an item the mapping lacks.
 */
function valuesOf(row: FigureRow, lookup: Dhis2Lookup): Dhis2Value[] {
  const target = lookup.targetOf(row.indicatorId, row.nationalCode)!
  const orgUnit = lookup.orgUnitOf(row.municipality)
  const combo = row.part === null ? null : lookup.comboOf(row.part.dimension, row.part.category)
  if (row.value === null || orgUnit === null || (row.part?.dimension ?? 'none') !== target.disaggregation) return []
  if (row.part !== null && combo === null) return []
  const base = { municipality: row.municipality, period: row.period, dataSet: target.dataSet, orgUnit, combo, comment: row.source }
  if ('code' in target.dataElement) return [{ ...base, dataElement: target.dataElement.code, value: row.value }]
  if (row.numerator === null || row.denominator === null) return []
  return [
    { ...base, dataElement: target.dataElement.numerator, value: row.numerator },
    { ...base, dataElement: target.dataElement.denominator, value: row.denominator },
  ]
}

/**
 * The DHIS2 values of the mapped rows, in `compareValues` order, without the figures a later one
 * supersedes (see `nationalRows`), of one plan or all. An export checks first that every item is mapped (see
 * `unmappedOf`); the log as it stood at `since` may lack some, which it then could not export.
 */
export function* dhis2Values(
  rows: Iterable<FigureRow>,
  lookup: Dhis2Lookup,
  positionOf: PositionOf,
  planId?: string,
): Generator<Dhis2Value> {
  const wanted = (row: FigureRow) => lookup.targetOf(row.indicatorId, row.nationalCode) !== null
  for (const municipality of nationalRows(rows, positionOf, { wanted, planId })) {
    yield* municipality.flatMap((row) => valuesOf(row, lookup)).sort(compareValues)
  }
}
