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
      t.match(
        refusal(() => scalar.parseValue(value)),
        { code: 'TRG_INVALID_VALUE', details: { type: name, value } },
        `${name} ${value}`,
      )
      t.match(
        refusal(() => scalar.parseLiteral(parseValue(JSON.stringify(value)))),
        { code: 'TRG_INVALID_VALUE' },
      )
    }
  }
  t.match(
    refusal(() => scalars.Period.parseValue('2024-H3')),
    {
      message: '"2024-H3" is not a valid Period: must be a year (2024), a half-year (2024-H1) or a quarter (2024-Q3)',
      extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_INVALID_VALUE', details: { type: 'Period', value: '2024-H3' } },
    },
  )
  t.match(
    refusal(() => scalars.Decimal.parseValue(1.5)),
    { details: { type: 'Decimal', value: '1.5', problem: 'must be given as a string' } },
  )
  t.match(
    refusal(() => scalars.Period.parseLiteral({ kind: Kind.INT, value: '2024' })),
    {
      details: { type: 'Period', value: '2024', problem: 'must be written as a string, in double quotes' },
    },
  )
  t.match(
    refusal(() => scalars.Decimal.serialize('not a number')),
    { code: 'TRG_INVALID_VALUE' },
    'a bad figure never leaves the server',
  )
  t.equal(scalars.Position.serialize(12345678901234567890n), '12345678901234567890', 'positions beyond 2^53 stay exact')
})

t.test(
  "on the way in the domain's bounds apply; on the way out only the form, so figures recorded before a bound still show",
  async (t) => {
    const inside = {
      Decimal: ['999999999999999', '-0.123456789012', '000999999999999999.10'],
      DateTime: ['1990-01-01T00:00:00Z', '2100-12-31T23:59:59-12:00'],
      Date: ['1990-01-01', '2100-12-31'],
      Period: ['1990', '2100-Q4'],
      Position: ['9223372036854775807', '0000000000000000000000000009223372036854775807'],
    } as const
    const outside = {
      Decimal: [
        ['1000000000000000', 'must have at most 15 digits before the decimal point, not 16'],
        ['0.1234567890123', 'must have at most 12 digits after the decimal point, not 13'],
      ],
      DateTime: [
        ['1989-12-31T23:59:59Z', 'has a year that must be 1990 or later'],
        ['0000-01-01T00:00:00+14:00', 'has a year that must be 1990 or later'],
        ['9999-12-31T23:59:59Z', 'has a year that must be 2100 or earlier'],
      ],
      Date: [
        ['0000-01-01', 'has a year that must be 1990 or later'],
        ['2101-01-01', 'has a year that must be 2100 or earlier'],
      ],
      Period: [
        ['1989', 'has a year that must be 1990 or later'],
        ['9999-H2', 'has a year that must be 2100 or earlier'],
      ],
      Position: [
        ['9223372036854775808', 'must be at most 9223372036854775807 (2^63 - 1)'],
        ['18446744073709551616', 'must be at most 9223372036854775807 (2^63 - 1)'],
        [`1${'0'.repeat(800)}`, 'must be at most 9223372036854775807 (2^63 - 1)'],
      ],
    } as const
    for (const [name, values] of Object.entries(inside)) {
      for (const value of values) t.equal(scalars[name as keyof typeof inside].parseValue(value), value, `${name} ${value} is taken`)
    }
    for (const [name, cases] of Object.entries(outside)) {
      const scalar = scalars[name as keyof typeof outside]
      for (const [value, problem] of cases) {
        t.match(
          refusal(() => scalar.parseValue(value)),
          { code: 'TRG_INVALID_VALUE', details: { type: name, problem } },
          `${name} ${value.slice(0, 30)}`,
        )
        t.match(
          refusal(() => scalar.parseLiteral(parseValue(JSON.stringify(value)))),
          { details: { problem } },
        )
        t.equal(scalar.serialize(value), value, `${name} ${value.slice(0, 30)} is still shown`)
      }
    }
    t.match(
      refusal(() => scalars.Decimal.parseValue('9'.repeat(5000))),
      {
        details: { value: `${'9'.repeat(60)}… (5000 characters)` },
        message: /^"9{60}… \(5000 characters\)" is not a valid Decimal/,
      },
      'a long value is quoted cut short',
    )
    t.match(
      refusal(() => scalars.Date.serialize('31.12.2024')),
      { code: 'TRG_INVALID_VALUE' },
      'a value of the wrong form never leaves the server',
    )
    t.match(
      refusal(() => scalars.Period.serialize('2024-H3')),
      { code: 'TRG_INVALID_VALUE' },
    )
    t.match(
      refusal(() => scalars.Position.serialize('-1')),
      { code: 'TRG_INVALID_VALUE' },
    )
    t.match(
      refusal(() => scalars.DateTime.serialize('2024-01-01')),
      { code: 'TRG_INVALID_VALUE' },
    )
  },
)

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

t.test(
  'over HTTP: a bad scalar in the query or in a variable is BAD_USER_INPUT with TRG_INVALID_VALUE, before any resolver runs',
  async (t) => {
    const service = await startService(t, { seed: false })
    const literal = await service.graphql('{ nationalAggregate(nationalCode: "X", country: AL, period: "2024-H3") { value } }')
    t.match(literal.errors, [
      {
        message: /"2024-H3" is not a valid Period/,
        extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_INVALID_VALUE', details: { type: 'Period', value: '2024-H3' } },
      },
    ])
    const unquoted = await service.graphql('{ nationalAggregate(nationalCode: "X", country: AL, period: 2024) { value } }')
    t.match(unquoted.errors, [
      { message: /must be written as a string/, extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_INVALID_VALUE' } },
    ])
    const variable = await service.graphql(
      'query ($p: Period!) { nationalAggregate(nationalCode: "X", country: AL, period: $p) { value } }',
      {
        p: '2024-Q5',
      },
    )
    t.match(variable.errors, [
      { message: /"2024-Q5" is not a valid Period/, extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_INVALID_VALUE' } },
    ])
    const position = await service.graphql('query ($at: Position) { plans(consistentWith: $at) { totalCount } }', { at: 42 })
    t.match(position.errors, [
      { message: /must be given as a string/, extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_INVALID_VALUE' } },
    ])
    t.same((await service.graphql('{ nationalAggregate(nationalCode: "X", country: AL, period: "2024-H1") { value } }')).data, {
      nationalAggregate: null,
    })
  },
)
