import { randomUUID } from 'node:crypto'
import { executeCommand } from '@treguesi/commands'
import t from 'tap'
import { principals, startService, type TestService } from './support/service.js'
import { next, subscribe } from './support/subscriber.js'

// Small-cell suppression against everything a caller without the right to the real figures can
// ask: the seed plans, and two domestic-violence plans whose figures are made to test every rule
// (small parts of breakdowns, a year and its halves, running totals, a small baseline, figures
// summed across municipalities). Every public figure is gathered, and whatever can be derived
// from them (a total minus its other parts, a year minus its other halves, a national total
// minus the other municipalities, the difference of two running totals) is derived until
// nothing more is: no withheld count may come out.

const threshold = 5
const service: TestService = await startService(t)
const admin = service.token(principals.admin)
const system = { id: 'test-setup', role: 'system' } as const
const reviewer = { id: 'test-reviewer', role: 'reviewer', municipality: 'DRE' } as const

async function write(command: Record<string, unknown>, actor: object = system): Promise<void> {
  await executeCommand(service.store, command, { commandId: randomUUID(), actor, occurredAt: '2026-02-01T10:00:00+01:00' })
}

const sex = { dimension: 'sex', categories: ['F', 'M'], exhaustive: true }
const ethnicity = { dimension: 'ethnicity', categories: ['roma', 'egyptian'], exhaustive: false }

/**
 * An approved domestic-violence plan of 2025–2026 with one measure; `indicators` are defined on
 * it and their figures reported, and its 2025 and 2026 reports approved, so that every caller
 * reads them. Returns the plan's id.
 */
async function dvPlan(municipality: string, indicators: ReadonlyArray<{ fields: object; figures: object[] }>): Promise<string> {
  const [planId, areaId, objectiveId, measureId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()]
  await write({
    type: 'DraftPlan',
    planId,
    municipality,
    kind: 'domestic-violence',
    title: { sq: 'Plani për mbrojtjen nga dhuna në familje' },
    period: { from: 2025, to: 2026 },
  })
  await write({ type: 'AddArea', planId, areaId, code: '1', title: { sq: 'Mbrojtja' } })
  await write({ type: 'AddObjective', planId, objectiveId, areaId, level: 'specific', code: '1.1', title: { sq: 'Shërbimet' } })
  await write({
    type: 'AddMeasure',
    planId,
    measureId,
    objectiveId,
    code: '1.1.1',
    title: { sq: 'Mbështetja e viktimave' },
    leadActors: [{ sq: 'Bashkia' }],
    supportingActors: [],
  })
  const ids: string[] = []
  for (const [index, { fields }] of indicators.entries()) {
    const indicatorId = randomUUID()
    ids.push(indicatorId)
    await write({
      type: 'DefineIndicator',
      indicatorId,
      planId,
      municipality,
      attachedTo: { kind: 'measure', id: measureId },
      code: `1.1.1/${index + 1}`,
      name: { sq: 'Numri i viktimave të mbështetura' },
      unit: 'count',
      direction: 'higher-is-better',
      accumulation: 'per-period',
      ...fields,
    })
  }
  // Baselines and targets are the plan's content, set before it is approved; values come after.
  const isContent = (figure: object) => ['SetBaseline', 'SetTarget'].includes((figure as { type: string }).type)
  const writeEach = async (which: (figure: object) => boolean) => {
    for (const [index, { figures }] of indicators.entries()) {
      for (const figure of figures.filter(which)) await write({ indicatorId: ids[index], ...figure })
    }
  }
  await writeEach(isContent)
  await write({ type: 'SubmitPlan', planId })
  await write({ type: 'ApprovePlan', planId, councilDecision: { number: 'Nr. 3', date: '2025-01-15' } }, reviewer)
  await writeEach((figure) => !isContent(figure))
  for (const period of ['2025', '2026']) {
    await write({ type: 'SubmitReport', planId, period })
    await write({ type: 'ApproveReport', planId, period }, reviewer)
  }
  return planId
}

const report = (period: string, value: string, breakdown?: object) => ({
  type: 'ReportIndicatorValue',
  period,
  value,
  ...(breakdown && { breakdown }),
})

