import t from 'tap'
import { replay } from './decider.js'
import {
  municipality,
  municipalityCommandSchema,
  type MunicipalityEvent,
  type MunicipalityRegisteredV1,
} from './municipality/municipality.js'
import { parseCommand } from './shared/parse-command.js'
import { assertUpcastersComplete, upcast, upcasters, upcastWith, type StoredEvent, type Upcaster } from './upcasting.js'

/** As a store gives an event back: JSON data, and its place in the log beside it. */
const recorded = (type: string, data: unknown) => ({
  stream: 'municipality-ELB',
  revision: 0n,
  position: 7n,
  id: '00000000-0000-4000-8000-000000000007',
  type,
  data: JSON.parse(JSON.stringify(data)) as unknown,
  metadata: { commandId: '00000000-0000-4000-8000-0000000000c7' },
  recordedAt: new Date('2021-05-04T10:00:00Z'),
})

const elbasanV1: MunicipalityRegisteredV1['data'] = {
  code: 'ELB',
  name: { sq: 'Bashkia Elbasan', en: 'Elbasan Municipality' },
  country: 'AL',
  currency: 'ALL',
}
const drenasV1: MunicipalityRegisteredV1['data'] = {
  code: 'DRE',
  name: { sq: 'Komuna e Drenasit' },
  country: 'XK',
  currency: 'EUR',
}

t.test('a stored v1 registration reads as v2, with the kind of its country', async (t) => {
  const stored = recorded('municipality.registered.v1', elbasanV1)
  const read = upcast(stored)
  t.strictSame(read, { ...stored, type: 'municipality.registered.v2', data: { ...elbasanV1, kind: 'bashkia' } })
  t.equal(read.metadata, stored.metadata, 'the rest of the event is kept as it is')
  t.equal(read.recordedAt, stored.recordedAt)
  t.strictSame(upcast(recorded('municipality.registered.v1', drenasV1)).data, { ...drenasV1, kind: 'komuna' })
  t.strictSame(upcast({ type: 'municipality.registered.v1', data: drenasV1 }), {
    type: 'municipality.registered.v2',
    data: { ...drenasV1, kind: 'komuna' },
  })
})

t.test('what an old version decided reads as what the decider decides now', async (t) => {
  for (const v1 of [elbasanV1, drenasV1]) {
    const command = parseCommand('RegisterMunicipality', municipalityCommandSchema, { type: 'RegisterMunicipality', ...v1 })
    const decidedNow = municipality.decide(command, municipality.initialState)
    const read = upcast<StoredEvent>({ type: 'municipality.registered.v1', data: v1 })
    t.strictSame([read], decidedNow, v1.code)
    t.strictSame(replay(municipality, [read] as MunicipalityEvent[]), replay(municipality, decidedNow))
  }
})

t.test('a current event, or one of a type the domain does not know, comes back as it is', async (t) => {
  const current = recorded('municipality.registered.v2', { ...elbasanV1, kind: 'bashkia' })
  t.equal(upcast(current), current)
  const foreign = recorded('audit.sealed.v1', { head: 'abc' })
  t.equal(upcast(foreign), foreign)
  // Not even checked: current data is read as the decider recorded it.
  const odd = recorded('municipality.registered.v2', { code: 'ELB' })
  t.equal(upcast(odd), odd)
})

t.test('stored data that does not fit its version is refused before it is upcast', async (t) => {
  t.throws(() => upcast(recorded('municipality.registered.v1', { ...elbasanV1, country: 'MK' })), {
    code: 'TRG_EVENT_INVALID',
    details: { type: 'municipality.registered.v1', problem: 'country must be AL (Albania) or XK (Kosovo)' },
  })
  t.throws(() => upcast(recorded('municipality.registered.v1', { ...elbasanV1, kind: 'bashkia' })), {
    code: 'TRG_EVENT_INVALID',
    details: { type: 'municipality.registered.v1', problem: 'kind is not a field of this event' },
  })
})

t.test('what a faulty upcaster makes is refused as the current type it claims to be', async (t) => {
  const forgetful: Upcaster = { from: 'municipality.registered.v1', to: 'municipality.registered.v2', upcast: (data) => data }
  const read = upcastWith([forgetful])
  t.throws(() => read(recorded('municipality.registered.v1', elbasanV1)), {
    code: 'TRG_EVENT_INVALID',
    details: { type: 'municipality.registered.v2', problem: 'kind must be bashkia or komuna' },
  })
})

t.test('the registry is complete: every superseded type reaches a current one', async (t) => {
  t.doesNotThrow(() => assertUpcastersComplete())
  t.doesNotThrow(() => assertUpcastersComplete(upcasters))
  t.ok(Object.isFrozen(upcasters))
  t.same(
    upcasters.map(({ from, to }) => ({ from, to })),
    [{ from: 'municipality.registered.v1', to: 'municipality.registered.v2' }],
  )
})

t.test('an incomplete registry is refused, naming the type and what is wrong', async (t) => {
  const step = (from: string, to: string): Upcaster => ({ from, to, upcast: (data) => data })
  const v1 = 'municipality.registered.v1'
  const refused = (registry: readonly Upcaster[], type: string, problem: string) => {
    t.throws(
      () => assertUpcastersComplete(registry),
      {
        code: 'TRG_UPCASTER_MISSING',
        category: 'INTERNAL',
        details: { type, problem },
        message: `Events of type ${type} cannot be read as a current version: ${problem}`,
      },
      problem,
    )
  }
  refused([], v1, 'has no upcaster to a newer version')
  refused(
    [step(v1, 'municipality.registered.v2'), step(v1, 'municipality.registered.v3')],
    v1,
    'has 2 upcasters (to municipality.registered.v2, municipality.registered.v3) where it needs one',
  )
  refused([step(v1, 'municipality.registered.v3')], v1, 'is upcast to municipality.registered.v3, which is no event type')
  refused([step(v1, v1)], v1, `its upcasters go round in a loop: ${v1} → ${v1}`)
  refused(
    [...upcasters, step('plan.drafted.v1', 'plan.drafted.v1')],
    'plan.drafted.v1',
    'is a current type, so no upcaster may start from it',
  )
  refused(
    [step('indicator.defined.v0', 'indicator.defined.v1'), ...upcasters],
    'indicator.defined.v0',
    'has an upcaster but no schema in historicEventSchemas to check its data with',
  )
})

t.test('upcasting with an incomplete registry fails on the first superseded event, every time', async (t) => {
  const read = upcastWith([])
  const current = recorded('municipality.registered.v2', { ...elbasanV1, kind: 'bashkia' })
  t.equal(read(current), current, 'current events do not need the chains')
  for (const attempt of [1, 2]) {
    t.throws(
      () => read(recorded('municipality.registered.v1', elbasanV1)),
      { code: 'TRG_UPCASTER_MISSING', details: { type: 'municipality.registered.v1' } },
      `attempt ${attempt}`,
    )
  }
})
