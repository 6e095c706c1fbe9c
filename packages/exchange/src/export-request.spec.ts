import { TreguesiError } from '@treguesi/errors'
import t from 'tap'
import { exportedRows, parseExportRequest, scopedSource, type ExportRequest } from './export-request.js'
import { figureRows, type FigureRow } from './figure-rows.js'
import { d, definition, memorySource, uuid, value, type SourceIndicator } from './test-support.js'

type Query = Parameters<typeof parseExportRequest>[0]

/** The refusal of `query`: a TreguesiError TRG_INVALID_VALUE, its details. */
function refusal(query: Query): unknown {
  try {
    parseExportRequest(query)
  } catch (error) {
    if (error instanceof TreguesiError && error.code === 'TRG_INVALID_VALUE') return error.details
    throw error
  }
  return 'accepted'
}

const plan = uuid(1)

t.test('every parameter, valid', async (t) => {
  t.strictSame(parseExportRequest({}), {}, 'none: the whole export, at the head')
  const request: ExportRequest = parseExportRequest({ municipality: 'ELB', plan, since: '575', asOf: '600' })
  t.strictSame(request, { municipality: 'ELB', planId: plan, since: 575n, asOf: 600n })
  t.strictSame(parseExportRequest({ since: '0' }), { since: 0n }, '0 is a position')
  t.strictSame(parseExportRequest({ since: '7', asOf: '7' }), { since: 7n, asOf: 7n }, 'since may be asOf')
  t.strictSame(parseExportRequest({ municipality: 'A1-B' }), { municipality: 'A1-B' })
  t.strictSame(parseExportRequest({ asOf: '9999999999999999999' }), { asOf: 9999999999999999999n }, 'nineteen digits, exactly')
  t.strictSame(parseExportRequest({ municipality: undefined, format: undefined }), {}, 'a parameter given as undefined is no parameter')
})

t.test('the parameters a format takes are kept for it, as given; once each', async (t) => {
  const sdmx = (name: string) => name.startsWith('c[')
  t.strictSame(parseExportRequest({ 'c[SEX]': 'F,M', 'c[FREQ]': 'A', since: '3' }, sdmx), {
    since: 3n,
    options: { 'c[SEX]': 'F,M', 'c[FREQ]': 'A' },
  })
  t.strictSame(parseExportRequest({ municipality: 'ELB' }, sdmx), { municipality: 'ELB' }, 'none given: no options')
  t.throws(() => parseExportRequest({ 'c[SEX]': ['F', 'M'] }, sdmx), {
    code: 'TRG_INVALID_VALUE',
    details: { type: 'c[SEX]', value: 'F,M' },
  })
  t.throws(
    () => parseExportRequest({ 'c[SEX]': 'F' }),
    { code: 'TRG_INVALID_VALUE', details: { type: 'parameter', value: 'c[SEX]' } },
    'not taken by default',
  )
})

t.test('a parameter an export does not take is refused, by name', async (t) => {
  t.strictSame(refusal({ format: 'xlsx' }), {
    type: 'parameter',
    value: 'format',
    problem: 'is not a parameter of this export: give municipality, plan, since, asOf',
  })
  t.match(refusal({ planId: plan }), { type: 'parameter', value: 'planId' }, 'the request field is not the parameter')
  t.match(refusal({ as_of: '5' }), { type: 'parameter', value: 'as_of' })
  t.match(refusal({ municipality: 'ELB', format: ['a', 'b'] }), { type: 'parameter', value: 'format' }, 'unknown before repeated')
})

t.test('a parameter given more than once is refused', async (t) => {
  t.strictSame(refusal({ since: ['1', '2'] }), { type: 'since', value: '1,2', problem: 'must be given once' })
  t.match(refusal({ municipality: ['ELB', 'DRE'] }), { type: 'municipality', value: 'ELB,DRE' })
  t.match(refusal({ plan: [plan] }), { type: 'plan', value: plan, problem: 'must be given once' }, 'as an array even of one')
})

t.test('a municipality that is not a code, a plan that is not a UUID are refused', async (t) => {
  for (const municipality of ['elb', 'E', '', 'ELB ', '1ELB', 'ABCDEFGHIJKLMNOPQ']) {
    t.strictSame(
      refusal({ municipality }),
      { type: 'municipality', value: municipality, problem: 'must be a municipality code, such as ELB' },
      JSON.stringify(municipality),
    )
  }
  for (const planId of ['7', '', 'not-a-uuid', `${plan}x`]) {
    t.strictSame(
      refusal({ plan: planId }),
      { type: 'plan', value: planId, problem: "must be a plan's id (a UUID)" },
      JSON.stringify(planId),
    )
  }
})

t.test('since and asOf must be whole numbers, without leading zeros or a sign', async (t) => {
  const problem = 'must be a log position: a whole number, such as 575'
  for (const name of ['since', 'asOf'] as const) {
    for (const text of ['soon', '', '1.5', '1e3', '-1', '+1', '007', '00', ' 5', '5 ', '0x10', '10000000000000000000']) {
      t.strictSame(refusal({ [name]: text }), { type: name, value: text, problem }, `${name} ${JSON.stringify(text)}`)
    }
  }
})

