import t, { type Test } from 'tap'
import type { z } from 'zod'
import { budgetLineCommandSchema } from './budget/budget-line.js'
import { commandContextSchema } from './envelope.js'
import { indicatorCommandSchema } from './indicator/indicator.js'
import { dhis2MappingCommandSchema } from './dhis2-mapping/dhis2-mapping.js'
import { municipalityCommandSchema } from './municipality/municipality.js'
import { planCommandSchema } from './plan/plan.js'
import { parseCommand } from './shared/parse-command.js'
import { fixedIds, planCommands } from './testing/index.js'

/*
 * The bounds of the shared schemas as every command meets them: a value just inside is taken,
 * one just outside is refused with TRG_INVALID_COMMAND naming the field by its path.
 */

const {
  plan: planId,
  areas: [id, other],
} = fixedIds

type Command = Readonly<Record<string, unknown>> & { readonly type: string }

function bounds(t: Test, schema: z.ZodType, command: Command, field: string, inside: unknown, outside: unknown, problem: RegExp | string) {
  const path = field.split('.')
  const withValue = (value: unknown): Command => {
    const copy = structuredClone(command) as Record<string, unknown>
    let target = copy
    for (const key of path.slice(0, -1)) {
      target[key] ??= {}
      target = target[key] as Record<string, unknown>
    }
    target[path.at(-1)!] = value
    return copy as Command
  }
  t.doesNotThrow(() => parseCommand(command.type, schema, withValue(inside)), `${command.type}.${field}: just inside is taken`)
  t.throws(
    () => parseCommand(command.type, schema, withValue(outside)),
    { code: 'TRG_INVALID_COMMAND', details: { command: command.type, field, problem } },
    `${command.type}.${field}: just outside is refused, naming the field`,
  )
}

const commands = planCommands({ planId, areaId: other, objectiveId: other, measureId: id })
const { draft: draftPlan, addMeasure, register } = commands
const defineIndicator: Command = commands.define(id, {
  disaggregations: [{ dimension: 'area', categories: ['qytet', 'fshat'], exhaustive: true }],
  planPeriod: { from: 2024, to: 2027 },
})

const reportValue: Command = { type: 'ReportIndicatorValue', indicatorId: id, period: '2024', value: '75' }

const planBudgetLine: Command = commands.budgetLine(id, { currency: 'ALL' })

const longerThan = (length: number) => 'ë'.repeat(length + 1)

t.test('decimals: 15 digits before the point, 12 after for figures and 2 for money', async (t) => {
  const setBaseline: Command = { type: 'SetBaseline', indicatorId: id, value: '1', year: 2021 }
  bounds(t, indicatorCommandSchema, setBaseline, 'value', '999999999999999', '1000000000000000', /at most 15 digits before/)
  bounds(t, indicatorCommandSchema, reportValue, 'value', '0.123456789012', '0.1234567890123', /at most 12 digits after/)
  bounds(
    t,
    indicatorCommandSchema,
    { ...reportValue, numerator: '1', denominator: '1' },
    'denominator',
    '1'.repeat(15),
    '1'.repeat(40),
    /not 40$/,
  )
  bounds(t, indicatorCommandSchema, reportValue, 'breakdown.qytet.gra', '1', '1'.repeat(81), /not 81$/)
  const setTarget: Command = { type: 'SetTarget', indicatorId: id, period: '2024', target: { kind: 'absolute', value: '1' } }
  bounds(t, indicatorCommandSchema, setTarget, 'target.value', '1'.repeat(15), '9'.repeat(5000), /not 5000$/)
  bounds(
    t,
    planCommandSchema,
    { ...draftPlan, ratingThresholds: { achieved: '1', onTrack: '0.9', partly: '0.5' } },
    'ratingThresholds.partly',
    '0.000000000001',
    '0.0000000000001',
    /at most 12 digits after/,
  )
  const setTotal: Command = { type: 'SetMunicipalBudgetTotal', code: 'ELB', fiscalYear: 2024, total: { amount: '1', currency: 'ALL' } }
  bounds(
    t,
    municipalityCommandSchema,
    setTotal,
    'total.amount',
    '999999999999999.99',
    '0.001',
    /at most 2 digits after the decimal point, not 3/,
  )
  bounds(t, municipalityCommandSchema, setTotal, 'total.amount', '100.10', '1000000000000000', /at most 15 digits before/)
  const allocate: Command = { type: 'AllocateBudget', budgetLineId: id, allocated: { amount: '1', currency: 'ALL' }, date: '2024-01-15' }
  bounds(t, budgetLineCommandSchema, allocate, 'allocated.amount', '5000000000', '5000000000.125', /at most 2 digits after/)
  bounds(t, budgetLineCommandSchema, planBudgetLine, 'planned.amount.amount', '0.01', '1'.repeat(5000), /not 5000$/)
})

