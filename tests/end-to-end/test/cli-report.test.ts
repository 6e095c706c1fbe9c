import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createServer as createNetServer } from 'node:net'
import { join } from 'node:path'
import { Readable, Writable } from 'node:stream'
import t, { type Test } from 'tap'
import { buildServer } from '@treguesi/api/server'
import { openDomainStore } from '@treguesi/commands'
import { LiveReadModels } from '@treguesi/read-models'
import { loadSeeds, seedId, seeds } from '@treguesi/seeds'
import { runCli } from '@treguesi/cli/cli'
import { cli, tempDir } from '@treguesi/cli/testing'

const elbasan = seedId('elbasan-gender-equality', 'plan', 'PVVBGJ 2022-2024')
const admin = { id: 'admin-1', role: 'admin', municipalities: [] } as const

/** The API service as `npm start` runs it, on a SQLite file holding the seed plans, on a free port. */
async function startService(t: Test) {
  const store = await openDomainStore({ store: 'sqlite', path: join(tempDir(t), 'treguesi.db'), sync: 'normal' })
  await loadSeeds(store, seeds)
  const live = new LiveReadModels(store)
  const app = await buildServer({
    store,
    live,
    config: { logLevel: 'silent', consistencyTimeoutMs: 2000, jwtSecret: 'cli-report-test-secret-'.padEnd(40, 'x') },
  })
  t.teardown(async () => {
    await app.close()
    await live.stop()
    await store.close()
  })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  await live.untilCaughtUp()
  return { url, app }
}

/** A port nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createNetServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  await once(server, 'close')
  return port
}

/** Runs the CLI keeping stdout as bytes, as a shell redirecting it to a file would. */
async function cliBytes(env: Record<string, string>, args: string[]): Promise<{ code: number; stdout: Buffer }> {
  const chunks: Buffer[] = []
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk)
      done()
    },
  })
  const stderr = new Writable({ write: (_chunk, _encoding, done) => done() })
  const code = await runCli(args, { env, stdin: Readable.from([]), stdout, stderr })
  return { code, stdout: Buffer.concat(chunks) }
}

t.test('report: the PDF to a file, whole, and the same bytes to stdout', async (t) => {
  const { url } = await startService(t)
  const dir = tempDir(t)
  const out = join(dir, 'elbasan-2024.pdf')
  const run = await cli({}, ['report', elbasan, '--period', '2024', '--out', out, '--url', url])
  t.equal(run.code, 0, run.stderr)
  t.equal(run.stdout, '')
  const written = readFileSync(out)
  t.equal(written.subarray(0, 5).toString('latin1'), '%PDF-')
  t.equal(run.stderr, `report of plan ${elbasan} for 2024 (pdf, ${written.byteLength} bytes) written to ${out}\n`)
  t.same(readdirSync(dir), ['elbasan-2024.pdf'], 'no temporary file left beside it')

  const piped = await cliBytes({ TREGUESI_URL: url }, ['report', elbasan, '--period', '2024'])
  t.equal(piped.code, 0)
  t.equal(piped.stdout.subarray(0, 5).toString('latin1'), '%PDF-')
  t.ok(piped.stdout.includes(Buffer.from('%%EOF')), 'binary and whole on stdout')
})

t.test('report: the HTML to stdout in English, for the last year unless a period is given', async (t) => {
  const { url } = await startService(t)
  const run = await cli({ TREGUESI_URL: `${url}/` }, ['report', elbasan, '--format', 'html', '--lang', 'en'])
  t.equal(run.code, 0, run.stderr)
  t.match(run.stdout, /^<!DOCTYPE html>/i)
  t.match(run.stdout, 'Monitoring report for 2024')
  t.match(run.stderr, new RegExp(`^report of plan ${elbasan} for its last year \\(html, \\d+ bytes\\) written to stdout\\n$`))
  const albanian = await cli({}, ['report', elbasan, '--format', 'html', '--period', '2023', '--url', url])
  t.match(albanian.stdout, 'Raporti i monitorimit për periudhën 2023', 'Albanian when no language is asked')
})

t.test('report: what the service refuses, with its code and message, and nothing written', async (t) => {
  const { url } = await startService(t)
  const dir = tempDir(t)
  const out = join(dir, 'report.pdf')
  const badPeriod = await cli({}, ['report', elbasan, '--period', '1989', '--lang', 'en', '--out', out, '--url', url])
  t.equal(badPeriod.code, 2, 'input the service refuses is bad usage')
  t.match(badPeriod.stderr, /^treguesi report: \[TRG_INVALID_VALUE\] "1989" is not a valid /)
  t.equal(badPeriod.stderr.split('\n').length, 2, 'one line')
  t.same(readdirSync(dir), [], 'no file')

  const unknown = await cli({}, ['report', 'no-such-plan', '--url', url])
  t.same(unknown, {
    code: 1,
    stdout: '',
    stderr: 'treguesi report: the service answered 404: no plan no-such-plan that the token may read\n',
  })

  const expired = await cli({ TREGUESI_TOKEN: 'not.a.token' }, ['report', elbasan, '--lang', 'en', '--url', url])
  t.equal(expired.code, 1)
  t.match(expired.stderr, /^treguesi report: \[TRG_UNAUTHENTICATED\] .+\n$/, 'a refusal before the route, from its JSON')

  const taken = join(dir, 'taken')
  mkdirSync(taken)
  const written = await cli({}, ['report', elbasan, '--period', '2024', '--format', 'html', '--out', taken, '--url', url])
  t.equal(written.code, 1)
  t.match(written.stderr, new RegExp(`^treguesi report: cannot write ${taken} \\(.+\\)\\n$`))
  t.same(readdirSync(dir), ['taken'], 'the temporary file beside it is removed')
})

