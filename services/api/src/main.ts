import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import type { FastifyBaseLogger } from 'fastify'
import { inspect } from 'node:util'
import { openDomainStore, type DomainStore } from '@treguesi/commands'
import { isTreguesiError } from '@treguesi/errors'
import { completeSeeds, seeds } from '@treguesi/seeds'
import { loadApiConfig } from './config.js'
import { Checkpoints, LiveReadModels, type CheckpointReport } from '@treguesi/read-models'
import { failureStatus } from './readiness.js'
import { buildServer } from './server.js'

/**
 * The demo plans, loaded into an empty log or finished where an earlier start was stopped while
 * loading them; a log that holds anything else is left as it is. So is one that cannot be read
 * as far as the seeds go: it is served up to the damage, never written past it.
 */
async function seedDemo(store: DomainStore): Promise<void> {
  try {
    await completeSeeds(store, seeds)
  } catch (error) {
    if (!isTreguesiError(error, 'TRG_EVENT_UNREADABLE')) throw error
  }
}

/** A refused checkpoint is worth a warning: this start folds the whole log. */
function logCheckpoint(log: FastifyBaseLogger, report: CheckpointReport): void {
  const { kind } = report
  if (kind === 'rejected') log.warn({ checkpoint: kind, reason: report.reason }, 'read-model checkpoint refused; folding the whole log')
  else if (kind === 'failed') log.error({ checkpoint: kind, reason: report.reason }, 'read-model checkpoint not saved')
  else if (kind === 'none') log.info({ checkpoint: kind }, 'no read-model checkpoint yet; folding the whole log')
  else
    log.info(
      { checkpoint: kind, position: report.position.toString(), bytes: report.bytes, seconds: report.seconds },
      `read-model checkpoint ${kind}`,
    )
}

async function main(): Promise<void> {
  const config = loadApiConfig(process.env)
  // Older event versions are read as the current ones on every path (see upcasting).
  const store = await openDomainStore(config.store)
  // Seeds go through command handling like any client's commands. Loaded before the read models
  // start, they are history the read models catch up with, so /readyz says ready only once the
  // whole demo is applied.
  try {
    if (config.seed === 'demo') await seedDemo(store)
  } catch (error) {
    await store.close()
    throw error
  }
  // Reports come from the start, before the server (and its log) exists: the first are held.
  let log: FastifyBaseLogger | undefined
  const early: CheckpointReport[] = []
  const live = new LiveReadModels(store, {
    ...(config.checkpointDirectory !== null && { checkpoints: new Checkpoints(config.checkpointDirectory) }),
    onCheckpoint: (report) => (log === undefined ? early.push(report) : logCheckpoint(log, report)),
  })
  // Degraded rather than dead: queries keep answering from what was read before the failure.
  live.onFailure((failure) => {
    const { status, reason } = failureStatus(failure)
    process.stderr.write(`Treguesi is ${status}: ${reason}; queries answer from the read models as they were then (see /readyz)\n`)
  })
  const jwtSecret = config.jwtSecret ?? randomBytes(32).toString('hex')
  const app = await buildServer({ store, live, config: { ...config, jwtSecret } })
  log = app.log
  for (const report of early.splice(0)) logCheckpoint(log, report)
  if (config.checkpointDirectory === null)
    app.log.info('read-model checkpoints are off: every start folds the whole log (set TREGUESI_CHECKPOINT_DIR)')
  const release = async (): Promise<void> => {
    await app.close()
    await live.stop()
    await store.close()
  }

  // SIGINT and SIGTERM may both arrive; the service is released once.
  let closing: Promise<void> | undefined
  const shutdown = (signal: NodeJS.Signals): Promise<void> =>
    (closing ??= (async () => {
      app.log.info({ signal }, 'shutting down')
      await release()
    })())
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)

  try {
    await app.listen({ host: config.host, port: config.port })
  } catch (error) {
    await release()
    throw error
  }
  const { port } = app.server.address() as AddressInfo
  const where = config.store.store === 'sqlite' ? config.store.path : 'EventStoreDB'
  const base = `http://${config.host}:${port}`
  process.stdout.write(`Treguesi is listening on ${base} (store: ${config.store.store}, ${where})\n`)
  process.stdout.write(`GraphQL: ${base}/graphql · GraphiQL (in a browser): ${base}/graphiql\n`)
  if (config.jwtSecret === null) {
    // Only with a secret made up for this run: a configured secret's admin tokens are issued elsewhere.
    const token = app.signToken({ id: 'development-admin', role: 'admin', municipalities: [] }, '12h')
    process.stdout.write(`Development admin token (valid 12 hours, until this process stops): ${token}\n`)
  }
}

main().catch((error: unknown) => {
  if (isTreguesiError(error)) {
    process.stderr.write(`Treguesi did not start: ${error.message} [${error.code}]\n`)
  } else {
    process.stderr.write(`Treguesi did not start: ${inspect(error)}\n`)
  }
  process.exitCode = 1
})
