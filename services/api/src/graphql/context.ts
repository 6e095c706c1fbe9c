import type { DomainStore } from '@treguesi/commands'
import type { SmallCellRule } from '@treguesi/projections'
import type { Principal } from '../access/principal.js'
import type { AsOfReadModels, LiveReadModels, ReadModels } from '@treguesi/read-models'

/** What every resolver of one request sees. */
export interface GraphQLContext {
  readonly principal: Principal
  /** The log as the domain reads it; `store.recorded` is the same log as recorded (for audits). */
  readonly store: DomainStore
  readonly live: LiveReadModels
  /** The read models at earlier moments, for `asOf`; queries only (subscriptions answer now). */
  readonly asOf?: AsOfReadModels
  /** How long `consistentWith` waits for the read models. */
  readonly consistencyTimeoutMs: number
  /** Which counts of sensitive indicators are withheld from callers without the right to them. */
  readonly smallCells: SmallCellRule
  /**
   * The read models this request answers from: one snapshot for the whole request, so every
   * field of an answer reflects the same position of the log.
   */
  models: ReadModels
}
