import { isId, municipalityCodeSchema } from '@treguesi/domain'
import { TreguesiError } from '@treguesi/errors'
import { allNew, changedRows, type ChangedRow } from './changes.js'
import { figureRows, type ExportedPlan, type FigureSource } from './figure-rows.js'

/** What an export is asked for: whose figures, and since and as of which log positions. */
export interface ExportRequest {
  readonly municipality?: string
  readonly planId?: string
  /** Only what changed after this position; the whole export without it. */
  readonly since?: bigint
  /** The log as it stood at this position; its head without it. */
  readonly asOf?: bigint
  /** The parameters a format takes beyond these (an SDMX filter, `c[SEX]=F`), by name. */
  readonly options?: Readonly<Record<string, string>>
}

const parameters = ['municipality', 'plan', 'since', 'asOf'] as const

const refuse = (type: string, value: string, problem: string) => new TreguesiError('TRG_INVALID_VALUE', { type, value, problem })

function position(name: 'since' | 'asOf', text: string): bigint {
  if (!/^(0|[1-9][0-9]{0,18})$/.test(text)) throw refuse(name, text, 'must be a log position: a whole number, such as 575')
  return BigInt(text)
}

/**
 * An export request from the parameters of a download (`municipality`, `plan`, `since`,
 * `asOf`, and those the format `takes`, kept as `options` for it to read); anything else, or a
 * malformed value, is refused with TRG_INVALID_VALUE naming it.
 */
export function parseExportRequest(
  query: Readonly<Record<string, string | readonly string[] | undefined>>,
  takes: (parameter: string) => boolean = () => false,
): ExportRequest {
  const request: { -readonly [K in keyof ExportRequest]: ExportRequest[K] } = {}
  const options: Record<string, string> = {}
  for (const [name, given] of Object.entries(query)) {
    if (given === undefined) continue
    const own = (parameters as readonly string[]).includes(name)
    if (!own && !takes(name)) {
      throw refuse('parameter', name, `is not a parameter of this export: give ${parameters.join(', ')}`)
    }
    if (typeof given !== 'string') throw refuse(name, given.join(','), 'must be given once')
    if (!own) {
      options[name] = given
      continue
    }
    switch (name as (typeof parameters)[number]) {
      case 'municipality':
        if (!municipalityCodeSchema.safeParse(given).success) throw refuse(name, given, 'must be a municipality code, such as ELB')
        request.municipality = given
        break
      case 'plan':
        if (!isId(given)) throw refuse(name, given, "must be a plan's id (a UUID)")
        request.planId = given
        break
      case 'since':
        request.since = position('since', given)
        break
      case 'asOf':
        request.asOf = position('asOf', given)
        break
    }
  }
  if (request.since !== undefined && request.asOf !== undefined && request.since > request.asOf) {
    throw refuse('since', String(request.since), `must not be after asOf (${request.asOf})`)
  }
  if (Object.keys(options).length > 0) request.options = options
  return request
}

/** Whose figures an export holds: a municipality's, a plan's, both, or (neither given) all. */
export interface ExportScope {
  readonly municipality?: string | undefined
  readonly planId?: string | undefined
}

/** The source with only the plans a scope (a request) names: a figure source, or any other that lists plans. */
export function scopedSource<Source extends { readonly plans: () => Iterable<ExportedPlan> }>(
  source: Source,
  { municipality, planId }: ExportScope,
): Source {
  return {
    ...source,
    plans: function* () {
      for (const plan of source.plans()) {
        if ((municipality === undefined || plan.municipality === municipality) && (planId === undefined || plan.planId === planId)) {
          yield plan
        }
      }
    },
  }
}

/**
 * The rows of an export: every row of `now` as new (`I`), or, given the log as it stood at
 * `since`, what changed between the two (see `changedRows`).
 */
export function exportedRows(now: FigureSource, since: FigureSource | null): Iterable<ChangedRow> {
  return since === null ? allNew(figureRows(now)) : changedRows(figureRows(since), figureRows(now))
}
