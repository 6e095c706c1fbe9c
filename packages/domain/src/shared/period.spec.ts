import t from 'tap'
import { comparePeriods, isYear, periodContains, periodProblem, periodSchema, quarterOf, yearOf, type Period } from './period.js'

const p = (text: string): Period => periodSchema.parse(text)

t.test('periods are years, half-years and quarters', async (t) => {
  for (const good of ['2024', '2024-H1', '2024-H2', '2025-Q1', '2025-Q4']) t.equal(p(good), good)
  for (const bad of ['24', '2024-H3', '2024-Q5', '2024-h1', '2024 ', '2024-01']) {
    t.notOk(periodSchema.safeParse(bad).success, `${JSON.stringify(bad)} is refused`)
  }
  t.match(periodSchema.safeParse('2024-M1').error?.issues[0]?.message, /a year \(2024\), a half-year \(2024-H1\) or a quarter/)
  t.equal(yearOf(p('2026-Q3')), 2026)
  t.ok(isYear(p('2026')))
  t.notOk(isYear(p('2026-H2')))
})

t.test('a period lies in a plausible year, 1990 to 2100', async (t) => {
  for (const good of ['1990', '1990-H1', '2100', '2100-Q4']) t.equal(p(good), good)
  const problem = (text: string) => periodSchema.safeParse(text).error?.issues[0]?.message
  t.equal(problem('1989'), 'has a year that must be 1990 or later')
  t.equal(problem('0000-Q1'), 'has a year that must be 1990 or later')
  t.equal(problem('2101-H2'), 'has a year that must be 2100 or earlier')
  t.equal(problem('9999'), 'has a year that must be 2100 or earlier')
  t.equal(periodProblem('2024-M1', 'a period or never'), 'must be a period or never', 'a field that takes more says so')
})

t.test('ordering: by end, and the longer period last when they end together', async (t) => {
  const sorted = ['2025', '2024', '2024-Q4', '2024-H1', '2024-H2', '2025-Q1', '2024-Q1'].map(p).sort(comparePeriods)
  t.same(sorted, ['2024-Q1', '2024-H1', '2024-Q4', '2024-H2', '2024', '2025-Q1', '2025'])
  t.equal(comparePeriods(p('2024'), p('2024')), 0)
})

t.test('a year contains its halves and quarters, not the other way round', async (t) => {
  t.ok(periodContains(p('2024'), p('2024-H2')))
  t.ok(periodContains(p('2024'), p('2024-Q3')))
  t.ok(periodContains(p('2024-H2'), p('2024-Q3')))
  t.notOk(periodContains(p('2024-H1'), p('2024-Q3')))
  t.notOk(periodContains(p('2024-Q3'), p('2024')))
  t.notOk(periodContains(p('2025'), p('2024-Q1')))
})

t.test('the quarter a date falls in', async (t) => {
  t.same(['2024-01-01', '2024-03-31', '2024-04-01', '2024-05-01', '2024-12-31'].map(quarterOf), [
    '2024-Q1',
    '2024-Q1',
    '2024-Q2',
    '2024-Q2',
    '2024-Q4',
  ])
})
