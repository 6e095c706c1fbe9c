import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { exportLog, verifyLog } from '@treguesi/audit'
import { openDomainStore } from '@treguesi/commands'
import { SqliteEventStore, type RecordedEvent } from '@treguesi/event-store'
import { Checkpoints, emptyReadModels, foldReadModels } from '@treguesi/read-models'
import { collect } from '@treguesi/event-store/contract'
import { startEventStoreDbTestServer } from '@treguesi/eventstoredb-test-server'
import { usage } from '../src/cli.js'
import { commands } from '../src/commands.js'
import { cli, flipInFile, sqliteEnv, tempDir, writeLog } from './support.js'

const headPattern = /^\d+:[0-9a-f]{64}\n$/

async function writtenLog(t: Test): Promise<{ path: string; env: Record<string, string> }> {
  const path = join(tempDir(t), 'treguesi.db')
  await writeLog(path)
  return { path, env: sqliteEnv(path) }
}

async function lines(path: string): Promise<string[]> {
  const store = new SqliteEventStore({ path })
  try {
    return await collect(exportLog(store))
  } finally {
    await store.close()
  }
}

/** Verifies a broken log: exit 1, where and why it breaks in the report, and no head. */
async function failedVerify(
  t: Test,
  env: Record<string, string>,
  failure: { checkedEvents: number; firstBadPosition: string; reason: RegExp },
): ReturnType<typeof cli> {
  const run = await cli(env, ['verify'])
  t.equal(run.code, 1)
  t.match(JSON.parse(run.stdout), { ok: false, ...failure, head: null })
  return run
}

t.test('help lists every command; no command or an unknown one is bad usage', async (t) => {
  const help = await cli({}, ['help'])
  t.equal(help.code, 0)
  t.equal(help.stdout, `${usage()}\n`)
  for (const command of Object.values(commands)) t.match(help.stdout, command.usage)
  t.match(help.stdout, /verify \[--expect-head <position>:<hash>\]/)
  t.match(help.stdout, /Exit codes: 0 ok, 1 verification or the command failed, 2 bad usage or configuration/)
  t.same(await cli({}, ['--help']), help)
  t.same(await cli({}, ['-h']), help)
  const none = await cli({}, [])
  t.match(none, { code: 2, stdout: '', stderr: /^treguesi: no command given\n\nusage: npm run treguesi -- <command>/ })
  t.match(await cli({}, ['rebuilt']), { code: 2, stderr: /^treguesi: unknown command "rebuilt"/ })
  t.match(await cli({}, ['toString']), { code: 2, stderr: /^treguesi: unknown command "toString"/ }, 'only the table’s own commands')
})

t.test('verify: a sound log exits 0 with the result as one JSON line', async (t) => {
  const { path, env } = await writtenLog(t)
  const run = await cli(env, ['verify'])
  t.equal(run.code, 0)
  t.equal(run.stderr, '')
  const result = JSON.parse(run.stdout)
  t.match(result, { ok: true, checkedEvents: 7, firstBadPosition: null, reason: null, head: { position: '7', hash: /^[0-9a-f]{64}$/ } })
  t.equal(result.head.text, `7:${result.head.hash}`)
  t.equal(run.stdout.split('\n').length, 2, 'one line')

  const head = await cli(env, ['head'])
  t.same(head, { code: 0, stdout: `${result.head.text}\n`, stderr: '' }, 'head prints what --expect-head takes')
  t.match(await cli(env, ['verify', '--expect-head', result.head.text]), { code: 0 })
  t.match(await cli(env, ['verify', `--expect-head=${result.head.text}`]), { code: 0 })

  const other = `7:${'0'.repeat(64)}`
  const wrong = await cli(env, ['verify', '--expect-head', other])
  t.equal(wrong.code, 1)
  t.match(JSON.parse(wrong.stdout), { ok: false, firstBadPosition: '7', head: null })
  t.match(wrong.stderr, /^verification failed at position 7: the log no longer reaches the expected head/)
  const store = new SqliteEventStore({ path })
  t.match(await verifyLog(store), { ok: true }, 'the CLI changed nothing')
  await store.close()
})

