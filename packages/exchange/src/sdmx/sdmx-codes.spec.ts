import { disaggregationDimensions } from '@treguesi/domain'
import t from 'tap'
import { period } from '../test-support.js'
import {
  confStatusOf,
  obsStatusOf,
  periodOfSdmx,
  sdmxCategory,
  sdmxCode,
  sdmxDataflow,
  sdmxDimensionOf,
  sdmxDimensions,
  sdmxId,
  sdmxIndicatorIds,
  sdmxMediaType,
  sdmxPeriod,
  sdmxTotal,
  sdmxUnit,
} from './sdmx-codes.js'

t.test('the dataflow, its media type and its dimensions in the order of its DSD', async (t) => {
  t.equal(sdmxDataflow, 'TREGUESI:DF_LAP_INDICATORS(1.0.0)')
  t.equal(sdmxMediaType, 'application/vnd.sdmx.data+csv; version=2.0.0')
  t.strictSame([...sdmxDimensions], ['FREQ', 'REF_AREA', 'INDICATOR', 'SEX', 'ETHNICITY', 'URBANISATION', 'AGE', 'TIME_PERIOD'])
  t.strictSame(sdmxDimensionOf, { sex: 'SEX', ethnicity: 'ETHNICITY', area: 'URBANISATION', 'age-group': 'AGE' })
  t.strictSame(
    disaggregationDimensions.map((dimension) => sdmxDimensions.indexOf(sdmxDimensionOf[dimension])),
    [3, 4, 5, 6],
    "the breakdown dimensions in the key in the domain's order",
  )
  t.equal(sdmxTotal, '_T')
})

t.test('a period as SDMX writes it: a year annual, a half-year a semester, a quarter as it is', async (t) => {
  t.strictSame(sdmxPeriod(period('2024')), { freq: 'A', timePeriod: '2024' })
  t.strictSame(sdmxPeriod(period('2024-H1')), { freq: 'S', timePeriod: '2024-S1' })
  t.strictSame(sdmxPeriod(period('2025-H2')), { freq: 'S', timePeriod: '2025-S2' })
  t.strictSame(sdmxPeriod(period('2024-Q3')), { freq: 'Q', timePeriod: '2024-Q3' })
  t.strictSame(sdmxPeriod(period('2024-Q1')), { freq: 'Q', timePeriod: '2024-Q1' })
})

t.test('the period an SDMX time period names, or null for one the dataflow does not hold', async (t) => {
  t.equal(periodOfSdmx('2024'), '2024')
  t.equal(periodOfSdmx('2024-A1'), '2024', 'the first (only) year of a year')
  t.equal(periodOfSdmx('2024-S1'), '2024-H1')
  t.equal(periodOfSdmx('2024-S2'), '2024-H2')
  t.equal(periodOfSdmx('2024-Q4'), '2024-Q4')
  for (const text of ['2024-H1', '2024-S3', '2024-Q5', '2024-M01', '2024-A2', '24', '2024-', '2024-01', '', ' 2024', '2024-q3']) {
    t.equal(periodOfSdmx(text), null, JSON.stringify(text))
  }
  for (const each of ['2024', '2024-H1', '2024-H2', '2024-Q1', '2024-Q3'] as const) {
    t.equal(periodOfSdmx(sdmxPeriod(period(each)).timePeriod), each, `${each} there and back`)
  }
})

t.test('an SDMX identifier: letters without their marks, _ for what an identifier cannot hold', async (t) => {
  t.equal(sdmxId('AL-SKBGJ-5.5.1b'), 'AL-SKBGJ-5_5_1b')
  t.equal(sdmxId('XK/SKGJ 2.3'), 'XK_SKGJ_2_3')
  t.equal(sdmxId('Shkodër'), 'Shkoder')
  t.equal(sdmxId('Çërrik'), 'Cerrik')
  t.equal(sdmxId('a_b@c$d-e'), 'a_b@c$d-e', 'what IDType allows stays')
  t.equal(sdmxId('65+'), '65_')
  t.equal(sdmxId('ß'), '_', 'a letter without a Latin base is no identifier')
  t.equal(sdmxCode('Shkodër'), 'SHKODER')
  t.equal(sdmxCode('15-24 vjeç'), '15-24_VJEC')
})

