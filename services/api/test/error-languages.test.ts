import { connect } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { GraphQLError } from 'graphql'
import { createClient, type Client } from 'graphql-ws'
import t, { type Test } from 'tap'
import WebSocket from 'ws'
import { formatError } from '../src/graphql/errors.js'
import { formatExecution } from '../src/graphql/plugin.js'
import { acceptedLanguage, withVary } from '../src/language.js'
import { closeReason } from '../src/protection/websocket-admission.js'
import { TreguesiError } from '@treguesi/errors'
import { principals, startService, type TestService } from './support/service.js'
import { nextListener } from './support/subscriber.js'

/*
 * Every error a client reads is in the language its Accept-Language asks for, Albanian unless it
 * asks for English; codes and details are the same in both, and an HTTP answer names its language.
 */

interface Answer {
  readonly status: number
  readonly headers: Headers
  readonly errors: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>
}

async function answerOf(response: Response): Promise<Answer> {
  const body = (await response.json()) as { errors: Answer['errors'] }
  return { status: response.status, headers: response.headers, errors: body.errors }
}

/** POSTs `query` with these request headers (none for Accept-Language unless given). */
async function post(service: TestService, query: string, headers: Record<string, string> = {}, variables?: object): Promise<Answer> {
  const response = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  })
  return answerOf(response)
}

const english = { 'accept-language': 'en' }

/** An answer in `language`, saying so, and telling caches it depends on Accept-Language. */
function answeredIn(t: Test, answer: Answer, language: 'sq' | 'en'): void {
  t.equal(answer.headers.get('content-language'), language, `Content-Language: ${language}`)
  t.match(answer.headers.get('vary'), /(^|, )accept-language(,|$)/, 'Vary: accept-language')
}

const queryInvalid = {
  sq: 'Pyetja nuk përputhet me skemën: Cannot query field "nothing" on type "Query".',
  en: 'The query does not fit the schema: Cannot query field "nothing" on type "Query".',
}

