import type { Period } from '@treguesi/domain'
import type { FigureRow } from './figure-rows.js'

/** The log position of the report or correction an indicator's figure for a period comes from; null when none is held. */
export type PositionOf = (indicatorId: string, period: Period) => bigint | null

/** What a row counts as, for a ministry: its national code, else the indicator itself. */
const slotOf = (row: FigureRow): string => `${row.nationalCode ?? row.indicatorId}\u0000${row.period}`

/** The indicator whose figure counts for a code and period, and its rows so far. */
interface Slot {
  readonly indicatorId: string
  readonly position: bigint
  readonly rows: FigureRow[]
}

export interface NationalRowOptions {
  /** The rows to count (those tied to a national code, by default). */
  readonly wanted?: (row: FigureRow) => boolean
  /**
   * Only this plan's rows, chosen among all the municipality's: a plan's figure another plan's
   * later one supersedes is superseded in the plan's export too.
   */
  readonly planId?: string | undefined
}

/**
 * The rows `wanted` keeps, a municipality at a time, without those superseded: for each national
 * code and period, the rows of the indicator whose figure was reported last (as national
 * aggregates count it); ties go to the larger indicator id, so the choice never depends on order.
 * Rows come in `compareRows` order, so a municipality's are chosen among as they come, and only
 * the chosen ones are held: an export of the country holds one municipality's output, not the
 * country's.
 */
export function* nationalRows(
  rows: Iterable<FigureRow>,
  positionOf: PositionOf,
  { wanted = (row) => row.nationalCode !== null, planId }: NationalRowOptions = {},
): Generator<FigureRow[]> {
  let municipality: string | null = null
  let slots = new Map<string, Slot>()
  const chosen = () => [...slots.values()].flatMap((slot) => slot.rows).filter((row) => planId === undefined || row.planId === planId)
  for (const row of rows) {
    if (!wanted(row)) continue
    if (municipality !== null && municipality !== row.municipality) {
      yield chosen()
      slots = new Map()
    }
    municipality = row.municipality
    const key = slotOf(row)
    const current = slots.get(key)
    if (current?.indicatorId === row.indicatorId) {
      current.rows.push(row)
      continue
    }
    const position = positionOf(row.indicatorId, row.period) ?? -1n
    if (current === undefined || position > current.position || (position === current.position && row.indicatorId > current.indicatorId)) {
      slots.set(key, { indicatorId: row.indicatorId, position, rows: [row] })
    }
  }
  if (municipality !== null) yield chosen()
}
