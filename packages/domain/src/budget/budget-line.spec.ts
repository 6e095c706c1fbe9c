import t, { type Test } from 'tap'
import { replay } from '../decider.js'
import type { Decimal } from '../shared/decimal.js'
import { invalid, spec, wrongCurrency } from '../testing/decider-spec.js'
import { planBudgetLine } from '../testing/plan-commands.js'
import { budgetLine, budgetLineCommandSchema, budgetLineStream, type BudgetLineEvent } from './budget-line.js'

const decider = (t: Test) => spec(t, budgetLine, budgetLineCommandSchema)

const budgetLineId = '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5'
const planId = '0b7e4f7a-2c1d-4e3f-9a8b-7c6d5e4f3a2b'
const measureId = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a'

// Elbasan Roma/Egyptian annex, measure 4.1.4: "58,000leke AKPA Elbasan,Bashkia/ donatorë".
const plan = planBudgetLine(budgetLineId, planId, measureId, {
  fiscalYear: 2025,
  fundingSource: { kind: 'employment-agency', name: 'AKPA Elbasan, Bashkia' },
  planned: { amount: { amount: '58000.00', currency: 'ALL' } },
  currency: 'ALL',
})

const planned = {
  type: 'budget-line.planned.v1',
  data: {
    budgetLineId,
    planId,
    measureId,
    municipality: 'ELB',
    fiscalYear: 2025,
    fundingSource: { kind: 'employment-agency', name: 'AKPA Elbasan, Bashkia' },
    categories: [],
    planned: { amount: { amount: '58000' as Decimal, currency: 'ALL' } },
    currency: 'ALL',
  },
} as BudgetLineEvent

const ministryCosting = 'Sipas kostimit të MSHMS'

const plannedAsText = {
  ...planned,
  data: { ...planned.data, planned: { costingText: ministryCosting } },
} as BudgetLineEvent

t.test('PlanBudgetLine', async (t) => {
  decider(t).given([]).when(plan).then([planned], 'a costed line, its amount in canonical decimal form, no categories')
  t.equal(budgetLineStream(budgetLineId), `budget-line-${budgetLineId}`)

  const donors = 'donatorë (A2B, ADRA)'
  decider(t)
    .given([])
    .when({
      ...plan,
      fundingSource: { kind: 'donor', name: donors },
      categories: ['gender-responsive-budgeting', 'roma-egyptian-integration'],
      planned: { amount: { amount: '142000', currency: 'ALL' } },
    })
    .then([
      {
        type: 'budget-line.planned.v1',
        data: {
          ...planned.data,
          fundingSource: { kind: 'donor', name: donors },
          categories: ['gender-responsive-budgeting', 'roma-egyptian-integration'],
          planned: { amount: { amount: '142000', currency: 'ALL' } },
        },
      },
    ])

  decider(t)
    .given([])
    .when({ ...plan, fundingSource: { kind: 'central-government', name: 'MSHMS' }, planned: { costingText: ministryCosting } })
    .then(
      [{ ...plannedAsText, data: { ...plannedAsText.data, fundingSource: { kind: 'central-government', name: 'MSHMS' } } }],
      'a cost given in words is kept as text, with no amount',
    )

  // Drenas action costed at 1,000 EUR a year, paid by donors.
  decider(t)
    .given([])
    .when({
      ...plan,
      municipality: 'DRE',
      fundingSource: { kind: 'donor', name: 'Donatorët' },
      categories: ['dv-specialised-services'],
      planned: { amount: { amount: '1000', currency: 'EUR' } },
      currency: 'EUR',
    })
    .then([
      {
        type: 'budget-line.planned.v1',
        data: {
          ...planned.data,
          municipality: 'DRE',
          fundingSource: { kind: 'donor', name: 'Donatorët' },
          categories: ['dv-specialised-services'],
          planned: { amount: { amount: '1000', currency: 'EUR' } },
          currency: 'EUR',
        },
      },
    ])

  decider(t).given([planned]).when(plan).thenFails('TRG_ALREADY_EXISTS', { entity: 'budget line', id: budgetLineId })
  decider(t)
    .given([])
    .refuses([
      [
        { ...plan, planned: { amount: { amount: '1000', currency: 'EUR' } } },
        'TRG_CURRENCY_MISMATCH',
        { field: 'planned.amount', expected: 'ALL', actual: 'EUR' },
      ],
      invalid(plan, { planned: { amount: { amount: '58000', currency: 'ALL' }, costingText: ministryCosting } }, 'planned', /not both/),
      invalid(plan, { planned: {} }, 'planned', /either an amount or a costingText/),
      invalid(plan, { planned: { costingText: '  ' } }, 'planned.costingText', 'must not be empty'),
      invalid(plan, { planned: { amount: { amount: '-1', currency: 'ALL' } } }, 'planned.amount.amount', 'must not be negative'),
      invalid(plan, { planned: { amount: { amount: '58,000', currency: 'ALL' } } }, 'planned.amount.amount', /decimal number/),
      invalid(plan, { fundingSource: { kind: 'bank', name: 'Banka' } }, 'fundingSource.kind', /local-budget, central-government/),
      invalid(plan, { fundingSource: { kind: 'donor', name: ' ' } }, 'fundingSource.name', 'must not be empty'),
      invalid(plan, { categories: ['Shërbime DHF'] }, 'categories.0', /lower-case tag/),
      invalid(plan, { categories: ['dv-specialised-services', 'dv-specialised-services'] }, 'categories', 'must not repeat a category'),
      invalid(plan, { budgetLineId: 'line-1' }, 'budgetLineId', 'must be a UUID'),
      invalid(plan, { measureId: undefined }, 'measureId'),
      invalid(plan, { municipality: 'Elbasan' }, 'municipality'),
      invalid(plan, { fiscalYear: 1989 }, 'fiscalYear', 'must be 1990 or later'),
      invalid(plan, { currency: 'USD' }, 'currency', /ALL \(lekë\) or EUR/),
    ])
})

