import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { municipality, municipalityCommandSchema, municipalityStream, parseCommand } from '@treguesi/domain'
import { SqliteEventStore } from '@treguesi/event-store'
import { collect, openInTempDir } from '@treguesi/event-store/contract'
import { eventIdFor, handleCommand } from '@treguesi/commands'

const openStore = (t: Test) => openInTempDir(t, 'treguesi-commands-', (dir) => new SqliteEventStore({ path: join(dir, 'events.db') }))

const command = (input: object) => parseCommand('command', municipalityCommandSchema, input)
const register = command({
  type: 'RegisterMunicipality',
  code: 'ELB',
  name: { sq: 'Bashkia Elbasan' },
  country: 'AL',
  currency: 'ALL',
})
const budget = (amount: string) =>
  command({ type: 'SetMunicipalBudgetTotal', code: 'ELB', fiscalYear: 2024, total: { amount, currency: 'ALL' } })
const context = (overrides: { correlationId?: string; causationId?: string } = {}) => ({
  commandId: randomUUID(),
  actor: { id: 'zyra-barazise-gjinore', role: 'editor' as const, municipality: 'ELB' },
  occurredAt: '2025-03-01T10:00:00+01:00',
  ...overrides,
})
const stream = municipalityStream('ELB')

t.test('a command is decided and recorded with its envelope and derived event ids', async (t) => {
  const store = await openStore(t)
  const ctx = context()
  const result = await handleCommand(store, municipality, stream, register, ctx)
  t.equal(result.revision, 0n)
  t.equal(result.replayed, false)
  t.same(
    result.events.map((e) => e.type),
    ['municipality.registered.v2'],
  )
  const [recorded] = await collect(store.readStream(stream))
  t.equal(recorded!.position, result.position)
  t.equal(recorded!.id, eventIdFor(ctx.commandId, 0), 'the event id derives from the command id')
  t.same(recorded!.metadata, {
    actor: ctx.actor,
    commandId: ctx.commandId,
    correlationId: ctx.commandId,
    causationId: ctx.commandId,
    occurredAt: '2025-03-01T10:00:00+01:00',
    envelopeVersion: 1,
  })
  t.same(recorded!.data, { code: 'ELB', name: { sq: 'Bashkia Elbasan' }, country: 'AL', currency: 'ALL', kind: 'bashkia' })
})

t.test('the same command id again returns the first result and writes nothing', async (t) => {
  const store = await openStore(t)
  await handleCommand(store, municipality, stream, register, context())
  const ctx = context({ correlationId: randomUUID(), causationId: randomUUID() })
  const first = await handleCommand(store, municipality, stream, budget('4250000000'), ctx)
  await handleCommand(store, municipality, stream, budget('4300000000'), context())
  const again = await handleCommand(store, municipality, stream, budget('4250000000'), ctx)
  t.same(again, { ...first, replayed: true }, 'the first result, marked as a replay')
  t.equal((await collect(store.readStream(stream))).length, 3, 'nothing was appended')
  const [, set] = await collect(store.readStream(stream))
  t.match(set!.metadata, { correlationId: ctx.correlationId, causationId: ctx.causationId })
  t.equal(eventIdFor(ctx.commandId.toUpperCase(), 0), eventIdFor(ctx.commandId, 0), 'ids ignore the case of the command id')
})

t.test('a command that changes nothing records nothing', async (t) => {
  const store = await openStore(t)
  await handleCommand(store, municipality, stream, register, context())
  await handleCommand(store, municipality, stream, budget('100'), context())
  const result = await handleCommand(store, municipality, stream, budget('100'), context())
  t.same(result, { events: [], revision: 1n, position: null, replayed: false })
})

t.test('concurrent commands: the loser decides again on the new state', async (t) => {
  const store = await openStore(t)
  await handleCommand(store, municipality, stream, register, context())
  const [a, b] = await Promise.all([
    handleCommand(store, municipality, stream, budget('100'), context()),
    handleCommand(store, municipality, stream, budget('200'), context()),
  ])
  t.same([a.revision, b.revision].sort(), [1n, 2n], 'both recorded, one after the other')
  const [x, y] = await Promise.allSettled([
    handleCommand(store, municipality, municipalityStream('DRE'), { ...register, code: 'DRE' }, context()),
    handleCommand(store, municipality, municipalityStream('DRE'), { ...register, code: 'DRE' }, context()),
  ])
  const outcomes = [x!.status, y!.status].sort()
  t.same(outcomes, ['fulfilled', 'rejected'], 'one registration wins')
  const refused = [x, y].find((outcome) => outcome!.status === 'rejected') as PromiseRejectedResult
  t.match(refused.reason, { code: 'TRG_ALREADY_EXISTS' }, 'the re-made decision is a refusal')
})

