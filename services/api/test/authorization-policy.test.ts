import t from 'tap'
import { CommandReads, References } from '@treguesi/commands'
import { SqliteEventStore } from '@treguesi/event-store'
import { anonymous, type Principal } from '../src/access/principal.js'
import { assertAdmin, authorizeCommand } from '../src/access/policy.js'
import { canReadPlan, draftAccess } from '../src/access/read-policy.js'
import { principals } from './support/service.js'

t.test("a draft is read by its municipality's editors and admins; approved and closed plans by everyone", async (t) => {
  const readsElbasan = (principal: Principal) =>
    (['draft', 'approved', 'closed'] as const).map((status) => canReadPlan(principal, { municipality: 'ELB', status }))
  t.same(readsElbasan(anonymous), [false, true, true])
  t.same(readsElbasan(principals.viewer), [false, true, true], 'signing in is not enough')
  t.same(readsElbasan(principals.ministry), [false, true, true])
  t.same(readsElbasan(principals.editorDrenas), [false, true, true], "another municipality's editor")
  t.same(readsElbasan(principals.editorElbasan), [true, true, true])
  t.same(readsElbasan(principals.admin), [true, true, true])
  t.same(
    [anonymous, principals.viewer, principals.ministry, principals.editorElbasan, principals.admin].map(draftAccess),
    [[], [], [], ['ELB'], 'all'],
    'the drafts each reads',
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
