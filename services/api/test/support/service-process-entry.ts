/**
 * The test service (./service.ts) in a process of its own, started by ./service-process.ts with
 * its options as JSON in argv[2]. Prints one JSON line ({ url, path, authorizations }) once it
 * listens; closes and removes its folder on SIGTERM.
 */
import { authorizations } from './fuzz-harness.js'
import { openService, type ServiceOptions } from './service.js'

const service = await openService(JSON.parse(process.argv[2] ?? '{}') as ServiceOptions)
process.once('SIGTERM', () => {
  void service.close().then(() => process.exit(0))
})
process.stdout.write(`${JSON.stringify({ url: service.url, path: service.path, authorizations: authorizations(service) })}\n`)
