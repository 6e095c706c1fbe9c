import { TreguesiError } from '@treguesi/errors'
import type { Decider } from '../decider.js'
import { creationData } from '../shared/creation.js'
import { changedFields, defined } from '../shared/json.js'
import type { NationalIndicatorCommand } from './commands.js'
import type { NationalIndicatorDefinition, NationalIndicatorEvent } from './events.js'

export * from './commands.js'
export * from './events.js'

export type NationalIndicatorState = { readonly defined: false } | ({ readonly defined: true } & NationalIndicatorDefinition)

export const nationalIndicatorStream = (code: string): string => `national-indicator-${code}`

/**
 * The ministries' catalogue entry a municipal indicator counts towards. Admins define it; the
 * municipal indicators are tied to it by their own command (LinkNationalIndicator).
 */
export const nationalIndicator: Decider<NationalIndicatorCommand, NationalIndicatorEvent, NationalIndicatorState> = {
  initialState: { defined: false },

  decide(command, state) {
    switch (command.type) {
      case 'DefineNationalIndicator':
        return [
          {
            type: 'national-indicator.defined.v1',
            data: creationData(defined(command), state.defined, 'national indicator', command.code),
          },
        ]
      case 'ReviseNationalIndicator': {
        if (!state.defined) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'national indicator', id: command.code })
        const { type: _type, code, ...given } = defined(command)
        const changed = changedFields(given, state)
        const { numerator = state.numerator, denominator = state.denominator } = changed
        if (state.unit !== 'percent' && (numerator !== undefined || denominator !== undefined)) {
          throw new TreguesiError('TRG_INVALID_COMMAND', {
            command: command.type,
            field: changed.numerator === undefined ? 'denominator' : 'numerator',
            problem: `only a percentage names its counts; ${code} is in ${state.unit}`,
          })
        }
        return Object.keys(changed).length === 0 ? [] : [{ type: 'national-indicator.revised.v1', data: { code, ...changed } }]
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'national-indicator.defined.v1':
        return { defined: true, ...event.data }
      case 'national-indicator.revised.v1':
        // A revision is only ever decided for a defined national indicator.
        return { ...(state as Extract<NationalIndicatorState, { defined: true }>), ...event.data }
    }
  },
}
