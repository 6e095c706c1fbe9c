import t, { type Test } from 'tap'
import { replay } from '../decider.js'
import { parseCommand } from '../shared/parse-command.js'
import { invalid, spec } from '../testing/decider-spec.js'
import {
  dhis2Mapping,
  dhis2MappingCommandKeySchema,
  dhis2MappingCommandSchema,
  dhis2MappingKeySchema,
  dhis2MappingStream,
  type Dhis2MappingEvent,
} from './dhis2-mapping.js'

const decider = (t: Test) => spec(t, dhis2Mapping, dhis2MappingCommandSchema)

const indicatorId = '7d1f5b8e-3c2a-4e6f-9b1d-2a4c6e8f0b13'
const reason = { sq: 'Kodi i ri i formularit të ministrisë' }

const mapPercent = {
  type: 'MapDhis2DataElement',
  indicator: { nationalCode: 'AL-SKBGJ-5.5.1b' },
  dataSet: 'AL_MUN_GENDER',
  dataElement: { numerator: 'WOMEN_COUNCILLORS', denominator: 'COUNCIL_SEATS' },
  indicatorUnit: 'percent',
}
const percentMapped = {
  type: 'dhis2-mapping.data-element-mapped.v1',
  data: {
    indicator: { nationalCode: 'AL-SKBGJ-5.5.1b' },
    dataSet: 'AL_MUN_GENDER',
    dataElement: { numerator: 'WOMEN_COUNCILLORS', denominator: 'COUNCIL_SEATS' },
    disaggregation: 'none',
  },
} as Dhis2MappingEvent

const mapCount = {
  type: 'MapDhis2DataElement',
  indicator: { indicatorId },
  dataSet: 'AL_MUN_GENDER',
  dataElement: { code: 'DV_CASES_NEW' },
  disaggregation: 'sex',
  indicatorUnit: 'count',
  indicatorDimensions: ['sex', 'area'],
}

t.test('MapDhis2DataElement: a percentage as its numerator and denominator, anything else as one element', async (t) => {
  decider(t).given([]).when(mapPercent).then([percentMapped], 'a national code, its total: the default combo')
  decider(t).given([percentMapped]).when(mapPercent).then([], 'the same mapping again: nothing')
  decider(t)
    .given([percentMapped])
    .when({ ...mapPercent, reason })
    .then([], 'a reason alone changes nothing')
  decider(t)
    .given([percentMapped])
    .when({ ...mapPercent, dataSet: 'AL_MUN_GENDER_2025', reason })
    .then([{ ...percentMapped, data: { ...percentMapped.data, dataSet: 'AL_MUN_GENDER_2025', reason } }], 'a new data set replaces the old')
  decider(t)
    .given([])
    .when(mapCount)
    .then(
      [
        {
          type: 'dhis2-mapping.data-element-mapped.v1',
          data: { indicator: { indicatorId }, dataSet: 'AL_MUN_GENDER', dataElement: { code: 'DV_CASES_NEW' }, disaggregation: 'sex' },
        },
      ],
      'one indicator, by the categories of a dimension that covers its total: the prepared facts are not recorded',
    )
  decider(t)
    .given([])
    .when({ ...mapCount, indicator: { nationalCode: 'XK-SKMDHF-1' }, indicatorDimensions: undefined, disaggregation: 'ethnicity' })
    .then(
      [
        {
          type: 'dhis2-mapping.data-element-mapped.v1',
          data: {
            indicator: { nationalCode: 'XK-SKMDHF-1' },
            dataSet: 'AL_MUN_GENDER',
            dataElement: { code: 'DV_CASES_NEW' },
            disaggregation: 'ethnicity',
          },
        },
      ],
      "a national code's indicators each bring their own breakdowns",
    )
  for (const unit of ['amount', 'milestone', 'ratio']) {
    decider(t)
      .given([])
      .when({ ...mapCount, disaggregation: undefined, indicatorUnit: unit })
      .then(
        [
          {
            type: 'dhis2-mapping.data-element-mapped.v1',
            data: { ...percentMapped.data, indicator: { indicatorId }, dataElement: { code: 'DV_CASES_NEW' } },
          },
        ],
        `a ${unit} as one element`,
      )
  }
})

