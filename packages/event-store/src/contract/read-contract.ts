import type { Test } from 'tap'
import { maxPosition } from '../validation.js'
import type { ContractFixture } from './fixture.js'
import { freshStore, rejectsWith } from './append-contract.js'
import { collect, events, isStrictlyIncreasing, newEvent, positions, streamName } from './support.js'

export function readContract(t: Test, fixture: ContractFixture): void {
  t.test('readStream: both directions, from a revision, at most a count', async (t) => {
    const store = await freshStore(t, fixture)
    const stream = streamName()
    await store.append(stream, events(5))
    await store.append(streamName(), events(2))
    await store.append(stream, events(5))
    const revisions = async (options: Parameters<typeof store.readStream>[1]) =>
      (await collect(store.readStream(stream, options))).map((event) => Number(event.revision))
    t.same(await revisions(undefined), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 'forwards by default, gapless')
    t.same(await revisions({ direction: 'backwards' }), [9, 8, 7, 6, 5, 4, 3, 2, 1, 0])
    t.same(await revisions({ fromRevision: 7n }), [7, 8, 9], 'from a revision, inclusive')
    t.same(await revisions({ direction: 'backwards', fromRevision: 2n }), [2, 1, 0])
    t.same(await revisions({ maxCount: 3 }), [0, 1, 2])
    t.same(await revisions({ direction: 'backwards', maxCount: 2 }), [9, 8])
    t.same(await revisions({ fromRevision: 4n, maxCount: 2 }), [4, 5])
    t.same(await revisions({ fromRevision: 10n }), [], 'past the end is empty')
    t.same(await collect(store.readStream(streamName())), [], 'a stream that does not exist reads as empty')
    const all = await collect(store.readStream(stream))
    t.ok(isStrictlyIncreasing(positions(all)), 'positions increase along the stream')
  })

  t.test('readAll: global order, exclusive positions, both directions, counts', async (t) => {
    const store = await freshStore(t, fixture)
    const [a, b, c] = [streamName('a'), streamName('b'), streamName('c')]
    await store.append(a, events(2))
    await store.append(b, events(3))
    await store.append(a, events(1))
    await store.append(c, events(2))
    const all = await collect(store.readAll())
    t.equal(all.length, 8)
    t.same(
      all.map((event) => event.stream),
      [a, a, b, b, b, a, c, c],
      'events in commit order',
    )
    t.ok(isStrictlyIncreasing(positions(all)), 'positions strictly increase')
    const backwards = await collect(store.readAll({ direction: 'backwards' }))
    t.same(positions(backwards), positions(all).reverse(), 'backwards is the reverse')
    const third = all[2]!.position
    t.same(
      positions(await collect(store.readAll({ fromPosition: third }))),
      positions(all).slice(3),
      'forwards from a position excludes it',
    )
    t.same(
      positions(await collect(store.readAll({ fromPosition: third, direction: 'backwards' }))),
      positions(all).slice(0, 2).reverse(),
      'backwards from a position excludes it',
    )
    t.same(positions(await collect(store.readAll({ maxCount: 2 }))), positions(all).slice(0, 2))
    t.same(positions(await collect(store.readAll({ fromPosition: third, maxCount: 1 }))), [all[3]!.position])
    t.same(await collect(store.readAll({ fromPosition: all[7]!.position })), [], 'nothing after the head')
  })

  t.test('readAll filters by event-type prefix and stream prefix, exactly', async (t) => {
    const store = await freshStore(t, fixture)
    const run = streamName('run')
    const plan = `plan_${run}`
    const indicator = `indicator%${run}`
    await store.append(plan, [newEvent('plan.registered'), newEvent('plan.approved')])
    await store.append(indicator, [newEvent('indicator.defined'), newEvent('Indicator.Defined')])
    await store.append(`PLAN_${run}`, [newEvent('plan.registered')])
    await store.append(`planX${run}`, [newEvent('plan.registered')])
    const types = async (filter: object) =>
      (await collect(store.readAll({ filter }))).map((event) => `${event.stream.slice(0, 6)}:${event.type}`)
    t.same(await types({ eventTypePrefixes: ['indicator.'] }), ['indica:indicator.defined'], 'type prefix, case-sensitive')
    t.same(
      await types({ streamPrefixes: [`plan_${run}`] }),
      ['plan_r:plan.registered', 'plan_r:plan.approved'],
      'stream prefix: _ is a plain character',
    )
    t.same(
      await types({ streamPrefixes: ['indicator%'] }),
      ['indica:indicator.defined', 'indica:Indicator.Defined'],
      '% is a plain character',
    )
    t.same(
      await types({ streamPrefixes: [plan, indicator], eventTypePrefixes: ['plan.a', 'Indicator'] }),
      ['plan_r:plan.approved', 'indica:Indicator.Defined'],
      'several prefixes, both filters together',
    )
    t.same(await types({ eventTypePrefixes: ['nothing'] }), [])
    t.same(
      (await collect(store.readAll({ filter: { eventTypePrefixes: ['plan.'] }, direction: 'backwards', maxCount: 2 }))).map(
        (event) => event.stream,
      ),
      [`planX${run}`, `PLAN_${run}`],
      'filters combine with direction and count',
    )
  })

  t.test('reads refuse bad options with TRG_STORE_INVALID_READ', async (t) => {
    const store = await freshStore(t, fixture)
    const bad: Array<[() => AsyncIterable<unknown>, string]> = [
      [() => store.readStream('', {}), 'empty stream'],
      [() => store.readStream('s', { maxCount: 0 }), 'maxCount 0'],
      [() => store.readStream('s', { fromRevision: -1n }), 'negative revision'],
      [() => store.readStream('s', { direction: 'sideways' as never }), 'unknown direction'],
      [() => store.readAll({ fromPosition: -1n }), 'negative position'],
      [() => store.readAll({ maxCount: 1.5 }), 'fractional count'],
      [() => store.readAll({ filter: { streamPrefixes: [''] } }), 'empty prefix'],
    ]
    for (const [read, label] of bad) {
      await rejectsWith(t, collect(read()), 'TRG_STORE_INVALID_READ', label)
    }
  })

  t.test('revisions and positions are 64-bit: 2^63 - 1 is read, one more is refused naming the field', async (t) => {
    const store = await freshStore(t, fixture)
    const stream = streamName()
    await store.append(stream, events(3))
    const all = await collect(store.readAll())
    const head = await store.headPosition()
    t.same(await collect(store.readAll({ fromPosition: maxPosition })), [], 'nothing lies after the largest position')
    t.same(
      positions(await collect(store.readAll({ fromPosition: maxPosition, direction: 'backwards' }))),
      positions(all).reverse(),
      'everything lies before it',
    )
    t.same(await collect(store.readStream(stream, { fromRevision: maxPosition })), [], 'nothing from the largest revision on')
    t.equal((await collect(store.readStream(stream, { fromRevision: maxPosition, direction: 'backwards' }))).length, 3)

    const beyond = maxPosition + 1n
    const refusals: Array<[() => Promise<unknown>, string, string]> = [
      [() => collect(store.readAll({ fromPosition: beyond })), 'TRG_STORE_INVALID_READ', 'fromPosition'],
      [() => collect(store.readAll({ fromPosition: beyond, direction: 'backwards' })), 'TRG_STORE_INVALID_READ', 'fromPosition'],
      [() => collect(store.readStream(stream, { fromRevision: beyond })), 'TRG_STORE_INVALID_READ', 'fromRevision'],
      [async () => store.subscribeToAll({ fromPosition: beyond }), 'TRG_STORE_INVALID_READ', 'fromPosition'],
      [() => store.append(stream, events(1), { expectedRevision: beyond }), 'TRG_STORE_INVALID_APPEND', 'expectedRevision'],
    ]
    for (const [attempt, code, field] of refusals) {
      const error = await rejectsWith(t, attempt(), code, `${field} 2^63`)
      t.match(error, { details: { field, problem: 'must be at most 9223372036854775807 (2^63 - 1)' } })
    }
    t.equal(await store.headPosition(), head, 'nothing was written')
  })

  t.test('large events (1 MiB) and Albanian text round-trip byte for byte', async (t) => {
    const store = await freshStore(t, fixture)
    const stream = `bashkia-Elbasan-${streamName('barazi-gjinore-ë-ç')}`
    const text = 'Plani Vendor i Veprimit për Barazinë Gjinore — Çështje të Ëndrrave: ë Ë ç Ç « » € 🇦🇱'
    const large = 'ë'.repeat(512 * 1024) // 1 MiB of UTF-8
    const event = newEvent('plan.titled', { sq: text, large, nested: { fjalë: ['çka', 'është'] } }, { shënim: text })
    await store.append(stream, [event])
    const [read] = await collect(store.readStream(stream))
    t.equal(read!.stream, stream, 'the stream name keeps its letters')
    t.equal(Buffer.from(read!.data.sq as string, 'utf8').compare(Buffer.from(text, 'utf8')), 0, 'same bytes')
    t.equal((read!.data.large as string).length, large.length)
    t.equal(Buffer.byteLength(read!.data.large as string, 'utf8'), 1024 * 1024)
    t.ok(read!.data.large === large, 'the large value is unchanged')
    t.same(read!.data.nested, { fjalë: ['çka', 'është'] })
    t.same(read!.metadata, { shënim: text })
    const [viaAll] = await collect(store.readAll({ filter: { streamPrefixes: ['bashkia-Elbasan-barazi-gjinore-ë'] } }))
    t.equal(viaAll!.id, event.id, 'a prefix with ë filters correctly')
  })
}
