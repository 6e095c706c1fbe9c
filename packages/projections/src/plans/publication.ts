import { periodContains, quarterOf, type MeasureStatusChange, type Period, type PlanMeasure, type ReportedValue } from '@treguesi/domain'

/**
 * What everyone may read of a plan's reported figures: each reporting round's figures as its
 * reviewer approved them. A figure an editor recorded is the municipality's word only once a
 * round holding its period is approved; until then its own staff and admins read it, and
 * everyone else reads what the last approval held. A reopened round stays as it was approved
 * until it is approved again.
 *
 * Publication happens in the fold, at the approval: the figures of the round's periods as they
 * stand then are copied beside the current ones. Everything recorded before the approval is
 * published by it, nothing recorded after.
 */
export interface PlanPublication {
  /** The log position of each round's latest approval, by the round's period. */
  readonly approvedAt: Readonly<Record<string, bigint>>
  /**
   * Each measure's status changes as approved, oldest first: those dated in the period of an
   * approved round (by their quarter), as they stood at its approval. By measure id.
   */
  readonly statusHistory: Readonly<Record<string, readonly MeasureStatusChange[]>>
}

/** A period's reported figure as approved, with the number of corrections it had by then. */
export interface PublishedValue {
  readonly value: ReportedValue
  readonly corrections: number
}

export const noPublication: PlanPublication = Object.freeze({ approvedAt: {}, statusHistory: {} })

/**
 * The latest approval that published figures of `period`: of a round of that period or of one
 * holding it (a year's round holds its halves and quarters). Undefined while none was approved.
 */
export function publishedAt(publication: PlanPublication, period: Period): bigint | undefined {
  let latest: bigint | undefined
  for (const [round, position] of Object.entries(publication.approvedAt)) {
    if (periodContains(round as Period, period) && (latest === undefined || position > latest)) latest = position
  }
  return latest
}

/** Whether an event at `position` about a figure of `period` is published: an approval holding the period came after it. */
export function isPublished(publication: PlanPublication, period: Period, position: bigint): boolean {
  const approved = publishedAt(publication, period)
  return approved !== undefined && position <= approved
}

/**
 * A measure as everyone reads it: its status changes as approved, and the status the latest of
 * them left ('planned' before any).
 */
export function publicMeasure(measure: PlanMeasure, publication: PlanPublication): PlanMeasure {
  const statusHistory = publication.statusHistory[measure.measureId] ?? []
  return { ...measure, statusHistory, status: statusHistory.at(-1)?.to ?? 'planned' }
}

/**
 * The status changes published once `round` is approved: the measure's changes dated in the
 * round's period as they stand, and those published before (the same recorded objects), in the
 * order they were recorded.
 */
export function publishedStatusHistory(
  measure: PlanMeasure,
  round: Period,
  before: readonly MeasureStatusChange[] | undefined,
): readonly MeasureStatusChange[] {
  return measure.statusHistory.filter((change) => periodContains(round, quarterOf(change.date)) || (before?.includes(change) ?? false))
}
