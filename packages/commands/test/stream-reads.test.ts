import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { chainedEventStore, verifyLog } from '@treguesi/audit'
import { indicatorStream, municipality, municipalityStream, planStream, upcasters, upcastWith } from '@treguesi/domain'
import { SqliteEventStore, upcastingEventStore, type EventStore } from '@treguesi/event-store'
import { collect } from '@treguesi/event-store/contract'
import { CommandReads, executeCommand, References, StreamCache } from '@treguesi/commands'
import { context, planFixture } from './plan-fixture.js'

/** What reached the store under the hash chain: every stream read, and how many events came back. */
interface Reads {
  streams: string[]
  events: number
}

/**
 * The domain store over one SQLite file, built as openDomainStore builds it, with the reads of
 * the file counted under the chain (so the chain's own reads count too). `beforeAppend` runs
 * once, just before the next append reaches the file.
 */
function domainStore(t: Test, path: string) {
  const file = new SqliteEventStore({ path })
  t.teardown(() => file.close())
  const reads: Reads = { streams: [], events: 0 }
  let beforeAppend: (() => Promise<unknown>) | undefined
  const counted: EventStore = {
    kind: file.kind,
    async append(stream, events, options) {
      const hook = beforeAppend
      beforeAppend = undefined
      await hook?.()
      return file.append(stream, events, options)
    },
    async *readStream(stream, options) {
      reads.streams.push(stream)
      for await (const event of file.readStream(stream, options)) {
        reads.events += 1
        yield event
      }
    },
    readAll: (options) => file.readAll(options),
    subscribeToAll: (options) => file.subscribeToAll(options),
    headPosition: () => file.headPosition(),
    close: () => file.close(),
  }
  const store = upcastingEventStore(chainedEventStore(counted), upcastWith(upcasters))
  return {
    file,
    store,
    /** The reads `run` makes. */
    async counting<T>(run: () => Promise<T>): Promise<{ result: T; reads: Reads }> {
      reads.streams = []
      reads.events = 0
      const result = await run()
      return { result, reads: { ...reads, streams: [...reads.streams] } }
    },
    beforeNextAppend(hook: () => Promise<unknown>): void {
      beforeAppend = hook
    },
  }
}

function tempFile(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'treguesi-reads-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'events.db')
}

const { planId, register, draft, structure, define: defineIndicator, budgetLine } = planFixture()
const setUp = [register, draft, ...structure]
const define = defineIndicator()
const { indicatorId } = define
const report = (period: string, value = '12') => ({ type: 'ReportIndicatorValue', indicatorId, period, value })

/** A command as the API runs it for an editor: whose it is first, then its handling, on one set of reads. */
async function asEditor(store: EventStore, command: { type: string; indicatorId: string }, commandId?: string) {
  const reads = new CommandReads(store)
  const owner = await new References(reads).ownerOf('indicator', command.indicatorId)
  const result = await executeCommand(store, command, context(commandId), { reads })
  return { owner, ...result }
}

async function withPlan(t: Test, path = tempFile(t)) {
  const domain = domainStore(t, path)
  for (const command of setUp) await executeCommand(domain.store, command, context())
  return domain
}

/** Two writers on one file, as two processes would be; ours has defined the indicator and reported 2024. */
async function twoWriters(t: Test) {
  const path = tempFile(t)
  const ours = await withPlan(t, path)
  const theirs = domainStore(t, path)
  await executeCommand(ours.store, define, context())
  await asEditor(ours.store, report('2024'))
  return { ours, theirs }
}