t.test('Albanian text is kept byte for byte', async (t) => {
  // "ë" written as e + combining diaeresis stays so: nothing normalises what the municipality wrote.
  const decomposed = 'donatore\u0308 (A2B, ADRA)'
  const costing = 'Sipas kostimit bërë nga bashkia; çdo vit'
  const [event] = budgetLine.decide(
    budgetLineCommandSchema.parse({
      ...plan,
      fundingSource: { kind: 'donor', name: decomposed },
      planned: { costingText: costing },
    }),
    budgetLine.initialState,
  )
  const data = event!.data as { fundingSource: { name: string }; planned: { costingText: string } }
  t.same(Buffer.from(data.fundingSource.name), Buffer.from(decomposed))
  t.same(Buffer.from(data.planned.costingText), Buffer.from(costing))
  t.equal(data.fundingSource.name.length, decomposed.length)
})

t.test('RevisePlannedCost', async (t) => {
  const revise = { type: 'RevisePlannedCost', budgetLineId, planned: { amount: { amount: '65000.50', currency: 'ALL' } } }
  const revised = {
    type: 'budget-line.planned-cost-revised.v1',
    data: {
      budgetLineId,
      planned: { amount: { amount: '65000.5', currency: 'ALL' } },
      previous: { amount: { amount: '58000', currency: 'ALL' } },
    },
  } as BudgetLineEvent
  decider(t).given([planned]).when(revise).then([revised], 'the new cost, with the cost it replaces')
  decider(t)
    .given([planned])
    .when({ ...revise, planned: { amount: { amount: '58000.000', currency: 'ALL' } } })
    .then([], 'the same amount again, however written, changes nothing')
  decider(t)
    .given([planned])
    .when({ ...revise, planned: { costingText: ministryCosting } })
    .then([
      {
        type: 'budget-line.planned-cost-revised.v1',
        data: { budgetLineId, planned: { costingText: ministryCosting }, previous: { amount: { amount: '58000', currency: 'ALL' } } },
      },
    ])
  decider(t)
    .given([plannedAsText])
    .when(revise)
    .then([
      {
        type: 'budget-line.planned-cost-revised.v1',
        data: { budgetLineId, planned: { amount: { amount: '65000.5', currency: 'ALL' } }, previous: { costingText: ministryCosting } },
      },
    ])
  decider(t)
    .given([plannedAsText])
    .when({ ...revise, planned: { costingText: ministryCosting } })
    .then([])
  decider(t)
    .given([plannedAsText])
    .when({ ...revise, planned: { costingText: 'Sipas kostimit bërë nga bashkia' } })
    .then([
      {
        type: 'budget-line.planned-cost-revised.v1',
        data: { budgetLineId, planned: { costingText: 'Sipas kostimit bërë nga bashkia' }, previous: { costingText: ministryCosting } },
      },
    ])
  decider(t).given([]).when(revise).thenFails('TRG_NOT_FOUND', { entity: 'budget line', id: budgetLineId })
  decider(t)
    .given([plannedAsText])
    .when({ ...revise, planned: { amount: { amount: '1000', currency: 'EUR' } } })
    .thenFails('TRG_CURRENCY_MISMATCH', { field: 'planned.amount', expected: 'ALL', actual: 'EUR' })
  decider(t)
    .given([planned])
    .refuses([invalid(revise, { planned: { costingText: '' } }, 'planned.costingText')])
})

