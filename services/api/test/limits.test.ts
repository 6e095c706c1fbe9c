import { elbasanGenderEquality } from '@treguesi/seeds'
import { buildSchema, getIntrospectionQuery, graphqlSync, Kind, parse, specifiedRules, validate, type DocumentNode } from 'graphql'
import t from 'tap'
import { measureOperations, queryLimits, validationRules, validationRulesFor } from '../src/graphql/limits.js'
import { schemaSource } from '../src/graphql/schema-source.js'
import { startService, type GraphQLResponse } from './support/service.js'

const elbasanPlanId = String(elbasanGenderEquality.commands.find((command) => command.type === 'DraftPlan')!.planId)

/** The whole tree of a plan, as a donor's dashboard would ask for it: 11 levels at the deepest. */
const planTreeQuery = `query ($id: ID!) {
  plan(id: $id) {
    id title { sq en } status period { from to } counts { areas objectives measures indicators }
    rollUp { ...RollUpFields }
    areas {
      code title { sq }
      rollUp { ...RollUpFields }
      objectives {
        ...ObjectiveFields
        children { ...ObjectiveFields children { ...ObjectiveFields } }
      }
    }
    budgetLines { id fiscalYear fundingSource { kind name } planned { amount { amount currency } costingText } allocated { amount currency } }
  }
}
fragment RollUpFields on RollUp { attainment { value reason } rating counted indicators measureStatuses { status count } }
fragment IndicatorFields on Indicator {
  code name { sq } unit direction
  attainment { value reason explanation } progress { value reason } rating { value reason } latestValue { period value }
  values { period value breakdowns { dimension categories { category value } } }
  history { kind period position value { value } }
}
fragment ObjectiveFields on Objective {
  code level title { sq }
  indicators { ...IndicatorFields }
  measures { code status statusHistory { from to date } budgetLines { fiscalYear allocated { amount currency } } indicators { ...IndicatorFields } }
  rollUp { ...RollUpFields }
}`

type Errors = GraphQLResponse['errors']

function limitError(limit: string, maximum: number, actual: number) {
  return {
    message: `The request exceeds the ${limit} limit: ${actual} where at most ${maximum} is allowed`,
    extensions: { code: 'BAD_USER_INPUT', trgCode: 'TRG_LIMIT_EXCEEDED', details: { limit, maximum, actual } },
  }
}

t.test('the plan tree, the plan list with indicators and GraphiQL introspection all fit the limits', async (t) => {
  const service = await startService(t)
  const tree = await service.graphql<{ plan: { areas: unknown[] } }>(planTreeQuery, { id: elbasanPlanId })
  t.equal(tree.errors, undefined)
  t.ok(tree.data!.plan.areas.length > 0)
  const list = await service.graphql<{ plans: { edges: unknown[] } }>(
    '{ plans { edges { node { title { sq } indicators { code attainment { value } } } } } }',
  )
  t.equal(list.errors, undefined)
  t.equal(list.data!.plans.edges.length, 3)
  const introspection = await service.graphql(
    getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true }),
  )
  t.equal(introspection.errors, undefined)
})

