import { randomUUID } from 'node:crypto'
import { createClient, type Client } from 'graphql-ws'
import t, { type Test } from 'tap'
import WebSocket from 'ws'
import type { WebsocketLimits } from '../src/protection/settings.js'
import { openRawWebsocket } from './support/raw-websocket.js'
import { principals, startService, type TestService } from './support/service.js'
import { nextListener } from './support/subscriber.js'

const wsUrl = (service: TestService) => `${service.url.replace(/^http/, 'ws')}/graphql`

const budgetSubscription = 'subscription { budgetChanged { position municipality } }'

async function startWith(t: Test, websockets: Partial<WebsocketLimits>, rates = {}) {
  return startService(t, { seed: false, protection: { websockets, rates } })
}

/** A municipal total the budget subscription reports, written straight to the log. */
async function writeTotal(service: TestService): Promise<string> {
  const data = { code: 'XXX', fiscalYear: 2025, total: { amount: '10', currency: 'EUR' } }
  const { position } = await service.store.append('municipality-XXX', [
    { id: randomUUID(), type: 'municipality.budget-total-set.v1', data },
  ])
  return position.toString()
}

/** How a graphql-ws client's connection went: acknowledged, or closed with a code and reason. */
function connection(t: Test, service: TestService, options: { connectionParams?: Record<string, unknown>; authorization?: string } = {}) {
  class Socket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      const authorization = options.authorization === undefined ? {} : { authorization: options.authorization }
      super(address, protocols, { headers: { 'accept-language': 'en', ...authorization } })
    }
  }
  const client: Client = createClient({
    url: wsUrl(service),
    webSocketImpl: Socket,
    retryAttempts: 0,
    lazy: false,
    ...(options.connectionParams && { connectionParams: options.connectionParams }),
    onNonLazyError: () => {},
  })
  t.teardown(() => client.dispose())
  const outcome = new Promise<{ acknowledged: true } | { acknowledged: false; code: number; reason: string }>((resolve) => {
    client.on('connected', () => resolve({ acknowledged: true }))
    client.on('closed', (event) => {
      const { code, reason } = event as { code: number; reason: string }
      resolve({ acknowledged: false, code, reason })
    })
  })
  return { client, outcome }
}

/** The first thing a subscription yields: an event, or the error that refused it. */
function firstOf(client: Client, query = budgetSubscription): Promise<{ data?: unknown; error?: unknown }> {
  return new Promise((resolve) => {
    client.subscribe({ query }, { next: (data) => resolve({ data }), error: (error) => resolve({ error }), complete: () => {} })
  })
}

/** Waits until the server holds `count` websockets (it counts a socket closed once it has seen it close). */
async function openSockets(service: TestService, count: number): Promise<void> {
  const { clients } = (service.app as unknown as { websocketServer: { clients: Set<unknown> } }).websocketServer
  while (clients.size !== count) await new Promise((resolve) => setTimeout(resolve, 10))
}

const closeOf = (socket: WebSocket) =>
  new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )

async function rawSocket(service: TestService, protocol = 'graphql-transport-ws') {
  const socket = new WebSocket(wsUrl(service), protocol, { headers: { 'accept-language': 'en' } })
  const messages: unknown[] = []
  socket.on('message', (data) => messages.push(JSON.parse(data.toString())))
  const closed = closeOf(socket)
  await new Promise((resolve) => socket.once('open', resolve))
  return { socket, messages, closed }
}

t.test('a websocket holds so many subscriptions at a time; one that ends frees its place', async (t) => {
  const service = await startWith(t, { subscriptionsPerSocket: 2 })
  const { client, outcome } = connection(t, service)
  t.same(await outcome, { acknowledged: true })
  const subscribe = async () => {
    const started = nextListener(service)
    const events = client.iterate({ query: budgetSubscription })
    t.teardown(() => void events.return?.())
    await started
    return events
  }
  const first = await subscribe()
  const second = await subscribe()
  t.match(await firstOf(client), {
    error: [
      {
        message: 'The request exceeds the subscriptions per websocket limit: 3 where at most 2 is allowed',
        extensions: { trgCode: 'TRG_LIMIT_EXCEEDED', details: { limit: 'subscriptions per websocket', maximum: 2, actual: 3 } },
      },
    ],
  })
  await first.return!()
  const third = await subscribe()
  const position = await writeTotal(service)
  for (const events of [second, third]) t.match((await events.next()).value, { data: { budgetChanged: { position, municipality: 'XXX' } } })
})

