import { openDomainStore } from '@treguesi/commands'
import { loadStoreConfig, recordedAtOf } from '@treguesi/event-store'
import {
  exportFormat,
  exportView,
  operatorIatiSource,
  operatorSource,
  parseExportRequest,
  type ExportRequest,
  type ExportView,
} from '@treguesi/exchange'
import { emptyReadModels, foldLog, type ReadModels } from '@treguesi/read-models'
import type { TreguesiError } from '@treguesi/errors'
import { once } from 'node:events'
import { defaultDbPath, exitCodes, toJson, UsageError, type CliCommand } from '../context.js'

/** The read models as an admin reads them: drafts, figures before approval, small counts. */
const viewOf = ({ plans, budgets, national }: ReadModels): ExportView =>
  exportView({ figures: operatorSource(plans.state, budgets.state), iati: operatorIatiSource(plans.state, budgets.state) }, national.state)

/** The request the arguments make; one refused (TRG_INVALID_VALUE, all parseExportRequest throws) is a usage error. */
function requestOf(query: Readonly<Record<string, string | undefined>>, takes: (parameter: string) => boolean): ExportRequest {
  try {
    return parseExportRequest(query, takes)
  } catch (error) {
    throw new UsageError((error as TreguesiError).message)
  }
}

/** The parameter a `--filter` names and its value: `c[SEX]=F`. */
function filterParameter(text: string): [string, string] {
  const split = text.indexOf('=')
  if (split < 1) throw new UsageError(`--filter ${text} must be a parameter and its value, such as c[SEX]=F`)
  return [text.slice(0, split), text.slice(split + 1)]
}

/** The log folded to `until`, and (with `since`) as it stood at `since` on the way. */
async function modelsOf(store: Awaited<ReturnType<typeof openDomainStore>>, since: bigint | undefined, until: bigint) {
  let earlier: ReadModels | null = null
  let models = emptyReadModels()
  if (since !== undefined) {
    models = (await foldLog(models, store.readAll(), { until: since })).models
    earlier = models
  }
  if (until > (models.position ?? -1n)) {
    const from = models.position
    models = (await foldLog(models, store.readAll(from === null ? {} : { fromPosition: from }), { until })).models
  }
  return { models, earlier }
}

/**
 * The command `name`, writing the export `file` (see exportFormats) to stdout, as the service's
 * /exports/<file> gives it to an admin: the log folded to `--as-of` (its head without it) and,
 * with `--since`, only what changed after that position. The position to ask `--since` next
 * time goes to stderr.
 */
export function figureExportCommand(name: string, file: string, summary: string, filters = false): CliCommand {
  const format = exportFormat(file)
  return {
    usage: `${name} [--municipality <code>] [--plan <id>] [--since <position>] [--as-of <position>]${filters ? ' [--filter c[DIM]=<codes>]…' : ''}`,
    summary,
    options: {
      municipality: { type: 'string' },
      plan: { type: 'string' },
      since: { type: 'string' },
      'as-of': { type: 'string' },
      ...(filters && { filter: { type: 'string', multiple: true } }),
    },
    maxPositionals: 0,
    async run({ values }, io) {
      const given = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined)
      const parameters = Object.fromEntries(((values.filter as string[] | undefined) ?? []).map(filterParameter))
      const request = requestOf(
        { ...parameters, municipality: given('municipality'), plan: given('plan'), since: given('since'), asOf: given('as-of') },
        format.takes,
      )
      const store = await openDomainStore(loadStoreConfig(io.env, { dbPath: defaultDbPath }))
      try {
        const head = (await store.headPosition()) ?? -1n
        for (const [name, position] of [
          ['--since', request.since],
          ['--as-of', request.asOf],
        ] as const) {
          if (position !== undefined && position > head) throw new UsageError(`${name} ${position} is after the log's head (${head})`)
        }
        const { models, earlier } = await modelsOf(store, request.since, request.asOf ?? head)
        const exportedAt = await recordedAtOf(store, models.position)
        // A refusal of what the log holds (TRG_EXPORT_UNMAPPED, an SDMX filter's unknown code) is reported with its code.
        const text = format.write({ request, now: viewOf(models), since: earlier === null ? null : viewOf(earlier), exportedAt })
        for (const chunk of text ?? []) if (!io.stdout.write(chunk)) await once(io.stdout, 'drain')
        // No file (an IATI document with no activity) is said, not written as an empty one.
        io.stderr.write(`${toJson({ position: models.position, since: request.since ?? null, ...(text === null && { file: null }) })}\n`)
        return exitCodes.ok
      } finally {
        await store.close()
      }
    },
  }
}

export const exportCsvCommand = figureExportCommand(
  'export-csv',
  'figures.csv',
  'writes the figures to stdout as a tidy CSV (UTF-8, RFC 4180), as an admin reads them; --since: only what changed',
)

export const exportSdmxCommand = figureExportCommand(
  'export-sdmx',
  'figures.sdmx.csv',
  'writes the nationally coded figures to stdout as SDMX-CSV 2.0 (TREGUESI:DF_LAP_INDICATORS); --filter c[SEX]=F keeps some',
  true,
)

const dhis2Summary = (form: string) =>
  `writes the figures the admins mapped to DHIS2 to stdout as ${form} (DHIS2 codes); refused, listing them, while an item is unmapped`

export const exportDhis2JsonCommand = figureExportCommand('export-dhis2-json', 'figures.dhis2.json', dhis2Summary('a dataValueSet in JSON'))
export const exportDhis2CsvCommand = figureExportCommand(
  'export-dhis2-csv',
  'figures.dhis2.csv',
  dhis2Summary("a dataValueSet in DHIS2's CSV"),
)
export const exportAdxCommand = figureExportCommand('export-adx', 'figures.adx.xml', dhis2Summary('ADX'))

export const exportIatiCommand = figureExportCommand(
  'export-iati',
  'activities.iati.xml',
  'writes the approved and closed plans to stdout as IATI 2.03 activities; refused, listing them, while a municipality has no IATI identifier',
)
