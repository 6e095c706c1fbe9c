import { z } from 'zod'
import { fiscalYearSchema } from '../municipality/commands.js'
import { compare, decimal, decimalSchema } from '../shared/decimal.js'
import type { Recorded } from '../shared/recorded.js'

export const planKinds = ['gender-equality', 'roma-egyptian-integration', 'domestic-violence', 'other'] as const
export type PlanKind = (typeof planKinds)[number]
export const planKindSchema = z.enum(planKinds, {
  message: 'must be gender-equality, roma-egyptian-integration, domestic-violence or other',
})

export type PlanStatus = 'draft' | 'approved' | 'closed'

export const measureStatuses = [
  'planned',
  'in-progress',
  'completed',
  'partially-completed',
  'not-implemented',
  'postponed',
  'cancelled',
] as const
export type MeasureStatus = (typeof measureStatuses)[number]
export const measureStatusSchema = z.enum(measureStatuses, {
  message: 'must be planned, in-progress, completed, partially-completed, not-implemented, postponed or cancelled',
})

/** Statuses a measure never leaves: its story is over. */
export const finalMeasureStatuses: readonly MeasureStatus[] = ['completed', 'cancelled']

/**
 * Zod still runs an object's refinements when a field failed; cross-field rules only make sense
 * (and big.js only accepts the figures) once every field is valid.
 */
const whenFieldsValid = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 }

/** The years a plan runs, both included: 2022–2024 is { from: 2022, to: 2024 }. */
export const planPeriodSchema = z
  .object({ from: fiscalYearSchema, to: fiscalYearSchema })
  .refine((period) => period.from <= period.to, { path: ['to'], message: 'must not be before from', ...whenFieldsValid })
export type PlanPeriod = Recorded<z.output<typeof planPeriodSchema>>

/**
 * Attainment needed for each rating: at least `achieved` is achieved, at least `onTrack` on
 * track, at least `partly` partly achieved, anything lower off track.
 */
export const ratingThresholdsSchema = z
  .object({ achieved: decimalSchema, onTrack: decimalSchema, partly: decimalSchema })
  .refine((t) => compare(t.partly, decimal(0)) > 0, { path: ['partly'], message: 'must be greater than 0', ...whenFieldsValid })
  .refine((t) => compare(t.onTrack, t.partly) >= 0, { path: ['onTrack'], message: 'must not be below partly', ...whenFieldsValid })
  .refine((t) => compare(t.achieved, t.onTrack) >= 0, { path: ['achieved'], message: 'must not be below onTrack', ...whenFieldsValid })
export type RatingThresholds = Recorded<z.output<typeof ratingThresholdsSchema>>

export const defaultRatingThresholds: RatingThresholds = Object.freeze({
  achieved: decimal('1'),
  onTrack: decimal('0.9'),
  partly: decimal('0.5'),
})
