import type { Decider } from '@treguesi/domain'
import { routeCommand } from '@treguesi/domain/testing'
import { draftPlan, planBudgetLine, registerMunicipality } from '@treguesi/domain/testing'
import { TreguesiError } from '@treguesi/errors'
import type { LogEvent } from '../projection.js'

/**
 * A state as plain JSON (persistent maps as objects, bigints as text), so states built along
 * different paths compare by content, not by how their maps happen to be laid out.
 */
export function plainJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? `${item}n` : item)))
}

/** The same JSON with every object's keys in order, so key order never tells two states apart. */
function keysInOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keysInOrder)
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, keysInOrder((value as Record<string, unknown>)[key])]),
  )
}

/** Whether two states hold the same content. */
export function sameContents(a: unknown, b: unknown): boolean {
  return JSON.stringify(keysInOrder(plainJson(a))) === JSON.stringify(keysInOrder(plainJson(b)))
}

export type Input = Readonly<Record<string, unknown>> & { readonly type: string }

/**
 * A distinct, valid v4 UUID per number. The first characters vary, so ids fall into different
 * nodes of a persistent map, as real ids do.
 */
export function uuid(n: number): string {
  const head = (Math.imul(n + 1, 2654435761) >>> 0).toString(16).padStart(8, '0')
  return `${head}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`
}

/**
 * A log built by running commands through the real deciders, so specs fold the events the domain
 * actually decides. Positions and stream revisions count up from 1 and 0.
 */
export class TestLog {
  readonly events: LogEvent[] = []
  private readonly states = new Map<string, unknown>()
  private readonly revisions = new Map<string, bigint>()

  /** Decides a command of any aggregate on its stream's state and appends the events. */
  run(input: Input): this {
    const { aggregate, command, stream } = routeCommand(input)
    return this.decide(aggregate.decider, stream, command)
  }

  /** Runs a command, and lets a refusal pass: generated command sequences include refused ones. */
  attempt(run: (log: this) => unknown): this {
    try {
      run(this)
    } catch (error) {
      if (!(error instanceof TreguesiError)) throw error
    }
    return this
  }

  private decide<Command, State>(
    decider: Decider<Command, { type: string; data: unknown }, State>,
    stream: string,
    command: Command,
  ): this {
    const before = (this.states.get(stream) as State | undefined) ?? decider.initialState
    const events = decider.decide(command, before)
    let state = before
    for (const event of events) {
      state = decider.evolve(state, event)
      const revision = this.revisions.get(stream) ?? -1n
      this.revisions.set(stream, revision + 1n)
      this.events.push({
        stream,
        revision: revision + 1n,
        position: BigInt(this.events.length + 1),
        type: event.type,
        data: event.data,
        metadata: {},
        recordedAt: new Date(0),
      })
    }
    this.states.set(stream, state)
    return this
  }
}

/** A log event the domain would never decide, for checking that folds are total. */
export function rawEvent(position: number, type: string, data: unknown): LogEvent {
  return { stream: 'other', revision: 0n, position: BigInt(position), type, data, metadata: {}, recordedAt: new Date(0) }
}

/** Ids of the budget scenario below. */
export const ids = {
  genderPlan: uuid(1),
  areaII: uuid(2),
  areaIV: uuid(3),
  objectiveII1: uuid(4),
  objectiveIV2: uuid(5),
  objectiveIV2a: uuid(6),
  shelter: uuid(7),
  awareness: uuid(8),
  shelterLine2024: uuid(9),
  donorLine2024: uuid(10),
  localLine2024: uuid(11),
  shelterLine2023: uuid(12),
  drenasPlan: uuid(20),
  drenasArea: uuid(21),
  drenasObjective: uuid(22),
  drenasAction: uuid(23),
  drenasLine2025: uuid(24),
} as const

const local = { kind: 'local-budget', name: 'Buxheti bashkiak' }
const all = (amount: string) => ({ amount, currency: 'ALL' })

/** A plan titled `title`, running from `from` to `to`. */
const drafted = (planId: string, title: string, from: number, to: number, changes: object) =>
  draftPlan(planId, { title: { sq: title }, period: { from, to }, ...changes })

function structure(log: TestLog, planId: string, areaId: string, objectiveId: string, code: string): TestLog {
  log.run({ type: 'AddArea', planId, areaId, code, title: { sq: `Fusha ${code}` } })
  return log.run({
    type: 'AddObjective',
    planId,
    objectiveId,
    areaId,
    level: 'strategic',
    code: `${code}.1`,
    title: { sq: `Objektivi ${code}.1` },
  })
}

function measure(log: TestLog, planId: string, measureId: string, objectiveId: string, code: string): TestLog {
  return log.run({
    type: 'AddMeasure',
    planId,
    measureId,
    objectiveId,
    code,
    title: { sq: `Masa ${code}` },
    leadActors: [],
    supportingActors: [],
  })
}

