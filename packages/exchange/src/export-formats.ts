import { TreguesiError } from '@treguesi/errors'
import { allNew, changedOf } from './changes.js'
import { figureKeys, figureRows, type FigureSource } from './figure-rows.js'
import { exportedRows, scopedSource, type ExportRequest, type ExportScope } from './export-request.js'
import { sdmxIndicatorIds, sdmxMediaType } from './sdmx/sdmx-codes.js'
import { sdmxCsv } from './sdmx/sdmx-csv.js'
import { isSdmxFilter, sdmxFilter, type SdmxFilter } from './sdmx/sdmx-filters.js'
import { compareObservations, sdmxObservations, type NationalContext, type SdmxObservation } from './sdmx/sdmx-observations.js'
import { tidyCsv } from './tidy-csv.js'
import { adxXml, dataValueSetCsv, dataValueSetJson } from './dhis2/dhis2-files.js'
import { compareValues, dhis2Values, unmappedOf, type Dhis2Lookup, type Dhis2Value } from './dhis2/dhis2-values.js'
import type { Changed } from './changes.js'
import { changedIatiActivities, iatiActivities } from './iati/iati-activities.js'
import type { IatiSource } from './iati/iati-source.js'

/** The read models as an export's caller reads them, at one log position. */
export interface ExportView {
  readonly figures: FigureSource
  readonly national: NationalContext
  /** The admins' mapping to DHIS2's codes. */
  readonly dhis2: Dhis2Lookup
  /** The plans as IATI activities are made of them. */
  readonly iati: IatiSource
}

/** What an export is made from: the request, the view at its position, and the view at `since`. */
export interface ExportInputs {
  readonly request: ExportRequest
  readonly now: ExportView
  readonly since: ExportView | null
  /** When the log recorded the position the export is made from (ISO 8601): the time a format states it was made. */
  readonly exportedAt: string
}

export interface ExportFormat {
  /** The file the download route names (`/exports/<file>`). */
  readonly file: string
  readonly mediaType: string
  /** The parameters the format takes beyond an export's own. */
  readonly takes: (parameter: string) => boolean
  /**
   * The file's text, or null when the format has no file for nothing (an IATI document holds at
   * least one activity). Everything the request could be refused for is checked before this
   * returns, so a refusal never follows a partial file.
   */
  readonly write: (inputs: ExportInputs) => Iterable<string> | null
}

const takesNothing = () => false

/** The tidy CSV: one record per figure (see tidyCsv). */
const tidyCsvFormat: ExportFormat = {
  file: 'figures.csv',
  mediaType: 'text/csv; charset=utf-8; header=present',
  takes: takesNothing,
  write: ({ request, now, since }) =>
    tidyCsv(exportedRows(scopedSource(now.figures, request), since === null ? null : scopedSource(since.figures, request))),
}

/**
 * The figures of the plans `scope` names, of the indicators `counts` keeps: the others' figures
 * are never computed. National figures are of a municipality's plans, all of them, as they choose
 * among its plans before a plan is picked (see nationalRows).
 */
function countedSource(view: ExportView, scope: ExportScope, counts: (indicatorId: string) => boolean): FigureSource {
  const scoped = scopedSource(view.figures, scope)
  return { ...scoped, indicatorsOf: (planId) => scoped.indicatorsOf(planId).filter(counts) }
}

/** Whether an indicator is tied to a national code in a view. */
const tiedIn =
  ({ national }: ExportView) =>
  (indicatorId: string): boolean =>
    national.nationalCodeOf(indicatorId) !== null

function* kept(observations: Iterable<SdmxObservation>, filter: SdmxFilter): Generator<SdmxObservation> {
  for (const observation of observations) if (filter(observation)) yield observation
}

/**
 * SDMX-CSV 2.0 of the dataflow TREGUESI:DF_LAP_INDICATORS: the figures of indicators tied to a
 * national code, filtered by `c[COMPONENT]=…`; with `since`, corrections as `R` and
 * withdrawals as `D`.
 */