for (const code of ['DV-NAT', 'DV-CUM', 'DV-OPEN']) {
  await write({ type: 'DefineNationalIndicator', code, name: { sq: `Viktima të mbështetura ${code}` }, unit: 'count' })
}
const drenasPlan = await dvPlan('DRE', [
  {
    fields: { disaggregations: [sex, ethnicity], nationalCode: 'DV-NAT' },
    figures: [
      { type: 'SetBaseline', value: '3', year: 2024 },
      { type: 'SetTarget', period: '2026', target: { kind: 'relative', changePercent: '10', over: 'previous-period' } },
      report('2025-H1', '9', { sex: { F: '7', M: '2' }, ethnicity: { roma: '1' } }),
      report('2025-H2', '11', { sex: { F: '6', M: '5' } }),
      report('2025', '20', { sex: { F: '13', M: '7' }, ethnicity: { roma: '6' } }),
      report('2026', '4', { sex: { F: '3', M: '1' } }),
    ],
  },
  {
    fields: { accumulation: 'cumulative', disaggregations: [sex], nationalCode: 'DV-CUM' },
    figures: [
      { type: 'SetTarget', period: 'end-of-plan', target: { kind: 'absolute', value: '40' } },
      report('2025-H1', '8', { sex: { F: '6', M: '2' } }),
      report('2025-H2', '10', { sex: { F: '7', M: '3' } }),
      report('2026', '24', { sex: { F: '14', M: '10' } }),
      { type: 'CorrectIndicatorValue', period: '2026', value: '26', breakdown: { sex: { F: '15', M: '11' } }, reason: { sq: 'Rinumërim' } },
    ],
  },
  { fields: { sensitive: false, nationalCode: 'DV-OPEN' }, figures: [report('2025', '2')] },
])
await dvPlan('ELB', [
  {
    fields: { disaggregations: [sex], nationalCode: 'DV-NAT' },
    figures: [report('2025', '3'), report('2026', '30', { sex: { F: '18', M: '12' } })],
  },
])
// No assertion before the reads below: the root test would end with it, and the service close.
if (!(await service.live.reach((await service.store.headPosition())!, 5000))) throw new Error('the read models did not reach the setup')

// ---------------------------------------------------------------------------------------------
// What a caller reads
// ---------------------------------------------------------------------------------------------

interface Category {
  readonly category: string
  readonly value: string | null
  readonly reason: string | null
}
interface Value {
  readonly period: string
  readonly value: string | null
  readonly reason: string | null
  readonly breakdowns: ReadonlyArray<{ dimension: string; categories: Category[] }>
}
interface IndicatorRead {
  readonly id: string
  readonly municipality: string
  readonly unit: string
  readonly sensitive: boolean
  readonly accumulation: string
  readonly nationalCode: string | null
  readonly disaggregations: ReadonlyArray<{ dimension: string; exhaustive: boolean }>
  readonly baseline: { value: string } | null
  readonly baselineReason: string | null
  readonly values: Value[]
  readonly history: ReadonlyArray<{
    value: { value: string | null; reason: string | null; breakdowns: unknown[] }
    previous: { reason: string | null } | null
  }>
}

async function data(query: string, variables: object, token: string | undefined): Promise<any> {
  const response = await service.graphql<any>(query, variables, token)
  if (response.errors !== undefined || response.data == null) throw new Error(JSON.stringify(response))
  return response.data
}

const indicatorFields = `id municipality unit sensitive accumulation nationalCode disaggregations { dimension exhaustive }
  baseline { value } baselineReason
  values { period value reason breakdowns { dimension categories { category value reason } } }
  history { value { value reason breakdowns { dimension } } previous { value reason } }`

async function indicatorsReadBy(token: string | undefined): Promise<IndicatorRead[]> {
  const { plans } = await data('{ plans(first: 200) { edges { node { id } } } }', {}, token)
  const read: IndicatorRead[] = []
  for (const { node } of plans.edges) {
    const { plan } = await data(`query ($id: ID!) { plan(id: $id) { indicators { ${indicatorFields} } } }`, { id: node.id }, token)
    read.push(...plan.indicators)
  }
  return read
}

const figuresQuery = `query ($id: ID!, $period: Period!) { indicator(id: $id) {
  actual(period: $period) { value reason } attainment(period: $period) { value reason }
  progress(period: $period) { value reason } target(period: $period) { resolved { value } }
} }`

const nationalQuery = `query ($code: String!, $country: Country!, $period: Period!) { nationalAggregate(nationalCode: $code, country: $country, period: $period) {
  total { value } counted
  byMunicipality { municipality indicatorId value excludedBecause breakdowns { dimension categories { category value } } }
  breakdowns { dimension categories { category value } }
} }`

