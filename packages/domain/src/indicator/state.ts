import type { Baseline, IndicatorDefinition, IndicatorEvent, ReportedValue } from './events.js'
import type { Target } from './vocabulary.js'

export type IndicatorState =
  | { readonly defined: false }
  | {
      readonly defined: true
      readonly definition: IndicatorDefinition
      readonly baseline: Baseline | null
      /** By period key: a Period or 'end-of-plan'. */
      readonly targets: Readonly<Record<string, Target>>
      /** The current (latest corrected) value by period. */
      readonly values: Readonly<Record<string, ReportedValue>>
      /** How many corrections were recorded, over all periods. */
      readonly corrections: number
    }

export type DefinedIndicator = Extract<IndicatorState, { defined: true }>

export const indicatorStream = (indicatorId: string): string => `indicator-${indicatorId}`

export function evolveIndicator(state: IndicatorState, event: IndicatorEvent): IndicatorState {
  if (event.type === 'indicator.defined.v1') {
    return { defined: true, definition: event.data, baseline: null, targets: {}, values: {}, corrections: 0 }
  }
  // Every other event is only ever decided for a defined indicator.
  const defined = state as DefinedIndicator
  switch (event.type) {
    case 'indicator.revised.v1': {
      const { indicatorId: _id, reason: _reason, ...revised } = event.data
      return { ...defined, definition: { ...defined.definition, ...revised } }
    }
    case 'indicator.national-code-linked.v1': {
      const { nationalCode: _tied, ...untied } = defined.definition
      const { nationalCode } = event.data
      return { ...defined, definition: nationalCode === null ? untied : { ...untied, nationalCode } }
    }
    case 'indicator.baseline-set.v1': {
      const { indicatorId: _id, ...baseline } = event.data
      return { ...defined, baseline }
    }
    case 'indicator.target-set.v1':
      return { ...defined, targets: { ...defined.targets, [event.data.period]: event.data.target } }
    case 'indicator.value-reported.v1': {
      const { indicatorId: _id, period, ...value } = event.data
      return { ...defined, values: { ...defined.values, [period]: value } }
    }
    case 'indicator.value-corrected.v1': {
      const { indicatorId: _id, period, reason: _reason, previous: _previous, ...value } = event.data
      return { ...defined, values: { ...defined.values, [period]: value }, corrections: defined.corrections + 1 }
    }
  }
}