t.test('dates, periods and years: 1990 to 2100', async (t) => {
  const changeStatus: Command = { type: 'ChangeMeasureStatus', planId, measureId: id, status: 'completed', date: '2024-06-30' }
  bounds(t, planCommandSchema, changeStatus, 'date', '1990-01-01', '1989-12-31', 'has a year that must be 1990 or later')
  bounds(t, planCommandSchema, changeStatus, 'date', '2100-12-31', '9999-12-31', 'has a year that must be 2100 or earlier')
  bounds(
    t,
    planCommandSchema,
    { type: 'ApprovePlan', planId, councilDecision: { number: 'Nr. 45', date: '2022-03-31' } },
    'councilDecision.date',
    '2022-03-31',
    '0000-01-01',
    /1990 or later/,
  )
  bounds(t, planCommandSchema, addMeasure, 'deadline', '2100-01-01', '2101-01-01', /2100 or earlier/)
  bounds(
    t,
    budgetLineCommandSchema,
    { type: 'RecordExpenditure', budgetLineId: id, executed: { amount: '1', currency: 'ALL' }, asOf: '2024-12-31' },
    'asOf',
    '1990-06-30',
    '1900-06-30',
    /1990 or later/,
  )
  bounds(t, indicatorCommandSchema, reportValue, 'period', '2100-Q4', '2101', 'has a year that must be 2100 or earlier')
  bounds(t, indicatorCommandSchema, reportValue, 'period', '1990-H1', '0000', 'has a year that must be 1990 or later')
  const submitReport: Command = { type: 'SubmitReport', planId, period: '2024' }
  bounds(t, planCommandSchema, submitReport, 'period', '2100-H2', '2101', 'has a year that must be 2100 or earlier')
  bounds(t, planCommandSchema, submitReport, 'period', '2024-Q4', 'end-of-plan', /^must be a year \(2024\), a half-year/)
  const setTarget: Command = { type: 'SetTarget', indicatorId: id, period: '2024', target: { kind: 'milestone' } }
  bounds(t, indicatorCommandSchema, setTarget, 'period', 'end-of-plan', '9999-Q4', 'has a year that must be 2100 or earlier')
  bounds(t, indicatorCommandSchema, setTarget, 'period', '2024-H2', '2024-H3', /a quarter \(2024-Q3\) or end-of-plan$/)
  bounds(t, planCommandSchema, draftPlan, 'period.from', 1990, 1989, 'must be 1990 or later')
  bounds(t, planCommandSchema, draftPlan, 'period.to', 2100, 2101, 'must be 2100 or earlier')
})

