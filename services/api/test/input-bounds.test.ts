import { randomUUID } from 'node:crypto'
import t, { type Test } from 'tap'
import { collect } from '@treguesi/event-store/contract'
import { buildWorld, documentOf, inputFor, send, type MutationName } from './mutations-support.js'
import { principals, startService } from './support/service.js'

/*
 * The bounds on what a caller sends, over real HTTP: every string argument and variable, the
 * custom scalars, the commands' fields, and command ids compared in one form. Just inside is
 * accepted; just outside is refused with its code and the field named, and nothing is written.
 */

const sq = (text: string) => ({ sq: text })

/**
 * A seeded service with a world of entities to write to as admin, the log's head before any
 * test write, and `refused`: sends `name` with the world's valid input changed by `input`,
 * checks that no payload comes back and returns the errors.
 */
async function adminWorld(t: Test) {
  const service = await startService(t, { seed: true })
  const token = service.token(principals.admin)
  const world = await buildWorld(service.store)
  const head = await service.store.headPosition()
  const refused = async (name: MutationName, input: Record<string, unknown>, label: string) => {
    const { payload, errors } = await send(service, name, { ...inputFor(name, world), ...input }, token)
    t.equal(payload, null, `${label}: refused`)
    return errors
  }
  return { service, token, world, head, refused }
}

t.test(
  'every string a caller sends: at most 5000 characters, no control character but line feeds and tabs, whole surrogate pairs',
  async (t) => {
    const service = await startService(t, { seed: true })
    const token = service.token(principals.admin)
    const head = await service.store.headPosition()
    const draft = (title: object) =>
      send(
        service,
        'draftPlan',
        { commandId: randomUUID(), planId: randomUUID(), municipality: 'ELB', kind: 'other', title, period: { from: 2025, to: 2026 } },
        token,
      )

    for (const [title, problem] of [
      [{ sq: 'Plan', en: 'x'.repeat(5001) }, 'must be at most 5000 characters long, not 5001'],
      [{ sq: 'Plan\u0000' }, 'must not contain the control character U+0000: only line feeds and tabs are allowed'],
      [{ sq: 'Plan \ud800' }, 'must be well-formed Unicode: it holds half of a surrogate pair'],
    ] as const) {
      const field = 'en' in title ? 'input.title.en' : 'input.title.sq'
      const { payload, errors } = await draft(title)
      t.equal(payload, null)
      t.match(errors, [
        {
          message: `Variable $${field} is invalid: ${problem}`,
          extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_VARIABLE_INVALID', field, details: { variable: field, problem } },
        },
      ])
    }
    const nested = await service.graphql(
      'query ($types: [String!]) { events(types: $types) { edges { cursor } } }',
      { types: ['plan', 'x\u001b'] },
      token,
    )
    t.match(nested.errors, [{ extensions: { trgCode: 'TRG_VARIABLE_INVALID', field: 'types.1' } }], 'a list item by its index')

    const literal = await service.graphql(
      `mutation { draftPlan(input: { commandId: "${randomUUID()}", planId: "${randomUUID()}", municipality: "ELB", kind: other,
      title: { sq: "Plan", en: "${'x'.repeat(5001)}" }, period: { from: 2025, to: 2026 } }) { commandId } }`,
      undefined,
      token,
    )
    t.match(literal.errors, [
      {
        message: 'The query does not fit the schema: input.title.en must be at most 5000 characters long, not 5001',
        locations: [{ line: 2 }],
        extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_QUERY_INVALID', field: 'input.title.en' },
      },
    ])
    const inList = await service.graphql('{ events(types: ["plan", "\\u0000"]) { edges { cursor } } }', undefined, token)
    t.match(inList.errors, [
      {
        extensions: {
          trgCode: 'TRG_QUERY_INVALID',
          field: 'types.1',
          details: { problem: /^types\.1 must not contain the control character U\+0000/ },
        },
      },
    ])
    const defaulted = await service.graphql('query ($m: String = "ELB\\u0007") { plans(municipality: $m) { totalCount } }')
    t.match(defaulted.errors, [{ extensions: { trgCode: 'TRG_QUERY_INVALID', field: '$m' } }], 'a variable default by its name')
    t.equal(await service.store.headPosition(), head, 'nothing was written')

    const inside = await service.graphql('query ($m: String) { plans(municipality: $m) { totalCount } }', { m: `${'ë'.repeat(4990)}\n\t` })
    t.same(inside.errors, undefined, 'just inside: 5000 characters with a line feed and a tab reach the resolver')
    t.same(inside.data, { plans: { totalCount: 0 } })
  },
)

