/**
 * Every error Treguesi reports, by stable code. Codes never change meaning once released:
 * clients (ministry integrations, NGO dashboards) branch on them.
 *
 * `category` is the coarse class a transport maps to its own vocabulary (GraphQL
 * `extensions.code`, HTTP status, process exit).
 */
export type ErrorCategory =
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'BAD_CONFIGURATION'
  | 'INTERNAL'

/** Revision as a client states it: a kind of expectation or an exact 0-based revision. */
type RevisionText = 'any' | 'no_stream' | 'stream_exists' | bigint

/** The details each code carries; a message is built from them. */
export interface ErrorDetails {
  TRG_CONFIG_INVALID: { issues: ReadonlyArray<{ variable: string; problem: string }> }
  TRG_STORE_INVALID_APPEND: { stream: string; field: string; problem: string }
  TRG_STORE_INVALID_READ: { field: string; problem: string }
  TRG_STORE_WRONG_EXPECTED_REVISION: {
    stream: string
    expected: RevisionText
    actual: bigint | 'no_stream'
  }
  TRG_STORE_DUPLICATE_EVENT_ID: { stream: string; eventId: string }
  TRG_STORE_CLOSED: { operation: string }
  TRG_STORE_UNAVAILABLE: { store: string; reason: string }
  TRG_CURRENCY_MISMATCH: { field: string; expected: string; actual: string }
  TRG_INVALID_COMMAND: { command: string; field: string; problem: string }
  TRG_COMMAND_ID_REUSED: { commandId: string; field: 'commandId'; stream: string }
  TRG_ALREADY_EXISTS: { entity: string; id: string }
  TRG_NOT_FOUND: { entity: string; id: string }
  TRG_INVALID_STATE: { entity: string; id: string; state: string; action: string }
  TRG_PLAN_CLOSED: { planId: string }
  /** `state`: submitted or approved; the plan's content changes again once it is returned or reopened. */
  TRG_PLAN_LOCKED: { planId: string; state: string }
  /** `round`: the reporting round (a period, the figure's own or one covering it) that holds the figure. */
  TRG_PERIOD_LOCKED: { planId: string; period: string; round: string; state: string }
  TRG_PERIOD_OUTSIDE_PLAN: { field: string; period: string; planPeriod: string }
  TRG_VALUE_ALREADY_REPORTED: { indicatorId: string; period: string }
  TRG_VALUE_NOT_REPORTED: { indicatorId: string; period: string }
  /** `rule`: the parts must add up to the total (`equal`), or to no more than it (`at-most`: a dimension breaking out some groups only). */
  TRG_BREAKDOWN_MISMATCH: { indicatorId: string; dimension: string; total: string; sum: string; rule: 'equal' | 'at-most' }
  TRG_INDICATOR_COMPUTED: { indicatorId: string }
  TRG_UNIT_MISMATCH: { field: string; unit: string; problem: string }
  TRG_UNAUTHENTICATED: { reason: string }
  TRG_FORBIDDEN: { action: string; reason: string }
  TRG_NOT_CONSISTENT: { position: string; reached: string | null; waitedMs: number }
  TRG_AS_OF_NOT_READY: { indexedEvents: number; waitedMs: number }
  TRG_LIMIT_EXCEEDED: { limit: string; maximum: number; actual: number }
  TRG_INVALID_VALUE: { type: string; value: string; problem: string }
  TRG_EVENT_INVALID: { type: string; problem: string }
  TRG_UPCASTER_MISSING: { type: string; problem: string }
  TRG_BAD_REQUEST: { problem: string }
  TRG_QUERY_SYNTAX: { problem: string; line: number; column: number }
  TRG_QUERY_INVALID: { problem: string }
  TRG_VARIABLE_INVALID: { variable: string; problem: string }
  TRG_RATE_LIMITED: { limit: string; retryAfterSeconds: number }
  TRG_OVERLOADED: { reason: string; retryAfterSeconds: number }
  TRG_EVENT_UNREADABLE: { position: string; problem: string }
  TRG_REBUILD_REFUSED: { reason: string }
  TRG_EXPORT_UNMAPPED: { format: string; unmapped: readonly string[] }
  /** `renderer`: what prints the document (the headless browser); `reason`: why it cannot now. */
  TRG_RENDERER_UNAVAILABLE: { renderer: string; reason: string }
}

export type TreguesiErrorCode = keyof ErrorDetails

interface Entry<C extends TreguesiErrorCode> {
  readonly category: ErrorCategory
  readonly message: (details: ErrorDetails[C]) => string
}

