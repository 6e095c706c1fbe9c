import t from 'tap'
import { defaultDbPath, loadApiConfig } from '../src/config.js'
import { defaultProtection } from '../src/protection/settings.js'
import { issuesOf } from './support/config-issues.js'

t.test('defaults: 127.0.0.1:4000, info logs, the embedded store in ./data', async (t) => {
  t.same(loadApiConfig({}), {
    host: '127.0.0.1',
    port: 4000,
    logLevel: 'info',
    store: { store: 'sqlite', path: defaultDbPath, sync: 'normal' },
    jwtSecret: null,
    identityProvider: null,
    seed: 'demo',
    checkpointDirectory: `${defaultDbPath}.checkpoints`,
    consistencyTimeoutMs: 5000,
    smallCellThreshold: 5,
    protection: defaultProtection,
    printer: { chromiumPath: '/usr/bin/chromium', maxConcurrent: 1, timeoutMs: 60_000 },
  })
  t.match(loadApiConfig({ TREGUESI_SMALL_CELL_THRESHOLD: '10' }), { smallCellThreshold: 10 })
  t.match(
    loadApiConfig({ TREGUESI_CHROMIUM_PATH: '/opt/chromium/chrome', TREGUESI_PDF_CONCURRENCY: '2', TREGUESI_PDF_TIMEOUT_MS: '5000' }),
    { printer: { chromiumPath: '/opt/chromium/chrome', maxConcurrent: 2, timeoutMs: 5000 } },
  )
  t.same(issuesOf({ TREGUESI_PDF_CONCURRENCY: '0', TREGUESI_CHROMIUM_PATH: '' }), [
    { variable: 'TREGUESI_CHROMIUM_PATH', problem: 'must not be empty' },
    { variable: 'TREGUESI_PDF_CONCURRENCY', problem: 'must be at least 1' },
  ])
  t.match(loadApiConfig({ TREGUESI_CHECKPOINT_DIR: '/var/lib/treguesi/checkpoints' }), {
    checkpointDirectory: '/var/lib/treguesi/checkpoints',
  })
  t.match(loadApiConfig({ TREGUESI_JWT_SECRET: 's'.repeat(32), TREGUESI_SEED: 'none', TREGUESI_CONSISTENCY_TIMEOUT_MS: '250' }), {
    jwtSecret: 's'.repeat(32),
    seed: 'none',
    consistencyTimeoutMs: 250,
  })
  t.equal(defaultDbPath, './data/treguesi.db')
  t.match(loadApiConfig({ HOST: '0.0.0.0', PORT: '8080', LOG_LEVEL: 'warn' }), { host: '0.0.0.0', port: 8080, logLevel: 'warn' })
})

t.test('server and store problems are reported together, each naming its variable', async (t) => {
  t.equal(issuesOf({ PORT: '8080' }), 'accepted', 'a sound configuration lists no issues')
  t.same(issuesOf({ TREGUESI_JWT_SECRET: 'short' }), [{ variable: 'TREGUESI_JWT_SECRET', problem: 'must be at least 32 characters' }])
  t.same(issuesOf({ TREGUESI_SEED: 'all' }), [{ variable: 'TREGUESI_SEED', problem: 'must be demo or none' }])
  t.same(issuesOf({ TREGUESI_CONSISTENCY_TIMEOUT_MS: '-1' }), [
    { variable: 'TREGUESI_CONSISTENCY_TIMEOUT_MS', problem: 'must not be negative' },
  ])
  t.same(issuesOf({ TREGUESI_SMALL_CELL_THRESHOLD: '1' }), [{ variable: 'TREGUESI_SMALL_CELL_THRESHOLD', problem: 'must be at least 2' }])
  t.same(issuesOf({ PORT: '70000' }), [{ variable: 'PORT', problem: 'must be between 0 and 65535' }])
  t.same(issuesOf({ PORT: '1.5' }), [{ variable: 'PORT', problem: 'must be a whole number' }])
  t.same(issuesOf({ TREGUESI_STORE: 'eventstoredb' }), [{ variable: 'EVENTSTORE_CONNECTION_STRING', problem: 'is not set' }])
  t.same(issuesOf({ HOST: '', TREGUESI_DB_SYNC: 'x' }), [
    { variable: 'HOST', problem: 'must not be empty' },
    { variable: 'TREGUESI_DB_SYNC', problem: 'must be normal or full' },
  ])
})