t.test('scalars take the domain rules: just inside is accepted, just outside refused with the reason', async (t) => {
  const { service, token, world, head, refused } = await adminWorld(t)
  const refusedValue = async (name: MutationName, input: Record<string, unknown>, type: string, problem: RegExp) =>
    t.match(await refused(name, input, name), [
      {
        message: new RegExp(`is not a valid ${type}: .*${problem.source}`),
        extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_INVALID_VALUE', details: { type } },
      },
    ])
  await refusedValue(
    'setBaseline',
    { value: '1000000000000000' },
    'Decimal',
    /must have at most 15 digits before the decimal point, not 16/,
  )
  await refusedValue(
    'setBaseline',
    { value: `1.${'1'.repeat(13)}` },
    'Decimal',
    /must have at most 12 digits after the decimal point, not 13/,
  )
  await refusedValue('setTarget', { target: { kind: 'absolute', value: '9'.repeat(81) } }, 'Decimal', /not 81/)
  await refusedValue(
    'setMunicipalBudgetTotal',
    { total: { amount: '1000000000000000', currency: 'ALL' } },
    'Decimal',
    /at most 15 digits before/,
  )
  await refusedValue('changeMeasureStatus', { date: '0000-01-01' }, 'Date', /has a year that must be 1990 or later/)
  await refusedValue('allocateBudget', { date: '9999-12-31' }, 'Date', /has a year that must be 2100 or earlier/)
  await refusedValue('reportIndicatorValue', { period: '2101' }, 'Period', /has a year that must be 2100 or earlier/)
  await refusedValue('setBaseline', { occurredAt: '1989-12-31T23:59:59Z' }, 'DateTime', /has a year that must be 1990 or later/)
  const long = await send(service, 'setBaseline', { ...inputFor('setBaseline', world), value: '9'.repeat(5000) }, token)
  t.match(long.errors, [{ extensions: { details: { value: `${'9'.repeat(60)}… (5000 characters)` } } }], 'a long value is quoted cut short')
  t.equal(await service.store.headPosition(), head, 'nothing was written')

  const baseline = await send(
    service,
    'setBaseline',
    { ...inputFor('setBaseline', world), value: '999999999999999', occurredAt: '2100-12-31T23:59:59+01:00' },
    token,
  )
  t.same(baseline.errors, [], 'just inside')
  t.equal((baseline.payload!.indicator as { baseline: { value: string } }).baseline.value, '999999999999999')
  const ratio = await send(
    service,
    'setTarget',
    { ...inputFor('setTarget', world), target: { kind: 'relative', changePercent: '-12.123456789012', over: 'baseline' } },
    token,
  )
  t.same(ratio.errors, [], 'twelve places')
})

t.test("commands' own bounds name the field inside the input: money to the cent, titles on one line", async (t) => {
  const { service, token, world, head, refused } = await adminWorld(t)
  const refusedField = async (name: MutationName, input: Record<string, unknown>, field: string, problem: RegExp) =>
    t.match(await refused(name, input, `${name}.${field}`), [
      { extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_INVALID_COMMAND', field, details: { field, problem } } },
    ])
  const money = (amount: string) => ({ amount, currency: world.currency })
  await refusedField(
    'allocateBudget',
    { allocated: money('100000.005') },
    'allocated.amount',
    /at most 2 digits after the decimal point, not 3/,
  )
  await refusedField('addArea', { title: sq('ç'.repeat(501)) }, 'title.sq', /^must be at most 500 characters long, not 501$/)
  await refusedField('reviseMeasure', { title: sq('Masa\ne re') }, 'title.sq', /U\+000A: it is written on one line/)
  await refusedField('planBudgetLine', { fundingSource: { kind: 'donor', name: 'UN\tWomen' } }, 'fundingSource.name', /one line/)
  await refusedField('addObjective', { code: 'I.2\t' }, 'code', /U\+0009: it is written on one line/)
  await refusedField('addArea', { code: 'x'.repeat(65) }, 'code', /at most 64/)
  t.equal(await service.store.headPosition(), head, 'nothing was written')

  const title = `Barazia gjinore në Elbasan: çdo vajzë, çdo djalë ${'ë'.repeat(450)}`
  const added = await send(service, 'addArea', { ...inputFor('addArea', world), title: { sq: title, en: 'Gender equality' } }, token)
  t.same(added.errors, [], 'just inside, in Albanian')
  t.match(added.payload, { replayed: false })
  const [recorded] = await collect(service.store.readAll({ direction: 'backwards', maxCount: 1 }))
  t.equal((recorded!.data as { title: { sq: string } }).title.sq, title, 'ë and ç round-trip byte for byte')
  const output = await send(
    service,
    'reviseMeasure',
    { ...inputFor('reviseMeasure', world), output: sq('Rreshti i parë\nRreshti i dytë\tme skedë') },
    token,
  )
  t.same(output.errors, [], 'a description spans lines')
  t.equal(
    (await send(service, 'allocateBudget', { ...inputFor('allocateBudget', world), allocated: money('999999999999999.99') }, token)).errors
      .length,
    0,
    'money just inside',
  )
})

t.test('a command id in upper case is the same command as in lower case', async (t) => {
  const { service, token, world } = await adminWorld(t)
  const input = inputFor('addArea', world)
  const upper = await send(service, 'addArea', { ...input, commandId: input.commandId.toUpperCase() }, token)
  t.same(upper.errors, [])
  t.equal(upper.payload!.commandId, input.commandId, 'the id in its canonical form')
  const head = await service.store.headPosition()
  const lower = await send(service, 'addArea', input, token)
  t.same(lower.errors, [], 'not a conflict')
  t.match(lower.payload, {
    commandId: input.commandId,
    position: upper.payload!.position,
    revision: upper.payload!.revision,
    replayed: true,
  })
  t.equal(await service.store.headPosition(), head, 'nothing was written again')
  const literal = await service.graphql(
    documentOf('addArea'),
    { input: { ...input, commandId: `${input.commandId.slice(0, 9)}${input.commandId.slice(9).toUpperCase()}` } },
    token,
  )
  t.match(literal.data, { addArea: { replayed: true } }, 'any mix of cases')
})
