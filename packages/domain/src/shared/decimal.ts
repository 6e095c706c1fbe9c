import BigModule from 'big.js'
import { z } from 'zod'

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

export const decimalSchema = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, { message: 'must be a decimal number written with a dot, such as "1250.50"' })
  .transform((text) => Big(text).toString() as Decimal)

export const nonNegativeDecimalSchema = decimalSchema.refine((value) => !value.startsWith('-'), {
  message: 'must not be negative',
})

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

/** Significant digits kept in a quotient: ratios are exact to far beyond what any report shows. */
export const ratioDecimalPlaces = 12

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
