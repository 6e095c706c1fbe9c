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
 * Answers 503 with Retry-After and TRG_OVERLOADED while the event loop lags or memory nears its
 * end, before the process falls over and every client loses. Checked first, before any token or
 * body is looked at. Probes are answered anyway: a process that is busy is still alive, and
 * readiness reports on the read models. under-pressure's own health check and status route are
 * not used; /healthz and /readyz are those.
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
        const reason = pressures[type]!(value!, thresholds)
        sendRefusal(reply, new TreguesiError('TRG_OVERLOADED', { reason, retryAfterSeconds: thresholds.retryAfterSeconds }))
      },
    })
  },
  { name: 'treguesi-overload' },
)
