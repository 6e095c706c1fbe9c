import t, { type Test } from 'tap'
import { replay } from '../decider.js'
import { invalid, spec, wrongCurrency } from '../testing/decider-spec.js'
import { municipality, municipalityCommandSchema, municipalityKindOf, municipalityStream, type MunicipalityEvent } from './municipality.js'

const decider = (t: Test) => spec(t, municipality, municipalityCommandSchema)

const registered = {
  type: 'municipality.registered.v2',
  data: {
    code: 'ELB',
    name: { sq: 'Bashkia Elbasan', en: 'Elbasan Municipality' },
    country: 'AL',
    kind: 'bashkia',
    currency: 'ALL',
  },
} as MunicipalityEvent

const register = {
  type: 'RegisterMunicipality',
  code: 'ELB',
  name: { sq: 'Bashkia Elbasan', en: 'Elbasan Municipality' },
  country: 'AL',
  currency: 'ALL',
}

t.test('RegisterMunicipality', async (t) => {
  decider(t).given([]).when(register).then([registered], 'a new municipality is registered')
  decider(t).given([registered]).when(register).thenFails('TRG_ALREADY_EXISTS', { entity: 'municipality', id: 'ELB' })
  decider(t)
    .given([])
    .refuses([
      [{ ...register, country: 'XK' }, 'TRG_INVALID_COMMAND', { field: 'currency', problem: /EUR for a Kosovar one/ }],
      [{ ...register, code: 'elb' }, 'TRG_INVALID_COMMAND', { field: 'code' }],
      [{ ...register, name: { sq: ' ' } }, 'TRG_INVALID_COMMAND', { field: 'name.sq' }],
    ])
  decider(t)
    .given([])
    .when({ ...register, code: 'DRE', name: { sq: 'Komuna e Drenasit' }, country: 'XK', currency: 'EUR' })
    .then(
      [
        {
          type: 'municipality.registered.v2',
          data: { code: 'DRE', name: { sq: 'Komuna e Drenasit' }, country: 'XK', kind: 'komuna', currency: 'EUR' },
        },
      ],
      'a Kosovar municipality is a komuna',
    )
  t.equal(municipalityStream('ELB'), 'municipality-ELB')
})

t.test('RegisterMunicipality: the kind', async (t) => {
  decider(t)
    .given([])
    .when({ ...register, kind: 'bashkia' })
    .then([registered], 'stated as the country has it')
  decider(t)
    .given([])
    .refuses([
      [
        { ...register, kind: 'komuna' },
        'TRG_INVALID_COMMAND',
        { field: 'kind', problem: 'must be bashkia for an Albanian municipality and komuna for a Kosovar one' },
      ],
      [
        { ...register, code: 'DRE', country: 'XK', currency: 'EUR', kind: 'bashkia' },
        'TRG_INVALID_COMMAND',
        { field: 'kind', problem: /komuna for a Kosovar one/ },
      ],
      [{ ...register, kind: 'qytet' }, 'TRG_INVALID_COMMAND', { field: 'kind', problem: 'must be bashkia or komuna' }],
    ])
  t.strictSame(municipalityKindOf, { AL: 'bashkia', XK: 'komuna' })
  t.ok(Object.isFrozen(municipalityKindOf))
})

t.test('the state of a registered municipality carries its kind', async (t) => {
  t.strictSame(replay(municipality, [registered]), {
    registered: true,
    code: 'ELB',
    name: { sq: 'Bashkia Elbasan', en: 'Elbasan Municipality' },
    country: 'AL',
    kind: 'bashkia',
    currency: 'ALL',
    budgetTotals: {},
  })
})

t.test('SetMunicipalBudgetTotal', async (t) => {
  const command = { type: 'SetMunicipalBudgetTotal', code: 'ELB', fiscalYear: 2024, total: { amount: '4250000000.00', currency: 'ALL' } }
  const set = {
    type: 'municipality.budget-total-set.v1',
    data: { code: 'ELB', fiscalYear: 2024, total: { amount: '4250000000', currency: 'ALL' } },
  } as MunicipalityEvent
  decider(t).given([registered]).when(command).then([set], 'amounts are kept in canonical decimal form')
  decider(t).given([registered, set]).when(command).then([], 'the same total again changes nothing')
  decider(t)
    .given([registered, set])
    .when({ ...command, total: { amount: '4300000000', currency: 'ALL' } })
    .then([{ ...set, data: { ...set.data, total: { amount: '4300000000', currency: 'ALL' } } }], 'a revised total')
  decider(t).given([]).when(command).thenFails('TRG_NOT_FOUND', { entity: 'municipality', id: 'ELB' })
  decider(t)
    .given([registered])
    .refuses([
      wrongCurrency(command, 'total', { amount: '1000', currency: 'EUR' }, 'ALL'),
      [
        { ...command, total: { amount: '-5', currency: 'ALL' } },
        'TRG_INVALID_COMMAND',
        { field: 'total.amount', problem: 'must not be negative' },
      ],
      [{ ...command, fiscalYear: 2024.5 }, 'TRG_INVALID_COMMAND', { field: 'fiscalYear', problem: 'must be a whole year' }],
    ])
})

t.test('SetMunicipalityIatiIdentifier', async (t) => {
  const command = { type: 'SetMunicipalityIatiIdentifier', code: 'ELB', identifier: 'AL-COA-12345' }
  const set = { type: 'municipality.iati-identifier-set.v1', data: { code: 'ELB', identifier: 'AL-COA-12345' } } as MunicipalityEvent
  decider(t).given([registered]).when(command).then([set], 'kept as written')
  decider(t).given([registered, set]).when(command).then([], 'the same identifier again changes nothing')
  decider(t)
    .given([registered, set])
    .when({ ...command, identifier: 'XI-IATI-ELB.2025_1' })
    .then([{ ...set, data: { code: 'ELB', identifier: 'XI-IATI-ELB.2025_1' } }], "another agency's identifier, of any country")
  t.match(replay(municipality, [registered, set]), { code: 'ELB', iatiIdentifier: 'AL-COA-12345' }, 'the state carries it')
  decider(t).given([]).when(command).thenFails('TRG_NOT_FOUND', { entity: 'municipality', id: 'ELB' })
  const problem = /registration agency and the number it gave/
  decider(t)
    .given([registered])
    .refuses([
      invalid(command, { identifier: 'AL-COA-12/345' }, 'identifier', problem),
      invalid(command, { identifier: 'AL-COA-12&345' }, 'identifier', problem),
      invalid(command, { identifier: 'AL-COA-1|2' }, 'identifier', problem),
      invalid(command, { identifier: 'AL-COA-1?2' }, 'identifier', problem),
      invalid(command, { identifier: 'AL-COA 12345' }, 'identifier', problem),
      invalid(command, { identifier: 'A-COA-12345' }, 'identifier', problem),
      invalid(command, { identifier: 'AL-12345' }, 'identifier', problem),
      invalid(command, { identifier: `AL-COA-${'1'.repeat(94)}` }, 'identifier', 'must be at most 100 characters long'),
    ])
})
