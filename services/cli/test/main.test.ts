/** The CLI as a process: exit codes, and stdout carrying nothing but the command's output. */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { flipInFile, sqliteEnv, tempDir, writeLog, type Outcome } from './support.js'

const mainPath = fileURLToPath(new URL('../src/main.ts', import.meta.url))

function treguesi(env: Record<string, string>, args: string[], stdin = ''): Promise<Outcome> {
  const child = spawn(process.execPath, [...process.execArgv, mainPath, ...args], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  child.stdin.end(stdin)
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })))
}

t.test('verify: exit 0 on the log as written, 1 once a byte of the file is altered', async (t) => {
  const path = join(tempDir(t), 'treguesi.db')
  await writeLog(path)
  const env = sqliteEnv(path)
  const sound = await treguesi(env, ['verify'])
  t.equal(sound.code, 0)
  t.equal(sound.stderr, '')
  const result = JSON.parse(sound.stdout)
  t.match(result, { ok: true, checkedEvents: 7, head: { position: '7' } })
  const head = await treguesi(env, ['head'])
  t.equal(head.stdout, `${result.head.text}\n`)

  flipInFile(path, 'vlera-e-pare')
  const altered = await treguesi(env, ['verify', '--expect-head', result.head.text])
  t.equal(altered.code, 1)
  t.match(JSON.parse(altered.stdout), { ok: false, firstBadPosition: '3', reason: /^indicator-1@1 .* was altered/ })
  t.match(altered.stderr, /^verification failed at position 3: indicator-1@1/)
})

t.test('export to stdout, import from stdin: the copy verifies with the same head', async (t) => {
  const path = join(tempDir(t), 'treguesi.db')
  await writeLog(path)
  const exported = await treguesi(sqliteEnv(path), ['export'])
  t.equal(exported.code, 0)
  t.equal(exported.stderr, '')
  const lines = exported.stdout.trimEnd().split('\n')
  t.equal(lines.length, 7)
  t.match(JSON.parse(lines[0]!), { position: '1', stream: 'plan-1', revision: '0', type: 'plan.registered.v1' })

  const copy = sqliteEnv(join(tempDir(t), 'copy.db'))
  const imported = await treguesi(copy, ['import'], exported.stdout)
  t.same(imported, { code: 0, stdout: '{"imported":7,"head":"7"}\n', stderr: '' })
  t.equal((await treguesi(copy, ['head'])).stdout, (await treguesi(sqliteEnv(path), ['head'])).stdout)
  const again = await treguesi(copy, ['import'], exported.stdout)
  t.equal(again.code, 1, 'a second import is refused')
  t.match(again.stderr, /\[TRG_INVALID_STATE\]/)
})

t.test('bad usage exits 2', async (t) => {
  const run = await treguesi({}, ['verify', '--expect-head', 'latest'])
  t.equal(run.code, 2)
  t.equal(run.stdout, '')
  t.match(run.stderr, /^treguesi verify: --expect-head must be/)
})