const revisionText = (revision: RevisionText | bigint): string => (typeof revision === 'bigint' ? `revision ${revision}` : revision)

export const catalogue: { readonly [C in TreguesiErrorCode]: Entry<C> } = {
  TRG_CONFIG_INVALID: {
    category: 'BAD_CONFIGURATION',
    message: ({ issues }) => `Invalid configuration: ${issues.map((i) => `${i.variable}: ${i.problem}`).join('; ')}`,
  },
  TRG_STORE_INVALID_APPEND: {
    category: 'BAD_USER_INPUT',
    message: ({ stream, field, problem }) => `Cannot append to "${stream}": ${field} ${problem}`,
  },
  TRG_STORE_INVALID_READ: {
    category: 'BAD_USER_INPUT',
    message: ({ field, problem }) => `Cannot read: ${field} ${problem}`,
  },
  TRG_STORE_WRONG_EXPECTED_REVISION: {
    category: 'CONFLICT',
    message: ({ stream, expected, actual }) =>
      `Stream "${stream}" was expected at ${revisionText(expected)} but is at ${revisionText(actual)}`,
  },
  TRG_STORE_DUPLICATE_EVENT_ID: {
    category: 'CONFLICT',
    message: ({ stream, eventId }) => `Event id ${eventId} is already recorded elsewhere; it cannot be appended to "${stream}"`,
  },
  TRG_STORE_CLOSED: {
    category: 'UNAVAILABLE',
    message: ({ operation }) => `The event store is closed: ${operation} is not possible`,
  },
  TRG_STORE_UNAVAILABLE: {
    category: 'UNAVAILABLE',
    message: ({ store, reason }) => `The ${store} event store is unavailable: ${reason}`,
  },
  TRG_CURRENCY_MISMATCH: {
    category: 'BAD_USER_INPUT',
    message: ({ field, expected, actual }) =>
      `${field} is in ${actual} but must be in ${expected}: amounts of different currencies are never added`,
  },
  TRG_INVALID_COMMAND: {
    category: 'BAD_USER_INPUT',
    message: ({ command, field, problem }) => `${command}: ${field} ${problem}`,
  },
  TRG_COMMAND_ID_REUSED: {
    category: 'BAD_USER_INPUT',
    message: ({ commandId, stream }) =>
      `Command id ${commandId} was already used for another command (recorded in "${stream}"): a retry must send the same command; a new command needs a new id`,
  },
  TRG_ALREADY_EXISTS: {
    category: 'CONFLICT',
    message: ({ entity, id }) => `${entity} ${id} already exists`,
  },
  TRG_NOT_FOUND: {
    category: 'NOT_FOUND',
    message: ({ entity, id }) => `${entity} ${id} does not exist`,
  },
  TRG_INVALID_STATE: {
    category: 'CONFLICT',
    message: ({ entity, id, state, action }) => `${entity} ${id} is ${state}: it cannot be ${action}`,
  },
  TRG_PLAN_CLOSED: {
    category: 'CONFLICT',
    message: ({ planId }) => `plan ${planId} is closed: nothing in it can change`,
  },
  TRG_PLAN_LOCKED: {
    category: 'CONFLICT',
    message: ({ planId, state }) =>
      `plan ${planId} is ${state}: its structure, baselines and targets change only after a reviewer returns it or reopens it with a reason`,
  },
  TRG_PERIOD_LOCKED: {
    category: 'CONFLICT',
    message: ({ planId, period, round, state }) =>
      `the report of plan ${planId} for ${round} is ${state}: figures of ${period} change only after a reviewer returns it or reopens it with a reason`,
  },
  TRG_PERIOD_OUTSIDE_PLAN: {
    category: 'BAD_USER_INPUT',
    message: ({ field, period, planPeriod }) => `${field} ${period} is outside the plan's period ${planPeriod}`,
  },
  TRG_VALUE_ALREADY_REPORTED: {
    category: 'CONFLICT',
    message: ({ indicatorId, period }) =>
      `indicator ${indicatorId} already has a value for ${period}: correct it instead (the old value stays in history)`,
  },
  TRG_VALUE_NOT_REPORTED: {
    category: 'NOT_FOUND',
    message: ({ indicatorId, period }) => `indicator ${indicatorId} has no value for ${period} to correct`,
  },
  TRG_BREAKDOWN_MISMATCH: {
    category: 'BAD_USER_INPUT',
    message: ({ indicatorId, dimension, total, sum, rule }) =>
      `indicator ${indicatorId}: the breakdown by ${dimension} adds up to ${sum}, ${rule === 'equal' ? 'not to' : 'more than'} the total ${total}`,
  },
  TRG_INDICATOR_COMPUTED: {
    category: 'BAD_USER_INPUT',
    message: ({ indicatorId }) => `indicator ${indicatorId} is a budget share: its actual is computed from budget events, never typed in`,
  },
  TRG_UNIT_MISMATCH: {
    category: 'BAD_USER_INPUT',
    message: ({ field, unit, problem }) => `${field} does not fit the unit ${unit}: ${problem}`,
  },
  TRG_UNAUTHENTICATED: {
    category: 'UNAUTHENTICATED',
    message: ({ reason }) => `Not authenticated: ${reason}`,
  },
  TRG_FORBIDDEN: {
    category: 'FORBIDDEN',
    message: ({ action, reason }) => `Not allowed to ${action}: ${reason}`,
  },
  TRG_NOT_CONSISTENT: {
    category: 'UNAVAILABLE',
    message: ({ position, reached, waitedMs }) =>
      `The read models did not reach position ${position} within ${waitedMs} ms (they are at ${reached ?? 'the start'}); retry`,
  },
  // After a start from a checkpoint, the history before it is indexed in the background.
  TRG_AS_OF_NOT_READY: {
    category: 'UNAVAILABLE',
    message: ({ indexedEvents, waitedMs }) =>
      `Answers as of an earlier moment are not available yet: the history is being indexed (${indexedEvents} events so far, waited ${waitedMs} ms); retry`,
  },
  TRG_LIMIT_EXCEEDED: {
    category: 'BAD_USER_INPUT',
    message: ({ limit, maximum, actual }) => `The request exceeds the ${limit} limit: ${actual} where at most ${maximum} is allowed`,
  },
  TRG_INVALID_VALUE: {
    category: 'BAD_USER_INPUT',
    message: ({ type, value, problem }) => `${JSON.stringify(value)} is not a valid ${type}: ${problem}`,
  },
  // A recorded event that does not fit its type's schema: the log, not the caller, is at fault.
  TRG_EVENT_INVALID: {
    category: 'INTERNAL',
    message: ({ type, problem }) => `Event ${type} is invalid: ${problem}`,
  },
  // A superseded event type that no chain of upcasters turns into a current one: the build is at fault.
  TRG_UPCASTER_MISSING: {
    category: 'INTERNAL',
    message: ({ type, problem }) => `Events of type ${type} cannot be read as a current version: ${problem}`,
  },
  // Not a GraphQL request at all: bad JSON, a media type or method that cannot carry one, no query.
  TRG_BAD_REQUEST: {
    category: 'BAD_USER_INPUT',
    message: ({ problem }) => `Bad request: ${problem}`,
  },
  TRG_QUERY_SYNTAX: {
    category: 'BAD_USER_INPUT',
    message: ({ problem, line, column }) => `The query does not parse at line ${line}, column ${column}: ${problem}`,
  },
  TRG_QUERY_INVALID: {
    category: 'BAD_USER_INPUT',
    message: ({ problem }) => `The query does not fit the schema: ${problem}`,
  },
  TRG_VARIABLE_INVALID: {
    category: 'BAD_USER_INPUT',
    message: ({ variable, problem }) => `Variable $${variable} is invalid: ${problem}`,
  },
  TRG_RATE_LIMITED: {
    category: 'RATE_LIMITED',
    message: ({ limit, retryAfterSeconds }) => `Too many requests (${limit}); retry after ${retryAfterSeconds} s`,
  },
  TRG_OVERLOADED: {
    category: 'UNAVAILABLE',
    message: ({ reason, retryAfterSeconds }) => `The service is overloaded (${reason}); retry after ${retryAfterSeconds} s`,
  },
  // A recorded event that cannot be read back at all (its stored JSON is damaged): the log is at fault.
  TRG_EVENT_UNREADABLE: {
    category: 'INTERNAL',
    message: ({ position, problem }) => `The event at position ${position} cannot be read: ${problem}`,
  },
  TRG_REBUILD_REFUSED: {
    category: 'CONFLICT',
    message: ({ reason }) => `The rebuilt read models were not swapped in: ${reason}`,
  },
  TRG_EXPORT_UNMAPPED: {
    category: 'CONFLICT',
    message: ({ format, unmapped }) =>
      `The ${format} export names what it holds in the receiver's codes, and these have none yet: ${unmapped.join('; ')}`,
  },
  TRG_RENDERER_UNAVAILABLE: {
    category: 'UNAVAILABLE',
    message: ({ renderer, reason }) => `The document cannot be printed: ${renderer} ${reason}`,
  },
}
