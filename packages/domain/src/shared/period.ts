import { TreguesiError } from '@treguesi/errors'
import { z } from 'zod'
import { writtenYearProblem } from './date.js'
import { refinement } from './problem.js'

/**
 * The period a figure is about: a year (`2024`), a half-year (`2024-H1`) or a quarter
 * (`2024-Q3`). Kosovo plans report every six months and yearly; Albanian plans yearly.
 */
export type Period = string & { readonly __period: unique symbol }

const pattern = /^(\d{4})(?:-(H[12]|Q[1-4]))?$/

const periodForms = 'a year (2024), a half-year (2024-H1) or a quarter (2024-Q3)'

/**
 * Why `text` is not a period of a plausible year, or null when it is one. `forms` is what the
 * field takes, for a field that takes something besides periods.
 */
export function periodProblem(text: string, forms = periodForms): string | null {
  return pattern.test(text) ? writtenYearProblem(text) : `must be ${forms}`
}

export const periodSchema = z
  .string()
  .superRefine(refinement((text) => periodProblem(text)))
  .transform((text) => text as Period)

interface Span {
  /** Months since year 0, inclusive at both ends. */
  readonly first: number
  readonly last: number
}

const monthsOf: Record<string, [number, number]> = {
  '': [0, 11],
  H1: [0, 5],
  H2: [6, 11],
  Q1: [0, 2],
  Q2: [3, 5],
  Q3: [6, 8],
  Q4: [9, 11],
}

function span(period: Period): Span {
  const [, year, part = ''] = pattern.exec(period)!
  const [first, last] = monthsOf[part]!
  const base = Number(year) * 12
  return { first: base + first, last: base + last }
}

/** The quarter a date (YYYY-MM-DD) falls in: 2024-05-01 is in 2024-Q2. */
export function quarterOf(date: string): Period {
  return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}` as Period
}

export function yearOf(period: Period): number {
  return Number(period.slice(0, 4))
}

export function isYear(period: Period): boolean {
  return period.length === 4
}

/**
 * Orders periods by when they end, and among those ending together the shorter first: the
 * "latest" of 2024-Q4, 2024-H2 and 2024 is the whole year 2024.
 */
export function comparePeriods(a: Period, b: Period): number {
  const x = span(a)
  const y = span(b)
  return x.last - y.last || y.first - x.first
}

/** Whether `outer` covers all of `inner` (a year covers its halves and quarters). */
export function periodContains(outer: Period, inner: Period): boolean {
  const x = span(outer)
  const y = span(inner)
  return x.first <= y.first && y.last <= x.last
}

/** The years a plan runs, first and last included. */
export interface PlanYears {
  readonly from: number
  readonly to: number
}

export function planYearsText({ from, to }: PlanYears): string {
  return from === to ? `${from}` : `${from}–${to}`
}

/** Refuses (TRG_PERIOD_OUTSIDE_PLAN, naming `field`) a year outside the plan's, or after its last one when `earlier` may be. */
export function assertYearInPlan(
  years: PlanYears,
  year: number,
  field: string,
  period: string,
  earlier: 'refused' | 'allowed' = 'refused',
): void {
  if ((earlier === 'refused' && year < years.from) || year > years.to) {
    throw new TreguesiError('TRG_PERIOD_OUTSIDE_PLAN', { field, period, planPeriod: planYearsText(years) })
  }
}