t.test('AllocateBudget', async (t) => {
  const allocate = {
    type: 'AllocateBudget',
    budgetLineId,
    allocated: { amount: '55000.00', currency: 'ALL' },
    date: '2024-12-20',
    decision: 'Vendim i Këshillit Bashkiak Nr. 123',
  }
  const allocated = {
    type: 'budget-line.allocated.v1',
    data: {
      budgetLineId,
      allocated: { amount: '55000', currency: 'ALL' },
      date: '2024-12-20',
      decision: 'Vendim i Këshillit Bashkiak Nr. 123',
    },
  } as BudgetLineEvent
  decider(t).given([planned]).when(allocate).then([allocated], 'the adopted figure, with the decision that adopted it')
  decider(t)
    .given([planned])
    .when({ ...allocate, decision: undefined })
    .then([
      { type: 'budget-line.allocated.v1', data: { budgetLineId, allocated: { amount: '55000', currency: 'ALL' }, date: '2024-12-20' } },
    ])
  decider(t)
    .given([planned, allocated])
    .when({ ...allocate, allocated: { amount: '55000', currency: 'ALL' }, date: '2025-01-10' })
    .then([], 'the same figure again changes nothing')
  decider(t)
    .given([planned, allocated])
    .when({ ...allocate, allocated: { amount: '60000', currency: 'ALL' }, date: '2025-06-30', decision: 'Nr. 77' })
    .then(
      [
        {
          type: 'budget-line.allocated.v1',
          data: { budgetLineId, allocated: { amount: '60000', currency: 'ALL' }, date: '2025-06-30', decision: 'Nr. 77' },
        },
      ],
      'a revised allocation sets the figure, it does not add to it',
    )
  decider(t)
    .given([planned])
    .when({ ...allocate, allocated: { amount: '0', currency: 'ALL' } })
    .then([{ ...allocated, data: { ...allocated.data, allocated: { amount: '0', currency: 'ALL' } } }], 'nothing allocated is a figure too')
  decider(t).given([]).when(allocate).thenFails('TRG_NOT_FOUND', { entity: 'budget line', id: budgetLineId })
  decider(t)
    .given([planned])
    .refuses([
      wrongCurrency(allocate, 'allocated', { amount: '500', currency: 'EUR' }, 'ALL'),
      invalid(allocate, { date: '2024-02-30' }, 'date', /YYYY-MM-DD/),
      invalid(allocate, { date: '20.12.2024' }, 'date'),
      invalid(allocate, { decision: ' ' }, 'decision', 'must not be empty'),
    ])
})

t.test('RecordExpenditure', async (t) => {
  const record = { type: 'RecordExpenditure', budgetLineId, executed: { amount: '20000', currency: 'ALL' }, asOf: '2025-06-30' }
  const recorded = {
    type: 'budget-line.expenditure-recorded.v1',
    data: { budgetLineId, executed: { amount: '20000', currency: 'ALL' }, asOf: '2025-06-30' },
  } as BudgetLineEvent
  decider(t).given([planned]).when(record).then([recorded], 'spending may be recorded before any allocation')
  decider(t)
    .given([planned, recorded])
    .when({ ...record, executed: { amount: '20000.00', currency: 'ALL' } })
    .then([], 'a retry of the same report changes nothing')
  decider(t)
    .given([planned, recorded])
    .when({ ...record, asOf: '2025-03-31' })
    .then([], 'the same figure again changes nothing, even from an earlier report')
  decider(t)
    .given([planned, recorded])
    .when({
      ...record,
      executed: { amount: '57500.75', currency: 'ALL' },
      asOf: '2025-12-31',
      note: { sq: 'Shpenzuar për trajnime në qendrën komunitare' },
    })
    .then(
      [
        {
          type: 'budget-line.expenditure-recorded.v1',
          data: {
            budgetLineId,
            executed: { amount: '57500.75', currency: 'ALL' },
            asOf: '2025-12-31',
            note: { sq: 'Shpenzuar për trajnime në qendrën komunitare' },
          },
        },
      ],
      'the figure to date replaces the previous one',
    )
  decider(t)
    .given([planned, recorded])
    .when({ ...record, executed: { amount: '19000', currency: 'ALL' } })
    .then([{ ...recorded, data: { ...recorded.data, executed: { amount: '19000', currency: 'ALL' } } }], 'a correction on the same date')
  decider(t)
    .given([planned, recorded])
    .refuses([
      invalid(
        record,
        { executed: { amount: '15000', currency: 'ALL' }, asOf: '2025-06-29' },
        'asOf',
        'must not be before 2025-06-30, the date of the expenditure already recorded',
      ),
    ])
  decider(t).given([]).when(record).thenFails('TRG_NOT_FOUND', { entity: 'budget line', id: budgetLineId })
  decider(t)
    .given([planned])
    .refuses([
      wrongCurrency(record, 'executed', { amount: '100', currency: 'EUR' }, 'ALL'),
      invalid(record, { executed: { amount: '-100', currency: 'ALL' } }, 'executed.amount', 'must not be negative'),
      invalid(record, { asOf: '2025-13-01' }, 'asOf'),
      invalid(record, { note: { sq: '' } }, 'note.sq'),
    ])
})