t.test('subscriptions started all at once cannot slip past the quota together', async (t) => {
  const service = await startWith(t, { subscriptionsPerSocket: 2 })
  const socket = await openRawWebsocket(service.url)
  t.teardown(() => socket.destroy())
  /** The next protocol message, past the server's keep-alive pings. */
  const next = async (): Promise<{ type: string; id?: string; payload?: unknown }> => {
    for (;;) {
      const frame = await socket.next()
      if (frame.kind === 'close') throw new Error(`closed with ${frame.code}`)
      if (frame.message.type !== 'ping') return frame.message
    }
  }
  // connection_init and six subscriptions in one piece: mercurius starts all six at once.
  const ids = ['1', '2', '3', '4', '5', '6']
  socket.send({ type: 'connection_init' }, ...ids.map((id) => ({ type: 'subscribe', id, payload: { query: budgetSubscription } })))
  t.same(await next(), { type: 'connection_ack' })
  const refusals = [await next(), await next(), await next(), await next()]
  t.same(refusals.map(({ type, id }) => [type, id]).sort(), [
    ['error', '3'],
    ['error', '4'],
    ['error', '5'],
    ['error', '6'],
  ])
  for (const refusal of refusals) {
    t.match(refusal.payload, [
      { extensions: { trgCode: 'TRG_LIMIT_EXCEEDED', details: { limit: 'subscriptions per websocket', maximum: 2, actual: 3 } } },
    ])
  }
  // Those that passed the check before the first feeds started were refused as their own started.
  t.ok(
    refusals.some(({ payload }) => (payload as Array<{ path?: unknown }>)[0]!.path !== undefined),
    'some were refused by the quota itself',
  )

  const position = await writeTotal(service)
  const delivered = [await next(), await next()]
  t.same(delivered.map(({ type, id }) => [type, id]).sort(), [
    ['next', '1'],
    ['next', '2'],
  ])
  t.match(delivered[0], { payload: { data: { budgetChanged: { position } } } })
})

t.test('a caller holds so many websockets at a time, counted by token subject or by address', async (t) => {
  const service = await startWith(t, { socketsPerCaller: 2 })
  const editor = `Bearer ${service.token(principals.editorElbasan)}`
  const anonymous = [connection(t, service), connection(t, service)]
  for (const { outcome } of anonymous) t.same(await outcome, { acknowledged: true })
  const refused = await connection(t, service).outcome
  t.match(refused, {
    acknowledged: false,
    code: 4429,
    reason: 'TRG_LIMIT_EXCEEDED: The request exceeds the websockets per caller limit: 3 where at most 2 is allowed',
  })

  // The editor is another caller at the same address, whether its token comes with connection_init or the request.
  t.same(await connection(t, service, { connectionParams: { authorization: editor } }).outcome, { acknowledged: true })
  t.same(await connection(t, service, { authorization: editor }).outcome, { acknowledged: true })
  t.match(await connection(t, service, { connectionParams: { authorization: editor } }).outcome, { acknowledged: false, code: 4429 })

  await anonymous[0]!.client.dispose()
  await openSockets(service, 3)
  t.same(await connection(t, service).outcome, { acknowledged: true }, 'a socket closed is a place freed')
})

