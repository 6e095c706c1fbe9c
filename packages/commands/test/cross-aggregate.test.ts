import { randomUUID } from 'node:crypto'
import t, { type Test } from 'tap'
import { SqliteEventStore } from '@treguesi/event-store'
import { collect } from '@treguesi/event-store/contract'
import { executeCommand } from '@treguesi/commands'
import { context, planFixture, reviewerContext } from './plan-fixture.js'

const { planId, areaId, objectiveId, measureId, register, draft, structure, define, budgetLine } = planFixture()

async function storeWithPlan(t: Test, { withMunicipality = true } = {}) {
  const store = new SqliteEventStore({ path: ':memory:' })
  t.teardown(() => store.close())
  const run = (command: object, commandId?: string) => executeCommand(store, command, context(commandId))
  /** A review step, as a reviewer sends it. */
  const review = (command: object) => executeCommand(store, command, reviewerContext())
  if (withMunicipality) {
    await run(register)
    await run(draft)
    for (const command of structure) await run(command)
  }
  return { store, run, review }
}

t.test('a plan needs a registered municipality', async (t) => {
  const { run } = await storeWithPlan(t, { withMunicipality: false })
  await t.rejects(run(draft), { code: 'TRG_NOT_FOUND', details: { entity: 'municipality', id: 'ELB' } })
  await t.rejects(run({ ...draft, municipality: 7 }), { code: 'TRG_INVALID_COMMAND', details: { field: 'municipality' } })
})

t.test("an indicator takes its plan's period and must attach to something in that plan", async (t) => {
  const { store, run } = await storeWithPlan(t)
  const command = define()
  await run(command)
  const [defined] = await collect(store.readStream(`indicator-${command.indicatorId}`))
  t.same((defined!.data as { planPeriod: unknown }).planPeriod, { from: 2024, to: 2027 }, 'the period comes from the plan')
  await run(define({ attachedTo: { kind: 'objective', id: objectiveId } }))

  await t.rejects(run(define({ planId: 'plan-7' })), { code: 'TRG_INVALID_COMMAND', details: { field: 'planId' } })
  const unknown = randomUUID()
  await t.rejects(run(define({ planId: unknown })), { code: 'TRG_NOT_FOUND', details: { entity: 'plan', id: unknown } })
  await t.rejects(run(define({ municipality: 'DRE' })), {
    code: 'TRG_INVALID_COMMAND',
    details: { field: 'municipality', problem: `must be ELB, the municipality of plan ${planId}` },
  })
  await t.rejects(run(define({ attachedTo: { kind: 'objective', id: measureId } })), {
    code: 'TRG_NOT_FOUND',
    details: { entity: 'objective', id: measureId },
  })
  await t.rejects(run(define({ attachedTo: { kind: 'measure', id: objectiveId } })), {
    code: 'TRG_NOT_FOUND',
    details: { entity: 'measure', id: objectiveId },
  })
  await t.rejects(run(define({ attachedTo: { kind: 'area', id: areaId } })), {
    code: 'TRG_INVALID_COMMAND',
    details: { field: 'attachedTo.kind' },
  })
  await t.rejects(run(define({ attachedTo: undefined })), { code: 'TRG_INVALID_COMMAND', details: { field: 'attachedTo' } })
  await t.rejects(run(define({ indicatorId: 'x' })), { code: 'TRG_INVALID_COMMAND', details: { field: 'indicatorId' } })
})

