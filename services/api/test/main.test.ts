import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import BetterSqlite3 from 'better-sqlite3'
import t, { type Test } from 'tap'
import { formatHead, verifyLog } from '@treguesi/audit'
import { executeCommand, openDomainStore } from '@treguesi/commands'
import { collect } from '@treguesi/event-store/contract'
import { startEventStoreDbTestServer } from '@treguesi/eventstoredb-test-server'
import { completeSeeds, loadSeeds, seeds } from '@treguesi/seeds'
import { tokenIssuer } from '@treguesi/tokens'

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
  t.ok(
    existsSync(join(dir, 'data', 'treguesi.db.checkpoints', 'read-models.checkpoint')),
    'the read models are saved beside the log at a stop',
  )

  const again = runService(t, { ...env, LOG_LEVEL: 'info', TREGUESI_JWT_SECRET: 'configured-secret-'.padEnd(40, 'z') })
  const secondUrl = await again.url
  t.equal((await readiness(secondUrl)).body.headPosition, ready.body.headPosition, 'a store that has events is not seeded again')
  const viewer = await fetch(`${secondUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ viewer { role } }' }),
  })
  t.equal(viewer.status, 401, "the previous run's token is not valid under another secret")
  again.kill('SIGTERM')
  const second = await again.exit
  t.notMatch(second.stdout, /Development admin token/, 'no token is printed when the secret is configured')
  t.match(
    second.stdout,
    new RegExp(`"checkpoint":"loaded","position":"${String(ready.body.headPosition)}"`),
    'the next start loads them instead of folding the log',
  )
})

t.test('a checkpoint that cannot be read or written is logged, and the service runs on the whole log', async (t) => {
  const dir = tempDir(t)
  const blocked = join(dir, 'not-a-directory')
  writeFileSync(blocked, '')
  const run = runService(t, { PORT: '0', LOG_LEVEL: 'info', TREGUESI_DB_PATH: join(dir, 'treguesi.db'), TREGUESI_CHECKPOINT_DIR: blocked })
  t.equal((await readiness(await run.url)).status, 200)
  run.kill('SIGTERM')
  const { code, stdout } = await run.exit
  t.equal(code, 0)
  t.match(stdout, /"level":40,.*"checkpoint":"rejected".*read-model checkpoint refused; folding the whole log/)
  t.match(stdout, /"level":50,.*"checkpoint":"failed".*read-model checkpoint not saved/)
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

t.test(
  'with TREGUESI_JWT_SECRET set, a token issued with that secret names its bearer; one made with another secret is refused',
  async (t) => {
    const secret = 'sekreti-i-bashkise-se-elbasanit-2026-ë'
    const dir = tempDir(t)
    const run = runService(t, { PORT: '0', TREGUESI_SEED: 'none', TREGUESI_DB_PATH: join(dir, 'treguesi.db'), TREGUESI_JWT_SECRET: secret })
    const url = await run.url
    const viewer = async (bearer: string) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify({ query: '{ viewer { id role municipalities } }' }),
      })
      return { status: response.status, body: (await response.json()) as Record<string, unknown> }
    }
    // As `treguesi token issue` makes them (services/cli/test/token.test.ts checks that it does).
    const editor = { id: 'arta.hoxha', role: 'editor', municipalities: ['ELB'] } as const
    const issued = tokenIssuer(secret)(editor, { lifetimeSeconds: 8 * 3600, now: Date.now() })
    t.same(await viewer(issued), { status: 200, body: { data: { viewer: { id: 'arta.hoxha', role: 'editor', municipalities: ['ELB'] } } } })
    const foreign = tokenIssuer('a-different-secret-of-at-least-32-characters')(editor, { lifetimeSeconds: 3600, now: Date.now() })
    t.match(await viewer(foreign), { status: 401, body: { errors: [{ extensions: { trgCode: 'TRG_UNAUTHENTICATED' } }] } })
    run.kill('SIGTERM')
    t.notMatch((await run.exit).stdout, /Development admin token/, 'with a configured secret no development token is printed')
  },
)

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

/** The same log: every event's place, identity and content (not its record time), and the verified head. */
async function fingerprint(path: string): Promise<{ events: unknown[]; head: string | null }> {
  const store = await openDomainStore({ store: 'sqlite', path, sync: 'normal' })
  try {
    const events = (await collect(store.recorded.readAll())).map(({ recordedAt: _recordedAt, ...event }) => event)
    const { head } = await verifyLog(store.recorded)
    return { events, head: head && formatHead(head) }
  } finally {
    await store.close()
  }
}

/** The seed load of the service in a child process (support/seed-load-process.ts), killed part-way. */
function seedLoad(t: Test, path: string, pauseAfter?: number) {
  const child = spawn(process.execPath, [...process.execArgv, seedLoadPath], {
    env: { ...process.env, TREGUESI_DB_PATH: path, ...(pauseAfter !== undefined && { SEED_PAUSE_AFTER: String(pauseAfter) }) },
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  let acknowledged = 0
  const lines = createInterface({ input: child.stdout! })
  const firstLine = new Promise<void>((resolve) => lines.once('line', () => resolve()))
  const paused = new Promise<void>((resolve) =>
    lines.on('line', (line) => {
      const [word, count] = line.split(' ')
      if (word === 'appended') acknowledged = Number(count)
      if (acknowledged === pauseAfter) resolve()
    }),
  )
  // 'close': only once stdout is drained has every printed line been counted.
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)))
  t.teardown(() => {
    child.kill('SIGKILL')
  })
  return { firstLine, paused, exited, acknowledged: () => acknowledged, kill: () => child.kill('SIGKILL') }
}

const seedLoadPath = fileURLToPath(new URL('./support/seed-load-process.ts', import.meta.url))

/** The fingerprint of the log an uninterrupted demo load writes. */
async function wholeDemo(t: Test) {
  const reference = join(tempDir(t), 'whole.db')
  const whole = await openDomainStore({ store: 'sqlite', path: reference, sync: 'normal' })
  await loadSeeds(whole, seeds)
  await whole.close()
  return fingerprint(reference)
}

t.test('a demo load killed part-way is finished by the next start, to the log an uninterrupted load writes', async (t) => {
  const expected = await wholeDemo(t)
  t.equal(expected.events.length, 620)

  // Killed twice while loading (the second time while finishing the first load), then started.
  const path = join(tempDir(t), 'treguesi.db')
  for (const [pauseAfter, total] of [
    [90, 90],
    [210, 300],
  ] as const) {
    const load = seedLoad(t, path, pauseAfter)
    await load.paused
    load.kill()
    t.equal(await load.exited, 'SIGKILL', `killed after ${total} events`)
    t.equal((await fingerprint(path)).events.length, total, `the log holds the first ${total} seed events`)
  }
  const run = runService(t, { PORT: '0', TREGUESI_DB_PATH: path })
  const ready = await readiness(await run.url)
  t.match(ready, { status: 200, body: { status: 'ready', headPosition: '620', readModelsPosition: '620' } }, 'ready on the whole demo')
  run.kill('SIGTERM')
  t.equal((await run.exit).code, 0)
  t.same(await fingerprint(path), expected, 'the same events in the same places, the same verified head')

  const again = runService(t, { PORT: '0', TREGUESI_DB_PATH: path })
  t.match(await readiness(await again.url), { status: 200, body: { headPosition: '620' } }, 'a complete demo is left as it is')
  again.kill('SIGTERM')
  await again.exit
})

t.test('a demo load killed at random moments: each start finishes it alike', async (t) => {
  const expected = await wholeDemo(t)
  for (let cycle = 0; cycle < 3; cycle++) {
    const path = join(tempDir(t), `cycle-${cycle}.db`)
    const load = seedLoad(t, path)
    await load.firstLine
    await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 300)))
    load.kill()
    await load.exited
    const recorded = (await fingerprint(path)).events.length
    t.ok(
      recorded >= load.acknowledged(),
      `cycle ${cycle}: every acknowledged append is there (${load.acknowledged()} acknowledged, ${recorded} recorded)`,
    )
    const store = await openDomainStore({ store: 'sqlite', path, sync: 'normal' })
    await completeSeeds(store, seeds)
    await store.close()
    t.same(await fingerprint(path), expected, `cycle ${cycle}: finished, the same log`)
  }
})

t.test('a log that cannot be read starts degraded, says why, and keeps answering', async (t) => {
  const path = join(tempDir(t), 'treguesi.db')
  const seeded = await openDomainStore({ store: 'sqlite', path, sync: 'normal' })
  await loadSeeds(seeded, seeds)
  await seeded.close()
  const rows = (): unknown => {
    const raw = new BetterSqlite3(path, { readonly: true })
    try {
      return raw.prepare('SELECT position, data, metadata FROM events ORDER BY position').all()
    } finally {
      raw.close()
    }
  }
  const raw = new BetterSqlite3(path)
  raw.prepare('UPDATE events SET data = \'{"planId": \' WHERE position = 120').run()
  raw.close()
  const before = rows()
  // The demo seeds are checked first, and their check meets the damage too: the log is left alone.
  const run = runService(t, { PORT: '0', TREGUESI_DB_PATH: path })
  const url = await run.url
  const ready = await readiness(url)
  t.equal(ready.status, 503)
  t.match(ready.body, {
    status: 'degraded',
    headPosition: '620',
    readModelsPosition: '119',
    position: '120',
    code: 'TRG_EVENT_UNREADABLE',
    reason: /^The event at position 120 cannot be read: its data is not valid JSON .*\[TRG_EVENT_UNREADABLE\]$/,
  })
  const answer = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ plans { totalCount } }' }),
  })
  t.match(await answer.json(), { data: { plans: { totalCount: Number } } }, 'GraphQL answers')
  run.kill('SIGTERM')
  const exit = await run.exit
  t.equal(exit.code, 0, 'it ran until it was stopped')
  t.match(
    exit.stderr,
    /^Treguesi is degraded: The event at position 120 cannot be read: .* \[TRG_EVENT_UNREADABLE\]; queries answer from the read models as they were then \(see \/readyz\)\n/,
  )
  t.notMatch(exit.stderr, /SyntaxError|\n\s+at /, 'no stack trace')
  t.same(rows(), before, 'nothing was written')
})

t.test('a log whose seed events go another way than the seeds stops start-up with the refusal', async (t) => {
  const path = join(tempDir(t), 'treguesi.db')
  const store = await openDomainStore({ store: 'sqlite', path, sync: 'normal' })
  const [first] = seeds
  // The first seed command, then someone else's draft of the plan the seed drafts next.
  await loadSeeds(store, [{ ...first!, commands: first!.commands.slice(0, 1) }])
  const { occurredAt, ...draft } = first!.commands[1]!
  await executeCommand(store, draft, { commandId: randomUUID(), actor: { id: 'admin-1', role: 'admin' }, occurredAt })
  await store.close()
  const exit = await runService(t, { PORT: '0', TREGUESI_DB_PATH: path }).exit
  t.equal(exit.code, 1)
  t.match(exit.stderr, /^Treguesi did not start: plan [0-9a-f-]+ already exists \[TRG_ALREADY_EXISTS\]\n$/)
})
