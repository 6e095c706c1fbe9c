import { openDomainStore } from '@treguesi/commands'
import { loadStoreConfig } from '@treguesi/event-store'
import {
  exportedRows,
  operatorSource,
  parseExportRequest,
  scopedSource,
  tidyCsv,
  type ExportRequest,
  type FigureSource,
} from '@treguesi/exchange'
import { emptyReadModels, foldLog, type ReadModels } from '@treguesi/read-models'
import type { TreguesiError } from '@treguesi/errors'
import { once } from 'node:events'
import { defaultDbPath, exitCodes, toJson, UsageError, type CliCommand } from '../context.js'

const sourceOf = (models: ReadModels): FigureSource => operatorSource(models.plans.state, models.budgets.state)

/** The request the options make; a malformed one is a usage error, as any wrong argument is. */
function requestOf(options: Readonly<Record<string, string | undefined>>): ExportRequest {
  try {
    return parseExportRequest(options)
  } catch (error) {
    throw new UsageError((error as TreguesiError).message)
  }
}

/**
 * The tidy CSV of the figures, as the service's /exports/figures.csv gives it to an admin: the
 * log folded to `--as-of` (its head without it) and, with `--since`, only what changed after that
 * position. The position to ask `--since` next time goes to stderr.
 */
export const exportCsvCommand: CliCommand = {
  usage: 'export-csv [--municipality <code>] [--plan <id>] [--since <position>] [--as-of <position>]',
  summary: 'writes the figures to stdout as a tidy CSV (UTF-8, RFC 4180), as an admin reads them; --since: only what changed',
  options: { municipality: { type: 'string' }, plan: { type: 'string' }, since: { type: 'string' }, 'as-of': { type: 'string' } },
  maxPositionals: 0,
  async run({ values }, io) {
    const given = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined)
    const request = requestOf({ municipality: given('municipality'), plan: given('plan'), since: given('since'), asOf: given('as-of') })
    const store = await openDomainStore(loadStoreConfig(io.env, { dbPath: defaultDbPath }))
    try {
      const head = (await store.headPosition()) ?? -1n
      for (const [name, position] of [
        ['--since', request.since],
        ['--as-of', request.asOf],
      ] as const) {
        if (position !== undefined && position > head) throw new UsageError(`${name} ${position} is after the log's head (${head})`)
      }
      const until = request.asOf ?? head
      let since: ReadModels | null = null
      let models = emptyReadModels()
      if (request.since !== undefined) {
        models = (await foldLog(models, store.readAll(), { until: request.since })).models
        since = models
      }
      if (until > (models.position ?? -1n)) {
        const from = models.position
        models = (await foldLog(models, store.readAll(from === null ? {} : { fromPosition: from }), { until })).models
      }
      const rows = exportedRows(scopedSource(sourceOf(models), request), since === null ? null : scopedSource(sourceOf(since), request))
      for (const text of tidyCsv(rows)) if (!io.stdout.write(text)) await once(io.stdout, 'drain')
      io.stderr.write(`${toJson({ position: models.position, since: request.since ?? null })}\n`)
      return exitCodes.ok
    } finally {
      await store.close()
    }
  },
}
