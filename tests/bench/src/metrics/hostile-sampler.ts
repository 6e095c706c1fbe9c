/**
 * A worker thread of the hostile group: sends a GET /healthz to the API and samples the API
 * process's resident memory every `intervalMs`, on an event loop of its own, so that reading and
 * parsing the large responses the group asks for does not delay (and lengthen) a health probe.
 *
 * Every sample is filed under the phase the main thread last named (`{ phase }` messages): a probe
 * under the phase it was sent in, however long its answer takes. At each change of phase the
 * kernel's peak (`VmHWM`) is read for the phase that ends and reset (`/proc/<pid>/clear_refs`),
 * so a phase's peak includes what happened between two samples. `{ stop: true }` ends the polling
 * and posts every phase's samples back.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { Agent, get } from 'node:http'
import { parentPort, workerData } from 'node:worker_threads'

export interface SamplerOptions {
  readonly healthzUrl: string
  readonly pid: number
  readonly intervalMs: number
}

export interface PhaseSamples {
  /** Round trips of /healthz probes sent during the phase, in ms. */
  readonly healthz: number[]
  /** Probes that failed (no answer, or not 200). */
  healthzFailures: number
  /** VmRSS samples, in bytes. */
  readonly rss: number[]
  /** The kernel's peak resident size over the phase, in bytes; null when it cannot be read or reset. */
  peak: number | null
}

export type SamplerMessage = { readonly phase: string } | { readonly stop: true }

const { healthzUrl, pid, intervalMs } = workerData as SamplerOptions
const port = parentPort!
const status = `/proc/${pid}/status`

function statusField(name: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(readFileSync(status, 'utf8'))
    return match === null ? null : Number(match[1]) * 1024
  } catch {
    return null
  }
}

/** Resets VmHWM to the current resident size; false when the kernel does not allow it. */
function resetPeak(): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
    return true
  } catch {
    return false
  }
}

const phases = new Map<string, PhaseSamples>()
const samplesOf = (phase: string): PhaseSamples => {
  let samples = phases.get(phase)
  if (samples === undefined) {
    samples = { healthz: [], healthzFailures: 0, rss: [], peak: null }
    phases.set(phase, samples)
  }
  return samples
}

let phase = 'start'
let peakResettable = resetPeak()

function endPhase(): void {
  const peak = peakResettable ? statusField('VmHWM') : null
  const samples = samplesOf(phase)
  if (peak !== null) samples.peak = Math.max(samples.peak ?? 0, peak)
}

const agent = new Agent({ keepAlive: true })
/** Probes sent and not answered yet; beyond this many the server is not answering at all, and none is added. */
const mostInFlight = 200
let inFlight = 0

function probe(): void {
  const samples = samplesOf(phase)
  const started = performance.now()
  inFlight += 1
  const done = (ok: boolean): void => {
    inFlight -= 1
    if (ok) samples.healthz.push(performance.now() - started)
    else samples.healthzFailures += 1
  }
  const request = get(healthzUrl, { agent }, (response) => {
    response.resume()
    response.on('end', () => done(response.statusCode === 200))
    response.on('error', () => done(false))
  })
  request.on('error', () => done(false))
}

const timer = setInterval(() => {
  const rss = statusField('VmRSS')
  if (rss !== null) samplesOf(phase).rss.push(rss)
  // A probe every interval whether or not the last one was answered, as a load balancer probes:
  // a stall of one second is then twenty probes waiting, each for as long as it waited.
  if (inFlight < mostInFlight) probe()
}, intervalMs)

port.on('message', (message: SamplerMessage) => {
  endPhase()
  if ('stop' in message) {
    clearInterval(timer)
    agent.destroy()
    port.postMessage(Object.fromEntries(phases))
    port.close()
    return
  }
  phase = message.phase
  peakResettable = resetPeak()
})
