import type {
  Breakdown,
  Country,
  Currency,
  Decimal,
  IndicatorEvent,
  IndicatorUnit,
  LocalizedText,
  MunicipalityEvent,
  NationalIndicatorDefinition,
  NationalIndicatorEvent,
  ReportedValue,
} from '@treguesi/domain'
import { own } from '../own.js'
import { applyDhis2Mapping, initialDhis2MappingParts, type Dhis2MappingParts } from './dhis2-mapping.js'
import { emptyMap, getEntry, removeEntry, setEntry, type PersistentMap } from '../persistent-map.js'
import type { LogEvent, Projection } from '../projection.js'

/** A municipal indicator as national figures need it: whose it is, its unit, its national code. */
export interface MunicipalIndicator {
  readonly indicatorId: string
  readonly municipality: string
  readonly planId: string
  /** The municipality's own code for it. */
  readonly code: string
  readonly unit: IndicatorUnit
  /** An amount indicator's currency. */
  readonly currency: Currency | null
  /** The national indicator it counts towards; null while it counts towards none. */
  readonly nationalCode: string | null
}

/** A municipal indicator's current figure for a period: the latest report or correction. */
export interface HeldFigure {
  readonly value: Decimal | null
  readonly breakdown: Breakdown | null
  /** A percent's counts, when the reporter gave them. */
  readonly numerator: Decimal | null
  readonly denominator: Decimal | null
  readonly corrections: number
  /** The log position of the report or correction the figure comes from. */
  readonly position: bigint
}

/** One municipal indicator's figure for a period, as it enters a national one. */
export interface Contribution extends Omit<MunicipalIndicator, 'nationalCode' | 'planId'>, HeldFigure {}

/**
 * Facts for national figures: the catalogue of national indicators, the municipal indicators
 * that could count towards one, which do, and their current figures. Figures across
 * municipalities are derived by the selectors (nationalAggregate). Beside them, the DHIS2 codes
 * the ministries' pulls map them to (dhis2Mapping).
 */
export interface NationalState extends Dhis2MappingParts {
  readonly municipalities: Readonly<Record<string, { readonly name: LocalizedText; readonly country: Country }>>
  /** By national code. */
  readonly catalogue: PersistentMap<NationalIndicatorDefinition>
  /**
   * Every indicator of a unit a national indicator takes (count, amount, percent, milestone), tied
   * or not: an admin may tie it later, with the figures it has by then. Others only while tied
   * (a log recorded before the catalogue).
   */
  readonly indicators: PersistentMap<MunicipalIndicator>
  /** The ids of the indicators tied to each national code, in the order they were tied. */
  readonly byCode: PersistentMap<readonly string[]>
  /** By indicator id, then period. */
  readonly figures: PersistentMap<Readonly<Record<string, HeldFigure>>>
}

type FoldedEvent = MunicipalityEvent | IndicatorEvent | NationalIndicatorEvent

const tiable: ReadonlySet<IndicatorUnit> = new Set(['count', 'amount', 'percent', 'milestone'])

/** The parts of a reported figure a contribution carries, null where the report gives none. */
export function contributedFigure(figure: ReportedValue): Pick<HeldFigure, 'value' | 'breakdown' | 'numerator' | 'denominator'> {
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
) {
  // Indicators no national indicator can take are not held.
  if (getEntry(state.indicators, indicatorId) === undefined) return state
  const byPeriod = getEntry(state.figures, indicatorId) ?? {}
  const corrections = (own(byPeriod, period)?.corrections ?? 0) + (corrected ? 1 : 0)
  const held: HeldFigure = { ...contributedFigure(figure), corrections, position }
  return { ...state, figures: setEntry(state.figures, indicatorId, { ...byPeriod, [period]: held }) }
}

/** The code index with the indicator moved from the code it carried to `nationalCode` (null: none). */
function retied(byCode: NationalState['byCode'], indicatorId: string, before: string | null, nationalCode: string | null) {
  if (before === nationalCode) return byCode
  let index = byCode
  if (before !== null) {
    // Every tied indicator is in the index under its code.
    const rest = getEntry(index, before)!.filter((id) => id !== indicatorId)
    index = rest.length === 0 ? removeEntry(index, before) : setEntry(index, before, rest)
  }
  return nationalCode === null ? index : setEntry(index, nationalCode, [...(getEntry(index, nationalCode) ?? []), indicatorId])
}

function withIndicator(state: NationalState, indicator: MunicipalIndicator): NationalState {
  const before = getEntry(state.indicators, indicator.indicatorId)?.nationalCode ?? null
  return {
    ...state,
    indicators: setEntry(state.indicators, indicator.indicatorId, indicator),
    byCode: retied(state.byCode, indicator.indicatorId, before, indicator.nationalCode),
  }
}

function apply(state: NationalState, logEvent: LogEvent): NationalState {
  const event = { type: logEvent.type, data: logEvent.data } as FoldedEvent
  switch (event.type) {
    case 'municipality.registered.v2': {
      const { code, name, country } = event.data
      return { ...state, municipalities: { ...state.municipalities, [code]: { name, country } } }
    }
    case 'national-indicator.defined.v1':
      return { ...state, catalogue: setEntry(state.catalogue, event.data.code, event.data) }
    case 'national-indicator.revised.v1': {
      const current = getEntry(state.catalogue, event.data.code)
      // A revision of a national indicator this log never defined has nothing to revise.
      return current === undefined
        ? state
        : { ...state, catalogue: setEntry(state.catalogue, event.data.code, { ...current, ...event.data }) }
    }
    case 'indicator.defined.v1': {
      const { indicatorId, nationalCode, municipality, planId, code, unit, currency } = event.data
      if (!tiable.has(unit) && nationalCode === undefined) return state
      return withIndicator(state, {
        indicatorId,
        municipality,
        planId,
        code,
        unit,
        currency: currency ?? null,
        nationalCode: nationalCode ?? null,
      })
    }
    case 'indicator.national-code-linked.v1': {
      const indicator = getEntry(state.indicators, event.data.indicatorId)
      // Only indicators of a unit a national indicator takes are ever tied.
      return indicator === undefined ? state : withIndicator(state, { ...indicator, nationalCode: event.data.nationalCode })
    }
    case 'indicator.revised.v1': {
      const indicator = getEntry(state.indicators, event.data.indicatorId)
      const { code, unit } = event.data
      if (indicator === undefined || (code === undefined && unit === undefined)) return state
      return {
        ...state,
        indicators: setEntry(state.indicators, indicator.indicatorId, { ...indicator, ...(code && { code }), ...(unit && { unit }) }),
      }
    }
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
      return applyDhis2Mapping(state, logEvent) ?? state
  }
}

export const initialNationalState: NationalState = {
  ...initialDhis2MappingParts,
  municipalities: {},
  catalogue: emptyMap(),
  indicators: emptyMap(),
  byCode: emptyMap(),
  figures: emptyMap(),
}

/**
 * Folds municipality.*, national-indicator.* and indicator.* events into the facts national
 * figures need, and dhis2-mapping.* events into the mapping.
 */
export const nationalProjection: Projection<NationalState> = {
  name: 'national',
  initialState: initialNationalState,
  apply,
}