t.test('since after asOf is refused', async (t) => {
  t.strictSame(refusal({ since: '5', asOf: '4' }), { type: 'since', value: '5', problem: 'must not be after asOf (4)' })
  t.strictSame(refusal({ asOf: '4', since: '5' }), { type: 'since', value: '5', problem: 'must not be after asOf (4)' }, 'in either order')
  t.strictSame(
    refusal({ since: '10', asOf: '9' }),
    { type: 'since', value: '10', problem: 'must not be after asOf (9)' },
    'as numbers, not text',
  )
})

t.test('the refusal is a TreguesiError whose message names the value', async (t) => {
  t.throws(() => parseExportRequest({ since: 'soon' }), {
    name: 'TreguesiError',
    code: 'TRG_INVALID_VALUE',
    category: 'BAD_USER_INPUT',
    message: '"soon" is not a valid since: must be a log position: a whole number, such as 575',
  })
})

const elbasan = { planId: uuid(1), municipality: 'ELB', country: 'AL' } as const
const elbasanOther = { planId: uuid(2), municipality: 'ELB', country: 'AL' } as const
const drenas = { planId: uuid(3), municipality: 'DRE', country: 'XK' } as const
const plans = [elbasan, elbasanOther, drenas]

const counted = (planId: string, indicatorId: string, values = [value('2024', { value: d('5') })]): SourceIndicator => ({
  planId,
  indicatorId,
  definition: definition(indicatorId, planId),
  values,
})

const indicators = [counted(elbasan.planId, uuid(10)), counted(elbasanOther.planId, uuid(20)), counted(drenas.planId, uuid(30))]

t.test('scopedSource keeps the plans of the municipality and the plan asked for', async (t) => {
  const source = memorySource(plans, indicators)
  const planIds = (request: ExportRequest) => [...scopedSource(source, request).plans()].map((each) => each.planId)
  t.strictSame(planIds({}), [elbasan.planId, elbasanOther.planId, drenas.planId], 'nothing asked: every plan')
  t.strictSame(planIds({ municipality: 'ELB' }), [elbasan.planId, elbasanOther.planId])
  t.strictSame(planIds({ municipality: 'DRE' }), [drenas.planId])
  t.strictSame(planIds({ municipality: 'SHK' }), [])
  t.strictSame(planIds({ planId: elbasanOther.planId }), [elbasanOther.planId])
  t.strictSame(planIds({ municipality: 'ELB', planId: elbasanOther.planId }), [elbasanOther.planId])
  t.strictSame(planIds({ municipality: 'DRE', planId: elbasan.planId }), [], 'a plan of another municipality: none')
  t.strictSame(planIds({ since: 5n, asOf: 9n }), [elbasan.planId, elbasanOther.planId, drenas.planId], 'positions do not scope plans')

  const scoped = scopedSource(source, { municipality: 'DRE' })
  t.equal(scoped.indicatorsOf, source.indicatorsOf, 'indicators as the source gives them')
  t.equal(scoped.figures, source.figures, 'figures as the source gives them')
  t.strictSame(
    [...figureRows(scoped)].map((each) => each.indicatorId),
    [uuid(30)],
    "only the scoped plans' rows",
  )
  t.strictSame([...scoped.plans()], [...scoped.plans()], 'the plans can be read again')
})

const brief = (rows: Iterable<{ action: string; row: FigureRow }>) =>
  [...rows].map(({ action, row }) => `${action} ${Number(row.indicatorId.slice(-3))} ${row.period} ${row.value} ${row.status}`)

t.test('exportedRows without since: every row, new', async (t) => {
  const now = memorySource(plans, indicators)
  const rows = [...exportedRows(now, null)]
  t.strictSame(brief(rows), ['I 30 2024 5 reported', 'I 10 2024 5 reported', 'I 20 2024 5 reported'])
  t.strictSame(
    rows.map((each) => each.row),
    [...figureRows(now)],
    "figureRows' rows as they are",
  )
  t.strictSame([...exportedRows(memorySource([], []), null)], [], 'nothing to export')
})

t.test('exportedRows since a source: what changed between the two', async (t) => {
  const since = memorySource(plans, indicators)
  const now = memorySource(plans, [
    // Corrected.
    counted(elbasan.planId, uuid(10), [value('2024', { value: d('6'), corrections: 1 })]),
    // A new period.
    counted(elbasanOther.planId, uuid(20), [value('2024', { value: d('5') }), value('2025', { value: d('8') })]),
    // Drenas's figure withdrawn; a new indicator.
    counted(drenas.planId, uuid(31)),
  ])
  t.strictSame(brief(exportedRows(now, since)), [
    'D 30 2024 5 reported',
    'I 31 2024 5 reported',
    'R 10 2024 6 corrected',
    'I 20 2025 8 reported',
  ])
  t.strictSame([...exportedRows(since, since)], [], 'nothing changed, nothing exported')
})
