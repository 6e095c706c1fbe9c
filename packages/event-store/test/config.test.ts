import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { isTreguesiError } from '@treguesi/errors'
import { loadStoreConfig, openEventStore } from '@treguesi/event-store'

function configError(env: Record<string, string>, defaults = {}) {
  try {
    loadStoreConfig(env, defaults)
  } catch (error) {
    if (isTreguesiError(error, 'TRG_CONFIG_INVALID')) return error
    throw error
  }
  throw new Error('the configuration was accepted')
}

t.test('sqlite is the default store, with the default path and normal sync', async (t) => {
  t.same(loadStoreConfig({}, { dbPath: './data/treguesi.db' }), {
    store: 'sqlite',
    path: './data/treguesi.db',
    sync: 'normal',
  })
  t.same(loadStoreConfig({ TREGUESI_STORE: '', TREGUESI_DB_PATH: '/var/lib/t.db', TREGUESI_DB_SYNC: 'full' }), {
    store: 'sqlite',
    path: '/var/lib/t.db',
    sync: 'full',
  })
})

t.test('eventstoredb takes its connection string', async (t) => {
  t.same(loadStoreConfig({ TREGUESI_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false' }), {
    store: 'eventstoredb',
    connectionString: 'esdb://localhost:2113?tls=false',
  })
  t.equal(
    loadStoreConfig({ TREGUESI_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb+discover://a:2113,b:2113' }).store,
    'eventstoredb',
  )
})

t.test('a wrong or missing value names the variable to set', async (t) => {
  const missingPath = configError({ TREGUESI_STORE: 'sqlite' })
  t.same(missingPath.details.issues, [{ variable: 'TREGUESI_DB_PATH', problem: 'is not set' }])
  t.match(missingPath.message, /TREGUESI_DB_PATH: is not set/)
  t.equal(missingPath.category, 'BAD_CONFIGURATION')

  t.same(configError({ TREGUESI_STORE: 'postgres' }).details.issues, [
    { variable: 'TREGUESI_STORE', problem: 'must be sqlite or eventstoredb' },
  ])
  t.same(configError({ TREGUESI_STORE: 'eventstoredb' }).details.issues, [
    { variable: 'EVENTSTORE_CONNECTION_STRING', problem: 'is not set' },
  ])
  t.match(configError({ TREGUESI_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'http://x' }).details.issues, [
    { variable: 'EVENTSTORE_CONNECTION_STRING', problem: /esdb:\/\/localhost:2113/ },
  ])
  t.same(configError({ TREGUESI_DB_PATH: 'x.db', TREGUESI_DB_SYNC: 'sometimes' }).details.issues, [
    { variable: 'TREGUESI_DB_SYNC', problem: 'must be normal or full' },
  ])
  t.same(configError({ TREGUESI_DB_PATH: '' }).details.issues, [{ variable: 'TREGUESI_DB_PATH', problem: 'must not be empty' }])
})

t.test('openEventStore creates the folder of a new database file', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'treguesi-open-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const path = join(dir, 'nested', 'deeper', 'treguesi.db')
  const store = await openEventStore(loadStoreConfig({ TREGUESI_DB_PATH: path }))
  t.equal(store.kind, 'sqlite')
  t.ok(existsSync(path))
  await store.close()
  const memory = await openEventStore(loadStoreConfig({ TREGUESI_DB_PATH: ':memory:' }))
  t.equal(await memory.headPosition(), null)
  await memory.close()
})
