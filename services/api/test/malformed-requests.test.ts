import t, { type Test } from 'tap'
import { documentBounds } from '../src/graphql/document-bounds.js'
import { principals, startService, type TestService } from './support/service.js'

/*
 * Requests that are not what a GraphQL request must be, sent over real HTTP to the service as it
 * runs: each is refused with a 4xx (or, for a GraphQL request error asked for as application/json,
 * the 200 the GraphQL-over-HTTP spec gives it) and a stable TRG_* code, and writes nothing.
 */

interface Answer {
  readonly status: number
  readonly headers: Headers
  readonly body: { data?: unknown; errors?: Array<{ message: string; locations?: unknown; extensions?: Record<string, unknown> }> }
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text === '' ? {} : JSON.parse(text) }
}

const graphqlResponse = 'application/graphql-response+json'

function client(service: TestService, token?: string) {
  // The messages asserted on are the English ones.
  const sent = { 'accept-language': 'en', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) }
  return {
    post: async (body: string, headers: Record<string, string> = {}) =>
      answerOf(
        await fetch(`${service.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...sent, ...headers },
          body,
        }),
      ),
    postJson: async (payload: object, accept?: string) =>
      answerOf(
        await fetch(`${service.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...sent, ...(accept && { accept }) },
          body: JSON.stringify(payload),
        }),
      ),
    get: async (query: string, method: 'GET' | 'HEAD' = 'GET', accept?: string) =>
      answerOf(await fetch(`${service.url}/graphql?${query}`, { method, headers: { ...sent, ...(accept && { accept }) } })),
  }
}

const encoded = (parameters: Record<string, string>) => new URLSearchParams(parameters).toString()

/** Runs `attempt` and checks that the log's head did not move. */
async function writesNothing<T>(t: Test, service: TestService, attempt: () => Promise<T>): Promise<T> {
  const before = await service.store.headPosition()
  const result = await attempt()
  t.equal(await service.store.headPosition(), before, 'nothing was written')
  return result
}

function refused(t: Test, answer: Answer, status: number, trgCode: string, code: string, details?: object): void {
  t.equal(answer.status, status, `${trgCode}: status ${status}`)
  t.notOk('data' in answer.body, 'no data entry')
  t.match(answer.body.errors, [{ extensions: { code, trgCode, ...(details && { details }) } }])
}

t.test('request parameters of the wrong type are 400 TRG_BAD_REQUEST, never coerced', async (t) => {
  const service = await startService(t, { seed: false })
  const { post, postJson } = client(service)
  for (const [payload, problem] of [
    [{ query: 1 }, 'query must be a string: the GraphQL document'],
    [{ query: true }, 'query must be a string: the GraphQL document'],
    [{ query: ['{ commandTypes }'] }, 'query must be a string: the GraphQL document'],
    [{ query: '{ commandTypes }', operationName: 7 }, 'operationName must be a string or null'],
    [{ query: '{ commandTypes }', variables: ['a'] }, 'variables must be a JSON object or null'],
    [{ query: '{ commandTypes }', variables: 5 }, 'variables must be a JSON object or null'],
    [{ query: '{ commandTypes }', extensions: 'x' }, 'extensions must be a JSON object or null'],
  ] as const) {
    const answer = await writesNothing(t, service, () => postJson(payload))
    refused(t, answer, 400, 'TRG_BAD_REQUEST', 'BAD_REQUEST', { problem })
    t.equal(answer.body.errors![0]!.message, `Bad request: ${problem}`)
  }
  refused(t, await post('[]'), 400, 'TRG_BAD_REQUEST', 'BAD_REQUEST', { problem: 'body must be object' })
  refused(t, await post('{ "query": '), 400, 'TRG_BAD_REQUEST', 'BAD_REQUEST')
  refused(t, await post('query', { 'content-type': 'application/xml' }), 415, 'TRG_BAD_REQUEST', 'BAD_REQUEST')
  refused(t, await postJson({}), 400, 'TRG_BAD_REQUEST', 'BAD_REQUEST', { problem: 'Unknown query' })
  t.same(
    (await postJson({ query: '{ commandTypes }', operationName: null, variables: null, extensions: null })).status,
    200,
    'null is as good as absent',
  )
})

