import t, { type Test } from 'tap'
import { replay } from '../decider.js'
import { invalid, spec } from '../testing/decider-spec.js'
import {
  aggregationOf,
  nationalIndicator,
  nationalIndicatorCommandSchema,
  nationalIndicatorStream,
  type NationalIndicatorEvent,
} from './national-indicator.js'

const decider = (t: Test) => spec(t, nationalIndicator, nationalIndicatorCommandSchema)

const name = { sq: 'Gratë e zgjedhura në këshillin bashkiak', en: 'Women elected to the municipal council' }
const counts = { numerator: { sq: 'Këshilltare' }, denominator: { sq: 'Vende në këshill' } }
const define = {
  type: 'DefineNationalIndicator',
  code: 'AL-SKBGJ-5.5.1b',
  name,
  unit: 'percent',
  ...counts,
  sdg: { indicator: '5.5.1', series: 'SG_GEN_LOCGELS' },
}
const { type: _type, ...definition } = define
const defined = { type: 'national-indicator.defined.v1', data: definition } as NationalIndicatorEvent
const countDefined = {
  type: 'national-indicator.defined.v1',
  data: { code: 'XK-SKMDHF-1', name: { sq: 'Raste të reja të dhunës në familje' }, unit: 'count' },
} as NationalIndicatorEvent

t.test('DefineNationalIndicator', async (t) => {
  decider(t).given([]).when(define).then([defined], 'a percentage, with its counts and SDG series, Albanian kept as written')
  decider(t)
    .given([])
    .when({ type: 'DefineNationalIndicator', code: 'XK-SKMDHF-1', name: { sq: 'Raste të reja të dhunës në familje' }, unit: 'count' })
    .then([countDefined], 'a count names no counts and needs no SDG')
  decider(t).given([defined]).when(define).thenFails('TRG_ALREADY_EXISTS', { entity: 'national indicator', id: 'AL-SKBGJ-5.5.1b' })
  t.equal(nationalIndicatorStream('AL-SKBGJ-5.5.1b'), 'national-indicator-AL-SKBGJ-5.5.1b')
  t.same(aggregationOf, { count: 'sum', amount: 'sum', milestone: 'sum', percent: 'ratio-of-sums' })
  decider(t)
    .given([])
    .refuses([
      invalid(define, { numerator: undefined }, 'numerator', /a percentage names its numerator and denominator/),
      invalid({ ...define, unit: 'count' }, {}, 'numerator', /other units name neither/),
      invalid(define, { unit: 'ratio' }, 'unit', /must be count, amount, percent or milestone/),
      invalid(define, { code: 'AL SKBGJ' }, 'code', /1–40 letters, digits/),
      invalid(define, { sdg: { indicator: '5.5' } }, 'sdg.indicator', /SDG indicator such as 5.5.1/),
      invalid(define, { sdg: { indicator: '18.1.1' } }, 'sdg.indicator'),
      invalid(define, { sdg: { indicator: '5.5.1', series: 'sg gen' } }, 'sdg.series', /SDG series code/),
      invalid(define, { name: { sq: ' ' } }, 'name.sq'),
    ])
})

t.test('ReviseNationalIndicator: names and references, only what changed', async (t) => {
  const revise = { type: 'ReviseNationalIndicator', code: 'AL-SKBGJ-5.5.1b' }
  const revised = (data: object) =>
    ({ type: 'national-indicator.revised.v1', data: { code: 'AL-SKBGJ-5.5.1b', ...data } }) as NationalIndicatorEvent
  decider(t)
    .given([defined])
    .decides([
      [
        { ...revise, name: { ...name, en: 'Women in municipal councils' } },
        [revised({ name: { ...name, en: 'Women in municipal councils' } })],
      ],
      [{ ...revise, name, sdg: { indicator: '5.5.1' } }, [revised({ sdg: { indicator: '5.5.1' } })], 'only the SDG reference changed'],
      [{ ...revise, ...counts }, [], 'the same labels again: nothing'],
    ])
  t.same(replay(nationalIndicator, [defined, revised({ sdg: { indicator: '5.5.1' } })]), {
    defined: true,
    ...definition,
    sdg: { indicator: '5.5.1' },
  })
  decider(t)
    .given([])
    .refuses([[{ ...revise, name }, 'TRG_NOT_FOUND', { entity: 'national indicator', id: 'AL-SKBGJ-5.5.1b' }]])
  decider(t)
    .given([countDefined])
    .refuses([
      [
        { type: 'ReviseNationalIndicator', code: 'XK-SKMDHF-1', numerator: { sq: 'Raste' } },
        'TRG_INVALID_COMMAND',
        { field: 'numerator', problem: /only a percentage names its counts; XK-SKMDHF-1 is in count/ },
      ],
      [
        { type: 'ReviseNationalIndicator', code: 'XK-SKMDHF-1', denominator: { sq: 'Banorë' } },
        'TRG_INVALID_COMMAND',
        { field: 'denominator' },
      ],
      invalid(
        { type: 'ReviseNationalIndicator', code: 'XK-SKMDHF-1' },
        {},
        '(command)',
        /at least one of name, numerator, denominator or sdg/,
      ),
    ])
})
