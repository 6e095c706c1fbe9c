import fc from 'fast-check'
import t from 'tap'
import { getEntry, keyedEntriesOf } from '../persistent-map.js'
import { emptyReadModel, project, type LogEvent, type ReadModel } from '../projection.js'
import * as index from './index.js'
import { initialNationalState, nationalProjection, type NationalState } from './national.js'
import { foldsAlike } from '../test-support.js'
import { correct, define, nationalLog, rawEvent, report, sex, uuid, type TestLog } from './test-support.js'

const fold = (events: readonly LogEvent[], from: ReadModel<NationalState> = emptyReadModel(nationalProjection)) =>
  project(nationalProjection, from, events)

t.test('the fold keeps the indicators that carry a national code and their current figures', async (t) => {
  const log = nationalLog()
  define(log, 1, 'ELB', 'NSGJ-3.2', { unit: 'percent', disaggregations: [sex] })
  define(log, 2, 'DRE', 'NSGJ-4.2', { unit: 'amount', currency: 'EUR' })
  define(log, 3, 'ELB', null)
  report(log, 1, '2024', {
    value: '75',
    numerator: '45',
    denominator: '60',
    breakdown: { sex: { F: '80', M: '70' } },
    note: { sq: 'Shënim' },
  })
  const reportedAt = BigInt(log.events.length)
  report(log, 2, '2025', { value: '3000' })
  report(log, 3, '2024', { value: '12' })
  correct(log, 1, '2024', { value: '70', numerator: '42', denominator: '60', breakdown: null })
  const { state } = fold(log.events)
  t.same(state.municipalities.DRE, { name: { sq: 'Komuna e Drenasit' }, country: 'XK' })
  t.same(getEntry(state.indicators, uuid(1)), {
    indicatorId: uuid(1),
    nationalCode: 'NSGJ-3.2',
    municipality: 'ELB',
    planId: uuid(501),
    code: 'T1',
    unit: 'percent',
    currency: null,
  })
  t.equal(getEntry(state.indicators, uuid(3)), undefined, 'an indicator without a national code is not kept')
  t.same(
    keyedEntriesOf(state.values)
      .map(([code]) => code)
      .sort(),
    ['NSGJ-3.2', 'NSGJ-4.2'],
  )
  t.same(getEntry(state.values, 'NSGJ-3.2')?.['2024']?.[uuid(1)], {
    indicatorId: uuid(1),
    municipality: 'ELB',
    code: 'T1',
    unit: 'percent',
    currency: null,
    value: '70',
    breakdown: null,
    numerator: '42',
    denominator: '60',
    corrections: 1,
    position: BigInt(log.events.length),
  })
  t.ok(reportedAt < BigInt(log.events.length))
  t.same(getEntry(state.values, 'NSGJ-4.2')?.['2025']?.[uuid(2)]?.currency, 'EUR')
})

t.test('events it does not fold, or about indicators it does not keep, leave the state as it is', async (t) => {
  const log = nationalLog()
  define(log, 1, 'ELB', 'NSGJ-3.2')
  const { state } = fold(log.events)
  for (const event of [
    rawEvent(100, 'budget-line.allocated.v1', {}),
    rawEvent(101, 'indicator.baseline-set.v1', { indicatorId: uuid(1), value: '3', year: 2023 }),
    rawEvent(102, 'indicator.value-reported.v1', { indicatorId: uuid(9), period: '2024', value: '3' }),
  ]) {
    t.equal(nationalProjection.apply(state, event), state, event.type)
  }
  t.equal(nationalProjection.name, 'national')
  t.equal(nationalProjection.initialState, initialNationalState)
  t.equal(index.nationalProjection, nationalProjection, 'the folder index exports the projection and its selectors')
  t.same(
    ['nationalAggregate', 'nationalCodes', 'nationalReasons'].filter((name) => !(name in index)),
    [],
  )
})

t.test('an indicator defined again under another national code moves to it', async (t) => {
  const log = nationalLog()
  define(log, 1, 'ELB', 'NSGJ-3.2')
  define(log, 2, 'TIR', 'NSGJ-3.2')
  const { state } = fold(log.events)
  const definition = log.events.find((event) => event.type === 'indicator.defined.v1')!
  const again = nationalProjection.apply(state, rawEvent(200, 'indicator.defined.v1', definition.data))
  t.equal(again.byCode, state.byCode, 'the same code: indexed once')
  const moved = nationalProjection.apply(
    state,
    rawEvent(201, 'indicator.defined.v1', { ...(definition.data as object), nationalCode: 'NSGJ-9' }),
  )
  t.same(getEntry(moved.byCode, 'NSGJ-3.2'), [uuid(2)])
  t.same(getEntry(moved.byCode, 'NSGJ-9'), [uuid(1)])
  const last = nationalProjection.apply(
    moved,
    rawEvent(202, 'indicator.defined.v1', {
      ...(definition.data as object),
      indicatorId: uuid(2),
      municipality: 'TIR',
      nationalCode: 'NSGJ-9',
    }),
  )
  t.equal(getEntry(last.byCode, 'NSGJ-3.2'), undefined, 'a code no indicator carries any more is gone')
})