t.test('a websocket message larger than the limit closes the socket with 1009', async (t) => {
  const service = await startWith(t, { maxPayloadBytes: 1024 })
  const { socket, messages, closed } = await rawSocket(service)
  socket.send(JSON.stringify({ type: 'connection_init' }))
  while (messages.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
  t.same(messages[0], { type: 'connection_ack' })
  socket.send(JSON.stringify({ type: 'subscribe', id: '1', payload: { query: `${budgetSubscription} # ${'x'.repeat(2000)}` } }))
  t.match(await closed, { code: 1009 })
})

t.test('a websocket that does not send connection_init in time, or sends something else first, is closed', async (t) => {
  const service = await startWith(t, { initTimeoutMs: 200 })
  const silent = await rawSocket(service)
  t.match(await silent.closed, { code: 4408, reason: 'TRG_BAD_REQUEST: Bad request: no connection_init within 200 ms' })

  for (const first of [JSON.stringify({ type: 'subscribe', id: '1', payload: { query: budgetSubscription } }), 'not json', 'null']) {
    const socket = await rawSocket(service)
    socket.socket.send(first)
    t.match(
      await socket.closed,
      { code: 4400, reason: /^TRG_BAD_REQUEST: .*the first message on a websocket must be connection_init/ },
      first,
    )
    t.same(socket.messages, [], 'never acknowledged')
  }
})

t.test('a token in connection_init follows the rules of every token', async (t) => {
  const service = await startWith(t, {}, { failedAuthentications: 2 })
  const withToken = (token: string) => connection(t, service, { connectionParams: { authorization: `Bearer ${token}` } }).outcome

  const noExpiry = service.signRaw({ role: 'admin' }, { sub: 'admin-1' })
  t.match(await withToken(noExpiry), {
    acknowledged: false,
    code: 4401,
    reason: /^TRG_UNAUTHENTICATED: Not authenticated: The exp claim is required/,
  })

  const lasting = await withToken(service.app.signToken(principals.admin, '2000h'))
  t.match(lasting, { acknowledged: false, code: 4401, reason: /^TRG_UNAUTHENTICATED: Not authenticated: the token expires at / })
  t.ok(Buffer.byteLength((lasting as { reason: string }).reason) <= 123, 'the reason was cut to what a close frame carries')

  // Two failures from this address: the next token is not even checked.
  t.match(await withToken(service.token(principals.admin)), {
    acknowledged: false,
    code: 4429,
    reason: /^TRG_RATE_LIMITED: Too many requests \(2 failed authentications/,
  })
})

t.test('the older subscriptions-transport-ws protocol hears why in a connection_error first', async (t) => {
  const service = await startWith(t, {})
  const admitted = await rawSocket(service, 'graphql-ws')
  admitted.socket.send(JSON.stringify({ type: 'connection_init' }))
  while (admitted.messages.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
  t.match(admitted.messages, [{ type: 'connection_ack' }])
  admitted.socket.close()

  const refused = await rawSocket(service, 'graphql-ws')
  refused.socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer not-a-token' } }))
  t.match(await refused.closed, { code: 4401, reason: /^TRG_UNAUTHENTICATED/ })
  t.match(refused.messages, [
    {
      type: 'connection_error',
      payload: {
        message: /^Not authenticated: /,
        extensions: { code: 'UNAUTHENTICATED', trgCode: 'TRG_UNAUTHENTICATED', details: { reason: /malformed/ } },
      },
    },
  ])
})

t.test('a websocket that goes away while its token is checked is neither served nor counted', async (t) => {
  const service = await startWith(t, { socketsPerCaller: 1 })
  const editor = `Bearer ${service.token(principals.editorElbasan)}`
  // The check waits until the socket has gone.
  const authenticate = service.app.authenticate
  let gone: () => void = () => {}
  const socketGone = new Promise<void>((resolve) => (gone = resolve))
  service.app.authenticate = async (request, authorization) => {
    await socketGone
    return authenticate.call(service.app, request, authorization)
  }
  const leaving = await rawSocket(service)
  leaving.socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: editor } }))
  leaving.socket.close()
  await leaving.closed
  await openSockets(service, 0)
  gone()
  await new Promise((resolve) => setImmediate(resolve))
  service.app.authenticate = authenticate
  t.same(leaving.messages, [], 'never acknowledged')

  t.same(
    await connection(t, service, { connectionParams: { authorization: editor } }).outcome,
    { acknowledged: true },
    'its place was never taken',
  )
})
