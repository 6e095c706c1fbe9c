import type { Decimal, Period } from '@treguesi/domain'
import t from 'tap'
import { isSmall, withheldFigures, type CountFigure, type SeriesOptions, type Withheld } from './small-cells.js'

const rule = { threshold: 5 }
const perPeriod: SeriesOptions = { cumulative: false, exhaustive: (dimension) => dimension !== 'ethnicity' }
const cumulative: SeriesOptions = { ...perPeriod, cumulative: true }

const figure = (period: string, value: string, breakdown?: Record<string, Record<string, string>>): CountFigure => ({
  period: period as Period,
  value: value as Decimal,
  ...(breakdown && { breakdown: breakdown as Record<string, Record<string, Decimal>> }),
})

/** What is withheld, as plain lists: whole periods, and `period dimension category` for parts. */
function plain(withheld: Withheld) {
  const parts = [...withheld.parts].flatMap(([period, dimensions]) =>
    [...dimensions].flatMap(([dimension, categories]) => [...categories].map((category) => `${period} ${dimension} ${category}`)),
  )
  return { periods: [...withheld.periods].sort(), parts: parts.sort() }
}

t.test('a count above 0 and below the threshold is small; 0 and the threshold are not', async (t) => {
  t.same(
    ['0', '1', '4', '5', '120'].map((value) => isSmall(value as Decimal, rule)),
    [false, true, true, false, false],
  )
  t.same(
    plain(
      withheldFigures(
        ['0', '1', '4', '5'].map((value, i) => figure(`${2022 + i}`, value)),
        rule,
        perPeriod,
      ),
    ),
    {
      periods: ['2023', '2024'],
      parts: [],
    },
  )
})

t.test('a breakdown: a small part is withheld with the smallest other part, so the total cannot give it away', async (t) => {
  t.same(plain(withheldFigures([figure('2024', '12', { sex: { F: '3', M: '9' } })], rule, perPeriod)), {
    periods: [],
    parts: ['2024 sex F', '2024 sex M'],
  })
  t.same(
    plain(withheldFigures([figure('2024', '20', { area: { urban: '2', rural: '8', unknown: '10' } })], rule, perPeriod)),
    { periods: [], parts: ['2024 area rural', '2024 area urban'] },
    'of three parts, the next smallest goes with it',
  )
  t.same(
    plain(withheldFigures([figure('2024', '20', { area: { urban: '2', rural: '3', unknown: '15' } })], rule, perPeriod)),
    { periods: [], parts: ['2024 area rural', '2024 area urban'] },
    'two small parts hide each other',
  )
  t.same(
    plain(withheldFigures([figure('2024', '12', { ethnicity: { roma: '3' } })], rule, perPeriod)),
    { periods: [], parts: ['2024 ethnicity roma'] },
    'a dimension that breaks out some groups only gives nothing away through the total',
  )
  t.same(
    plain(withheldFigures([figure('2024', '3', { sex: { F: '1', M: '2' } })], rule, perPeriod)),
    { periods: ['2024'], parts: [] },
    'a small total takes its breakdowns with it',
  )
  t.same(plain(withheldFigures([figure('2024', '12', { sex: { F: '12', M: '0' } })], rule, perPeriod)), { periods: [], parts: [] })
})

t.test('running totals: one that grew by less than the threshold is withheld, the next compared with the last shown', async (t) => {
  const figures = ['10', '12', '20', '20', '22', '30'].map((value, i) => figure(`${2020 + i}`, value))
  t.same(plain(withheldFigures(figures, rule, cumulative)), { periods: ['2021', '2024'], parts: [] })
  t.same(
    plain(withheldFigures([figure('2023', '10'), figure('2024', '8')], rule, cumulative)),
    { periods: ['2024'], parts: [] },
    'a fall by less than the threshold (a correction of a running total) gives a count away as well',
  )
  t.same(
    plain(
      withheldFigures(
        [figure('2023', '20', { sex: { F: '8', M: '12' } }), figure('2024', '30', { sex: { F: '10', M: '20' } })],
        rule,
        cumulative,
      ),
    ),
    { periods: [], parts: ['2024 sex F', '2024 sex M'] },
    'each part is a running total of its own: F grew by 2, and M goes with it',
  )
  t.same(
    plain(withheldFigures([figure('2024', '10'), figure('2024-H1', '7')].reverse(), rule, cumulative)),
    { periods: ['2024'], parts: [] },
    'running totals at mid-year and at the end of it: the year grew by 3',
  )
})

t.test('a year and its halves or quarters: one withheld part is withheld with another, so the year cannot give it away', async (t) => {
  const halves = [figure('2024-H1', '3'), figure('2024-H2', '17'), figure('2024', '20')]
  t.same(plain(withheldFigures(halves, rule, perPeriod)), { periods: ['2024-H1', '2024-H2'], parts: [] })
  const quarters = ['6', '2', '7', '9'].map((value, i) => figure(`2024-Q${i + 1}`, value))
  t.same(plain(withheldFigures([...quarters, figure('2024', '24')], rule, perPeriod)), { periods: ['2024-Q1', '2024-Q2'], parts: [] })
  t.same(
    plain(withheldFigures([figure('2024-H1', '3'), figure('2024', '20')], rule, perPeriod)),
    { periods: ['2024-H1'], parts: [] },
    'without the other half, the year gives nothing away',
  )
  t.same(plain(withheldFigures([figure('2024-H1', '2'), figure('2024-H2', '2'), figure('2024', '4')], rule, perPeriod)), {
    periods: ['2024', '2024-H1', '2024-H2'],
    parts: [],
  })
  t.same(
    plain(
      withheldFigures(
        [
          figure('2024-H1', '10', { sex: { F: '3', M: '7' } }),
          figure('2024-H2', '10', { sex: { F: '6', M: '4' } }),
          figure('2024', '20', { sex: { F: '9', M: '11' } }),
        ],
        rule,
        perPeriod,
      ),
    ),
    { periods: [], parts: ['2024-H1 sex F', '2024-H1 sex M', '2024-H2 sex F', '2024-H2 sex M'] },
    "every part of every half: the year's parts are each a sum of two withheld ones, and stay",
  )
  t.same(
    plain(
      withheldFigures(
        [
          figure('2024-H1', '10', { sex: { F: '5', M: '5' } }),
          figure('2024-H2', '10', { sex: { F: '6', M: '4' } }),
          figure('2024', '20', { sex: { F: '11', M: '9' } }),
        ],
        rule,
        perPeriod,
      ),
    ),
    { periods: [], parts: ['2024-H1 sex F', '2024-H1 sex M', '2024-H2 sex F', '2024-H2 sex M'] },
    "the rules run until none withholds more: H2's M, then its F by the total; then H1's F and M by the year's (their smallest shown)",
  )
})
