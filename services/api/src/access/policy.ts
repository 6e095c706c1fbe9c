import type { References } from '@treguesi/commands'
import { aggregateDefinition, commandDefinition, isId, type CommandOwnership } from '@treguesi/domain'
import { TreguesiError } from '@treguesi/errors'
import type { Principal } from './principal.js'

/** Audit operations (history, replay, verification) are for admins only. */
export function assertAdmin(principal: Principal, action: string): void {
  if (principal.role === 'anonymous') throw new TreguesiError('TRG_UNAUTHENTICATED', { reason: `${action} needs a bearer token` })
  if (principal.role !== 'admin') throw new TreguesiError('TRG_FORBIDDEN', { action, reason: `only admins may; you are ${principal.role}` })
}

/**
 * Whether the caller may write for a municipality at all: admins for every one, editors for their
 * own; which commands and which entities is for `authorizeCommand`.
 */
export function mayWriteFor(principal: Principal, municipality: string): boolean {
  return principal.role === 'admin' || (principal.role === 'editor' && principal.municipalities.includes(municipality))
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
    const id = command[aggregateDefinition(name).key.field]
    if (!isId(id)) continue
    const owner = await references.ownerOf(name, id)
    if (owner !== undefined) found.push(owner)
  }
  if (found.length > 0) return found
  const primary = scope.names[0]
  if (primary === undefined) throw new TreguesiError('TRG_FORBIDDEN', { action: `run ${command.type}`, reason: 'it names no municipality' })
  const { entity, key } = aggregateDefinition(primary)
  const id = command[key.field]
  if (isId(id)) throw new TreguesiError('TRG_NOT_FOUND', { entity, id })
  throw new TreguesiError('TRG_INVALID_COMMAND', { command: command.type, field: key.field, problem: 'must be a UUID' })
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
  if (principal.role !== 'editor')
    throw new TreguesiError('TRG_FORBIDDEN', { action, reason: `the ${principal.role} role reads, it does not write` })
  // Whose each command is, as the registry of commands states it.
  const owner = commandDefinition(command.type)?.owner
  if (owner === undefined || owner === 'admins') throw new TreguesiError('TRG_FORBIDDEN', { action, reason: 'only admins may' })
  const municipalities = await municipalitiesOf(command, owner, references)
  const foreign = municipalities.find((code) => !mayWriteFor(principal, code))
  if (foreign !== undefined) {
    throw new TreguesiError('TRG_FORBIDDEN', {
      action,
      reason: `it is for ${foreign}; you write for ${principal.municipalities.join(', ')}`,
    })
  }
  return municipalities[0]
}
