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
  t.equal(event!.type, 'municipality.registered.v1')
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
