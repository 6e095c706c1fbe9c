import { dhis2DimensionKey, dhis2IndicatorKey, dhis2OrgUnitKey, type DisaggregationDimension } from '@treguesi/domain'
import { dhis2CategoryKey, dhis2Mapping } from '@treguesi/projections'
import { assertAdmin } from '../../access/policy.js'
import type { GraphQLContext } from '../context.js'
import type { QueryDhis2MappingArgs, Resolvers } from '../generated/resolvers.js'
import type { Dhis2DataElementMappingModel, Dhis2MappingModel } from '../models.js'
import { toEnum } from '../models.js'
import { connectionOf } from './connection.js'
import { consistent } from './consistency.js'

/** The mapping as the request's snapshot holds it, for an admin. */
export function loadDhis2Mapping(context: GraphQLContext): Dhis2MappingModel {
  assertAdmin(context.principal, 'read the DHIS2 mapping')
  return dhis2Mapping(context.models.national.state)
}

const dataElementKey = (mapping: Dhis2DataElementMappingModel): string => dhis2IndicatorKey(mapping.indicator)
const dimensionOf = (dimension: DisaggregationDimension) => toEnum(dimension)

export const dhis2Resolvers: Resolvers = {
  Query: {
    dhis2Mapping: consistent((_args: QueryDhis2MappingArgs, context) => loadDhis2Mapping(context)),
  },
  Dhis2Mapping: {
    dataElements: (mapping, args) => connectionOf(mapping.dataElements(), dataElementKey, args),
    orgUnits: (mapping, args) => connectionOf(mapping.orgUnits(), (orgUnit) => orgUnit.municipality, args),
    categoryOptionCombos: (mapping, args) =>
      connectionOf(mapping.combos(), ({ dimension, category }) => dhis2CategoryKey(dimension, category), args),
  },
  Dhis2DataElementMapping: {
    historyId: dataElementKey,
    nationalCode: ({ indicator }) => ('nationalCode' in indicator ? indicator.nationalCode : null),
    indicatorId: ({ indicator }) => ('indicatorId' in indicator ? indicator.indicatorId : null),
    dataElement: ({ dataElement }) => ('code' in dataElement ? dataElement.code : null),
    numerator: ({ dataElement }) => ('numerator' in dataElement ? dataElement.numerator : null),
    denominator: ({ dataElement }) => ('denominator' in dataElement ? dataElement.denominator : null),
    disaggregation: ({ disaggregation }) => (disaggregation === 'none' ? null : dimensionOf(disaggregation)),
  },
  Dhis2OrgUnitMapping: {
    historyId: ({ municipality }) => dhis2OrgUnitKey(municipality),
  },
  Dhis2CategoryOptionComboMapping: {
    historyId: ({ dimension }) => dhis2DimensionKey(dimension),
    dimension: ({ dimension }) => dimensionOf(dimension),
  },
}
