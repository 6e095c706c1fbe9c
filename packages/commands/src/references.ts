import { TreguesiError } from '@treguesi/errors'
import {
  budgetLine,
  budgetLineStream,
  indicator,
  indicatorStream,
  municipality,
  municipalityStream,
  plan,
  planStream,
  type Decider,
  type DomainEvent,
  type DraftedPlan,
  type MunicipalityState,
} from '@treguesi/domain'
import type { EventStore } from '@treguesi/event-store'
import { foldStream } from './fold-stream.js'

export type RegisteredMunicipality = Extract<MunicipalityState, { registered: true }>

/**
 * The facts a command needs from aggregates other than its own: the plan an indicator belongs
 * to, the municipality whose currency a budget line is in. Each is read from its stream at the
 * moment the command is handled. They are checks at that moment, not a transaction across
 * streams: a plan closed a millisecond later still accepts the value being recorded now.
 */
export class References {
  readonly #store: EventStore

  constructor(store: EventStore) {
    this.#store = store
  }

  async #state<Command, Event extends DomainEvent, State>(decider: Decider<Command, Event, State>, stream: string): Promise<State> {
    return (await foldStream(this.#store, decider, stream)).state
  }

  async municipality(code: string): Promise<RegisteredMunicipality> {
    const state = await this.#state(municipality, municipalityStream(code))
    if (!state.registered) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'municipality', id: code })
    return state
  }

  /** The plan, which must exist and must not be closed: nothing is recorded against a closed plan. */
  async openPlan(planId: string): Promise<DraftedPlan> {
    const state = await this.#state(plan, planStream(planId))
    if (!state.drafted) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'plan', id: planId })
    if (state.status === 'closed') throw new TreguesiError('TRG_PLAN_CLOSED', { planId })
    return state
  }

  /** The plan an existing indicator belongs to; an unknown indicator is left to its decider. */
  async planOfIndicator(indicatorId: string): Promise<string | undefined> {
    const state = await this.#state(indicator, indicatorStream(indicatorId))
    return state.defined ? state.definition.planId : undefined
  }

  /** The plan an existing budget line belongs to; an unknown line is left to its decider. */
  async planOfBudgetLine(budgetLineId: string): Promise<string | undefined> {
    const state = await this.#state(budgetLine, budgetLineStream(budgetLineId))
    return state.exists ? state.planId : undefined
  }
}
