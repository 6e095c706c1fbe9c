import type { Decider } from '@treguesi/domain'
import { defineIndicator, draftPlan, planBudgetLine, registerMunicipality, routeCommand } from '@treguesi/domain/testing'
import {
  budgetsProjection,
  emptyReadModel,
  plansProjection,
  project,
  type BudgetsState,
  type LogEvent,
  type PlansState,
} from '@treguesi/projections'
import t from 'tap'
import * as exchange from './index.js'
import { figureRows } from './figure-rows.js'
import { operatorSource } from './read-model-source.js'
import { period, uuid } from './test-support.js'

/** A log of the events the real deciders decide for `commands`, in order. */
function logOf(commands: readonly ({ readonly type: string } & Readonly<Record<string, unknown>>)[]): LogEvent[] {
  const events: LogEvent[] = []
  const states = new Map<string, unknown>()
  const decide = <Command, State>(decider: Decider<Command, { type: string; data: unknown }, State>, stream: string, command: Command) => {
    let state = (states.get(stream) as State | undefined) ?? decider.initialState
    const revision = BigInt(events.filter((event) => event.stream === stream).length)
    decider.decide(command, state).forEach((event, index) => {
      state = decider.evolve(state, event)
      events.push({
        stream,
        revision: revision + BigInt(index),
        position: BigInt(events.length + 1),
        type: event.type,
        data: event.data,
        metadata: {},
        recordedAt: new Date(0),
      })
    })
    states.set(stream, state)
  }
  for (const input of commands) {
    const { aggregate, command, stream } = routeCommand(input)
    decide(aggregate.decider, stream, command)
  }
  return events
}

const elbasanPlan = uuid(1)
const drenasPlan = uuid(2)
const ids = { count: uuid(10), text: uuid(11), budgetShare: uuid(12), drenas: uuid(20), measure: uuid(30), line: uuid(40) } as const
const attachedTo = { kind: 'measure', id: ids.measure } as const
const elbasanYears = { planPeriod: { from: 2024, to: 2027 } }

const log = logOf([
  registerMunicipality(),
  registerMunicipality({ code: 'DRE', name: { sq: 'Komuna e Drenasit' }, country: 'XK', currency: 'EUR' }),
  draftPlan(elbasanPlan),
  draftPlan(drenasPlan, { municipality: 'DRE', period: { from: 2025, to: 2028 } }),
  defineIndicator(ids.count, elbasanPlan, attachedTo, {
    ...elbasanYears,
    code: '1.1.1/a',
    disaggregations: [{ dimension: 'sex', categories: ['F', 'M'], exhaustive: true }],
  }),
  { type: 'SetTarget', indicatorId: ids.count, period: '2024', target: { kind: 'absolute', value: '10' } },
  {
    type: 'ReportIndicatorValue',
    indicatorId: ids.count,
    period: '2024',
    value: '12',
    breakdown: { sex: { F: '7', M: '5' } },
    source: { sq: 'Regjistri i Gjendjes Civile' },
  },
  {
    type: 'CorrectIndicatorValue',
    indicatorId: ids.count,
    period: '2024',
    value: '15',
    breakdown: { sex: { F: '9', M: '6' } },
    reason: { sq: 'Rinumërim' },
  },
  defineIndicator(ids.text, elbasanPlan, attachedTo, { ...elbasanYears, code: '1.1.1/b', unit: 'text' }),
  { type: 'ReportIndicatorValue', indicatorId: ids.text, period: '2024', text: { sq: 'U ngrit tryeza' } },
  defineIndicator(ids.budgetShare, elbasanPlan, attachedTo, {
    ...elbasanYears,
    code: '1.1.1/c',
    unit: 'percent',
    computed: { kind: 'budget-share', category: 'dv-specialised-services' },
  }),
  defineIndicator(ids.drenas, drenasPlan, attachedTo, { municipality: 'DRE', code: '1/T1', planPeriod: { from: 2025, to: 2028 } }),
  { type: 'SetTarget', indicatorId: ids.drenas, period: '2025-H1', target: { kind: 'range', lower: '3', upper: '5' } },
  { type: 'ReportIndicatorValue', indicatorId: ids.drenas, period: '2025-H1', value: '4' },
  { type: 'SetMunicipalBudgetTotal', code: 'ELB', fiscalYear: 2024, total: { amount: '5000000000', currency: 'ALL' } },
  planBudgetLine(ids.line, elbasanPlan, ids.measure, { categories: ['dv-specialised-services'], currency: 'ALL' }),
  { type: 'AllocateBudget', budgetLineId: ids.line, allocated: { amount: '45000000', currency: 'ALL' }, date: '2024-02-01' },
])