t.test('a GET: parameters once each, variables as a JSON object, an operation it can run', async (t) => {
  const service = await startService(t, { seed: false })
  const { get } = client(service)
  const query = '{ commandTypes }'
  refused(t, await get(`${encoded({ query })}&query=${encodeURIComponent(query)}`), 400, 'TRG_BAD_REQUEST', 'BAD_REQUEST', {
    problem: 'the query string gives query more than once',
  })
  for (const variables of ['[]', '5', '"text"', '{not json']) {
    refused(t, await get(encoded({ query, variables })), 400, 'TRG_BAD_REQUEST', 'BAD_REQUEST', {
      problem: /^variables must be a JSON object/,
    })
  }
  refused(t, await get(encoded({ query, extensions: '[1]' })), 400, 'TRG_BAD_REQUEST', 'BAD_REQUEST', {
    problem: 'extensions must be a JSON object or null',
  })
  t.equal((await get(encoded({ query, variables: 'null' }))).status, 200)

  const unknown = await get(encoded({ query: 'query A { commandTypes }', operationName: 'B' }))
  refused(t, unknown, 200, 'TRG_BAD_REQUEST', 'BAD_REQUEST', { problem: 'Unknown operation named "B".' })
  refused(
    t,
    await get(encoded({ query: 'query A { commandTypes }', operationName: 'B' }), 'GET', graphqlResponse),
    400,
    'TRG_BAD_REQUEST',
    'BAD_REQUEST',
  )
  refused(t, await get(encoded({ query: 'query A { commandTypes } query B { commandTypes }' })), 200, 'TRG_BAD_REQUEST', 'BAD_REQUEST', {
    problem: 'Must provide operation name if query contains multiple operations.',
  })
  refused(t, await get(encoded({ query: 'fragment F on Query { commandTypes }' })), 200, 'TRG_BAD_REQUEST', 'BAD_REQUEST', {
    problem: 'Must provide an operation.',
  })
  refused(t, await get(encoded({ query: '{ commandTypes ' })), 200, 'TRG_QUERY_SYNTAX', 'BAD_USER_INPUT', { line: 1, column: 16 })
  const named = await get(encoded({ query: 'query A { commandTypes } query B { __typename }', operationName: 'B' }))
  t.same(named.body, { data: { __typename: 'Query' } }, 'a named operation of several runs')
})

t.test('a POST picks its operation alike', async (t) => {
  const service = await startService(t, { seed: false })
  const { postJson } = client(service)
  refused(t, await postJson({ query: 'query A { commandTypes }', operationName: 'B' }), 200, 'TRG_BAD_REQUEST', 'BAD_REQUEST', {
    problem: 'Unknown operation named "B".',
  })
  refused(
    t,
    await postJson({ query: 'query A { commandTypes }', operationName: 'B', variables: {} }, graphqlResponse),
    400,
    'TRG_BAD_REQUEST',
    'BAD_REQUEST',
  )
  refused(t, await postJson({ query: 'query A { commandTypes } query B { commandTypes }' }), 200, 'TRG_BAD_REQUEST', 'BAD_REQUEST')
})