const real = await indicatorsReadBy(admin)
const shown = await indicatorsReadBy(undefined)
const realOf = new Map(real.map((indicator) => [indicator.id, indicator]))
const sensitiveCounts = shown.filter((indicator) => indicator.sensitive && indicator.unit === 'count')

/** One count: an indicator's total or one part of it, for a period. */
const cellKey = (indicatorId: string, period: string, dimension?: string, category?: string) =>
  JSON.stringify([indicatorId, period, dimension ?? null, category ?? null])

function cellsOf(indicator: IndicatorRead): Map<string, Category & { period: string }> {
  const cells = new Map<string, Category & { period: string }>()
  for (const value of indicator.values) {
    cells.set(cellKey(indicator.id, value.period), { category: '', value: value.value, reason: value.reason, period: value.period })
    for (const { dimension, categories } of value.breakdowns) {
      for (const category of categories)
        cells.set(cellKey(indicator.id, value.period, dimension, category.category), { ...category, period: value.period })
    }
  }
  return cells
}

const known = new Map<string, string>()
const withheld = new Set<string>()

t.test('every figure shown is the real one; every one left out is withheld with the reason', async (t) => {
  t.ok(sensitiveCounts.length >= 4, 'sensitive count indicators to read')
  for (const indicator of shown) {
    const realCells = cellsOf(realOf.get(indicator.id)!)
    for (const [key, cell] of cellsOf(indicator)) {
      if (cell.value !== null) {
        t.equal(cell.value, realCells.get(key)?.value, `${key}: as reported`)
        known.set(key, cell.value)
      } else if (realCells.get(key)?.value != null) {
        t.equal(cell.reason, 'suppressed', `${key}: withheld, with the reason`)
        withheld.add(key)
      }
    }
    // A part withheld from a shown total is listed, so a dimension lists every category; a figure
    // withheld whole lists none, and each of its parts is withheld with it.
    const cells = cellsOf(indicator)
    for (const [key, cell] of realCells) {
      const [, period] = JSON.parse(key) as [string, string]
      if (known.has(cellKey(indicator.id, period))) t.ok(cells.has(key), `${key}: listed`)
      else if (!cells.has(key) && cell.value !== null) withheld.add(key)
    }
  }
  const dre = real.filter((indicator) => indicator.municipality === 'DRE' && indicator.sensitive)
  t.ok(withheld.size >= 10, `counts withheld (${withheld.size})`)
  t.ok(
    [...withheld].every((key) => realOf.get(JSON.parse(key)[0])!.sensitive),
    'only sensitive indicators have counts withheld',
  )
  t.ok(dre.length > 0)
  const open = shown.find((indicator) => indicator.nationalCode === 'DV-OPEN')!
  t.same([open.sensitive, open.values[0]!.value], [false, '2'], 'an indicator marked not sensitive shows its small count')

  for (const indicator of sensitiveCounts) {
    const baseline = realOf.get(indicator.id)!.baseline
    if (baseline !== null && Number(baseline.value) > 0 && Number(baseline.value) < threshold) {
      t.same([indicator.baseline, indicator.baselineReason], [null, 'suppressed'], `${indicator.id}: a small baseline is withheld`)
    }
    t.ok(
      indicator.history.every(
        (entry) =>
          entry.value.value === null &&
          entry.value.reason === 'suppressed' &&
          entry.value.breakdowns.length === 0 &&
          (entry.previous === null || entry.previous.reason === 'suppressed'),
      ),
      `${indicator.id}: its history names periods, not figures`,
    )
  }
})

t.test('the figures made from a withheld count are withheld too', async (t) => {
  for (const key of withheld) {
    const [indicatorId, period, dimension] = JSON.parse(key) as [string, string, string | null]
    if (dimension !== null) continue
    const { indicator } = await data(figuresQuery, { id: indicatorId, period }, undefined)
    t.same(indicator.actual, { value: null, reason: 'suppressed' }, `${period}: actual`)
    t.same(indicator.attainment.value, null, `${period}: attainment`)
    t.same(indicator.progress.value, null, `${period}: progress`)
  }
  for (const indicator of sensitiveCounts) {
    for (const value of indicator.values) {
      const { indicator: read } = await data(figuresQuery, { id: indicator.id, period: value.period }, undefined)
      const resolved = read.target?.resolved.value
      // A target relative to the previous period is that period's count times a known factor.
      if (resolved != null && withheld.has(cellKey(indicator.id, previousOf(value.period)))) {
        t.fail(`${indicator.id} ${value.period}: its target gives away the withheld previous count`)
      }
    }
  }
})

