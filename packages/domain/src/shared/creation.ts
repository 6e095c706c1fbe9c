import { TreguesiError } from '@treguesi/errors'

/**
 * The event data of a command that brings an entity into being: all of the command but its type.
 * An entity is created once, so the command is refused when its stream already holds it.
 */
export function creationData<Command extends { readonly type: string }>(
  command: Command,
  exists: boolean,
  entity: string,
  id: string,
): Omit<Command, 'type'> {
  if (exists) throw new TreguesiError('TRG_ALREADY_EXISTS', { entity, id })
  const { type: _type, ...data } = command
  return data
}
