import t from 'tap'
import { addMoney, assertCurrency, moneySchema, zero, type Money } from './money.js'

const m = (amount: string, currency: 'ALL' | 'EUR'): Money => moneySchema.parse({ amount, currency })

t.test('money adds exactly within one currency', async (t) => {
  t.same(addMoney(m('34300', 'ALL'), m('31000.50', 'ALL')), { amount: '65300.5', currency: 'ALL' })
  t.same(addMoney(zero('EUR'), m('3000', 'EUR')), { amount: '3000', currency: 'EUR' })
  t.notOk(moneySchema.safeParse({ amount: '10', currency: 'USD' }).success, 'only ALL and EUR')
  t.match(moneySchema.safeParse({ amount: '10', currency: 'USD' }).error?.issues[0]?.message, 'must be ALL (lekë) or EUR')
})

t.test('an amount has at most 15 digits before the point and 2 after: lekë and euro both have two places', async (t) => {
  t.same(m('999999999999999.99', 'ALL'), { amount: '999999999999999.99', currency: 'ALL' })
  t.same(m('1250.500', 'EUR'), { amount: '1250.5', currency: 'EUR' }, 'a trailing zero is not a third place')
  const issue = (amount: string) => moneySchema.safeParse({ amount, currency: 'EUR' }).error?.issues[0]
  t.match(issue('0.001'), { path: ['amount'], message: 'must have at most 2 digits after the decimal point, not 3' })
  t.match(issue('1000000000000000'), { path: ['amount'], message: 'must have at most 15 digits before the decimal point, not 16' })
  t.match(issue('-1'), { path: ['amount'], message: 'must not be negative' })
})

t.test('different currencies are refused, never converted', async (t) => {
  t.throws(() => addMoney(m('1000', 'EUR'), m('34300', 'ALL')), {
    code: 'TRG_CURRENCY_MISMATCH',
    details: { field: 'amount', expected: 'EUR', actual: 'ALL' },
  })
  t.throws(() => assertCurrency(m('1', 'EUR'), 'ALL', 'budget.total'), {
    message: 'budget.total is in EUR but must be in ALL: amounts of different currencies are never added',
  })
  t.doesNotThrow(() => assertCurrency(m('1', 'ALL'), 'ALL', 'x'))
})
