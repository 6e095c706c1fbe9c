import { seedId } from '@treguesi/seeds'
import t from 'tap'
import { cli, seededStore } from './support.js'

// `export-dhis2-json`, `export-dhis2-csv` and `export-adx` on the seed plans in a real SQLite
// file: refused while the admins' mapping lacks an item, then the mapped figures in DHIS2's codes,
// and only what changed since a position.

const { env, store, seeded, run } = await seededStore(t)
t.teardown(() => store.close())
const genderPlan = seedId('elbasan-gender-equality', 'plan', 'PVVBGJ 2022-2024')
const newCases = seedId('elbasan-gender-equality', 'indicator', 'IV.2 (d)/T2')

const counts = ['DV-CASES-MANAGED', 'DV-CASES-NEW', 'DV-REFERRAL-STAFF-TRAINED', 'DV-RENT-BONUS', 'GRB-TRAINED']

t.test('refused while anything is unmapped, listing it all; nothing is written', async (t) => {
  const refused = await cli(env, ['export-dhis2-json'])
  t.equal(refused.code, 1, 'the log lacks something: no usage error')
  t.equal(refused.stdout, '')
  t.match(refused.stderr, '[TRG_EXPORT_UNMAPPED]')
  for (const item of [
    'org unit of municipality ELB',
    'data element of national indicator AL-SKBGJ-DV-BUDGET-SHARE',
    ...counts.map((code) => `data element of national indicator AL-SKBGJ-${code}`),
  ]) {
    t.match(refused.stderr, item)
  }
})

t.test('mapped: the values in DHIS2 codes, as JSON, CSV and ADX; the same bytes again', async (t) => {
  await run({ type: 'MapDhis2OrgUnit', municipality: 'ELB', orgUnit: 'AL_ELB' })
  for (const code of counts) {
    await run({
      type: 'MapDhis2DataElement',
      indicator: { nationalCode: `AL-SKBGJ-${code}` },
      dataSet: 'LAP_GENDER_EQUALITY',
      dataElement: { code: `LAP_${code.replaceAll('-', '_')}` },
      disaggregation: 'none',
    })
  }
  await run({
    type: 'MapDhis2DataElement',
    indicator: { nationalCode: 'AL-SKBGJ-DV-BUDGET-SHARE' },
    dataSet: 'LAP_GENDER_EQUALITY',
    dataElement: { numerator: 'LAP_DV_BUDGET_SHARE_NUM', denominator: 'LAP_DV_BUDGET_SHARE_DEN' },
    disaggregation: 'none',
  })
  const json = await cli(env, ['export-dhis2-json'])
  t.equal(json.code, 0, json.stderr)
  const set = JSON.parse(json.stdout) as { idScheme: string; dataValues: Record<string, string>[] }
  t.equal(set.idScheme, 'code')
  const source = 'Raporti i Monitorimit të Zbatimit të PVVBGJ 2022-2024'
  t.same(
    set.dataValues,
    [
      ['LAP_DV_CASES_MANAGED', '208'],
      ['LAP_DV_CASES_NEW', '157'],
      ['LAP_DV_REFERRAL_STAFF_TRAINED', '31'],
      ['LAP_DV_RENT_BONUS', '63'],
      ['LAP_GRB_TRAINED', '12'],
    ].map(([dataElement, value]) => ({ dataElement, period: '2024', orgUnit: 'AL_ELB', value, comment: source })),
    'every count, Albanian intact; the budget share has no counts to send as numerator and denominator',
  )
  t.equal((await cli(env, ['export-dhis2-json'])).stdout, json.stdout, 'the same bytes again')

  const csv = await cli(env, ['export-dhis2-csv', '--municipality', 'ELB'])
  t.equal(csv.code, 0, csv.stderr)
  const lines = csv.stdout.split('\r\n')
  t.equal(lines[0], 'dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,flwup')
  t.equal(lines[2], `LAP_DV_CASES_NEW,2024,AL_ELB,,,157,,,${source},false`)

  const adx = await cli(env, ['export-adx'])
  t.equal(adx.code, 0, adx.stderr)
  t.match(
    adx.stdout,
    /^<\?xml version="1.0" encoding="UTF-8"\?>\n<adx xmlns="urn:ihe:qrph:adx:2015" exported="\d{4}-\d\d-\d\dT[\d:.]+Z">\n/,
  )
  t.match(adx.stdout, '  <group dataSet="LAP_GENDER_EQUALITY" orgUnit="AL_ELB" period="2024-01-01/P1Y">\n')
  t.match(adx.stdout, '    <dataValue dataElement="LAP_DV_CASES_NEW" value="157"/>\n')
  t.equal(adx.stdout.match(/<dataValue /g)?.length, 5, 'one group of five values')
})

t.test('since a position: a correction, and a value withdrawn with its mapping changed', async (t) => {
  const mapped = (await store.headPosition())!
  await run({ type: 'ReopenReport', planId: genderPlan, period: '2024', reason: { sq: 'Rinumërim' } })
  await run({ type: 'CorrectIndicatorValue', indicatorId: newCases, period: '2024', value: '160', reason: { sq: 'Tre raste më shumë' } })
  await run({
    type: 'MapDhis2DataElement',
    indicator: { nationalCode: 'AL-SKBGJ-GRB-TRAINED' },
    dataSet: 'LAP_GENDER_EQUALITY',
    dataElement: { code: 'LAP_GRB_TRAINED' },
    disaggregation: 'sex',
  })
  const json = await cli(env, ['export-dhis2-json', '--since', String(mapped)])
  t.equal(json.code, 0, json.stderr)
  t.same(
    (JSON.parse(json.stdout) as { dataValues: Record<string, unknown>[] }).dataValues.map(({ comment: _comment, ...value }) => value),
    [
      { dataElement: 'LAP_DV_CASES_NEW', period: '2024', orgUnit: 'AL_ELB', value: '160' },
      { dataElement: 'LAP_GRB_TRAINED', period: '2024', orgUnit: 'AL_ELB', value: '12', deleted: true },
    ],
    'the corrected value, and the total an element now taken by sex no longer holds',
  )
  const csv = await cli(env, ['export-dhis2-csv', '--since', String(mapped)])
  t.same(csv.stdout.split('\r\n').slice(1, 3), [
    `LAP_DV_CASES_NEW,2024,AL_ELB,,,160,,,Raporti i Monitorimit të Zbatimit të PVVBGJ 2022-2024,false`,
    'LAP_GRB_TRAINED,2024,AL_ELB,,,,,,,false',
  ])
  const adx = await cli(env, ['export-adx', '--since', String(mapped)])
  t.equal(adx.stdout.match(/<dataValue /g)?.length, 1, 'ADX has no deletion: the correction alone')
  t.equal((await cli(env, ['export-adx', '--since', String(seeded)])).code, 0)
})
