import { randomUUID } from 'node:crypto'
import { executeCommand } from '@treguesi/commands'
import t from 'tap'
import { downloadExport } from './support/downloads.js'
import { principals, startService } from './support/service.js'

// The DHIS2 downloads (dataValueSet JSON and CSV, ADX) through a real listening server: refused
// with the unmapped items listed until the admins' mapping covers them, then the figures in
// DHIS2's codes with each format's media type, the same bytes for the same request.

const service = await startService(t)
const admin = service.token(principals.admin)

async function write(command: Record<string, unknown>): Promise<bigint> {
  const actor = { id: 'admin-1', role: 'admin' }
  const result = await executeCommand(service.store, command, { commandId: randomUUID(), actor, occurredAt: '2025-06-02T10:00:00+02:00' })
  return result.position!
}

const download = (file: string, query = '', token: string | undefined = admin) => downloadExport(service.url, file, query, token)

const counts = ['DV-CASES-MANAGED', 'DV-CASES-NEW', 'DV-REFERRAL-STAFF-TRAINED', 'DV-RENT-BONUS', 'GRB-TRAINED']

t.test('refused as JSON, listing what is unmapped, before anything is written', async (t) => {
  for (const file of ['figures.dhis2.json', 'figures.dhis2.csv', 'figures.adx.xml']) {
    const refused = await download(file)
    t.equal(refused.status, 400, file)
    const body = JSON.parse(refused.text) as {
      errors: { message: string; extensions: { trgCode: string; details: { unmapped: string[] } } }[]
    }
    t.equal(body.errors[0]?.extensions.trgCode, 'TRG_EXPORT_UNMAPPED')
    t.same(body.errors[0]?.extensions.details.unmapped, [
      'data element of national indicator AL-SKBGJ-DV-BUDGET-SHARE',
      ...counts.map((code) => `data element of national indicator AL-SKBGJ-${code}`),
      'org unit of municipality ELB',
    ])
    t.match(body.errors[0]?.message, /^The figures\.(dhis2|adx)\.(json|csv|xml) export names what it holds in the receiver's codes/)
  }
  t.equal((await download('figures.dhis2.json', '?municipality=DRE')).status, 200, "Drenas's figures need none of Elbasan's mapping")
})

t.test('mapped: each format with its media type, in DHIS2 codes, the same bytes again', async (t) => {
  await write({ type: 'MapDhis2OrgUnit', municipality: 'ELB', orgUnit: 'AL_ELB' })
  for (const code of [...counts, 'DV-BUDGET-SHARE']) {
    await write({
      type: 'MapDhis2DataElement',
      indicator: { nationalCode: `AL-SKBGJ-${code}` },
      dataSet: 'LAP_GENDER_EQUALITY',
      dataElement: code === 'DV-BUDGET-SHARE' ? { numerator: 'LAP_SHARE_NUM', denominator: 'LAP_SHARE_DEN' } : { code: `LAP_${code}` },
      disaggregation: 'none',
    })
  }
  const head = (await service.store.headPosition())!
  if (!(await service.live.reach(head, 5000))) throw new Error('the read models did not reach the mapping')

  const json = await download('figures.dhis2.json', `?asOf=${head}`)
  t.equal(json.status, 200)
  t.equal(json.type, 'application/json; charset=utf-8')
  const set = JSON.parse(json.text) as { dataValues: { dataElement: string; value: string; orgUnit: string; period: string }[] }
  t.same(
    set.dataValues.map((value) => `${value.orgUnit} ${value.period} ${value.dataElement} ${value.value}`),
    [
      'AL_ELB 2024 LAP_DV-CASES-MANAGED 208',
      'AL_ELB 2024 LAP_DV-CASES-NEW 157',
      'AL_ELB 2024 LAP_DV-REFERRAL-STAFF-TRAINED 31',
      'AL_ELB 2024 LAP_DV-RENT-BONUS 63',
      'AL_ELB 2024 LAP_GRB-TRAINED 12',
    ],
  )
  t.equal((await download('figures.dhis2.json', `?asOf=${head}`)).text, json.text, 'the same bytes again')
  t.same(
    JSON.parse((await download('figures.dhis2.json', `?asOf=${head}`, undefined)).text),
    set,
    'the public reads the same approved figures',
  )

  const csv = await download('figures.dhis2.csv', `?asOf=${head}`)
  t.equal(csv.type, 'application/csv; charset=utf-8')
  t.equal(csv.text.split('\r\n').length, 7, 'the header, five values and the last line break')

  const adx = await download('figures.adx.xml', `?asOf=${head}`)
  t.equal(adx.type, 'application/adx+xml; charset=utf-8')
  const exported = /exported="([^"]+)"/.exec(adx.text)?.[1]
  t.ok(exported !== undefined && !Number.isNaN(Date.parse(exported)), `exported at ${exported}: when the log recorded the position`)
  t.equal((await download('figures.adx.xml', `?asOf=${head}`)).text, adx.text, 'the same bytes again')
  t.equal(adx.text.match(/<dataValue /g)?.length, 5)
})
