import { randomUUID } from 'node:crypto'
import t from 'tap'
import type { TokenSubject } from '@treguesi/tokens'
import { principals, startService } from './support/service.js'

// The DHIS2 mapping through the API: admins map the seeds' national codes, indicators,
// municipalities and categories and read the mapping back, a page at a time, with its history.

const service = await startService(t)
const admin = service.token(principals.admin)
const reason = { sq: 'Formulari i ministrisë për vitin 2025' }
/** Elbasan's schools, kindergartens and nurseries rebuilt (a count, by urban and rural areas, which cover them all). */
const seedPlans = await service.graphql<any>(
  '{ plans(municipality: "ELB", kind: gender_equality) { edges { node { indicators { id code } } } } }',
  {},
)
const schools: string = seedPlans.data.plans.edges[0].node.indicators.find(
  (indicator: { code: string }) => indicator.code === 'IV.1 (b)/T1',
).id

const payloadFields = `commandId position revision replayed eventTypes dhis2Mapping {
  dataElements { totalCount edges { node { historyId nationalCode indicatorId dataSet dataElement numerator denominator disaggregation } } }
  orgUnits { totalCount edges { node { historyId municipality orgUnit } } }
  categoryOptionCombos { totalCount edges { node { historyId dimension category categoryOptionCombo adx { category option } } } } }`

