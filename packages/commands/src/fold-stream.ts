import type { Decider, DomainEvent } from '@treguesi/domain'
import type { EventStore, RecordedEvent } from '@treguesi/event-store'

/** A stream folded through its decider: the state and the revision it reflects (null: empty). */
export interface FoldedStream<State> {
  readonly state: State
  readonly revision: bigint | null
}

/** Reads a whole stream and folds it into its aggregate's state; `visit` sees each recorded event. */
export async function foldStream<Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  stream: string,
  visit: (recorded: RecordedEvent) => void = () => {},
): Promise<FoldedStream<State>> {
  let state = decider.initialState
  let revision: bigint | null = null
  for await (const recorded of store.readStream(stream)) {
    state = decider.evolve(state, { type: recorded.type, data: recorded.data } as Event)
    revision = recorded.revision
    visit(recorded)
  }
  return { state, revision }
}
