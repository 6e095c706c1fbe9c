import fc from 'fast-check'
import t from 'tap'
import { getEntry, keyedEntriesOf } from '../persistent-map.js'
import { emptyReadModel, project, type LogEvent, type ReadModel } from '../projection.js'
import * as index from './index.js'
import { initialNationalState, nationalProjection, type NationalState } from './national.js'
import { foldsAlike } from '../test-support.js'
import {
  correct,
  define,
  definedBeforeCatalogue,
  defineNational,
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

const fold = (events: readonly LogEvent[], from: ReadModel<NationalState> = emptyReadModel(nationalProjection)) =>
  project(nationalProjection, from, events)

/** The code index as plain pairs, by code. */
const byCode = (state: NationalState) => keyedEntriesOf(state.byCode).sort(([a], [b]) => (a < b ? -1 : 1))

t.test('the fold keeps every indicator a national indicator could take, tied or not, and their current figures', async (t) => {
  const log = nationalLog()
  define(log, 1, 'ELB', 'NSGJ-3.2', { unit: 'percent', disaggregations: [sex] })
  define(log, 2, 'DRE', 'NSGJ-4.2', { unit: 'amount', currency: 'EUR' })
  define(log, 3, 'ELB', null)
  define(log, 4, 'TIR', null, { unit: 'text' })
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
  report(log, 4, '2024', { text: { sq: 'Protokolli u miratua' } })
  correct(log, 1, '2024', { value: '70', numerator: '42', denominator: '60', breakdown: null })
  const { state } = fold(log.events)
  t.same(state.municipalities, {
    ELB: { name: { sq: 'Bashkia Elbasan' }, country: 'AL' },
    TIR: { name: { sq: 'Bashkia Tiranë' }, country: 'AL' },
    DRE: { name: { sq: 'Komuna e Drenasit' }, country: 'XK' },
  })
  t.same(getEntry(state.indicators, uuid(1)), {
    indicatorId: uuid(1),
    nationalCode: 'NSGJ-3.2',
    municipality: 'ELB',
    planId: uuid(501),
    code: 'T1',
    unit: 'percent',
    currency: null,
  })
  t.same(getEntry(state.indicators, uuid(2))?.currency, 'EUR')
  t.same(
    getEntry(state.indicators, uuid(3)),
    { indicatorId: uuid(3), nationalCode: null, municipality: 'ELB', planId: uuid(503), code: 'T3', unit: 'count', currency: null },
    'an untied count is kept: it may be tied later, with the figures it has by then',
  )
  t.equal(getEntry(state.indicators, uuid(4)), undefined, 'an untied text is not: no national indicator takes one')
  t.same(byCode(state), [
    ['NSGJ-3.2', [uuid(1)]],
    ['NSGJ-4.2', [uuid(2)]],
  ])
  t.same(getEntry(state.figures, uuid(1)), {
    2024: {
      value: '70',
      breakdown: null,
      numerator: '42',
      denominator: '60',
      corrections: 1,
      position: BigInt(log.events.length),
    },
  })
  t.ok(reportedAt < BigInt(log.events.length))
  t.same(getEntry(state.figures, uuid(2))?.['2025']?.value, '3000')
  t.same(getEntry(state.figures, uuid(3))?.['2024'], {
    value: '12',
    breakdown: null,
    numerator: null,
    denominator: null,
    corrections: 0,
    position: BigInt(log.events.length - 2),
  })
  t.equal(getEntry(state.figures, uuid(4)), undefined, "a text's value is not held")
  t.same(keyedEntriesOf(state.catalogue), [], 'no national indicator defined: an empty catalogue')
})

t.test('the catalogue holds each national indicator as defined, and as revised since', async (t) => {
  const log = nationalLog()
  defineNational(log, 'NSGJ-3.2', 'percent', { sdg: { indicator: '4.1.2' } })
  defineNational(log, 'NSGJ-2.1')
  const defined = fold(log.events).state
  t.same(getEntry(defined.catalogue, 'NSGJ-3.2'), {
    code: 'NSGJ-3.2',
    name: { sq: 'Treguesi kombëtar NSGJ-3.2' },
    unit: 'percent',
    numerator: { sq: 'Vajza që përfunduan' },
    denominator: { sq: 'Vajza të regjistruara' },
    sdg: { indicator: '4.1.2' },
  })
  t.same(getEntry(defined.catalogue, 'NSGJ-2.1'), { code: 'NSGJ-2.1', name: { sq: 'Treguesi kombëtar NSGJ-2.1' }, unit: 'count' })
  reviseNational(log, 'NSGJ-3.2', {
    name: { sq: 'Shkalla e përfundimit', en: 'Completion rate' },
    sdg: { indicator: '4.1.2', series: 'SE_TOT_CPLR' },
  })
  const { state } = fold(log.events)
  t.same(getEntry(state.catalogue, 'NSGJ-3.2'), {
    code: 'NSGJ-3.2',
    name: { sq: 'Shkalla e përfundimit', en: 'Completion rate' },
    unit: 'percent',
    numerator: { sq: 'Vajza që përfunduan' },
    denominator: { sq: 'Vajza të regjistruara' },
    sdg: { indicator: '4.1.2', series: 'SE_TOT_CPLR' },
  })
  t.equal(getEntry(state.catalogue, 'NSGJ-2.1'), getEntry(defined.catalogue, 'NSGJ-2.1'), 'the other entry is as it was')
  // The decider refuses to revise a national indicator it never defined; a log read from the middle might hold one.
  const stray = rawEvent(log.events.length + 1, 'national-indicator.revised.v1', { code: 'NSGJ-9.9', name: { sq: 'Pa përkufizim' } })
  t.equal(nationalProjection.apply(state, stray), state, 'a revision of a code the log never defined changes nothing')
  t.same(byCode(state), [], 'the catalogue ties no indicator by itself')
})

t.test('events it does not fold, or about indicators it does not hold, leave the state as it is', async (t) => {
  const log = nationalLog()
  define(log, 1, 'ELB', 'NSGJ-3.2')
  define(log, 2, 'ELB', null, { unit: 'text' })
  define(log, 3, 'TIR', null, { unit: 'ratio' })
  const { state } = fold(log.events)
  // Values of indicators no national indicator takes, as the domain decides them.
  report(log, 2, '2024', { text: { sq: 'Protokolli u miratua' } })
  report(log, 3, '2024', { value: '0.5' })
  correct(log, 3, '2024', { value: '0.6' })
  const [text, ratio, corrected] = log.events.slice(-3)
  for (const event of [
    text!,
    ratio!,
    corrected!,
    rawEvent(100, 'budget-line.allocated.v1', {}),
    rawEvent(101, 'indicator.baseline-set.v1', { indicatorId: uuid(1), value: '3', year: 2023 }),
    rawEvent(102, 'indicator.value-reported.v1', { indicatorId: uuid(9), period: '2024', value: '3' }),
    // The decider ties only indicators it defined, in a unit a national indicator takes.
    rawEvent(103, 'indicator.national-code-linked.v1', {
      indicatorId: uuid(9),
      nationalCode: 'NSGJ-3.2',
      previous: null,
      reason: { sq: 'x' },
    }),
    rawEvent(104, 'indicator.national-code-linked.v1', {
      indicatorId: uuid(2),
      nationalCode: 'NSGJ-3.2',
      previous: null,
      reason: { sq: 'x' },
    }),
    rawEvent(105, 'indicator.national-code-linked.v1', {
      indicatorId: uuid(3),
      nationalCode: 'NSGJ-3.2',
      previous: null,
      reason: { sq: 'x' },
    }),
    rawEvent(106, 'indicator.revised.v1', { indicatorId: uuid(9), code: 'X', reason: { sq: 'x' } }),
  ]) {
    t.equal(nationalProjection.apply(state, event), state, `${event.type} ${event.position}`)
  }
  t.equal(nationalProjection.name, 'national')
  t.equal(nationalProjection.initialState, initialNationalState)
  t.equal(index.nationalProjection, nationalProjection, 'the folder index exports the projection and its selectors')
  t.same(
    ['nationalAggregate', 'nationalCode', 'nationalCodes', 'nationalReasons'].filter((name) => !(name in index)),
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

t.test('an indicator tied after its definition moves in the code index; its figures stay as they are', async (t) => {
  const log = nationalLog()
  defineNational(log, 'NSGJ-2.1')
  defineNational(log, 'NSGJ-2.2')
  define(log, 1, 'ELB', null)
  define(log, 2, 'TIR', 'NSGJ-2.1')
  report(log, 1, '2024', { value: '5' })
  const untied = fold(log.events)
  t.same(byCode(untied.state), [['NSGJ-2.1', [uuid(2)]]])
  link(log, 1, 'NSGJ-2.1')
  const tied = fold(log.events.slice(-1), untied)
  t.same(log.events.at(-1)?.data, {
    indicatorId: uuid(1),
    nationalCode: 'NSGJ-2.1',
    previous: null,
    reason: { sq: 'Lidhet me treguesin kombëtar' },
  })
  t.same(byCode(tied.state), [['NSGJ-2.1', [uuid(2), uuid(1)]]], 'in the order they were tied')
  t.equal(getEntry(tied.state.indicators, uuid(1))?.nationalCode, 'NSGJ-2.1')
  t.equal(tied.state.figures, untied.state.figures, 'the figures it reported untied are kept as they were')
  link(log, 1, 'NSGJ-2.2')
  t.same(byCode(fold(log.events).state), [
    ['NSGJ-2.1', [uuid(2)]],
    ['NSGJ-2.2', [uuid(1)]],
  ])
  link(log, 2, 'NSGJ-2.2')
  t.same(byCode(fold(log.events).state), [['NSGJ-2.2', [uuid(1), uuid(2)]]], 'a code left with no indicator drops out of the index')
  link(log, 1, null)
  const { state } = fold(log.events)
  t.same(byCode(state), [['NSGJ-2.2', [uuid(2)]]])
  t.equal(getEntry(state.indicators, uuid(1))?.nationalCode, null, 'untied, it is still held, to be tied again')
  t.same(getEntry(state.figures, uuid(1))?.['2024']?.value, '5')
  link(log, 2, null)
  t.same(byCode(fold(log.events).state), [], 'the last indicator untied: no code is indexed')
  t.same(
    keyedEntriesOf(fold(log.events).state.catalogue)
      .map(([code]) => code)
      .sort(),
    ['NSGJ-2.1', 'NSGJ-2.2'],
    'the catalogue keeps its entries',
  )
})

t.test('a correction read without the report it corrects (a log read from the middle) still counts as one', async (t) => {
  const log = nationalLog()
  define(log, 1, 'ELB', 'NSGJ-2.1')
  report(log, 1, '2024', { value: '10' })
  correct(log, 1, '2024', { value: '11' })
  const { state } = fold(log.events.filter((event) => event.type !== 'indicator.value-reported.v1'))
  t.same(getEntry(state.figures, uuid(1))?.['2024']?.corrections, 1)
  t.same(getEntry(state.figures, uuid(1))?.['2024']?.value, '11')
})

t.test('an indicator tied in a log recorded before the catalogue is held whatever its unit', async (t) => {
  const log = nationalLog()
  definedBeforeCatalogue(log, 1, 'ELB', 'PKVBGJ 3.1', { unit: 'text' })
  report(log, 1, '2024', { text: { sq: 'Protokolli u miratua' } })
  const { state } = fold(log.events)
  t.same(getEntry(state.indicators, uuid(1))?.nationalCode, 'PKVBGJ 3.1')
  t.same(getEntry(state.indicators, uuid(1))?.unit, 'text')
  t.same(byCode(state), [['PKVBGJ 3.1', [uuid(1)]]])
  t.same(getEntry(state.figures, uuid(1))?.['2024']?.value, null, 'its figure is held, with no value to add')
})

// ---------------------------------------------------------------------------------------------
// Property: one batch, arbitrary chunks (re-delivered events included) and a rebuild agree.
// ---------------------------------------------------------------------------------------------

const municipalities = ['ELB', 'DRE', 'TIR'] as const
const periods = ['2024', '2024-H1', '2025'] as const
const codes = ['NSGJ-2.1', 'NSGJ-3.2'] as const

type Step = (log: TestLog) => unknown

const count = fc.integer({ min: 0, max: 1000 })
const indicatorNumber = fc.integer({ min: 1, max: 8 })

const defining: fc.Arbitrary<Step> = fc
  .record({
    n: indicatorNumber,
    municipality: fc.constantFrom(...municipalities),
    code: fc.option(fc.constantFrom(...codes), { nil: null }),
    percent: fc.boolean(),
  })
  .map(
    ({ n, municipality, code, percent }): Step =>
      (log) =>
        define(log, n, municipality, code, { unit: percent ? 'percent' : 'count', disaggregations: [sex] }),
  )

const reporting: fc.Arbitrary<Step> = fc
  .record({ n: indicatorNumber, period: fc.constantFrom(...periods), f: count, m: count, corrected: fc.boolean() })
  .map(
    ({ n, period, f, m, corrected }): Step =>
      (log) => {
        // Whole counts suit a count indicator; for a percent, 0–100 with counts that give it exactly.
        const total = f + m
        const figure = { value: String(total), breakdown: { sex: { F: String(f), M: String(m) } } }
        const send = corrected ? correct : report
        log.attempt((l) => send(l, n, period, figure))
        log.attempt((l) => send(l, n, period, { value: '50', numerator: String(f), denominator: String(2 * f) }))
      },
  )

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: defining, weight: 2 },
  { arbitrary: reporting, weight: 4 },
  // Tied, moved or untied: the unit given is the indicator's own for one of the two, refused for the other.
  fc.record({ n: indicatorNumber, code: fc.option(fc.constantFrom(...codes), { nil: null }) }).map(
    ({ n, code }): Step =>
      (log) => {
        log.attempt((l) => link(l, n, code, 'count'))
        log.attempt((l) => link(l, n, code, 'percent'))
      },
  ),
  // Revised indicators and catalogue entries; each entry defined once, the others refused.
  fc.record({ n: indicatorNumber, prefix: fc.constantFrom('A', 'B'), nationalCode: fc.constantFrom(...codes) }).map(
    ({ n, prefix, nationalCode }): Step =>
      (log) => {
        log.attempt((l) => revise(l, n, { code: `${prefix}${n}` }))
        log.attempt((l) => defineNational(l, nationalCode, nationalCode === 'NSGJ-3.2' ? 'percent' : 'count'))
        log.attempt((l) => reviseNational(l, nationalCode, { name: { sq: `Emri ${prefix}` } }))
      },
  ),
)

t.test('one batch, arbitrary chunks and a rebuild from scratch give deep-equal read models', async (t) => {
  let folded = 0
  let figures = 0
  let links = 0
  const eventsOf = (steps: Step[]) => {
    const log = nationalLog()
    for (const run of steps) log.attempt(run)
    folded += log.events.length
    figures += log.events.filter((event) => event.type.startsWith('indicator.value-')).length
    links += log.events.filter((event) => event.type === 'indicator.national-code-linked.v1').length
    return log.events
  }
  fc.assert(foldsAlike(step, eventsOf, fold))
  t.ok(
    folded > 1000 && figures > 200 && links > 50,
    `the generated logs held ${folded} events, ${figures} of them reported or corrected values, ${links} ties moved`,
  )
})

t.test(
  "a held indicator's revised code and unit are kept; other revisions, or revisions of indicators not held, change nothing",
  async (t) => {
    const log = nationalLog()
    define(log, 1, 'ELB', 'NSGJ-3.2', { unit: 'percent' })
    define(log, 2, 'ELB', null, { unit: 'text' })
    define(log, 3, 'DRE', 'NSGJ-3.2', { unit: 'percent' })
    define(log, 4, 'TIR', null)
    report(log, 1, '2024', { value: '75' })
    report(log, 1, '2025', { value: '80' })
    report(log, 3, '2025', { value: '60' })
    const before = fold(log.events)
    revise(log, 1, { code: 'II.1/T1' })
    revise(log, 2, { code: 'X' })
    revise(log, 3, { name: { sq: 'Emri i ri', en: 'New name' } })
    // Only an untied indicator without figures takes another unit.
    revise(log, 4, { unit: 'percent' })
    const [code, notHeld, name, unit] = log.events.slice(-4)
    t.same(unit!.data, { indicatorId: uuid(4), unit: 'percent', reason: { sq: 'Korrigjim i përkufizimit' } })
    const { state } = fold(log.events)
    t.same(getEntry(state.indicators, uuid(1)), { ...getEntry(before.state.indicators, uuid(1)), code: 'II.1/T1' })
    t.same(getEntry(state.indicators, uuid(4)), { ...getEntry(before.state.indicators, uuid(4)), unit: 'percent' })
    t.same(state.figures, before.state.figures, 'the figures are as they were')
    t.same(state.byCode, before.state.byCode, 'and so are the ties')
    t.equal(nationalProjection.apply(before.state, notHeld!), before.state, 'an indicator not held has nothing to revise')
    t.equal(nationalProjection.apply(before.state, name!), before.state, 'a new name is not held here')
    t.not(nationalProjection.apply(before.state, code!), before.state)
  },
)
