import type { Country, Period } from '@treguesi/domain'
import t from 'tap'
import { emptyReadModel, project, type ReadModel } from '../projection.js'
import { nationalAggregate, nationalCode, nationalCodes, nationalReasons } from './national-aggregate.js'
import { nationalProjection, type NationalState } from './national.js'
import {
  area,
  correct,
  define,
  definedBeforeCatalogue,
  defineNational,
  ethnicity,
  link,
  nationalLog,
  rawEvent,
  report,
  revise,
  reviseNational,
  sex,
  uuid,
  type TestLog,
} from './test-support.js'

const modelOf = (log: TestLog): ReadModel<NationalState> => project(nationalProjection, emptyReadModel(nationalProjection), log.events)
const aggregate = (log: TestLog, code: string, period: string, country: Country | 'cross-country') =>
  nationalAggregate(modelOf(log), code, period as Period, country)!

/**
 * Girls completing compulsory school, in percent, a national indicator of the catalogue: Elbasan
 * 45 of 60 and Tirana 80 % without counts (Albania), Drenas 10 of 40 (Kosovo).
 */
function percentLog(): TestLog {
  const log = defineNational(nationalLog(), 'NSGJ-3.2', 'percent')
  define(log, 1, 'ELB', 'NSGJ-3.2', { unit: 'percent', disaggregations: [sex] })
  define(log, 2, 'DRE', 'NSGJ-3.2', { unit: 'percent' })
  define(log, 3, 'TIR', 'NSGJ-3.2', { unit: 'percent' })
  report(log, 1, '2024', { value: '75', numerator: '45', denominator: '60', breakdown: { sex: { F: '75', M: '75' } } })
  report(log, 2, '2024', { value: '25', numerator: '10', denominator: '40' })
  return report(log, 3, '2024', { value: '80' })
}

