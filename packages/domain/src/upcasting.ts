import { TreguesiError } from '@treguesi/errors'
import {
  eventSchemas,
  historicEventSchemas,
  parseEvent,
  parseHistoricEvent,
  type AnyDomainEvent,
  type HistoricDomainEvent,
} from './events.js'
import { municipalityKindOf } from './municipality/municipality.js'

/**
 * Schema evolution. An event type's name ends in its version; a new version supersedes the old
 * one, whose events stay in the log as they were recorded. Upcasters turn each superseded
 * version into the next one when events are read, so deciders and projections only ever see
 * current types (the keys of `eventSchemas`).
 */

type KnownEvent = AnyDomainEvent | HistoricDomainEvent
type DataOf<Type extends string> = Extract<KnownEvent, { type: Type }>['data']

/** Turns the data of one superseded version into the data of a newer one. */
export interface Upcaster<From extends string = string, To extends string = string> {
  readonly from: From
  readonly to: To
  /** Pure; `data` has been checked against the schema of `from` (see historicEventSchemas). */
  upcast(data: DataOf<From>): DataOf<To>
}

/** Every upcaster there is: one from each superseded version. */
export const upcasters: readonly Upcaster[] = Object.freeze([
  {
    from: 'municipality.registered.v1',
    to: 'municipality.registered.v2',
    // A country has one kind of municipality, so the kind a v1 event lacks is its country's.
    upcast: ({ code, name, country, currency }) => ({ code, name, country, kind: municipalityKindOf[country], currency }),
  } satisfies Upcaster<'municipality.registered.v1', 'municipality.registered.v2'>,
])

/** An event as a log holds it; whatever else it carries (position, metadata) is kept as it is. */
export interface StoredEvent {
  readonly type: string
  readonly data: unknown
}

const currentTypes: ReadonlySet<string> = new Set(Object.keys(eventSchemas))
const historicTypes: ReadonlySet<string> = new Set(Object.keys(historicEventSchemas))

function missing(type: string, problem: string): TreguesiError<'TRG_UPCASTER_MISSING'> {
  return new TreguesiError('TRG_UPCASTER_MISSING', { type, problem })
}

/**
 * The upcasters that take each superseded type to a current one, in the order they apply.
 * Throws TRG_UPCASTER_MISSING for the first type (in name order) that has no such chain.
 */
function chainsOf(registry: readonly Upcaster[]): ReadonlyMap<string, readonly Upcaster[]> {
  const byFrom = new Map<string, Upcaster[]>()
  for (const upcaster of registry) byFrom.set(upcaster.from, [...(byFrom.get(upcaster.from) ?? []), upcaster])
  const superseded = [...new Set([...historicTypes, ...byFrom.keys()])].sort()

  // Each superseded type has exactly one upcaster to a known type; then every walk below ends
  // at a current type or comes back to where it has been.
  for (const type of superseded) {
    const next = byFrom.get(type) ?? []
    if (currentTypes.has(type)) throw missing(type, 'is a current type, so no upcaster may start from it')
    if (!historicTypes.has(type)) {
      throw missing(type, 'has an upcaster but no schema in historicEventSchemas to check its data with')
    }
    if (next.length === 0) throw missing(type, 'has no upcaster to a newer version')
    if (next.length > 1) {
      throw missing(type, `has ${next.length} upcasters (to ${next.map((u) => u.to).join(', ')}) where it needs one`)
    }
    const { to } = next[0]!
    if (!currentTypes.has(to) && !historicTypes.has(to)) throw missing(type, `is upcast to ${to}, which is no event type`)
  }

  const chains = new Map<string, readonly Upcaster[]>()
  for (const type of superseded) {
    const path = [type]
    const chain: Upcaster[] = []
    for (let at = type; !currentTypes.has(at); ) {
      const upcaster = byFrom.get(at)![0]!
      chain.push(upcaster)
      at = upcaster.to
      const seen = path.includes(at)
      path.push(at)
      if (seen) throw missing(type, `its upcasters go round in a loop: ${path.join(' → ')}`)
    }
    chains.set(type, chain)
  }
  return chains
}

/**
 * Checks that every superseded type is upcast, one step after another, to a current type.
 * Called at start-up: a log holding an event no chain can read must not be served.
 */
export function assertUpcastersComplete(registry: readonly Upcaster[] = upcasters): void {
  chainsOf(registry)
}

/**
 * The `upcast` of a registry. Its chains are worked out on the first superseded event and kept;
 * a registry with a missing or looping chain throws TRG_UPCASTER_MISSING there instead.
 */
export function upcastWith(registry: readonly Upcaster[]): <Event extends StoredEvent>(event: Event) => Event {
  let chains: ReadonlyMap<string, readonly Upcaster[]> | undefined
  return <Event extends StoredEvent>(event: Event): Event => {
    if (!historicTypes.has(event.type)) return event
    chains ??= chainsOf(registry)
    const chain = chains.get(event.type)!
    let data: unknown = event.data
    // Each version's data is checked as what it is before it is turned into the next one, and
    // the result as the current type it has become, so a faulty upcaster cannot slip through.
    for (const upcaster of chain) data = upcaster.upcast(parseHistoricEvent(upcaster.from, data).data)
    const current = parseEvent(chain.at(-1)!.to, data)
    return { ...event, type: current.type, data: current.data }
  }
}

/**
 * The event as its current version: a superseded one is checked and upcast step by step (its
 * position, metadata and the rest are kept); a current one, or a type this domain does not know,
 * comes back as it is. Throws TRG_EVENT_INVALID when the stored data does not fit its version.
 * The type it returns is the one it was given: read its `type` as any current type name.
 */
export const upcast: <Event extends StoredEvent>(event: Event) => Event = upcastWith(upcasters)