t.test("a budget line is in its municipality's currency and belongs to a measure of the plan", async (t) => {
  const { store, run } = await storeWithPlan(t)
  const command = budgetLine()
  await run(command)
  const [planned] = await collect(store.readStream(`budget-line-${command.budgetLineId}`))
  t.equal((planned!.data as { currency: string }).currency, 'ALL', 'the currency comes from the municipality')
  await t.rejects(run(budgetLine({ planned: { amount: { amount: '1000', currency: 'EUR' } } })), {
    code: 'TRG_CURRENCY_MISMATCH',
    details: { field: 'planned.amount', expected: 'ALL', actual: 'EUR' },
  })
  await t.rejects(run(budgetLine({ measureId: objectiveId })), { code: 'TRG_NOT_FOUND', details: { entity: 'measure' } })
  await t.rejects(run(budgetLine({ measureId: 'm-1' })), { code: 'TRG_INVALID_COMMAND', details: { field: 'measureId' } })
  await t.rejects(run(budgetLine({ planId: 'p-1' })), { code: 'TRG_INVALID_COMMAND', details: { field: 'planId' } })
  await t.rejects(run(budgetLine({ municipality: 'TIR' })), { code: 'TRG_INVALID_COMMAND', details: { field: 'municipality' } })
  for (const fiscalYear of [2023, 2028]) {
    await t.rejects(run(budgetLine({ fiscalYear })), {
      code: 'TRG_PERIOD_OUTSIDE_PLAN',
      message: `fiscalYear ${fiscalYear} is outside the plan's period 2024–2027`,
      details: { field: 'fiscalYear', period: String(fiscalYear), planPeriod: '2024–2027' },
    })
  }
  await run(budgetLine({ fiscalYear: 2027 }))
  await t.rejects(run(budgetLine({ fiscalYear: '2025' })), { code: 'TRG_INVALID_COMMAND', details: { field: 'fiscalYear' } })
})

t.test('nothing is recorded against a closed plan; a retried command still gets its first answer', async (t) => {
  const { store, run, review } = await storeWithPlan(t)
  const indicator = define()
  const line = budgetLine()
  await run(indicator)
  await run(line)
  await run({ type: 'SubmitPlan', planId })
  await review({ type: 'ApprovePlan', planId, councilDecision: { number: 'Nr. 45', date: '2024-03-01' } })
  const reportId = randomUUID()
  const report = { type: 'ReportIndicatorValue', indicatorId: indicator.indicatorId, period: '2024', value: '120' }
  const first = await run(report, reportId)
  await run({ type: 'ClosePlan', planId, date: '2027-12-31' })

  const again = await run(report, reportId)
  t.same(
    { replayed: again.replayed, position: again.position },
    { replayed: true, position: first.position },
    'the retry is answered as before',
  )
  const before = await store.headPosition()
  await t.rejects(run({ ...report, period: '2025' }), { code: 'TRG_PLAN_CLOSED', details: { planId } })
  await t.rejects(run({ type: 'SetBaseline', indicatorId: indicator.indicatorId, value: '80', year: 2023 }), { code: 'TRG_PLAN_CLOSED' })
  await t.rejects(
    run({ type: 'AllocateBudget', budgetLineId: line.budgetLineId, allocated: { amount: '100000', currency: 'ALL' }, date: '2024-01-15' }),
    { code: 'TRG_PLAN_CLOSED' },
  )
  await t.rejects(run(define()), { code: 'TRG_PLAN_CLOSED' })
  await t.rejects(run(budgetLine()), { code: 'TRG_PLAN_CLOSED' })
  t.equal(await store.headPosition(), before, 'the refusals wrote nothing')
})

t.test('commands on an indicator or budget line that does not exist are refused by its decider', async (t) => {
  const { run } = await storeWithPlan(t)
  const missing = randomUUID()
  await t.rejects(run({ type: 'ReportIndicatorValue', indicatorId: missing, period: '2024', value: '1' }), {
    code: 'TRG_NOT_FOUND',
    details: { id: missing },
  })
  await t.rejects(run({ type: 'RetagBudgetLine', budgetLineId: missing, categories: [] }), {
    code: 'TRG_NOT_FOUND',
    details: { id: missing },
  })
  await t.rejects(run({ type: 'RetagBudgetLine', budgetLineId: 5, categories: [] }), {
    code: 'TRG_INVALID_COMMAND',
    details: { field: 'budgetLineId' },
  })
})

const approval = { type: 'ApprovePlan', planId, councilDecision: { number: 'Nr. 45', date: '2024-03-01' } }