t.test('RetagBudgetLine', async (t) => {
  const categories = ['dv-specialised-services', 'gender-responsive-budgeting']
  const tagged = { ...planned, data: { ...planned.data, categories } } as BudgetLineEvent
  const retag = { type: 'RetagBudgetLine', budgetLineId, categories: ['gender-responsive-budgeting'] }
  decider(t)
    .given([tagged])
    .when(retag)
    .then([{ type: 'budget-line.retagged.v1', data: { budgetLineId, categories: ['gender-responsive-budgeting'] } }])
  decider(t)
    .given([tagged])
    .when({ ...retag, categories: ['gender-responsive-budgeting', 'dv-specialised-services'] })
    .then([], 'the same categories in another order change nothing')
  decider(t)
    .given([tagged])
    .when({ ...retag, categories: ['dv-specialised-services', 'roma-egyptian-integration'] })
    .then([
      { type: 'budget-line.retagged.v1', data: { budgetLineId, categories: ['dv-specialised-services', 'roma-egyptian-integration'] } },
    ])
  decider(t)
    .given([tagged])
    .when({ ...retag, categories: [] })
    .then([{ type: 'budget-line.retagged.v1', data: { budgetLineId, categories: [] } }], 'all tags removed')
  decider(t)
    .given([planned])
    .when({ ...retag, categories: [] })
    .then([])
  decider(t)
    .given([planned])
    .when(retag)
    .then([{ type: 'budget-line.retagged.v1', data: { budgetLineId, categories: ['gender-responsive-budgeting'] } }], 'a first tag')
  decider(t).given([]).when(retag).thenFails('TRG_NOT_FOUND', { entity: 'budget line', id: budgetLineId })
  decider(t)
    .given([planned])
    .refuses([invalid(retag, { categories: undefined }, 'categories'), invalid(retag, { categories: ['dv--services'] }, 'categories.0')])
})

t.test('optional fields left out stay out of the event', async (t) => {
  const line = replay(budgetLine, [planned])
  const commands = [
    { type: 'AllocateBudget', budgetLineId, allocated: { amount: '1', currency: 'ALL' }, date: '2025-01-01' },
    { type: 'RecordExpenditure', budgetLineId, executed: { amount: '1', currency: 'ALL' }, asOf: '2025-01-01' },
  ]
  for (const { type, ...fields } of commands) {
    const [event] = budgetLine.decide(budgetLineCommandSchema.parse({ type, ...fields }), line)
    t.strictSame(Object.keys(event!.data), Object.keys(fields), type)
  }
})

t.test('an unknown command type is refused', async () => {
  decider(t).given([planned]).when({ type: 'DeleteBudgetLine', budgetLineId }).thenFails('TRG_INVALID_COMMAND', { field: 'type' })
})

t.test('state after each event', async (t) => {
  t.same(budgetLine.initialState, { exists: false })
  const events: BudgetLineEvent[] = [
    planned,
    {
      type: 'budget-line.planned-cost-revised.v1',
      data: { budgetLineId, planned: { costingText: ministryCosting }, previous: { amount: { amount: '58000', currency: 'ALL' } } },
    } as BudgetLineEvent,
    {
      type: 'budget-line.allocated.v1',
      data: { budgetLineId, allocated: { amount: '55000', currency: 'ALL' }, date: '2024-12-20', decision: 'Nr. 123' },
    } as BudgetLineEvent,
    {
      type: 'budget-line.expenditure-recorded.v1',
      data: { budgetLineId, executed: { amount: '20000', currency: 'ALL' }, asOf: '2025-06-30' },
    } as BudgetLineEvent,
    { type: 'budget-line.retagged.v1', data: { budgetLineId, categories: ['dv-specialised-services'] } },
  ]
  const base = { exists: true, ...planned.data }
  t.same(replay(budgetLine, events.slice(0, 1)), { ...base, allocation: null, expenditure: null })
  t.same(replay(budgetLine, events.slice(0, 2)), {
    ...base,
    planned: { costingText: ministryCosting },
    allocation: null,
    expenditure: null,
  })
  t.same(replay(budgetLine, events), {
    ...base,
    planned: { costingText: ministryCosting },
    categories: ['dv-specialised-services'],
    allocation: { allocated: { amount: '55000', currency: 'ALL' }, date: '2024-12-20', decision: 'Nr. 123' },
    expenditure: { executed: { amount: '20000', currency: 'ALL' }, asOf: '2025-06-30' },
  })
})