t.test('too deep, too costly, too many aliases, round a cycle: refused before anything runs', async (t) => {
  const service = await startService(t, { seed: false })

  const deep = `{ plan(id: "x") { areas { objectives { ${'children { '.repeat(12)}code${' }'.repeat(12)} } } } }`
  const tooDeep = await service.graphql(deep)
  t.same(tooDeep, {
    status: 200,
    errors: [
      { ...limitError('depth', queryLimits.depth, 16), locations: [{ line: 1, column: 1 }] },
      { ...limitError('type repetitions', queryLimits.typeRepetitions, 13), locations: [{ line: 1, column: 1 }] },
    ],
  })

  // A connection counts its page: 1 (plans) + 1 (totalCount) + 1 (edges) + 200 × (node + id).
  const page = await service.graphql<{ plans: { totalCount: number } }>('{ plans(first: 200) { totalCount edges { node { id } } } }')
  t.equal(page.errors, undefined)
  // Each indicator of each plan of the page with each indicator of its plan: 200 × 50 × 50 counted.
  const costly = '{ plans(first: 200) { edges { node { indicators { plan { indicators { code } } } } } } }'
  const costlyCost = 1 + 1 + 200 * (1 + 1 + 50 * (1 + 1 + 50))
  t.same((await service.graphql(costly)).errors, [
    { ...limitError('complexity', queryLimits.complexity, costlyCost), locations: [{ line: 1, column: 1 }] },
  ])
  // A page size given as a variable counts as the value sent, or as its default when none is.
  const byVariable = await service.graphql(
    'query ($n: Int = 10) { plans(first: $n) { edges { node { indicators { plan { indicators { code } } } } } } }',
    { n: 200 },
  )
  t.match(byVariable.errors, [{ extensions: { details: { limit: 'complexity', actual: costlyCost } } }])
  const larger = await service.graphql(
    'query ($n: Int = 500) { plans(first: $n) { edges { node { indicators { plan { indicators { code } } } } } } }',
  )
  t.match(
    larger.errors,
    [{ extensions: { details: { limit: 'complexity', actual: 1 + 1 + 500 * 2602 } } }],
    'a default above the largest page counts as given',
  )
  // Without `first` a connection counts its default page of 50.
  const defaultPage = await service.graphql('{ plans { edges { node { indicators { plan { indicators { code } } } } } } }')
  t.match(defaultPage.errors, [{ extensions: { details: { limit: 'complexity', actual: 1 + 1 + 50 * 2602 } } }])

  const aliases = Array.from({ length: 16 }, (_, index) => `v${index}: viewer { role }`).join(' ')
  const aliased = await service.graphql(`{ ...Twice ...Twice } fragment Twice on Query { ${aliases} }`)
  t.match(
    aliased.errors,
    [{ extensions: { trgCode: 'TRG_LIMIT_EXCEEDED', details: { limit: 'aliases', maximum: 30, actual: 32 } } }],
    'a fragment counts each time it is spread',
  )
})

t.test('a query that goes round the plan ↔ indicator cycle is refused; one turn of it is answered', async (t) => {
  const service = await startService(t)
  const indicatorId = String(elbasanGenderEquality.commands.find((command) => command.type === 'DefineIndicator')!.indicatorId)
  // Five turns: 28⁵ ≈ 17 million indicators in the seed plan, counted as 50 per plan's list.
  const fiveTurns = `{ indicator(id: "${indicatorId}") { plan { indicators { plan { indicators { plan { indicators { plan { indicators { plan { indicators { id } } } } } } } } } } } }`
  const refused = await service.graphql(fiveTurns)
  t.match(refused, {
    status: 200,
    errors: [
      {
        extensions: {
          trgCode: 'TRG_LIMIT_EXCEEDED',
          details: { limit: 'complexity', maximum: queryLimits.complexity, actual: 325_255_103 },
        },
      },
      {
        extensions: {
          trgCode: 'TRG_LIMIT_EXCEEDED',
          details: { limit: 'type repetitions', maximum: queryLimits.typeRepetitions, actual: 6 },
        },
      },
    ],
  })
  t.notOk('data' in refused, 'nothing ran')
  const threeTurns = `{ indicator(id: "${indicatorId}") { plan { indicators { plan { indicators { plan { indicators { id } } } } } } } }`
  t.match((await service.graphql(threeTurns)).errors, [
    { extensions: { details: { limit: 'complexity', actual: 3 + 50 * (1 + 1 + 50 * (1 + 1 + 50)) } } },
  ])
  const oneTurn = await service.graphql<{ indicator: { plan: { indicators: Array<{ plan: { indicators: unknown[] } }> } } }>(
    `{ indicator(id: "${indicatorId}") { plan { indicators { plan { indicators { id } } } } } }`,
  )
  t.equal(oneTurn.errors, undefined)
  const indicators = oneTurn.data!.indicator.plan.indicators
  t.equal(indicators.length, 28)
  t.equal(
    indicators.reduce((total, { plan }) => total + plan.indicators.length, 0),
    28 * 28,
  )
  t.equal((await fetch(`${service.url}/healthz`)).status, 200)
})

