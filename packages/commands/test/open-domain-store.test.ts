import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { upcasters } from '@treguesi/domain'
import { openDomainStore } from '@treguesi/commands'
import { collect } from '@treguesi/event-store/contract'

const registeredV1 = {
  id: randomUUID(),
  type: 'municipality.registered.v1',
  data: { code: 'DRE', name: { sq: 'Komuna e Drenasit' }, country: 'XK', currency: 'EUR' },
}

t.test('the store reads superseded events as their current version', async (t) => {
  const store = await openDomainStore({ store: 'sqlite', path: ':memory:', sync: 'normal' })
  t.teardown(() => store.close())
  t.equal(store.kind, 'sqlite')
  await store.append('municipality-DRE', [registeredV1])
  const [read] = await collect(store.readStream('municipality-DRE'))
  t.equal(read!.type, 'municipality.registered.v2')
  t.strictSame(read!.data, { ...registeredV1.data, kind: 'komuna' })
  t.match(read!.metadata, { chain: { previous: null, hash: /^[0-9a-f]{64}$/ } }, 'appends are hash-chained')
  const [recorded] = await collect(store.recorded.readStream('municipality-DRE'))
  t.equal(recorded!.type, 'municipality.registered.v1', 'the log as recorded keeps the version it was written in')
})

t.test('the clock and the upcasters can be given', async (t) => {
  const recordedAt = new Date('2021-05-04T08:00:00Z')
  const store = await openDomainStore({ store: 'sqlite', path: ':memory:', sync: 'normal' }, { clock: () => recordedAt, upcasters })
  t.teardown(() => store.close())
  await store.append('municipality-DRE', [registeredV1])
  const [read] = await collect(store.readAll({ filter: { eventTypePrefixes: ['municipality.registered.v2'] } }))
  t.equal(read!.recordedAt.toISOString(), recordedAt.toISOString())
  t.equal(read!.data.kind, 'komuna')
})

t.test('start-up fails, naming the type, before anything is opened, when an upcaster is missing', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'treguesi-domain-store-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const folder = join(dir, 'data')
  await t.rejects(openDomainStore({ store: 'sqlite', path: join(folder, 'treguesi.db'), sync: 'normal' }, { upcasters: [] }), {
    code: 'TRG_UPCASTER_MISSING',
    details: { type: 'municipality.registered.v1', problem: 'has no upcaster to a newer version' },
    message: 'Events of type municipality.registered.v1 cannot be read as a current version: has no upcaster to a newer version',
  })
  t.notOk(existsSync(folder), 'no store was opened')
})
