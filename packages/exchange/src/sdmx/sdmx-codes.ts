import type { DisaggregationDimension, Period } from '@treguesi/domain'
import { TreguesiError } from '@treguesi/errors'
import type { FigureRow, FigureStatus } from '../figure-rows.js'

/** The dataflow every observation belongs to (its DSD: packages/exchange/standards/sdmx/README.md §6). */
export const sdmxDataflow = 'TREGUESI:DF_LAP_INDICATORS(1.0.0)'

export const sdmxMediaType = 'application/vnd.sdmx.data+csv; version=2.0.0'

/** The dataflow's dimensions, in its DSD's order. */
export const sdmxDimensions = ['FREQ', 'REF_AREA', 'INDICATOR', 'SEX', 'ETHNICITY', 'URBANISATION', 'AGE', 'TIME_PERIOD'] as const
export type SdmxDimension = (typeof sdmxDimensions)[number]

/** The breakdown dimensions, named as the dataflow names them. */
export const sdmxDimensionOf = {
  sex: 'SEX',
  ethnicity: 'ETHNICITY',
  area: 'URBANISATION',
  'age-group': 'AGE',
} as const satisfies Record<DisaggregationDimension, SdmxDimension>

/** "No breakdown": every observation carries a full key, its totals `_T`. */
export const sdmxTotal = '_T'

export type SdmxFrequency = 'A' | 'S' | 'Q'

/** A period as SDMX writes it: `2024` (annual), `2024-S1` (half-year), `2024-Q3`. */
export function sdmxPeriod(period: Period): { readonly freq: SdmxFrequency; readonly timePeriod: string } {
  const part = /^(\d{4})-([HQ])([1-4])$/.exec(period)
  if (part === null) return { freq: 'A', timePeriod: period }
  return part[2] === 'H' ? { freq: 'S', timePeriod: `${part[1]}-S${part[3]}` } : { freq: 'Q', timePeriod: period }
}

/** The period an SDMX time period names, or null for one the dataflow does not hold. */
export function periodOfSdmx(timePeriod: string): Period | null {
  const given = /^(\d{4})(?:-(A1|S[12]|Q[1-4]))?$/.exec(timePeriod)
  if (given === null) return null
  const [, year, part] = given
  if (part === undefined || part === 'A1') return year as Period
  return `${year}-${part.replace('S', 'H')}` as Period
}

/** SDMX identifiers (IDType) are letters, digits and `_ @ $ -`. */
const notInId = /[^A-Za-z0-9_@$-]/g

/** A text as an SDMX identifier: Latin letters without their marks (ë → e), `_` for anything an identifier cannot hold. */
export const sdmxId = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').replace(notInId, '_')

/** A category's label as an SDMX code: its identifier in upper case, as code lists write codes. */
export const sdmxCode = (text: string): string => sdmxId(text).toUpperCase()

/**
 * The codes of the categories the seeds and common usage name, as SDMX's cross-domain code lists
 * give them (CL_SEX, CL_URBANISATION) or as the dataflow's examples do (ethnicity); any other
 * category gets `sdmxCode` of its label.
 */
const knownCategories: Readonly<Record<DisaggregationDimension, Readonly<Record<string, string>>>> = {
  sex: { f: 'F', m: 'M', female: 'F', male: 'M', femra: 'F', meshkuj: 'M' },
  ethnicity: { roma: 'ROM', rom: 'ROM', egyptian: 'EGY', egjiptian: 'EGY', ashkali: 'ASH' },
  area: { urban: 'U', rural: 'R', qytet: 'U', fshat: 'R' },
  'age-group': {},
}

export const sdmxCategory = (dimension: DisaggregationDimension, category: string): string =>
  knownCategories[dimension][category.toLowerCase()] ?? sdmxCode(category)

export type SdmxUnit = 'NUMBER' | 'PT' | 'ALL' | 'EUR'

/** An amount is in its currency; a count and a milestone (0 or 1) are numbers. */
export const sdmxUnit = (row: Pick<FigureRow, 'unit' | 'currency'>): SdmxUnit =>
  row.unit === 'percent' ? 'PT' : row.unit === 'amount' && row.currency !== null ? row.currency : 'NUMBER'

/**
 * The SDMX identifier of each national code: `sdmxId` of it (`AL-SKBGJ-5.5.1b` →
 * `AL-SKBGJ-5_5_1b`). Two codes that would share one are refused before anything is written, as
 * their observations could not be told apart.
 */
export function sdmxIndicatorIds(nationalCodes: Iterable<string>): ReadonlyMap<string, string> {
  const ids = new Map<string, string>()
  const codeOf = new Map<string, string>()
  for (const code of [...nationalCodes].sort()) {
    const id = sdmxId(code)
    const other = codeOf.get(id)
    if (other !== undefined) {
      throw new TreguesiError('TRG_INVALID_STATE', {
        entity: 'national indicator',
        id: code,
        state: `its SDMX identifier ${id} is also ${other}'s`,
        action: 'export it as SDMX: define it again under a code whose SDMX identifier is its own, and tie its indicators to that',
      })
    }
    codeOf.set(id, code)
    ids.set(code, id)
  }
  return ids
}

/** OBS_STATUS (CL_OBS_STATUS): normal (A), or missing because suppressed for confidentiality (Q). */
export const obsStatusOf = (status: FigureStatus): 'A' | 'Q' => (status === 'suppressed' ? 'Q' : 'A')

/**
 * CONF_STATUS (CL_CONF_STATUS): free for publication (F), or confidential (C). A withheld cell is
 * not told as primary (A, a small count) or secondary (D, withheld beside one): telling them
 * apart would say which cells hold 1 to 4 persons.
 */
export const confStatusOf = (status: FigureStatus): 'F' | 'C' => (status === 'suppressed' ? 'C' : 'F')