/** Each plan of the page with each indicator of its plan: 2 + 2,602 per plan counted. */
const cycleOfPlans = (first: string) => `plans(first: ${first}) { edges { node { indicators { plan { indicators { code } } } } } }`
const cycleCost = (page: number) => 1 + 1 + page * 2602

t.test('a page size given in a variable counts as the request sends it', async (t) => {
  const service = await startService(t)
  const byVariable = `query ($n: Int) { ${cycleOfPlans('$n')} }`
  const refusedAt = (cost: number) => [{ ...limitError('complexity', queryLimits.complexity, cost), locations: [{ line: 1, column: 1 }] }]

  const three = await service.graphql<{ plans: { edges: unknown[] } }>(byVariable, { n: 3 })
  t.equal(three.errors, undefined, 'three plans, each with its indicators of its plan: 7,808')
  t.equal(three.data!.plans.edges.length, 3)
  t.same((await service.graphql(byVariable, { n: 200 })).errors, refusedAt(cycleCost(200)))
  t.same((await service.graphql(byVariable, { n: 39 })).errors, refusedAt(cycleCost(39)), 'one plan past the budget')
  t.equal((await service.graphql(byVariable, { n: 38 })).errors, undefined)
  t.equal((await service.graphql(byVariable, { n: 3 })).errors, undefined, 'the same document answers again after its refusal')

  // Not sent: its default, or what the argument left out asks for (the resolver's 50).
  t.equal((await service.graphql(`query ($n: Int = 10) { ${cycleOfPlans('$n')} }`)).errors, undefined)
  t.same((await service.graphql(`query ($n: Int = 39) { ${cycleOfPlans('$n')} }`)).errors, refusedAt(cycleCost(39)))
  t.same((await service.graphql(`query ($n: Int = 3) { ${cycleOfPlans('$n')} }`, { n: 200 })).errors, refusedAt(cycleCost(200)))
  const absent = (await service.graphql('{ plans { edges { node { indicators { plan { indicators { code } } } } } } }')).errors
  t.same(absent, refusedAt(cycleCost(50)))
  t.same((await service.graphql(byVariable)).errors, absent, 'a variable not sent asks for what no argument does')
  t.same((await service.graphql(byVariable, {})).errors, absent)
  t.same((await service.graphql(`query ($n: Int = 3) { ${cycleOfPlans('$n')} }`, { n: null })).errors, absent, 'null is sent: no default')
  const nullVariables = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    body: JSON.stringify({ query: byVariable, variables: null }),
  })
  t.same(((await nullVariables.json()) as { errors: Errors }).errors, absent)

  // A value no page can have counts as the largest page: the resolver refuses it, the measure does not wait for that.
  for (const n of [3.5, '3', 1_000, 2 ** 31, 1e300, -1, -1_000_000, true, [3], { n: 3 }]) {
    t.same((await service.graphql(byVariable, { n })).errors, refusedAt(cycleCost(200)), JSON.stringify(n))
  }
  const beside = await service.graphql(`query ($n: Int) { a: ${cycleOfPlans('$n')} b: ${cycleOfPlans('30')} }`, { n: -1_000_000 })
  t.same(beside.errors, refusedAt(cycleCost(200) + cycleCost(30)), 'a negative page takes nothing off the pages beside it')
  const cheap = await service.graphql('query ($n: Int) { plans(first: $n) { totalCount } }', { n: 500 })
  t.match(cheap, {
    status: 200,
    errors: [{ extensions: { trgCode: 'TRG_LIMIT_EXCEEDED', details: { limit: 'page size (first)', maximum: 200, actual: 500 } } }],
  })

  // A GET's variables are read from its query string alike.
  const get = async (variables: object) => {
    const parameters = new URLSearchParams({ query: byVariable, variables: JSON.stringify(variables) })
    const response = await fetch(`${service.url}/graphql?${parameters}`, { headers: { 'accept-language': 'en' } })
    return (await response.json()) as { data?: { plans: { edges: unknown[] } }; errors?: Errors }
  }
  t.equal((await get({ n: 3 })).data?.plans.edges.length, 3)
  t.same((await get({ n: 200 })).errors, refusedAt(cycleCost(200)))
})