t.test("one load per command: each stream it needs is read once, from where the store's cache left it", async (t) => {
  const { store, counting } = await withPlan(t)
  const defined = await counting(async () => {
    const reads = new CommandReads(store)
    const references = new References(reads)
    const owners = [await references.ownerOf('indicator', indicatorId), await references.ownerOf('plan', planId)]
    return { owners, ...(await executeCommand(store, define, context(), { reads })) }
  })
  t.same(defined.result.owners, [undefined, 'ELB'], 'a new indicator has no owner yet; its plan has one')
  t.same(defined.reads.streams, [indicatorStream(indicatorId), planStream(planId)], 'ownership, the plan and the stream: one read each')
  t.equal(defined.reads.events, 1, 'of the plan, only the measure appended after it was last read')

  const first = await counting(() => asEditor(store, report('2024')))
  t.equal(first.result.owner, 'ELB')
  t.same(
    first.reads.streams,
    [indicatorStream(indicatorId), planStream(planId)],
    'the indicator and its plan, once each; the chain reads nothing',
  )
  t.equal(first.reads.events, 1, 'the indicator, never read before, holds one event')

  const second = await counting(() => asEditor(store, report('2025')))
  t.same(second.reads.streams, [indicatorStream(indicatorId), planStream(planId)])
  t.equal(second.reads.events, 1, 'only the event the previous command appended')
  t.same(second.result.revision, 2n)

  const refused = await counting(() => asEditor(store, report('2025', '99')).catch((error: unknown) => error))
  t.match(refused.result, { code: 'TRG_VALUE_ALREADY_REPORTED' })
  t.same(refused.reads, { streams: [indicatorStream(indicatorId), planStream(planId)], events: 1 }, 'a refusal reads as much')
  const commandId = randomUUID()
  const recorded = await asEditor(store, report('2026'), commandId)
  const retried = await counting(() => asEditor(store, report('2026'), commandId))
  t.same(retried.result, { ...recorded, replayed: true }, 'a retried command id is answered with its first result')
  t.same(retried.reads.streams, [indicatorStream(indicatorId)], 'a retry reads only its stream, not the facts of others')
  t.equal(retried.reads.events, 1)
})

t.test('a command gets the store’s cached state only after reading what was appended since', async (t) => {
  const { ours, theirs } = await twoWriters(t)

  await asEditor(theirs.store, report('2025'))
  await t.rejects(asEditor(ours.store, report('2025')), { code: 'TRG_VALUE_ALREADY_REPORTED' }, 'the other writer’s value is seen')

  const commandId = randomUUID()
  const theirResult = await asEditor(theirs.store, report('2026'), commandId)
  const ourRetry = await asEditor(ours.store, report('2026'), commandId)
  t.same(ourRetry, { ...theirResult, replayed: true }, 'a command id the other writer recorded is a retry here too')
})

t.test('after a conflict only the stream’s new events are read, and the command is decided again on them', async (t) => {
  const { ours, theirs } = await twoWriters(t)

  ours.beforeNextAppend(() => asEditor(theirs.store, report('2025', '7')))
  const refused = await ours.counting(() => asEditor(ours.store, report('2025', '8')).catch((error: unknown) => error))
  t.match(refused.result, { code: 'TRG_VALUE_ALREADY_REPORTED' }, 'decided again: the period now has a value')
  t.same(
    refused.reads.streams,
    [indicatorStream(indicatorId), planStream(planId), indicatorStream(indicatorId)],
    'the plan is not read again',
  )
  t.equal(refused.reads.events, 1 + 1, "the previous command's event, then the other writer's")

  ours.beforeNextAppend(() => asEditor(theirs.store, report('2026')))
  const recorded = await ours.counting(() => asEditor(ours.store, report('2027')))
  t.equal(recorded.result.revision, 4n, 'recorded after the other writer’s value')
  t.same(recorded.reads.streams, [indicatorStream(indicatorId), planStream(planId), indicatorStream(indicatorId)])

  const values = await collect(ours.store.readStream(indicatorStream(indicatorId)))
  t.same(
    values.map((event) => event.data.period ?? null),
    [null, '2024', '2025', '2026', '2027'],
  )
  t.same(
    values.map((event) => event.data.value ?? null),
    [null, '12', '7', '12', '12'],
  )
  const verified = await verifyLog(ours.file)
  t.ok(verified.ok, 'the hash chain is whole')
  t.equal(verified.checkedEvents, 5 + 5)
})

t.test('with an expected revision, a stale cache is no excuse: the stream is read to its end first', async (t) => {
  const path = tempFile(t)
  const ours = domainStore(t, path)
  const theirs = domainStore(t, path)
  const stream = municipalityStream('ELB')
  const budget = (amount: string) => ({
    type: 'SetMunicipalBudgetTotal',
    code: 'ELB',
    fiscalYear: 2024,
    total: { amount, currency: 'ALL' },
  })
  await executeCommand(ours.store, setUp[0]!, context(), { expectedRevision: 'no_stream' })
  await executeCommand(ours.store, budget('100'), context(), { expectedRevision: 0n })
  await executeCommand(theirs.store, budget('200'), context(), { expectedRevision: 1n })
  await t.rejects(executeCommand(ours.store, budget('300'), context(), { expectedRevision: 1n }), {
    code: 'TRG_STORE_WRONG_EXPECTED_REVISION',
    details: { stream, expected: 1n, actual: 2n },
  })
  const unchanged = await executeCommand(ours.store, budget('200'), context(), { expectedRevision: 2n })
  t.same(unchanged, { events: [], revision: 2n, position: null, replayed: false }, 'decided on the other writer’s total')
  t.ok((await verifyLog(ours.file)).ok)
})