t.test('MapDhis2DataElement: what it refuses', async (t) => {
  decider(t)
    .given([])
    .refuses([
      [{ ...mapPercent, indicatorUnit: undefined }, 'TRG_NOT_FOUND', { entity: 'national indicator', id: 'AL-SKBGJ-5.5.1b' }],
      [{ ...mapCount, indicatorUnit: undefined }, 'TRG_NOT_FOUND', { entity: 'indicator', id: indicatorId }],
      [{ ...mapCount, indicatorUnit: 'text' }, 'TRG_UNIT_MISMATCH', { field: 'indicator', unit: 'text', problem: /text indicator/ }],
      [
        { ...mapPercent, dataElement: { code: 'WOMEN_COUNCILLORS' } },
        'TRG_UNIT_MISMATCH',
        { field: 'dataElement', unit: 'percent', problem: /two data elements: give its numerator and denominator/ },
      ],
      [
        { ...mapCount, dataElement: mapPercent.dataElement },
        'TRG_UNIT_MISMATCH',
        { field: 'dataElement', unit: 'count', problem: 'a count goes to one data element: give its code' },
      ],
      [
        { ...mapPercent, disaggregation: 'sex' },
        'TRG_UNIT_MISMATCH',
        { field: 'disaggregation', unit: 'percent', problem: /must be none: only counts and amounts add up/ },
      ],
      [
        { ...mapCount, disaggregation: 'ethnicity' },
        'TRG_INVALID_COMMAND',
        { field: 'disaggregation', problem: /cover the whole of the indicator's total \(sex, area\)/ },
      ],
      [{ ...mapCount, indicatorDimensions: [] }, 'TRG_INVALID_COMMAND', { field: 'disaggregation', problem: /\(it has none\)/ }],
      invalid(
        mapCount,
        { indicator: { nationalCode: 'AL-1', indicatorId } },
        'indicator',
        /nationalCode or an indicatorId: one of the two/,
      ),
      invalid(mapCount, { indicator: {} }, 'indicator', /one of the two/),
      invalid(mapCount, { indicator: { indicatorId: 'x' } }, 'indicator.indicatorId', 'must be a UUID'),
      invalid(mapCount, { dataElement: { numerator: 'N' } }, 'dataElement', /a code, or a percentage's numerator and denominator/),
      invalid(mapCount, { dataElement: { code: '' } }, 'dataElement.code', 'must not be empty'),
      invalid(mapCount, { dataElement: { code: ' DV' } }, 'dataElement.code', 'must not begin or end with a blank'),
      invalid(mapCount, { dataElement: { code: 'D'.repeat(51) } }, 'dataElement.code', /at most 50 characters/),
      invalid(mapCount, { dataSet: 'AL\u0007MUN' }, 'dataSet', /control character U\+0007/),
      invalid(mapCount, { disaggregation: 'age' }, 'disaggregation', 'must be none, sex, ethnicity, area or age-group'),
    ])
})

t.test('UnmapDhis2DataElement: with a reason, only what is mapped', async (t) => {
  const unmap = { type: 'UnmapDhis2DataElement', indicator: { nationalCode: 'AL-SKBGJ-5.5.1b' }, reason }
  const unmapped = { type: 'dhis2-mapping.data-element-unmapped.v1', data: { indicator: { nationalCode: 'AL-SKBGJ-5.5.1b' }, reason } }
  decider(t).given([percentMapped]).when(unmap).then([unmapped])
  decider(t)
    .given([percentMapped, unmapped as Dhis2MappingEvent])
    .when(unmap)
    .then([], 'nothing mapped, nothing to undo')
  decider(t)
    .given([])
    .refuses([invalid(unmap, { reason: undefined }, 'reason')])
  t.same(replay(dhis2Mapping, [percentMapped, unmapped as Dhis2MappingEvent]), dhis2Mapping.initialState)
})

t.test('MapDhis2OrgUnit and UnmapDhis2OrgUnit', async (t) => {
  const map = { type: 'MapDhis2OrgUnit', municipality: 'ELB', orgUnit: 'AL_ELBASAN' }
  const mapped = { type: 'dhis2-mapping.org-unit-mapped.v1', data: { municipality: 'ELB', orgUnit: 'AL_ELBASAN' } } as Dhis2MappingEvent
  decider(t)
    .given([])
    .decides([
      [map, [mapped]],
      [{ ...map, reason }, [{ ...mapped, data: { ...mapped.data, reason } }], 'with its reason'],
    ])
  decider(t)
    .given([mapped])
    .decides([
      [{ ...map, reason }, [], 'the same org unit again'],
      [{ ...map, orgUnit: 'AL-ELB' }, [{ ...mapped, data: { ...mapped.data, orgUnit: 'AL-ELB' } }]],
    ])
  const unmap = { type: 'UnmapDhis2OrgUnit', municipality: 'ELB', reason }
  const unmapped = { type: 'dhis2-mapping.org-unit-unmapped.v1', data: { municipality: 'ELB', reason } } as Dhis2MappingEvent
  decider(t).given([mapped]).when(unmap).then([unmapped])
  decider(t).given([mapped, unmapped]).when(unmap).then([], 'nothing to undo')
  decider(t)
    .given([])
    .refuses([invalid(map, { municipality: 'elb' }, 'municipality'), invalid(map, { orgUnit: 'AL\nELB' }, 'orgUnit', /one line/)])
})

t.test('MapDhis2CategoryOptionCombo: the categories of a dimension are options of one DHIS2 category', async (t) => {
  const map = {
    type: 'MapDhis2CategoryOptionCombo',
    dimension: 'sex',
    category: 'F',
    categoryOptionCombo: 'SEX_F',
    adx: { category: 'SEX', option: 'F' },
  }
  const { type: _type, ...combo } = map
  const women = { type: 'dhis2-mapping.category-option-combo-mapped.v1', data: combo } as Dhis2MappingEvent
  const men = {
    type: 'dhis2-mapping.category-option-combo-mapped.v1',
    data: { dimension: 'sex', category: 'M', categoryOptionCombo: 'SEX_M', adx: { category: 'SEX', option: 'M' } },
  } as Dhis2MappingEvent
  decider(t).given([]).when(map).then([women])
  decider(t)
    .given([women])
    .decides([
      [{ ...map, reason }, [], 'the same combo again'],
      [{ ...map, category: 'M', categoryOptionCombo: 'SEX_M', adx: { category: 'SEX', option: 'M' } }, [men]],
      [
        { ...map, category: 'gra', reason },
        [{ ...women, data: { ...women.data, category: 'gra', reason } }],
        "another municipality's word for the same category",
      ],
      [
        { ...map, adx: { category: 'GENDER', option: 'F' } },
        [{ ...women, data: { ...women.data, adx: { category: 'GENDER', option: 'F' } } }],
        'alone, its category may change',
      ],
    ])
  decider(t)
    .given([women, men])
    .refuses([
      [
        { ...map, adx: { category: 'GENDER', option: 'F' } },
        'TRG_INVALID_COMMAND',
        { field: 'adx.category', problem: /must be SEX, the DHIS2 category whose options sex's other categories are/ },
      ],
    ])
  const unmap = { type: 'UnmapDhis2CategoryOptionCombo', dimension: 'sex', category: 'M', reason }
  const unmapped = { type: 'dhis2-mapping.category-option-combo-unmapped.v1', data: { dimension: 'sex', category: 'M', reason } }
  decider(t).given([women, men]).when(unmap).then([unmapped])
  decider(t).given([women]).when(unmap).then([], 'nothing to undo')
  decider(t)
    .given([women])
    .when({ ...unmap, category: '__proto__' })
    .then([], 'a category named like an object key is still only a category')
  t.same(replay(dhis2Mapping, [women, men, unmapped as Dhis2MappingEvent]).combos, { F: women.data })
  decider(t)
    .given([])
    .refuses([
      invalid(map, { adx: { category: '1SEX', option: 'F' } }, 'adx.category', /not starting with a digit/),
      invalid(map, { adx: { category: 'SEX-F', option: 'F' } }, 'adx.category', /letters, digits or underscores/),
      invalid(map, { adx: { category: 'S'.repeat(51), option: 'F' } }, 'adx.category'),
      invalid(map, { adx: { category: 'SEX', option: '' } }, 'adx.option', 'must not be empty'),
      invalid(map, { category: ' ' }, 'category', 'a category must not be empty'),
      invalid(map, { dimension: 'gender' }, 'dimension'),
    ])
})

t.test('one stream per mapped item, named by its key', async (t) => {
  const keyOf = (command: object) => parseCommand('command', dhis2MappingCommandKeySchema, command)
  t.equal(keyOf(mapPercent), 'national:AL-SKBGJ-5.5.1b')
  t.equal(keyOf({ type: 'UnmapDhis2DataElement', indicator: { indicatorId } }), `indicator:${indicatorId}`)
  t.equal(keyOf({ type: 'MapDhis2OrgUnit', municipality: 'DRE' }), 'org-unit:DRE')
  t.equal(keyOf({ type: 'UnmapDhis2CategoryOptionCombo', dimension: 'age-group' }), 'combo:age-group')
  t.throws(() => keyOf({ ...mapPercent, indicator: { nationalCode: 'A B' } }), {
    code: 'TRG_INVALID_COMMAND',
    details: { field: 'indicator' },
  })
  t.equal(dhis2MappingStream('org-unit:ELB'), 'dhis2-mapping-org-unit:ELB')
  for (const key of ['national:AL-SKBGJ-5.5.1b', `indicator:${indicatorId}`, 'org-unit:ELB', 'combo:sex']) {
    t.ok(dhis2MappingKeySchema.safeParse(key).success, key)
  }
  for (const key of ['ELB', 'national', 'nationalAL-1', 'national:A B', 'indicator:ELB', 'combo:gender', 'toString:x', indicatorId]) {
    t.notOk(dhis2MappingKeySchema.safeParse(key).success, key)
  }
})
