import BigModule from 'big.js'
import { z } from 'zod'
import { refinement } from './problem.js'

/**
 * Exact decimal figures. Money and reported values travel as strings ("1250.50") and are computed
 * with big.js, so no amount is ever a binary float.
 */
export type Decimal = string & { readonly __decimal: unique symbol }

// A private constructor that never switches to exponent notation, so every result prints as a
// plain decimal string.
const Big = BigModule()
Big.NE = -1_000_000
Big.PE = 1_000_000

/** Places kept in a quotient: ratios are exact to far beyond what any report shows. */
export const ratioDecimalPlaces = 12

/** How many digits a decimal may have before and after its point, leading and trailing zeros aside. */
export interface DigitBounds {
  readonly integerDigits: number
  readonly fractionDigits: number
}

/**
 * Every figure a command states: counts, percentages, values, targets, thresholds. Fifteen
 * digits are as many as a spreadsheet (the plans' monitoring tables) holds exactly, and a
 * thousand times Albania's whole yearly budget in lekë; twelve places are as many as the ratios
 * Treguesi computes, so any figure it shows can be stated back to it.
 */
export const figureDigits: DigitBounds = { integerDigits: 15, fractionDigits: ratioDecimalPlaces }

const writtenDecimal = /^-?\d+(\.\d+)?$/

/** Why `text` is not a decimal within `bounds`, or null when it is one; digits are counted in its canonical form. */
export function decimalProblem(text: string, bounds: DigitBounds = figureDigits): string | null {
  if (!writtenDecimal.test(text)) return 'must be a decimal number written with a dot, such as "1250.50"'
  const [integer = '', fraction = ''] = Big(text).abs().toString().split('.')
  if (integer.length > bounds.integerDigits) {
    return `must have at most ${bounds.integerDigits} digits before the decimal point, not ${integer.length}`
  }
  if (fraction.length > bounds.fractionDigits) {
    return `must have at most ${bounds.fractionDigits} digits after the decimal point, not ${fraction.length}`
  }
  return null
}

/** A decimal within `bounds`, as its canonical string: no leading or trailing zeros, no "-0". */
export function boundedDecimalSchema(bounds: DigitBounds) {
  return z
    .string()
    .superRefine(refinement((text: string) => decimalProblem(text, bounds)))
    .transform((text) => Big(text).toString() as Decimal)
}

/** A decimal that is not negative. */
export function nonNegative<Schema extends z.ZodType<Decimal>>(schema: Schema): Schema {
  return schema.refine((value) => !value.startsWith('-'), { message: 'must not be negative' })
}

export const decimalSchema = boundedDecimalSchema(figureDigits)

export const nonNegativeDecimalSchema = nonNegative(decimalSchema)

export function decimal(value: string | number): Decimal {
  return Big(value).toString() as Decimal
}

export function add(a: Decimal, b: Decimal): Decimal {
  return Big(a).plus(b).toString() as Decimal
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  return Big(a).minus(b).toString() as Decimal
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return Big(a).times(b).toString() as Decimal
}

export function compare(a: Decimal, b: Decimal): number {
  return Big(a).cmp(b)
}

export function isZero(a: Decimal): boolean {
  return Big(a).eq(0)
}

/** `a / b`, rounded half-even to `ratioDecimalPlaces`; the caller rules out b = 0. */
export function divide(a: Decimal, b: Decimal): Decimal {
  return Big(a).div(b).round(ratioDecimalPlaces, Big.roundHalfEven).toString() as Decimal
}

/** Rounds half-even to `places` decimals, for presentation. */
export function round(a: Decimal, places: number): Decimal {
  return Big(a).round(places, Big.roundHalfEven).toString() as Decimal
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((total, value) => add(total, value), '0' as Decimal)
}