t.test('texts: codes, one-line labels and titles, descriptions that may span lines', async (t) => {
  bounds(
    t,
    planCommandSchema,
    { type: 'AddArea', planId, areaId: id, code: 'I', title: { sq: 'Arsimi' } },
    'code',
    'x'.repeat(64),
    'x'.repeat(65),
    /at most 64/,
  )
  bounds(t, planCommandSchema, addMeasure, 'code', 'III.1 (a)', 'III.1\u0000', /U\+0000/)
  bounds(t, planCommandSchema, draftPlan, 'title.sq', 'ë'.repeat(500), longerThan(500), 'must be at most 500 characters long, not 501')
  bounds(t, planCommandSchema, draftPlan, 'title.en', 'Gender equality plan', 'Gender\nequality plan', /U\+000A: it is written on one line/)
  bounds(t, planCommandSchema, addMeasure, 'title.sq', 'Trajnimi i stafit', 'Trajnimi i stafit \ud83d', /half of a surrogate pair/)
  bounds(
    t,
    planCommandSchema,
    { ...addMeasure, output: { sq: 'x' } },
    'output.sq',
    `Rreshti 1\nRreshti 2\t${'ç'.repeat(4970)}`,
    longerThan(5000),
    /at most 5000/,
  )
  bounds(
    t,
    planCommandSchema,
    { ...addMeasure, schedule: { sq: 'x' } },
    'schedule.sq',
    'Tetor- Dhjetor 2025\n2028',
    'Tetor\r\n2025',
    /U\+000D: only line feeds and tabs/,
  )
  bounds(
    t,
    planCommandSchema,
    { ...draftPlan, nationalStrategies: [{ sq: 'x' }] },
    'nationalStrategies.0.sq',
    'Strategjia',
    'Strategjia\u001b[31m',
    /U\+001B/,
  )
  bounds(
    t,
    planCommandSchema,
    { type: 'ApprovePlan', planId, councilDecision: { number: 'Nr. 45', date: '2022-03-31' } },
    'councilDecision.number',
    'x'.repeat(500),
    'x'.repeat(501),
    /at most 500/,
  )
  bounds(
    t,
    planCommandSchema,
    { type: 'ReturnPlan', planId, comments: { sq: 'x' } },
    'comments.sq',
    `Objektivi I.1 nuk ka tregues.\nShtoni një.\t${'ë'.repeat(4900)}`,
    longerThan(5000),
    /at most 5000/,
  )
  bounds(
    t,
    planCommandSchema,
    { type: 'ReopenReport', planId, period: '2024', reason: { sq: 'x' } },
    'reason.sq',
    'U gjet një gabim në shifrat e vitit',
    'U gjet\r\nnjë gabim',
    /U\+000D/,
  )
  bounds(t, indicatorCommandSchema, defineIndicator, 'name.sq', 'ç'.repeat(500), longerThan(500), /at most 500/)
  bounds(t, indicatorCommandSchema, defineIndicator, 'disaggregations.0.categories.1', 'fshat', 'fsh\nat', /one line/)
  bounds(
    t,
    indicatorCommandSchema,
    { ...defineIndicator, nationalCode: 'x' },
    'nationalCode',
    'A'.repeat(40),
    'A'.repeat(41),
    /1–40 letters/,
  )
  bounds(
    t,
    indicatorCommandSchema,
    { ...reportValue, note: { sq: 'x' } },
    'note.sq',
    'Shënim\nme dy rreshta',
    '\udc00',
    /half of a surrogate pair/,
  )
  t.throws(
    () => parseCommand('ReportIndicatorValue', indicatorCommandSchema, { ...reportValue, breakdown: { area: { 'qytet\u0000': '1' } } }),
    { name: 'TreguesiError', details: { field: 'breakdown.area.qytet\u0000', problem: /U\+0000: it is written on one line/ } },
    'a breakdown category is a label too',
  )
  bounds(t, budgetLineCommandSchema, planBudgetLine, 'fundingSource.name', 'AKPA Elbasan, Bashkia', 'x'.repeat(501), /at most 500/)
  bounds(
    t,
    budgetLineCommandSchema,
    { ...planBudgetLine, planned: { costingText: 'x' } },
    'planned.costingText',
    'Sipas kostimit të MSHMS',
    'Sipas\tkostimit',
    /one line/,
  )
  bounds(t, municipalityCommandSchema, register, 'name.sq', 'Bashkia Elbasan', longerThan(500), /at most 500/)
  bounds(
    t,
    municipalityCommandSchema,
    { type: 'SetMunicipalityIatiIdentifier', code: 'ELB', identifier: 'x' },
    'identifier',
    `AL-COA-${'1'.repeat(93)}`,
    `AL-COA-${'1'.repeat(94)}`,
    /at most 100/,
  )
})

t.test('DHIS2 codes: at most 50 characters on one line; ADX category codes are XML attribute names', async (t) => {
  const mapCombo: Command = {
    type: 'MapDhis2CategoryOptionCombo',
    dimension: 'sex',
    category: 'F',
    categoryOptionCombo: 'SEX_F',
    adx: { category: 'SEX', option: 'F' },
  }
  bounds(t, dhis2MappingCommandSchema, mapCombo, 'categoryOptionCombo', 'ç'.repeat(50), 'ç'.repeat(51), /at most 50 characters/)
  bounds(t, dhis2MappingCommandSchema, mapCombo, 'adx.option', 'Femra 15–24', 'Femra\t15–24', /one line/)
  bounds(t, dhis2MappingCommandSchema, mapCombo, 'adx.category', `_${'S'.repeat(49)}`, 'S'.repeat(51), /1–50 letters/)
  bounds(t, dhis2MappingCommandSchema, mapCombo, 'category', 'ë'.repeat(500), longerThan(500), /at most 500/)
  const mapOrgUnit: Command = { type: 'MapDhis2OrgUnit', municipality: 'ELB', orgUnit: 'x' }
  bounds(t, dhis2MappingCommandSchema, mapOrgUnit, 'orgUnit', 'O'.repeat(50), 'O'.repeat(51), /at most 50/)
})

t.test('the business time of a command lies in a plausible year; its command id is canonical', async (t) => {
  const context = {
    commandId: '0B7D9A52-6F0E-4C57-9A43-2F7D1C9E8A10',
    actor: { id: 'admin', role: 'admin' },
    occurredAt: '2100-12-31T23:59:59+01:00',
  }
  t.equal(parseCommand('DraftPlan', commandContextSchema, context).commandId, '0b7d9a52-6f0e-4c57-9a43-2f7d1c9e8a10', 'in lower case')
  t.throws(() => parseCommand('DraftPlan', commandContextSchema, { ...context, occurredAt: '0000-01-01T00:00:00Z' }), {
    code: 'TRG_INVALID_COMMAND',
    details: { field: 'occurredAt', problem: 'has a year that must be 1990 or later' },
  })
})