t.test('introspection counts exactly, aliases of it included', async (t) => {
  const service = await startService(t, { seed: false })
  // 700 aliased answers of every type's name: the aliases refuse it, and so does its size.
  const many = `{ ${Array.from({ length: 700 }, (_, index) => `s${index}: __schema { types { name } }`).join(' ')} }`
  const refused = await service.graphql(many)
  t.match(refused.errors, [
    { extensions: { details: { limit: 'complexity' } } },
    { extensions: { details: { limit: 'aliases', actual: 700 } } },
    { extensions: { details: { limit: 'introspection' } } },
  ])
  const complexity = (refused.errors![0]!.extensions!.details as { actual: number }).actual
  const types = Object.keys(buildSchema(schemaSource()).getTypeMap()).length
  t.equal(complexity, 700 * (1 + 1 + types), "each answer: __schema, types, and each type's name")
  // GraphiQL's own introspection fits twice, not three times.
  const full = getIntrospectionQuery()
  const fragments = full.slice(full.indexOf('fragment FullType'))
  const copies = (count: number) =>
    `{ ${Array.from({ length: count }, (_, index) => `a${index}: __schema { types { ...FullType } }`).join(' ')} } ${fragments}`
  t.equal((await service.graphql(copies(2))).errors, undefined)
  t.same(
    (await service.graphql(copies(3))).errors!.map((error) => error.extensions!.details),
    [
      {
        limit: 'introspection',
        maximum: queryLimits.introspection,
        actual: 3 * (1 + 1 + measureOperations(buildSchema(schemaSource()), parse(copies(1)))[0]!.introspection - 2),
      },
    ],
  )
})

t.test('a client asking for application/graphql-response+json gets 400 for a refused operation', async (t) => {
  const service = await startService(t, { seed: false })
  const deep = `{ plan(id: "x") { areas { objectives { ${'children { '.repeat(12)}code${' }'.repeat(12)} } } } }`
  const response = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json;q=0.9' },
    body: JSON.stringify({ query: deep }),
  })
  t.equal(response.status, 400)
  t.match(response.headers.get('content-type'), /^application\/graphql-response\+json/)
  const body = (await response.json()) as { data?: unknown; errors: Errors }
  t.notOk('data' in body, 'refused before running: no data entry')
  t.match(body.errors, [{ extensions: { trgCode: 'TRG_LIMIT_EXCEEDED' } }])
})

t.test('documents beyond the token limit are refused while parsing', async (t) => {
  const service = await startService(t, { seed: false })
  // Short tokens: the document stays within the bound of characters.
  const huge = `{ ${Array.from({ length: 10_001 }, () => 'a').join(' ')} }`
  const refused = await service.graphql(huge)
  t.match(refused.errors, [
    { extensions: { trgCode: 'TRG_LIMIT_EXCEEDED', details: { limit: 'tokens in the document', maximum: 10_000, actual: 10_001 } } },
  ])
})

