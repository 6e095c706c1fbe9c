/**
 * The Treguesi API over one SQLite log, and beside it, in the same process, a bare fastify app
 * that answers with bodies set beforehand: the baseline of serving a response that costs nothing
 * to compute. Run as a child of the HTTP benchmarks so that the load generator does not share
 * this event loop. Prints one JSON line ({ api, static, catchUpSeconds, asOfIndexSeconds,
 * adminToken, viewerToken }) when ready; stops on SIGTERM.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { LiveReadModels } from '@treguesi/read-models'
import { buildServer } from '@treguesi/api/server'
import Fastify from 'fastify'
import { openLog } from './data.js'

const path = process.argv[2]
if (path === undefined) throw new Error('usage: serve.js <sqlite log>')

const store = await openLog(path)
const started = performance.now()
const live = new LiveReadModels(store)
// The server is built only once the read models have caught up. Built at once, as the service's
// main does, it did not start on the 1M-event log: the GraphQL plugin missed fastify's plugin
// timeout while the read models were folding the log (docs/benchmarks.md).
await live.untilCaughtUp()
const catchUpSeconds = Math.round((performance.now() - started) / 100) / 10
process.stderr.write(`  · serve: read models caught up with the log in ${catchUpSeconds} s\n`)
const app = await buildServer({
  store,
  live,
  config: {
    logLevel: 'silent',
    jwtSecret: 'benchmark-secret-'.padEnd(48, 'x'),
    consistencyTimeoutMs: 30_000,
    // The load comes from one address and two tokens, as fast as the service answers: what the
    // limits per caller are there to refuse. The benchmarks measure what the service can serve,
    // so those limits are set past any run's request count; the rest of the protection is as
    // deployed.
    protection: { rates: { anonymous: 1e9, authenticated: 1e9 } },
  },
})
const api = await app.listen({ host: '127.0.0.1', port: 0 })

// The as-of index folds the log once more when the GraphQL plugin starts. A query as of the first
// position waits until it is ready, so no measurement shares the machine with that fold. (Without
// as-of support the query is refused at once, which is as good.)
const indexStarted = performance.now()
await fetch(`${api}/graphql`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: 'query { plan(id: "00000000-0000-4000-8000-000000000000", asOf: { position: "1" }) { id } }' }),
}).then((response) => response.text())
const asOfIndexSeconds = Math.round((performance.now() - indexStarted) / 100) / 10
process.stderr.write(`  · serve: the as-of index was ready ${asOfIndexSeconds} s later\n`)

const bodies = new Map<string, string>()
const bare = Fastify({ logger: false })
bare.post<{ Params: { name: string } }>('/static/:name', async (request, reply) => {
  reply.type('application/json; charset=utf-8')
  return bodies.get(request.params.name) ?? '{}'
})
bare.put<{ Params: { name: string }; Body: string }>('/control/:name', async (request) => {
  bodies.set(request.params.name, request.body)
  return { ok: true }
})
// The API process's memory as Node reports it (resident, heap, buffers), for the hostile group;
// with ?gc after a full collection (the gc function, exposed here rather than by a flag of the
// process, so that the API runs as it would without it).
setFlagsFromString('--expose-gc')
const collect = runInNewContext('gc') as () => void
bare.get<{ Querystring: { gc?: string } }>('/control/memory', async (request) => {
  if (request.query.gc !== undefined) collect()
  return process.memoryUsage()
})
bare.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: 64 * 1024 * 1024 }, (_request, body, done) => done(null, body))
const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 })

const stop = async (): Promise<void> => {
  await bare.close()
  await app.close()
  await live.stop()
  await store.close()
  process.exit(0)
}
process.once('SIGTERM', () => void stop())

// The access plugin decorates the app with signToken; its type augmentation is not exported.
const signer = app as unknown as { signToken(principal: { id: string; role: string; municipalities: string[] }, expiresIn: string): string }
process.stdout.write(
  `${JSON.stringify({
    api,
    static: bareUrl,
    catchUpSeconds,
    asOfIndexSeconds,
    adminToken: signer.signToken({ id: 'benchmark-admin', role: 'admin', municipalities: [] }, '12h'),
    viewerToken: signer.signToken({ id: 'benchmark-viewer', role: 'viewer', municipalities: [] }, '12h'),
  })}\n`,
)
