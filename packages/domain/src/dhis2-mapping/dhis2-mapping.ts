import { TreguesiError } from '@treguesi/errors'
import { z } from 'zod'
import type { Decider } from '../decider.js'
import { disaggregationDimensions, type DisaggregationDimension } from '../indicator/vocabulary.js'
import { municipalityCodeSchema } from '../municipality/commands.js'
import { nationalCodeSchema } from '../national-indicator/commands.js'
import { idSchema } from '../shared/id.js'
import { defined, sameJson } from '../shared/json.js'
import { dhis2IndicatorSchema, type Dhis2Indicator, type Dhis2MappingCommand } from './commands.js'
import type { Dhis2CategoryOptionComboMapping, Dhis2DataElementMapping, Dhis2MappingEvent, Dhis2OrgUnitMapping } from './events.js'

export * from './commands.js'
export * from './events.js'

/**
 * The DHIS2 mapping is kept in one small stream per mapped item rather than one stream for all:
 * a national code's or an indicator's data element, a municipality's org unit, and a dimension's
 * categories (in one stream, since they are the options of one DHIS2 category). Each stream then
 * holds the changes of one item only, however many items the mapping grows to, and admins
 * mapping different items never wait for each other. The key names the stream and, in history,
 * the item: `national:AL-SKBGJ-5.5.1b`, `indicator:<id>`, `org-unit:ELB`, `combo:sex`.
 */
export interface Dhis2MappingState {
  /** In a data element's stream: the mapping, null while there is none. */
  readonly dataElement: Dhis2DataElementMapping | null
  /** In an org unit's stream. */
  readonly orgUnit: Dhis2OrgUnitMapping | null
  /** In a dimension's stream: by category. */
  readonly combos: Readonly<Record<string, Dhis2CategoryOptionComboMapping>>
}

const keyParts = {
  national: nationalCodeSchema,
  indicator: idSchema,
  'org-unit': municipalityCodeSchema,
  combo: z.enum(disaggregationDimensions),
} as const satisfies Record<string, z.ZodType<string>>

/** The key of a data element's mapping. */
export const dhis2IndicatorKey = (indicator: Dhis2Indicator): string =>
  'nationalCode' in indicator ? `national:${indicator.nationalCode}` : `indicator:${indicator.indicatorId}`

/** The key of a municipality's org unit mapping. */
export const dhis2OrgUnitKey = (municipality: string): string => `org-unit:${municipality}`

/** The key of the mappings of a dimension's categories. */
export const dhis2DimensionKey = (dimension: DisaggregationDimension): string => `combo:${dimension}`

/** A key as history is asked for it: a kind of item and the item. */
export const dhis2MappingKeySchema = z.string().refine(
  (key) => {
    const [, kind = '', item] = /^([a-z-]+):(.*)$/s.exec(key) ?? []
    return Object.hasOwn(keyParts, kind) && keyParts[kind as keyof typeof keyParts].safeParse(item).success
  },
  { message: 'must be national:<code>, indicator:<id>, org-unit:<municipality> or combo:<dimension>' },
)

/** The key of the item a command maps, from the fields that name it, checked before anything is read. */
export const dhis2MappingCommandKeySchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.enum(['MapDhis2DataElement', 'UnmapDhis2DataElement']), indicator: dhis2IndicatorSchema }),
    z.object({ type: z.enum(['MapDhis2OrgUnit', 'UnmapDhis2OrgUnit']), municipality: municipalityCodeSchema }),
    z.object({ type: z.enum(['MapDhis2CategoryOptionCombo', 'UnmapDhis2CategoryOptionCombo']), dimension: keyParts.combo }),
  ])
  .transform((command) => {
    if ('indicator' in command) return dhis2IndicatorKey(command.indicator)
    return 'municipality' in command ? dhis2OrgUnitKey(command.municipality) : dhis2DimensionKey(command.dimension)
  })

export const dhis2MappingStream = (key: string): string => `dhis2-mapping-${key}`

type MapDataElement = Extract<Dhis2MappingCommand, { type: 'MapDhis2DataElement' }>

/**
 * A data element takes figures of the indicator's unit: a percentage as its numerator and
 * denominator (the counts a ratio of sums needs), anything else but text as one value; and the
 * categories of a dimension only where a total is the sum of its categories, as DHIS2 makes it.
 */
