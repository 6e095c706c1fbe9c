import t from 'tap'
import { BACKWARDS, END, FORWARDS, START, StreamNotFoundError, binaryEvent, jsonEvent, type ResolvedEvent } from '@eventstore/db-client'
import { appendEvents, collect, serverAndClient } from './support.js'

const revisions = (read: ResolvedEvent[]): (bigint | undefined)[] => read.map((resolved) => resolved.event?.revision)
const commits = (read: ResolvedEvent[]): bigint[] => read.map((resolved) => resolved.event!.position!.commit)

t.test('readStream: directions, starting revisions and counts', async (t) => {
  const { client } = await serverAndClient(t)
  await appendEvents(client, 'counted', 5)
  await appendEvents(client, 'other', 2)
  const read = (options: Parameters<typeof client.readStream>[1]): Promise<ResolvedEvent[]> =>
    collect(client.readStream('counted', options))

  t.same(revisions(await read({ direction: FORWARDS, fromRevision: START })), [0n, 1n, 2n, 3n, 4n], 'forwards from the start')
  t.same(revisions(await read({ direction: BACKWARDS, fromRevision: END })), [4n, 3n, 2n, 1n, 0n], 'backwards from the end')
  t.same(revisions(await read({ direction: FORWARDS, fromRevision: 2n })), [2n, 3n, 4n], 'forwards from a revision, inclusive')
  t.same(revisions(await read({ direction: BACKWARDS, fromRevision: 2n })), [2n, 1n, 0n], 'backwards from a revision, inclusive')
  t.same(revisions(await read({ direction: FORWARDS, fromRevision: START, maxCount: 2 })), [0n, 1n], 'maxCount')
  t.same(revisions(await read({ direction: BACKWARDS, fromRevision: END, maxCount: 2 })), [4n, 3n], 'maxCount backwards')
  t.same(revisions(await read({ direction: FORWARDS, fromRevision: END })), [], 'forwards from the end: nothing')
  t.same(revisions(await read({ direction: BACKWARDS, fromRevision: START })), [0n], 'backwards from the start: the first event')
  t.same(revisions(await read({ direction: FORWARDS, fromRevision: 9n })), [], 'forwards from beyond the end: nothing')
  t.same(revisions(await read({ direction: BACKWARDS, fromRevision: 9n })), [4n, 3n, 2n, 1n, 0n], 'backwards from beyond the end')
})

t.test('readStream of a stream that does not exist throws StreamNotFoundError', async (t) => {
  const { client } = await serverAndClient(t)
  await appendEvents(client, 'exists', 1)
  const error = await collect(client.readStream('Bashkia-ë')).catch((e: unknown) => e)
  t.type(error, StreamNotFoundError)
  t.equal((error as StreamNotFoundError).streamName, 'Bashkia-ë')
})

t.test('a recorded event carries every field, with the injected clock and byte-exact Albanian text', async (t) => {
  const recordedAt = new Date(Date.UTC(2025, 0, 15, 8, 30, 15, 123))
  const { client } = await serverAndClient(t, { clock: () => recordedAt })
  const text = 'Bashkia Elbasan — barazi gjinore, ë ç Ë Ç'
  const json = jsonEvent({ type: 'plan.regjistruar', data: { text }, metadata: { text } })
  const bytes = Buffer.from(text, 'utf8')
  const binary = binaryEvent({ type: 'plan.skanuar', data: bytes, metadata: bytes })
  const result = await client.appendToStream('plan-ë', [json, binary], { expectedRevision: 'no_stream' })

  const [first, second] = await collect(client.readStream('plan-ë'))
  t.match(first?.event, {
    streamId: 'plan-ë',
    id: json.id,
    revision: 0n,
    type: 'plan.regjistruar',
    isJson: true,
    data: { text },
    metadata: { text },
  })
  t.equal(first?.event?.created.getTime(), recordedAt.getTime(), 'created is the injected clock, to the millisecond')
  t.match(second?.event, { id: binary.id, revision: 1n, type: 'plan.skanuar', isJson: false })
  t.same(Buffer.from(second?.event?.data as Uint8Array), bytes, 'binary data round-trips byte for byte')
  t.same(Buffer.from(second?.event?.metadata as Uint8Array), bytes, 'binary metadata round-trips byte for byte')
  t.same(second?.event?.position, result.position, 'stream reads carry the $all position')
  t.equal(second?.commitPosition, result.position?.commit, 'and the read event its commit position')
  const viaAll = await collect(client.readAll())
  t.same(
    viaAll.map((resolved) => resolved.event?.position),
    [first?.event?.position, second?.event?.position],
    'the same positions as $all',
  )
})

t.test('$all positions increase strictly, with gaps, and never start at 0 or 1', async (t) => {
  const { client } = await serverAndClient(t)
  await appendEvents(client, 'a', 3)
  await appendEvents(client, 'b', 2)
  await appendEvents(client, 'a', 1)
  const all = await collect(client.readAll())
  t.same(
    all.map((resolved) => `${resolved.event?.streamId}@${resolved.event?.revision}`),
    ['a@0', 'a@1', 'a@2', 'b@0', 'b@1', 'a@3'],
    'commit order',
  )
  const positions = commits(all)
  t.ok(positions[0]! > 1n, `the first position is ${positions[0]}`)
  for (let i = 1; i < positions.length; i++) {
    t.ok(positions[i]! - positions[i - 1]! > 1n, `${positions[i - 1]} → ${positions[i]} is increasing and not contiguous`)
  }
  t.same(
    all.map((resolved) => resolved.event?.position?.prepare),
    positions,
    'prepare equals commit',
  )
})

t.test('readAll: forwards from a position includes it, backwards excludes it', async (t) => {
  const { client } = await serverAndClient(t)
  await appendEvents(client, 'a', 5)
  const all = await collect(client.readAll())
  const positions = commits(all)
  const middle = all[2]!.event!.position!
  const read = async (options: Parameters<typeof client.readAll>[0]): Promise<bigint[]> => commits(await collect(client.readAll(options)))

  t.same(await read({ direction: FORWARDS, fromPosition: middle }), positions.slice(2), 'forwards: inclusive')
  t.same(await read({ direction: BACKWARDS, fromPosition: middle }), positions.slice(0, 2).reverse(), 'backwards: exclusive')
  t.same(await read({ direction: BACKWARDS, fromPosition: END }), [...positions].reverse(), 'backwards from the end')
  t.same(await read({ direction: FORWARDS, fromPosition: END }), [], 'forwards from the end: nothing')
  t.same(await read({ direction: BACKWARDS, fromPosition: START }), [], 'backwards from the start: nothing')
  t.same(await read({ direction: FORWARDS, fromPosition: START, maxCount: 2 }), positions.slice(0, 2), 'maxCount')
  t.same(await read({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }), positions.slice(-1), 'the head')
  const between = { commit: positions[2]! + 1n, prepare: positions[2]! + 1n }
  t.same(await read({ direction: FORWARDS, fromPosition: between }), positions.slice(3), 'a position between events')
})

t.test('readAll of an empty log returns nothing', async (t) => {
  const { client } = await serverAndClient(t)
  t.same(await collect(client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })), [])
})