t.test('Accept-Language picks the language: Albanian unless English weighs more', async (t) => {
  const service = await startService(t, { seed: false })
  const cases: Array<[header: string | undefined, language: 'sq' | 'en']> = [
    [undefined, 'sq'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['en;q=0.5, sq', 'sq'],
    ['de', 'sq'],
    ['de, en;q=0.8', 'en'],
    ['EN-us', 'en'],
    ['sq-AL, en', 'sq'],
    ['en, sq', 'sq'],
    ['en;q=0, de', 'sq'],
    ['en;q=x', 'sq'],
    ['en;q=1.5', 'sq'],
    ['*', 'sq'],
    ['', 'sq'],
  ]
  const extensions = new Set<string>()
  for (const [header, language] of cases) {
    const answer = await post(service, '{ nothing }', header === undefined ? {} : { 'accept-language': header })
    t.equal(answer.status, 200, `${header}: a GraphQL validation error`)
    t.equal(answer.errors[0]?.message, queryInvalid[language], `${header ?? 'no Accept-Language'}: ${language}`)
    answeredIn(t, answer, language)
    extensions.add(JSON.stringify(answer.errors[0]?.extensions))
  }
  t.same(
    [...extensions].map((text) => JSON.parse(text)),
    [{ code: 'BAD_USER_INPUT', trgCode: 'TRG_QUERY_INVALID', details: { problem: 'Cannot query field "nothing" on type "Query".' } }],
  )
  t.equal(acceptedLanguage(undefined), 'sq')
})

t.test('a domain refusal of a mutation, in either language, with the same codes', async (t) => {
  const service = await startService(t, { seed: false })
  const admin = service.token(principals.admin)
  const planId = '3b241101-e2bb-4255-8caf-4136c566a962'
  const submit = (headers: Record<string, string>) =>
    post(
      service,
      'mutation ($input: SubmitPlanInput!) { submitPlan(input: $input) { commandId } }',
      { authorization: `Bearer ${admin}`, ...headers },
      { input: { commandId: 'c3e0f4a4-1b9e-4a53-9d57-0f6d2a1c0b11', planId } },
    )
  const [sq, en] = [await submit({}), await submit(english)]
  t.equal(sq.errors[0]?.message, `plan ${planId} nuk ekziston`)
  t.equal(en.errors[0]?.message, `plan ${planId} does not exist`)
  t.same(sq.errors[0]?.extensions, en.errors[0]?.extensions, 'the same codes and details')
  t.match(sq.errors[0]?.extensions, { code: 'NOT_FOUND', trgCode: 'TRG_NOT_FOUND', details: { entity: 'plan', id: planId } })
  answeredIn(t, sq, 'sq')
  answeredIn(t, en, 'en')
})

t.test('a value graphql-js refuses keeps its words; the refusal inside is translated', async (t) => {
  const service = await startService(t, { seed: false })
  const query = 'query ($at: Position) { plans(consistentWith: $at) { edges { cursor } } }'
  const [sq, en] = [await post(service, query, {}, { at: 'abc' }), await post(service, query, english, { at: 'abc' })]
  t.match(sq.errors[0]?.message, /^Variable "\$at" got invalid value "abc"; "abc" nuk është vlerë e vlefshme për Position: /)
  t.match(en.errors[0]?.message, /^Variable "\$at" got invalid value "abc"; "abc" is not a valid Position: /)
  t.same(sq.errors[0]?.extensions, en.errors[0]?.extensions)
  t.match(sq.errors[0]?.extensions, { trgCode: 'TRG_INVALID_VALUE' })
})

t.test('a refusal before any GraphQL runs: a token that does not check out, a route that does not exist', async (t) => {
  const service = await startService(t, { seed: false })
  const unauthenticated = (headers: Record<string, string>) =>
    post(service, '{ viewer { id } }', { authorization: 'Bearer not-a-token', ...headers })
  const [sq, en] = [await unauthenticated({}), await unauthenticated(english)]
  for (const answer of [sq, en]) {
    t.equal(answer.status, 401)
    t.equal(answer.headers.get('www-authenticate'), 'Bearer')
  }
  t.match(sq.errors[0]?.message, /^Nuk jeni identifikuar: /)
  t.match(en.errors[0]?.message, /^Not authenticated: /)
  t.same(sq.errors[0]?.extensions, en.errors[0]?.extensions)
  answeredIn(t, sq, 'sq')
  answeredIn(t, en, 'en')

  const notJson = async (headers: Record<string, string>) =>
    answerOf(
      await fetch(`${service.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{' }),
    )
  const [badSq, badEn] = [await notJson({}), await notJson(english)]
  t.equal(badSq.status, 400)
  t.match(badSq.errors[0], { message: /^Kërkesë e gabuar: /, extensions: { code: 'BAD_REQUEST', trgCode: 'TRG_BAD_REQUEST' } })
  t.match(badEn.errors[0], { message: /^Bad request: /, extensions: badSq.errors[0]?.extensions })
  answeredIn(t, badSq, 'sq')
  answeredIn(t, badEn, 'en')

  const nowhere = await answerOf(await fetch(`${service.url}/nowhere`))
  t.equal(nowhere.status, 404)
  t.equal(nowhere.errors[0]?.message, 'route GET /nowhere nuk ekziston')
  answeredIn(t, nowhere, 'sq')
  const elsewhere = await answerOf(await fetch(`${service.url}/nowhere`, { headers: english }))
  t.equal(elsewhere.errors[0]?.message, 'route GET /nowhere does not exist')
  answeredIn(t, elsewhere, 'en')
})

t.test('an export that is refused', async (t) => {
  const service = await startService(t, { seed: false })
  const download = async (headers: Record<string, string>) => answerOf(await fetch(`${service.url}/exports/nothing.csv`, { headers }))
  const [sq, en] = [await download({}), await download(english)]
  for (const answer of [sq, en]) {
    t.equal(answer.status, 400)
    t.match(answer.errors[0]?.extensions, { code: 'BAD_USER_INPUT', trgCode: 'TRG_INVALID_VALUE', details: { value: 'nothing.csv' } })
  }
  t.match(sq.errors[0]?.message, /^"nothing\.csv" nuk është vlerë e vlefshme për format: is not an export: give /)
  t.match(en.errors[0]?.message, /^"nothing\.csv" is not a valid format: is not an export: give /)
  answeredIn(t, sq, 'sq')
  answeredIn(t, en, 'en')
})

t.test('a failure no route expected: no internals, in the language asked for', async (t) => {
  const service = await startService(t, {
    seed: false,
    beforeListen: (app) => app.get('/failing', async () => Promise.reject(new Error('disk on fire'))),
  })
  const failing = await answerOf(await fetch(`${service.url}/failing`))
  t.equal(failing.status, 500)
  t.same(failing.errors, [{ message: 'Gabim i brendshëm i shërbimit', extensions: { code: 'INTERNAL_SERVER_ERROR' } }])
  answeredIn(t, failing, 'sq')
})

t.test('a request Node refuses before any header is read is answered in Albanian, and says so', async (t) => {
  const service = await startService(t, { seed: false })
  const { port } = new URL(service.url)
  const text = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'))
    let received = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (received += chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve(received))
  })
  t.match(text, /^HTTP\/1\.1 400 /)
  t.match(text, /\r\nContent-Language: sq\r\n/)
  const body = JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as { errors: Answer['errors'] }
  t.match(body.errors[0]?.message, /^Kërkesë e gabuar: the request is not valid HTTP/)
})

t.test('the response cache never answers one language with the other', async (t) => {
  const service = await startService(t, { seed: false })
  // A query of read-model fields alone, which the cache keeps when it succeeds.
  const plans = '{ plans { edges { cursor } } }'
  const [first, again] = [await post(service, plans), await post(service, plans, english)]
  t.equal(first.headers.get('content-language'), null, 'an answer without errors is in no language')
  t.equal(again.headers.get('content-language'), null)
  // The same fields, refused while they run: such an answer is never kept, so each gets its own.
  const refused = '{ plans(after: "abc") { edges { cursor } } }'
  for (const [headers, language] of [
    [{}, 'sq'],
    [english, 'en'],
    [{}, 'sq'],
  ] as const) {
    const answer = await post(service, refused, headers)
    t.match(answer.errors, [{ extensions: { trgCode: 'TRG_INVALID_VALUE' } }])
    t.match(answer.errors[0]?.message, language === 'sq' ? /nuk është vlerë e vlefshme/ : /is not a valid/, language)
    answeredIn(t, answer, language)
  }
})

// ---------------------------------------------------------------------------------------------
// Websockets: a socket's refusals are in the language of its upgrade request
// ---------------------------------------------------------------------------------------------

const wsUrl = (service: TestService) => `${service.url.replace(/^http/, 'ws')}/graphql`

/** A graphql-ws client whose upgrade request sends `headers`. */
function client(t: Test, service: TestService, headers: Record<string, string>, connectionParams?: Record<string, unknown>): Client {
  class Socket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers })
    }
  }
  const created = createClient({
    url: wsUrl(service),
    webSocketImpl: Socket,
    retryAttempts: 0,
    ...(connectionParams && { connectionParams }),
  })
  t.teardown(() => created.dispose())
  return created
}

/** What a subscription yields first: its refusal, here. */
function refusalOf(client: Client, query: string): Promise<unknown> {
  return new Promise((resolve) => {
    client.subscribe({ query }, { next: resolve, error: resolve, complete: () => resolve('completed') })
  })
}

t.test('a subscription refused by the checks every operation gets', async (t) => {
  const service = await startService(t, { seed: false })
  const query = 'subscription { indicatorValueReported { nothingHere } }'
  const problem = 'Cannot query field "nothingHere" on type "IndicatorValueEvent".'
  const [sq, en] = [await refusalOf(client(t, service, {}), query), await refusalOf(client(t, service, english), query)]
  t.match(sq, [
    { message: `Pyetja nuk përputhet me skemën: ${problem}`, extensions: { trgCode: 'TRG_QUERY_INVALID', details: { problem } } },
  ])
  t.match(en, [
    { message: `The query does not fit the schema: ${problem}`, extensions: { trgCode: 'TRG_QUERY_INVALID', details: { problem } } },
  ])
  // connection_init's payload may carry headers, which mercurius copies onto the request as a
  // subscription starts: the socket keeps the language it was opened in.
  const pinned = client(t, service, {}, { 'accept-language': 'en' })
  const started = nextListener(service)
  const events = pinned.iterate({ query: 'subscription { budgetChanged { position } }' })
  t.teardown(() => void events.return?.())
  await started
  t.match(await refusalOf(pinned, query), [{ message: `Pyetja nuk përputhet me skemën: ${problem}` }])
})

t.test("a subscription past the socket's quota", async (t) => {
  const service = await startService(t, { seed: false, protection: { websockets: { subscriptionsPerSocket: 1 } } })
  const query = 'subscription { budgetChanged { position } }'
  for (const [headers, message] of [
    [{}, 'Kërkesa e kalon kufirin (subscriptions per websocket): 2, ndërsa lejohen të shumtën 1'],
    [english, 'The request exceeds the subscriptions per websocket limit: 2 where at most 1 is allowed'],
  ] as const) {
    const connection = client(t, service, headers)
    const started = nextListener(service)
    const events = connection.iterate({ query })
    t.teardown(() => void events.return?.())
    await started
    t.match(await refusalOf(connection, query), [{ message, extensions: { trgCode: 'TRG_LIMIT_EXCEEDED' } }])
  }
})

t.test('a websocket refused at admission: the close reason and connection_error', async (t) => {
  const service = await startService(t, { seed: false })
  const refused = (headers: Record<string, string>) =>
    new Promise<{ code: number; reason: string; messages: unknown[] }>((resolve) => {
      const socket = new WebSocket(wsUrl(service), 'graphql-ws', { headers })
      const messages: unknown[] = []
      socket.on('message', (data) => messages.push(JSON.parse(data.toString())))
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer not-a-token' } })))
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString(), messages }))
    })
  const [sq, en] = [await refused({}), await refused(english)]
  t.match(sq, {
    code: 4401,
    reason: /^TRG_UNAUTHENTICATED: Nuk jeni identifikuar: /,
    messages: [
      { type: 'connection_error', payload: { message: /^Nuk jeni identifikuar: /, extensions: { trgCode: 'TRG_UNAUTHENTICATED' } } },
    ],
  })
  t.match(en, {
    code: 4401,
    reason: /^TRG_UNAUTHENTICATED: Not authenticated: /,
    messages: [{ type: 'connection_error', payload: { message: /^Not authenticated: / } }],
  })
  // Albanian letters take two bytes: the reason is cut to what a close frame carries, never inside one.
  const long = new TreguesiError('TRG_FORBIDDEN', { action: 'çështje '.repeat(20), reason: 'ë' })
  const reason = closeReason(long, 'sq')
  t.ok(Buffer.byteLength(reason) <= 123 && Buffer.byteLength(reason) >= 121)
  t.notMatch(reason, /\uFFFD/)
})

// ---------------------------------------------------------------------------------------------
// The pieces
// ---------------------------------------------------------------------------------------------

t.test('formatting without a request, and an error whose refusal is not known, keep to what they have', async (t) => {
  const app = { log: { error: () => {} } } as unknown as FastifyInstance
  const refusal = new TreguesiError('TRG_PLAN_CLOSED', { planId: 'p1' })
  t.same(formatExecution({ data: null, errors: [new GraphQLError('x', { originalError: refusal })] }, { app }).response.errors, [
    {
      message: 'plani p1 është i mbyllur: asgjë në të nuk mund të ndryshojë',
      extensions: { code: 'CONFLICT', trgCode: 'TRG_PLAN_CLOSED', details: { planId: 'p1' } },
    },
  ])
  const coded = new GraphQLError('as it was written', { extensions: { trgCode: 'TRG_BAD_REQUEST' } })
  t.equal(formatError(coded, () => {}, 'sq').message, 'as it was written', 'its message, as no translation can be found')
  t.equal(formatError(new GraphQLError('Unknown type "X".'), () => {}).message, 'Pyetja nuk përputhet me skemën: Unknown type "X".')
})

t.test('Vary lists accept-language once, beside what else varies the answer', async (t) => {
  t.equal(withVary(undefined, 'accept-language'), 'accept-language')
  t.equal(withVary('origin', 'accept-language'), 'origin, accept-language')
  t.equal(withVary('Origin, Accept-Language', 'accept-language'), 'Origin, Accept-Language')
  t.equal(withVary(['origin', 'accept-encoding'], 'accept-language'), 'origin, accept-encoding, accept-language')
  t.equal(withVary('*', 'accept-language'), '*')
})