t.test('a mutation or subscription over GET or HEAD is 405; a subscription over POST is refused; other methods are 405', async (t) => {
  const service = await startService(t, { seed: false })
  const { get, postJson } = client(service, service.token(principals.admin))
  const register = `mutation { registerMunicipality(input: { commandId: "0b7d9a52-6f0e-4c57-9a43-2f7d1c9e8a10", code: "TIR",
    name: { sq: "Bashkia Tiranë" }, country: AL, currency: ALL }) { position } }`
  for (const method of ['GET', 'HEAD'] as const) {
    const answer = await writesNothing(t, service, () => get(encoded({ query: register }), method))
    t.equal(answer.status, 405, `${method}: 405`)
    t.equal(answer.headers.get('allow'), 'POST')
  }
  t.match((await get(encoded({ query: register }))).body.errors, [
    {
      message: 'Bad request: a mutation cannot be sent with GET: send it with POST',
      extensions: { code: 'BAD_REQUEST', trgCode: 'TRG_BAD_REQUEST' },
    },
  ])
  const subscription = 'subscription { budgetChanged { __typename } }'
  t.equal((await get(encoded({ query: subscription }))).status, 405)
  t.equal((await get(encoded({ query: '{ commandTypes }' }), 'HEAD')).status, 200, 'a HEAD of a query is answered like its GET')
  t.equal((await get(encoded({ query: '{ commandTypes }', variables: '1' }), 'HEAD')).status, 400, 'and its parameters are checked alike')

  refused(t, await postJson({ query: subscription }), 200, 'TRG_BAD_REQUEST', 'BAD_REQUEST', {
    problem: 'a subscription is served over a websocket at this path (graphql-transport-ws), not over HTTP',
  })
  refused(
    t,
    await postJson(
      { query: `query Q { commandTypes } ${subscription.replace('subscription', 'subscription S')}`, operationName: 'S' },
      graphqlResponse,
    ),
    400,
    'TRG_BAD_REQUEST',
    'BAD_REQUEST',
  )
  t.equal(
    (await postJson({ query: `query Q { commandTypes } ${subscription.replace('subscription', 'subscription S')}`, operationName: 'Q' }))
      .status,
    200,
  )

  for (const method of ['PUT', 'PATCH', 'DELETE']) {
    const answer = await answerOf(
      await fetch(`${service.url}/graphql`, { method, headers: { 'content-type': 'application/json' }, body: '{}' }),
    )
    refused(t, answer, 405, 'TRG_BAD_REQUEST', 'BAD_REQUEST', { problem: 'GraphQL is served over GET (queries only) and POST' })
    t.equal(answer.headers.get('allow'), 'GET, POST')
  }
})

t.test('a query that is JSON, sent as JSON or as application/graphql, is a syntax error, never run as an AST', async (t) => {
  const service = await startService(t, { seed: false })
  const { post, postJson } = client(service, service.token(principals.admin))
  const ast = JSON.stringify({ kind: 'Document', definitions: [] })
  for (const query of ['1', 'true', 'null', '[]', '"text"', ast]) {
    const answer = await writesNothing(t, service, () => postJson({ query }))
    refused(t, answer, 200, 'TRG_QUERY_SYNTAX', 'BAD_USER_INPUT', { line: 1 })
  }
  const body = JSON.stringify({ query: '{ commandTypes }' })
  refused(t, await post(body, { 'content-type': 'application/graphql' }), 200, 'TRG_QUERY_SYNTAX', 'BAD_USER_INPUT', {
    problem: 'Expected Name, found String "query".',
    line: 1,
    column: 2,
  })
  refused(
    t,
    await post(body, { 'content-type': 'application/graphql; charset=utf-8', accept: graphqlResponse }),
    400,
    'TRG_QUERY_SYNTAX',
    'BAD_USER_INPUT',
  )
  t.match(
    (await post('{ commandTypes }', { 'content-type': 'application/graphql' })).body,
    { data: { commandTypes: Array } },
    'a document as the body still runs',
  )
  refused(t, await post('', { 'content-type': 'application/graphql' }), 400, 'TRG_BAD_REQUEST', 'BAD_REQUEST', { problem: 'Unknown query' })
})

