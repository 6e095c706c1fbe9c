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
  type BudgetLineState,
  type DraftedPlan,
  type IndicatorDefinition,
  type MunicipalityState,
} from '@treguesi/domain'
import type { CommandReads } from './stream-reads.js'

export type RegisteredMunicipality = Extract<MunicipalityState, { registered: true }>
type ExistingBudgetLine = Extract<BudgetLineState, { exists: true }>

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

  async #plan(planId: string): Promise<DraftedPlan | undefined> {
    const { state } = await this.reads.load(plan, planStream(planId))
    return state.drafted ? state : undefined
  }

  async #indicator(indicatorId: string): Promise<IndicatorDefinition | undefined> {
    const { state } = await this.reads.load(indicator, indicatorStream(indicatorId))
    return state.defined ? state.definition : undefined
  }

  async #budgetLine(budgetLineId: string): Promise<ExistingBudgetLine | undefined> {
    const { state } = await this.reads.load(budgetLine, budgetLineStream(budgetLineId))
    return state.exists ? state : undefined
  }

  async municipality(code: string): Promise<RegisteredMunicipality> {
    const { state } = await this.reads.load(municipality, municipalityStream(code))
    if (!state.registered) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'municipality', id: code })
    return state
  }

  /** The plan, which must exist and must not be closed: nothing is recorded against a closed plan. */
  async openPlan(planId: string): Promise<DraftedPlan> {
    const found = await this.#plan(planId)
    if (found === undefined) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'plan', id: planId })
    if (found.status === 'closed') throw new TreguesiError('TRG_PLAN_CLOSED', { planId })
    return found
  }

  /** The plan an existing indicator belongs to; an unknown indicator is left to its decider. */
  async planOfIndicator(indicatorId: string): Promise<string | undefined> {
    return (await this.#indicator(indicatorId))?.planId
  }

  /** The plan an existing budget line belongs to; an unknown line is left to its decider. */
  async planOfBudgetLine(budgetLineId: string): Promise<string | undefined> {
    return (await this.#budgetLine(budgetLineId))?.planId
  }

  // Whose an entity is, for the policy; undefined when there is no such entity.

  async ownerOfPlan(planId: string): Promise<string | undefined> {
    return (await this.#plan(planId))?.municipality
  }

  async ownerOfIndicator(indicatorId: string): Promise<string | undefined> {
    return (await this.#indicator(indicatorId))?.municipality
  }

  async ownerOfBudgetLine(budgetLineId: string): Promise<string | undefined> {
    return (await this.#budgetLine(budgetLineId))?.municipality
  }
}