t.test("verify: the read models' newest checkpoint must equal a full fold of the log", async (t) => {
  const { path, env } = await writtenLog(t)
  const directory = `${path}.checkpoints`
  t.match(JSON.parse((await cli(env, ['verify'])).stdout), { ok: true, checkpoint: { status: 'none', directory } })

  const store = await openDomainStore({ store: 'sqlite', path, sync: 'normal' })
  t.teardown(() => store.close())
  const events: RecordedEvent[] = []
  for await (const event of store.readAll()) events.push(event)
  const checkpoints = new Checkpoints(directory)
  await checkpoints.save(foldReadModels(emptyReadModels(), events.slice(0, 5)), store)
  const equal = await cli(env, ['verify'])
  t.equal(equal.code, 0)
  t.match(JSON.parse(equal.stdout), { ok: true, checkpoint: { status: 'equal', directory, position: '5', differing: [] } })

  const folded = foldReadModels(emptyReadModels(), events)
  const drifted = {
    ...folded,
    national: {
      ...folded.national,
      state: { ...folded.national.state, municipalities: { XYZ: { name: { sq: 'X' }, country: 'AL' as const } } },
    },
  }
  await checkpoints.save(drifted, store)
  const differs = await cli(env, ['verify'])
  t.equal(differs.code, 1)
  t.match(JSON.parse(differs.stdout), { ok: true, checkpoint: { status: 'differs', position: '7', differing: ['national'] } })
  t.match(
    differs.stderr,
    /^the read-model checkpoint in .*treguesi\.db\.checkpoints \(position 7\) differs from a full fold of the log: national\n$/,
  )

  writeFileSync(join(directory, 'read-models.checkpoint'), 'not a checkpoint')
  const rejected = await cli(env, ['verify'])
  t.equal(rejected.code, 0, 'a checkpoint the service would refuse is no failure of the log')
  t.match(JSON.parse(rejected.stdout), { checkpoint: { status: 'rejected', reason: /cut short/ } })
  t.match(JSON.parse((await cli({ ...env, TREGUESI_CHECKPOINT_DIR: join(tempDir(t), 'elsewhere') }, ['verify'])).stdout), {
    checkpoint: { status: 'none' },
  })
})

t.test('verify: a byte altered in the file exits 1 naming the event', async (t) => {
  const { path, env } = await writtenLog(t)
  flipInFile(path, 'vlera-e-pare')
  const run = await failedVerify(t, env, { checkedEvents: 2, firstBadPosition: '3', reason: /^indicator-1@1 .* was altered/ })
  t.match(run.stderr, /^verification failed at position 3: indicator-1@1 \(indicator\.value-reported\.v1, id [0-9a-f-]+\) was altered/)
  t.match(await cli(env, ['head']), { code: 1, stdout: '', stderr: /^verification failed at position 3/ }, 'no head of a broken log')
})

t.test('verify: an event whose JSON is broken in the file exits 1 naming its position, not a stack', async (t) => {
  const { path, env } = await writtenLog(t)
  // Every byte of the quoted value flipped into a control character: no longer JSON.
  flipInFile(path, '"42.0"')
  const run = await failedVerify(t, env, {
    checkedEvents: 5,
    firstBadPosition: '6',
    reason: /^the event at position 6 cannot be read: its data is not valid JSON \(.+\)$/,
  })
  t.match(run.stderr, /^verification failed at position 6: the event at position 6 cannot be read: its data is not valid JSON/)
  t.notMatch(run.stderr, /SyntaxError|\n\s+at /, 'no stack trace')
  t.match(
    await cli(env, ['export']),
    { code: 1, stderr: /^treguesi export: The event at position 6 cannot be read: .* \[TRG_EVENT_UNREADABLE\]\n$/ },
    'a command that must read it says which event and the code',
  )
})

t.test('verify: bad arguments exit 2 with the usage', async (t) => {
  const { env } = await writtenLog(t)
  for (const args of [
    ['verify', '--expect-head', '7'],
    ['verify', '--expect-head'],
    ['verify', '--expect', 'x'],
    ['verify', 'now'],
    ['head', '--all'],
  ]) {
    const run = await cli(env, args)
    t.equal(run.code, 2, args.join(' '))
    t.equal(run.stdout, '')
    t.match(run.stderr, new RegExp(`^treguesi ${args[0]}: .*\\nusage: npm run treguesi -- ${args[0]}`))
  }
  t.match(
    (await cli(env, ['verify', '--expect-head', '7'])).stderr,
    /--expect-head must be <position>:<sha-256 in hex>, as `head` prints it, not "7"/,
  )
  t.match((await cli(env, ['verify', 'now'])).stderr, /unexpected argument "now"/)
})

t.test('head of an empty log: nothing to print', async (t) => {
  const run = await cli(sqliteEnv(join(tempDir(t), 'new', 'treguesi.db')), ['head'])
  t.same(run, { code: 0, stdout: '', stderr: 'the log is empty: it has no head yet\n' })
})

t.test('seal: appends a seal, once per new events; up to a position', async (t) => {
  const { env } = await writtenLog(t)
  const first = await cli(env, ['seal'])
  t.equal(first.code, 0)
  t.match(JSON.parse(first.stdout), { sealed: true, seal: { position: '8', events: '7', upTo: '7', hash: /^[0-9a-f]{64}$/ } })
  t.match(JSON.parse((await cli(env, ['seal'])).stdout), { sealed: false, seal: { position: '8' } })
  t.match(await cli(env, ['verify']), { code: 0 })

  const other = await writtenLog(t)
  t.match(JSON.parse((await cli(other.env, ['seal', '--up-to', '6'])).stdout), { sealed: true, seal: { events: '6', upTo: '6' } })
  t.match(await cli(other.env, ['seal', '--up-to', 'six']), {
    code: 2,
    stderr: /--up-to must be a log position \(a whole number\), not "six"/,
  })
})