t.test('the cache keeps at most its limit of streams, the least recently used leaving first', async (t) => {
  const { store, counting } = domainStore(t, tempFile(t))
  const register = (code: string) => ({ type: 'RegisterMunicipality', code, name: { sq: code }, country: 'AL', currency: 'ALL' })
  for (const code of ['ELB', 'DRE', 'TIR']) await executeCommand(store, register(code), context())
  const cache = new StreamCache(2)
  const load = (code: string) => new CommandReads(store, cache).load(municipality, municipalityStream(code))
  const eventsRead = async (code: string) => (await counting(() => load(code))).reads.events

  t.equal(await eventsRead('ELB'), 1)
  t.equal(await eventsRead('DRE'), 1)
  t.equal(await eventsRead('ELB'), 0, 'kept')
  t.equal(await eventsRead('TIR'), 1)
  t.equal(cache.size, 2)
  t.equal(await eventsRead('ELB'), 0, 'the most recently used stays')
  t.equal(await eventsRead('DRE'), 1, 'the least recently used was let go')

  const loaded = await load('DRE')
  cache.keep(municipalityStream('DRE'), { ...loaded, revision: -1n })
  t.equal(await eventsRead('DRE'), 0, 'an older fold does not replace a newer one')
  t.equal(
    (await counting(() => new CommandReads(store, cache).load({ ...municipality }, municipalityStream('DRE')))).reads.events,
    1,
    'another decider folds from the start',
  )
  t.equal(await eventsRead('PRI'), 0, 'an empty stream is not kept')
  t.equal(cache.size, 2)
})

t.test('the owners of plans, indicators and budget lines, from their streams', async (t) => {
  const { store } = await withPlan(t)
  await executeCommand(store, define, context())
  const line = budgetLine()
  await executeCommand(store, line, context())
  const references = new References(new CommandReads(store))
  const unknown = randomUUID()
  t.same(
    [
      await references.ownerOf('plan', planId),
      await references.ownerOf('indicator', indicatorId),
      await references.ownerOf('budgetLine', line.budgetLineId),
    ],
    ['ELB', 'ELB', 'ELB'],
  )
  t.same(
    [
      await references.ownerOf('plan', unknown),
      await references.ownerOf('indicator', unknown),
      await references.ownerOf('budgetLine', unknown),
    ],
    [undefined, undefined, undefined],
  )
})

t.test('a stream written without the chain is still handled, the chain reading for itself', async (t) => {
  const file = new SqliteEventStore({ path: ':memory:' })
  t.teardown(() => file.close())
  await executeCommand(file, setUp[0]!, context())
  await t.rejects(
    executeCommand(
      chainedEventStore(file),
      { type: 'SetMunicipalBudgetTotal', code: 'ELB', fiscalYear: 2024, total: { amount: '1', currency: 'ALL' } },
      context(),
    ),
    {
      code: 'TRG_EVENT_INVALID',
    },
  )
})

t.test('what a command id recorded is kept whole, once, whichever folds of the stream read it', async (t) => {
  const file = new SqliteEventStore({ path: ':memory:' })
  t.teardown(() => file.close())
  const counter = { initialState: 0, evolve: (count: number) => count + 1, decide: () => [] }
  const stream = 'counter-1'
  const [first, second] = [randomUUID(), randomUUID()]
  const event = (commandId: string) => ({ id: randomUUID(), type: 'counted', data: {}, metadata: { commandId } })
  await file.append(stream, [event(first.toUpperCase()), event(first)])
  await file.append(stream, [event(first)])
  const cache = new StreamCache()
  const loaded = await new CommandReads(file, cache).load(counter, stream)
  t.same(
    loaded.commands.get(first),
    {
      events: [
        { type: 'counted', data: {} },
        { type: 'counted', data: {} },
        { type: 'counted', data: {} },
      ],
      revision: 2n,
      position: 3n,
    },
    'all its events, its last revision and position, whatever the case of the id',
  )

  await file.append(stream, [event(second)])
  const [a, b] = await Promise.all([
    new CommandReads(file, cache).load(counter, stream),
    new CommandReads(file, cache).load(counter, stream),
  ])
  t.equal(a.state, 4)
  t.equal(b.state, 4)
  t.same(
    a.commands.get(second),
    { events: [{ type: 'counted', data: {} }], revision: 3n, position: 4n },
    'noted once though two folds read it',
  )
  await file.append(stream, [{ ...event(second), metadata: {} }])
  t.equal((await new CommandReads(file, cache).load(counter, stream)).commands.size, 2, 'an event without a command id is no command')
})
