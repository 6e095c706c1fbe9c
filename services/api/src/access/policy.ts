import type { References } from '@treguesi/commands'
import { TreguesiError } from '@treguesi/errors'
import { z } from 'zod'
import type { Principal } from './principal.js'

/** Plans an anonymous caller may read: those the council approved (and, later, closed). */
export function canReadPlan(principal: Principal, status: 'draft' | 'approved' | 'closed'): boolean {
  return principal.role !== 'anonymous' || status !== 'draft'
}

/** Audit operations (history, replay, verification) are for admins only. */
export function assertAdmin(principal: Principal, action: string): void {
  if (principal.role === 'anonymous') throw new TreguesiError('TRG_UNAUTHENTICATED', { reason: `${action} needs a bearer token` })
  if (principal.role !== 'admin') throw new TreguesiError('TRG_FORBIDDEN', { action, reason: `only admins may; you are ${principal.role}` })
}

/** A command as a client sent it, before its own schema has checked it. */
export interface CommandToAuthorize {
  readonly type: string
  readonly [field: string]: unknown
}

/**
 * An entity a command names by id, and whose it is (undefined: no such entity). Read from the
 * store with the command's own reads, not from the read models: they may lag behind a write
 * another instance has just made.
 */
interface Target {
  readonly field: string
  readonly entity: string
  readonly ownerOf: (references: References, id: string) => Promise<string | undefined>
}

/**
 * Where a command's municipality is found: in a field of the command itself, and/or as the owner
 * of the entities it names. The first target is the one the command is about: when nothing else
 * says whose the command is, that entity must exist.
 */
interface Scope {
  readonly field?: 'code' | 'municipality'
  readonly targets: readonly Target[]
}

const plan: Target = { field: 'planId', entity: 'plan', ownerOf: (references, id) => references.ownerOfPlan(id) }
const indicator: Target = { field: 'indicatorId', entity: 'indicator', ownerOf: (references, id) => references.ownerOfIndicator(id) }
const budgetLine: Target = {
  field: 'budgetLineId',
  entity: 'budget line',
  ownerOf: (references, id) => references.ownerOfBudgetLine(id),
}

const onPlan: Scope = { targets: [plan] }
const onIndicator: Scope = { targets: [indicator] }
const onBudgetLine: Scope = { targets: [budgetLine] }

/**
 * Every command an editor may send, and where its municipality comes from. A command that creates
 * an entity also names the entity's existing stream, so an id already taken elsewhere (or the
 * command id of someone else's write) answers nothing from another municipality.
 */
const scopes: ReadonlyMap<string, Scope> = new Map(Object.entries({
  SetMunicipalBudgetTotal: { field: 'code', targets: [] },
  DraftPlan: { field: 'municipality', targets: [plan] },
  RevisePlanDetails: onPlan,
  ApprovePlan: onPlan,
  ClosePlan: onPlan,
  AddArea: onPlan,
  AddObjective: onPlan,
  AddMeasure: onPlan,
  ReviseMeasure: onPlan,
  ChangeMeasureStatus: onPlan,
  DefineIndicator: { field: 'municipality', targets: [indicator, plan] },
  SetBaseline: onIndicator,
  SetTarget: onIndicator,
  ReportIndicatorValue: onIndicator,
  CorrectIndicatorValue: onIndicator,
  PlanBudgetLine: { field: 'municipality', targets: [budgetLine, plan] },
  RevisePlannedCost: onBudgetLine,
  AllocateBudget: onBudgetLine,
  RecordExpenditure: onBudgetLine,
  RetagBudgetLine: onBudgetLine,
} satisfies Record<string, Scope>))

// The same test the commands' schemas make of an id.
const uuid = z.uuid()
const isId = (value: unknown): value is string => uuid.safeParse(value).success

/**
 * The municipalities a command writes for: its own field and the owners of the entities it
 * names. When none is found the command is about an entity that does not exist (or an id that
 * is none), and it is refused as its handling would refuse it.
 */
async function municipalitiesOf(command: CommandToAuthorize, scope: Scope, references: References): Promise<string[]> {
  const found: string[] = []
  const direct = scope.field === undefined ? undefined : command[scope.field]
  if (typeof direct === 'string') found.push(direct)
  for (const target of scope.targets) {
    const id = command[target.field]
    if (!isId(id)) continue
    const owner = await target.ownerOf(references, id)
    if (owner !== undefined) found.push(owner)
  }
  if (found.length > 0) return found
  const primary = scope.targets[0]
  if (primary === undefined) throw new TreguesiError('TRG_FORBIDDEN', { action: `run ${command.type}`, reason: 'it names no municipality' })
  const id = command[primary.field]
  if (isId(id)) throw new TreguesiError('TRG_NOT_FOUND', { entity: primary.entity, id })
  throw new TreguesiError('TRG_INVALID_COMMAND', { command: command.type, field: primary.field, problem: 'must be a UUID' })
}

/**
 * Who may send which command, in one place: admins anything; editors the commands of their own
 * municipalities, as the command itself and the plan, indicator or budget line it names say, but
 * never a new municipality; viewers and ministries nothing; anonymous callers must sign in first.
 * Runs before the command is handled, so a refusal writes nothing.
 *
 * Returns the municipality the write is for when the caller is an editor (recorded as the
 * actor's municipality), undefined for an admin.
 */
export async function authorizeCommand(
  principal: Principal,
  command: CommandToAuthorize,
  references: References,
): Promise<string | undefined> {
  const action = `run ${command.type}`
  if (principal.role === 'anonymous') throw new TreguesiError('TRG_UNAUTHENTICATED', { reason: `${command.type} needs a bearer token` })
  if (principal.role === 'admin') return undefined
  if (principal.role !== 'editor') throw new TreguesiError('TRG_FORBIDDEN', { action, reason: `the ${principal.role} role reads, it does not write` })
  const scope = scopes.get(command.type)
  if (scope === undefined) throw new TreguesiError('TRG_FORBIDDEN', { action, reason: 'only admins may' })
  const municipalities = await municipalitiesOf(command, scope, references)
  const foreign = municipalities.find((code) => !principal.municipalities.includes(code))
  if (foreign !== undefined) {
    throw new TreguesiError('TRG_FORBIDDEN', {
      action,
      reason: `it is for ${foreign}; you write for ${principal.municipalities.join(', ')}`,
    })
  }
  return municipalities[0]
}
