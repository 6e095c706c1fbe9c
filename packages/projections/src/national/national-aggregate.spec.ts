import type { Period } from '@treguesi/domain'
import t from 'tap'
import { emptyReadModel, project, type ReadModel } from '../projection.js'
import { nationalAggregate, nationalCodes, nationalReasons } from './national-aggregate.js'
import { nationalProjection, type NationalState } from './national.js'
import { area, correct, define, ethnicity, nationalLog, rawEvent, report, sex, uuid, type TestLog } from './test-support.js'

const modelOf = (log: TestLog): ReadModel<NationalState> => project(nationalProjection, emptyReadModel(nationalProjection), log.events)
const aggregate = (log: TestLog, code: string, period: string) => nationalAggregate(modelOf(log), code, period as Period)!

/** Girls completing compulsory school, in percent: Elbasan 45 of 60, Drenas 10 of 40, Tirana 80 % without counts. */
function percentLog(): TestLog {
  const log = nationalLog()
  define(log, 1, 'ELB', 'NSGJ-3.2', { unit: 'percent', disaggregations: [sex] })
  define(log, 2, 'DRE', 'NSGJ-3.2', { unit: 'percent' })
  define(log, 3, 'TIR', 'NSGJ-3.2', { unit: 'percent' })
  report(log, 1, '2024', { value: '75', numerator: '45', denominator: '60', breakdown: { sex: { F: '75', M: '75' } } })
  report(log, 2, '2024', { value: '25', numerator: '10', denominator: '40' })
  return report(log, 3, '2024', { value: '80' })
}

t.test('a percentage is the ratio of sums, never a mean of percentages', async (t) => {
  const log = percentLog()
  const result = aggregate(log, 'NSGJ-3.2', '2024')
  // The mean of Elbasan's 75 % and Drenas' 25 % would be 50 %; 55 of 100 girls is 55 %.
  t.match(result, {
    position: BigInt(log.events.length),
    nationalCode: 'NSGJ-3.2',
    period: '2024',
    unit: 'percent',
    method: /^ratio of sums: Σ numerators \/ Σ denominators × 100/,
    total: { value: '55', reason: null },
    numerator: '55',
    denominator: '100',
    byCurrency: null,
    counted: ['DRE', 'ELB'],
    excluded: { count: 1, municipalities: ['TIR'] },
  })
  t.same(
    result.byMunicipality.map((m) => [m.municipality, m.value, m.numerator, m.denominator, m.excludedBecause]),
    [
      ['DRE', '25', '10', '40', null],
      ['ELB', '75', '45', '60', null],
      ['TIR', '80', null, null, 'no-counts'],
    ],
    'the value without counts is listed, and left out of the ratio',
  )
  t.same(result.breakdowns.sex, { categories: null, reason: 'shares-not-additive', without: [] })
  t.match(nationalReasons['shares-not-additive'], /cannot be added without their counts/)
})

t.test('a ratio of sums keeps its precision', async (t) => {
  const log = percentLog()
  report(define(log, 19, 'TIR', 'NSGJ-3.2', { unit: 'percent' }), 19, '2024', { value: '33.3', numerator: '1', denominator: '3' })
  const result = aggregate(log, 'NSGJ-3.2', '2024')
  t.same([result.numerator, result.denominator, result.total.value], ['56', '103', '54.368932038835'])
  t.same(result.excluded, { count: 0, municipalities: [] }, "Tirana's later indicator gives counts, and it counts for Tirana")
})

t.test('percentages without counts, or with denominators adding up to 0, give no figure', async (t) => {
  const log = nationalLog()
  report(define(log, 15, 'ELB', 'PC-2', { unit: 'percent' }), 15, '2024', { value: '30' })
  t.same(aggregate(log, 'PC-2', '2024').total, { value: null, reason: 'no-counts' })
  t.same([aggregate(log, 'PC-2', '2024').numerator, aggregate(log, 'PC-2', '2024').excluded.count], [null, 1])
  define(log, 16, 'ELB', 'PC-3', { unit: 'percent' })
  // The decider refuses a denominator of 0; a log written by something else might hold one.
  const odd = rawEvent(log.events.length + 1, 'indicator.value-reported.v1', {
    indicatorId: uuid(16),
    period: '2024',
    value: '0',
    numerator: '0',
    denominator: '0',
  })
  const model = project(nationalProjection, modelOf(log), [odd])
  t.same(nationalAggregate(model, 'PC-3', '2024' as Period)!.total, { value: null, reason: 'zero-denominator' })
})

/** People reached by awareness activities: Elbasan 4,500 and Drenas 1,200, with breakdowns. */
function countLog(): TestLog {
  const log = nationalLog()
  define(log, 4, 'ELB', 'NSGJ-2.1', { disaggregations: [sex, area, ethnicity] })
  define(log, 5, 'DRE', 'NSGJ-2.1', { disaggregations: [sex, ethnicity] })
  report(log, 4, '2024', {
    value: '4500',
    breakdown: { sex: { F: '2600', M: '1900' }, area: { urban: '3000', rural: '1500' }, ethnicity: { rom: '300', egjiptian: '200' } },
  })
  report(log, 4, '2024-H1', { value: '2000' })
  return report(log, 5, '2024', { value: '1200', breakdown: { sex: { F: '700', M: '500' }, ethnicity: { rom: '50' } } })
}

