import t from 'tap'
import type { FigureStatus } from '../figure-rows.js'
import { d, period } from '../test-support.js'
import type { SdmxUnit } from './sdmx-codes.js'
import { isSdmxFilter, sdmxFilter, type SdmxVocabulary } from './sdmx-filters.js'
import type { SdmxObservation } from './sdmx-observations.js'

const vocabulary: SdmxVocabulary = {
  municipalities: new Set(['DRE', 'ELB', 'TIR']),
  indicators: new Set(['NSGE_B2_2', 'NSGE_D4_1', 'AL-SKBGJ-5_5_1b']),
}

interface Made {
  readonly name: string
  readonly at?: '2024' | '2024-H1' | '2024-H2' | '2024-Q3' | '2025'
  readonly area?: string
  readonly indicator?: string
  readonly sex?: string
  readonly ethnicity?: string
  readonly unit?: SdmxUnit
  readonly status?: FigureStatus
}

/** An observation named `name`, so a filter's choice reads as the names it keeps. */
function made({ name, at = '2024', area = 'ELB', indicator = 'NSGE_B2_2', sex = '_T', ethnicity = '_T', unit, status }: Made) {
  const [freq, timePeriod] = at.includes('-H') ? ['S', at.replace('-H', '-S')] : at.includes('-Q') ? ['Q', at] : ['A', at]
  const observation: SdmxObservation = {
    key: {
      FREQ: freq!,
      REF_AREA: area,
      INDICATOR: indicator,
      SEX: sex,
      ETHNICITY: ethnicity,
      URBANISATION: '_T',
      AGE: '_T',
      TIME_PERIOD: timePeriod!,
    },
    period: period(at),
    partOrder: sex === '_T' && ethnicity === '_T' ? -1 : sex === '_T' ? 1 : 0,
    value: status === 'suppressed' ? null : d('5'),
    unit: unit ?? 'NUMBER',
    status: status ?? 'reported',
    source: null,
  }
  return { name, observation }
}

const all = [
  made({ name: 'total' }),
  made({ name: 'women', sex: 'F' }),
  made({ name: 'men', sex: 'M' }),
  made({ name: 'roma', ethnicity: 'ROM', status: 'suppressed' }),
  made({ name: 'share', indicator: 'NSGE_D4_1', unit: 'PT', status: 'computed' }),
  made({ name: 'half', at: '2024-H1', area: 'DRE', indicator: 'AL-SKBGJ-5_5_1b', status: 'corrected' }),
  made({ name: 'second half', at: '2024-H2', area: 'DRE', indicator: 'AL-SKBGJ-5_5_1b' }),
  made({ name: 'quarter', at: '2024-Q3', area: 'TIR', indicator: 'NSGE_D4_1' }),
  made({ name: 'lekë', at: '2025', unit: 'ALL' }),
]

/** The names of the observations the filters keep. */
function kept(parameters: Readonly<Record<string, string>>): string[] {
  const filter = sdmxFilter(parameters, vocabulary)
  return all.filter(({ observation }) => filter(observation)).map(({ name }) => name)
}

const everything = all.map(({ name }) => name)

t.test('which parameters are filters: c[COMPONENT], the component in capitals', async (t) => {
  t.ok(isSdmxFilter('c[SEX]'))
  t.ok(isSdmxFilter('c[TIME_PERIOD]'))
  t.ok(isSdmxFilter('c[ANYTHING]'), 'whether the dataflow has it is checked by the filter')
  t.notOk(isSdmxFilter('c[sex]'))
  t.notOk(isSdmxFilter('c[]'))
  t.notOk(isSdmxFilter('c[SEX'))
  t.notOk(isSdmxFilter('x[SEX]'))
  t.notOk(isSdmxFilter('c[SEX]x'))
  t.notOk(isSdmxFilter('municipality'))
})

t.test('no filter keeps everything', async (t) => {
  t.strictSame(kept({}), everything)
})

t.test('a code alone is eq; a comma between alternatives, a + or a space between conditions', async (t) => {
  t.strictSame(kept({ 'c[SEX]': 'F' }), ['women'])
  t.strictSame(kept({ 'c[SEX]': 'eq:F' }), ['women'])
  t.strictSame(kept({ 'c[SEX]': 'F,M' }), ['women', 'men'], 'either')
  t.strictSame(
    kept({ 'c[SEX]': 'ne:F+ne:M' }),
    everything.filter((name) => name !== 'women' && name !== 'men'),
    'both',
  )
  t.strictSame(kept({ 'c[SEX]': 'ne:F ne:M' }), kept({ 'c[SEX]': 'ne:F+ne:M' }), 'a space as a +')
  t.strictSame(kept({ 'c[SEX]': 'F+M' }), [], 'F and M at once: none')
  t.strictSame(kept({ 'c[SEX]': 'F+ne:M,_T+ne:_T' }), ['women'], 'alternatives of conditions')
  t.strictSame(kept({ 'c[SEX]': '_T', 'c[ETHNICITY]': '_T', 'c[REF_AREA]': 'ELB' }), ['total', 'share', 'lekë'], 'every filter holds')
})

