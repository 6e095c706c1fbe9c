import { elbasanGenderEquality } from '@treguesi/fixtures'
import { buildSchema, getIntrospectionQuery, Kind, parse, specifiedRules, validate, type DocumentNode } from 'graphql'
import t from 'tap'
import { queryLimits, validationRules } from '../src/graphql/limits.js'
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
  const list = await service.graphql<{ plans: { edges: unknown[] } }>('{ plans { edges { node { title { sq } indicators { code attainment { value } } } } } }')
  t.equal(list.errors, undefined)
  t.equal(list.data!.plans.edges.length, 3)
  const introspection = await service.graphql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true }))
  t.equal(introspection.errors, undefined)
})

t.test('too deep, too costly, too many aliases: refused before anything runs', async (t) => {
  const service = await startService(t, { seed: false })

  const deep = `{ plan(id: "x") { areas { objectives { ${'children { '.repeat(12)}code${' }'.repeat(12)} } } } }`
  const tooDeep = await service.graphql(deep)
  t.same(tooDeep, { status: 200, errors: [{ ...limitError('depth', queryLimits.depth, 16), locations: [{ line: 1, column: 1 }] }] })

  // A page of 200 plans, each with 24 fields: 1 + 200 × (edges + node + 24) is too much.
  const fields = `id status kind municipalityCode title { sq en } period { from to } counts { areas measures }
    councilDecision { number date } thresholds { achieved onTrack partly } nationalStrategies { sq } closed { date }`
  const costly = await service.graphql(`{ plans(first: 200) { edges { node { ${fields} } } } }`)
  t.same(costly.errors, [{ ...limitError('complexity', queryLimits.complexity, 1 + 200 * 26), locations: [{ line: 1, column: 1 }] }])
  // A page size given as a variable counts as the largest page, whatever its default.
  const byVariable = await service.graphql(`query ($n: Int = 10) { plans(first: $n) { edges { node { ${fields} } } } }`, { n: 10 })
  t.match(byVariable.errors, [{ extensions: { details: { limit: 'complexity', actual: 1 + 200 * 26 } } }])
  const larger = await service.graphql(`query ($n: Int = 500) { plans(first: $n) { edges { node { ${fields} } } } }`)
  t.match(larger.errors, [{ extensions: { details: { limit: 'complexity', actual: 1 + 500 * 26 } } }], 'a default above the largest page counts as given')
  // Without `first` a connection counts its default page of 50.
  t.equal((await service.graphql(`{ plans { edges { node { ${fields} } } } }`)).errors, undefined)

  const aliases = Array.from({ length: 16 }, (_, index) => `v${index}: viewer { role }`).join(' ')
  const aliased = await service.graphql(`{ ...Twice ...Twice } fragment Twice on Query { ${aliases} }`)
  t.match(aliased.errors, [{ extensions: { trgCode: 'TRG_LIMIT_EXCEEDED', details: { limit: 'aliases', maximum: 30, actual: 32 } } }], 'a fragment counts each time it is spread')
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
  const huge = `{ ${Array.from({ length: 10_001 }, () => 'commandTypes').join(' ')} }`
  const refused = await service.graphql(huge)
  t.match(refused.errors, [{ message: /Document contains more that 10000 tokens/ }])
})

/** The rules alone, on the real schema: the corners a client is unlikely to reach over HTTP. */
t.test('the measures follow fragments once, through inline fragments, past unknown names', async (t) => {
  const schema = buildSchema(schemaSource())
  const errorsOf = (document: string) => validate(schema, parse(document), [...specifiedRules, ...validationRules]).map((error) => error.message)

  // A fragment that spreads itself is the standard rule's to refuse; the limits still finish.
  t.same(errorsOf('{ ...Loop } fragment Loop on Query { viewer { role } ...Loop }'), ['Cannot spread fragment "Loop" within itself.'])
  // Unknown fields, fragments and types are the standard rules' to refuse; the limits count on.
  t.same(errorsOf('{ ...Missing }'), ['Unknown fragment "Missing".'])
  t.same(errorsOf('{ nothing { deeper } }'), ['Cannot query field "nothing" on type "Query".'])
  t.same(errorsOf('{ ... on Nowhere { viewer { role } } }'), ['Unknown type "Nowhere".'])
  // Inline fragments, typed or not, count their fields where they stand.
  const nested = (levels: number) => `{ plan(id: "x") { ... on Plan { areas { ... { objectives { ${'children { '.repeat(levels)}code${' }'.repeat(levels)} } } } } } }`
  t.same(errorsOf(nested(11)), [])
  t.same(errorsOf(nested(12)), [limitError('depth', 15, 16).message])
  // A page size that is not a number literal counts as the default page.
  t.same(errorsOf('{ plans(first: null) { edges { node { id } } } }'), [])
  // Introspection answers from the schema and is free however deep it goes.
  t.same(errorsOf(`{ __schema { types { fields { type { ${'ofType { '.repeat(20)}name${' }'.repeat(20)} } } } } }`), [])
  t.same(errorsOf('{ __type(name: "Plan") { name } __typename }'), [])
  // Each operation of a document is measured on its own.
  t.same(errorsOf('query A { viewer { role } } query B { commandTypes }'), [])
  // A variable page size without a default counts as the largest page.
  const costly = `query ($n: Int) { plans(first: $n) { edges { node { title { sq en } period { from to } counts { areas objectives measures indicators } id status kind municipalityCode closed { date } thresholds { achieved onTrack partly } nationalStrategies { sq en } } } } }`
  t.same(errorsOf(costly), [limitError('complexity', 5000, 1 + 200 * 26).message])
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
  const queriesOnly = buildSchema('type Query { a: Int }')
  t.same(validate(queriesOnly, parse('subscription { a }'), validationRules), [], 'no subscription root: nothing to measure against')
})
