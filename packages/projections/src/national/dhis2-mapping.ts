import {
  dhis2IndicatorKey,
  type Dhis2CategoryOptionComboMapping,
  type Dhis2DataElementMapping,
  type Dhis2MappingEvent,
  type Dhis2OrgUnitMapping,
  type DisaggregationDimension,
} from '@treguesi/domain'
import { byText } from '../budgets/records.js'
import { emptyMap, entriesOf, getEntry, removeEntry, setEntry, type PersistentMap } from '../persistent-map.js'
import type { LogEvent } from '../projection.js'

/** A mapping as the exports use it: what it maps and to what; why it was made is the log's. */
type Mapped<Mapping> = Omit<Mapping, 'reason'>
export type Dhis2DataElement = Mapped<Dhis2DataElementMapping>
export type Dhis2OrgUnit = Mapped<Dhis2OrgUnitMapping>
export type Dhis2CategoryOptionCombo = Mapped<Dhis2CategoryOptionComboMapping>

/** The DHIS2 codes admins mapped our indicators, municipalities and categories to. */
export interface Dhis2MappingParts {
  /** By `national:<code>` (every indicator tied to the code) or `indicator:<id>` (that one alone). */
  readonly dhis2DataElements: PersistentMap<Dhis2DataElement>
  /** By municipality code. */
  readonly dhis2OrgUnits: PersistentMap<Dhis2OrgUnit>
  /** By dhis2CategoryKey. */
  readonly dhis2Combos: PersistentMap<Dhis2CategoryOptionCombo>
}

export const initialDhis2MappingParts: Dhis2MappingParts = {
  dhis2DataElements: emptyMap(),
  dhis2OrgUnits: emptyMap(),
  dhis2Combos: emptyMap(),
}

/** Where a category's combo is kept: a dimension holds no colon, so the category is what follows the first. */
export const dhis2CategoryKey = (dimension: string, category: string): string => `${dimension}:${category}`

function withoutReason<Mapping extends { readonly reason?: unknown }>({ reason: _reason, ...mapping }: Mapping): Mapped<Mapping> {
  return mapping
}

/** The mapping parts after a `dhis2-mapping.*` event; undefined for any other event. */
export function applyDhis2Mapping<State extends Dhis2MappingParts>(state: State, logEvent: LogEvent): State | undefined {
  const event = { type: logEvent.type, data: logEvent.data } as Dhis2MappingEvent
  switch (event.type) {
    case 'dhis2-mapping.data-element-mapped.v1':
      return {
        ...state,
        dhis2DataElements: setEntry(state.dhis2DataElements, dhis2IndicatorKey(event.data.indicator), withoutReason(event.data)),
      }
    case 'dhis2-mapping.data-element-unmapped.v1':
      return { ...state, dhis2DataElements: removeEntry(state.dhis2DataElements, dhis2IndicatorKey(event.data.indicator)) }
    case 'dhis2-mapping.org-unit-mapped.v1':
      return { ...state, dhis2OrgUnits: setEntry(state.dhis2OrgUnits, event.data.municipality, withoutReason(event.data)) }
    case 'dhis2-mapping.org-unit-unmapped.v1':
      return { ...state, dhis2OrgUnits: removeEntry(state.dhis2OrgUnits, event.data.municipality) }
    case 'dhis2-mapping.category-option-combo-mapped.v1': {
      const { dimension, category } = event.data
      return { ...state, dhis2Combos: setEntry(state.dhis2Combos, dhis2CategoryKey(dimension, category), withoutReason(event.data)) }
    }
    case 'dhis2-mapping.category-option-combo-unmapped.v1':
      return { ...state, dhis2Combos: removeEntry(state.dhis2Combos, dhis2CategoryKey(event.data.dimension, event.data.category)) }
    default:
      return undefined
  }
}

/** What the DHIS2 exports ask of the mapping: null is an item no admin has mapped, which they refuse. */
export interface Dhis2MappingLookup {
  /**
   * The data element an indicator's figures go to: its own mapping, else that of the national
   * code it is tied to (null: none).
   */
  dataElementOf(indicatorId: string, nationalCode: string | null): Dhis2DataElement | null
  /** A municipality's org unit code. */
  orgUnitOf(municipality: string): string | null
  /** The category option combo (and ADX category and option) of one of our categories. */
  comboOf(dimension: DisaggregationDimension, category: string): Dhis2CategoryOptionCombo | null
  /** Every mapping of each kind, by what it maps. */
  dataElements(): Dhis2DataElement[]
  orgUnits(): Dhis2OrgUnit[]
  combos(): Dhis2CategoryOptionCombo[]
}

const dataElementKey = (mapping: Dhis2DataElement): string => dhis2IndicatorKey(mapping.indicator)

/** The mapping of a national read model's state (or any state holding its parts). */
export function dhis2Mapping(state: Dhis2MappingParts): Dhis2MappingLookup {
  return {
    dataElementOf: (indicatorId, nationalCode) =>
      getEntry(state.dhis2DataElements, dhis2IndicatorKey({ indicatorId })) ??
      (nationalCode === null ? null : (getEntry(state.dhis2DataElements, dhis2IndicatorKey({ nationalCode })) ?? null)),
    orgUnitOf: (municipality) => getEntry(state.dhis2OrgUnits, municipality)?.orgUnit ?? null,
    comboOf: (dimension, category) => getEntry(state.dhis2Combos, dhis2CategoryKey(dimension, category)) ?? null,
    dataElements: () => entriesOf(state.dhis2DataElements).sort((a, b) => byText(dataElementKey(a), dataElementKey(b))),
    orgUnits: () => entriesOf(state.dhis2OrgUnits).sort((a, b) => byText(a.municipality, b.municipality)),
    combos: () =>
      entriesOf(state.dhis2Combos).sort((a, b) =>
        byText(dhis2CategoryKey(a.dimension, a.category), dhis2CategoryKey(b.dimension, b.category)),
      ),
  }
}