t.test('each dimension', async (t) => {
  t.strictSame(kept({ 'c[FREQ]': 'S' }), ['half', 'second half'])
  t.strictSame(kept({ 'c[FREQ]': 'Q' }), ['quarter'])
  t.strictSame(kept({ 'c[FREQ]': 'M' }), [], 'a code of CL_FREQ no observation has')
  t.strictSame(kept({ 'c[REF_AREA]': 'TIR' }), ['quarter'])
  t.strictSame(kept({ 'c[INDICATOR]': 'AL-SKBGJ-5_5_1b' }), ['half', 'second half'])
  t.strictSame(kept({ 'c[ETHNICITY]': 'ROM' }), ['roma'])
  t.strictSame(kept({ 'c[URBANISATION]': 'U' }), [], 'an open list: any code')
  t.strictSame(kept({ 'c[AGE]': 'ne:_T' }), [])
  t.strictSame(kept({ 'c[TIME_PERIOD]': '2024-S1' }), ['half'])
})

t.test('the time period: by period order, a year after its halves and quarters', async (t) => {
  t.strictSame(kept({ 'c[TIME_PERIOD]': '2024' }), ['total', 'women', 'men', 'roma', 'share'])
  t.strictSame(kept({ 'c[TIME_PERIOD]': 'eq:2024-A1' }), kept({ 'c[TIME_PERIOD]': '2024' }), 'a year as A1')
  t.strictSame(kept({ 'c[TIME_PERIOD]': 'ne:2024' }), ['half', 'second half', 'quarter', 'lekë'])
  t.strictSame(kept({ 'c[TIME_PERIOD]': 'lt:2024-S2' }), ['half', 'quarter'], 'Q3 ends before H2')
  t.strictSame(kept({ 'c[TIME_PERIOD]': 'le:2024-S2' }), ['half', 'second half', 'quarter'])
  t.strictSame(kept({ 'c[TIME_PERIOD]': 'gt:2024-Q3' }), ['total', 'women', 'men', 'roma', 'share', 'second half', 'lekë'])
  t.strictSame(kept({ 'c[TIME_PERIOD]': 'ge:2024' }), ['total', 'women', 'men', 'roma', 'share', 'lekë'])
  t.strictSame(kept({ 'c[TIME_PERIOD]': 'ge:2024-S1+le:2024-Q3' }), ['half', 'quarter'], 'a range')
  t.strictSame(kept({ 'c[TIME_PERIOD]': 'lt:2024-S1,gt:2024' }), ['lekë'], 'outside a range')
})

t.test('text operators on codes: contains, does not contain, starts with, ends with', async (t) => {
  t.strictSame(kept({ 'c[INDICATOR]': 'co:D4' }), ['share', 'quarter'])
  t.strictSame(kept({ 'c[INDICATOR]': 'nc:NSGE' }), ['half', 'second half'])
  t.strictSame(kept({ 'c[INDICATOR]': 'sw:AL-' }), ['half', 'second half'])
  t.strictSame(kept({ 'c[INDICATOR]': 'ew:_1' }), ['share', 'quarter'])
  t.strictSame(kept({ 'c[REF_AREA]': 'sw:XX' }), [], 'a part of a code need not be a municipality')
  t.strictSame(kept({ 'c[INDICATOR]': 'co:NOPE' }), [], 'nor of an indicator')
  t.strictSame(kept({ 'c[FREQ]': 'co:Z' }), [], 'nor of a closed list')
})

