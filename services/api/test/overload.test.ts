import t from 'tap'
import { startService, type TestService } from './support/service.js'
import { defaultProtection, type OverloadThresholds } from '../src/protection/settings.js'

const query = (service: TestService) =>
  fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    body: JSON.stringify({ query: '{ commandTypes }' }),
  })

/** Asks until the service says it is overloaded (it measures every `sampleIntervalMs`), doing `load` before each try. */
async function overloaded(service: TestService, load: () => void = () => {}): Promise<Response> {
  for (;;) {
    load()
    const response = await query(service)
    if (response.status === 503) return response
    await response.arrayBuffer()
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Holds the event loop, which the test shares with the service, for `ms`. */
const hold = (ms: number) => () => {
  const until = Date.now() + ms
  while (Date.now() < until);
}

/**
 * One threshold set deliberately low, so that the service's own usage crosses it, and the other
 * checks off, so that it is the one that trips. Measured often, but not as often as the 10 ms the
 * event loop is sampled at.
 */
const lowered = (thresholds: Partial<OverloadThresholds>) => ({
  overload: { sampleIntervalMs: 50, retryAfterSeconds: 7, maxEventLoopDelayMs: 0, maxHeapUsedBytes: 0, maxRssBytes: 0, ...thresholds },
})

t.test('past the heap threshold the service answers 503 with Retry-After and TRG_OVERLOADED; probes still answer', async (t) => {
  const service = await startService(t, { seed: false, protection: lowered({ maxHeapUsedBytes: 1 }) })
  const response = await overloaded(service)
  t.equal(response.headers.get('retry-after'), '7')
  t.match(await response.json(), {
    errors: [
      {
        message: /^The service is overloaded/,
        extensions: {
          code: 'SERVICE_UNAVAILABLE',
          trgCode: 'TRG_OVERLOADED',
          details: { reason: /MiB of heap in use, more than 0 MiB/, retryAfterSeconds: 7 },
        },
      },
    ],
  })
  // A busy process is alive, and readiness is about the read models.
  const health = await fetch(`${service.url}/healthz`)
  t.equal(health.status, 200)
  t.same(await health.json(), { status: 'ok' })
  t.equal((await fetch(`${service.url}/readyz`)).status, 200)
})

t.test('past the memory (RSS) threshold, 503', async (t) => {
  const service = await startService(t, { seed: false, protection: lowered({ maxRssBytes: 1 }) })
  t.match(await (await overloaded(service)).json(), {
    errors: [{ extensions: { trgCode: 'TRG_OVERLOADED', details: { reason: /MiB of memory in use/ } } }],
  })
})

t.test('while the event loop lags, 503', async (t) => {
  const service = await startService(t, { seed: false, protection: lowered({ maxEventLoopDelayMs: 5 }) })
  // Tasks of 30 ms with pauses between them: the loop is late throughout, and measured between them.
  const response = await overloaded(service, hold(30))
  t.match(await response.json(), {
    errors: [{ extensions: { trgCode: 'TRG_OVERLOADED', details: { reason: /^the event loop is \d+ ms late, more than 5 ms$/ } } }],
  })
})

/**
 * Waits for a sample to be taken (the heap figure changes), then holds the loop for longer than
 * the interval, so that the next sample may have no measure of the delay in it (under-pressure
 * reads it as an infinite delay): it has none when the event loop's own timer did not tick
 * between the two, which is up to the timers' order. Tries until that happens, and returns the
 * answer to a request sent then, with the delay the service still had as its latest when it came.
 */
async function afterAnUnmeasuredSample(service: TestService, sampleIntervalMs: number): Promise<{ response: Response; delay: number }> {
  for (let attempt = 1; ; attempt++) {
    const { heapUsed } = service.app.memoryUsage()
    while (service.app.memoryUsage().heapUsed === heapUsed) await new Promise(setImmediate)
    hold(sampleIntervalMs + 100)()
    const response = await query(service)
    const delay = service.app.memoryUsage().eventLoopDelay
    if (delay === Number.POSITIVE_INFINITY || attempt === 20) return { response, delay }
    await response.arrayBuffer()
  }
}

const sampled = { sampleIntervalMs: 300 }

t.test('a sample that one task held from start to end is not taken for overload', async (t) => {
  // A delay threshold any measure would cross.
  const service = await startService(t, { seed: false, protection: lowered({ ...sampled, maxEventLoopDelayMs: 1 }) })
  const { response, delay } = await afterAnUnmeasuredSample(service, sampled.sampleIntervalMs)
  t.equal(delay, Number.POSITIVE_INFINITY, 'answered while the latest sample had no measure')
  t.equal(response.status, 200)
})

for (const [threshold, reason] of [
  ['maxHeapUsedBytes', /MiB of heap in use/],
  ['maxRssBytes', /MiB of memory in use/],
] as const) {
  t.test(`in such a sample the memory thresholds still apply: ${threshold}`, async (t) => {
    const service = await startService(t, { seed: false, protection: lowered({ ...sampled, maxEventLoopDelayMs: 1, [threshold]: 1 }) })
    const { response, delay } = await afterAnUnmeasuredSample(service, sampled.sampleIntervalMs)
    t.equal(delay, Number.POSITIVE_INFINITY, 'answered while the latest sample had no measure')
    t.equal(response.status, 503)
    t.match(await response.json(), { errors: [{ extensions: { trgCode: 'TRG_OVERLOADED', details: { reason } } }] })
  })
}

t.test('with the default thresholds an ordinary service is not overloaded', async (t) => {
  const service = await startService(t, { seed: false })
  await new Promise((resolve) => setTimeout(resolve, defaultProtection.overload.sampleIntervalMs + 100))
  t.equal((await query(service)).status, 200, 'after a first sample of the default interval')
})

t.test('one task holding the event loop for two seconds is not taken for overload', async (t) => {
  const service = await startService(t, { seed: false })
  const until = Date.now() + 2000
  while (Date.now() < until);
  // Until a sample that covers the stall has been taken, and a little after.
  const statuses = new Set<number>()
  const end = Date.now() + defaultProtection.overload.sampleIntervalMs + 1000
  while (Date.now() < end) {
    const response = await query(service)
    statuses.add(response.status)
    await response.arrayBuffer()
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  t.same([...statuses], [200])
})
