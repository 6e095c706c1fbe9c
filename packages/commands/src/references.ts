import { TreguesiError } from '@treguesi/errors'
import {
  aggregateDefinition,
  type AggregateName,
  type BudgetLineState,
  type DraftedPlan,
  type IndicatorDefinition,
  type IndicatorState,
  type MunicipalityState,
  type NationalIndicatorDefinition,
  type NationalIndicatorState,
  type PlanState,
  type RegisteredMunicipality,
} from '@treguesi/domain'
import type { CommandReads } from './stream-reads.js'

/**
 * The facts a command needs from aggregates other than its own: the plan an indicator belongs
 * to, the municipality whose currency a budget line is in, whose an entity is. Each is read from
 * its stream through the command's reads, once per command, at the moment the command is
 * handled. They are checks at that moment, not a transaction across streams: a plan closed a
 * millisecond later still accepts the value being recorded now.
 */
export class References {
  readonly reads: CommandReads

  constructor(reads: CommandReads) {
    this.reads = reads
  }

  async #state(name: AggregateName, key: string): Promise<unknown> {
    const definition = aggregateDefinition(name)
    return (await this.reads.load(definition.decider, definition.streamOf(key))).state
  }

  async municipality(code: string): Promise<RegisteredMunicipality> {
    const state = (await this.#state('municipality', code)) as MunicipalityState
    if (!state.registered) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'municipality', id: code })
    return state
  }

  /** The plan, which must exist and must not be closed: nothing is recorded against a closed plan. */
  async openPlan(planId: string): Promise<DraftedPlan> {
    const state = (await this.#state('plan', planId)) as PlanState
    if (!state.drafted) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'plan', id: planId })
    if (state.status === 'closed') throw new TreguesiError('TRG_PLAN_CLOSED', { planId })
    return state
  }

  /** A national indicator of the catalogue, which must be defined. */
  async nationalIndicator(code: string): Promise<NationalIndicatorDefinition> {
    const state = (await this.#state('nationalIndicator', code)) as NationalIndicatorState
    if (!state.defined) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'national indicator', id: code })
    return state
  }

  /** An indicator's definition, which must exist. */
  async indicator(indicatorId: string): Promise<IndicatorDefinition> {
    const state = (await this.#state('indicator', indicatorId)) as IndicatorState
    if (!state.defined) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'indicator', id: indicatorId })
    return state.definition
  }

  /** The fiscal year of an existing budget line; undefined for an unknown one, left to its decider. */
  async fiscalYearOf(budgetLineId: string): Promise<number | undefined> {
    const state = (await this.#state('budgetLine', budgetLineId)) as BudgetLineState
    return state.exists ? state.fiscalYear : undefined
  }

  /**
   * Who sent the last command in a plan's stream that recorded an event of `type` (for a
   * reporting round, of `period`): the submission a reviewer answers. Undefined when none did.
   */
  async lastSenderOf(planId: string, type: string, period?: string): Promise<string | undefined> {
    const { decider, streamOf } = aggregateDefinition('plan')
    const { commands } = await this.reads.load(decider, streamOf(planId))
    let sender: string | undefined
    for (const command of commands.values()) {
      const matches = command.events.some(
        (event) => event.type === type && (period === undefined || (event.data as { period?: unknown }).period === period),
      )
      if (matches) sender = command.actorId
    }
    return sender
  }

  /** The plan an existing instance belongs to; an unknown instance is left to its decider. */
  async planOf(name: AggregateName, key: string): Promise<string | undefined> {
    return aggregateDefinition(name).planOf(await this.#state(name, key))
  }

  /** Whose an instance is, for the policy; undefined when there is no such instance. */
  async ownerOf(name: AggregateName, key: string): Promise<string | undefined> {
    return aggregateDefinition(name).ownerOf(await this.#state(name, key))
  }
}
