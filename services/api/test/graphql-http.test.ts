import type { FastifyInstance, FastifyRequest } from 'fastify'
import { GraphQLError } from 'graphql'
import { serverAudits } from 'graphql-http'
import t from 'tap'
import { formatExecution } from '../src/graphql/plugin.js'
import { startService } from './support/service.js'

/**
 * The graphql-http package's audits of the GraphQL-over-HTTP spec, against the real server. A
 * MUST that fails is an error; a SHOULD a warning; a MAY a notice. None of the first two may
 * fail; the notices that remain are listed in the output.
 */
t.test('the server passes the GraphQL-over-HTTP audits', async (t) => {
  const service = await startService(t, { seed: false })
  const audits = serverAudits({ url: `${service.url}/graphql` })
  t.ok(audits.length > 50)
  for (const audit of audits) {
    const result = await audit.fn()
    if (result.status === 'notice') t.comment(`${audit.id} ${audit.name}: ${result.reason}`)
    else t.equal(result.status, 'ok', `${audit.id} ${audit.name}`, result.status === 'ok' ? {} : { reason: result.reason })
  }
})

t.test('a request that is not a GraphQL request gets its 4xx status and BAD_REQUEST', async (t) => {
  const service = await startService(t, { seed: false })
  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${service.url}/graphql`, { method: 'POST', headers: { 'accept-language': 'en', ...headers }, body })

  const badJson = await post('{ "query": ', { 'content-type': 'application/json' })
  t.equal(badJson.status, 400)
  t.match(await badJson.json(), { errors: [{ extensions: { code: 'BAD_REQUEST' } }] })

  const unsupported = await post('query', { 'content-type': 'application/xml' })
  t.equal(unsupported.status, 415)

  const mutationOverGet = await fetch(`${service.url}/graphql?query=${encodeURIComponent('mutation { __typename }')}`, {
    headers: { 'accept-language': 'en' },
  })
  t.equal(mutationOverGet.status, 405)
  t.equal(mutationOverGet.headers.get('allow'), 'POST')
  t.match(await mutationOverGet.json(), {
    errors: [
      {
        message: 'Bad request: a mutation cannot be sent with GET: send it with POST',
        extensions: { code: 'BAD_REQUEST', trgCode: 'TRG_BAD_REQUEST' },
      },
    ],
  })

  const badVariables = await fetch(`${service.url}/graphql?query=${encodeURIComponent('{ commandTypes }')}&variables=%7Bnot-json`)
  t.equal(badVariables.status, 400)

  const noQuery = await post('{}', { 'content-type': 'application/json' })
  t.equal(noQuery.status, 400)
  t.match(await noQuery.json(), {
    errors: [{ message: 'Bad request: Unknown query', extensions: { code: 'BAD_REQUEST', trgCode: 'TRG_BAD_REQUEST' } }],
  })
})

t.test('the response media type follows Accept; a field error still answers 200 with data', async (t) => {
  const service = await startService(t, { seed: false })
  const ask = (accept: string | undefined, query: string) =>
    fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(accept && { accept }) },
      body: JSON.stringify({ query }),
    })
  const typeOf = async (accept: string | undefined) => (await ask(accept, '{ commandTypes }')).headers.get('content-type')
  t.match(await typeOf(undefined), /^application\/json/)
  t.match(await typeOf('*/*'), /^application\/json/)
  t.match(await typeOf('application/graphql-response+json'), /^application\/graphql-response\+json/)
  t.match(await typeOf('application/json, application/graphql-response+json;q=0.5'), /^application\/json/)
  t.match(await typeOf('application/graphql-response+json;q=0'), /^application\/json/)

  const invalid = await ask('application/json', '{ nothing }')
  t.equal(invalid.status, 200, 'application/json: a GraphQL request error is still a 200')
  t.notOk('data' in ((await invalid.json()) as object))
})

t.test('errors with no HTTP reply (a subscription event) are logged by the app; an unexpected refusal is a 500', async (t) => {
  const logged: unknown[] = []
  const app = { log: { error: (entry: unknown) => logged.push(entry) } } as unknown as FastifyInstance
  // A subscription's events are formatted in the language of its websocket's request.
  const request = { headers: { 'accept-language': 'en' } } as FastifyRequest
  const internal = new GraphQLError('boom', { path: ['x'], originalError: new Error('disk on fire') })

  const answered = formatExecution({ data: { x: null }, errors: [internal] }, { app, request })
  t.same(answered, {
    statusCode: 200,
    response: {
      data: { x: null },
      errors: [{ message: 'Internal server error', path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    },
  })
  t.equal(logged.length, 1, 'the cause went to the log, not to the client')

  const refused = formatExecution({ errors: [new GraphQLError('boom', { originalError: new Error('disk on fire') })] }, { app, request })
  t.same(refused, {
    statusCode: 500,
    response: { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
  })
  t.notOk('data' in refused.response)
})