t.test('counts are summed, and so are breakdowns every counted value gives', async (t) => {
  const result = aggregate(countLog(), 'NSGJ-2.1', '2024')
  t.match(result, {
    unit: 'count',
    method: "sum of the municipalities' actuals",
    total: { value: '5700', reason: null },
    numerator: null,
    denominator: null,
    counted: ['DRE', 'ELB'],
    excluded: { count: 0, municipalities: [] },
  })
  t.same(
    result.byMunicipality.map((m) => [m.municipality, m.municipalityName, m.code, m.value, m.corrections]),
    [
      ['DRE', { sq: 'Komuna e Drenasit' }, 'T5', '1200', 0],
      ['ELB', { sq: 'Bashkia Elbasan' }, 'T4', '4500', 0],
    ],
  )
  t.same(result.breakdowns, {
    sex: { categories: { F: '3300', M: '2400' }, incomplete: [], reason: null },
    area: { categories: null, reason: 'missing-breakdown', without: ['DRE'] },
    ethnicity: { categories: { rom: '350' }, incomplete: ['egjiptian'], reason: null },
    'age-group': { categories: null, reason: 'missing-breakdown', without: ['DRE', 'ELB'] },
  })
})

t.test("a period's figure is made of values for exactly that period", async (t) => {
  const log = countLog()
  t.same(aggregate(log, 'NSGJ-2.1', '2024-H1').total, { value: '2000', reason: null })
  t.same(aggregate(log, 'NSGJ-2.1', '2026').total, { value: null, reason: 'no-values' })
  t.same(aggregate(log, 'NSGJ-2.1', '2026').unit, null)
})

t.test('a correction replaces the value it corrects', async (t) => {
  const log = correct(countLog(), 5, '2024', { value: '1250', breakdown: { sex: { F: '750', M: '500' } } })
  const result = aggregate(log, 'NSGJ-2.1', '2024')
  t.same(result.total, { value: '5750', reason: null })
  t.same(result.breakdowns.sex, { categories: { F: '3350', M: '2400' }, incomplete: [], reason: null })
  t.same(result.breakdowns.ethnicity, { categories: null, reason: 'missing-breakdown', without: ['DRE'] })
  t.same(result.byMunicipality.find((m) => m.municipality === 'DRE')?.corrections, 1)
})

t.test('a municipality counts once: with the latest figure it gave for the code and period', async (t) => {
  // A second Elbasan plan ties its own indicator to the same national code.
  const log = report(define(countLog(), 6, 'ELB', 'NSGJ-2.1'), 6, '2024', { value: '4600' })
  const later = aggregate(log, 'NSGJ-2.1', '2024')
  t.same(later.total, { value: '5800', reason: null })
  t.same(later.counted, ['DRE', 'ELB'])
  t.same(
    later.byMunicipality
      .filter((m) => m.municipality === 'ELB')
      .map((m) => [m.code, m.excludedBecause])
      .sort(),
    [
      ['T4', 'superseded'],
      ['T6', null],
    ],
  )
  correct(log, 4, '2024', { value: '4550', breakdown: null })
  t.same(aggregate(log, 'NSGJ-2.1', '2024').total, { value: '5750', reason: null }, 'the correction is now the latest')
  t.equal(aggregate(log, 'NSGJ-2.1', '2024').excluded.count, 0, 'a superseded figure excludes no municipality')
})

t.test('amounts are summed per currency, never across currencies', async (t) => {
  const log = nationalLog()
  define(log, 7, 'ELB', 'NSGJ-4.2', { unit: 'amount', currency: 'ALL' })
  define(log, 8, 'DRE', 'NSGJ-4.2', { unit: 'amount', currency: 'EUR' })
  report(log, 7, '2024', { value: '45000000' })
  report(log, 8, '2024', { value: '3000' })
  report(log, 7, '2025', { value: '30000000' })
  report(define(log, 20, 'TIR', 'NSGJ-4.2', { unit: 'amount', currency: 'ALL' }), 20, '2025', { value: '20000000' })
  const mixed = aggregate(log, 'NSGJ-4.2', '2024')
  t.same(mixed.total, { value: null, reason: 'mixed-currencies' })
  t.same(mixed.byCurrency, { ALL: '45000000', EUR: '3000' })
  t.same(mixed.breakdowns.sex, { categories: null, reason: 'mixed-currencies', without: [] })
  const lek = aggregate(log, 'NSGJ-4.2', '2025')
  t.same(
    [lek.total, lek.byCurrency, lek.method],
    [{ value: '50000000', reason: null }, { ALL: '50000000' }, "sum of the municipalities' actuals, per currency"],
  )
})

