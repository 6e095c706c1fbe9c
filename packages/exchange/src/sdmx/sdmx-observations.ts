import { comparePeriods, disaggregationDimensions, type Decimal, type Period } from '@treguesi/domain'
import { byText } from '@treguesi/projections'
import type { FigureRow, FigureStatus } from '../figure-rows.js'
import { nationalRows, type PositionOf } from '../national-rows.js'
import { sdmxCategory, sdmxDimensionOf, sdmxId, sdmxPeriod, sdmxTotal, sdmxUnit, type SdmxDimension, type SdmxUnit } from './sdmx-codes.js'

/** One observation of the dataflow: a national indicator's figure in one municipality, period and part. */
export interface SdmxObservation {
  readonly key: Readonly<Record<SdmxDimension, string>>
  readonly period: Period
  /** -1 for the total, else the breakdown dimension's place (the key's order). */
  readonly partOrder: number
  readonly value: Decimal | null
  readonly unit: SdmxUnit
  readonly status: FigureStatus
  /** Where the figure comes from, as reported (Albanian). */
  readonly source: string | null
}

/** What national figures need beyond the rows: which of a municipality's figures for a code counts. */
export interface NationalContext {
  readonly positionOf: PositionOf
  /** The national code an indicator is tied to; null when it is tied to none. */
  readonly nationalCodeOf: (indicatorId: string) => string | null
  /** Every registered municipality's code. */
  readonly municipalities: () => Iterable<string>
  /** Every national code: the catalogue's, and any an indicator was tied to before it. */
  readonly nationalCodes: () => Iterable<string>
}

/** The order observations are given and compared in: by key, totals before breakdowns. */
export function compareObservations(a: SdmxObservation, b: SdmxObservation): number {
  return (
    byText(a.key.REF_AREA, b.key.REF_AREA) ||
    byText(a.key.INDICATOR, b.key.INDICATOR) ||
    comparePeriods(a.period, b.period) ||
    a.partOrder - b.partOrder ||
    byText(a.key.SEX, b.key.SEX) ||
    byText(a.key.ETHNICITY, b.key.ETHNICITY) ||
    byText(a.key.URBANISATION, b.key.URBANISATION) ||
    byText(a.key.AGE, b.key.AGE)
  )
}

/** A category's code in one municipality's observations. */
type CategoryCode = (row: FigureRow & { readonly part: NonNullable<FigureRow['part']> }) => string

/**
 * The codes of one municipality's categories: `sdmxCategory` of each, unless two categories of
 * an indicator's dimension would share one (`Rom` and `ROM`); those get the code and their place
 * in label order (`ROM_1`, `ROM_2`), so that no two observations share a key.
 */
function categoryCodes(rows: readonly FigureRow[]): CategoryCode {
  const labels = new Map<string, Set<string>>()
  const slot = (row: FigureRow, code: string) => `${row.indicatorId}\u0000${row.part!.dimension}\u0000${code}`
  for (const row of rows) {
    if (row.part === null) continue
    const key = slot(row, sdmxCategory(row.part.dimension, row.part.category))
    labels.set(key, (labels.get(key) ?? new Set()).add(row.part.category))
  }
  return (row) => {
    const code = sdmxCategory(row.part.dimension, row.part.category)
    const sharing = [...labels.get(slot(row, code))!].sort(byText)
    return sharing.length === 1 ? code : `${code}_${sharing.indexOf(row.part.category) + 1}`
  }
}

function observationOf(row: FigureRow, indicator: string, categoryCode: CategoryCode): SdmxObservation {
  const { freq, timePeriod } = sdmxPeriod(row.period)
  const breakdown = { SEX: sdmxTotal, ETHNICITY: sdmxTotal, URBANISATION: sdmxTotal, AGE: sdmxTotal }
  if (row.part !== null) breakdown[sdmxDimensionOf[row.part.dimension]] = categoryCode({ ...row, part: row.part })
  return {
    key: { FREQ: freq, REF_AREA: row.municipality, INDICATOR: indicator, ...breakdown, TIME_PERIOD: timePeriod },
    period: row.period,
    partOrder: row.part === null ? -1 : disaggregationDimensions.indexOf(row.part.dimension),
    value: row.value,
    unit: sdmxUnit(row),
    status: row.status,
    source: row.source,
  }
}

/**
 * The observations of the rows tied to a national code, in `compareObservations` order, without
 * those a later figure supersedes (see `nationalRows`), of one plan or all.
 */
export function* sdmxObservations(
  rows: Iterable<FigureRow>,
  ids: ReadonlyMap<string, string>,
  positionOf: PositionOf,
  planId?: string,
): Generator<SdmxObservation> {
  for (const municipality of nationalRows(rows, positionOf, { planId })) {
    const categoryCode = categoryCodes(municipality)
    yield* municipality
      .map((row) => observationOf(row, ids.get(row.nationalCode!) ?? sdmxId(row.nationalCode!), categoryCode))
      .sort(compareObservations)
  }
}
