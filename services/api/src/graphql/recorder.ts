import type { Actor } from '@treguesi/domain'
import type { JsonObject } from '@treguesi/event-store'
import type { Principal } from '../access/principal.js'
import { canSeeRecorder } from '../access/read-policy.js'
import type { Resolvers } from './generated/resolvers.js'
import type { ActorModel } from './models.js'

/**
 * Who recorded an event is shown by the municipality of the event (canSeeRecorder), which the
 * actor alone does not say: an admin's actor names none. Every actor a resolver hands over
 * carries it under this key, which no field reads and no response shows.
 */
const eventMunicipality = Symbol('the municipality of the event the actor recorded')

interface RecordedActor extends ActorModel {
  readonly [eventMunicipality]?: string | null
}

/**
 * An event's actor, as every resolver that serves one hands it to the Actor type: with the
 * municipality of the event (its plan's, its indicator's or budget line's plan's, or its own),
 * null for an event of none.
 */
export function recordedActor(actor: Actor | null, municipality: string | null): ActorModel | null {
  if (actor === null) return null
  const recorded: RecordedActor = { ...actor, [eventMunicipality]: municipality }
  return recorded
}

/**
 * An event's metadata as the caller may read it in the change feed, where it is served whole:
 * the actor's id null unless the caller may know who recorded the event.
 */
export function metadataFor(principal: Principal, metadata: JsonObject, municipality: string | null): JsonObject {
  const { actor } = metadata
  if (canSeeRecorder(principal, municipality) || typeof actor !== 'object' || actor === null || Array.isArray(actor)) return metadata
  return { ...metadata, actor: { ...actor, id: null } }
}

export const actorResolvers: Resolvers = {
  Actor: {
    // An actor handed over without its event's municipality is taken for the audit's: admins only.
    id: (actor: RecordedActor, _args, { principal }) => (canSeeRecorder(principal, actor[eventMunicipality] ?? null) ? actor.id : null),
  },
}
