import t from 'tap'
import { emptyReadModel, project, type LogEvent } from '../projection.js'
import { sizeOf } from '../persistent-map.js'
import * as index from '../index.js'
import { dhis2Mapping } from './dhis2-mapping.js'
import { nationalProjection } from './national.js'
import { nationalLog, uuid, type TestLog } from './test-support.js'

const fold = (events: readonly LogEvent[]) => project(nationalProjection, emptyReadModel(nationalProjection), events).state
const reason = { sq: 'Formulari i ministrisë u ndryshua' }

const mapByCode = {
  type: 'MapDhis2DataElement',
  indicator: { nationalCode: 'AL-SKBGJ-DV' },
  dataSet: 'AL_MUN_DV',
  dataElement: { code: 'DV_CASES_NEW' },
  disaggregation: 'sex',
  indicatorUnit: 'count',
  reason,
}

function mapped(): TestLog {
  return nationalLog()
    .run(mapByCode)
    .run({
      type: 'MapDhis2DataElement',
      indicator: { indicatorId: uuid(1) },
      dataSet: 'AL_MUN_DV',
      dataElement: { code: 'DV_CASES_ELB' },
      indicatorUnit: 'count',
      indicatorDimensions: [],
    })
    .run({ type: 'MapDhis2OrgUnit', municipality: 'ELB', orgUnit: 'AL_ELBASAN', reason })
    .run({ type: 'MapDhis2OrgUnit', municipality: 'DRE', orgUnit: 'XK_DRENAS' })
    .run({
      type: 'MapDhis2CategoryOptionCombo',
      dimension: 'sex',
      category: 'M',
      categoryOptionCombo: 'SEX_M',
      adx: { category: 'SEX', option: 'M' },
    })
    .run({
      type: 'MapDhis2CategoryOptionCombo',
      dimension: 'sex',
      category: 'F',
      categoryOptionCombo: 'SEX_F',
      adx: { category: 'SEX', option: 'F' },
    })
    .run({
      type: 'MapDhis2CategoryOptionCombo',
      dimension: 'area',
      category: 'qytet:fshat',
      categoryOptionCombo: 'ALL_AREAS',
      adx: { category: 'AREA', option: 'ALL' },
    })
}

const national = {
  indicator: { nationalCode: 'AL-SKBGJ-DV' },
  dataSet: 'AL_MUN_DV',
  dataElement: { code: 'DV_CASES_NEW' },
  disaggregation: 'sex',
}
const own = { indicator: { indicatorId: uuid(1) }, dataSet: 'AL_MUN_DV', dataElement: { code: 'DV_CASES_ELB' }, disaggregation: 'none' }
const women = { dimension: 'sex', category: 'F', categoryOptionCombo: 'SEX_F', adx: { category: 'SEX', option: 'F' } }

t.test("the national read model keeps the DHIS2 mapping, without the reasons, which are the log's", async (t) => {
  const mapping = dhis2Mapping(fold(mapped().events))
  t.same(mapping.dataElementOf(uuid(1), 'AL-SKBGJ-DV'), own, "an indicator's own mapping comes first")
  t.same(mapping.dataElementOf(uuid(2), 'AL-SKBGJ-DV'), national, 'then the national code it is tied to')
  t.equal(mapping.dataElementOf(uuid(2), 'AL-SKBGJ-OTHER'), null, 'a code no one mapped')
  t.equal(mapping.dataElementOf(uuid(2), null), null, 'an untied indicator without its own mapping')
  t.same(mapping.dataElementOf(uuid(1), null), own)
  t.equal(mapping.orgUnitOf('ELB'), 'AL_ELBASAN')
  t.equal(mapping.orgUnitOf('TIR'), null)
  t.same(mapping.comboOf('sex', 'F'), women)
  t.equal(mapping.comboOf('area', 'F'), null, 'a category is mapped in its dimension only')
  t.same(mapping.comboOf('area', 'qytet:fshat')?.categoryOptionCombo, 'ALL_AREAS', 'a category may hold a colon')
  t.same(
    mapping.dataElements().map((element) => element.dataElement),
    [{ code: 'DV_CASES_ELB' }, { code: 'DV_CASES_NEW' }],
    'listed by what they map: indicator ids, then national codes',
  )
  t.same(
    mapping.orgUnits(),
    [
      { municipality: 'DRE', orgUnit: 'XK_DRENAS' },
      { municipality: 'ELB', orgUnit: 'AL_ELBASAN' },
    ],
    'by municipality',
  )
  t.same(
    mapping.combos().map(({ dimension, category }) => `${dimension}:${category}`),
    ['area:qytet:fshat', 'sex:F', 'sex:M'],
    'by dimension, then category',
  )
  t.equal(index.dhis2Mapping, dhis2Mapping, 'exported with the projections')
})

t.test('a remapping replaces, an unmapping removes', async (t) => {
  const log = mapped()
    .run({ ...mapByCode, dataSet: 'AL_MUN_DV_2025', disaggregation: undefined, reason: undefined })
    .run({ type: 'UnmapDhis2DataElement', indicator: { indicatorId: uuid(1) }, reason })
    .run({ type: 'UnmapDhis2OrgUnit', municipality: 'ELB', reason })
    .run({ type: 'UnmapDhis2CategoryOptionCombo', dimension: 'sex', category: 'M', reason })
  const state = fold(log.events)
  const mapping = dhis2Mapping(state)
  t.same(mapping.dataElementOf(uuid(1), 'AL-SKBGJ-DV'), { ...national, dataSet: 'AL_MUN_DV_2025', disaggregation: 'none' })
  t.equal(mapping.orgUnitOf('ELB'), null)
  t.equal(mapping.comboOf('sex', 'M'), null)
  t.same([sizeOf(state.dhis2DataElements), sizeOf(state.dhis2OrgUnits), sizeOf(state.dhis2Combos)], [1, 1, 2])
})
