import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import t, { type Test } from 'tap'
import { municipality, municipalityCommandSchema, municipalityStream, parseCommand } from '@treguesi/domain'
import { isTreguesiError } from '@treguesi/errors'
import { SqliteEventStore } from '@treguesi/event-store'
import { collect, openInTempDir } from '@treguesi/event-store/contract'
import { eventIdFor, executeCommand, handleCommand } from '@treguesi/commands'

const openStore = (t: Test) => openInTempDir(t, 'treguesi-command-reuse-', (dir) => new SqliteEventStore({ path: join(dir, 'events.db') }))

const actor = { id: 'zyra-barazise-gjinore', role: 'admin' as const }
const occurredAt = '2025-03-01T10:00:00+01:00'
const register = (code: string) => ({
  type: 'RegisterMunicipality',
  code,
  name: { sq: `Bashkia ${code}` },
  country: 'AL',
  currency: 'ALL',
})
const budgetTotal = (amount: string) => ({
  type: 'SetMunicipalBudgetTotal',
  code: 'ELB',
  fiscalYear: 2024,
  total: { amount, currency: 'ALL' },
})

async function refusedAsReuse(t: Test, attempt: Promise<unknown>, stream: string): Promise<void> {
  const error = await attempt.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  t.ok(isTreguesiError(error, 'TRG_COMMAND_ID_REUSED'), 'refused as a reused command id')
  if (isTreguesiError(error, 'TRG_COMMAND_ID_REUSED')) t.match(error.details, { field: 'commandId', stream })
}

t.test('the same id with the same command is a retry, whatever its key order or stated time', async (t) => {
  const store = await openStore(t)
  const commandId = randomUUID()
  await executeCommand(store, register('ELB'), { commandId: randomUUID(), actor, occurredAt })
  const first = await executeCommand(store, budgetTotal('5000000000'), { commandId, actor, occurredAt })
  const head = await store.headPosition()
  const reordered = { total: { currency: 'ALL', amount: '5000000000' }, fiscalYear: 2024, code: 'ELB', type: 'SetMunicipalBudgetTotal' }
  const again = await executeCommand(store, reordered, { commandId, actor, occurredAt: '2025-03-02T09:00:00+01:00' })
  t.same(again, { ...first, replayed: true })
  t.equal(await store.headPosition(), head, 'nothing was written again')
  const recorded = await collect(store.readStream(municipalityStream('ELB')))
  t.match(recorded[1]!.metadata, { commandId, commandHash: /^[0-9a-f]{64}$/ }, 'the hash of the command is kept with its events')
})

t.test('the same id with another command for the same entity is refused, and nothing is written', async (t) => {
  const store = await openStore(t)
  const commandId = randomUUID()
  await executeCommand(store, register('ELB'), { commandId: randomUUID(), actor, occurredAt })
  await executeCommand(store, budgetTotal('5000000000'), { commandId, actor, occurredAt })
  const head = await store.headPosition()
  await refusedAsReuse(t, executeCommand(store, budgetTotal('5100000000'), { commandId, actor, occurredAt }), municipalityStream('ELB'))
  t.equal(await store.headPosition(), head, 'nothing was written')
  const total = await executeCommand(store, budgetTotal('5100000000'), { commandId: randomUUID(), actor, occurredAt })
  t.same(
    total.events.map((event) => event.data),
    [{ code: 'ELB', fiscalYear: 2024, total: { amount: '5100000000', currency: 'ALL' } }],
    'with a new id the same command is recorded',
  )
})

t.test('the same id for a command on another entity is refused, and nothing is written', async (t) => {
  const store = await openStore(t)
  const commandId = randomUUID()
  await executeCommand(store, register('ELB'), { commandId, actor, occurredAt })
  const head = await store.headPosition()
  await refusedAsReuse(t, executeCommand(store, register('DRE'), { commandId, actor, occurredAt }), municipalityStream('DRE'))
  t.equal(await store.headPosition(), head, 'nothing was written')
})

t.test('events recorded without a command hash are answered as retries, as before the hash was kept', async (t) => {
  const store = await openStore(t)
  const commandId = randomUUID()
  const stream = municipalityStream('ELB')
  const [registered] = municipality.decide(parseCommand('command', municipalityCommandSchema, register('ELB')), municipality.initialState)
  const written = await store.append(stream, [
    { id: eventIdFor(commandId, 0), type: registered!.type, data: registered!.data as never, metadata: { commandId } },
  ])
  const retried = await executeCommand(store, register('ELB'), { commandId, actor, occurredAt })
  t.same(retried, { events: [registered], revision: written.nextExpectedRevision, position: written.position, replayed: true })
  const direct = await handleCommand(store, municipality, stream, parseCommand('command', municipalityCommandSchema, register('ELB')), {
    commandId,
    actor,
    occurredAt,
  })
  t.equal(direct.replayed, true, 'nor does a caller that states no hash have one compared')
})