const sdmxCsvFormat: ExportFormat = {
  file: 'figures.sdmx.csv',
  mediaType: `${sdmxMediaType}; charset=utf-8`,
  takes: isSdmxFilter,
  write: ({ request, now, since }) => {
    const ids = sdmxIndicatorIds(now.national.nationalCodes())
    const filter = sdmxFilter(request.options ?? {}, {
      municipalities: new Set(now.national.municipalities()),
      indicators: new Set(ids.values()),
    })
    const observations = (view: ExportView) =>
      kept(
        sdmxObservations(
          figureRows(countedSource(view, { municipality: request.municipality }, tiedIn(view))),
          ids,
          view.national.positionOf,
          request.planId,
        ),
        filter,
      )
    return sdmxCsv(since === null ? allNew(observations(now)) : changedOf(observations(since), observations(now), compareObservations))
  },
}

/**
 * The DHIS2 values of an export, once every item they need is mapped (TRG_EXPORT_UNMAPPED lists
 * the others, before anything is written). With `since`, what changed, each side in the mapping
 * of its time: a value whose codes changed is withdrawn (`D`) under the old ones.
 */
function dhis2Changes(file: string, { request, now, since }: ExportInputs): Iterable<Changed<Dhis2Value>> {
  const mapped = (view: ExportView) => (indicatorId: string) => tiedIn(view)(indicatorId) || view.dhis2.targetOf(indicatorId, null) !== null
  // Checked on what the figures are of (see figureKeys), so that each period's are computed once: for the values.
  const unmapped = unmappedOf(figureKeys(countedSource(now, request, mapped(now))), now.dhis2)
  if (unmapped.length > 0) throw new TreguesiError('TRG_EXPORT_UNMAPPED', { format: file, unmapped })
  const values = (view: ExportView) =>
    dhis2Values(
      figureRows(countedSource(view, { municipality: request.municipality }, mapped(view))),
      view.dhis2,
      view.national.positionOf,
      request.planId,
    )
  return since === null ? allNew(values(now)) : changedOf(values(since), values(now), compareValues)
}

/** A DHIS2 format: the values of the figures the admins mapped (see dhis2Changes). */
const dhis2Format = (
  file: string,
  mediaType: string,
  write: (values: Iterable<Changed<Dhis2Value>>, exportedAt: string) => Iterable<string>,
) => ({
  file,
  mediaType,
  takes: takesNothing,
  write: (inputs: ExportInputs) => write(dhis2Changes(file, inputs), inputs.exportedAt),
})

/**
 * IATI 2.03 activities, one per approved or closed plan the caller reads; with `since`, the
 * activities that changed, and one the caller no longer reads as cancelled.
 */
const iatiFormat: ExportFormat = {
  file: 'activities.iati.xml',
  mediaType: 'application/xml; charset=utf-8',
  takes: takesNothing,
  write: ({ request, now, since, exportedAt }) => {
    const options = { generatedAt: new Date(exportedAt) }
    const current = scopedSource(now.iati, request)
    return since === null ? iatiActivities(current, options) : changedIatiActivities(scopedSource(since.iati, request), current, options)
  },
}

export const exportFormats: readonly ExportFormat[] = [
  tidyCsvFormat,
  sdmxCsvFormat,
  dhis2Format('figures.dhis2.json', 'application/json; charset=utf-8', dataValueSetJson),
  dhis2Format('figures.dhis2.csv', 'application/csv; charset=utf-8', dataValueSetCsv),
  dhis2Format('figures.adx.xml', 'application/adx+xml; charset=utf-8', adxXml),
  iatiFormat,
]

/** The format a download names, or TRG_INVALID_VALUE listing those there are. */
export function exportFormat(file: string): ExportFormat {
  const format = exportFormats.find((candidate) => candidate.file === file)
  if (format === undefined) {
    throw new TreguesiError('TRG_INVALID_VALUE', {
      type: 'format',
      value: file,
      problem: `is not an export: give ${exportFormats.map((each) => each.file).join(', ')}`,
    })
  }
  return format
}