function previousOf(period: string): string {
  const [year, part] = period.split('-') as [string, string | undefined]
  if (part === undefined) return `${Number(year) - 1}`
  const index = Number(part.slice(1))
  const count = part[0] === 'H' ? 2 : 4
  return index === 1 ? `${Number(year) - 1}-${part[0]}${count}` : `${year}-${part[0]}${index - 1}`
}

t.test('nothing withheld can be derived from what is shown', async (t) => {
  /** Each equation: a sum and the cells that add up to it. */
  const equations: Array<{ sum: string; parts: string[] }> = []
  const differences: Array<[string, string]> = []
  for (const indicator of sensitiveCounts) {
    const periods = indicator.values.map((value) => value.period)
    const dimensions = indicator.disaggregations
    for (const period of periods) {
      for (const { dimension, exhaustive } of dimensions) {
        if (!exhaustive) continue
        const categories = indicator.values.find((value) => value.period === period)!.breakdowns.find((b) => b.dimension === dimension)
        if (categories === undefined) continue
        equations.push({
          sum: cellKey(indicator.id, period),
          parts: categories.categories.map((c) => cellKey(indicator.id, period, dimension, c.category)),
        })
      }
    }
    const keys = [
      undefined,
      ...dimensions.flatMap(({ dimension }) => ['F', 'M', 'roma', 'egyptian'].map((category) => [dimension, category] as const)),
    ]
    for (const key of keys) {
      const cell = (period: string) => (key === undefined ? cellKey(indicator.id, period) : cellKey(indicator.id, period, key[0], key[1]))
      if (indicator.accumulation === 'cumulative') {
        const present = periods.filter((period) => known.has(cell(period)) || withheld.has(cell(period)))
        for (let i = 1; i < present.length; i++) differences.push([cell(present[i - 1]!), cell(present[i]!)])
      } else {
        for (const period of periods.filter((p) => !p.includes('-'))) {
          for (const [kind, count] of [
            ['H', 2],
            ['Q', 4],
          ] as const) {
            const parts = Array.from({ length: count }, (_, i) => cell(`${period}-${kind}${i + 1}`))
            if (parts.every((part) => known.has(part) || withheld.has(part))) equations.push({ sum: cell(period), parts })
          }
        }
      }
    }
  }
  // National totals and breakdowns are sums of the municipal figures counted in them.
  const codes = new Set(sensitiveCounts.map((indicator) => indicator.nationalCode).filter((code) => code !== null))
  for (const code of codes) {
    const periods = new Set(sensitiveCounts.filter((i) => i.nationalCode === code).flatMap((i) => i.values.map((v) => v.period)))
    for (const [period, country] of [...periods].flatMap((period) =>
      (['AL', 'XK'] as const).map((country) => [period, country] as const),
    )) {
      const { nationalAggregate } = await data(nationalQuery, { code, country, period }, undefined)
      if (nationalAggregate === null) continue
      const counted = nationalAggregate.byMunicipality.filter((m: any) => m.excludedBecause === null)
      for (const municipal of nationalAggregate.byMunicipality) {
        const key = cellKey(municipal.indicatorId, period)
        if (municipal.value === null)
          t.ok(withheld.has(key) || !known.has(key), `${code} ${period} ${municipal.municipality}: no figure the indicator withholds`)
        else t.ok(known.has(key), `${code} ${period} ${municipal.municipality}: only figures the indicator shows`)
      }
      const total = `national ${code} ${country} ${period}`
      if (nationalAggregate.total.value !== null) {
        known.set(total, nationalAggregate.total.value)
        equations.push({ sum: total, parts: counted.map((m: any) => cellKey(m.indicatorId, period)) })
      }
      for (const breakdown of nationalAggregate.breakdowns) {
        for (const category of breakdown.categories ?? []) {
          const sum = `national ${code} ${country} ${period} ${breakdown.dimension} ${category.category}`
          known.set(sum, category.value)
          const dimension = breakdown.dimension === 'area' ? 'area' : breakdown.dimension
          equations.push({ sum, parts: counted.map((m: any) => cellKey(m.indicatorId, period, dimension, category.category)) })
        }
      }
    }
  }

  t.ok(equations.length > 10, `equations to solve (${equations.length})`)
  let derived = true
  while (derived) {
    derived = false
    for (const { sum, parts } of equations) {
      const members = [sum, ...parts]
      const unknown = members.filter((member) => !known.has(member))
      if (unknown.length !== 1) continue
      const [missing] = unknown as [string]
      t.notOk(withheld.has(missing), `${missing} cannot be derived from ${members.join(' + ')}`)
      const value =
        missing === sum
          ? parts.reduce((total, part) => total + Number(known.get(part)), 0)
          : Number(known.get(sum)) - parts.filter((part) => part !== missing).reduce((total, part) => total + Number(known.get(part)), 0)
      known.set(missing, String(value))
      derived = true
    }
  }
  for (const [earlier, later] of differences) {
    if (!known.has(earlier) || !known.has(later)) continue
    const gap = Math.abs(Number(known.get(later)) - Number(known.get(earlier)))
    t.ok(gap === 0 || gap >= threshold, `running totals ${earlier} → ${later} differ by ${gap}: no small count between them`)
  }
})

