import type { References } from '@treguesi/commands'
import {
  aggregateDefinition,
  commandDefinition,
  commandKeySchema,
  isId,
  parseCommand,
  type AggregateName,
  type CommandDefinition,
  type CommandOwnership,
} from '@treguesi/domain'
import { TreguesiError } from '@treguesi/errors'
import { isScopedRole } from '@treguesi/tokens'
import type { Principal } from './principal.js'
import { isStaffOf, readsAsItsOwn } from './read-policy.js'

/** Audit operations (history, replay, verification) are for admins only. */
export function assertAdmin(principal: Principal, action: string): void {
  if (principal.role === 'anonymous') throw new TreguesiError('TRG_UNAUTHENTICATED', { reason: `${action} needs a bearer token` })
  if (principal.role !== 'admin') throw new TreguesiError('TRG_FORBIDDEN', { action, reason: `only admins may; you are ${principal.role}` })
}

/**
 * Whether the caller may write for a municipality at all: admins for every one, its editors and
 * reviewers for their own; which commands and which entities is for `authorizeCommand`.
 */
export function mayWriteFor(principal: Principal, municipality: string): boolean {
  return readsAsItsOwn(principal, municipality)
}

/** Whether the caller sends, for a municipality, the commands its editors or its reviewers send. */
export function maySend(principal: Principal, by: CommandDefinition<AggregateName>['by'], municipality: string): boolean {
  return principal.role === 'admin' || (principal.role === by.slice(0, -1) && isStaffOf(principal, municipality))
}

/** The submission each approval answers: no one approves what they submitted themselves. */
const submissionAnswered: Readonly<Record<string, string>> = {
  ApprovePlan: 'plan.submitted.v1',
  ApproveReport: 'plan.report-submitted.v1',
}

async function assertNotOwnSubmission(principal: Principal, command: CommandToAuthorize, references: References): Promise<void> {
  const submission = submissionAnswered[command.type]
  if (submission === undefined || !isId(command.planId)) return
  const period = typeof command.period === 'string' ? command.period : undefined
  if ((await references.lastSenderOf(command.planId, submission, period)) === principal.id) {
    throw new TreguesiError('TRG_FORBIDDEN', {
      action: `run ${command.type}`,
      reason: 'you submitted it: another reviewer approves it',
    })
  }
}

/** A command as a client sent it, before its own schema has checked it. */
export interface CommandToAuthorize {
  readonly type: string
  readonly [field: string]: unknown
}

/**
 * The municipalities a command writes for: its own field and the owners of the entities it
 * names. When none is found the command is about an entity that does not exist (or an id that
 * is none), and it is refused as its handling would refuse it.
 */
async function municipalitiesOf(
  command: CommandToAuthorize,
  scope: Exclude<CommandOwnership, 'admins'>,
  references: References,
): Promise<string[]> {
  const found: string[] = []
  const direct = scope.field === undefined ? undefined : command[scope.field]
  if (typeof direct === 'string') found.push(direct)
  for (const name of scope.names) {
    const id = commandKeySchema(name).safeParse(command).data
    if (id === undefined) continue
    const owner = await references.ownerOf(name, id)
    if (owner !== undefined) found.push(owner)
  }
  if (found.length > 0) return found
  const primary = scope.names[0]
  if (primary === undefined) throw new TreguesiError('TRG_FORBIDDEN', { action: `run ${command.type}`, reason: 'it names no municipality' })
  // A key that is not well-formed is refused naming its field.
  const id = parseCommand(command.type, commandKeySchema(primary), command)
  throw new TreguesiError('TRG_NOT_FOUND', { entity: aggregateDefinition(primary).entity, id })
}

/**
 * Who may send which command, in one place: admins anything; editors the editors' commands and
 * reviewers the reviewers' (returning, approving, reopening) of their own municipalities, as the
 * command itself and the plan, indicator or budget line it names say, but never a new
 * municipality; no one approves what they submitted; viewers and ministries nothing; anonymous
 * callers must sign in first. Runs before the command is handled, so a refusal writes nothing.
 *
 * Returns the municipality the write is for when the caller is an editor or a reviewer (recorded
 * as the actor's municipality), undefined for an admin.
 */
export async function authorizeCommand(
  principal: Principal,
  command: CommandToAuthorize,
  references: References,
): Promise<string | undefined> {
  const action = `run ${command.type}`
  if (principal.role === 'anonymous') throw new TreguesiError('TRG_UNAUTHENTICATED', { reason: `${command.type} needs a bearer token` })
  if (principal.role === 'admin') {
    await assertNotOwnSubmission(principal, command, references)
    return undefined
  }
  const { role } = principal
  if (!isScopedRole(role)) throw new TreguesiError('TRG_FORBIDDEN', { action, reason: `the ${role} role reads, it does not write` })
  // Whose each command is, and who of the staff sends it, as the registry of commands states it.
  const definition = commandDefinition(command.type)
  if (definition === undefined || definition.owner === 'admins')
    throw new TreguesiError('TRG_FORBIDDEN', { action, reason: 'only admins may' })
  if (definition.by !== `${role}s`) {
    throw new TreguesiError('TRG_FORBIDDEN', { action, reason: `${command.type} is for ${definition.by}; you are a ${role}` })
  }
  const municipalities = await municipalitiesOf(command, definition.owner, references)
  const foreign = municipalities.find((code) => !mayWriteFor(principal, code))
  if (foreign !== undefined) {
    throw new TreguesiError('TRG_FORBIDDEN', {
      action,
      reason: `it is for ${foreign}; you write for ${principal.municipalities.join(', ')}`,
    })
  }
  await assertNotOwnSubmission(principal, command, references)
  return municipalities[0]
}
