import { isId, municipalityCodeSchema } from '@treguesi/domain'
import { TreguesiError } from '@treguesi/errors'
import { changedRows, type ChangedRow } from './changes.js'
import { figureRows, type FigureSource } from './figure-rows.js'

/** What an export is asked for: whose figures, and since and as of which log positions. */
export interface ExportRequest {
  readonly municipality?: string
  readonly planId?: string
  /** Only what changed after this position; the whole export without it. */
  readonly since?: bigint
  /** The log as it stood at this position; its head without it. */
  readonly asOf?: bigint
}

const parameters = ['municipality', 'plan', 'since', 'asOf'] as const

const refuse = (type: string, value: string, problem: string) => new TreguesiError('TRG_INVALID_VALUE', { type, value, problem })

function position(name: 'since' | 'asOf', text: string): bigint {
  if (!/^(0|[1-9][0-9]{0,18})$/.test(text)) throw refuse(name, text, 'must be a log position: a whole number, such as 575')
  return BigInt(text)
}

/**
 * An export request from the parameters of a download (`municipality`, `plan`, `since`,
 * `asOf`); anything else, or a malformed value, is refused with TRG_INVALID_VALUE naming it.
 */
export function parseExportRequest(query: Readonly<Record<string, string | readonly string[] | undefined>>): ExportRequest {
  const request: { -readonly [K in keyof ExportRequest]: ExportRequest[K] } = {}
  for (const [name, given] of Object.entries(query)) {
    if (given === undefined) continue
    if (!(parameters as readonly string[]).includes(name)) {
      throw refuse('parameter', name, `is not a parameter of an export: give ${parameters.join(', ')}`)
    }
    if (typeof given !== 'string') throw refuse(name, given.join(','), 'must be given once')
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
  return request
}

/** The source with only the plans a request names. */
export function scopedSource(source: FigureSource, { municipality, planId }: ExportRequest): FigureSource {
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
  if (since !== null) return changedRows(figureRows(since), figureRows(now))
  return (function* () {
    for (const row of figureRows(now)) yield { action: 'I' as const, row }
  })()
}
