import { TreguesiError } from '@treguesi/errors'
import { z } from 'zod'
import { add, boundedDecimalSchema, figureDigits, nonNegative, type Decimal, type DigitBounds } from './decimal.js'

/** Albania budgets in lekë, Kosovo in euro. */
export const currencySchema = z.enum(['ALL', 'EUR'], { message: 'must be ALL (lekë) or EUR' })
export type Currency = z.infer<typeof currencySchema>

/** Amounts in lekë or euro: both have two decimal places (ISO 4217), and as many digits before as any figure. */
export const moneyDigits: DigitBounds = { integerDigits: figureDigits.integerDigits, fractionDigits: 2 }

export const moneySchema = z.object({ amount: nonNegative(boundedDecimalSchema(moneyDigits)), currency: currencySchema })
export interface Money {
  readonly amount: Decimal
  readonly currency: Currency
}

/** Throws TRG_CURRENCY_MISMATCH unless `money` is in `currency`; `field` names where it came from. */
export function assertCurrency(money: Money, currency: Currency, field: string): void {
  if (money.currency !== currency) {
    throw new TreguesiError('TRG_CURRENCY_MISMATCH', { field, expected: currency, actual: money.currency })
  }
}

/** Adds amounts of one currency; a different currency is refused, never converted. */
export function addMoney(a: Money, b: Money, field = 'amount'): Money {
  assertCurrency(b, a.currency, field)
  return { amount: add(a.amount, b.amount), currency: a.currency }
}

export function zero(currency: Currency): Money {
  return { amount: '0' as Decimal, currency }
}