/** The rules alone, on the real schema: the corners a client is unlikely to reach over HTTP. */
t.test('the measures follow fragments once, through inline fragments, past unknown names', async (t) => {
  const schema = buildSchema(schemaSource())
  const errorsOf = (document: string) =>
    validate(schema, parse(document), [...specifiedRules, ...validationRules]).map((error) => error.message)

  // A fragment that spreads itself is the standard rule's to refuse; the limits still finish.
  t.same(errorsOf('{ ...Loop } fragment Loop on Query { viewer { role } ...Loop }'), ['Cannot spread fragment "Loop" within itself.'])
  // Unknown fields, fragments and types are the standard rules' to refuse; the limits count on.
  t.same(errorsOf('{ ...Missing }'), ['Unknown fragment "Missing".'])
  t.same(errorsOf('{ nothing { deeper } }'), ['Cannot query field "nothing" on type "Query".'])
  t.same(errorsOf('{ ... on Nowhere { viewer { role } } }'), ['Unknown type "Nowhere".'])
  // Inline fragments, typed or not, count their fields where they stand.
  const nested = (levels: number) =>
    `{ plan(id: "x") { ... on Plan { areas { ... { objectives { ${'children { '.repeat(levels)}code${' }'.repeat(levels)} } } } } } }`
  t.same(errorsOf(nested(3)), [])
  t.same(errorsOf(nested(11)), [limitError('type repetitions', 4, 12).message])
  t.same(errorsOf(nested(12)), [limitError('depth', 15, 16).message, limitError('type repetitions', 4, 13).message])
  // A page size that is not a number literal counts as the default page.
  t.same(errorsOf('{ plans(first: null) { edges { node { id } } } }'), [])
  // Introspection answers from the schema: a deep chain of type references costs what it answers.
  t.same(errorsOf(`{ __schema { types { fields { type { ${'ofType { '.repeat(20)}name${' }'.repeat(20)} } } } } }`), [])
  t.same(errorsOf('{ __type(name: "Plan") { name } __typename }'), [])
  // Each operation of a document is measured on its own.
  t.same(errorsOf('query A { viewer { role } } query B { commandTypes }'), [])
  // Where the variables are not known, a variable page size without a default counts as the largest page.
  const costly = 'query ($n: Int) { plans(first: $n) { edges { node { indicators { plan { indicators { code } } } } } } }'
  t.same(errorsOf(costly), [limitError('complexity', queryLimits.complexity, 1 + 1 + 200 * 2602).message])
  // A fragment spread under a connection counts the connection's page.
  t.same(
    errorsOf(
      '{ plans(first: 200) { ...Page } } fragment Page on PlanConnection { edges { node { indicators { plan { indicators { code } } } } } }',
    ),
    [limitError('complexity', queryLimits.complexity, 1 + 1 + 200 * 2602).message],
  )
})

