import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { municipality, municipalityCommandSchema, municipalityStream, parseCommand } from '@treguesi/domain'
import { SqliteEventStore } from '@treguesi/event-store'
import { collect, openInTempDir } from '@treguesi/event-store/contract'
import { eventIdFor, executeCommand, handleCommand } from '@treguesi/commands'

const openStore = (t: Test) => openInTempDir(t, 'treguesi-command-id-', (dir) => new SqliteEventStore({ path: join(dir, 'events.db') }))

const register = {
  type: 'RegisterMunicipality',
  code: 'ELB',
  name: { sq: 'Bashkia Elbasan' },
  country: 'AL',
  currency: 'ALL',
} as const
const actor = { id: 'zyra-barazise-gjinore', role: 'admin' as const }
const occurredAt = '2025-03-01T10:00:00+01:00'
const stream = municipalityStream('ELB')

t.test('a command id in upper case is the same command as in lower case: the retry gets the first result', async (t) => {
  const store = await openStore(t)
  const commandId = randomUUID()
  const first = await executeCommand(store, register, { commandId: commandId.toUpperCase(), actor, occurredAt })
  const head = await store.headPosition()
  const again = await executeCommand(store, register, { commandId, actor, occurredAt })
  t.same(again, { ...first, replayed: true }, 'the first result, not a conflict')
  const mixed = await executeCommand(store, register, {
    commandId: `${commandId.slice(0, 8).toUpperCase()}${commandId.slice(8)}`,
    actor,
    occurredAt,
  })
  t.equal(mixed.replayed, true, 'any mix of cases')
  t.equal(await store.headPosition(), head, 'nothing was written again')
  const [recorded] = await collect(store.readStream(stream))
  t.match(recorded!.metadata, { commandId, correlationId: commandId, causationId: commandId }, 'recorded in lower case')
  t.equal(recorded!.id, eventIdFor(commandId, 0))
})

t.test('events recorded with an upper-case command id, or with none, are compared in the same canonical form', async (t) => {
  const store = await openStore(t)
  const commandId = randomUUID()
  const parse = (input: object) => parseCommand('command', municipalityCommandSchema, input)
  const [registered] = municipality.decide(parse(register), municipality.initialState)
  const setTotal = parse({ type: 'SetMunicipalBudgetTotal', code: 'ELB', fiscalYear: 2024, total: { amount: '100', currency: 'ALL' } })
  const [totalSet] = municipality.decide(setTotal, municipality.evolve(municipality.initialState, registered!))
  // As an import without envelopes would record one, and as handleCommand recorded ids as given
  // before they were canonicalised.
  await store.append(stream, [{ id: randomUUID(), type: registered!.type, data: registered!.data as never }])
  const written = await store.append(stream, [
    { id: eventIdFor(commandId, 0), type: totalSet!.type, data: totalSet!.data as never, metadata: { commandId: commandId.toUpperCase() } },
  ])
  const retried = await handleCommand(store, municipality, stream, setTotal, { commandId, actor, occurredAt })
  t.same(retried, { events: [totalSet], revision: written.nextExpectedRevision, position: written.position, replayed: true })
  const direct = await handleCommand(store, municipality, stream, setTotal, { commandId: commandId.toUpperCase(), actor, occurredAt })
  t.equal(direct.replayed, true, 'an id handed to handleCommand directly is canonicalised too')
  t.equal(await store.headPosition(), written.position, 'nothing was written')
})
