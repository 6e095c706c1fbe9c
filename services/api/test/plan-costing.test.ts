import { randomUUID } from 'node:crypto'
import { executeCommand } from '@treguesi/commands'
import { sum, type Decimal } from '@treguesi/domain'
import t from 'tap'
import type { TokenSubject } from '@treguesi/tokens'
import { allocatedDraft } from './support/allocated-draft.js'
import { freshIds } from './support/fresh-ids.js'
import { principals, startService } from './support/service.js'

// Plan.costing over the seed plans, checked against the same plan's budget lines as each caller
// reads them: per fiscal year, planned, allocated and executed are the exact sums of its lines,
// and a line costed in words is listed, never summed as 0.

const service = await startService(t)
const actors = {
  editor: { id: 'editor-elb', role: 'editor', municipality: 'ELB' },
  admin: { id: 'admin-1', role: 'admin' },
} as const

async function write(command: Record<string, unknown>, actor: object = actors.editor): Promise<string> {
  const result = await executeCommand(service.store, command, { commandId: randomUUID(), actor, occurredAt: '2025-05-02T10:00:00+02:00' })
  return result.position!.toString()
}

async function data(query: string, variables: object, principal?: TokenSubject): Promise<any> {
  const response = await service.graphql<any>(query, variables, principal && service.token(principal))
  if (response.errors !== undefined) throw new Error(JSON.stringify(response.errors))
  return response.data
}

const amounts = 'planned { amount currency } allocated { amount currency } executed { amount currency }'
const costingQuery = `query ($id: ID!, $at: Position) { plan(id: $id, consistentWith: $at) {
  budgetLines { id fiscalYear planned { amount { amount currency } costingText } allocated { amount } executed { amount } }
  costing {
    planId currency ${amounts}
    lines { total costed nonNumericCosting allocated executed }
    nonNumericCostings { budgetLineId fiscalYear costingText }
    byFundingSource { kind name lines } byFundingKind { kind name lines }
    executionRate { value reason }
    byYear {
      fiscalYear currency ${amounts}
      lines { total costed nonNumericCosting allocated executed }
      nonNumericCostings { budgetLineId fiscalYear costingText }
      byFundingSource { kind name lines planned { amount } } byFundingKind { kind name lines planned { amount } }
      executionRate { value reason }
    }
  }
} }`

interface Line {
  readonly id: string
  readonly fiscalYear: number
  readonly planned: { readonly amount: { readonly amount: Decimal } | null; readonly costingText: string | null }
  readonly allocated: { readonly amount: Decimal } | null
  readonly executed: { readonly amount: Decimal } | null
}

const sumOf = (amounts: readonly ({ readonly amount: Decimal } | null)[]): Decimal =>
  sum(amounts.flatMap((money) => (money === null ? [] : [money.amount])))

/** What each year of a costing must be, from the lines themselves: exact sums, the lines costed in words listed. */
function expectedYears(lines: readonly Line[]) {
  const years = [...new Set(lines.map((line) => line.fiscalYear))].sort((a, b) => a - b)
  return years.map((fiscalYear) => {
    const ofYear = lines.filter((line) => line.fiscalYear === fiscalYear)
    return {
      fiscalYear,
      planned: sumOf(ofYear.map((line) => line.planned.amount)),
      allocated: sumOf(ofYear.map((line) => line.allocated)),
      executed: sumOf(ofYear.map((line) => line.executed)),
      lines: ofYear.length,
      textCosted: ofYear.filter((line) => line.planned.costingText !== null).map((line) => line.id),
    }
  })
}

function yearsOf(costing: any) {
  return costing.byYear.map((year: any) => ({
    fiscalYear: year.fiscalYear,
    planned: year.planned.amount,
    allocated: year.allocated.amount,
    executed: year.executed.amount,
    lines: year.lines.total,
    textCosted: year.nonNumericCostings.map((costing: any) => costing.budgetLineId),
  }))
}

async function planIdOf(kind: string, municipality: string): Promise<string> {
  const { plans } = await data('query ($m: String, $k: PlanKind) { plans(municipality: $m, kind: $k) { edges { node { id } } } }', {
    m: municipality,
    k: kind,
  })
  return plans.edges[0].node.id
}

const gender = await planIdOf('gender_equality', 'ELB')
const callers = [
  ['anonymous', undefined],
  ['admin', principals.admin],
] as const

