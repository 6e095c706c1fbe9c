import { isTreguesiError } from '@treguesi/errors'
import type { Test } from 'tap'
import type { EventStore } from '../port.js'
import type { ContractFixture, StorageUnderTest } from './fixture.js'
import { SubscriptionRecorder } from './subscribe-contract.js'
import { collect, events, isStrictlyIncreasing, positions, steppingClock, streamName } from './support.js'
import { startWriter } from './writer-processes.js'

async function openMany(t: Test, fixture: ContractFixture, storage: StorageUnderTest, count: number): Promise<EventStore[]> {
  const first = await storage.open()
  const stores = [first]
  for (let i = 1; i < count; i++) stores.push(fixture.separateConnections ? await storage.open() : first)
  t.teardown(async () => {
    for (const store of new Set(stores)) await store.close()
  })
  return stores
}

async function withStorage(t: Test, fixture: ContractFixture): Promise<StorageUnderTest> {
  const storage = await fixture.createStorage(steppingClock())
  t.teardown(() => storage.dispose())
  return storage
}

export function concurrencyContract(t: Test, fixture: ContractFixture): void {
  t.test('concurrent writers on one stream: exactly one winner per expected revision', async (t) => {
    const storage = await withStorage(t, fixture)
    const writers = await openMany(t, fixture, storage, 6)
    const stream = streamName('contested')
    const rounds = 20
    let expected: bigint | 'no_stream' = 'no_stream'
    let conflicts = 0
    for (let round = 0; round < rounds; round++) {
      const outcomes = await Promise.allSettled(writers.map((store) => store.append(stream, events(1), { expectedRevision: expected })))
      const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled')
      t.equal(winners.length, 1, `round ${round}: one winner`)
      const next = BigInt(round)
      for (const outcome of outcomes) {
        if (outcome.status === 'fulfilled') {
          t.equal(outcome.value.nextExpectedRevision, next)
          continue
        }
        conflicts += 1
        const error = outcome.reason
        t.ok(isTreguesiError(error, 'TRG_STORE_WRONG_EXPECTED_REVISION'), 'the losers get the typed error')
        t.match((error as { details: unknown }).details, { stream, expected, actual: next })
      }
      expected = next
    }
    const recorded = await collect(writers[0]!.readStream(stream))
    t.same(
      recorded.map((event) => event.revision),
      Array.from({ length: rounds }, (_, i) => BigInt(i)),
      'gapless',
    )
    t.equal(conflicts, rounds * (writers.length - 1), 'every loser was refused')
  })

  t.test('concurrent writers on many streams: global order is commit order, seen once', async (t) => {
    const storage = await withStorage(t, fixture)
    const writers = await openMany(t, fixture, storage, 5)
    const reader = writers[0]!
    const recorder = new SubscriptionRecorder(reader.subscribeToAll())
    const perWriter = 40
    const acknowledged = await Promise.all(
      writers.map(async (store, w) => {
        const stream = streamName(`writer${w}`)
        const results = []
        for (let i = 0; i < perWriter; i++) {
          const batch = events(1 + (i % 3))
          results.push({ stream, batch, result: await store.append(stream, batch) })
        }
        return results
      }),
    )
    const total = acknowledged.flat().reduce((sum, { batch }) => sum + batch.length, 0)
    await recorder.until((r) => r.events.length >= total)
    await recorder.subscription.stop()
    const all = await collect(reader.readAll())
    t.equal(all.length, total)
    t.ok(isStrictlyIncreasing(positions(all)), 'positions strictly increase')
    t.same(
      recorder.events.map((e) => e.id),
      all.map((e) => e.id),
      'the subscription saw every event once, in log order',
    )
    for (const { stream, batch, result } of acknowledged.flat()) {
      const last = all.find((event) => event.id === batch[batch.length - 1]!.id)
      t.equal(last?.position, result.position, `${stream}: acknowledged position is the recorded one`)
    }
  })

  t.test(
    'writers in parallel processes: every acknowledged append is recorded where acknowledged',
    { skip: !fixture.multiProcess && 'no other process can open this storage' },
    async (t) => {
      const storage = await withStorage(t, fixture)
      const [reader] = await openMany(t, fixture, storage, 1)
      const recorder = new SubscriptionRecorder(reader!.subscribeToAll())
      const env = storage.processEnvironment!
      const perProcess = 60
      const streams = [0, 1, 2].map((p) => [streamName(`p${p}a`), streamName(`p${p}b`)])
      // Half the streams exist already: a writer must continue them from their current revision.
      for (const [existing] of streams) await reader!.append(existing!, events(2), { expectedRevision: 'no_stream' })
      const writers = streams.map((owned) => startWriter(env, owned, perProcess))
      const exits = await Promise.all(writers.map((writer) => writer.exited))
      t.same(
        exits.map((exit) => exit.code),
        [0, 0, 0],
        'every writer finished',
      )
      const acks = writers.flatMap((writer) => writer.acks)
      t.equal(acks.length, 3 * perProcess)
      await recorder.until((r) => r.events.length >= acks.length + streams.length * 2)
      await recorder.subscription.stop()
      const all = await collect(reader!.readAll())
      const byId = new Map(all.map((event) => [event.id, event]))
      const misplaced = acks.filter((ack) => {
        const event = byId.get(ack.id)
        return !event || event.stream !== ack.stream || event.revision !== ack.revision || event.position !== ack.position
      })
      t.same(misplaced, [], 'each ack matches its recorded stream, revision and position')
      t.same(
        acks
          .filter((ack) => ack.stream === streams[0]![0])
          .map((ack) => ack.revision)
          .slice(0, 2),
        [2n, 3n],
        'a writer continues an existing stream after its last revision',
      )
      t.ok(isStrictlyIncreasing(positions(all)), 'positions strictly increase across processes')
      t.same(
        recorder.events.map((e) => e.id),
        all.map((e) => e.id),
        'seen once each, in log order',
      )
    },
  )
}
