import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { nationalEvents } from '../src/generator.js'
import { writeLog } from '../src/log-writer.js'

// The service's own entry point, run as `npm start` runs it, on a log it has never seen.
const mainPath = join(dirname(fileURLToPath(import.meta.resolve('@treguesi/api/server'))), 'main.ts')

t.test('on a large log the service answers /healthz, and /readyz 503 with its progress, while it catches up', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'treguesi-start-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const path = join(dir, 'treguesi.db')
  const events = await writeLog(path, nationalEvents('start-test', 60_000))
  const child = spawn(process.execPath, [...process.execArgv, mainPath], {
    env: { ...process.env, TREGUESI_DB_PATH: path, TREGUESI_SEED: 'none', PORT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  t.teardown(async () => {
    child.kill('SIGTERM')
    await exited
  })
  const url = await new Promise<string>((resolve) => {
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const listening = /listening on (http:\/\/\S+)/.exec(out)
      if (listening) resolve(listening[1]!)
    })
  })

  const healthz: number[] = []
  const statuses = new Set<number>()
  const catchingUp: Array<{ status: string; readModelsPosition: string; catchUp: { eventsApplied: number; secondsLeft: number | null } }> =
    []
  for (;;) {
    const health = await fetch(`${url}/healthz`)
    healthz.push(health.status)
    const ready = await fetch(`${url}/readyz`)
    const body = (await ready.json()) as {
      status: string
      headPosition: string
      readModelsPosition: string
      catchUp: { eventsApplied: number; secondsLeft: number | null }
    }
    if (ready.status === 200) {
      t.match(body, { status: 'ready', headPosition: String(events), readModelsPosition: String(events) }, 'ready at the head of the log')
      break
    }
    statuses.add(ready.status)
    catchingUp.push(body)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  t.ok(catchingUp.length > 0, `${catchingUp.length} answers of /readyz while catching up`)
  t.same([...statuses], [503], 'each of them 503')
  t.ok(
    catchingUp.every((body) => body.status === 'catching-up'),
    'each saying it is catching up',
  )
  t.ok(
    healthz.length > catchingUp.length && healthz.every((status) => status === 200),
    `/healthz answered 200 each of ${healthz.length} times`,
  )
  const applied = catchingUp.map((body) => body.catchUp.eventsApplied)
  t.same(
    applied,
    [...applied].sort((a, b) => a - b),
    'the events applied only grow',
  )
  t.ok(
    catchingUp.every((body) => body.catchUp.eventsApplied === Number(body.readModelsPosition)),
    'on a log that the read models fold from its start, the events applied are the position reached',
  )
})
