import t from 'tap'
import {
  add,
  compare,
  decimal,
  decimalProblem,
  decimalSchema,
  divide,
  isZero,
  nonNegativeDecimalSchema,
  round,
  subtract,
  sum,
  type Decimal,
} from './decimal.js'

const d = (text: string): Decimal => decimalSchema.parse(text)

t.test('decimal strings are exact and canonical', async (t) => {
  t.equal(d('0010.500'), '10.5', 'leading and trailing zeros go')
  t.equal(d('-0.0'), '0', 'negative zero is zero')
  t.equal(d('123456789012345.123456789012'), '123456789012345.123456789012', 'no precision is lost')
  t.equal(d('0.0000001'), '0.0000001', 'never exponent notation')
  for (const bad of ['1,5', '1e3', '.5', '5.', '', ' 1', 'NaN']) t.notOk(decimalSchema.safeParse(bad).success, bad)
  t.notOk(nonNegativeDecimalSchema.safeParse('-1').success)
  t.equal(decimal(0.1), '0.1')
})

t.test('a figure has at most 15 digits before the point and 12 after, zeros that do not count aside', async (t) => {
  t.equal(d('-999999999999999.999999999999'), '-999999999999999.999999999999', 'just inside, negative too')
  t.equal(d('000999999999999999.100000000000000'), '999999999999999.1', 'leading and trailing zeros are not digits of the figure')
  t.match(decimalSchema.safeParse('1000000000000000').error?.issues, [
    { message: 'must have at most 15 digits before the decimal point, not 16' },
  ])
  t.match(decimalSchema.safeParse('0.1234567890123').error?.issues, [
    { message: 'must have at most 12 digits after the decimal point, not 13' },
  ])
  t.match(decimalSchema.safeParse('9'.repeat(5000)).error?.issues, [{ message: /not 5000$/ }])
  t.equal(decimalProblem('1e3'), 'must be a decimal number written with a dot, such as "1250.50"')
  t.equal(decimalProblem('12.345', { integerDigits: 2, fractionDigits: 2 }), 'must have at most 2 digits after the decimal point, not 3')
  t.equal(decimalProblem('99.99', { integerDigits: 2, fractionDigits: 2 }), null)
})

t.test('arithmetic never goes through binary floats', async (t) => {
  t.equal(add(d('0.1'), d('0.2')), '0.3')
  t.equal(subtract(d('34300'), d('31000')), '3300')
  t.equal(sum([d('34300'), d('31000'), d('30000'), d('0.05')]), '95300.05')
  t.equal(sum([]), '0')
  t.equal(compare(d('2'), d('10')), -1)
  t.equal(compare(d('2.0'), d('2')), 0)
  t.ok(isZero(d('0.000')))
  t.notOk(isZero(d('0.001')))
})

t.test('division keeps 12 places, rounding half to even', async (t) => {
  t.equal(divide(d('80'), d('95')), '0.842105263158')
  t.equal(divide(d('14'), d('6')), '2.333333333333')
  t.equal(divide(d('0.9'), d('2')), '0.45')
  t.equal(round(d('0.8425'), 3), '0.842', 'half to even, down')
  t.equal(round(d('0.8435'), 3), '0.844', 'half to even, up')
  t.equal(round(d('2.3333'), 3), '2.333')
})
