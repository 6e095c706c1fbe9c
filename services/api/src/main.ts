import type { AddressInfo } from 'node:net'
import { inspect } from 'node:util'
import { isTreguesiError } from '@treguesi/errors'
import { openEventStore } from '@treguesi/event-store'
import { loadApiConfig } from './config.js'
import { buildServer } from './server.js'

async function main(): Promise<void> {
  const config = loadApiConfig(process.env)
  const store = await openEventStore(config.store)
  const app = buildServer({ store, logLevel: config.logLevel })

  let closing: Promise<void> | undefined
  const shutdown = (signal: NodeJS.Signals): void => {
    closing ??= (async () => {
      app.log.info({ signal }, 'shutting down')
      await app.close()
      await store.close()
    })()
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)

  await app.listen({ host: config.host, port: config.port })
  const { port } = app.server.address() as AddressInfo
  const where = config.store.store === 'sqlite' ? config.store.path : 'EventStoreDB'
  process.stdout.write(`Treguesi is listening on http://${config.host}:${port} (store: ${config.store.store}, ${where})\n`)
}

main().catch((error: unknown) => {
  if (isTreguesiError(error)) {
    process.stderr.write(`Treguesi did not start: ${error.message} [${error.code}]\n`)
  } else {
    process.stderr.write(`Treguesi did not start: ${inspect(error)}\n`)
  }
  process.exitCode = 1
})
