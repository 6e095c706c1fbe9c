import { randomUUID } from 'node:crypto'
import { executeCommand } from '@treguesi/commands'
import { iatiProblems } from '@treguesi/exchange/iati-testing'
import t from 'tap'
import { downloadExport } from './support/downloads.js'
import { principals, startService } from './support/service.js'

// The IATI 2.03 download through a real listening server: refused as JSON until every
// municipality with a published plan has its identifier, then a document valid against the
// schema, codelists and rules, the same bytes for the same request, and 204 when nothing changed.

const service = await startService(t)
const admin = service.token(principals.admin)

const download = (query = '', token?: string) => downloadExport(service.url, 'activities.iati.xml', query, token)

t.test('refused as JSON while a municipality has no identifier', async (t) => {
  const refused = await download()
  t.equal(refused.status, 400)
  t.match(JSON.parse(refused.text), { errors: [{ extensions: { trgCode: 'TRG_INVALID_STATE', details: { id: 'DRE, ELB' } } }] })
})

t.test('valid IATI 2.03 for each caller, the same bytes again; nothing changed: 204', async (t) => {
  for (const [code, identifier] of [
    ['ELB', 'AL-COA-ELB'],
    ['DRE', 'XK-COA-DRE'],
  ]) {
    await executeCommand(
      service.store,
      { type: 'SetMunicipalityIatiIdentifier', code, identifier },
      { commandId: randomUUID(), actor: { id: 'admin-1', role: 'admin' }, occurredAt: '2025-06-02T10:00:00+02:00' },
    )
  }
  const head = (await service.store.headPosition())!
  if (!(await service.live.reach(head, 5000))) throw new Error('the read models did not reach the identifiers')
  const anonymous = await download(`?asOf=${head}`)
  t.equal(anonymous.status, 200)
  t.equal(anonymous.type, 'application/xml; charset=utf-8')
  t.equal(anonymous.disposition, `attachment; filename="treguesi-activities-${head}.iati.xml"`)
  t.same(await iatiProblems(anonymous.text), [], 'schema, codelists and rules')
  t.equal(anonymous.text.match(/<iati-activity /g)?.length, 3)
  t.equal((await download(`?asOf=${head}`)).text, anonymous.text, 'the same bytes again')
  t.equal(
    (await download(`?asOf=${head}`, admin)).text.match(/<iati-activity /g)?.length,
    3,
    'drafts are never published, not even to admins',
  )
  const nothing = await download(`?since=${head}`)
  t.equal(nothing.status, 204)
  t.equal(nothing.position, String(head))
  t.equal(nothing.text, '')
})
