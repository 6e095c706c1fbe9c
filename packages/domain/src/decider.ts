/**
 * A decider: the whole behaviour of one aggregate as two pure functions. `decide` answers a
 * command with the events it causes, or throws a TreguesiError; `evolve` folds one event into the
 * state. No I/O, no clock, no randomness: the command carries its business time, and ids come in
 * with it.
 */
export interface Decider<Command, Event, State> {
  readonly initialState: State
  decide(command: Command, state: State): Event[]
  evolve(state: State, event: Event): State
}

/** The state after `events`, from the initial state. */
export function replay<Command, Event, State>(decider: Decider<Command, Event, State>, events: readonly Event[]): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState)
}

/** A domain event as it is stored: a versioned type name and its data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type
  readonly data: Data
}
