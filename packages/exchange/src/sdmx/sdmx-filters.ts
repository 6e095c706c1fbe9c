import { comparePeriods, type Period } from '@treguesi/domain'
import { TreguesiError } from '@treguesi/errors'
import { confStatusOf, obsStatusOf, periodOfSdmx, sdmxDataflow, sdmxDimensions } from './sdmx-codes.js'
import type { SdmxObservation } from './sdmx-observations.js'

/** The components a `c[…]` filter may name: the dimensions, and the coded attributes. */
const filtered = [...sdmxDimensions, 'UNIT_MEASURE', 'OBS_STATUS', 'CONF_STATUS'] as const
type Component = (typeof filtered)[number]

/** The code lists of the closed components (SDMX CL_FREQ, CL_OBS_STATUS, CL_CONF_STATUS; the dataflow's units). */
const codeLists: Partial<Record<Component, readonly string[]>> = {
  FREQ: ['A', 'S', 'Q', 'M', 'W', 'D', 'H', 'B', 'N'],
  UNIT_MEASURE: ['NUMBER', 'PT', 'ALL', 'EUR'],
  OBS_STATUS: [...'ABDEFGIKLMNOPQSUVW'],
  CONF_STATUS: [...'FNCAOTGMDSEX'],
}

const operators = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'co', 'nc', 'sw', 'ew'] as const
type Operator = (typeof operators)[number]

export type SdmxFilter = (observation: SdmxObservation) => boolean

/** What the filters' codes are checked against. */
export interface SdmxVocabulary {
  readonly municipalities: ReadonlySet<string>
  /** The SDMX identifiers of the national codes. */
  readonly indicators: ReadonlySet<string>
}

const filterParameter = /^c\[([A-Z_]+)\]$/

/** Whether a query parameter is an SDMX filter (`c[SEX]`), which the SDMX export takes. */
export const isSdmxFilter = (name: string): boolean => filterParameter.test(name)

const refuse = (parameter: string, value: string, problem: string) =>
  new TreguesiError('TRG_INVALID_VALUE', { type: parameter, value, problem })

function componentValue(observation: SdmxObservation, component: Component): string {
  switch (component) {
    case 'UNIT_MEASURE':
      return observation.unit
    case 'OBS_STATUS':
      return obsStatusOf(observation.status)
    case 'CONF_STATUS':
      return confStatusOf(observation.status)
    default:
      return observation.key[component]
  }
}

/** One condition (`ge:2024-S1`, `F`) on one component, checked against what the component can hold. */
function condition(parameter: string, component: Component, given: string, vocabulary: SdmxVocabulary): SdmxFilter {
  const [, named, code] = /^(?:([a-z]{2}):)?(.*)$/.exec(given)!
  const operator = (named ?? 'eq') as Operator
  if (!operators.includes(operator)) throw refuse(parameter, given, `${named} is not an operator: give ${operators.join(', ')}`)
  if (component === 'TIME_PERIOD') {
    const period = periodOfSdmx(code!)
    if (period === null) throw refuse(parameter, given, `${code} is not a period of the dataflow: give 2024, 2024-S1 or 2024-Q3`)
    const order = (observation: SdmxObservation) => comparePeriods(observation.period, period as Period)
    const byOrder: Partial<Record<Operator, SdmxFilter>> = {
      eq: (o) => order(o) === 0,
      ne: (o) => order(o) !== 0,
      lt: (o) => order(o) < 0,
      le: (o) => order(o) <= 0,
      gt: (o) => order(o) > 0,
      ge: (o) => order(o) >= 0,
    }
    const chosen = byOrder[operator]
    if (chosen === undefined) throw refuse(parameter, given, 'a period is compared with eq, ne, lt, le, gt or ge')
    return chosen
  }
  if (!/^[A-Za-z0-9_@$-]+$/.test(code!)) throw refuse(parameter, given, `${code} is not an SDMX code`)
  const value = code!
  if (operator === 'eq' || operator === 'ne') {
    const list = codeLists[component]
    if (list !== undefined && !list.includes(value))
      throw refuse(parameter, given, `${value} is not a code of ${component}: give ${list.join(', ')}`)
    if (component === 'REF_AREA' && !vocabulary.municipalities.has(value)) {
      throw new TreguesiError('TRG_NOT_FOUND', { entity: 'municipality', id: value })
    }
    if (component === 'INDICATOR' && !vocabulary.indicators.has(value)) {
      throw new TreguesiError('TRG_NOT_FOUND', { entity: 'national indicator', id: value })
    }
    const equal = (o: SdmxObservation) => componentValue(o, component) === value
    return operator === 'eq' ? equal : (o) => !equal(o)
  }
  const byText: Partial<Record<Operator, (text: string) => boolean>> = {
    co: (text) => text.includes(value),
    nc: (text) => !text.includes(value),
    sw: (text) => text.startsWith(value),
    ew: (text) => text.endsWith(value),
  }
  const test = byText[operator]
  if (test === undefined) throw refuse(parameter, given, 'only a period is compared with lt, le, gt or ge')
  return (o) => test(componentValue(o, component))
}

/**
 * The observations SDMX REST's `c[COMPONENT]=…` filters keep: a comma between alternatives, a
 * `+` (or the space a form encoding makes of it) between conditions that must all hold, each
 * condition an operator and a code (`ge:2024-S1`) or a code alone (eq). Codes of closed lists,
 * municipalities and national indicators must exist; anything else is refused.
 */
export function sdmxFilter(parameters: Readonly<Record<string, string>>, vocabulary: SdmxVocabulary): SdmxFilter {
  const filters: SdmxFilter[] = []
  for (const [parameter, given] of Object.entries(parameters)) {
    const component = filterParameter.exec(parameter)?.[1] as Component | undefined
    if (component === undefined || !filtered.includes(component)) {
      throw refuse('parameter', parameter, `is not a component of ${sdmxDataflow}: give c[${filtered.join('], c[')}]`)
    }
    const alternatives = given
      .split(',')
      .map((alternative) => alternative.split(/[+ ]/).map((part) => condition(parameter, component, part, vocabulary)))
    filters.push((o) => alternatives.some((conditions) => conditions.every((holds) => holds(o))))
  }
  return (o) => filters.every((holds) => holds(o))
}
