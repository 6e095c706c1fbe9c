import t from 'tap'
import { loadApiConfig } from '../src/config.js'
import { defaultProtection } from '../src/protection/settings.js'
import { issuesOf } from './support/config-issues.js'

t.test('every limit can be set through the environment', async (t) => {
  const { protection } = loadApiConfig({
    TREGUESI_REQUEST_TIMEOUT_MS: '20000',
    TREGUESI_HEADERS_TIMEOUT_MS: '5000',
    TREGUESI_KEEP_ALIVE_TIMEOUT_MS: '65000',
    TREGUESI_CONNECTION_TIMEOUT_MS: '0',
    TREGUESI_MAX_CONNECTIONS: '200',
    TREGUESI_BODY_LIMIT_BYTES: '262144',
    TREGUESI_TRUSTED_PROXIES: ' 10.0.0.1, 192.168.0.0/16 ,::1',
    TREGUESI_RATE_WINDOW_MS: '30000',
    TREGUESI_RATE_ANONYMOUS: '100',
    TREGUESI_RATE_AUTHENTICATED: '400',
    TREGUESI_RATE_FAILED_AUTHENTICATIONS: '5',
    TREGUESI_WS_MAX_PAYLOAD_BYTES: '32768',
    TREGUESI_WS_SUBSCRIPTIONS_PER_SOCKET: '5',
    TREGUESI_WS_SOCKETS_PER_CALLER: '3',
    TREGUESI_WS_INIT_TIMEOUT_MS: '3000',
    TREGUESI_OVERLOAD_EVENT_LOOP_DELAY_MS: '500',
    TREGUESI_OVERLOAD_HEAP_MB: '1536',
    TREGUESI_OVERLOAD_RSS_MB: '0',
    TREGUESI_TOKEN_MAX_LIFETIME_HOURS: '24',
  })
  t.same(protection, {
    http: {
      requestTimeoutMs: 20_000,
      headersTimeoutMs: 5000,
      keepAliveTimeoutMs: 65_000,
      connectionTimeoutMs: 0,
      maxConnections: 200,
      bodyLimitBytes: 262_144,
      trustedProxies: ['10.0.0.1', '192.168.0.0/16', '::1'],
    },
    rates: { windowMs: 30_000, anonymous: 100, authenticated: 400, failedAuthentications: 5 },
    websockets: { maxPayloadBytes: 32_768, subscriptionsPerSocket: 5, socketsPerCaller: 3, initTimeoutMs: 3000 },
    overload: { ...defaultProtection.overload, maxEventLoopDelayMs: 500, maxHeapUsedBytes: 1536 * 2 ** 20, maxRssBytes: 0 },
    tokens: { maxLifetimeHours: 24 },
  })
})

t.test('the defaults suit a small server: memory thresholds follow the machine, in whole MiB', async (t) => {
  const { overload } = defaultProtection
  t.ok(overload.maxHeapUsedBytes > 0 && overload.maxHeapUsedBytes % 2 ** 20 === 0)
  t.ok(overload.maxRssBytes > overload.maxHeapUsedBytes / 2 && overload.maxRssBytes % 2 ** 20 === 0)
  t.ok(defaultProtection.http.headersTimeoutMs <= defaultProtection.http.requestTimeoutMs, 'Node would refuse them otherwise')
})

t.test('a wrong limit stops the service, naming the variable', async (t) => {
  t.same(issuesOf({ TREGUESI_REQUEST_TIMEOUT_MS: 'soon' }), [
    { variable: 'TREGUESI_REQUEST_TIMEOUT_MS', problem: 'must be a number of milliseconds' },
  ])
  t.same(issuesOf({ TREGUESI_RATE_ANONYMOUS: '1.5' }), [
    { variable: 'TREGUESI_RATE_ANONYMOUS', problem: 'must be a whole number of requests' },
  ])
  t.same(issuesOf({ TREGUESI_MAX_CONNECTIONS: '0' }), [{ variable: 'TREGUESI_MAX_CONNECTIONS', problem: 'must be at least 1' }])
  t.same(issuesOf({ TREGUESI_TOKEN_MAX_LIFETIME_HOURS: '100000' }), [
    { variable: 'TREGUESI_TOKEN_MAX_LIFETIME_HOURS', problem: 'must be at most 87600' },
  ])
  t.same(issuesOf({ TREGUESI_HEADERS_TIMEOUT_MS: '40000' }), [
    { variable: 'TREGUESI_HEADERS_TIMEOUT_MS', problem: 'must not be more than TREGUESI_REQUEST_TIMEOUT_MS' },
  ])
  for (const list of ['proxy.example.org', '10.0.0.0/8/9', '10.0.0.0/abc']) {
    t.same(
      issuesOf({ TREGUESI_TRUSTED_PROXIES: list }),
      [{ variable: 'TREGUESI_TRUSTED_PROXIES', problem: 'must be addresses or CIDR ranges, separated by commas' }],
      list,
    )
  }
})
