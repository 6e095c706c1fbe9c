import type { LocalizedText } from '@treguesi/domain'
import type { Changed } from '../changes.js'
import { csvRecord } from '../csv.js'
import { confStatusOf, obsStatusOf, sdmxDataflow, sdmxDimensions } from './sdmx-codes.js'
import type { SdmxObservation } from './sdmx-observations.js'

/**
 * The header: `STRUCTURE[;]` because the comment is multi-lingual (its languages separated by
 * `;`), then the action, the key in the DSD's order, the measure and the attributes.
 */
export const sdmxCsvHeader = [
  'STRUCTURE[;]',
  'STRUCTURE_ID',
  'ACTION',
  ...sdmxDimensions,
  'OBS_VALUE',
  'UNIT_MEASURE',
  'UNIT_MULT',
  'OBS_STATUS',
  'CONF_STATUS',
  'COMMENT_OBS[sq;en]',
] as const

const withheld: LocalizedText = {
  sq: 'E fshehur: një numër i vogël mund të tregojë një person',
  en: 'Withheld: a small count could point at a person',
}
const computed: LocalizedText = { sq: 'Llogaritur nga alokimet buxhetore', en: 'Computed from budget allocations' }

/** A multi-lingual value, `sq:…;en:…`; a text holding the separator or a quote goes in inner quotes. */
function multilingual(text: LocalizedText): string {
  return Object.entries(text)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([language, words]) => {
      const item = `${language}:${words}`
      return /[;"]/.test(item) ? `"${item.replaceAll('"', '""')}"` : item
    })
    .join(';')
}

function comment(observation: SdmxObservation): string | null {
  if (observation.status === 'suppressed') return multilingual(withheld)
  if (observation.status === 'computed') return multilingual(computed)
  return observation.source === null ? null : multilingual({ sq: observation.source })
}

/**
 * One observation per record. A deletion (`D`) names the full key and leaves the rest empty, so
 * it deletes the observation and its attributes; `I` and `R` give it whole.
 */
export function sdmxCsvRecord({ action, row }: Changed<SdmxObservation>): string {
  const key = sdmxDimensions.map((dimension) => row.key[dimension])
  const rest =
    action === 'D'
      ? [null, null, null, null, null, null]
      : [row.value, row.unit, 0, obsStatusOf(row.status), confStatusOf(row.status), comment(row)]
  return csvRecord(['dataflow', sdmxDataflow, action, ...key, ...rest])
}

/** An SDMX-CSV 2.0 data message: the header, then a record per observation (no byte order mark: the first field must read STRUCTURE). */
export function* sdmxCsv(observations: Iterable<Changed<SdmxObservation>>): Generator<string> {
  yield csvRecord(sdmxCsvHeader)
  for (const observation of observations) yield sdmxCsvRecord(observation)
}