t.test("Elbasan's gender-equality plan: 2024's line costed in words is listed, its 45,000,000 allocated", async (t) => {
  for (const [caller, principal] of callers) {
    const { plan } = await data(costingQuery, { id: gender }, principal)
    const { costing } = plan
    t.same(yearsOf(costing), expectedYears(plan.budgetLines), `${caller}: each year is its lines' sums`)
    t.match(
      costing,
      {
        planId: gender,
        currency: 'ALL',
        planned: { amount: '0', currency: 'ALL' },
        allocated: { amount: '45000000', currency: 'ALL' },
        executed: { amount: '0', currency: 'ALL' },
        lines: { total: 1, costed: 0, nonNumericCosting: 1, allocated: 1, executed: 0 },
        nonNumericCostings: [{ fiscalYear: 2024, costingText: 'Kostimi nuk jepet në raportin e monitorimit' }],
        byFundingSource: [{ kind: 'local_budget', name: 'Buxheti bashkiak', lines: 1 }],
        byFundingKind: [{ kind: 'local_budget', name: null, lines: 1 }],
        executionRate: { value: '0', reason: null },
      },
      caller,
    )
    t.same(
      costing.byYear.map((year: any) => [year.fiscalYear, year.currency, year.lines.nonNumericCosting, year.allocated.amount]),
      [[2024, 'ALL', 1, '45000000']],
      `${caller}: one year, the text-costed line counted and not summed`,
    )
  }
})

t.test('every seed plan: each year is the exact sum of its budget lines, per funder too', async (t) => {
  const { plans } = await data('{ plans { edges { node { id municipalityCode } } } }', {}, principals.admin)
  t.ok(plans.edges.length > 1)
  for (const { node } of plans.edges) {
    const { plan } = await data(costingQuery, { id: node.id }, principals.admin)
    const { costing } = plan
    t.same(yearsOf(costing), expectedYears(plan.budgetLines), node.municipalityCode)
    t.equal(costing.lines.total, plan.budgetLines.length)
    t.equal(costing.planned.amount, sumOf(plan.budgetLines.map((line: Line) => line.planned.amount)))
    for (const year of costing.byYear) {
      const byFunders = sumOf(year.byFundingSource.map((funder: any) => funder.planned))
      t.equal(byFunders, year.planned.amount, `${node.municipalityCode} ${year.fiscalYear}: funders add up to the year`)
      t.equal(sumOf(year.byFundingKind.map((kind: any) => kind.planned)), year.planned.amount)
    }
  }
})

t.test(
  "spending recorded while 2024's report is reopened: its staff and admins see it, everyone else what 2024's approval published",
  async (t) => {
    await write({ type: 'ReopenReport', planId: gender, period: '2024', reason: { sq: 'Shpenzimet e vitit' } }, actors.admin)
    const { budgetLines } = (await data(costingQuery, { id: gender }, principals.admin)).plan
    const at = await write({
      type: 'RecordExpenditure',
      budgetLineId: budgetLines[0].id,
      executed: { amount: '30000000.50', currency: 'ALL' },
      asOf: '2024-12-31',
    })
    const readers: ReadonlyArray<readonly [string, TokenSubject | undefined, string, number]> = [
      ['anonymous', undefined, '0', 0],
      ['viewer', principals.viewer, '0', 0],
      ["Drenas's editor", principals.editorDrenas, '0', 0],
      ["Elbasan's editor", principals.editorElbasan, '30000000.5', 1],
      ['admin', principals.admin, '30000000.5', 1],
    ]
    for (const [caller, principal, executed, executedLines] of readers) {
      const { plan } = await data(costingQuery, { id: gender, at }, principal)
      const { costing } = plan
      t.same(yearsOf(costing), expectedYears(plan.budgetLines), `${caller}: the lines as it reads them`)
      t.same(
        [costing.planned.amount, costing.allocated.amount, costing.executed.amount, costing.lines.executed],
        ['0', '45000000', executed, executedLines],
        caller,
      )
    }
  },
)

t.test('a draft plan is costed for those who read it, and for no one else', async (t) => {
  const [planId, areaId, objectiveId, measureId, budgetLineId] = freshIds(5)
  const commands = allocatedDraft(
    { planId, areaId, objectiveId, measureId, budgetLineId },
    { municipality: 'ELB', title: 'Draft', fiscalYear: 2026, category: 'costing-draft', amount: '1250.75' },
  )
  let at = ''
  for (const command of commands) at = await write(command)
  for (const outsider of [undefined, principals.viewer, principals.editorDrenas]) {
    t.equal((await data(costingQuery, { id: planId, at }, outsider)).plan, null, outsider?.id ?? 'anonymous')
  }
  for (const reader of [principals.editorElbasan, principals.admin]) {
    const { costing } = (await data(costingQuery, { id: planId, at }, reader)).plan
    t.same(
      costing.byYear.map((year: any) => [year.fiscalYear, year.planned.amount, year.allocated.amount, year.byFundingKind[0].kind]),
      [[2026, '1250.75', '1250.75', 'donor']],
      reader.id,
    )
  }
})