t.test("a submitted or approved plan's indicators and budget lines are locked until it is reopened", async (t) => {
  const { store, run, review } = await storeWithPlan(t)
  const indicator = define()
  const line = budgetLine()
  await run(indicator)
  await run(line)
  const target = { type: 'SetTarget', indicatorId: indicator.indicatorId, period: '2024', target: { kind: 'absolute', value: '150' } }
  const retag = { type: 'RetagBudgetLine', budgetLineId: line.budgetLineId, categories: ['gender-responsive-budgeting'] }
  const changes = () =>
    [
      ['DefineIndicator', define()],
      ['SetTarget', target],
      ['PlanBudgetLine', budgetLine()],
      ['RetagBudgetLine', retag],
    ] as const

  await run({ type: 'SubmitPlan', planId })
  const submitted = await store.headPosition()
  for (const [name, command] of changes()) {
    await t.rejects(run(command), { code: 'TRG_PLAN_LOCKED', details: { planId, state: 'submitted' } }, `${name}: submitted`)
  }
  await review(approval)
  const approved = await store.headPosition()
  for (const [name, command] of changes()) {
    await t.rejects(run(command), { code: 'TRG_PLAN_LOCKED', details: { planId, state: 'approved' } }, `${name}: approved`)
  }
  t.equal(approved, (submitted ?? 0n) + 1n, 'the refusals wrote nothing')
  t.equal(await store.headPosition(), approved)

  await review({ type: 'ReopenPlan', planId, reason: { sq: 'Shtohet një tregues për strehëzën' } })
  for (const [name, command] of changes()) {
    const result = await run(command)
    t.equal(result.events.length, 1, `${name}: reopened`)
  }
})

t.test('a plan returned by its reviewer takes changes again', async (t) => {
  const { run, review } = await storeWithPlan(t)
  await run({ type: 'SubmitPlan', planId })
  await t.rejects(run(define()), { code: 'TRG_PLAN_LOCKED', details: { planId, state: 'submitted' } })
  await review({ type: 'ReturnPlan', planId, comments: { sq: 'Masa nuk ka tregues' } })
  await run(define())
  await run({ type: 'SubmitPlan', planId })
  await review(approval)
})

t.test("a report round locks the figures of its period, and a budget line's by its fiscal year", async (t) => {
  const { store, run, review } = await storeWithPlan(t)
  const indicator = define()
  const line2024 = budgetLine()
  const line2025 = budgetLine({ fiscalYear: 2025 })
  for (const command of [indicator, line2024, line2025]) await run(command)
  await run({ type: 'SubmitPlan', planId })
  await review(approval)

  const round = (type: string, rest: object = {}) => ({ type, planId, period: '2024', ...rest })
  const allocate = (budgetLineId: string) => ({
    type: 'AllocateBudget',
    budgetLineId,
    allocated: { amount: '100000', currency: 'ALL' },
    date: '2024-01-15',
  })
  const spend = {
    type: 'RecordExpenditure',
    budgetLineId: line2024.budgetLineId,
    executed: { amount: '40000', currency: 'ALL' },
    asOf: '2024-06-30',
  }
  const value = (period: string) => ({ type: 'ReportIndicatorValue', indicatorId: indicator.indicatorId, period, value: '60' })
  const locked = (period: string, state: string) => ({ code: 'TRG_PERIOD_LOCKED', details: { planId, period, round: '2024', state } })

  await run(round('SubmitReport'))
  await t.rejects(run(allocate(line2024.budgetLineId)), locked('2024', 'submitted'), 'a 2024 line while the 2024 report is submitted')
  await t.rejects(run(value('2024-H1')), locked('2024-H1', 'submitted'), 'a 2024 half-year figure')
  await run(allocate(line2025.budgetLineId))
  await run(value('2025-H1'))

  await review(round('ReturnReport', { comments: { sq: 'Mungon ndarja e buxhetit' } }))
  await run(allocate(line2024.budgetLineId))

  await run(round('SubmitReport'))
  await review(round('ApproveReport'))
  const before = await store.headPosition()
  await t.rejects(run(value('2024-H1')), locked('2024-H1', 'approved'), 'a 2024-H1 figure while the 2024 report is approved')
  await t.rejects(run(value('2024')), locked('2024', 'approved'), 'the year itself')
  await t.rejects(run(spend), locked('2024', 'approved'), 'spending of a 2024 line')
  await t.rejects(run(allocate(line2024.budgetLineId)), locked('2024', 'approved'))
  t.equal(await store.headPosition(), before, 'the refusals wrote nothing')
  await run(value('2025'))

  await review(round('ReopenReport', { reason: { sq: 'Shifrat e gjysmës së parë u rishikuan' } }))
  await run(value('2024-H1'))
  await run(spend)
})

