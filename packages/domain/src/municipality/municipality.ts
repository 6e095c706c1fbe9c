import { TreguesiError } from '@treguesi/errors'
import type { Decider } from '../decider.js'
import { creationData } from '../shared/creation.js'
import { assertCurrency, type Money } from '../shared/money.js'
import type { DataOf, Recorded } from '../shared/recorded.js'
import { municipalityKindOf, type MunicipalityCommand } from './commands.js'
import type { MunicipalityEvent } from './events.js'

export * from './commands.js'
export * from './events.js'

export interface RegisteredMunicipality extends Recorded<DataOf<MunicipalityEvent, 'municipality.registered.v2'>> {
  readonly registered: true
  /** The municipality's total budget per fiscal year: the denominator of budget shares. */
  readonly budgetTotals: Readonly<Record<number, Money>>
  /** Its IATI organisation identifier, once an admin has set it. */
  readonly iatiIdentifier?: string
}

export type MunicipalityState = { readonly registered: false } | RegisteredMunicipality

export const municipalityStream = (code: string): string => `municipality-${code}`

export const municipality: Decider<MunicipalityCommand, MunicipalityEvent, MunicipalityState> = {
  initialState: { registered: false },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterMunicipality': {
        const { kind = municipalityKindOf[command.country], ...fields } = creationData(
          command,
          state.registered,
          'municipality',
          command.code,
        )
        return [{ type: 'municipality.registered.v2', data: { ...fields, kind } }]
      }
      case 'SetMunicipalBudgetTotal': {
        if (!state.registered) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'municipality', id: command.code })
        assertCurrency(command.total, state.currency, 'total')
        const current = state.budgetTotals[command.fiscalYear]
        if (current?.amount === command.total.amount) return []
        const { type: _type, ...data } = command
        return [{ type: 'municipality.budget-total-set.v1', data }]
      }
      case 'SetMunicipalityIatiIdentifier': {
        if (!state.registered) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'municipality', id: command.code })
        if (state.iatiIdentifier === command.identifier) return []
        const { code, identifier } = command
        return [{ type: 'municipality.iati-identifier-set.v1', data: { code, identifier } }]
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'municipality.registered.v2':
        return { registered: true, ...event.data, budgetTotals: {} }
      case 'municipality.budget-total-set.v1': {
        // A budget total is only ever decided for a registered municipality.
        const registered = state as RegisteredMunicipality
        return { ...registered, budgetTotals: { ...registered.budgetTotals, [event.data.fiscalYear]: event.data.total } }
      }
      case 'municipality.iati-identifier-set.v1':
        // Only ever decided for a registered municipality.
        return { ...(state as RegisteredMunicipality), iatiIdentifier: event.data.identifier }
    }
  },
}