const plans: PlansState = project(plansProjection, emptyReadModel(plansProjection), log).state
const budgets: BudgetsState = project(budgetsProjection, emptyReadModel(budgetsProjection), log).state

t.test("the operator's source: every plan of every municipality, with its country", async (t) => {
  const source = operatorSource(plans, budgets)
  t.strictSame(
    [...source.plans()].sort((a, b) => a.municipality.localeCompare(b.municipality)),
    [
      { planId: drenasPlan, municipality: 'DRE', country: 'XK' },
      { planId: elbasanPlan, municipality: 'ELB', country: 'AL' },
    ],
  )
  t.strictSame(source.indicatorsOf(elbasanPlan), [ids.count, ids.text, ids.budgetShare], 'in the order they were defined')
  t.strictSame(source.indicatorsOf(uuid(99)), [], 'no plan, no indicator')
  t.equal(source.figures(uuid(99)), null, 'an indicator it does not hold has no figures')
  t.equal(source.figures(uuid(99), period('2024')), null)
})

t.test("an indicator's figures: its default ones, or a period's", async (t) => {
  const source = operatorSource(plans, budgets)
  const latest = source.figures(ids.drenas)
  t.equal(latest?.period, '2025-H1', 'the latest period with a value')
  t.equal(latest?.periodChoice, 'latest-with-actual-and-target')
  const asked = source.figures(ids.drenas, period('2025'))
  t.equal(asked?.period, '2025', 'the period asked for')
  t.equal(asked?.periodChoice, 'requested')
  t.strictSame(asked?.actual, { value: null, reason: 'no-actual' })
})

t.test(
  "the rows of the read models as an admin reads them: corrected figures, and budget shares from the budget's allocations",
  async (t) => {
    const rows = [...figureRows(operatorSource(plans, budgets))].map(
      ({ municipality, indicatorId, period, part, value, target, targetBounds, attainment, status, corrections, source }) => ({
        municipality,
        indicatorId,
        period,
        part,
        value,
        target,
        ...(targetBounds !== null && { targetBounds }),
        attainment,
        status,
        corrections,
        source,
      }),
    )
    const elbasan = { municipality: 'ELB', period: '2024' }
    const countRow = { ...elbasan, indicatorId: ids.count, corrections: 1, status: 'corrected', source: 'Regjistri i Gjendjes Civile' }
    t.strictSame(rows, [
      {
        municipality: 'DRE',
        indicatorId: ids.drenas,
        period: '2025-H1',
        part: null,
        value: '4',
        // A range: the figure progress moves towards, and its bounds.
        target: '3',
        targetBounds: { lower: '3', upper: '5' },
        attainment: '1.333333333333',
        status: 'reported',
        corrections: 0,
        source: null,
      },
      { ...countRow, part: null, value: '15', target: '10', attainment: '1.5' },
      { ...countRow, part: { dimension: 'sex', category: 'F' }, value: '9', target: null, attainment: null },
      { ...countRow, part: { dimension: 'sex', category: 'M' }, value: '6', target: null, attainment: null },
      {
        ...elbasan,
        indicatorId: ids.budgetShare,
        part: null,
        value: '0.9',
        target: null,
        attainment: null,
        status: 'computed',
        corrections: 0,
        source: null,
      },
    ])
  },
)

t.test("the package's entry gives what its modules do", async (t) => {
  t.equal(exchange.operatorSource, operatorSource)
  t.equal(exchange.figureRows, figureRows)
  t.strictSame(
    [
      'changedRows',
      'compareRows',
      'csvRecord',
      'exportedRows',
      'parseExportRequest',
      'scopedSource',
      'tidyCsv',
      'tidyCsvRecord',
      'utf8Bom',
    ].filter((name) => !(name in exchange)),
    [],
  )
})