t.test('a document nested deeper than any honest one is refused before graphql-js parses it', async (t) => {
  const service = await startService(t, { seed: false })
  const { postJson } = client(service)
  const nested = (depth: number) => `{ plans(municipality: ${'['.repeat(depth)}"ELB"${']'.repeat(depth)}) { totalCount } }`
  refused(t, await postJson({ query: nested(4000) }), 200, 'TRG_LIMIT_EXCEEDED', 'BAD_USER_INPUT', {
    limit: 'nesting of the document',
    maximum: documentBounds.nesting,
    actual: documentBounds.nesting + 1,
  })
  const inside = await postJson({ query: nested(documentBounds.nesting - 2) })
  t.notMatch(inside.body.errors, [{ extensions: { trgCode: 'TRG_LIMIT_EXCEEDED' } }], 'just inside: the nesting is not what is refused')
  const commented = await postJson({ query: `{ commandTypes } # ${'['.repeat(5000)}` })
  t.match(commented.body, { data: { commandTypes: Array } }, 'brackets in a comment are not nesting')
  const quoted = await postJson({ query: `{ plans(municipality: "${'['.repeat(4000)}") { totalCount } }` })
  t.same(quoted.body, { data: { plans: { totalCount: 0 } } }, 'nor are brackets in a string')
})

t.test('a document of more characters than any honest one is refused unread, one nested too deeply as soon as it is', async (t) => {
  const service = await startService(t, { seed: false })
  const { postJson } = client(service)
  const bound = documentBounds.characters
  // A comment pads the document to the size wanted: it is read, but holds no tokens.
  const padded = (length: number) => `{ commandTypes } #${'x'.repeat(length - '{ commandTypes } #'.length)}`
  refused(t, await postJson({ query: padded(bound + 1) }), 200, 'TRG_LIMIT_EXCEEDED', 'BAD_USER_INPUT', {
    limit: 'characters in the document',
    maximum: bound,
    actual: bound + 1,
  })
  t.match((await postJson({ query: padded(bound) })).body, { data: { commandTypes: Array } }, 'at the bound, it runs')
  // Nested past the bound, in more tokens than the parser takes (which would recurse as deep as
  // it reads): refused for its nesting, read no further than one level past the bound.
  const deepAndLong = `{ plans(municipality: ${'['.repeat(20_000)}"ELB"${']'.repeat(20_000)}) { totalCount } }`
  refused(t, await postJson({ query: deepAndLong }), 200, 'TRG_LIMIT_EXCEEDED', 'BAD_USER_INPUT', {
    limit: 'nesting of the document',
    maximum: documentBounds.nesting,
    actual: documentBounds.nesting + 1,
  })
  // Many openings, none deep, in more tokens than the parser takes: its token bound refuses it.
  const wideAndLong = `{ plans(municipality: [${'["ELB"] '.repeat(4_000)}]) { totalCount } }`
  refused(t, await postJson({ query: wideAndLong }), 200, 'TRG_LIMIT_EXCEEDED', 'BAD_USER_INPUT', {
    limit: 'tokens in the document',
    maximum: documentBounds.tokens,
    actual: documentBounds.tokens + 1,
  })
})

