import t from 'tap'
import { CommandReads, References } from '@treguesi/commands'
import { SqliteEventStore } from '@treguesi/event-store'
import { anonymous, type Principal } from '../src/access/principal.js'
import { assertAdmin, authorizeCommand, canReadPlan } from '../src/access/policy.js'
import { principals } from './support/service.js'

t.test('anonymous callers read approved and closed plans; everyone else every plan', async (t) => {
  t.same(
    (['draft', 'approved', 'closed'] as const).map((status) => canReadPlan(anonymous, status)),
    [false, true, true],
  )
  t.same(
    (['draft', 'approved', 'closed'] as const).map((status) => canReadPlan(principals.viewer, status)),
    [true, true, true],
  )
})

t.test('audit operations are for admins only', async (t) => {
  t.throws(() => assertAdmin(anonymous, 'replay the log'), {
    code: 'TRG_UNAUTHENTICATED',
    details: { reason: 'replay the log needs a bearer token' },
  })
  t.throws(() => assertAdmin(principals.editorElbasan, 'replay the log'), {
    code: 'TRG_FORBIDDEN',
    details: { action: 'replay the log', reason: 'only admins may; you are editor' },
  })
  t.doesNotThrow(() => assertAdmin(principals.admin, 'replay the log'))
})

t.test('an editor sends only the commands the policy knows the municipality of', async (t) => {
  const store = new SqliteEventStore({ path: ':memory:' })
  t.teardown(() => store.close())
  const references = new References(new CommandReads(store))
  const editor: Principal = principals.editorElbasan
  await t.rejects(authorizeCommand(editor, { type: 'DeleteEverything' }, references), {
    code: 'TRG_FORBIDDEN',
    details: { action: 'run DeleteEverything', reason: 'only admins may' },
  })
  await t.rejects(authorizeCommand(editor, { type: 'SetMunicipalBudgetTotal', fiscalYear: 2024 }, references), {
    code: 'TRG_FORBIDDEN',
    details: { reason: 'it names no municipality' },
  })
  t.equal(await authorizeCommand(editor, { type: 'SetMunicipalBudgetTotal', code: 'ELB' }, references), 'ELB')
  t.equal(await authorizeCommand(principals.admin, { type: 'DeleteEverything' }, references), undefined, 'admins are not asked')
  await t.rejects(authorizeCommand(principals.ministry, { type: 'SetMunicipalBudgetTotal', code: 'ELB' }, references), {
    code: 'TRG_FORBIDDEN',
    details: { reason: 'the ministry role reads, it does not write' },
  })
})
