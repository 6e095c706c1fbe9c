import { TreguesiError } from '@treguesi/errors'
import type { Decider } from '../decider.js'
import { creationData } from '../shared/creation.js'
import { changedFields, defined, sameJson } from '../shared/json.js'
import type { IndicatorCommand } from './commands.js'
import type { Baseline, IndicatorEvent } from './events.js'
import { assertFigure, correctedFigure, figureOf } from './reported-figure.js'
import { assertBaselineYear, assertInPlan, assertTarget, assertTiedUnit, assertUnit, assertUnitRevisable } from './rules.js'
import { evolveIndicator, type DefinedIndicator, type IndicatorState } from './state.js'

function definedOrThrow(state: IndicatorState, indicatorId: string): DefinedIndicator {
  if (!state.defined) throw new TreguesiError('TRG_NOT_FOUND', { entity: 'indicator', id: indicatorId })
  return state
}

export const indicator: Decider<IndicatorCommand, IndicatorEvent, IndicatorState> = {
  initialState: { defined: false },

  decide(command, state) {
    switch (command.type) {
      case 'DefineIndicator': {
        const { nationalUnit, ...data } = creationData(defined(command), state.defined, 'indicator', command.indicatorId)
        if (data.nationalCode !== undefined) assertTiedUnit(data.unit, data.nationalCode, nationalUnit)
        return [{ type: 'indicator.defined.v1', data }]
      }
      case 'LinkNationalIndicator': {
        const { definition } = definedOrThrow(state, command.indicatorId)
        const { indicatorId, nationalCode, reason, nationalUnit } = command
        const previous = definition.nationalCode ?? null
        if (nationalCode === previous) return []
        if (nationalCode !== null) assertTiedUnit(definition.unit, nationalCode, nationalUnit)
        return [{ type: 'indicator.national-code-linked.v1', data: { indicatorId, nationalCode, previous, reason } }]
      }
      case 'ReviseIndicator': {
        const current = definedOrThrow(state, command.indicatorId)
        const { definition } = current
        const { type: _type, indicatorId, reason, ...given } = defined(command)
        const changed = changedFields(given, definition)
        if (Object.keys(changed).length === 0) return []
        if (changed.unit !== undefined) assertUnitRevisable(command.type, current)
        return [{ type: 'indicator.revised.v1', data: { indicatorId, ...changed, reason } }]
      }
      case 'SetBaseline': {
        const { definition, baseline } = definedOrThrow(state, command.indicatorId)
        assertUnit(definition, command.value, 'value')
        assertBaselineYear(definition, command.year)
        const { indicatorId, value, year, note } = command
        const next: Baseline = { value, year, ...(note !== undefined && { note }) }
        if (sameJson(baseline, next)) return []
        return [{ type: 'indicator.baseline-set.v1', data: { indicatorId, ...next } }]
      }
      case 'SetTarget': {
        const { definition, targets } = definedOrThrow(state, command.indicatorId)
        if (command.period !== 'end-of-plan') assertInPlan(definition, command.period)
        assertTarget(definition, command.period, command.target)
        if (sameJson(targets[command.period], command.target)) return []
        const { type: _type, ...data } = command
        return [{ type: 'indicator.target-set.v1', data }]
      }
      case 'ReportIndicatorValue': {
        const { definition, values } = definedOrThrow(state, command.indicatorId)
        if (definition.computed !== undefined) {
          throw new TreguesiError('TRG_INDICATOR_COMPUTED', { indicatorId: command.indicatorId })
        }
        assertInPlan(definition, command.period)
        if (values[command.period] !== undefined) {
          throw new TreguesiError('TRG_VALUE_ALREADY_REPORTED', { indicatorId: command.indicatorId, period: command.period })
        }
        const figure = figureOf(command)
        assertFigure(definition, command, figure)
        return [{ type: 'indicator.value-reported.v1', data: { indicatorId: command.indicatorId, period: command.period, ...figure } }]
      }
      case 'CorrectIndicatorValue': {
        const { definition, values } = definedOrThrow(state, command.indicatorId)
        if (definition.computed !== undefined) {
          throw new TreguesiError('TRG_INDICATOR_COMPUTED', { indicatorId: command.indicatorId })
        }
        const previous = values[command.period]
        if (previous === undefined) {
          throw new TreguesiError('TRG_VALUE_NOT_REPORTED', { indicatorId: command.indicatorId, period: command.period })
        }
        const figure = correctedFigure(previous, command)
        assertFigure(definition, command, figure)
        // Where a figure comes from is part of it: a new source or note alone is recorded too.
        if (sameJson(previous, figure)) return []
        return [
          {
            type: 'indicator.value-corrected.v1',
            data: { indicatorId: command.indicatorId, period: command.period, ...figure, reason: command.reason, previous },
          },
        ]
      }
    }
  },

  evolve: evolveIndicator,
}
