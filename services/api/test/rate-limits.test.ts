import t, { type Test } from 'tap'
import WebSocket from 'ws'
import { principals, startService, type TestService } from './support/service.js'

interface Answer {
  readonly status: number
  readonly headers: Headers
  readonly body: { errors?: Array<{ message: string; extensions: Record<string, unknown> }> }
}

async function ask(
  service: TestService,
  {
    token,
    authorization,
    path = '/graphql',
    headers = {},
  }: { token?: string; authorization?: string; path?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const auth = authorization ?? (token === undefined ? undefined : `Bearer ${token}`)
  const response = await fetch(`${service.url}${path}`, {
    method: path === '/graphql' ? 'POST' : 'GET',
    headers: {
      'accept-language': 'en',
      ...(path === '/graphql' && { 'content-type': 'application/json' }),
      ...(auth && { authorization: auth }),
      ...headers,
    },
    ...(path === '/graphql' && { body: JSON.stringify({ query: '{ viewer { role } }' }) }),
  })
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] }
}

/** A 429 as every rate refusal looks: Retry-After, and the TRG_RATE_LIMITED body saying the same. */
function assertRateLimited(t: Test, answer: Answer, limit: RegExp, windowSeconds: number): void {
  t.equal(answer.status, 429)
  const retryAfter = Number(answer.headers.get('retry-after'))
  t.ok(retryAfter >= 1 && retryAfter <= windowSeconds, `Retry-After ${retryAfter} is within the window`)
  t.match(answer.body, {
    errors: [
      {
        message: /^Too many requests/,
        extensions: { code: 'RATE_LIMITED', trgCode: 'TRG_RATE_LIMITED', details: { limit, retryAfterSeconds: retryAfter } },
      },
    ],
  })
}

const limits = { rates: { anonymous: 3, authenticated: 5, failedAuthentications: 2, windowMs: 60_000 } }

t.test('an anonymous caller gets its requests per window, per address, then 429 with Retry-After', async (t) => {
  const service = await startService(t, { seed: false, protection: limits })
  for (const remaining of [2, 1, 0]) {
    const answer = await ask(service)
    t.equal(answer.status, 200)
    t.equal(answer.headers.get('x-ratelimit-limit'), '3')
    t.equal(answer.headers.get('x-ratelimit-remaining'), String(remaining))
  }
  assertRateLimited(t, await ask(service), /^3 requests per 60 s for an anonymous caller/, 60)
  // A signed-in caller from the same address counts against its own subject.
  t.equal((await ask(service, { token: service.token(principals.viewer) })).status, 200)
})

t.test('a signed-in caller gets more, counted per token subject, wherever it calls from', async (t) => {
  const service = await startService(t, { seed: false, protection: limits })
  const viewer = service.token(principals.viewer)
  for (let request = 0; request < 5; request += 1) t.equal((await ask(service, { token: viewer })).status, 200)
  const refused = await ask(service, { token: viewer })
  assertRateLimited(t, refused, /^5 requests per 60 s for one token subject/, 60)
  // Another token of the same subject is the same caller; another subject is not.
  t.equal((await ask(service, { token: service.app.signToken(principals.viewer, '2h') })).status, 429)
  t.equal((await ask(service, { token: service.token(principals.ministry) })).status, 200)
  t.equal((await ask(service)).status, 200, 'nor is the anonymous caller at the same address')
})

t.test('failed authentications are counted per address and refused sooner, before any token is checked', async (t) => {
  const service = await startService(t, { seed: false, protection: limits })
  const guesses = [await ask(service, { authorization: 'Bearer guess-1' }), await ask(service, { authorization: 'Bearer guess-2' })]
  t.same(
    guesses.map((answer) => answer.status),
    [401, 401],
  )
  t.match(guesses[0]!.body, {
    errors: [{ extensions: { code: 'UNAUTHENTICATED', trgCode: 'TRG_UNAUTHENTICATED', details: { reason: /malformed/ } } }],
  })
  t.equal(guesses[0]!.headers.get('www-authenticate'), 'Bearer')

  // The third try is refused before its token is looked at: even a good one.
  const good = await ask(service, { token: service.token(principals.admin) })
  assertRateLimited(t, good, /^2 failed authentications per 60 s from one address/, 60)
  t.equal((await ask(service, { authorization: 'Bearer guess-3' })).status, 429)
  // Without a token, the address is an anonymous caller like any other.
  t.equal((await ask(service)).status, 200)
})

t.test('health and readiness probes are never limited', async (t) => {
  const service = await startService(t, { seed: false, protection: { rates: { anonymous: 1 } } })
  t.equal((await ask(service)).status, 200)
  t.equal((await ask(service)).status, 429)
  for (let probe = 0; probe < 5; probe += 1) {
    const health = await ask(service, { path: '/healthz' })
    t.equal(health.status, 200)
    t.equal(health.headers.get('x-ratelimit-limit'), null, 'not counted')
    t.equal((await ask(service, { path: '/readyz' })).status, 200)
  }
})

t.test('a caller past its limit may ask again once Retry-After has passed', async (t) => {
  const service = await startService(t, { seed: false, protection: { rates: { anonymous: 1, windowMs: 1000 } } })
  t.equal((await ask(service)).status, 200)
  const refused = await ask(service)
  assertRateLimited(t, refused, /^1 requests per 1 s/, 1)
  await new Promise((resolve) => setTimeout(resolve, Number(refused.headers.get('retry-after')) * 1000))
  t.equal((await ask(service)).status, 200)
})

t.test('opening a websocket is a request like any other', async (t) => {
  const service = await startService(t, { seed: false, protection: { rates: { anonymous: 1 } } })
  t.equal((await ask(service)).status, 200)
  const status = await new Promise<number>((resolve, reject) => {
    const socket = new WebSocket(`${service.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws')
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode!))
    socket.on('open', () => reject(new Error('the websocket was opened')))
    socket.on('error', () => {})
  })
  t.equal(status, 429)
})

t.test('behind a trusted proxy, an anonymous caller is the address the proxy forwards', async (t) => {
  const service = await startService(t, { seed: false, protection: { rates: { anonymous: 1 }, http: { trustedProxies: ['127.0.0.1'] } } })
  const from = (address: string) => ({ headers: { 'x-forwarded-for': address } })
  t.equal((await ask(service, from('203.0.113.1'))).status, 200)
  t.equal((await ask(service, from('203.0.113.1'))).status, 429)
  t.equal((await ask(service, from('203.0.113.2'))).status, 200, 'another client behind the same proxy')

  const direct = await startService(t, { seed: false, protection: { rates: { anonymous: 1 } } })
  t.equal((await ask(direct, from('203.0.113.1'))).status, 200)
  t.equal((await ask(direct, from('203.0.113.2'))).status, 429, 'without trust the header is ignored: one address')
})