t.test('the coded attributes: UNIT_MEASURE, OBS_STATUS, CONF_STATUS', async (t) => {
  t.strictSame(kept({ 'c[UNIT_MEASURE]': 'PT' }), ['share'])
  t.strictSame(kept({ 'c[UNIT_MEASURE]': 'ALL,EUR' }), ['lekë'])
  t.strictSame(kept({ 'c[UNIT_MEASURE]': 'sw:NUM' }), ['total', 'women', 'men', 'roma', 'half', 'second half', 'quarter'])
  t.strictSame(kept({ 'c[OBS_STATUS]': 'Q' }), ['roma'], 'a withheld cell is missing')
  t.strictSame(
    kept({ 'c[OBS_STATUS]': 'A' }),
    everything.filter((name) => name !== 'roma'),
    'any other normal',
  )
  t.strictSame(kept({ 'c[OBS_STATUS]': 'P' }), [], 'a code of the list no observation has')
  t.strictSame(kept({ 'c[CONF_STATUS]': 'C' }), ['roma'])
  t.strictSame(kept({ 'c[CONF_STATUS]': 'ne:F' }), ['roma'])
  t.strictSame(kept({ 'c[CONF_STATUS]': 'F', 'c[SEX]': 'ne:_T' }), ['women', 'men'])
})

/** The details of the TRG_INVALID_VALUE a filter is refused with. */
const invalid = (type: string, value: string, problem: string) => ({ code: 'TRG_INVALID_VALUE', details: { type, value, problem } })

t.test('a component the dataflow does not have, or a parameter that is no filter, is refused', async (t) => {
  const components =
    'c[FREQ], c[REF_AREA], c[INDICATOR], c[SEX], c[ETHNICITY], c[URBANISATION], c[AGE], c[TIME_PERIOD], c[UNIT_MEASURE], c[OBS_STATUS], c[CONF_STATUS]'
  const problem = `is not a component of TREGUESI:DF_LAP_INDICATORS(1.0.0): give ${components}`
  t.throws(() => sdmxFilter({ 'c[COLOUR]': 'RED' }, vocabulary), invalid('parameter', 'c[COLOUR]', problem))
  t.throws(
    () => sdmxFilter({ 'c[OBS_VALUE]': '5' }, vocabulary),
    invalid('parameter', 'c[OBS_VALUE]', problem),
    'the measure is not filtered',
  )
  t.throws(() => sdmxFilter({ 'c[UNIT_MULT]': '0' }, vocabulary), invalid('parameter', 'c[UNIT_MULT]', problem))
  t.throws(() => sdmxFilter({ 'c[COMMENT_OBS]': 'x' }, vocabulary), invalid('parameter', 'c[COMMENT_OBS]', problem))
  t.throws(() => sdmxFilter({ 'c[sex]': 'F' }, vocabulary), invalid('parameter', 'c[sex]', problem))
  t.throws(() => sdmxFilter({ SEX: 'F' }, vocabulary), invalid('parameter', 'SEX', problem))
  t.throws(
    () => sdmxFilter({ 'c[SEX]': 'F', 'c[HAIR]': 'RED' }, vocabulary),
    invalid('parameter', 'c[HAIR]', problem),
    'beside a valid one',
  )
})

t.test('an operator that is not one is refused', async (t) => {
  const problem = (named: string) => `${named} is not an operator: give eq, ne, lt, le, gt, ge, co, nc, sw, ew`
  t.throws(() => sdmxFilter({ 'c[SEX]': 'xx:F' }, vocabulary), invalid('c[SEX]', 'xx:F', problem('xx')))
  t.throws(() => sdmxFilter({ 'c[TIME_PERIOD]': 'in:2024' }, vocabulary), invalid('c[TIME_PERIOD]', 'in:2024', problem('in')))
  t.throws(() => sdmxFilter({ 'c[SEX]': 'M,be:F' }, vocabulary), invalid('c[SEX]', 'be:F', problem('be')), 'in any alternative')
  t.throws(() => sdmxFilter({ 'c[SEX]': 'EQ:F' }, vocabulary), invalid('c[SEX]', 'EQ:F', 'EQ:F is not an SDMX code'), 'in capitals: a code')
})

t.test('a period the dataflow does not hold, or compared by text, is refused', async (t) => {
  const notPeriod = (code: string) => `${code} is not a period of the dataflow: give 2024, 2024-S1 or 2024-Q3`
  for (const given of ['2024-H1', '2024-M01', '24', '', 'ge:2024-13', 'ge:']) {
    const code = given.replace(/^[a-z]{2}:/, '')
    t.throws(
      () => sdmxFilter({ 'c[TIME_PERIOD]': given }, vocabulary),
      invalid('c[TIME_PERIOD]', given, notPeriod(code)),
      JSON.stringify(given),
    )
  }
  t.throws(
    () => sdmxFilter({ 'c[TIME_PERIOD]': 'ge:2024+le:2025-H2' }, vocabulary),
    invalid('c[TIME_PERIOD]', 'le:2025-H2', notPeriod('2025-H2')),
    'each condition',
  )
  const byText = 'a period is compared with eq, ne, lt, le, gt or ge'
  for (const operator of ['co', 'nc', 'sw', 'ew']) {
    const given = `${operator}:2024`
    t.throws(() => sdmxFilter({ 'c[TIME_PERIOD]': given }, vocabulary), invalid('c[TIME_PERIOD]', given, byText), given)
  }
})