t.test('more fields under one name in a selection set than the bound are refused before validation', async (t) => {
  const service = await startService(t, { seed: false })
  const { postJson } = client(service)
  const bound = documentBounds.namesakes
  const namesakes = (count: number, field = 'viewer { role }') => `{ ${`${field} `.repeat(count)}}`
  const refusal = (actual: number) => ({ limit: 'fields under one name', maximum: bound, actual })
  refused(t, await postJson({ query: namesakes(bound + 1) }), 200, 'TRG_LIMIT_EXCEEDED', 'BAD_USER_INPUT', refusal(bound + 1))
  t.same((await postJson({ query: namesakes(bound) })).body, { data: { viewer: { role: 'anonymous' } } }, 'at the bound, it runs')
  refused(
    t,
    await postJson({ query: `{ viewer { ${'r: role '.repeat(bound + 2)}} }` }),
    200,
    'TRG_LIMIT_EXCEEDED',
    'BAD_USER_INPUT',
    refusal(bound + 2),
  )

  // Fragments add their fields where they are spread, inline or named; a named one once per set.
  const fragments = Array.from({ length: bound + 1 }, (_, index) => `fragment F${index} on Query { viewer { role } }`).join('\n')
  const spreads = Array.from({ length: bound + 1 }, (_, index) => `...F${index}`).join(' ')
  refused(t, await postJson({ query: `{ ${spreads} }\n${fragments}` }), 200, 'TRG_LIMIT_EXCEEDED', 'BAD_USER_INPUT', refusal(bound + 1))
  refused(
    t,
    await postJson({ query: `{ ${'... on Query { viewer { role } } '.repeat(bound + 1)}}` }),
    200,
    'TRG_LIMIT_EXCEEDED',
    'BAD_USER_INPUT',
    refusal(bound + 1),
  )
  t.same(
    (
      await postJson({
        query: `{ viewer { role } ${'...F0 ... on Query { ...F0 } '.repeat(bound + 1)}}\nfragment F0 on Query { viewer { role } }`,
      })
    ).body.data,
    { viewer: { role: 'anonymous' } },
    'one fragment spread again and again counts once',
  )
  // A fragment that spreads itself, or one not defined, is validation's to refuse.
  refused(
    t,
    await postJson({ query: '{ ...Again }\nfragment Again on Query { viewer { role } ...Again }' }),
    200,
    'TRG_QUERY_INVALID',
    'BAD_USER_INPUT',
  )
  refused(t, await postJson({ query: '{ ...Missing }' }), 200, 'TRG_QUERY_INVALID', 'BAD_USER_INPUT')
  // So is a definition of types in a request.
  refused(t, await postJson({ query: '{ commandTypes }\ntype Extra { a: Int }' }), 200, 'TRG_QUERY_INVALID', 'BAD_USER_INPUT')
})

t.test('graphql-js refusals carry stable codes: syntax with its place, validation, variables by name', async (t) => {
  const service = await startService(t, { seed: false })
  const { postJson } = client(service)
  // 15 tokens around the list, and one per item: commas are not tokens.
  const listed = (items: number) => `{ events(types: [${'"plan", '.repeat(items)}]) { edges { cursor } } }`
  refused(t, await postJson({ query: listed(9_986) }), 200, 'TRG_LIMIT_EXCEEDED', 'BAD_USER_INPUT', {
    limit: 'tokens in the document',
    maximum: 10_000,
    actual: 10_001,
  })
  t.match(
    (await postJson({ query: listed(9_985) })).body,
    { data: { events: { edges: [] } } },
    'just inside: parsed and run (an empty log)',
  )
  const syntax = await postJson({ query: '{\n  commandTypes(' })
  refused(t, syntax, 200, 'TRG_QUERY_SYNTAX', 'BAD_USER_INPUT', { problem: 'Expected Name, found <EOF>.', line: 2, column: 16 })
  t.equal(syntax.body.errors![0]!.message, 'The query does not parse at line 2, column 16: Expected Name, found <EOF>.')
  t.same(syntax.body.errors![0]!.locations, [{ line: 2, column: 16 }])

  const invalid = await postJson({ query: '{ nothing }' }, graphqlResponse)
  refused(t, invalid, 400, 'TRG_QUERY_INVALID', 'BAD_USER_INPUT', { problem: 'Cannot query field "nothing" on type "Query".' })
  const unused = await postJson({ query: 'query ($x: Int) { commandTypes }' })
  refused(t, unused, 200, 'TRG_QUERY_INVALID', 'BAD_USER_INPUT', { problem: /Variable "\$x" is never used/ })

  const deep = `{ plans { edges { node { ${'indicators { plan { '.repeat(8)}id${' } }'.repeat(8)} } } } }`
  refused(t, await postJson({ query: deep }), 200, 'TRG_LIMIT_EXCEEDED', 'BAD_USER_INPUT')

  const wrongType = await postJson({ query: 'query ($n: Int) { plans(first: $n) { totalCount } }', variables: { n: 'x' } })
  refused(t, wrongType, 200, 'TRG_VARIABLE_INVALID', 'BAD_USER_INPUT', {
    variable: 'n',
    problem: /^got invalid value "x"; Int cannot represent/,
  })
  t.match(wrongType.body.errors![0]!.message, /^Variable \$n is invalid: got invalid value "x"/)
  const missing = await postJson({ query: 'query ($n: Int!) { plans(first: $n) { totalCount } }' })
  refused(t, missing, 200, 'TRG_VARIABLE_INVALID', 'BAD_USER_INPUT', {
    variable: 'n',
    problem: 'of required type "Int!" was not provided.',
  })
  const nulled = await postJson({ query: 'query ($n: Int!) { plans(first: $n) { totalCount } }', variables: { n: null } })
  refused(t, nulled, 200, 'TRG_VARIABLE_INVALID', 'BAD_USER_INPUT', { variable: 'n', problem: 'of non-null type "Int!" must not be null.' })

  // graphql-js stops after 50 failures of one request's variables and says so.
  const tooMany = await postJson({
    query: 'mutation ($input: DraftPlanInput!) { draftPlan(input: $input) { commandId } }',
    variables: { input: { nationalStrategies: Array.from({ length: 60 }, () => 1) } },
  })
  t.equal(tooMany.status, 200)
  t.match(tooMany.body.errors!.at(-1), {
    extensions: { trgCode: 'TRG_VARIABLE_INVALID', details: { variable: '*', problem: /^Too many errors processing variables/ } },
  })
  t.ok(
    tooMany.body.errors!.every((error) => typeof error.extensions?.trgCode === 'string'),
    'every error has its code',
  )

  const scalar = await postJson({
    query: 'query ($p: Period!) { nationalAggregate(nationalCode: "X", country: AL, period: $p) { value } }',
    variables: { p: '2024-H3' },
  })
  refused(t, scalar, 200, 'TRG_INVALID_VALUE', 'BAD_USER_INPUT', { type: 'Period', value: '2024-H3' })
})