t.test('a page in a variable measures as the variables given say, never below what the resolver may answer', async (t) => {
  const schema = buildSchema(schemaSource())
  const complexity = (source: string, variables?: Record<string, unknown>) =>
    measureOperations(schema, parse(source), variables)[0]!.complexity
  // history, edges, and per entry: node, and changes counted as 10 paths.
  const history = (first: string, definitions = '$n: Int') =>
    `query ($id: ID!, ${definitions}) { history(entityId: $id, first: ${first}) { edges { node { changes { path } } } } }`
  const historyCost = (page: number) => 1 + 1 + page * (1 + 1 + 10 * 1)
  t.equal(complexity(history('$n'), { id: 'x', n: 3 }), historyCost(3))
  t.equal(complexity(history('$n'), { id: 'x', n: 0 }), historyCost(0))
  t.equal(complexity(history('$n'), { id: 'x', n: 200 }), historyCost(200))
  t.equal(complexity(history('$n'), { id: 'x' }), historyCost(50), 'not sent: as if left out')
  t.equal(complexity(history('$n'), { id: 'x', n: null }), historyCost(50), 'null: as if left out')
  t.equal(complexity(history('$n', '$n: Int = 7'), { id: 'x' }), historyCost(7), 'not sent: its default')
  t.equal(complexity(history('$n', '$n: Int = 7'), { id: 'x', n: 9 }), historyCost(9), 'sent: not its default')
  t.equal(complexity(history('$n', '$n: Int = null'), {}), historyCost(50))
  t.equal(complexity(history('$n', '$n: Int = -7'), {}), historyCost(200), 'a negative default counts as the largest page')
  t.equal(complexity(history('$n', '$n: Int = 500'), {}), historyCost(500), 'a default past the largest page counts as written')
  for (const n of [201, 2 ** 31, 1e300, Number.MAX_SAFE_INTEGER, -1, 2.5, Number.NaN, '3', true, [3], { n: 3 }]) {
    t.equal(complexity(history('$n'), { n }), historyCost(200), `${JSON.stringify(n)} counts as the largest page`)
  }
  t.equal(complexity(history('$m'), { id: 'x' }), historyCost(50), 'an undefined variable (refused by graphql) as if left out')
  t.equal(complexity('{ history(entityId: "x", first: -5) { edges { node { changes { path } } } } }'), historyCost(200))
  t.equal(complexity('{ history(entityId: "x", first: 500) { edges { node { changes { path } } } } }'), historyCost(500))
  // Without the variables, as a subscription is validated: the largest page, or a larger default.
  t.equal(complexity(history('$n')), historyCost(200))
  t.equal(complexity(history('$n', '$n: Int = 7')), historyCost(200))
  t.equal(complexity(history('$n', '$n: Int = 500')), historyCost(500))

  const errorsOf = (document: string, variables: Record<string, unknown>) =>
    validate(schema, parse(document), [...specifiedRules, ...validationRulesFor(variables)]).map((error) => error.message)
  const costly = 'query ($n: Int) { plans(first: $n) { edges { node { indicators { plan { indicators { code } } } } } } }'
  t.same(errorsOf(costly, { n: 3 }), [])
  t.same(errorsOf(costly, { n: 39 }), [limitError('complexity', queryLimits.complexity, 1 + 1 + 39 * 2602).message])
  t.same(errorsOf(costly, {}), [limitError('complexity', queryLimits.complexity, 1 + 1 + 50 * 2602).message])
  // Each operation of the document is measured with the request's variables.
  const two = `${costly.replace('query (', 'query A (')} query B ($n: Int) { plans(first: $n) { totalCount } }`
  t.same(errorsOf(two, { n: 3 }), [])
  t.same(errorsOf(two, { n: 39 }), [limitError('complexity', queryLimits.complexity, 1 + 1 + 39 * 2602).message])
})

t.test('the limits also measure documents built in code and operations the schema has no root for', async (t) => {
  // A document built in code, not parsed, may leave out an operation's variable definitions.
  const built: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: 'query' as never,
        selectionSet: { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'commandTypes' } }] },
      },
    ],
  }
  t.same(validate(buildSchema(schemaSource()), built, validationRules), [])
  // A list the schema gives no size counts ten items.
  const unsized = buildSchema('type Query { t: [T] } type T { t: [T] x: Int }')
  t.same(
    validate(unsized, parse('{ t { t { t { t { t { x } } } } } }'), validationRules).map((error) => error.message),
    [limitError('complexity', queryLimits.complexity, 111_111).message, limitError('type repetitions', 4, 5).message],
  )
  const queriesOnly = buildSchema('type Query { a: Int }')
  t.same(validate(queriesOnly, parse('subscription { a }'), validationRules), [], 'no subscription root: nothing to measure against')
})

/** Counts an answer as the complexity measure does: each field once, each item of a list of values once. */
function fieldsIn(value: unknown): number {
  if (Array.isArray(value))
    return value.reduce((total: number, item: unknown) => total + (typeof item === 'object' && item !== null ? fieldsIn(item) : 1), 0)
  if (typeof value !== 'object' || value === null) return 0
  return Object.values(value).reduce((total: number, field: unknown) => total + 1 + fieldsIn(field), 0)
}