t.test('with no attempts left the conflict is reported', async (t) => {
  const store = await openStore(t)
  await handleCommand(store, municipality, stream, register, context())
  const outcomes = await Promise.allSettled([
    handleCommand(store, municipality, stream, budget('100'), context(), { maxAttempts: 1 }),
    handleCommand(store, municipality, stream, budget('200'), context(), { maxAttempts: 1 }),
  ])
  const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult
  t.match(refused.reason, { code: 'TRG_STORE_WRONG_EXPECTED_REVISION', details: { expected: 0n, actual: 1n } })
})

t.test('refusals and store errors reach the caller', async (t) => {
  const store = await openStore(t)
  await t.rejects(handleCommand(store, municipality, stream, budget('1'), context()), { code: 'TRG_NOT_FOUND' })
  await store.close()
  await t.rejects(handleCommand(store, municipality, stream, register, context()), { code: 'TRG_STORE_CLOSED' })
})

t.test('with an expected revision the command is decided against exactly that revision', async (t) => {
  const store = await openStore(t)
  const created = await handleCommand(store, municipality, stream, register, context(), { expectedRevision: 'no_stream' })
  t.equal(created.revision, 0n, "'no_stream' lets the first command create the stream")
  const first = context()
  const set = await handleCommand(store, municipality, stream, budget('100'), first, { expectedRevision: 0n })
  t.equal(set.revision, 1n)

  await t.rejects(handleCommand(store, municipality, stream, budget('200'), context(), { expectedRevision: 0n }), {
    code: 'TRG_STORE_WRONG_EXPECTED_REVISION',
    details: { stream, expected: 0n, actual: 1n },
  })
  await t.rejects(handleCommand(store, municipality, stream, register, context(), { expectedRevision: 'no_stream' }), {
    code: 'TRG_STORE_WRONG_EXPECTED_REVISION',
    details: { expected: 'no_stream', actual: 1n },
  })
  await t.rejects(
    handleCommand(store, municipality, municipalityStream('DRE'), { ...register, code: 'DRE' }, context(), { expectedRevision: 4n }),
    { code: 'TRG_STORE_WRONG_EXPECTED_REVISION', details: { stream: municipalityStream('DRE'), expected: 4n, actual: 'no_stream' } },
  )
  await t.rejects(
    handleCommand(store, municipality, stream, budget('100'), context(), { expectedRevision: 0n }),
    {
      code: 'TRG_STORE_WRONG_EXPECTED_REVISION',
    },
    'even a command that would change nothing is refused on a stale revision',
  )
  t.equal((await collect(store.readStream(stream))).length, 2, 'the refusals wrote nothing')
  t.equal(await store.headPosition(), set.position)

  const again = await handleCommand(store, municipality, stream, budget('100'), first, { expectedRevision: 0n })
  t.same(again, { ...set, replayed: true }, 'a retried command id gets its first answer though the revision has moved on')
  const unchanged = await handleCommand(store, municipality, stream, budget('100'), context(), { expectedRevision: 1n })
  t.same(unchanged, { events: [], revision: 1n, position: null, replayed: false })
})

t.test('two writers with the same expected revision: one is recorded, the other told, not re-decided', async (t) => {
  const store = await openStore(t)
  await handleCommand(store, municipality, stream, register, context())
  const outcomes = await Promise.allSettled([
    handleCommand(store, municipality, stream, budget('100'), context(), { expectedRevision: 0n, maxAttempts: 5 }),
    handleCommand(store, municipality, stream, budget('200'), context(), { expectedRevision: 0n, maxAttempts: 5 }),
  ])
  t.same(outcomes.map((outcome) => outcome.status).sort(), ['fulfilled', 'rejected'])
  const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult
  t.match(refused.reason, { code: 'TRG_STORE_WRONG_EXPECTED_REVISION', details: { expected: 0n, actual: 1n } })
  t.equal((await collect(store.readStream(stream))).length, 2, 'only the winner was appended')
})