t.test('export: NDJSON on stdout, the whole log or one stream', async (t) => {
  const { path, env } = await writtenLog(t)
  const all = await cli(env, ['export'])
  t.equal(all.code, 0)
  t.equal(all.stdout, `${(await lines(path)).join('\n')}\n`)
  const plan = await cli(env, ['export', '--stream', 'plan-1'])
  t.same(
    plan.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line).revision),
    ['0', '1', '2'],
  )
  t.equal((await cli(env, ['export', '--stream', 'nothing-here'])).stdout, '')
})

t.test('import: from a file or stdin into an empty store; the copy verifies', async (t) => {
  const { path, env } = await writtenLog(t)
  const exported = await lines(path)
  const file = join(tempDir(t), 'backup.ndjson')
  writeFileSync(file, `${exported.join('\r\n')}\r\n`)
  const original = JSON.parse((await cli(env, ['verify'])).stdout)

  const copy = sqliteEnv(join(tempDir(t), 'copy.db'))
  const run = await cli(copy, ['import', file])
  t.same(run, { code: 0, stdout: '{"imported":7,"head":"7"}\n', stderr: '' })
  const { checkpoint: _none, ...copied } = JSON.parse((await cli(copy, ['verify'])).stdout) as Record<string, unknown>
  const { checkpoint: _original, ...expected } = original as Record<string, unknown>
  t.same(copied, expected, 'the same result, head included')
  t.equal((await cli(copy, ['export'])).stdout, `${exported.join('\n')}\n`, 'record times kept too')

  const fromStdin = sqliteEnv(join(tempDir(t), 'stdin.db'))
  t.match(await cli(fromStdin, ['import'], exported), { code: 0, stdout: '{"imported":7,"head":"7"}\n' })
  const dash = sqliteEnv(join(tempDir(t), 'dash.db'))
  t.match(await cli(dash, ['import', '-'], exported.slice(0, 3)), { code: 0, stdout: '{"imported":3,"head":"3"}\n' })
})

t.test('import: refusals', async (t) => {
  const { path, env } = await writtenLog(t)
  const exported = await lines(path)
  t.match(await cli(env, ['import'], exported), {
    code: 1,
    stdout: '',
    stderr:
      /^treguesi import: event store sqlite is not empty: it cannot be imported into \(an import needs an empty store\) \[TRG_INVALID_STATE\]\n$/,
  })
  const target = () => sqliteEnv(join(tempDir(t), 'copy.db'))
  t.match(await cli(target(), ['import'], ['{"position":"1"}']), {
    code: 2,
    stderr: /^treguesi import: "line 1" is not a valid Treguesi export line: .* \[TRG_INVALID_VALUE\]/,
  })
  t.match(await cli(target(), ['import', join(tempDir(t), 'missing.ndjson')]), {
    code: 2,
    stderr: /^treguesi import: cannot read .*missing\.ndjson: ENOENT/,
  })
  t.match(await cli(target(), ['import', 'a', 'b']), { code: 2, stderr: /unexpected argument "b"/ })
})

t.test('configuration and store errors', async (t) => {
  t.match(await cli({ TREGUESI_STORE: 'postgres' }, ['verify']), {
    code: 2,
    stderr: /^treguesi verify: Invalid configuration: TREGUESI_STORE: must be sqlite or eventstoredb \[TRG_CONFIG_INVALID\]\n$/,
  })
  const dir = tempDir(t)
  const run = await cli(sqliteEnv(dir), ['verify'])
  t.equal(run.code, 1, 'a store that cannot be opened')
  t.match(run.stderr, /^treguesi verify: SqliteError: /)
})

t.test('EventStoreDB: import, verify and seal over the same commands', async (t) => {
  const { path } = await writtenLog(t)
  const exported = await lines(path)
  const server = await startEventStoreDbTestServer()
  t.teardown(() => server.close())
  const env = { TREGUESI_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: server.connectionString }
  t.match(await cli(env, ['import'], exported), { code: 0, stdout: /^\{"imported":7,"head":"\d+"\}\n$/ })
  const verified = await cli(env, ['verify'])
  t.equal(verified.code, 0)
  t.match(JSON.parse(verified.stdout), { ok: true, checkedEvents: 7 })
  t.match(JSON.parse((await cli(env, ['seal'])).stdout), { sealed: true, seal: { events: '7' } })
  t.match((await cli(env, ['head'])).stdout, headPattern)
  t.equal((await cli(env, ['export'])).stdout.trimEnd().split('\n').length, 8)
})