t.test('the complexity of an introspection is the size of its answer', async (t) => {
  const schema = buildSchema(schemaSource())
  const introspections = [
    getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true }),
    // From a field's type back into that type's fields: the answer grows with each level, and so does the count.
    '{ __type(name: "Plan") { name fields { name type { kind ofType { name fields { name args { name } } } } } interfaces { name } possibleTypes { name } } }',
    '{ __type(name: "PlanKind") { enumValues { name } inputFields { name } ofType { name } } __schema { directives { name locations args { name type { name } } } queryType { name } mutationType { name } subscriptionType { name } } }',
    '{ __type(name: "LocalizedTextInput") { inputFields { name type { ofType { name } } } fields { name } } nothing: __type(name: "Nowhere") { name } }',
    '{ __schema { types { possibleTypes { name } ... on __Type { kind } ...More } } } fragment More on __Type { interfaces { name } }',
    '{ __schema { description } __typename }',
    '{ __type(name: "PlanKind") { fields { name } interfaces { name } possibleTypes { name } enumValues { name } inputFields { name } } }',
  ]
  for (const source of introspections) {
    const answer = graphqlSync({ schema, source })
    const [figures] = measureOperations(schema, parse(source))
    t.equal(figures!.complexity, fieldsIn(answer.data), source.slice(0, 60))
  }
  // A type named in a variable is not known before it runs: the largest type counts.
  const [byVariable] = measureOperations(schema, parse('query ($name: String!) { __type(name: $name) { fields { name } } }'))
  const largest = Math.max(
    ...Object.values(schema.getTypeMap()).map((type) => ('getFields' in type ? Object.keys(type.getFields()).length : 0)),
  )
  t.equal(byVariable!.complexity, 1 + 1 + largest)
  // Selections graphql's own rules refuse still measure, so every rule can report at once.
  t.equal(measureOperations(schema, parse('{ __schema }'))[0]!.complexity, 1)
  t.equal(
    measureOperations(schema, parse('{ __schema { queryType types { unknown } } }'))[0]!.complexity,
    1 + 1 + 1 + Object.keys(schema.getTypeMap()).length,
  )
  t.same(measureOperations(schema, parse('fragment F on Query { viewer { role } } query { ...F commandTypes }')), [
    { depth: 2, complexity: 2 + 31, aliases: 0, typeRepetitions: 1, introspection: 0, mutations: 0 },
  ])
})

t.test('a connection declared without a page size or with odd arguments counts the unsized default', async (t) => {
  const schema = buildSchema(
    'type Query { c(first: Int): C @listSize(assumedSize: "many", slicingArguments: ["first", 3], sizedFields: ["e"]) } type C implements I { e: [Int] } interface I { e: [Int] }',
    { assumeValidSDL: true },
  )
  t.same(measureOperations(schema, parse('{ c { e } }')), [
    { depth: 2, complexity: 1 + 1 + 10, aliases: 0, typeRepetitions: 1, introspection: 0, mutations: 0 },
  ])
  const abstract = '{ __type(name: "I") { possibleTypes { name } } __schema { types { unknown { name } } } }'
  t.equal(measureOperations(schema, parse(abstract))[0]!.complexity, 1 + 1 + 1 + 1 + 1 + Object.keys(schema.getTypeMap()).length)
  // Introspection fields asked of elements that do not have them answer nothing, and measure so.
  t.equal(
    measureOperations(
      schema,
      parse(
        '{ __schema { args { name } locations { name } type { name } ofType { name } mutationType { name } subscriptionType { name } } }',
      ),
    )[0]!.complexity,
    1 + 6,
  )
})

t.test('one command per operation: a second could be written behind a refusal of the answer', async (t) => {
  const service = await startService(t)
  const admin = service.token({ id: 'admin-1', role: 'admin', municipalities: [] })
  const head = await service.store.headPosition()
  const two = 'mutation { a: sealLog { sealed } ...More __typename } fragment More on Mutation { b: sealLog { sealed } }'
  const refused = await service.graphql(two, undefined, admin)
  t.match(refused.errors, [{ extensions: { trgCode: 'TRG_LIMIT_EXCEEDED', details: { limit: 'mutations', maximum: 1, actual: 2 } } }])
  t.equal(await service.store.headPosition(), head, 'nothing was written')
  const one = await service.graphql<{ sealLog: { sealed: number } }>('mutation { __typename sealLog { sealed } }', undefined, admin)
  t.equal(one.errors, undefined)
  t.ok(one.data!.sealLog.sealed > 0)
})
