import underPressure from '@fastify/under-pressure'
import { TreguesiError } from '@treguesi/errors'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { isProbe } from './probes.js'
import { sendRefusal } from './refusal.js'
import type { OverloadThresholds } from './settings.js'

const mebibytes = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`

/** What under-pressure measured, as a person reads it; only the checks configured here can trip. */
const pressures: Readonly<Record<string, (value: number, thresholds: OverloadThresholds) => string>> = {
  eventLoopDelay: (value, { maxEventLoopDelayMs }) => `the event loop is ${value.toFixed(0)} ms late, more than ${maxEventLoopDelayMs} ms`,
  heapUsedBytes: (value, { maxHeapUsedBytes }) => `${mebibytes(value)} of heap in use, more than ${mebibytes(maxHeapUsedBytes)}`,
  rssBytes: (value, { maxRssBytes }) => `${mebibytes(value)} of memory in use, more than ${mebibytes(maxRssBytes)}`,
}

/**
 * The memory check that under-pressure skips when it has handed a request over for the event
 * loop's delay: it looks at the first threshold crossed only.
 */
function memoryPressure(app: FastifyInstance, thresholds: OverloadThresholds): string | null {
  const { heapUsed, rssBytes } = app.memoryUsage()
  if (thresholds.maxHeapUsedBytes > 0 && heapUsed > thresholds.maxHeapUsedBytes) return pressures.heapUsedBytes!(heapUsed, thresholds)
  if (thresholds.maxRssBytes > 0 && rssBytes > thresholds.maxRssBytes) return pressures.rssBytes!(rssBytes, thresholds)
  return null
}

/**
 * Answers 503 with Retry-After and TRG_OVERLOADED while the event loop lags or memory nears its
 * end, before the process falls over and every client loses. Checked first, before any token or
 * body is looked at. Probes are answered anyway: a process that is busy is still alive, and
 * readiness reports on the read models. under-pressure's own health check and status route are
 * not used; /healthz and /readyz are those.
 *
 * A sample in which one task held the event loop from start to end has no measure in it, which
 * under-pressure reports as an infinite delay. That task (a read model folding the log at start,
 * a rebuild) has ended by the time a request is read, and a loop lagging under load is measured
 * between its tasks; so such a sample is not taken for overload.
 */
export const overloadProtection = fp(
  async (app: FastifyInstance, thresholds: OverloadThresholds) => {
    await app.register(underPressure, {
      maxEventLoopDelay: thresholds.maxEventLoopDelayMs,
      maxHeapUsedBytes: thresholds.maxHeapUsedBytes,
      maxRssBytes: thresholds.maxRssBytes,
      sampleInterval: thresholds.sampleIntervalMs,
      pressureHandler: (request, reply, type, value) => {
        if (isProbe(request)) return
        const unmeasured = type === 'eventLoopDelay' && value === Number.POSITIVE_INFINITY
        const reason = unmeasured ? memoryPressure(app, thresholds) : pressures[type]!(value!, thresholds)
        if (reason === null) return
        sendRefusal(reply, new TreguesiError('TRG_OVERLOADED', { reason, retryAfterSeconds: thresholds.retryAfterSeconds }))
      },
    })
  },
  { name: 'treguesi-overload' },
)
