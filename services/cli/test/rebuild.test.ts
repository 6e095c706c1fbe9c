import { join } from 'node:path'
import { Readable, Writable } from 'node:stream'
import t, { type Test } from 'tap'
import * as readModels from '@treguesi/read-models'
import { emptyReadModels, foldReadModels, readModelHashes, type ReadModels } from '@treguesi/read-models'
import { SqliteEventStore, type JsonObject, type RecordedEvent } from '@treguesi/event-store'
import { nationalEvents } from '../../../tests/bench/src/generator.js'
import type { CliCommand } from '../src/context.js'
import { cli, sqliteEnv, tempDir } from './support.js'

interface RebuildReport {
  position: string | null
  events: number
  equal: boolean
  eventsPerSecond: { chunked: number; subscription: number }
  readModels: Array<{ name: string; position: string | null; hash: string; subscriptionHash?: string }>
}

/** A log of the first `count` events the benchmark generator makes: events the domain really decides. */
async function writeGenerated(path: string, count: number): Promise<void> {
  const store = new SqliteEventStore({ path })
  // Consecutive events of one stream are one append, as one command's events are.
  let stream: string | undefined
  let batch: Array<{ id: string; type: string; data: JsonObject; metadata: JsonObject }> = []
  const flush = async (): Promise<void> => {
    if (stream !== undefined && batch.length > 0) await store.append(stream, batch)
    batch = []
  }
  for (const event of nationalEvents('treguesi-rebuild', count)) {
    if (event.stream !== stream) {
      await flush()
      stream = event.stream
    }
    batch.push({ id: event.id, type: event.type, data: event.data, metadata: event.metadata })
  }
  await flush()
  await store.close()
}

async function expectedHashes(path: string) {
  const store = new SqliteEventStore({ path })
  const events: RecordedEvent[] = []
  for await (const event of store.readAll()) events.push(event)
  await store.close()
  return readModelHashes(foldReadModels(emptyReadModels(), events)).map(({ name, position, hash }) => ({
    name,
    position: position?.toString() ?? null,
    hash,
  }))
}

t.test('rebuild: both folds agree on a small log and print the hashes a fresh fold has', async (t) => {
  const path = join(tempDir(t), 'treguesi.db')
  await writeGenerated(path, 7)
  for (const args of [['rebuild'], ['rebuild', '--chunk-size', '2'], ['rebuild', '--chunk-size=1']]) {
    const run = await cli(sqliteEnv(path), args)
    t.equal(run.code, 0, args.join(' '))
    const report = JSON.parse(run.stdout) as RebuildReport
    t.match(report, { position: '7', events: 7, equal: true, eventsPerSecond: { chunked: Number, subscription: Number } })
    t.same(report.readModels, await expectedHashes(path))
    t.equal(run.stdout.split('\n').length, 2, 'one line on stdout')
    t.match(run.stderr, /\r\[#{30}\] 100\.0% {2}7 events {2}position 7\/7 {2}\d+ events\/s\n$/, 'the progress bar ends full')
  }
})

t.test('rebuild: an empty log rebuilds into empty read models', async (t) => {
  const path = join(tempDir(t), 'treguesi.db')
  await new SqliteEventStore({ path }).close()
  const run = await cli(sqliteEnv(path), ['rebuild'])
  t.equal(run.code, 0)
  const report = JSON.parse(run.stdout) as RebuildReport
  t.match(report, { position: null, events: 0, equal: true })
  t.same(
    report.readModels,
    readModelHashes(emptyReadModels()).map(({ name, hash }) => ({ name, position: null, hash })),
  )
  t.equal(run.stderr, '')
})

t.test('rebuild: a bad chunk size is bad usage', async (t) => {
  for (const size of ['0', '1.5', 'many', '12345678']) {
    t.match(await cli(sqliteEnv(join(tempDir(t), 'x.db')), ['rebuild', '--chunk-size', size]), {
      code: 2,
      stdout: '',
      stderr: new RegExp(
        `^treguesi rebuild: --chunk-size must be a whole number from 1 to 9999999, not "${size}"\\nusage: npm run treguesi -- rebuild`,
      ),
    })
  }
})

/** The rebuild command with the service's live read models replaced, to see how it reports a difference. */
async function rebuildWith(t: Test, Live: typeof readModels.LiveReadModels): Promise<CliCommand> {
  const { rebuildCommand } = await t.mockImport<typeof import('../src/commands/rebuild.js')>('../src/commands/rebuild.js', {
    '@treguesi/read-models': { ...readModels, LiveReadModels: Live },
  })
  return rebuildCommand
}

t.test('rebuild: folds that differ exit 1 naming the read models', async (t) => {
  class Drifting extends readModels.LiveReadModels {
    override get current(): ReadModels {
      const models = super.current
      return {
        ...models,
        budgets: {
          ...models.budgets,
          state: { ...models.budgets.state, municipalities: { ...models.budgets.state.municipalities, drifted: {} as never } },
        },
      }
    }
  }
  const path = join(tempDir(t), 'treguesi.db')
  await writeGenerated(path, 7)
  const command = await rebuildWith(t, Drifting)
  const { io, stdout, stderr } = captured(sqliteEnv(path))
  t.equal(await command.run({ values: {}, positionals: [] }, io), 1)
  const report = JSON.parse(stdout()) as RebuildReport
  t.equal(report.equal, false)
  t.same(
    report.readModels.map((model) => model.subscriptionHash === undefined),
    [true, false, true],
  )
  t.match(stderr(), /rebuild failed: the two folds differ in budgets\n$/)
})

t.test('rebuild: a subscription that catches up short of the head fails', async (t) => {
  class Short extends readModels.LiveReadModels {
    override onEvent(): () => void {
      return () => undefined
    }
  }
  const path = join(tempDir(t), 'treguesi.db')
  await writeGenerated(path, 7)
  const command = await rebuildWith(t, Short)
  const { io } = captured(sqliteEnv(path))
  await t.rejects(command.run({ values: {}, positionals: [] }, io), new Error('the subscription caught up without reaching position 7'))
})

function captured(env: Record<string, string>) {
  const chunks = { out: '', err: '' }
  const sink = (key: 'out' | 'err') =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks[key] += chunk.toString('utf8')
        done()
      },
    })
  const io = { env, stdin: Readable.from([]), stdout: sink('out'), stderr: sink('err') }
  return { io, stdout: () => chunks.out, stderr: () => chunks.err }
}

t.test('rebuild: 100k generated events, both folds equal', async (t) => {
  const path = join(tempDir(t), 'treguesi.db')
  const writing = performance.now()
  await writeGenerated(path, 100_000)
  t.comment(`100k events written in ${((performance.now() - writing) / 1000).toFixed(1)} s`)
  const run = await cli(sqliteEnv(path), ['rebuild'])
  t.equal(run.code, 0, run.stderr)
  const report = JSON.parse(run.stdout) as RebuildReport
  t.match(report, { position: '100000', events: 100_000, equal: true })
  t.comment(
    `rebuild of 100k events: ${report.eventsPerSecond.chunked} events/s in chunks, ${report.eventsPerSecond.subscription} events/s through the subscription`,
  )
  t.same(
    report.readModels.map(({ name }) => name),
    ['plans', 'budgets', 'national'],
  )
})