t.test('a correction read without the report it corrects (a log read from the middle) still counts as one', async (t) => {
  const log = nationalLog()
  define(log, 1, 'ELB', 'NSGJ-2.1')
  report(log, 1, '2024', { value: '10' })
  correct(log, 1, '2024', { value: '11' })
  const { state } = fold(log.events.filter((event) => event.type !== 'indicator.value-reported.v1'))
  t.same(getEntry(state.values, 'NSGJ-2.1')?.['2024']?.[uuid(1)]?.corrections, 1)
  t.same(getEntry(state.values, 'NSGJ-2.1')?.['2024']?.[uuid(1)]?.value, '11')
})

// ---------------------------------------------------------------------------------------------
// Property: one batch, arbitrary chunks (re-delivered events included) and a rebuild agree.
// ---------------------------------------------------------------------------------------------

const municipalities = ['ELB', 'DRE', 'TIR'] as const
const periods = ['2024', '2024-H1', '2025'] as const
const codes = ['NSGJ-2.1', 'NSGJ-3.2'] as const

type Step = (log: TestLog) => unknown

const count = fc.integer({ min: 0, max: 1000 })

const step: fc.Arbitrary<Step> = fc.oneof(
  fc
    .record({
      n: fc.integer({ min: 1, max: 8 }),
      municipality: fc.constantFrom(...municipalities),
      code: fc.option(fc.constantFrom(...codes), { nil: null }),
      percent: fc.boolean(),
    })
    .map(
      ({ n, municipality, code, percent }): Step =>
        (log) =>
          define(log, n, municipality, code, { unit: percent ? 'percent' : 'count', disaggregations: [sex] }),
    ),
  fc.record({ n: fc.integer({ min: 1, max: 8 }), period: fc.constantFrom(...periods), f: count, m: count, corrected: fc.boolean() }).map(
    ({ n, period, f, m, corrected }): Step =>
      (log) => {
        // Whole counts suit a count indicator; for a percent, 0–100 with counts that give it exactly.
        const total = f + m
        const figure = { value: String(total), breakdown: { sex: { F: String(f), M: String(m) } } }
        const send = corrected ? correct : report
        log.attempt((l) => send(l, n, period, figure))
        log.attempt((l) => send(l, n, period, { value: '50', numerator: String(f), denominator: String(2 * f) }))
      },
  ),
)

t.test('one batch, arbitrary chunks and a rebuild from scratch give deep-equal read models', async (t) => {
  let folded = 0
  let figures = 0
  const eventsOf = (steps: Step[]) => {
    const log = nationalLog()
    for (const run of steps) log.attempt(run)
    folded += log.events.length
    figures += log.events.filter((event) => event.type.startsWith('indicator.value-')).length
    return log.events
  }
  fc.assert(foldsAlike(step, eventsOf, fold))
  t.ok(folded > 1000 && figures > 200, `the generated logs held ${folded} events, ${figures} of them reported or corrected values`)
})

t.test(
  "a tied indicator's revised code shows in its entry and in every figure it contributed; other revisions change nothing here",
  async (t) => {
    const log = nationalLog()
    define(log, 1, 'ELB', 'NSGJ-3.2', { unit: 'percent' })
    define(log, 2, 'ELB', null)
    define(log, 3, 'DRE', 'NSGJ-3.2', { unit: 'percent' })
    report(log, 1, '2024', { value: '75' })
    report(log, 1, '2025', { value: '80' })
    report(log, 3, '2025', { value: '60' })
    const before = fold(log.events)
    const revise = (n: number, changes: object) =>
      log.run({ type: 'ReviseIndicator', indicatorId: uuid(n), reason: { sq: 'Kodi i ri' }, ...changes })
    revise(1, { code: 'II.1/T1' })
    revise(2, { code: 'X' })
    revise(3, { name: { sq: 'Emri i ri', en: 'New name' } })
    const { state } = fold(log.events)
    t.equal(getEntry(state.indicators, uuid(1))?.code, 'II.1/T1')
    const figures = getEntry(state.values, 'NSGJ-3.2')!
    t.same([figures['2024']![uuid(1)]!.code, figures['2025']![uuid(1)]!.code], ['II.1/T1', 'II.1/T1'], 'every period it reported')
    t.same(
      figures['2025']![uuid(3)],
      getEntry(before.state.values, 'NSGJ-3.2')!['2025']![uuid(3)],
      "another municipality's figure is as it was",
    )
    t.equal(getEntry(state.indicators, uuid(2)), undefined, 'an untied indicator is still not kept')
    t.same(getEntry(state.indicators, uuid(3)), getEntry(before.state.indicators, uuid(3)), 'a new name is not held here')

    const quiet = nationalLog()
    define(quiet, 4, 'TIR', 'NSGJ-1.1')
    quiet.run({ type: 'ReviseIndicator', indicatorId: uuid(4), code: 'T9', reason: { sq: 'Kodi i ri' } })
    const folded = fold(quiet.events).state
    t.equal(getEntry(folded.indicators, uuid(4))?.code, 'T9', 'revised before any figure')
    t.equal(getEntry(folded.values, 'NSGJ-1.1'), undefined, 'and no figures made up for it')
  },
)
