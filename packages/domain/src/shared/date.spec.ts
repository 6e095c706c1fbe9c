import t from 'tap'
import { dateSchema, dateTimeSchema, plausibleYears, writtenYearProblem, yearProblem } from './date.js'

const problem = (schema: typeof dateSchema | typeof dateTimeSchema, text: string) => schema.safeParse(text).error?.issues[0]?.message

t.test('dates fall in a plausible year, the first and last day of it included', async (t) => {
  t.same(plausibleYears, { first: 1990, last: 2100 })
  for (const good of ['1990-01-01', '2024-02-29', '2100-12-31']) t.equal(dateSchema.parse(good), good)
  t.equal(problem(dateSchema, '1989-12-31'), 'has a year that must be 1990 or later')
  t.equal(problem(dateSchema, '0000-01-01'), 'has a year that must be 1990 or later')
  t.equal(problem(dateSchema, '2101-01-01'), 'has a year that must be 2100 or earlier')
  t.equal(problem(dateSchema, '9999-12-31'), 'has a year that must be 2100 or earlier')
  t.equal(problem(dateSchema, '2023-02-29'), 'must be a date written YYYY-MM-DD, such as 2024-12-31', 'not a day of the calendar')
  t.equal(problem(dateSchema, '31.12.2024'), 'must be a date written YYYY-MM-DD, such as 2024-12-31')
})

t.test('date-times likewise, by the year they are written with', async (t) => {
  for (const good of ['1990-01-01T00:00:00+01:00', '2100-12-31T23:59:59Z', '2025-03-01T09:00:00.123+01:00'])
    t.equal(dateTimeSchema.parse(good), good)
  t.equal(problem(dateTimeSchema, '1989-12-31T23:59:59Z'), 'has a year that must be 1990 or later')
  t.equal(problem(dateTimeSchema, '0000-01-01T00:00:00+14:00'), 'has a year that must be 1990 or later')
  t.equal(problem(dateTimeSchema, '2101-01-01T00:00:00Z'), 'has a year that must be 2100 or earlier')
  t.match(problem(dateTimeSchema, '2025-03-01T09:00:00'), /must be an ISO 8601 date-time with a time zone/)
})

t.test('the year rule on its own', async (t) => {
  t.equal(yearProblem(1990), null)
  t.equal(yearProblem(2100), null)
  t.equal(yearProblem(1989), 'must be 1990 or later')
  t.equal(yearProblem(2101), 'must be 2100 or earlier')
  t.equal(writtenYearProblem('2024-Q1'), null)
  t.equal(writtenYearProblem('1900'), 'has a year that must be 1990 or later')
})
