import { spawn } from 'node:child_process'
import { createHash, randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { tmpdir } from 'node:os'
import { deserialize } from 'node:v8'
import { join } from 'node:path'
import { executeCommand, openDomainStore, type DomainStore } from '@treguesi/commands'
import type { RecordedEvent } from '@treguesi/event-store'
import { Deferred, dhis2Mapping, getEntry, storedEntriesOf } from '@treguesi/projections'
import t, { type Test } from 'tap'
import { nationalEvents } from '../../../tests/bench/src/generator.js'
import { writeLog } from '../../../tests/bench/src/log-writer.js'
import { readCheckpointFile, writeCheckpointFile } from '../src/checkpoints/checkpoint-file.js'
import {
  AsOfReadModels,
  checkpointDirectory,
  Checkpoints,
  emptyReadModels,
  foldReadModels,
  LiveReadModels,
  readModelHashes,
  type CheckpointReport,
  type ReadModels,
} from '../src/index.js'

/** A generated national log of `count` events in a new directory, opened as the service opens it. */
async function generatedLog(t: Test, count: number, seed = 'checkpoints'): Promise<{ dir: string; path: string; store: DomainStore }> {
  const dir = mkdtempSync(join(tmpdir(), 'treguesi-checkpoints-'))
  const path = join(dir, 'treguesi.db')
  await writeLog(path, nationalEvents(seed, count))
  const store = await openDomainStore({ store: 'sqlite', path, sync: 'normal' })
  t.teardown(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return { dir, path, store }
}

async function fullFold(store: DomainStore, until?: bigint): Promise<ReadModels> {
  const events: RecordedEvent[] = []
  for await (const event of store.readAll()) if (until === undefined || event.position <= until) events.push(event)
  return foldReadModels(emptyReadModels(), events)
}

/** Live read models over `store` until caught up, with the reports they made. */
async function caughtUp(store: DomainStore, checkpoints: Checkpoints, checkpointEvery?: number) {
  const reports: CheckpointReport[] = []
  const live = new LiveReadModels(store, {
    checkpoints,
    onCheckpoint: (report) => reports.push(report),
    ...(checkpointEvery && { checkpointEvery }),
  })
  await live.untilCaughtUp()
  return { live, reports }
}

t.test('a checkpoint-loaded read model hash-equals a full fold, and a restart folds only the tail', async (t) => {
  const { dir, store } = await generatedLog(t, 6000)
  const checkpoints = new Checkpoints(join(dir, 'checkpoints'))
  t.same(await checkpoints.load(store), { kind: 'none' }, 'nothing saved yet')

  const first = await caughtUp(store, checkpoints)
  t.same(first.reports, [{ kind: 'none' }])
  t.equal(first.live.progress.eventsApplied, 6000, 'the first start folds the whole log')
  await first.live.stop()
  t.match(first.reports.at(-1), { kind: 'saved', position: 6000n, bytes: Number }, 'a stop saves what moved since the last checkpoint')

  const second = await caughtUp(store, checkpoints)
  t.match(second.reports, [{ kind: 'loaded', position: 6000n, bytes: Number, seconds: Number }])
  t.equal(second.live.progress.eventsApplied, 0, 'nothing to fold after the checkpoint')
  t.same(readModelHashes(second.live.current), readModelHashes(await fullFold(store)), 'the loaded state is the full fold')
  t.equal(second.live.progress.phase, 'catching up')
  await second.live.stop()
  t.same(second.reports.length, 1, 'nothing moved: nothing saved at stop')
})

t.test(
  'a state loaded from a checkpoint decodes an entry when it is first read, and saves the others again as they were read',
  async (t) => {
    const { dir, store } = await generatedLog(t, 2000)
    const checkpoints = new Checkpoints(join(dir, 'checkpoints'))
    const file = join(dir, 'checkpoints', 'read-models.checkpoint')
    await checkpoints.save(await fullFold(store), store)
    /** The maps' entries as the file holds them, each as its bytes. */
    const savedEntries = async () => {
      const { parts } = (await readCheckpointFile(file)) as { parts: readonly Buffer[] }
      return parts.flatMap((part) =>
        ((deserialize(part) as { entries?: Array<[string, Buffer]> }).entries ?? []).map(
          ([key, bytes]) => `${key} ${bytes.toString('hex')}`,
        ),
      )
    }
    const saved = await savedEntries()
    const { models } = (await checkpoints.load(store)) as { models: ReadModels }
    const stored = [...storedEntriesOf(models.plans.state.indicators)]
    const encoded = () => stored.filter(([, entry]) => entry instanceof Deferred && entry.source !== undefined).length
    t.ok(stored.length > 10, 'the log has indicators')
    t.equal(encoded(), stored.length, 'nothing is decoded by loading')
    await checkpoints.save(models, store)
    t.same(await savedEntries(), saved, 'every entry saved again as it was read')
    t.equal(encoded(), stored.length, 'without decoding anything')
    const [someId] = stored[0]!
    const indicator = getEntry(models.plans.state.indicators, someId)
    t.equal(indicator?.facts.definition?.indicatorId, someId)
    t.equal(encoded(), stored.length - 1, 'reading one entry decodes that one')
    await checkpoints.save(models, store)
    const again = (await checkpoints.load(store)) as { models: ReadModels }
    t.same(readModelHashes(again.models), readModelHashes(await fullFold(store)), 'a decoded entry is encoded again from its value')
  },
)

t.test('a checkpoint taken mid-log, then the tail folded live, equals a full fold at every step', async (t) => {
  const { dir, path, store } = await generatedLog(t, 3000)
  const checkpoints = new Checkpoints(join(dir, 'checkpoints'))
  const partial = await fullFold(store, 1200n)
  t.match(await checkpoints.save(partial, store), { position: 1200n, bytes: Number })
  const { live, reports } = await caughtUp(store, checkpoints, 1000)
  t.match(reports[0], { kind: 'loaded', position: 1200n })
  t.equal(live.progress.eventsApplied, 1800, 'only the events after the checkpoint are folded')
  t.same(readModelHashes(live.current), readModelHashes(await fullFold(store)))
  // At caught-up, 1,800 events past a checkpoint every 1,000: one save, of the caught-up state.
  await new Promise((resolve) => setTimeout(resolve, 200))
  await live.stop()
  t.match(
    reports.filter((report) => report.kind === 'saved'),
    [{ position: 3000n }],
  )
  t.equal(checkpointDirectory({ store: 'sqlite', path, sync: 'normal' }, undefined), `${path}.checkpoints`)
})

t.test('a damaged, cut, stale, foreign or misplaced checkpoint is refused with the reason, and the log folded whole', async (t) => {
  const { dir, store } = await generatedLog(t, 2500)
  const other = await generatedLog(t, 2500, 'another municipality log')
  const directory = join(dir, 'checkpoints')
  const checkpoints = new Checkpoints(directory)
  const file = join(directory, 'read-models.checkpoint')
  await checkpoints.save(await fullFold(store), store)
  const good = readFileSync(file)

  const refusedWith = async (name: string, reason: RegExp): Promise<void> => {
    const { live, reports } = await caughtUp(store, checkpoints, Number.MAX_SAFE_INTEGER)
    t.match(reports[0], { kind: 'rejected', reason }, name)
    t.equal(live.progress.eventsApplied, 2500, `${name}: the whole log is folded`)
    t.same(readModelHashes(live.current), readModelHashes(await fullFold(store)), `${name}: into the same state`)
    await live.stop()
    writeFileSync(file, good)
  }

  const flipped = Buffer.from(good)
  flipped[Math.floor(flipped.length / 2)]! ^= 0xff
  writeFileSync(file, flipped)
  await refusedWith('a flipped byte', /digest does not match/)

  writeFileSync(file, good.subarray(0, good.length - 7))
  await refusedWith('a file cut short', /cut short/)

  writeFileSync(file, good.subarray(0, 2))
  await refusedWith('a file cut inside its first frame length', /cut short at byte 0/)

  writeFileSync(file, Buffer.alloc(0))
  await refusedWith('an empty file', /no complete checkpoint/)

  writeFileSync(file, good.subarray(0, 4 + good.readUInt32BE(0)))
  await refusedWith('a file of its header alone', /no complete checkpoint/)

  const header = JSON.parse(good.subarray(4, 4 + good.readUInt32BE(0)).toString('utf8')) as Record<string, string>
  const rewrite = async (changes: Record<string, string>, parts: Uint8Array[] = []): Promise<void> => {
    await writeCheckpointFile(
      file,
      { ...header, ...changes } as never,
      (async function* () {
        yield* parts
      })(),
    )
  }
  await rewrite({ fingerprint: '0'.repeat(64) })
  await refusedWith('written by other code', /other projection code/)
  await rewrite({ format: 'treguesi-read-models/0' })
  await refusedWith('another format', /in format "treguesi-read-models\/0"/)
  await rewrite({ position: '999999' })
  await refusedWith('beyond the log', /position 999999, which this log does not hold/)

  await new Checkpoints(directory).save(await fullFold(other.store), other.store)
  await refusedWith("another log's checkpoint", /another log: the event at position 2500 differs/)

  writeFileSync(file, Buffer.concat([lengthOf(3), Buffer.from('{{{'), trailerFor(Buffer.concat([lengthOf(3), Buffer.from('{{{')]))]))
  await refusedWith('a header that is not JSON', /header is not JSON/)

  rmSync(file)
  mkdirSync(file)
  const { live, reports } = await caughtUp(store, checkpoints)
  await live.stop()
  t.match(
    reports,
    [
      { kind: 'rejected', reason: /cannot be read \(EISDIR/ },
      { kind: 'failed', reason: /EISDIR/ },
    ],
    'a directory in its place: refused, and not saved over',
  )
})

function lengthOf(length: number): Buffer {
  const bytes = Buffer.alloc(4)
  bytes.writeUInt32BE(length)
  return bytes
}

function trailerFor(before: Buffer): Buffer {
  const json = Buffer.from(JSON.stringify({ digest: createHash('sha256').update(before).digest('hex') }))
  return Buffer.concat([lengthOf(json.length), json])
}

t.test('an empty log saves no checkpoint; a save that fails is reported, not thrown', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'treguesi-checkpoints-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const store = await openDomainStore({ store: 'sqlite', path: join(dir, 'empty.db'), sync: 'normal' })
  t.teardown(() => store.close())
  const checkpoints = new Checkpoints(join(dir, 'checkpoints'))
  t.equal(await checkpoints.save(emptyReadModels(), store), null)
  const models = foldReadModels(emptyReadModels(), [])
  t.equal(models.position, null)

  const { store: logged } = await generatedLog(t, 300)
  const blocked = join(dir, 'blocked')
  writeFileSync(blocked, 'a file where the directory should be')
  const reports: CheckpointReport[] = []
  const live = new LiveReadModels(logged, { checkpoints: new Checkpoints(blocked), onCheckpoint: (report) => reports.push(report) })
  await live.untilCaughtUp()
  await live.stop()
  t.match(reports, [
    { kind: 'rejected', reason: /cannot be read/ },
    { kind: 'failed', reason: /EEXIST|ENOTDIR/ },
  ])
  await t.rejects(
    new Checkpoints(join(dir, 'elsewhere')).save({ ...(await fullFold(logged)), position: 999_999n }, logged),
    /no event at position 999999/,
  )
  t.equal(checkpointDirectory({ store: 'sqlite', path: ':memory:', sync: 'normal' }, undefined), null)
  t.equal(checkpointDirectory({ store: 'eventstoredb', connectionString: 'esdb://localhost:2113' }, undefined), null)
  t.equal(
    checkpointDirectory({ store: 'eventstoredb', connectionString: 'esdb://localhost:2113' }, '/var/lib/treguesi'),
    '/var/lib/treguesi',
  )
  t.equal(checkpointDirectory({ store: 'sqlite', path: 'a.db', sync: 'normal' }, ''), 'a.db.checkpoints', 'an empty setting is no setting')
})

t.test('a stop while the checkpoint is being read folds nothing and saves nothing', async (t) => {
  const { dir, store } = await generatedLog(t, 2000)
  const checkpoints = new Checkpoints(join(dir, 'checkpoints'))
  await checkpoints.save(await fullFold(store), store)
  const reports: CheckpointReport[] = []
  const live = new LiveReadModels(store, { checkpoints, onCheckpoint: (report) => reports.push(report) })
  t.equal(live.progress.phase, 'loading checkpoint')
  await live.stop()
  t.equal(live.caughtUp, false)
  t.match(reports, [{ kind: 'loaded' }], 'loaded, never followed, never saved')
  t.ok((await readCheckpointFile(join(dir, 'checkpoints', 'read-models.checkpoint'))).kind === 'read')
})

t.test('a kill -9 while a checkpoint is written leaves the previous one whole and usable', async (t) => {
  const { dir, path, store } = await generatedLog(t, 1500)
  const directory = join(dir, 'checkpoints')
  const checkpoints = new Checkpoints(directory)
  const before = await fullFold(store, 900n)
  await checkpoints.save(before, store)
  const entry = fileURLToPath(new URL('support/checkpoint-writer.ts', import.meta.url))
  const writer = spawn(process.execPath, [...process.execArgv, entry, path, directory], { stdio: ['ignore', 'pipe', 'inherit'] })
  const [line] = await once(createInterface({ input: writer.stdout! }), 'line')
  t.equal(line, 'writing', 'killed while a new checkpoint was being written')
  writer.kill('SIGKILL')
  await once(writer, 'exit')
  t.ok(
    readdirSync(directory).some((name) => name.endsWith('.tmp')),
    'its unfinished file is left behind, beside the checkpoint',
  )
  const loaded = await checkpoints.load(store)
  t.equal(loaded.kind, 'loaded')
  const models = (loaded as { models: ReadModels }).models
  t.ok(models.position === 900n || models.position === 1500n, `the previous checkpoint, or a complete later one (at ${models.position})`)
  t.same(readModelHashes(models), readModelHashes(await fullFold(store, models.position!)), 'equal to a full fold at its position')
})

t.test('a write that fails midway leaves no file of its own and the previous checkpoint as it was', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'treguesi-checkpoints-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'read-models.checkpoint')
  const header = { format: 'f', fingerprint: 'x', position: '1', eventHash: 'y' }
  await writeCheckpointFile(
    file,
    header,
    (async function* () {
      yield Buffer.from('kept')
    })(),
  )
  const failing = (async function* () {
    yield Buffer.from('part')
    throw new Error('disk full')
  })()
  await t.rejects(writeCheckpointFile(file, header, failing), /disk full/)
  t.same(readdirSync(dir), ['read-models.checkpoint'])
  t.match(await readCheckpointFile(file), { kind: 'read', header, parts: [Buffer.from('kept')] })
})

t.test('maps are saved in parts of a set number of entries, and a checkpoint is refused by an empty log', async (t) => {
  const { dir, store } = await generatedLog(t, 1000)
  const checkpoints = new Checkpoints(join(dir, 'small-parts'), { entriesPerPart: 3 })
  await checkpoints.save(await fullFold(store), store)
  await new Checkpoints(join(dir, 'large-parts')).save(await fullFold(store), store)
  const parts = async (name: string) =>
    ((await readCheckpointFile(join(dir, name, 'read-models.checkpoint'))) as { parts: readonly Buffer[] }).parts.length
  t.ok((await parts('small-parts')) > 3 * (await parts('large-parts')), 'many more parts')
  const loaded = await checkpoints.load(store)
  t.same(readModelHashes((loaded as { models: ReadModels }).models), readModelHashes(await fullFold(store)))
  const empty = await openDomainStore({ store: 'sqlite', path: join(dir, 'empty.db'), sync: 'normal' })
  t.teardown(() => empty.close())
  t.match(await checkpoints.load(empty), { kind: 'rejected', reason: /position 1000, which this log does not hold/ })
})

t.test('live read models started from a checkpoint still answer as-of queries about the history before it', async (t) => {
  const { dir, store } = await generatedLog(t, 2400)
  const checkpoints = new Checkpoints(join(dir, 'checkpoints'))
  await checkpoints.save(await fullFold(store, 2000n), store)
  const live = new LiveReadModels(store, { checkpoints })
  const asOf = new AsOfReadModels(store, live, { checkpointEvery: 300 })
  t.teardown(async () => {
    asOf.stop()
    await live.stop()
  })
  await live.untilCaughtUp()
  await asOf.ready
  t.same(asOf.size, { events: 2400, checkpoints: 8 }, 'every event indexed once, those before the checkpoint included')
  for (const position of [1n, 777n, 2000n, 2001n, 2400n]) {
    t.same(readModelHashes(await asOf.at(position)), readModelHashes(await fullFold(store, position)), `as the log was at ${position}`)
  }

  const already = new AsOfReadModels(store, live, { checkpointEvery: 500 })
  t.teardown(() => already.stop())
  await already.ready
  t.same(already.size, { events: 2400, checkpoints: 4 }, 'an index made once the live models have started reads up to where they are')
})

t.test('the DHIS2 mapping is saved and loaded with the national read model, and hashed with it', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'treguesi-checkpoints-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const store = await openDomainStore({ store: 'sqlite', path: join(dir, 'mapped.db'), sync: 'normal' })
  t.teardown(() => store.close())
  const admin = { actor: { id: 'admin-1', role: 'admin' }, occurredAt: '2025-03-01T09:00:00+01:00' }
  for (const command of [
    { type: 'RegisterMunicipality', code: 'ELB', name: { sq: 'Bashkia Elbasan' }, country: 'AL', currency: 'ALL' },
    { type: 'MapDhis2OrgUnit', municipality: 'ELB', orgUnit: 'AL_ELBASAN' },
    {
      type: 'MapDhis2CategoryOptionCombo',
      dimension: 'sex',
      category: 'F',
      categoryOptionCombo: 'SEX_F',
      adx: { category: 'SEX', option: 'F' },
    },
  ]) {
    await executeCommand(store, command, { ...admin, commandId: randomUUID() })
  }
  const folded = await fullFold(store)
  const before = readModelHashes(emptyReadModels()).find((hash) => hash.name === 'national')!.hash
  t.not(readModelHashes(folded).find((hash) => hash.name === 'national')!.hash, before, 'the mapping is part of the hash')
  const checkpoints = new Checkpoints(join(dir, 'checkpoints'))
  await checkpoints.save(folded, store)
  const { models } = (await checkpoints.load(store)) as { models: ReadModels }
  t.same(readModelHashes(models), readModelHashes(folded))
  const mapping = dhis2Mapping(models.national.state)
  t.equal(mapping.orgUnitOf('ELB'), 'AL_ELBASAN')
  t.match(mapping.comboOf('sex', 'F'), { categoryOptionCombo: 'SEX_F' })
})