t.test("a category's code: the cross-domain code lists' for the known ones, else the label's code", async (t) => {
  const codes = (dimension: Parameters<typeof sdmxCategory>[0], categories: string[]) =>
    categories.map((category) => sdmxCategory(dimension, category))
  t.strictSame(codes('sex', ['F', 'M', 'f', 'm', 'Female', 'male', 'Femra', 'MESHKUJ']), ['F', 'M', 'F', 'M', 'F', 'M', 'F', 'M'])
  t.strictSame(codes('area', ['urban', 'rural', 'Urban', 'Qytet', 'fshat']), ['U', 'R', 'U', 'U', 'R'])
  t.strictSame(codes('ethnicity', ['roma', 'Rom', 'egyptian', 'Egjiptian', 'Ashkali']), ['ROM', 'ROM', 'EGY', 'EGY', 'ASH'])
  t.strictSame(codes('ethnicity', ['Shkodër', 'shqiptar', 'Greqisht e vjetër']), ['SHKODER', 'SHQIPTAR', 'GREQISHT_E_VJETER'])
  t.strictSame(codes('sex', ['tjetër']), ['TJETER'], 'a category beyond the known ones')
  t.strictSame(codes('age-group', ['15-24', '65+', 'f']), ['15-24', '65_', 'F'], 'no known age groups: f is no sex here')
  t.strictSame(codes('area', ['roma']), ['ROMA'], 'a known code only in its own dimension')
})

t.test('the unit: percent PT, an amount its currency, anything else a number', async (t) => {
  t.equal(sdmxUnit({ unit: 'percent', currency: null }), 'PT')
  t.equal(sdmxUnit({ unit: 'amount', currency: 'ALL' }), 'ALL')
  t.equal(sdmxUnit({ unit: 'amount', currency: 'EUR' }), 'EUR')
  t.equal(sdmxUnit({ unit: 'amount', currency: null }), 'NUMBER', 'an amount without its currency')
  t.equal(sdmxUnit({ unit: 'count', currency: null }), 'NUMBER')
  t.equal(sdmxUnit({ unit: 'milestone', currency: null }), 'NUMBER')
})

t.test("the national codes' SDMX identifiers, each its own", async (t) => {
  const ids = sdmxIndicatorIds(new Set(['AL-SKBGJ-5.5.1b', 'XK-SKGJ-2.3', 'NSGE_B2_2']))
  t.strictSame(
    [...ids],
    [
      ['AL-SKBGJ-5.5.1b', 'AL-SKBGJ-5_5_1b'],
      ['NSGE_B2_2', 'NSGE_B2_2'],
      ['XK-SKGJ-2.3', 'XK-SKGJ-2_3'],
    ],
    'in the order of the codes',
  )
  t.strictSame([...sdmxIndicatorIds([])], [], 'no code, no identifier')
})

t.test('two national codes that would share an identifier are refused, naming both', async (t) => {
  t.throws(() => sdmxIndicatorIds(['NSGE-5.1', 'NSGE-5/1', 'NSGE-6']), {
    code: 'TRG_INVALID_STATE',
    details: {
      entity: 'national indicator',
      id: 'NSGE-5/1',
      state: "its SDMX identifier NSGE-5_1 is also NSGE-5.1's",
      action: 'export it as SDMX: define it again under a code whose SDMX identifier is its own, and tie its indicators to that',
    },
  })
  t.throws(
    () => sdmxIndicatorIds(['B.2', 'A', 'B_2']),
    {
      code: 'TRG_INVALID_STATE',
      details: { id: 'B_2', state: "its SDMX identifier B_2 is also B.2's" },
    },
    'whatever order they are given in: the later code in order is refused',
  )
})

t.test('OBS_STATUS and CONF_STATUS: a withheld cell missing (Q) and confidential (C), any other normal and free', async (t) => {
  t.strictSame(
    (['reported', 'corrected', 'computed', 'suppressed'] as const).map((status) => [obsStatusOf(status), confStatusOf(status)]),
    [
      ['A', 'F'],
      ['A', 'F'],
      ['A', 'F'],
      ['Q', 'C'],
    ],
  )
})