t.test('an indicator is tied to a national indicator of the catalogue, of its unit, also once its plan is closed', async (t) => {
  const { store, run, review } = await storeWithPlan(t)
  const national = { type: 'DefineNationalIndicator', code: 'AL-SKBGJ-4.1', name: { sq: 'Gra të trajnuara' }, unit: 'count' }
  const tied = define({ nationalCode: 'AL-SKBGJ-4.1' })
  await t.rejects(
    run(tied),
    { code: 'TRG_NOT_FOUND', details: { entity: 'national indicator', id: 'AL-SKBGJ-4.1' } },
    'not in the catalogue yet',
  )
  await run(national)
  await t.rejects(run({ ...tied, unit: 'percent' }), { code: 'TRG_UNIT_MISMATCH', details: { field: 'nationalCode', unit: 'percent' } })
  // A unit a client sends is not believed: the catalogue's is taken.
  await run({ ...tied, nationalUnit: 'count' })
  const [defined] = await collect(store.readStream(`indicator-${tied.indicatorId}`))
  t.match(defined!.data, { nationalCode: 'AL-SKBGJ-4.1' })
  t.notOk('nationalUnit' in defined!.data, "the national indicator's unit is not recorded with the indicator")
  await t.rejects(run({ ...define({ unit: 'percent' }), nationalCode: 'AL-SKBGJ-4.1', nationalUnit: 'percent' }), {
    code: 'TRG_UNIT_MISMATCH',
  })
  await t.rejects(run({ ...define(), nationalCode: 'bad code' }), { code: 'TRG_INVALID_COMMAND', details: { field: 'nationalCode' } })

  const untied = define()
  await run(untied)
  const reason = { sq: 'Treguesi i strategjisë kombëtare' }
  const link = { type: 'LinkNationalIndicator', indicatorId: untied.indicatorId, nationalCode: 'AL-SKBGJ-4.1', reason }
  await run({ type: 'SubmitPlan', planId })
  await review(approval)
  await run({ type: 'ClosePlan', planId, date: '2027-12-31', reason: { sq: 'Përfundoi' } })
  await run(link)
  await t.rejects(run({ ...link, nationalCode: 'AL-SKBGJ-9.9' }), { code: 'TRG_NOT_FOUND', details: { entity: 'national indicator' } })
  await run({ ...link, nationalCode: null })
  const events = await collect(store.readStream(`indicator-${untied.indicatorId}`))
  t.same(
    events.slice(1).map((event) => [event.data.nationalCode, event.data.previous]),
    [
      ['AL-SKBGJ-4.1', null],
      [null, 'AL-SKBGJ-4.1'],
    ],
    'tied after its plan closed, then untied',
  )
})

