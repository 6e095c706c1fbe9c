import { z } from 'zod'
import { refinement } from './problem.js'

/**
 * The years a date, a date-time, a period or a fiscal year of a command may fall in. Every such
 * figure is about a plan, and no plan can reach outside these years (the plans Treguesi holds
 * start in the 2020s; the first local action plans of Albania and Kosovo date from the 2000s), so
 * a year outside them (0000, 9999, a typo of 20024) is refused rather than recorded.
 */
export const plausibleYears = { first: 1990, last: 2100 } as const

/** Why `year` is not plausible, or null when it is. */
export function yearProblem(year: number): string | null {
  if (year < plausibleYears.first) return `must be ${plausibleYears.first} or later`
  if (year > plausibleYears.last) return `must be ${plausibleYears.last} or earlier`
  return null
}

/** The problem of the year a date, date-time or period is written with (its first four digits). */
export function writtenYearProblem(text: string): string | null {
  const problem = yearProblem(Number(text.slice(0, 4)))
  return problem === null ? null : `has a year that ${problem}`
}

/** A calendar day of a plausible year; ISO dates compare correctly as plain strings. */
export const dateSchema = z.iso
  .date({ message: 'must be a date written YYYY-MM-DD, such as 2024-12-31' })
  .superRefine(refinement(writtenYearProblem))

/** An instant of a plausible year, ISO 8601 with a time zone; the year is checked as written. */
export const dateTimeSchema = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone, such as 2025-03-01T09:00:00+01:00' })
  .superRefine(refinement(writtenYearProblem))