/**
 * Elbasan's gender-equality plan 2022–2024 with its 2024 budget (total 5,000,000,000 lekë, and
 * 45,000,000 allocated to the shelter, tagged dv-specialised-services: 0.9 %), a donor line,
 * a local line tagged gender-responsive-budgeting, a 2023 line costed in words but never
 * allocated; and Drenas (EUR) with a 2025 line allocated 0 and no total for 2025.
 */
export function budgetScenario(): TestLog {
  const log = new TestLog()
    .run(registerMunicipality())
    .run(registerMunicipality({ code: 'DRE', name: { sq: 'Komuna e Drenasit' }, country: 'XK', currency: 'EUR' }))
    .run({ type: 'SetMunicipalBudgetTotal', code: 'ELB', fiscalYear: 2024, total: all('5000000000') })
    .run(drafted(ids.genderPlan, 'Plani Vendor i Veprimit për Barazinë Gjinore 2022–2024', 2022, 2024, { kind: 'gender-equality' }))
  structure(log, ids.genderPlan, ids.areaII, ids.objectiveII1, 'II')
  structure(log, ids.genderPlan, ids.areaIV, ids.objectiveIV2, 'IV')
  log.run({
    type: 'AddObjective',
    planId: ids.genderPlan,
    objectiveId: ids.objectiveIV2a,
    areaId: ids.areaIV,
    parentObjectiveId: ids.objectiveIV2,
    level: 'specific',
    code: 'IV.2.a',
    title: { sq: 'Shërbime të specializuara' },
  })
  measure(log, ids.genderPlan, ids.shelter, ids.objectiveIV2a, 'IV.2 (g)')
  measure(log, ids.genderPlan, ids.awareness, ids.objectiveII1, 'II.1.1')
  const line = (budgetLineId: string, measureId: string, fiscalYear: number, rest: Input) =>
    log.run({ budgetLineId, planId: ids.genderPlan, measureId, municipality: 'ELB', fiscalYear, currency: 'ALL', ...rest })
  line(ids.shelterLine2024, ids.shelter, 2024, {
    type: 'PlanBudgetLine',
    fundingSource: local,
    categories: ['dv-specialised-services'],
    planned: { costingText: 'Sipas kostimit të MSHMS' },
  })
  line(ids.donorLine2024, ids.awareness, 2024, {
    type: 'PlanBudgetLine',
    fundingSource: { kind: 'donor', name: 'UN Women' },
    planned: { amount: all('1200000') },
  })
  line(ids.localLine2024, ids.awareness, 2024, {
    type: 'PlanBudgetLine',
    fundingSource: local,
    categories: ['gender-responsive-budgeting'],
    planned: { amount: all('800000') },
  })
  line(ids.shelterLine2023, ids.shelter, 2023, { type: 'PlanBudgetLine', fundingSource: local, planned: { amount: all('500000') } })
  const allocate = (budgetLineId: string, amount: string) =>
    log.run({ type: 'AllocateBudget', budgetLineId, allocated: all(amount), date: '2023-12-22' })
  const spend = (budgetLineId: string, amount: string) =>
    log.run({ type: 'RecordExpenditure', budgetLineId, executed: all(amount), asOf: '2024-12-31' })
  allocate(ids.shelterLine2024, '45000000')
  allocate(ids.donorLine2024, '1000000')
  allocate(ids.localLine2024, '1000000')
  spend(ids.shelterLine2024, '36000000')
  spend(ids.donorLine2024, '750000')
  // Spent beyond the allocation: the rate is not capped.
  spend(ids.localLine2024, '1250000')

  log.run(
    drafted(ids.drenasPlan, 'Plani Lokal i Veprimit për Mbrojtje nga Dhuna në Familje 2025–2028', 2025, 2028, { municipality: 'DRE' }),
  )
  structure(log, ids.drenasPlan, ids.drenasArea, ids.drenasObjective, '1')
  measure(log, ids.drenasPlan, ids.drenasAction, ids.drenasObjective, '1.1.1')
  log.run(
    planBudgetLine(ids.drenasLine2025, ids.drenasPlan, ids.drenasAction, {
      municipality: 'DRE',
      fiscalYear: 2025,
      fundingSource: { kind: 'local-budget', name: 'Buxheti komunal' },
      categories: ['dv-specialised-services'],
      planned: { amount: { amount: '3000', currency: 'EUR' } },
      currency: 'EUR',
    }),
  )
  return log.run({
    type: 'AllocateBudget',
    budgetLineId: ids.drenasLine2025,
    allocated: { amount: '0', currency: 'EUR' },
    date: '2025-01-15',
  })
}

/** Elbasan's scenario with a line of the gender plan costed in euro, which Elbasan's lekë refuse to add. */
export function scenarioWithEuroLine(fiscalYear: number): TestLog {
  return budgetScenario().run({
    type: 'PlanBudgetLine',
    budgetLineId: uuid(99),
    planId: ids.genderPlan,
    measureId: ids.awareness,
    municipality: 'ELB',
    fiscalYear,
    fundingSource: { kind: 'donor', name: 'OSCE' },
    planned: { amount: { amount: '1000', currency: 'EUR' } },
    currency: 'EUR',
  })
}
