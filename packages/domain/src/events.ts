import { TreguesiError } from '@treguesi/errors'
import type { z } from 'zod'
import { tokenRevocationEventSchemas, type TokenRevocationEvent } from './access/token-revocations.js'
import { readModelRebuildEventSchemas, type ReadModelRebuildEvent } from './audit/read-model-rebuilds.js'
import { budgetLineEventSchemas, type BudgetLineEvent } from './budget/budget-line.js'
import { indicatorEventSchemas, type IndicatorEvent } from './indicator/indicator.js'
import {
  municipalityEventSchemas,
  municipalityRegisteredV1Schema,
  type MunicipalityEvent,
  type MunicipalityRegisteredV1,
} from './municipality/municipality.js'
import { nationalIndicatorEventSchemas, type NationalIndicatorEvent } from './national-indicator/national-indicator.js'
import { planEventSchemas, type PlanEvent } from './plan/plan.js'
import { dhis2MappingEventSchemas, type Dhis2MappingEvent } from './dhis2-mapping/dhis2-mapping.js'

/** Every event a decider records. */
export type AnyDomainEvent =
  | MunicipalityEvent
  | PlanEvent
  | IndicatorEvent
  | BudgetLineEvent
  | NationalIndicatorEvent
  | Dhis2MappingEvent
  | ReadModelRebuildEvent
  | TokenRevocationEvent
export type DomainEventType = AnyDomainEvent['type']
export type DomainEventData<T extends DomainEventType> = Extract<AnyDomainEvent, { type: T }>['data']

/** Every superseded event version: still in stored logs, read only through its upcaster. */
export type HistoricDomainEvent = MunicipalityRegisteredV1
export type HistoricEventType = HistoricDomainEvent['type']
export type HistoricEventData<T extends HistoricEventType> = Extract<HistoricDomainEvent, { type: T }>['data']

/** The data schema of every event type; each aggregate's event types are what its schemas give. */
export const eventSchemas = Object.freeze({
  ...municipalityEventSchemas,
  ...planEventSchemas,
  ...indicatorEventSchemas,
  ...budgetLineEventSchemas,
  ...nationalIndicatorEventSchemas,
  ...dhis2MappingEventSchemas,
  ...readModelRebuildEventSchemas,
  ...tokenRevocationEventSchemas,
})

/**
 * The data schema of every superseded event version, kept so that stored data is checked as
 * what it was recorded as before an upcaster turns it into a newer version.
 */
export const historicEventSchemas = Object.freeze({
  'municipality.registered.v1': municipalityRegisteredV1Schema,
})

export const eventTypes: readonly DomainEventType[] = Object.freeze((Object.keys(eventSchemas) as DomainEventType[]).sort())

export const historicEventTypes: readonly HistoricEventType[] = Object.freeze(
  (Object.keys(historicEventSchemas) as HistoricEventType[]).sort(),
)

// Worded like the command schemas' messages, after the field they are about.
const parseOptions: z.core.ParseContext<z.core.$ZodIssue> = {
  error: (issue) => {
    if (issue.code !== 'invalid_type') return undefined
    return issue.input === undefined ? 'is missing' : `must be of type ${issue.expected}`
  },
}

/** The first place where `parsed` is not `stored` exactly, as a path; undefined when they agree. */
function differenceAt(stored: unknown, parsed: unknown, path: readonly string[]): string[] | undefined {
  if (parsed === null || typeof parsed !== 'object') return Object.is(stored, parsed) ? undefined : [...path]
  const storedFields = stored as Record<string, unknown>
  const parsedFields = parsed as Record<string, unknown>
  for (const key of new Set([...Object.keys(storedFields), ...Object.keys(parsedFields)])) {
    const found = differenceAt(storedFields[key], parsedFields[key], [...path, key])
    if (found) return found
  }
  return undefined
}

const fieldName = (path: readonly PropertyKey[]): string => path.map(String).join('.') || '(data)'

/** Checks `data` against the schema of `type` in `schemas`; see parseEvent. */
function parseWith(schemas: Readonly<Record<string, z.ZodType>>, type: string, data: unknown): unknown {
  const parsed = schemas[type]!.safeParse(data, parseOptions)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const problem =
      issue.code === 'unrecognized_keys'
        ? `${fieldName([...issue.path, issue.keys[0]!])} is not a field of this event`
        : `${fieldName(issue.path)} ${issue.message}`
    throw new TreguesiError('TRG_EVENT_INVALID', { type, problem })
  }
  const difference = differenceAt(data, parsed.data, [])
  if (difference) {
    const written = difference.reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], parsed.data)
    throw new TreguesiError('TRG_EVENT_INVALID', {
      type,
      problem: `${fieldName(difference)} must be recorded as ${JSON.stringify(written)}`,
    })
  }
  return parsed.data
}

/**
 * Reads a stored event of a current type: its data must fit its type's schema and be exactly
 * what the schema gives back (canonical decimals, trimmed texts), so what is read is what was
 * decided. Anything else is TRG_EVENT_INVALID naming the field. A superseded version is refused
 * too: it is read through `upcast` (see upcasting.ts).
 */
export function parseEvent(type: string, data: unknown): AnyDomainEvent {
  if (!Object.hasOwn(eventSchemas, type)) {
    const problem = Object.hasOwn(historicEventSchemas, type)
      ? 'it is a superseded version, to be read through upcast'
      : 'there is no event type of this name'
    throw new TreguesiError('TRG_EVENT_INVALID', { type, problem })
  }
  return { type, data: parseWith(eventSchemas, type, data) } as AnyDomainEvent
}

/** Reads a stored event of a superseded type, as parseEvent reads a current one. */
export function parseHistoricEvent(type: string, data: unknown): HistoricDomainEvent {
  if (!Object.hasOwn(historicEventSchemas, type)) {
    throw new TreguesiError('TRG_EVENT_INVALID', { type, problem: 'there is no superseded event type of this name' })
  }
  return { type, data: parseWith(historicEventSchemas, type, data) } as HistoricDomainEvent
}
