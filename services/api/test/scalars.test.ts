import { isTreguesiError } from '@treguesi/errors'
import { GraphQLError, Kind, parseValue } from 'graphql'
import t from 'tap'
import { scalarResolvers, scalars } from '../src/graphql/scalars.js'
import { startService } from './support/service.js'

/** The TRG_* error inside the GraphQL error a scalar throws, and the codes the client sees. */
const refusal = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    const original = (error as GraphQLError).originalError
    if (error instanceof GraphQLError && isTreguesiError(original)) {
      return { code: original.code, message: original.message, details: original.details, extensions: error.extensions }
    }
    throw error
  }
  throw new Error('expected a refusal')
}

t.test('each string scalar takes valid text, as a literal or a variable, and refuses the rest with the reason', async (t) => {
  const valid = {
    Decimal: ['1250.50', '-3', '0.842105263158'],
    DateTime: ['2025-03-01T09:00:00+01:00', '2025-03-01T08:00:00Z'],
    Date: ['2024-12-31'],
    Period: ['2024', '2024-H1', '2024-Q3'],
    Position: ['0', '42'],
  } as const
  for (const [name, values] of Object.entries(valid)) {
    const scalar = scalars[name as keyof typeof valid]
    for (const value of values) {
      t.equal(scalar.parseValue(value), value, `${name} ${value} as a variable`)
      t.equal(scalar.parseLiteral(parseValue(JSON.stringify(value))), value, `${name} ${value} as a literal`)
      t.equal(scalar.serialize(value), value, `${name} ${value} on the way out`)
    }
  }
  const invalid = {
    Decimal: ['1,250.50', '1e3', '.5'],
    DateTime: ['2025-03-01T09:00:00', '2025-03-01'],
    Date: ['2024-13-01', '31.12.2024'],
    Period: ['2024-H3', '2024-Q5', '24'],
    Position: ['-1', '4.2', 'abc'],
  } as const
  for (const [name, values] of Object.entries(invalid)) {
    const scalar = scalars[name as keyof typeof invalid]
    for (const value of values) {
      t.match(refusal(() => scalar.parseValue(value)), { code: 'TRG_INVALID_VALUE', details: { type: name, value } }, `${name} ${value}`)
      t.match(refusal(() => scalar.parseLiteral(parseValue(JSON.stringify(value)))), { code: 'TRG_INVALID_VALUE' })
    }
  }
  t.match(refusal(() => scalars.Period.parseValue('2024-H3')), {
    message: '"2024-H3" is not a valid Period: must be a year (2024), a half-year (2024-H1) or a quarter (2024-Q3)',
    extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_INVALID_VALUE', details: { type: 'Period', value: '2024-H3' } },
  })
  t.match(refusal(() => scalars.Decimal.parseValue(1.5)), { details: { type: 'Decimal', value: '1.5', problem: 'must be given as a string' } })
  t.match(refusal(() => scalars.Period.parseLiteral({ kind: Kind.INT, value: '2024' })), {
    details: { type: 'Period', value: '2024', problem: 'must be written as a string, in double quotes' },
  })
  t.match(refusal(() => scalars.Decimal.serialize('not a number')), { code: 'TRG_INVALID_VALUE' }, 'a bad figure never leaves the server')
  t.equal(scalars.Position.serialize(12345678901234567890n), '12345678901234567890', 'positions beyond 2^53 stay exact')
})

t.test('JSON takes any value', async (t) => {
  t.same(scalars.JSON.serialize({ a: [1, 'ë'] }), { a: [1, 'ë'] })
  t.same(scalars.JSON.parseValue({ b: true }), { b: true })
  t.same(scalars.JSON.parseLiteral(parseValue('{ a: [1, "ç"], b: $x }'), { x: null }), { a: [1, 'ç'], b: null })
})

t.test('the resolvers hand mercurius only the functions, so the schema keeps its descriptions', async (t) => {
  const decimal = scalarResolvers.Decimal as unknown as Record<string, unknown>
  t.same(Object.keys(decimal).sort(), ['parseLiteral', 'parseValue', 'serialize'])
  const service = await startService(t, { seed: false })
  const response = await service.graphql<any>('{ __type(name: "Period") { name description } }')
  t.match(response.data.__type, { name: 'Period', description: /a year \(2024\), a half-year \(2024-H1\) or a quarter \(2024-Q3\)/ })
})

t.test('over HTTP: a bad scalar in the query or in a variable is BAD_USER_INPUT with TRG_INVALID_VALUE, before any resolver runs', async (t) => {
  const service = await startService(t, { seed: false })
  const literal = await service.graphql('{ nationalAggregate(nationalCode: "X", period: "2024-H3") { value } }')
  t.match(literal.errors, [
    { message: /"2024-H3" is not a valid Period/, extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_INVALID_VALUE', details: { type: 'Period', value: '2024-H3' } } },
  ])
  const unquoted = await service.graphql('{ nationalAggregate(nationalCode: "X", period: 2024) { value } }')
  t.match(unquoted.errors, [{ message: /must be written as a string/, extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_INVALID_VALUE' } }])
  const variable = await service.graphql('query ($p: Period!) { nationalAggregate(nationalCode: "X", period: $p) { value } }', { p: '2024-Q5' })
  t.match(variable.errors, [{ message: /"2024-Q5" is not a valid Period/, extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_INVALID_VALUE' } }])
  const position = await service.graphql('query ($at: Position) { plans(consistentWith: $at) { totalCount } }', { at: 42 })
  t.match(position.errors, [{ message: /must be given as a string/, extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_INVALID_VALUE' } }])
  t.same((await service.graphql('{ nationalAggregate(nationalCode: "X", period: "2024-H1") { value } }')).data, { nationalAggregate: null })
})