function assertDataElementFits(command: MapDataElement): void {
  const { indicator, indicatorUnit: unit, indicatorDimensions, dataElement, disaggregation } = command
  if (unit === undefined) {
    throw 'nationalCode' in indicator
      ? new TreguesiError('TRG_NOT_FOUND', { entity: 'national indicator', id: indicator.nationalCode })
      : new TreguesiError('TRG_NOT_FOUND', { entity: 'indicator', id: indicator.indicatorId })
  }
  if (unit === 'text') {
    throw new TreguesiError('TRG_UNIT_MISMATCH', { field: 'indicator', unit, problem: 'a text indicator has no figures DHIS2 takes' })
  }
  if ((unit === 'percent') !== 'numerator' in dataElement) {
    throw new TreguesiError('TRG_UNIT_MISMATCH', {
      field: 'dataElement',
      unit,
      problem:
        unit === 'percent'
          ? 'DHIS2 takes a percentage as two data elements: give its numerator and denominator'
          : `a ${unit} goes to one data element: give its code`,
    })
  }
  if (disaggregation === 'none') return
  if (unit !== 'count' && unit !== 'amount') {
    throw new TreguesiError('TRG_UNIT_MISMATCH', {
      field: 'disaggregation',
      unit,
      problem: `must be none: only counts and amounts add up to their total over categories, as DHIS2 adds a data element's category option combos`,
    })
  }
  if (indicatorDimensions !== undefined && !indicatorDimensions.includes(disaggregation)) {
    throw new TreguesiError('TRG_INVALID_COMMAND', {
      command: command.type,
      field: 'disaggregation',
      problem: `must be none or a dimension whose categories cover the whole of the indicator's total (${indicatorDimensions.join(', ') || 'it has none'})`,
    })
  }
}

/** A command's fields as its event records them: all but its type, none left undefined. */
const recorded = <Command extends { readonly type: string }>(command: Command) => {
  const { type: _type, ...fields } = defined(command)
  return fields
}

/** A mapping as compared with the one it would replace: the reason is why, not what. */
const withoutReason = <Mapping extends { readonly reason?: unknown }>({ reason: _reason, ...mapping }: Mapping) => mapping

/** The ADX category the other categories of a dimension are options of: one DHIS2 category per dimension. */
function assertSameAdxCategory(command: Extract<Dhis2MappingCommand, { type: 'MapDhis2CategoryOptionCombo' }>, state: Dhis2MappingState) {
  const other = Object.values(state.combos).find((combo) => combo.category !== command.category)
  if (other === undefined || other.adx.category === command.adx.category) return
  throw new TreguesiError('TRG_INVALID_COMMAND', {
    command: command.type,
    field: 'adx.category',
    problem: `must be ${other.adx.category}, the DHIS2 category whose options ${command.dimension}'s other categories are: ADX writes one attribute per category`,
  })
}

/** Admins map our indicators, municipalities and categories to the DHIS2 codes the exports use. */
export const dhis2Mapping: Decider<Dhis2MappingCommand, Dhis2MappingEvent, Dhis2MappingState> = {
  initialState: { dataElement: null, orgUnit: null, combos: {} },

  decide(command, state) {
    switch (command.type) {
      case 'MapDhis2DataElement': {
        assertDataElementFits(command)
        const { indicatorUnit: _unit, indicatorDimensions: _dimensions, ...data } = recorded(command)
        if (state.dataElement !== null && sameJson(withoutReason(data), withoutReason(state.dataElement))) return []
        return [{ type: 'dhis2-mapping.data-element-mapped.v1', data }]
      }
      case 'UnmapDhis2DataElement':
        return state.dataElement === null ? [] : [{ type: 'dhis2-mapping.data-element-unmapped.v1', data: recorded(command) }]
      case 'MapDhis2OrgUnit': {
        const data = recorded(command)
        return state.orgUnit?.orgUnit === data.orgUnit ? [] : [{ type: 'dhis2-mapping.org-unit-mapped.v1', data }]
      }
      case 'UnmapDhis2OrgUnit':
        return state.orgUnit === null ? [] : [{ type: 'dhis2-mapping.org-unit-unmapped.v1', data: recorded(command) }]
      case 'MapDhis2CategoryOptionCombo': {
        assertSameAdxCategory(command, state)
        const data = recorded(command)
        const current = Object.hasOwn(state.combos, data.category) ? state.combos[data.category] : undefined
        if (current !== undefined && sameJson(withoutReason(data), withoutReason(current))) return []
        return [{ type: 'dhis2-mapping.category-option-combo-mapped.v1', data }]
      }
      case 'UnmapDhis2CategoryOptionCombo':
        return Object.hasOwn(state.combos, command.category)
          ? [{ type: 'dhis2-mapping.category-option-combo-unmapped.v1', data: recorded(command) }]
          : []
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'dhis2-mapping.data-element-mapped.v1':
        return { ...state, dataElement: event.data }
      case 'dhis2-mapping.data-element-unmapped.v1':
        return { ...state, dataElement: null }
      case 'dhis2-mapping.org-unit-mapped.v1':
        return { ...state, orgUnit: event.data }
      case 'dhis2-mapping.org-unit-unmapped.v1':
        return { ...state, orgUnit: null }
      case 'dhis2-mapping.category-option-combo-mapped.v1':
        return { ...state, combos: { ...state.combos, [event.data.category]: event.data } }
      case 'dhis2-mapping.category-option-combo-unmapped.v1': {
        const { [event.data.category]: _unmapped, ...combos } = state.combos
        return { ...state, combos }
      }
    }
  },
}