t.test('report: a token from TREGUESI_TOKEN reads what anonymous may not', async (t) => {
  const { url, app } = await startService(t)
  const token = app.signToken(admin, '1h')
  const planId = randomUUID()
  const drafted = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: {
      query: 'mutation ($input: DraftPlanInput!) { draftPlan(input: $input) { position } }',
      variables: {
        input: {
          commandId: randomUUID(),
          planId,
          municipality: 'ELB',
          kind: 'gender_equality',
          title: { sq: 'Plan i ri për barazinë gjinore', en: 'A new gender equality plan' },
          period: { from: 2025, to: 2027 },
        },
      },
    },
  })
  t.equal(drafted.json().errors, undefined)

  const out = join(tempDir(t), 'draft.html')
  const args = ['report', planId, '--format', 'html', '--lang', 'en', '--out', out]
  const anonymous = await cli({ TREGUESI_URL: url }, args)
  t.match(anonymous, { code: 1, stderr: `the service answered 404: no plan ${planId} that the token may read` })
  const signedIn = await cli({ TREGUESI_URL: url, TREGUESI_TOKEN: ` ${token}\n` }, args)
  t.equal(signedIn.code, 0, signedIn.stderr)
  t.match(readFileSync(out, 'utf8'), 'A new gender equality plan')
  t.match(readFileSync(out, 'utf8'), 'Monitoring report for 2027')
})

t.test('report: a service that is not there, or answers what it never would', async (t) => {
  const port = await closedPort()
  const missing = await cli({}, ['report', elbasan, '--url', `https://127.0.0.1:${port}`])
  t.same(missing, {
    code: 1,
    stdout: '',
    stderr: `treguesi report: the service at https://127.0.0.1:${port}/ is not reachable (connect ECONNREFUSED 127.0.0.1:${port}): start it with npm start, or give --url\n`,
  })

  // A proxy in front of the service, answering for it when it is down.
  const proxy = createServer((_request, response) => response.writeHead(502, { 'content-type': 'text/plain' }).end('Bad Gateway'))
  proxy.listen(0, '127.0.0.1')
  await once(proxy, 'listening')
  t.teardown(() => proxy.close())
  const { port: proxyPort } = proxy.address() as { port: number }
  const gateway = await cli({}, ['report', elbasan, '--url', `http://127.0.0.1:${proxyPort}/treguesi`])
  t.same(gateway, { code: 1, stdout: '', stderr: 'treguesi report: the service answered 502\n' })
})

t.test('report: wrong arguments are refused before any request, with the usage', async (t) => {
  const usage = /\nusage: npm run treguesi -- report <planId> \[--period 2024\]/
  for (const [args, env, problem] of [
    [['report'], {}, /give the id of the plan/],
    [['report', ''], {}, /give the id of the plan/],
    [['report', 'a', 'b'], {}, /unexpected argument "b"/],
    [['report', 'a', '--format', 'docx'], {}, /--format must be pdf or html, not "docx"/],
    [['report', 'a', '--lang', 'de'], {}, /--lang must be sq or en, not "de"/],
    [
      ['report', 'a', '--period', '2024-13'],
      {},
      /--period must be a year \(2024\), a half-year \(2024-H1\) or a quarter \(2024-Q3\), not "2024-13"/,
    ],
    [
      ['report', 'a', '--url', '127.0.0.1:4000'],
      {},
      /--url must be the service's http\(s\) address, such as http:\/\/127\.0\.0\.1:4000, not "127\.0\.0\.1:4000"/,
    ],
    [['report', 'a', '--url', 'localhost:4000'], {}, /--url must be the service's http\(s\) address/],
    [['report', 'a'], { TREGUESI_URL: 'ftp://example.org' }, /TREGUESI_URL must be the service's http\(s\) address/],
    [['report', 'a'], { TREGUESI_TOKEN: 'Bearer eyJ.x.y' }, /TREGUESI_TOKEN must be a bearer token, as `token issue` prints it/],
    [['report', 'a', '--token', 'x'], {}, /Unknown option '--token'/],
  ] as Array<[string[], Record<string, string>, RegExp]>) {
    const run = await cli(env, args)
    t.equal(run.code, 2, args.join(' '))
    t.equal(run.stdout, '')
    t.match(run.stderr, problem)
    t.match(run.stderr, usage)
  }
})