t.test('anything but a period compared by order is refused', async (t) => {
  const problem = 'only a period is compared with lt, le, gt or ge'
  for (const [parameter, given] of [
    ['c[SEX]', 'lt:M'],
    ['c[REF_AREA]', 'le:ELB'],
    ['c[FREQ]', 'gt:A'],
    ['c[OBS_STATUS]', 'ge:A'],
  ] as const) {
    t.throws(() => sdmxFilter({ [parameter]: given }, vocabulary), invalid(parameter, given, problem), `${parameter}=${given}`)
  }
})

t.test('a code that is no SDMX code is refused', async (t) => {
  for (const given of ['', 'F;M', 'Shkodër', 'sw:', 'co:a.b', 'ne:"F"']) {
    const code = given.replace(/^[a-z]{2}:/, '')
    t.throws(
      () => sdmxFilter({ 'c[ETHNICITY]': given }, vocabulary),
      invalid('c[ETHNICITY]', given, `${code} is not an SDMX code`),
      JSON.stringify(given),
    )
  }
  t.throws(() => sdmxFilter({ 'c[SEX]': 'F,' }, vocabulary), invalid('c[SEX]', '', ' is not an SDMX code'), 'an empty alternative')
})

t.test('a code not in a closed list is refused, listing the list', async (t) => {
  t.throws(
    () => sdmxFilter({ 'c[FREQ]': 'Y' }, vocabulary),
    invalid('c[FREQ]', 'Y', 'Y is not a code of FREQ: give A, S, Q, M, W, D, H, B, N'),
  )
  t.throws(
    () => sdmxFilter({ 'c[UNIT_MEASURE]': 'ne:USD' }, vocabulary),
    invalid('c[UNIT_MEASURE]', 'ne:USD', 'USD is not a code of UNIT_MEASURE: give NUMBER, PT, ALL, EUR'),
  )
  t.throws(
    () => sdmxFilter({ 'c[OBS_STATUS]': 'C' }, vocabulary),
    invalid('c[OBS_STATUS]', 'C', 'C is not a code of OBS_STATUS: give A, B, D, E, F, G, I, K, L, M, N, O, P, Q, S, U, V, W'),
  )
  t.throws(
    () => sdmxFilter({ 'c[CONF_STATUS]': 'Q' }, vocabulary),
    invalid('c[CONF_STATUS]', 'Q', 'Q is not a code of CONF_STATUS: give F, N, C, A, O, T, G, M, D, S, E, X'),
  )
  t.throws(
    () => sdmxFilter({ 'c[FREQ]': 'a' }, vocabulary),
    invalid('c[FREQ]', 'a', 'a is not a code of FREQ: give A, S, Q, M, W, D, H, B, N'),
    'codes are case-sensitive',
  )
})

t.test('a municipality or a national indicator the export does not know is not found', async (t) => {
  t.throws(() => sdmxFilter({ 'c[REF_AREA]': 'SHK' }, vocabulary), {
    code: 'TRG_NOT_FOUND',
    details: { entity: 'municipality', id: 'SHK' },
  })
  t.throws(() => sdmxFilter({ 'c[REF_AREA]': 'ne:elb' }, vocabulary), {
    code: 'TRG_NOT_FOUND',
    details: { entity: 'municipality', id: 'elb' },
  })
  t.throws(
    () => sdmxFilter({ 'c[INDICATOR]': 'AL-SKBGJ-5.5.1b' }, vocabulary),
    invalid('c[INDICATOR]', 'AL-SKBGJ-5.5.1b', 'AL-SKBGJ-5.5.1b is not an SDMX code'),
    'the code, not its identifier',
  )
  t.throws(() => sdmxFilter({ 'c[INDICATOR]': 'NSGE_B2_2,NSGE_X' }, vocabulary), {
    code: 'TRG_NOT_FOUND',
    details: { entity: 'national indicator', id: 'NSGE_X' },
  })
  t.throws(() => sdmxFilter({ 'c[INDICATOR]': 'ne:NSGE_X' }, vocabulary), {
    code: 'TRG_NOT_FOUND',
    details: { entity: 'national indicator', id: 'NSGE_X' },
  })
  t.doesNotThrow(() => sdmxFilter({ 'c[SEX]': 'ELB', 'c[ETHNICITY]': 'NSGE_X' }, vocabulary), 'other components are not looked up')
})
