import { Readable } from 'node:stream'
import { exportFormat, exportView, parseExportRequest, type ExportView } from '@treguesi/exchange'
import { recordedAtOf } from '@treguesi/event-store'
import { TreguesiError } from '@treguesi/errors'
import type { AsOfReadModels, LiveReadModels } from '@treguesi/read-models'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { DomainStore } from '@treguesi/commands'
import type { SmallCellRule } from '@treguesi/projections'
import type { GraphQLContext } from '../graphql/context.js'
import { ensureAsOf } from '../graphql/queries/consistency.js'
import { exportSource, iatiSource } from '../graphql/queries/snapshot.js'
import { answerRefusal } from '../protection/refusal.js'

export interface ExportOptions {
  readonly store: DomainStore
  readonly live: LiveReadModels
  readonly asOf: AsOfReadModels
  readonly consistencyTimeoutMs: number
  readonly smallCells: SmallCellRule
}

/** A position an export names must be one the log has reached: a later one would answer differently tomorrow. */
function assertReached(name: 'since' | 'asOf', position: bigint | undefined, head: bigint): void {
  if (position !== undefined && position > head) {
    throw new TreguesiError('TRG_INVALID_VALUE', { type: name, value: String(position), problem: `is after the log's head (${head})` })
  }
}

/** The read models as the caller reads them through GraphQL (the same snapshot, the same rights). */
const viewOf = (context: GraphQLContext): ExportView =>
  exportView({ figures: exportSource(context), iati: iatiSource(context) }, context.models.national.state)

export const exportRoute = '/exports/:file'

/**
 * Downloads of figures at /exports/<file>, one per format (see exportFormats), read as the
 * caller reads them through GraphQL. `asOf` fixes the log position the file is made from and
 * `since` leaves only what changed after one, so the same request gives the same bytes every
 * time; `Treguesi-Position` names the position to ask `since` next time.
 */
export async function exportRoutes(app: FastifyInstance, options: ExportOptions): Promise<void> {
  /** The caller's context on the read models at `position`, or now. */
  const contextAt = async (request: FastifyRequest, position: bigint | undefined): Promise<GraphQLContext> => {
    const context: GraphQLContext = { principal: request.principal, ...options, models: options.live.current }
    if (position !== undefined && position !== context.models.position) await ensureAsOf(context, { position: String(position) })
    return context
  }

  /** The request a download makes, and the caller's contexts at its positions; refused as a TRG_* error. */
  const prepare = async (request: FastifyRequest) => {
    const format = exportFormat((request.params as { file: string }).file)
    const exported = parseExportRequest(request.query as Record<string, string>, format.takes)
    const head = options.live.current.position ?? -1n
    assertReached('asOf', exported.asOf, head)
    assertReached('since', exported.since, head)
    const now = await contextAt(request, exported.asOf)
    const since = exported.since === undefined ? null : await contextAt(request, exported.since)
    const exportedAt = await recordedAtOf(options.store, now.models.position)
    const file = format.write({ request: exported, now: viewOf(now), since: since === null ? null : viewOf(since), exportedAt })
    return { format, exported, position: now.models.position ?? -1n, file }
  }

  app.get(exportRoute, async (request: FastifyRequest, reply: FastifyReply) => {
    // A refusal is answered; anything else is the server's error handler's.
    const prepared = await prepare(request).catch((error: unknown) => (error instanceof TreguesiError ? error : Promise.reject(error)))
    if (prepared instanceof TreguesiError) return answerRefusal(reply, 400, prepared)
    const { format, exported, position, file } = prepared
    // A format with no file for nothing (IATI): nothing to publish at the position, or since.
    if (file === null) return reply.code(204).header('treguesi-position', String(position)).send()
    const [stem, extension] = format.file.split(/\.(.*)/)
    const name = `treguesi-${stem}-${position}${exported.since === undefined ? '' : `-since-${exported.since}`}.${extension}`
    return reply
      .type(format.mediaType)
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('treguesi-position', String(position))
      .send(Readable.from(file))
  })
}
