import t from 'tap'
import { WrongExpectedVersionError, jsonEvent, type AppendExpectedRevision } from '@eventstore/db-client'
import { appendEvents, collect, events, featureModes, serverAndClient } from './support.js'

for (const features of featureModes) {
  t.test(`${features}: each kind of expected revision is met`, async (t) => {
    const { client } = await serverAndClient(t, { features })
    const first = await appendEvents(client, 'plan-1', 2, { expectedRevision: 'no_stream' })
    t.equal(first.success, true)
    t.equal(first.nextExpectedRevision, 1n, 'no_stream: the revision of the last event written')
    const second = await appendEvents(client, 'plan-1', 1, { expectedRevision: 1n })
    t.equal(second.nextExpectedRevision, 2n, 'an exact revision')
    const third = await appendEvents(client, 'plan-1', 3, { expectedRevision: 'stream_exists' })
    t.equal(third.nextExpectedRevision, 5n, 'stream_exists')
    const fourth = await appendEvents(client, 'plan-1', 1, { expectedRevision: 'any' })
    t.equal(fourth.nextExpectedRevision, 6n, 'any on an existing stream')
    const other = await appendEvents(client, 'plan-2', 1, { expectedRevision: 'any' })
    t.equal(other.nextExpectedRevision, 0n, 'any on a new stream')

    const recorded = await collect(client.readStream('plan-1'))
    t.same(
      recorded.map((resolved) => resolved.event?.revision),
      [0n, 1n, 2n, 3n, 4n, 5n, 6n],
      'revisions are gapless from 0',
    )
    const last = recorded.at(-1)?.event
    t.same(fourth.position, last?.position, 'an append reports the position of its last event')
    t.equal(fourth.position?.commit, fourth.position?.prepare, 'commit and prepare positions are equal')
    t.ok(second.position!.commit > first.position!.commit, 'later appends have later positions')
  })

  t.test(`${features}: a wrong expected revision reports stream, expected and actual, and writes nothing`, async (t) => {
    const { client } = await serverAndClient(t, { features })
    await appendEvents(client, 'existing', 2)
    const refused = async (stream: string, expectedRevision: AppendExpectedRevision): Promise<unknown> =>
      appendEvents(client, stream, 1, { expectedRevision }).then(
        () => t.fail(`${stream} with ${String(expectedRevision)} succeeded`),
        (error: unknown) => error,
      )

    const cases: [string, AppendExpectedRevision, bigint | 'no_stream'][] = [
      ['existing', 'no_stream', 1n],
      ['existing', 0n, 1n],
      ['existing', 7n, 1n],
      ['missing', 'stream_exists', 'no_stream'],
      ['missing', 0n, 'no_stream'],
    ]
    for (const [stream, expected, actual] of cases) {
      const error = await refused(stream, expected)
      t.type(error, WrongExpectedVersionError, `${stream} expecting ${String(expected)}`)
      t.match(error, { streamName: stream, expectedVersion: expected, actualVersion: actual })
    }
    t.equal((await collect(client.readAll())).length, 2, 'no refused event was written')
  })

  t.test(`${features}: a retried append is answered with the original result and writes nothing`, async (t) => {
    const { client } = await serverAndClient(t, { features })
    const a = events(2)
    const b = events(2)
    const count = async (): Promise<number> => (await collect(client.readAll())).length
    const original = {
      a: await client.appendToStream('retried', a, { expectedRevision: 'no_stream' }),
      b: await client.appendToStream('retried', b, { expectedRevision: 1n }),
    }
    await appendEvents(client, 'retried', 1)
    t.equal(await count(), 5)

    const retries: [string, typeof a, AppendExpectedRevision, typeof original.a][] = [
      ['no_stream', a, 'no_stream', original.a],
      ['the exact revision the first write expected', b, 1n, original.b],
      ['any', b, 'any', original.b],
      ['stream_exists', a, 'stream_exists', original.a],
    ]
    for (const [label, proposed, expectedRevision, expected] of retries) {
      const retry = await client.appendToStream('retried', proposed, { expectedRevision })
      t.same(retry, expected, `${label}: the original result`)
    }
    const firstOfB = await client.appendToStream('retried', b.slice(0, 1), { expectedRevision: 'any' })
    t.equal(firstOfB.nextExpectedRevision, 2n, 'a prefix of an earlier write answers where that prefix ends')
    t.equal(await count(), 5, 'no retry wrote anything')

    const misplaced = await client.appendToStream('retried', b, { expectedRevision: 0n }).catch((error: unknown) => error)
    t.type(misplaced, WrongExpectedVersionError, 'ids recorded elsewhere than expected do not make a retry')
    const diverging = await client.appendToStream('retried', [b[0]!, jsonEvent({ type: 'new', data: {} })], {
      expectedRevision: 'any',
    })
    t.equal(diverging.nextExpectedRevision, 6n, 'ids that diverge from the recorded ones are a new write')
    t.equal(await count(), 7)
  })

  t.test(`${features}: an empty append writes nothing and answers the current state`, async (t) => {
    const { client } = await serverAndClient(t, { features })
    const onNew = await client.appendToStream('empty', [], { expectedRevision: 'no_stream' })
    t.equal(onNew.position, undefined, 'no position for a stream that does not exist')
    // The server answers `no_stream`; the client reads the unset revision field as 0.
    t.equal(onNew.nextExpectedRevision, 0n)
    const written = await appendEvents(client, 'empty', 2)
    const onExisting = await client.appendToStream('empty', [], { expectedRevision: 1n })
    t.same(onExisting, written, "the stream's last revision and position")
    const refused = await client.appendToStream('empty', [], { expectedRevision: 'no_stream' }).catch((e: unknown) => e)
    t.match(refused, { expectedVersion: 'no_stream', actualVersion: 1n }, 'the expectation is still checked')
    t.equal((await collect(client.readAll())).length, 2)
  })
}

t.test('current: an append split over several BatchAppend requests is written whole', async (t) => {
  const { client } = await serverAndClient(t, { features: 'current' })
  const proposed = Array.from({ length: 20 }, (_, n) => jsonEvent({ type: 'big', data: { n, text: 'x'.repeat(200) } }))
  // A small batch size makes the client send one correlation id across many requests.
  const result = await client.appendToStream('split', proposed, { expectedRevision: 'no_stream', batchAppendSize: 1_000 })
  t.equal(result.nextExpectedRevision, 19n)
  const recorded = await collect(client.readStream('split'))
  t.same(
    recorded.map((resolved) => resolved.event?.id),
    proposed.map((event) => event.id),
  )
})

for (const features of featureModes) {
  t.test(`${features}: concurrent appends to many streams all land, each stream gapless`, async (t) => {
    const { client } = await serverAndClient(t, { features })
    const streams = Array.from({ length: 8 }, (_, n) => `concurrent-${n}`)
    await Promise.all(streams.flatMap((stream) => [1, 2, 3].map(() => appendEvents(client, stream, 2))))
    const all = await collect(client.readAll())
    t.equal(all.length, 48)
    for (const stream of streams) {
      const revisions = (await collect(client.readStream(stream))).map((resolved) => resolved.event?.revision)
      t.same(revisions, [0n, 1n, 2n, 3n, 4n, 5n], stream)
    }
  })
}