async function mutate(name: string, input: object, token: string | undefined = admin): Promise<any> {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`
  const response = await service.graphql<any>(
    `mutation ($input: ${type}!) { ${name}(input: $input) { ${payloadFields} } }`,
    {
      input: { commandId: randomUUID(), ...input },
    },
    token,
  )
  return { payload: response.data?.[name] ?? null, errors: response.errors ?? [] }
}

async function mapped(name: string, input: object): Promise<any> {
  const { payload, errors } = await mutate(name, input)
  t.same(errors, [], `${name}: no error`)
  return payload
}

const nodes = (connection: { edges: { node: unknown }[] }) => connection.edges.map((edge) => edge.node)

t.test('admins map data elements, org units and categories, and read the mapping back', async (t) => {
  const byCode = await mapped('mapDhis2DataElement', {
    indicator: { nationalCode: 'AL-SKBGJ-DV-CASES-NEW' },
    dataSet: 'AL_MUN_DV',
    dataElement: { code: 'DV_CASES_NEW' },
    reason,
  })
  t.same(byCode.eventTypes, ['dhis2-mapping.data-element-mapped.v1'])
  t.equal(byCode.revision, 0)
  const byIndicator = await mapped('mapDhis2DataElement', {
    indicator: { indicatorId: schools },
    dataSet: 'AL_MUN_GENDER',
    dataElement: { code: 'GE_PARTICIPANTS', numerator: null },
    disaggregation: 'area',
  })
  t.same(nodes(byIndicator.dhis2Mapping.dataElements), [
    {
      historyId: `indicator:${schools}`,
      nationalCode: null,
      indicatorId: schools,
      dataSet: 'AL_MUN_GENDER',
      dataElement: 'GE_PARTICIPANTS',
      numerator: null,
      denominator: null,
      disaggregation: 'area',
    },
    {
      historyId: 'national:AL-SKBGJ-DV-CASES-NEW',
      nationalCode: 'AL-SKBGJ-DV-CASES-NEW',
      indicatorId: null,
      dataSet: 'AL_MUN_DV',
      dataElement: 'DV_CASES_NEW',
      numerator: null,
      denominator: null,
      disaggregation: null,
    },
  ])
  const share = await mapped('mapDhis2DataElement', {
    indicator: { nationalCode: 'AL-SKBGJ-DV-BUDGET-SHARE' },
    dataSet: 'AL_MUN_DV',
    dataElement: { numerator: 'DV_BUDGET', denominator: 'MUN_BUDGET' },
  })
  t.match(nodes(share.dhis2Mapping.dataElements)[1], { dataElement: null, numerator: 'DV_BUDGET', denominator: 'MUN_BUDGET' })

  await mapped('mapDhis2OrgUnit', { municipality: 'ELB', orgUnit: 'AL_ELBASAN' })
  const drenas = await mapped('mapDhis2OrgUnit', { municipality: 'DRE', orgUnit: 'XK_DRENAS', reason })
  t.same(nodes(drenas.dhis2Mapping.orgUnits), [
    { historyId: 'org-unit:DRE', municipality: 'DRE', orgUnit: 'XK_DRENAS' },
    { historyId: 'org-unit:ELB', municipality: 'ELB', orgUnit: 'AL_ELBASAN' },
  ])

  for (const [category, option] of [
    ['F', 'F'],
    ['M', 'M'],
  ]) {
    await mapped('mapDhis2CategoryOptionCombo', {
      dimension: 'sex',
      category,
      categoryOptionCombo: `SEX_${option}`,
      adx: { category: 'SEX', option },
    })
  }
  const ages = await mapped('mapDhis2CategoryOptionCombo', {
    dimension: 'age_group',
    category: '0-17',
    categoryOptionCombo: 'AGE_Y0T17',
    adx: { category: 'AGE', option: 'Y0T17' },
  })
  t.same(nodes(ages.dhis2Mapping.categoryOptionCombos), [
    {
      historyId: 'combo:age-group',
      dimension: 'age_group',
      category: '0-17',
      categoryOptionCombo: 'AGE_Y0T17',
      adx: { category: 'AGE', option: 'Y0T17' },
    },
    { historyId: 'combo:sex', dimension: 'sex', category: 'F', categoryOptionCombo: 'SEX_F', adx: { category: 'SEX', option: 'F' } },
    { historyId: 'combo:sex', dimension: 'sex', category: 'M', categoryOptionCombo: 'SEX_M', adx: { category: 'SEX', option: 'M' } },
  ])

  const again = await mapped('mapDhis2OrgUnit', { municipality: 'ELB', orgUnit: 'AL_ELBASAN', reason })
  t.same([again.position, again.eventTypes], [null, []], 'the same org unit again records nothing')

  const page = await service.graphql<any>(
    `query ($after: String) { dhis2Mapping { categoryOptionCombos(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { category } } } } }`,
    {},
    admin,
  )
  const first = page.data.dhis2Mapping.categoryOptionCombos
  t.same([first.totalCount, first.pageInfo.hasNextPage, nodes(first)], [3, true, [{ category: '0-17' }, { category: 'F' }]])
  const next = await service.graphql<any>(
    'query ($after: String) { dhis2Mapping { categoryOptionCombos(first: 2, after: $after) { pageInfo { hasNextPage } edges { node { category } } } } }',
    { after: first.pageInfo.endCursor },
    admin,
  )
  t.same(next.data.dhis2Mapping.categoryOptionCombos, { pageInfo: { hasNextPage: false }, edges: [{ node: { category: 'M' } }] })
  const tooMany = await service.graphql<any>('{ dhis2Mapping { orgUnits(first: 201) { totalCount } } }', {}, admin)
  t.match(tooMany.errors, [{ extensions: { trgCode: 'TRG_LIMIT_EXCEEDED' } }])

  const history = await service.graphql<any>(
    'query ($id: ID!) { history(entityId: $id) { entityKind stream edges { node { type reason { sq } changes { path after } } } } }',
    { id: 'org-unit:DRE' },
    admin,
  )
  t.match(history.data.history, {
    entityKind: 'dhis2_mapping',
    stream: 'dhis2-mapping-org-unit:DRE',
    edges: [{ node: { type: 'dhis2-mapping.org-unit-mapped.v1', reason: { sq: reason.sq } } }],
  })

  const unmapped = await mapped('unmapDhis2CategoryOptionCombo', { dimension: 'age_group', category: '0-17', reason })
  t.same(unmapped.eventTypes, ['dhis2-mapping.category-option-combo-unmapped.v1'])
  t.equal(unmapped.dhis2Mapping.categoryOptionCombos.totalCount, 2)
  const unmappedElement = await mapped('unmapDhis2DataElement', { indicator: { indicatorId: schools }, reason })
  t.equal(unmappedElement.dhis2Mapping.dataElements.totalCount, 2)
  const unmappedUnit = await mapped('unmapDhis2OrgUnit', { municipality: 'DRE', reason })
  t.same(nodes(unmappedUnit.dhis2Mapping.orgUnits), [{ historyId: 'org-unit:ELB', municipality: 'ELB', orgUnit: 'AL_ELBASAN' }])
})

t.test('what the mapping refuses, with the field', async (t) => {
  const refused = async (name: string, input: object, expected: object, message: string, token?: string) => {
    const { payload, errors } = await mutate(name, input, token)
    t.equal(payload, null, `${message}: nothing recorded`)
    t.match(errors, [{ extensions: expected }], message)
  }
  await refused(
    'mapDhis2DataElement',
    { indicator: { nationalCode: 'AL-UNKNOWN' }, dataSet: 'DS', dataElement: { code: 'DE' } },
    { code: 'NOT_FOUND', trgCode: 'TRG_NOT_FOUND' },
    'a national code the catalogue lacks',
  )
  await refused(
    'mapDhis2DataElement',
    { indicator: { nationalCode: 'AL-SKBGJ-DV-CASES-NEW', indicatorId: schools }, dataSet: 'DS', dataElement: { code: 'DE' } },
    { trgCode: 'TRG_INVALID_COMMAND', field: 'indicator' },
    'both a national code and an indicator',
  )
  await refused(
    'mapDhis2DataElement',
    { indicator: { nationalCode: 'AL-SKBGJ-DV-BUDGET-SHARE' }, dataSet: 'DS', dataElement: { code: 'DE' } },
    { trgCode: 'TRG_UNIT_MISMATCH', details: { field: 'dataElement', unit: 'percent' } },
    'a percentage as one element',
  )
  await refused(
    'mapDhis2OrgUnit',
    { municipality: 'TIR', orgUnit: 'AL_TIRANA' },
    { trgCode: 'TRG_NOT_FOUND', details: { entity: 'municipality', id: 'TIR' } },
    'a municipality never registered',
  )
  await refused(
    'mapDhis2CategoryOptionCombo',
    { dimension: 'sex', category: 'F', categoryOptionCombo: 'SEX_F', adx: { category: 'SEX F', option: 'F' } },
    { trgCode: 'TRG_INVALID_COMMAND', field: 'adx.category' },
    'an ADX category that is no XML attribute name',
  )
  const editor: TokenSubject = principals.editorElbasan
  await refused(
    'mapDhis2OrgUnit',
    { municipality: 'ELB', orgUnit: 'AL_ELBASAN' },
    { code: 'FORBIDDEN' },
    "an editor, even of the municipality's own",
    service.token(editor),
  )
  const read = await service.graphql<any>('{ dhis2Mapping { orgUnits { totalCount } } }', {}, service.token(principals.ministry))
  t.match(read.errors, [{ extensions: { code: 'FORBIDDEN' } }], 'the mapping is read by admins only')
  const anonymous = await service.graphql<any>('{ dhis2Mapping { orgUnits { totalCount } } }', {})
  t.match(anonymous.errors, [{ extensions: { code: 'UNAUTHENTICATED' } }])
})

t.test("a municipality's IATI identifier is public", async (t) => {
  const { errors } = await (async () => {
    const response = await service.graphql<any>(
      'mutation ($input: SetMunicipalityIatiIdentifierInput!) { setMunicipalityIatiIdentifier(input: $input) { municipality { iatiOrganisationIdentifier } } }',
      { input: { commandId: randomUUID(), code: 'DRE', identifier: 'XK-COA-81012345' } },
      admin,
    )
    return { errors: response.errors ?? [] }
  })()
  t.same(errors, [])
  const read = await service.graphql<any>(
    '{ a: municipality(code: "DRE") { iatiOrganisationIdentifier } b: municipality(code: "ELB") { iatiOrganisationIdentifier } }',
    {},
  )
  t.same(
    read.data,
    { a: { iatiOrganisationIdentifier: 'XK-COA-81012345' }, b: { iatiOrganisationIdentifier: null } },
    'anyone reads it; none is seeded',
  )
  const refused = await service.graphql<any>(
    'mutation ($input: SetMunicipalityIatiIdentifierInput!) { setMunicipalityIatiIdentifier(input: $input) { position } }',
    { input: { commandId: randomUUID(), code: 'DRE', identifier: 'XK-COA-81/012345' } },
    admin,
  )
  t.match(refused.errors, [{ extensions: { trgCode: 'TRG_INVALID_COMMAND', field: 'identifier' } }])
})