t.test('a DHIS2 data element is mapped for a national indicator or an indicator that exists, of a unit it takes', async (t) => {
  const { store, run } = await storeWithPlan(t)
  const reason = { sq: 'Formulari i ministrisë' }
  const byCode = {
    type: 'MapDhis2DataElement',
    indicator: { nationalCode: 'AL-SKBGJ-4.2' },
    dataSet: 'AL_MUN_GENDER',
    dataElement: { numerator: 'WOMEN_TRAINED', denominator: 'PEOPLE_TRAINED' },
    reason,
  }
  await t.rejects(run(byCode), { code: 'TRG_NOT_FOUND', details: { entity: 'national indicator', id: 'AL-SKBGJ-4.2' } })
  await run({
    type: 'DefineNationalIndicator',
    code: 'AL-SKBGJ-4.2',
    name: { sq: 'Gra të trajnuara' },
    unit: 'percent',
    numerator: reason,
    denominator: reason,
  })
  // A unit a client sends is not believed: the catalogue's is taken.
  await t.rejects(run({ ...byCode, dataElement: { code: 'WOMEN_TRAINED' }, indicatorUnit: 'count' }), {
    code: 'TRG_UNIT_MISMATCH',
    details: { field: 'dataElement', unit: 'percent' },
  })
  await run({ ...byCode, indicatorUnit: 'count' })
  const [mapped] = await collect(store.readStream('dhis2-mapping-national:AL-SKBGJ-4.2'))
  const { type: _type, ...mapping } = byCode
  t.same(mapped!.data, { ...mapping, disaggregation: 'none' }, 'the unit is checked, not recorded')

  const indicator = define({
    disaggregations: [
      { dimension: 'sex', categories: ['F', 'M'], exhaustive: true },
      { dimension: 'ethnicity', categories: ['rom', 'egjiptian'], exhaustive: false },
    ],
  })
  const byIndicator = {
    type: 'MapDhis2DataElement',
    indicator: { indicatorId: indicator.indicatorId },
    dataSet: 'AL_MUN_GENDER',
    dataElement: { code: 'PEOPLE_TRAINED_ELB' },
    disaggregation: 'ethnicity',
  }
  await t.rejects(run(byIndicator), { code: 'TRG_NOT_FOUND', details: { entity: 'indicator', id: indicator.indicatorId } })
  await run(indicator)
  await t.rejects(
    run({ ...byIndicator, indicatorDimensions: ['ethnicity'] }),
    { code: 'TRG_INVALID_COMMAND', details: { field: 'disaggregation', problem: /\(sex\)/ } },
    'a dimension whose categories leave some out is not one DHIS2 adds up to the total, whatever the client says',
  )
  await run({ ...byIndicator, disaggregation: 'sex' })
  t.equal((await collect(store.readStream(`dhis2-mapping-indicator:${indicator.indicatorId}`))).length, 1)
  await t.rejects(run({ ...byIndicator, indicator: { indicatorId: 'x' } }), {
    code: 'TRG_INVALID_COMMAND',
    details: { field: 'indicator.indicatorId', problem: 'must be a UUID' },
  })
})

t.test('a DHIS2 org unit is mapped for a registered municipality; unmapping needs nothing else', async (t) => {
  const { store, run } = await storeWithPlan(t)
  await t.rejects(run({ type: 'MapDhis2OrgUnit', municipality: 'DRE', orgUnit: 'XK_DRENAS' }), {
    code: 'TRG_NOT_FOUND',
    details: { entity: 'municipality', id: 'DRE' },
  })
  await run({ type: 'MapDhis2OrgUnit', municipality: 'ELB', orgUnit: 'AL_ELBASAN' })
  const unmap = { type: 'UnmapDhis2OrgUnit', municipality: 'ELB', reason: { sq: 'Kodi u ndryshua në DHIS2' } }
  await run(unmap)
  await run({ type: 'UnmapDhis2OrgUnit', municipality: 'DRE', reason: unmap.reason })
  t.same(
    (await collect(store.readStream('dhis2-mapping-org-unit:ELB'))).map((event) => event.type),
    ['dhis2-mapping.org-unit-mapped.v1', 'dhis2-mapping.org-unit-unmapped.v1'],
  )
  t.same(await collect(store.readStream('dhis2-mapping-org-unit:DRE')), [], 'nothing mapped, nothing recorded')
  await t.rejects(run({ type: 'MapDhis2CategoryOptionCombo', dimension: 'gender' }), {
    code: 'TRG_INVALID_COMMAND',
    details: { field: 'dimension' },
  })
})