t.test('milestones are counted; ratios, texts and mixed units are not aggregated', async (t) => {
  const log = nationalLog()
  define(log, 9, 'ELB', 'MS-1', { unit: 'milestone' })
  define(log, 10, 'DRE', 'MS-1', { unit: 'milestone' })
  report(log, 9, '2024', { value: '1' })
  report(log, 10, '2024', { value: '0' })
  report(define(log, 11, 'ELB', 'R-1', { unit: 'ratio' }), 11, '2024', { value: '0.5' })
  report(define(log, 12, 'ELB', 'TX-1', { unit: 'text' }), 12, '2024', { text: { sq: 'Protokolli u miratua' } })
  report(define(log, 13, 'ELB', 'MX-1'), 13, '2024', { value: '10' })
  // Korça's registration is not in this log: its name is unknown.
  report(define(log, 14, 'KOR', 'MX-1', { unit: 'percent' }), 14, '2024', { value: '20' })
  const milestone = aggregate(log, 'MS-1', '2024')
  t.same(
    [milestone.total, milestone.method],
    [{ value: '1', reason: null }, 'number of municipalities that reached the milestone (the sum of their 1/0 values)'],
  )
  t.same(aggregate(log, 'R-1', '2024').total, { value: null, reason: 'not-additive' })
  const text = aggregate(log, 'TX-1', '2024')
  t.same([text.total, text.counted, text.byMunicipality[0]!.value], [{ value: null, reason: 'not-additive' }, [], null])
  const mixed = aggregate(log, 'MX-1', '2024')
  t.same(
    [mixed.unit, mixed.total, mixed.method],
    [null, { value: null, reason: 'mixed-units' }, 'not aggregated: no values, or values in different units'],
  )
  t.same(
    mixed.byMunicipality.map((m) => [m.municipality, m.municipalityName, m.unit]),
    [
      ['ELB', { sq: 'Bashkia Elbasan' }, 'count'],
      ['KOR', null, 'percent'],
    ],
  )
  t.same(mixed.breakdowns.area, { categories: null, reason: 'mixed-units', without: [] })
})

t.test('codes: unknown ones have no aggregate; known ones are listed with their indicators and periods', async (t) => {
  const log = countLog()
  define(log, 17, 'TIR', 'EMPTY-1')
  define(log, 18, 'TIR', null)
  report(log, 18, '2024', { value: '7' })
  t.equal(nationalAggregate(modelOf(log), 'NO-SUCH-CODE', '2024' as Period), null)
  t.equal(nationalAggregate(modelOf(log), 'constructor', '2024' as Period), null)
  t.same(aggregate(log, 'EMPTY-1', '2024').total, { value: null, reason: 'no-values' })
  // Indicators left out count as if the log did not hold them: a code with none kept has no aggregate.
  t.equal(
    nationalAggregate(modelOf(log), 'EMPTY-1', '2024' as Period, (id) => id !== uuid(17)),
    null,
  )
  const withoutElbasan = nationalAggregate(modelOf(log), 'NSGJ-2.1', '2024' as Period, (id) => id !== uuid(4))!
  t.same(
    withoutElbasan.byMunicipality.map((figure) => figure.municipality),
    ['DRE'],
  )
  const { position, codes } = nationalCodes(modelOf(log))
  t.equal(position, BigInt(log.events.length))
  t.same(codes, [
    { nationalCode: 'EMPTY-1', indicators: 1, municipalities: ['TIR'], units: ['count'], periods: [] },
    { nationalCode: 'NSGJ-2.1', indicators: 2, municipalities: ['DRE', 'ELB'], units: ['count'], periods: ['2024-H1', '2024'] },
  ])
})

t.test('figures withheld from the caller are left out of the total and the breakdowns that would give them away', async (t) => {
  const log = nationalLog()
  define(log, 1, 'ELB', 'DV-1', { disaggregations: [sex] })
  define(log, 2, 'DRE', 'DV-1', { disaggregations: [sex] })
  define(log, 3, 'TIR', 'DV-1', { disaggregations: [sex] })
  report(log, 1, '2024', { value: '3', breakdown: { sex: { F: '2', M: '1' } } })
  report(log, 2, '2024', { value: '12', breakdown: { sex: { F: '9', M: '3' } } })
  report(log, 3, '2024', { value: '20', breakdown: { sex: { F: '11', M: '9' } } })
  const result = nationalAggregate(modelOf(log), 'DV-1', '2024' as Period, undefined, (contribution) => {
    if (contribution.municipality === 'ELB') return 'suppressed'
    if (contribution.municipality === 'DRE') return { ...contribution, breakdown: {} }
    return contribution
  })!
  t.same(result.total, { value: '32', reason: null }, "Drenas' 12 and Tirana's 20: Elbasan's 3 is not in it")
  t.same(result.counted, ['DRE', 'TIR'])
  t.same(result.excluded, { count: 1, municipalities: ['ELB'] })
  t.same(
    result.byMunicipality.map((m) => [m.municipality, m.value, m.breakdown, m.excludedBecause]),
    [
      ['DRE', '12', {}, null],
      ['ELB', null, null, 'suppressed'],
      ['TIR', '20', { sex: { F: '11', M: '9' } }, null],
    ],
  )
  t.same(result.breakdowns.sex, { categories: null, reason: 'missing-breakdown', without: ['DRE'] }, "Drenas' parts are withheld")
})