t.test('the change feed carries no figure of a sensitive indicator to the public', async (t) => {
  const sensitiveIds = new Set(sensitiveCounts.map((indicator) => indicator.id))
  let after: string | null = null
  let count = 0
  for (;;) {
    const { events } = await data(
      'query ($after: String) { events(after: $after, first: 200, types: ["indicator."]) { edges { node { stream type data } } pageInfo { endCursor hasNextPage } } }',
      { after },
      undefined,
    )
    for (const { node } of events.edges) {
      const id = node.stream.slice('indicator-'.length)
      if (!sensitiveIds.has(id) || !/value-|baseline/.test(node.type)) continue
      count++
      t.same(
        Object.keys(node.data).filter((field) => ['value', 'breakdown', 'previous', 'numerator', 'denominator', 'note'].includes(field)),
        [],
        `${node.type} of ${id}: no figure`,
      )
      t.equal(node.data.withheld, 'suppressed')
    }
    if (!events.pageInfo.hasNextPage) break
    after = events.pageInfo.endCursor
  }
  t.ok(count >= 10, `sensitive count events in the feed (${count})`)
  const staff = await data(
    'query ($after: String) { events(after: $after, first: 200, types: ["indicator.value-reported"]) { edges { node { stream data } } } }',
    { after: null },
    service.token({ id: 'dre-editor', role: 'editor', municipalities: ['DRE'] }),
  )
  t.ok(
    staff.events.edges.some(
      (edge: any) => sensitiveIds.has(edge.node.stream.slice('indicator-'.length)) && edge.node.data.value !== undefined,
    ),
    "the municipality's own staff read the figures",
  )
})

t.test('a subscriber without the right to the real figures hears that a sensitive value was given, not which', async (t) => {
  // Of the plan made here (the seed's Drenas plan has no approved report to publish it).
  const indicator = sensitiveCounts.find((candidate) => candidate.municipality === 'DRE' && candidate.nationalCode === 'DV-NAT')!
  const query = `subscription { indicatorValueReported(municipality: "DRE") {
    change { period value { value reason } } indicator { values(period: "2026-H2") { value reason } }
  } }`
  const staff = await subscribe<any>(t, service, service.token({ id: 'dre-editor', role: 'editor', municipalities: ['DRE'] }), query)
  const outsider = await subscribe<any>(t, service, undefined, query)
  // The 2026 report is reopened for the value, and approved again: the public hears of it then.
  await write({ type: 'ReopenReport', planId: drenasPlan, period: '2026', reason: { sq: 'Gjysmëvjetori i dytë' } }, reviewer)
  await write({ type: 'ReportIndicatorValue', indicatorId: indicator.id, period: '2026-H2', value: '2' })
  await write({ type: 'SubmitReport', planId: drenasPlan, period: '2026' })
  await write({ type: 'ApproveReport', planId: drenasPlan, period: '2026' }, reviewer)
  t.same((await next(staff)).indicatorValueReported, {
    change: { period: '2026-H2', value: { value: '2', reason: null } },
    indicator: { values: [{ value: '2', reason: null }] },
  })
  // The approval publishes the 2026 figures again, this one among them.
  let heard = (await next(outsider)).indicatorValueReported
  for (let before = 0; heard.change.period !== '2026-H2' && before < 10; before++) heard = (await next(outsider)).indicatorValueReported
  t.same(heard, {
    change: { period: '2026-H2', value: { value: null, reason: 'suppressed' } },
    indicator: { values: [{ value: null, reason: 'suppressed' }] },
  })
})
