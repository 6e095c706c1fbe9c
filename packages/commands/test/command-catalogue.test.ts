import { randomUUID } from 'node:crypto'
import t from 'tap'
import { SqliteEventStore } from '@treguesi/event-store'
import { collect } from '@treguesi/event-store/contract'
import { commandTypes, executeCommand } from '@treguesi/commands'

const context = () => ({
  commandId: randomUUID(),
  actor: { id: 'admin', role: 'admin' },
  occurredAt: '2025-01-10T09:00:00Z',
})

t.test('a command is routed to its aggregate stream by its type', async (t) => {
  const store = new SqliteEventStore({ path: ':memory:' })
  t.teardown(() => store.close())
  const result = await executeCommand(
    store,
    { type: 'RegisterMunicipality', code: 'DRE', name: { sq: 'Komuna e Drenasit' }, country: 'XK', currency: 'EUR' },
    context(),
  )
  t.equal(result.revision, 0n)
  const [event] = await collect(store.readStream('municipality-DRE'))
  t.equal(event!.type, 'municipality.registered.v2')
  t.ok(commandTypes.includes('RegisterMunicipality'))
  t.ok(commandTypes.includes('SetMunicipalBudgetTotal'))
})

t.test('an unknown command, bad fields or a bad context are refused before anything is read', async (t) => {
  const store = new SqliteEventStore({ path: ':memory:' })
  t.teardown(() => store.close())
  await t.rejects(executeCommand(store, { type: 'DeleteEverything' }, context()), {
    code: 'TRG_INVALID_COMMAND',
    details: { command: 'DeleteEverything', field: 'type', problem: /must be one of .*RegisterMunicipality/ },
  })
  await t.rejects(executeCommand(store, null, context()), { code: 'TRG_INVALID_COMMAND', details: { command: 'undefined', field: 'type' } })
  await t.rejects(
    executeCommand(store, { type: 'RegisterMunicipality', code: 'DRE', name: { sq: 'Drenas' }, country: 'XK', currency: 'ALL' }, context()),
    { code: 'TRG_INVALID_COMMAND', details: { command: 'RegisterMunicipality', field: 'currency' } },
  )
  await t.rejects(
    executeCommand(
      store,
      { type: 'RegisterMunicipality', code: 'DRE', name: { sq: 'Drenas' }, country: 'XK', currency: 'EUR' },
      { ...context(), occurredAt: '2025-01-10' },
    ),
    { code: 'TRG_INVALID_COMMAND', details: { field: 'occurredAt', problem: /ISO 8601 date-time/ } },
  )
  await t.rejects(
    executeCommand(
      store,
      { type: 'RegisterMunicipality', code: 'DRE', name: { sq: 'Drenas' }, country: 'XK', currency: 'EUR' },
      { ...context(), actor: { id: 'x', role: 'owner' } },
    ),
    { code: 'TRG_INVALID_COMMAND', details: { field: 'actor.role' } },
  )
  t.equal(await store.headPosition(), null, 'nothing was written')
})

t.test('an expected revision reaches the handling of the command', async (t) => {
  const store = new SqliteEventStore({ path: ':memory:' })
  t.teardown(() => store.close())
  const register = { type: 'RegisterMunicipality', code: 'DRE', name: { sq: 'Komuna e Drenasit' }, country: 'XK', currency: 'EUR' }
  await executeCommand(store, register, context(), { expectedRevision: 'no_stream' })
  const total = { type: 'SetMunicipalBudgetTotal', code: 'DRE', fiscalYear: 2025, total: { amount: '1000', currency: 'EUR' } }
  await t.rejects(executeCommand(store, total, context(), { expectedRevision: 3n }), {
    code: 'TRG_STORE_WRONG_EXPECTED_REVISION',
    details: { stream: 'municipality-DRE', expected: 3n, actual: 0n },
  })
  t.equal((await executeCommand(store, total, context(), { expectedRevision: 0n })).revision, 1n)
})
