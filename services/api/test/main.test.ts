import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t, { type Test } from 'tap'
import { startEventStoreDbTestServer } from '@treguesi/eventstoredb-test-server'

const mainPath = fileURLToPath(new URL('../src/main.ts', import.meta.url))

interface Run {
  readonly url: Promise<string>
  readonly exit: Promise<{ code: number | null; stdout: string; stderr: string }>
  kill(signal: NodeJS.Signals): void
}

function runService(t: Test, env: Record<string, string>): Run {
  const child = spawn(process.execPath, [...process.execArgv, mainPath], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  let announce: (url: string) => void = () => {}
  const url = new Promise<string>((resolve) => (announce = resolve))
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8')
    const found = /listening on (http:\/\/\S+)/.exec(stdout)
    if (found) announce(found[1]!)
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  )
  t.teardown(() => {
    child.kill('SIGKILL')
  })
  return { url, exit, kill: (signal) => child.kill(signal) }
}

function tempDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'treguesi-api-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

async function readiness(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  for (;;) {
    const response = await fetch(`${url}/readyz`)
    const body = (await response.json()) as Record<string, unknown>
    if (response.status === 200 || body.status !== 'catching-up') return { status: response.status, body }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

t.test('starts on the embedded store with the demo plans, serves GraphQL, stops on SIGTERM', async (t) => {
  const dir = tempDir(t)
  const env = { PORT: '0', TREGUESI_DB_PATH: join(dir, 'data', 'treguesi.db') }
  const run = runService(t, env)
  const url = await run.url
  t.match(url, /^http:\/\/127\.0\.0\.1:\d+$/)
  const health = await fetch(`${url}/healthz`)
  t.equal(health.status, 200)
  t.same(await health.json(), { status: 'ok' })
  const ready = await readiness(url)
  t.equal(ready.status, 200)
  t.match(ready.body, { status: 'ready', store: 'sqlite', headPosition: /^\d+$/ })
  t.equal(ready.body.readModelsPosition, ready.body.headPosition, 'ready once the read models reach the head')
  const graphql = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ commandTypes viewer { role } }' }),
  })
  t.match(await graphql.json(), { data: { commandTypes: ['AddArea', 'AddMeasure'], viewer: { role: 'anonymous' } } })
  run.kill('SIGTERM')
  const exit = await run.exit
  t.equal(exit.code, 0, 'a graceful shutdown exits 0')
  t.match(exit.stdout, /store: sqlite, .*treguesi\.db/)
  t.match(exit.stdout, /GraphQL: http:\/\/127\.0\.0\.1:\d+\/graphql · GraphiQL \(in a browser\): http:\/\/127\.0\.0\.1:\d+\/graphiql\n/)
  const token = /Development admin token \(valid 12 hours, until this process stops\): (\S+)/.exec(exit.stdout)?.[1]
  t.ok(token, 'a development admin token is printed')

  const again = runService(t, { ...env, TREGUESI_JWT_SECRET: 'configured-secret-'.padEnd(40, 'z') })
  const secondUrl = await again.url
  t.equal((await readiness(secondUrl)).body.headPosition, ready.body.headPosition, 'a store that has events is not seeded again')
  const viewer = await fetch(`${secondUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ viewer { role } }' }),
  })
  t.equal(viewer.status, 401, "the previous run's token is not valid under another secret")
  again.kill('SIGTERM')
  t.notMatch((await again.exit).stdout, /Development admin token/, 'no token is printed when the secret is configured')
})

t.test('starts on EventStoreDB when configured so', async (t) => {
  const server = await startEventStoreDbTestServer()
  t.teardown(() => server.close())
  const run = runService(t, {
    PORT: '0',
    TREGUESI_STORE: 'eventstoredb',
    EVENTSTORE_CONNECTION_STRING: server.connectionString,
    TREGUESI_SEED: 'none',
  })
  const url = await run.url
  t.same((await readiness(url)).body, { status: 'ready', store: 'eventstoredb', headPosition: null, readModelsPosition: null })
  run.kill('SIGTERM')
  const exit = await run.exit
  t.equal(exit.code, 0, 'a graceful shutdown exits 0')
  t.match(exit.stdout, /store: eventstoredb, EventStoreDB/)
  t.notMatch(exit.stdout, /esdb:\/\//, 'the connection string is not printed')
})

t.test('a wrong configuration stops start-up and names every variable to fix', async (t) => {
  const run = runService(t, { PORT: 'abc', TREGUESI_STORE: 'postgres', LOG_LEVEL: 'loud' })
  const exit = await run.exit
  t.equal(exit.code, 1)
  t.match(exit.stderr, /Treguesi did not start: Invalid configuration: /)
  t.match(exit.stderr, /PORT: must be a port number/)
  t.match(exit.stderr, /LOG_LEVEL: must be one of/)
  t.match(exit.stderr, /TREGUESI_STORE: must be sqlite or eventstoredb/)
  t.match(exit.stderr, /\[TRG_CONFIG_INVALID\]/)
})

t.test('a port already in use stops start-up with the reason', async (t) => {
  const blocker = createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  t.teardown(() => blocker.close())
  const port = (blocker.address() as { port: number }).port
  const dir = tempDir(t)
  const run = runService(t, { PORT: String(port), TREGUESI_DB_PATH: join(dir, 'treguesi.db') })
  const exit = await run.exit
  t.equal(exit.code, 1)
  t.match(exit.stderr, /Treguesi did not start: Error: listen EADDRINUSE/)
})
