/**
 * An event as projections see it: what the log recorded, with its place in the log. Projections
 * depend on this shape only, not on the store.
 */
export interface LogEvent {
  readonly stream: string
  readonly revision: bigint
  readonly position: bigint
  readonly type: string
  readonly data: unknown
  readonly metadata: Readonly<Record<string, unknown>>
  readonly recordedAt: Date
}

/** A pure reducer from log events to one read model. Unknown event types leave the state as it is. */
export interface Projection<State> {
  readonly name: string
  readonly initialState: State
  apply(state: State, event: LogEvent): State
}

/** A read model and the global position of the last event it reflects (null: none yet). */
export interface ReadModel<State> {
  readonly state: State
  readonly position: bigint | null
}

export function emptyReadModel<State>(projection: Projection<State>): ReadModel<State> {
  return { state: projection.initialState, position: null }
}

/** Folds events into a read model, in log order; an event at or before its position is skipped. */
export function project<State>(projection: Projection<State>, model: ReadModel<State>, events: Iterable<LogEvent>): ReadModel<State> {
  let { state, position } = model
  for (const event of events) {
    if (position !== null && event.position <= position) continue
    state = projection.apply(state, event)
    position = event.position
  }
  return { state, position }
}