t.test('positions beyond 2^63 - 1 are refused at the scalar and at the feed cursor, never reach the store', async (t) => {
  const service = await startService(t, { seed: true })
  const { postJson } = client(service, service.token(principals.admin))
  const feed = (after: string) =>
    postJson({ query: `{ events(after: "${after}", first: 1) { edges { cursor } pageInfo { hasPreviousPage hasNextPage } } }` })
  for (const after of ['9223372036854775808', '9999999999999999999999', `1${'0'.repeat(100)}`]) {
    const answer = await feed(after)
    t.equal(answer.status, 200)
    t.match(answer.body, {
      data: null,
      errors: [
        {
          extensions: {
            code: 'BAD_USER_INPUT',
            trgCode: 'TRG_INVALID_VALUE',
            details: { type: 'cursor', problem: 'must be at most 9223372036854775807 (2^63 - 1)' },
          },
        },
      ],
    })
  }
  t.same(
    (await feed('9223372036854775807')).body,
    { data: { events: { edges: [], pageInfo: { hasPreviousPage: true, hasNextPage: false } } } },
    'the largest position is a cursor',
  )
  const head = (await service.store.headPosition())!
  t.same(
    (await feed(String(head - 1n).padStart(31, '0'))).body.data,
    { events: { edges: [{ cursor: String(head) }], pageInfo: { hasPreviousPage: true, hasNextPage: false } } },
    'leading zeros are no digits',
  )

  const consistent = await postJson({
    query: 'query ($at: Position) { plans(consistentWith: $at) { totalCount } }',
    variables: { at: '9223372036854775808' },
  })
  refused(t, consistent, 200, 'TRG_INVALID_VALUE', 'BAD_USER_INPUT', {
    type: 'Position',
    problem: 'must be at most 9223372036854775807 (2^63 - 1)',
  })
  const asOf = await postJson({ query: '{ plans(asOf: { position: "18446744073709551616" }) { totalCount } }' })
  refused(t, asOf, 200, 'TRG_INVALID_VALUE', 'BAD_USER_INPUT', { type: 'Position' })
  t.same((await postJson({ query: '{ plans(asOf: { position: "9223372036854775807" }) { totalCount } }' })).body, {
    data: { plans: { totalCount: 3 } },
  })
})