t.test('a percentage is the ratio of sums, never a mean of percentages', async (t) => {
  const log = percentLog()
  const result = aggregate(log, 'NSGJ-3.2', '2024', 'cross-country')
  // The mean of Elbasan's 75 % and Drenas' 25 % would be 50 %; 55 of 100 girls is 55 %.
  t.match(result, {
    position: BigInt(log.events.length),
    nationalCode: 'NSGJ-3.2',
    definition: { code: 'NSGJ-3.2', name: { sq: 'Treguesi kombëtar NSGJ-3.2' }, unit: 'percent' },
    country: null,
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

t.test("a country's percentage counts its own municipalities; across countries, numerators and denominators add up", async (t) => {
  const log = percentLog()
  const albania = aggregate(log, 'NSGJ-3.2', '2024', 'AL')
  t.match(albania, {
    country: 'AL',
    total: { value: '75', reason: null },
    numerator: '45',
    denominator: '60',
    counted: ['ELB'],
    excluded: { count: 1, municipalities: ['TIR'] },
  })
  t.same(
    albania.byMunicipality.map((m) => m.municipality),
    ['ELB', 'TIR'],
    "Drenas' figure is not in Albania's",
  )
  const kosovo = aggregate(log, 'NSGJ-3.2', '2024', 'XK')
  t.match(kosovo, { country: 'XK', total: { value: '25', reason: null }, numerator: '10', denominator: '40', counted: ['DRE'] })
  t.same(kosovo.excluded, { count: 0, municipalities: [] })
  t.same(
    kosovo.byMunicipality.map((m) => m.municipality),
    ['DRE'],
  )
  const both = aggregate(log, 'NSGJ-3.2', '2024', 'cross-country')
  t.same([both.numerator, both.denominator], ['55', '100'], '45 + 10 of 60 + 40')
  t.same(both.definition, albania.definition, 'the same catalogue entry for each')
})

t.test('a ratio of sums keeps its precision', async (t) => {
  const log = percentLog()
  report(define(log, 19, 'TIR', 'NSGJ-3.2', { unit: 'percent' }), 19, '2024', { value: '33.3', numerator: '1', denominator: '3' })
  const result = aggregate(log, 'NSGJ-3.2', '2024', 'cross-country')
  t.same([result.numerator, result.denominator, result.total.value], ['56', '103', '54.368932038835'])
  t.same(result.excluded, { count: 0, municipalities: [] }, "Tirana's later indicator gives counts, and it counts for Tirana")
  const albania = aggregate(log, 'NSGJ-3.2', '2024', 'AL')
  t.same([albania.numerator, albania.denominator, albania.total.value], ['46', '63', '73.015873015873'])
})

t.test('percentages without counts, or with denominators adding up to 0, give no figure', async (t) => {
  const log = nationalLog()
  report(define(log, 15, 'ELB', 'PC-2', { unit: 'percent' }), 15, '2024', { value: '30' })
  t.same(aggregate(log, 'PC-2', '2024', 'AL').total, { value: null, reason: 'no-counts' })
  t.same([aggregate(log, 'PC-2', '2024', 'AL').numerator, aggregate(log, 'PC-2', '2024', 'AL').excluded.count], [null, 1])
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
  t.same(nationalAggregate(model, 'PC-3', '2024' as Period, 'AL')!.total, { value: null, reason: 'zero-denominator' })
})

/** People reached by awareness activities: Elbasan 4,500 and Tirana 1,200, with breakdowns. */
function countLog(): TestLog {
  const log = nationalLog()
  define(log, 4, 'ELB', 'NSGJ-2.1', { disaggregations: [sex, area, ethnicity] })
  define(log, 5, 'TIR', 'NSGJ-2.1', { disaggregations: [sex, ethnicity] })
  report(log, 4, '2024', {
    value: '4500',
    breakdown: { sex: { F: '2600', M: '1900' }, area: { urban: '3000', rural: '1500' }, ethnicity: { rom: '300', egjiptian: '200' } },
  })
  report(log, 4, '2024-H1', { value: '2000' })
  return report(log, 5, '2024', { value: '1200', breakdown: { sex: { F: '700', M: '500' }, ethnicity: { rom: '50' } } })
}

t.test('counts are summed, and so are breakdowns every counted value gives', async (t) => {
  const result = aggregate(countLog(), 'NSGJ-2.1', '2024', 'AL')
  t.match(result, {
    definition: null,
    country: 'AL',
    unit: 'count',
    method: "sum of the municipalities' actuals",
    total: { value: '5700', reason: null },
    numerator: null,
    denominator: null,
    counted: ['ELB', 'TIR'],
    excluded: { count: 0, municipalities: [] },
  })
  t.same(
    result.byMunicipality.map((m) => [m.municipality, m.municipalityName, m.code, m.value, m.corrections]),
    [
      ['ELB', { sq: 'Bashkia Elbasan' }, 'T4', '4500', 0],
      ['TIR', { sq: 'Bashkia Tiranë' }, 'T5', '1200', 0],
    ],
  )
  t.same(result.breakdowns, {
    sex: { categories: { F: '3300', M: '2400' }, incomplete: [], reason: null },
    area: { categories: null, reason: 'missing-breakdown', without: ['TIR'] },
    ethnicity: { categories: { rom: '350' }, incomplete: ['egjiptian'], reason: null },
    'age-group': { categories: null, reason: 'missing-breakdown', without: ['ELB', 'TIR'] },
  })
  t.equal(nationalAggregate(modelOf(countLog()), 'NSGJ-2.1', '2024' as Period, 'XK'), null, 'no Kosovar indicator carries the code')
})

t.test("a period's figure is made of values for exactly that period", async (t) => {
  const log = countLog()
  t.same(aggregate(log, 'NSGJ-2.1', '2024-H1', 'AL').total, { value: '2000', reason: null })
  t.same(aggregate(log, 'NSGJ-2.1', '2026', 'AL').total, { value: null, reason: 'no-values' })
  t.same(aggregate(log, 'NSGJ-2.1', '2026', 'AL').unit, null)
})

t.test('a correction replaces the value it corrects', async (t) => {
  const log = correct(countLog(), 5, '2024', { value: '1250', breakdown: { sex: { F: '750', M: '500' } } })
  const result = aggregate(log, 'NSGJ-2.1', '2024', 'AL')
  t.same(result.total, { value: '5750', reason: null })
  t.same(result.breakdowns.sex, { categories: { F: '3350', M: '2400' }, incomplete: [], reason: null })
  t.same(result.breakdowns.ethnicity, { categories: null, reason: 'missing-breakdown', without: ['TIR'] })
  t.same(result.byMunicipality.find((m) => m.municipality === 'TIR')?.corrections, 1)
})

t.test('a municipality counts once: with the latest figure it gave for the code and period', async (t) => {
  // A second Elbasan plan ties its own indicator to the same national code.
  const log = report(define(countLog(), 6, 'ELB', 'NSGJ-2.1'), 6, '2024', { value: '4600' })
  const later = aggregate(log, 'NSGJ-2.1', '2024', 'AL')
  t.same(later.total, { value: '5800', reason: null })
  t.same(later.counted, ['ELB', 'TIR'])
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
  t.same(aggregate(log, 'NSGJ-2.1', '2024', 'AL').total, { value: '5750', reason: null }, 'the correction is now the latest')
  t.equal(aggregate(log, 'NSGJ-2.1', '2024', 'AL').excluded.count, 0, 'a superseded figure excludes no municipality')
})

t.test('amounts are summed per currency, never across currencies', async (t) => {
  const log = nationalLog()
  define(log, 7, 'ELB', 'NSGJ-4.2', { unit: 'amount', currency: 'ALL' })
  define(log, 8, 'DRE', 'NSGJ-4.2', { unit: 'amount', currency: 'EUR' })
  report(log, 7, '2024', { value: '45000000' })
  report(log, 8, '2024', { value: '3000' })
  report(log, 7, '2025', { value: '30000000' })
  report(define(log, 20, 'TIR', 'NSGJ-4.2', { unit: 'amount', currency: 'ALL' }), 20, '2025', { value: '20000000' })
  const mixed = aggregate(log, 'NSGJ-4.2', '2024', 'cross-country')
  t.same(mixed.total, { value: null, reason: 'mixed-currencies' })
  t.same(mixed.byCurrency, { ALL: '45000000', EUR: '3000' })
  t.same(mixed.breakdowns.sex, { categories: null, reason: 'mixed-currencies', without: [] })
  const lek = aggregate(log, 'NSGJ-4.2', '2025', 'AL')
  t.same(
    [lek.total, lek.byCurrency, lek.method],
    [{ value: '50000000', reason: null }, { ALL: '50000000' }, "sum of the municipalities' actuals, per currency"],
  )
  // A donor's grant to Tirana, reported in euro: within one country too, currencies are never added.
  report(define(log, 21, 'TIR', 'NSGJ-4.2', { unit: 'amount', currency: 'EUR' }), 21, '2024', { value: '5000' })
  const albania = aggregate(log, 'NSGJ-4.2', '2024', 'AL')
  t.same(
    [albania.total, albania.byCurrency],
    [
      { value: null, reason: 'mixed-currencies' },
      { ALL: '45000000', EUR: '5000' },
    ],
  )
  t.same(albania.counted, ['ELB', 'TIR'], "Drenas' euro are not in Albania's figure")
})

t.test('each country counts only its own municipalities: amounts in lekë for Albania, in euro for Kosovo', async (t) => {
  const log = defineNational(nationalLog(), 'AMT-1', 'amount')
  define(log, 1, 'ELB', 'AMT-1', { unit: 'amount', currency: 'ALL', disaggregations: [sex] })
  define(log, 2, 'DRE', 'AMT-1', { unit: 'amount', currency: 'EUR', disaggregations: [sex] })
  report(log, 1, '2025', { value: '12000000', breakdown: { sex: { F: '7000000', M: '5000000' } } })
  report(log, 2, '2025', { value: '95000', breakdown: { sex: { F: '60000', M: '35000' } } })
  const albania = aggregate(log, 'AMT-1', '2025', 'AL')
  t.match(albania, {
    definition: { code: 'AMT-1', unit: 'amount' },
    country: 'AL',
    unit: 'amount',
    total: { value: '12000000', reason: null },
    byCurrency: { ALL: '12000000' },
    counted: ['ELB'],
  })
  t.same(
    albania.byMunicipality.map((m) => [m.municipality, m.currency, m.value]),
    [['ELB', 'ALL', '12000000']],
  )
  t.same(albania.breakdowns.sex, { categories: { F: '7000000', M: '5000000' }, incomplete: [], reason: null })
  const kosovo = aggregate(log, 'AMT-1', '2025', 'XK')
  t.match(kosovo, { country: 'XK', total: { value: '95000', reason: null }, counted: ['DRE'] })
  t.same(kosovo.byCurrency, { EUR: '95000' }, 'no lekë in it')
  t.same(
    kosovo.byMunicipality.map((m) => [m.municipality, m.currency, m.value]),
    [['DRE', 'EUR', '95000']],
  )
  t.same(kosovo.breakdowns.sex, { categories: { F: '60000', M: '35000' }, incomplete: [], reason: null })
})

t.test('milestones are counted; ratios, texts and mixed units are not aggregated', async (t) => {
  const log = nationalLog()
  define(log, 9, 'ELB', 'MS-1', { unit: 'milestone' })
  define(log, 10, 'TIR', 'MS-1', { unit: 'milestone' })
  report(log, 9, '2024', { value: '1' })
  report(log, 10, '2024', { value: '0' })
  // Tied before the catalogue, which takes neither ratios nor texts.
  report(definedBeforeCatalogue(log, 11, 'ELB', 'R-1', { unit: 'ratio' }), 11, '2024', { value: '0.5' })
  report(definedBeforeCatalogue(log, 12, 'ELB', 'TX-1', { unit: 'text' }), 12, '2024', { text: { sq: 'Protokolli u miratua' } })
  report(define(log, 13, 'ELB', 'MX-1'), 13, '2024', { value: '10' })
  // Korça's registration is not in this log: its name and country are unknown.
  report(definedBeforeCatalogue(log, 14, 'KOR', 'MX-1', { unit: 'percent' }), 14, '2024', { value: '20' })
  const milestone = aggregate(log, 'MS-1', '2024', 'AL')
  t.same(
    [milestone.total, milestone.method],
    [{ value: '1', reason: null }, 'number of municipalities that reached the milestone (the sum of their 1/0 values)'],
  )
  t.same(aggregate(log, 'R-1', '2024', 'AL').total, { value: null, reason: 'not-additive' })
  t.same(aggregate(log, 'R-1', '2024', 'AL').method, 'not aggregated: ratios cannot be added across municipalities')
  const text = aggregate(log, 'TX-1', '2024', 'AL')
  t.same([text.total, text.counted, text.byMunicipality[0]!.value], [{ value: null, reason: 'not-additive' }, [], null])
  const mixed = aggregate(log, 'MX-1', '2024', 'cross-country')
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
  const albania = aggregate(log, 'MX-1', '2024', 'AL')
  t.same(
    [albania.unit, albania.total, albania.counted],
    ['count', { value: '10', reason: null }, ['ELB']],
    'a municipality of no known country is in no country',
  )
})

t.test(
  'codes: unknown ones have no aggregate; known ones are listed with their definition, indicators, countries and municipalities',
  async (t) => {
    const log = countLog()
    defineNational(log, 'NSGJ-2.1')
    defineNational(log, 'NSGJ-2.9', 'percent')
    reviseNational(log, 'NSGJ-2.1', { name: { sq: 'Persona të ndërgjegjësuar', en: 'People reached' } })
    define(log, 17, 'TIR', 'EMPTY-1')
    define(log, 18, 'TIR', null)
    report(log, 18, '2024', { value: '7' })
    report(define(log, 23, 'DRE', 'NSGJ-2.1'), 23, '2024', { value: '90' })
    definedBeforeCatalogue(log, 24, 'KOR', 'OLD-1')
    const model = modelOf(log)
    t.equal(nationalAggregate(model, 'NO-SUCH-CODE', '2024' as Period, 'AL'), null)
    t.equal(nationalAggregate(model, 'constructor', '2024' as Period, 'cross-country'), null)
    t.equal(
      nationalAggregate(model, 'NSGJ-2.9', '2024' as Period, 'AL'),
      null,
      'a catalogue entry no indicator is tied to has no aggregate',
    )
    t.same(aggregate(log, 'EMPTY-1', '2024', 'AL').total, { value: null, reason: 'no-values' })
    t.equal(nationalAggregate(model, 'EMPTY-1', '2024' as Period, 'XK'), null)
    // Indicators left out count as if the log did not hold them: a code with none kept has no aggregate.
    t.equal(
      nationalAggregate(model, 'EMPTY-1', '2024' as Period, 'AL', (id) => id !== uuid(17)),
      null,
    )
    const withoutElbasan = nationalAggregate(model, 'NSGJ-2.1', '2024' as Period, 'AL', (id) => id !== uuid(4))!
    t.same(
      withoutElbasan.byMunicipality.map((figure) => figure.municipality),
      ['TIR'],
    )
    t.same(aggregate(log, 'NSGJ-2.1', '2024', 'AL').definition, {
      code: 'NSGJ-2.1',
      name: { sq: 'Persona të ndërgjegjësuar', en: 'People reached' },
      unit: 'count',
    })
    const summary = (code: ReturnType<typeof nationalCodes>[number]) => ({
      ...code,
      indicators: code.indicators.map((indicator) => [indicator.indicatorId, indicator.municipality, indicator.unit]),
    })
    t.same(nationalCodes(model).map(summary), [
      { nationalCode: 'EMPTY-1', definition: null, indicators: [[uuid(17), 'TIR', 'count']], countries: ['AL'], municipalities: ['TIR'] },
      {
        nationalCode: 'NSGJ-2.1',
        definition: { code: 'NSGJ-2.1', name: { sq: 'Persona të ndërgjegjësuar', en: 'People reached' }, unit: 'count' },
        indicators: [
          [uuid(4), 'ELB', 'count'],
          [uuid(5), 'TIR', 'count'],
          [uuid(23), 'DRE', 'count'],
        ],
        countries: ['AL', 'XK'],
        municipalities: ['DRE', 'ELB', 'TIR'],
      },
      {
        nationalCode: 'NSGJ-2.9',
        definition: {
          code: 'NSGJ-2.9',
          name: { sq: 'Treguesi kombëtar NSGJ-2.9' },
          unit: 'percent',
          numerator: { sq: 'Vajza që përfunduan' },
          denominator: { sq: 'Vajza të regjistruara' },
        },
        indicators: [],
        countries: [],
        municipalities: [],
      },
      { nationalCode: 'OLD-1', definition: null, indicators: [[uuid(24), 'KOR', 'count']], countries: [], municipalities: ['KOR'] },
    ])
    t.same(
      summary(nationalCode(model, 'NSGJ-2.1', (id) => id !== uuid(23))!),
      {
        nationalCode: 'NSGJ-2.1',
        definition: { code: 'NSGJ-2.1', name: { sq: 'Persona të ndërgjegjësuar', en: 'People reached' }, unit: 'count' },
        indicators: [
          [uuid(4), 'ELB', 'count'],
          [uuid(5), 'TIR', 'count'],
        ],
        countries: ['AL'],
        municipalities: ['ELB', 'TIR'],
      },
      'indicators `keep` leaves out are not listed, nor their countries',
    )
    t.same(
      nationalCodes(model, (id) => id !== uuid(17)).find((code) => code.nationalCode === 'EMPTY-1'),
      { nationalCode: 'EMPTY-1', definition: null, indicators: [], countries: [], municipalities: [] },
      'a code whose indicators are all left out is still listed',
    )
    t.equal(nationalCode(model, 'NO-SUCH-CODE'), undefined)
    t.equal(nationalCode(model, 'constructor'), undefined)
    t.same(nationalCode(model, 'TIR'), undefined, "a municipality's code is no national code")
  },
)

t.test(
  'an indicator tied after its definition counts with the figures it had by then; moved or untied, it no longer counts where it was',
  async (t) => {
    const log = nationalLog()
    defineNational(log, 'SH-1')
    defineNational(log, 'SH-2')
    define(log, 1, 'ELB', null)
    define(log, 2, 'TIR', 'SH-1')
    report(log, 1, '2024', { value: '5' })
    correct(log, 1, '2024', { value: '6' })
    report(log, 2, '2024', { value: '4' })
    t.same(aggregate(log, 'SH-1', '2024', 'AL').counted, ['TIR'])
    t.same(nationalCode(modelOf(log), 'SH-1')?.municipalities, ['TIR'], 'untied, Elbasan is not listed')

    link(log, 1, 'SH-1')
    const tied = aggregate(log, 'SH-1', '2024', 'AL')
    t.same([tied.total, tied.counted], [{ value: '10', reason: null }, ['ELB', 'TIR']], 'its figure reported before the tie counts')
    t.same(
      tied.byMunicipality.map((m) => [m.municipality, m.code, m.value, m.corrections]),
      [
        ['ELB', 'T1', '6', 1],
        ['TIR', 'T2', '4', 0],
      ],
    )
    t.same(
      nationalCode(modelOf(log), 'SH-1')?.indicators.map((i) => [i.indicatorId, i.nationalCode]),
      [
        [uuid(2), 'SH-1'],
        [uuid(1), 'SH-1'],
      ],
      'in the order they were tied',
    )

    link(log, 1, 'SH-2')
    t.same(aggregate(log, 'SH-1', '2024', 'AL').counted, ['TIR'], 'moved away, it no longer counts for the old code')
    t.same(aggregate(log, 'SH-2', '2024', 'AL').total, { value: '6', reason: null })
    t.same(nationalCode(modelOf(log), 'SH-1')?.municipalities, ['TIR'])

    link(log, 2, 'SH-2')
    t.equal(nationalAggregate(modelOf(log), 'SH-1', '2024' as Period, 'AL'), null, 'no indicator left on the old code: no figure')
    t.same(
      nationalCode(modelOf(log), 'SH-1'),
      {
        nationalCode: 'SH-1',
        definition: { code: 'SH-1', name: { sq: 'Treguesi kombëtar SH-1' }, unit: 'count' },
        indicators: [],
        countries: [],
        municipalities: [],
      },
      'the catalogue still lists it',
    )
    t.same(aggregate(log, 'SH-2', '2024', 'AL').total, { value: '10', reason: null })

    // A code carried before the catalogue, left by its only indicator, is gone.
    define(log, 3, 'DRE', 'OLD-7')
    report(log, 3, '2024', { value: '2' })
    t.same(
      nationalCodes(modelOf(log)).map((code) => code.nationalCode),
      ['OLD-7', 'SH-1', 'SH-2'],
    )
    link(log, 3, 'SH-2')
    t.equal(nationalCode(modelOf(log), 'OLD-7'), undefined)
    t.same(
      nationalCodes(modelOf(log)).map((code) => code.nationalCode),
      ['SH-1', 'SH-2'],
    )
    t.same(aggregate(log, 'SH-2', '2024', 'XK').total, { value: '2', reason: null })
    t.same(nationalCode(modelOf(log), 'SH-2')?.countries, ['AL', 'XK'])

    link(log, 1, null)
    const untied = aggregate(log, 'SH-2', '2024', 'AL')
    t.same([untied.total, untied.counted], [{ value: '4', reason: null }, ['TIR']], 'untied, it counts nowhere')
    t.same(
      nationalCode(modelOf(log), 'SH-2')?.indicators.map((i) => i.indicatorId),
      [uuid(2), uuid(3)],
    )
  },
)

t.test('a revised code shows in the municipal figures; a revised unit in how they are added', async (t) => {
  const log = defineNational(nationalLog(), 'NSGJ-3.2', 'percent')
  define(log, 1, 'ELB', 'NSGJ-3.2', { unit: 'percent' })
  report(log, 1, '2024', { value: '50', numerator: '30', denominator: '60' })
  report(log, 1, '2025', { value: '60', numerator: '36', denominator: '60' })
  revise(log, 1, { code: 'II.1/T1' })
  t.same(
    ['2024', '2025'].map((period) => aggregate(log, 'NSGJ-3.2', period, 'AL').byMunicipality[0]!.code),
    ['II.1/T1', 'II.1/T1'],
    'every period it reported',
  )
  // Defined as a count, corrected to a percentage before any figure, then tied.
  define(log, 2, 'TIR', null)
  revise(log, 2, { unit: 'percent' })
  report(log, 2, '2024', { value: '25', numerator: '10', denominator: '40' })
  link(log, 2, 'NSGJ-3.2', 'percent')
  const result = aggregate(log, 'NSGJ-3.2', '2024', 'AL')
  t.same(
    result.byMunicipality.map((m) => [m.municipality, m.code, m.unit]),
    [
      ['ELB', 'II.1/T1', 'percent'],
      ['TIR', 'T2', 'percent'],
    ],
  )
  t.same([result.unit, result.numerator, result.denominator, result.total.value], ['percent', '40', '100', '40'])
})

t.test('figures withheld from the caller are left out of the total and the breakdowns that would give them away', async (t) => {
  const log = nationalLog().run({
    type: 'RegisterMunicipality',
    code: 'DUR',
    name: { sq: 'Bashkia Durrës' },
    country: 'AL',
    currency: 'ALL',
  })
  define(log, 1, 'ELB', 'DV-1', { disaggregations: [sex] })
  define(log, 2, 'DUR', 'DV-1', { disaggregations: [sex] })
  define(log, 3, 'TIR', 'DV-1', { disaggregations: [sex] })
  report(log, 1, '2024', { value: '3', breakdown: { sex: { F: '2', M: '1' } } })
  report(log, 2, '2024', { value: '12', breakdown: { sex: { F: '9', M: '3' } } })
  report(log, 3, '2024', { value: '20', breakdown: { sex: { F: '11', M: '9' } } })
  const result = nationalAggregate(modelOf(log), 'DV-1', '2024' as Period, 'AL', undefined, (contribution) => {
    if (contribution.municipality === 'ELB') return 'suppressed'
    if (contribution.municipality === 'DUR') return { ...contribution, breakdown: {} }
    return contribution
  })!
  t.same(result.total, { value: '32', reason: null }, "Durrës' 12 and Tirana's 20: Elbasan's 3 is not in it")
  t.same(result.counted, ['DUR', 'TIR'])
  t.same(result.excluded, { count: 1, municipalities: ['ELB'] })
  t.same(
    result.byMunicipality.map((m) => [m.municipality, m.value, m.breakdown, m.excludedBecause]),
    [
      ['DUR', '12', {}, null],
      ['ELB', null, null, 'suppressed'],
      ['TIR', '20', { sex: { F: '11', M: '9' } }, null],
    ],
  )
  t.same(result.breakdowns.sex, { categories: null, reason: 'missing-breakdown', without: ['DUR'] }, "Durrës' parts are withheld")
})
