import type {
  Breakdown,
  Currency,
  Decimal,
  IndicatorEvent,
  IndicatorUnit,
  LocalizedText,
  MunicipalityEvent,
  ReportedValue,
} from '@treguesi/domain'
import { own } from '../own.js'
import { emptyMap, getEntry, removeEntry, setEntry, type PersistentMap } from '../persistent-map.js'
import type { LogEvent, Projection } from '../projection.js'

/** A municipal indicator tied to a national-strategy indicator by its national code. */
export interface NationalIndicator {
  readonly indicatorId: string
  readonly nationalCode: string
  readonly municipality: string
  readonly planId: string
  /** The municipality's own code for it. */
  readonly code: string
  readonly unit: IndicatorUnit
  /** An amount indicator's currency. */
  readonly currency: Currency | null
}

/** One municipal indicator's current figure for a period: the latest report or correction. */
export interface Contribution extends Omit<NationalIndicator, 'nationalCode' | 'planId'> {
  /** Null for a text indicator. */
  readonly value: Decimal | null
  readonly breakdown: Breakdown | null
  /** A percent's counts, when the reporter gave them. */
  readonly numerator: Decimal | null
  readonly denominator: Decimal | null
  readonly corrections: number
  /** The log position of the report or correction the figure comes from. */
  readonly position: bigint
}

/**
 * Facts for national aggregates: which indicators carry a national code, and their current
 * figures. Figures across municipalities are derived by the selectors (nationalAggregate).
 */
export interface NationalState {
  readonly municipalities: Readonly<Record<string, { readonly name: LocalizedText; readonly country: 'AL' | 'XK' }>>
  /** Only indicators with a national code; the others never reach a national figure. */
  readonly indicators: PersistentMap<NationalIndicator>
  /** The ids of the indicators carrying each national code, in the order they were defined. */
  readonly byCode: PersistentMap<readonly string[]>
  /** By national code, then period, then indicator id. */
  readonly values: PersistentMap<Readonly<Record<string, Readonly<Record<string, Contribution>>>>>
}

type FoldedEvent = MunicipalityEvent | IndicatorEvent

/** The parts of a reported figure a contribution carries, null where the report gives none. */
export function contributedFigure(figure: ReportedValue): Pick<Contribution, 'value' | 'breakdown' | 'numerator' | 'denominator'> {
  return {
    value: figure.value ?? null,
    breakdown: figure.breakdown ?? null,
    numerator: figure.numerator ?? null,
    denominator: figure.denominator ?? null,
  }
}

function withFigure(
  state: NationalState,
  indicatorId: string,
  period: string,
  figure: ReportedValue,
  position: bigint,
  corrected: boolean,
): NationalState {
  const indicator = getEntry(state.indicators, indicatorId)
  // Indicators without a national code are not aggregated nationally.
  if (indicator === undefined) return state
  const { nationalCode, planId: _planId, ...described } = indicator
  const byPeriod = getEntry(state.values, nationalCode) ?? {}
  const byIndicator = own(byPeriod, period) ?? {}
  const previous = own(byIndicator, indicatorId)
  const contribution: Contribution = {
    ...described,
    ...contributedFigure(figure),
    corrections: (previous?.corrections ?? 0) + (corrected ? 1 : 0),
    position,
  }
  return {
    ...state,
    values: setEntry(state.values, nationalCode, { ...byPeriod, [period]: { ...byIndicator, [indicatorId]: contribution } }),
  }
}

/**
 * A tied indicator's municipal code revised, in its entry and in the figures it contributed, which
 * show it: the copies are of its own national code's periods, a revision is rare.
 */
function withCode(state: NationalState, indicatorId: string, code: string): NationalState {
  const indicator = getEntry(state.indicators, indicatorId)
  // Only tied indicators are here; a revised name or data source is not held.
  if (indicator === undefined) return state
  const indicators = setEntry(state.indicators, indicatorId, { ...indicator, code })
  const byPeriod = getEntry(state.values, indicator.nationalCode)
  if (byPeriod === undefined) return { ...state, indicators }
  const revised = Object.fromEntries(
    Object.entries(byPeriod).map(([period, byIndicator]) => {
      const contribution = own(byIndicator, indicatorId)
      return [period, contribution === undefined ? byIndicator : { ...byIndicator, [indicatorId]: { ...contribution, code } }]
    }),
  )
  return { ...state, indicators, values: setEntry(state.values, indicator.nationalCode, revised) }
}

/**
 * The code index with `indicator` under its code. Defined again (a log written by another
 * client), it is already there, or moves there from the code it carried before.
 */
function indexed({ indicators, byCode }: NationalState, { indicatorId, nationalCode }: NationalIndicator): NationalState['byCode'] {
  const before = getEntry(indicators, indicatorId)?.nationalCode
  if (before === nationalCode) return byCode
  let index = byCode
  if (before !== undefined) {
    const rest = getEntry(index, before)!.filter((id) => id !== indicatorId)
    index = rest.length === 0 ? removeEntry(index, before) : setEntry(index, before, rest)
  }
  return setEntry(index, nationalCode, [...(getEntry(index, nationalCode) ?? []), indicatorId])
}

function apply(state: NationalState, logEvent: LogEvent): NationalState {
  const event = { type: logEvent.type, data: logEvent.data } as FoldedEvent
  switch (event.type) {
    case 'municipality.registered.v2': {
      const { code, name, country } = event.data
      return { ...state, municipalities: { ...state.municipalities, [code]: { name, country } } }
    }
    case 'indicator.defined.v1': {
      const { indicatorId, nationalCode, municipality, planId, code, unit, currency } = event.data
      if (nationalCode === undefined) return state
      const indicator: NationalIndicator = { indicatorId, nationalCode, municipality, planId, code, unit, currency: currency ?? null }
      return { ...state, indicators: setEntry(state.indicators, indicatorId, indicator), byCode: indexed(state, indicator) }
    }
    case 'indicator.revised.v1':
      return event.data.code === undefined ? state : withCode(state, event.data.indicatorId, event.data.code)
    case 'indicator.value-reported.v1': {
      const { indicatorId, period, ...figure } = event.data
      return withFigure(state, indicatorId, period, figure, logEvent.position, false)
    }
    case 'indicator.value-corrected.v1': {
      // A correction replaces the figure; the earlier one stays in the log, not here.
      const { indicatorId, period, reason: _reason, previous: _previous, ...figure } = event.data
      return withFigure(state, indicatorId, period, figure, logEvent.position, true)
    }
    default:
      return state
  }
}

export const initialNationalState: NationalState = { municipalities: {}, indicators: emptyMap(), byCode: emptyMap(), values: emptyMap() }

/** Folds municipality.* and indicator.* events into the facts national aggregates need. */
export const nationalProjection: Projection<NationalState> = {
  name: 'national',
  initialState: initialNationalState,
  apply,
}
