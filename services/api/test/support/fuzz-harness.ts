import { createHmac } from 'node:crypto'
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { connect } from 'node:net'
import { Worker } from 'node:worker_threads'
import { catalogue } from '@treguesi/errors'
import {
  bytesOf,
  isHostileToken,
  showRequest,
  sizeOf,
  textOf,
  type Auth,
  type FuzzRequest,
  type HostileToken,
  type ValidCaller,
} from './fuzz-requests.js'
import { principals, type TestService } from './service.js'

/** What came back: a status and a body, or why nothing did. */
export interface Answer {
  readonly status: number
  readonly headers: IncomingHttpHeaders
  readonly body: Buffer
  readonly failure?: string
}

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')

/**
 * The Authorization header for each caller. The hostile ones that need the service's key are
 * signed by the service itself (through its JWT instance), so they differ from a valid token
 * only in the one claim or header they are about.
 */
export function authorizations(service: TestService): Record<Exclude<Auth, 'anonymous'>, string> {
  const now = Math.floor(Date.now() / 1000)
  const admin = service.token(principals.admin)
  const [header = '', payload = ''] = admin.split('.')
  const forged = createHmac('sha256', 'not-the-service-secret-not-the-service-secret').update(`${header}.${payload}`).digest('base64url')
  const valid: Record<ValidCaller, string> = {
    admin,
    editorElbasan: service.token(principals.editorElbasan),
    editorDrenas: service.token(principals.editorDrenas),
    viewer: service.token(principals.viewer),
    ministry: service.token(principals.ministry),
  }
  const hostile: Record<HostileToken, string> = {
    malformed: 'abc.def',
    'not-base64': '***.***.***',
    'empty-bearer': '',
    'wrong-signature': `${header}.${payload}.${forged}`,
    'alg-none': `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'fuzz-admin', role: 'admin', iat: now, exp: now + 3600 })}.`,
    'alg-hs512': service.signRaw({ role: 'admin' }, { sub: 'fuzz-admin', expiresIn: '1h', algorithm: 'HS512' }),
    'missing-exp': service.signRaw({ role: 'admin' }, { sub: 'fuzz-admin' }),
    expired: service.signRaw({ role: 'admin', iat: now - 7200, exp: now - 3600 }, { sub: 'fuzz-admin' }),
    'not-yet-valid': service.signRaw({ role: 'admin' }, { sub: 'fuzz-admin', expiresIn: '2h', notBefore: 3_600_000 }),
    'unknown-role': service.signRaw({ role: 'root' }, { sub: 'fuzz-admin', expiresIn: '1h' }),
    'editor-without-municipalities': service.signRaw({ role: 'editor', municipalities: [] }, { sub: 'fuzz-editor', expiresIn: '1h' }),
    huge: 'a'.repeat(12_000),
    'basic-scheme': '',
    'two-tokens': `${admin}, Bearer ${admin}`,
  }
  const headers = Object.fromEntries(
    [...Object.entries(valid), ...Object.entries(hostile)].map(([kind, token]) => [kind, `Bearer ${token}`]),
  ) as Record<Exclude<Auth, 'anonymous'>, string>
  headers['basic-scheme'] = `Basic ${Buffer.from('admin:admin').toString('base64')}`
  return headers
}

// ---------------------------------------------------------------------------------------------
// Sending
// ---------------------------------------------------------------------------------------------

export interface SenderOptions {
  readonly url: string
  readonly authorizations: Record<Exclude<Auth, 'anonymous'>, string>
  readonly concurrency: number
  /** Only so that a request the server never answers cannot hold the run: it is reported, not waited for. */
  readonly deadlineMs: number
}

export class Sender {
  readonly #options: SenderOptions
  readonly #agent: Agent
  readonly #target: URL

  constructor(options: SenderOptions) {
    this.#options = options
    this.#agent = new Agent({ keepAlive: true, maxSockets: options.concurrency })
    this.#target = new URL(options.url)
  }

  close(): void {
    this.#agent.destroy()
  }

  async send(request: FuzzRequest): Promise<Answer> {
    if (request.raw) return this.#raw(bytesOf(request.body ?? []))
    const first = await this.#http(request)
    // A keep-alive socket the server closed just as the request went out is the client's race, not an answer.
    if (first.failure === 'ECONNRESET on a reused socket') return this.#http(request)
    // A server may answer before it has read the whole body (413 for one past its limit) and close
    // the connection; Node's client then reports the failed write and drops the answer. A bare
    // socket reads the answer whatever happened to the write.
    if (first.failure?.startsWith('EPIPE') && request.body !== undefined) return this.#raw(this.#wire(request))
    return first
  }

  /** The request as it goes over the wire: what `#http` sends, for a bare socket. */
  #wire(request: FuzzRequest): Buffer {
    const { headers, body } = this.#parts(request)
    const given = new Set(Object.keys(headers).map((name) => name.toLowerCase()))
    const defaults = Object.entries({ host: this.#target.host, connection: 'close' }).filter(([name]) => !given.has(name))
    const head = [
      `${request.method} ${textOf(request.path)} HTTP/1.1`,
      ...[...defaults, ...Object.entries(headers)].map(([name, value]) => `${name}: ${value}`),
    ]
    return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), body ?? Buffer.alloc(0)])
  }

  #parts(request: FuzzRequest): { headers: Record<string, string>; body: Buffer | undefined } {
    const body = request.body === undefined ? undefined : bytesOf(request.body)
    const headers: Record<string, string> = Object.fromEntries(request.headers)
    if (request.auth !== 'anonymous') headers.authorization = this.#options.authorizations[request.auth]
    if (body !== undefined) headers['content-length'] = String(body.length)
    return { headers, body }
  }

  #http(request: FuzzRequest): Promise<Answer> {
    const { headers, body } = this.#parts(request)
    return new Promise((resolve) => {
      let settled = false
      const settle = (answer: Answer) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        resolve(answer)
      }
      const outgoing = httpRequest(
        {
          host: this.#target.hostname,
          port: this.#target.port,
          method: request.method,
          path: textOf(request.path),
          headers,
          agent: this.#agent,
        },
        (incoming) => {
          const chunks: Buffer[] = []
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
          incoming.on('end', () => settle({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) }))
          incoming.on('error', (error) =>
            settle({
              status: incoming.statusCode ?? 0,
              headers: incoming.headers,
              body: Buffer.concat(chunks),
              failure: `answer cut off: ${error.message}`,
            }),
          )
        },
      )
      const timer = setTimeout(() => {
        settle({ status: 0, headers: {}, body: Buffer.alloc(0), failure: `no answer within ${this.#options.deadlineMs} ms` })
        outgoing.destroy()
      }, this.#options.deadlineMs)
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        const reused = (outgoing as unknown as { reusedSocket?: boolean }).reusedSocket === true
        settle({
          status: 0,
          headers: {},
          body: Buffer.alloc(0),
          failure: error.code === 'ECONNRESET' && reused ? 'ECONNRESET on a reused socket' : `${error.code ?? 'error'}: ${error.message}`,
        })
      })
      outgoing.end(body)
    })
  }

  #raw(bytes: Buffer): Promise<Answer> {
    return new Promise((resolve) => {
      const socket = connect(Number(this.#target.port), this.#target.hostname)
      const chunks: Buffer[] = []
      let settled = false
      const settle = (failure?: string) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        socket.destroy()
        resolve(parseRawAnswer(Buffer.concat(chunks), failure))
      }
      const timer = setTimeout(() => settle(`no answer within ${this.#options.deadlineMs} ms`), this.#options.deadlineMs)
      socket.on('data', (chunk: Buffer) => chunks.push(chunk))
      socket.on('end', () => settle())
      socket.on('close', () => settle())
      socket.on('error', (error: NodeJS.ErrnoException) =>
        settle(chunks.length > 0 ? undefined : `${error.code ?? 'error'}: ${error.message}`),
      )
      socket.end(bytes)
    })
  }
}

/** The first final HTTP answer on a raw socket (past any 100 Continue): status, headers and body, de-chunked. */
function parseRawAnswer(bytes: Buffer, failure: string | undefined): Answer {
  while (/^HTTP\/\d\.\d 1\d\d /.test(bytes.subarray(0, 16).toString('latin1')) && bytes.indexOf('\r\n\r\n') >= 0)
    bytes = bytes.subarray(bytes.indexOf('\r\n\r\n') + 4)
  const end = bytes.indexOf('\r\n\r\n')
  const head = (end < 0 ? bytes : bytes.subarray(0, end)).toString('latin1')
  const status = /^HTTP\/\d\.\d (\d{3})/.exec(head)?.[1]
  if (status === undefined)
    return {
      status: 0,
      headers: {},
      body: Buffer.alloc(0),
      failure:
        failure ??
        (bytes.length === 0 ? 'connection closed without an answer' : `not an HTTP answer: ${JSON.stringify(head.slice(0, 80))}`),
    }
  const headers: IncomingHttpHeaders = {}
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  let body = end < 0 ? Buffer.alloc(0) : bytes.subarray(end + 4)
  if (String(headers['transfer-encoding']).toLowerCase() === 'chunked') body = dechunk(body)
  else if (headers['content-length'] !== undefined) body = body.subarray(0, Number(headers['content-length']))
  return { status: Number(status), headers, body }
}

function dechunk(bytes: Buffer): Buffer {
  const parts: Buffer[] = []
  let offset = 0
  while (offset < bytes.length) {
    const lineEnd = bytes.indexOf('\r\n', offset)
    if (lineEnd < 0) break
    const size = Number.parseInt(bytes.subarray(offset, lineEnd).toString('latin1'), 16)
    if (!Number.isFinite(size) || size === 0) break
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size))
    offset = lineEnd + 2 + size + 2
  }
  return Buffer.concat(parts)
}

// ---------------------------------------------------------------------------------------------
// The properties every answer must have
// ---------------------------------------------------------------------------------------------

export const properties = {
  answered: 'every request gets an answer',
  no5xx: 'no answer is a 5xx (503 only as an overload refusal, TRG_OVERLOADED)',
  refusalHasErrors: 'every refusal (4xx/5xx) is a JSON body with a non-empty errors list',
  jsonAnswer: 'every answer with a body is JSON',
  codes: 'every error has extensions.code and extensions.trgCode',
  catalogue: 'every trgCode is one of the catalogue',
  noInternal: 'no error is INTERNAL_SERVER_ERROR, whatever the status',
  tokens:
    'a malformed, forged, expired or otherwise hostile token never gets in: 401 TRG_UNAUTHENTICATED, unless the request was refused before its token was read (413, 414, 431)',
  writes: 'what a request writes is exactly what its answer acknowledges (a refusal writes nothing)',
  health: "/healthz answers 200 without stalling throughout (the bound is the test file's healthBoundMs)",
  alive: 'afterwards the service is alive, ready, caught up, and its log verifies',
  reached: 'most requests reach the service rather than its rate or overload refusals',
} as const

export type Property = keyof typeof properties

export interface Finding {
  readonly property: Property
  /** What kind of failure it is, without the details that differ from one request to the next. */
  readonly signature: string
}

interface ErrorObject {
  readonly message?: unknown
  readonly extensions?: { readonly code?: unknown; readonly trgCode?: unknown }
}

export interface Checked {
  readonly status: number
  readonly trgCodes: readonly string[]
  readonly findings: readonly Finding[]
  /** Events the answer says were written: new (not replayed) command events, seals, forced-rebuild records. */
  readonly acknowledged: number
  readonly acceptedEventTypes: readonly string[]
  readonly refusal?: 'rate' | 'overload'
}

const known = new Set(Object.keys(catalogue))

/** A message with its particulars (quoted values, numbers) taken out, to group alike failures. */
export function shapeOf(message: unknown): string {
  if (typeof message !== 'string') return typeof message
  return message
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/\d+/g, 'N')
    .slice(0, 60)
}

function parse(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) as unknown }
  } catch {
    return { ok: false }
  }
}

export function check(request: FuzzRequest, answer: Answer): Checked {
  const findings: Finding[] = []
  const find = (property: Property, signature: string) => findings.push({ property, signature })
  const { status } = answer
  if (answer.failure !== undefined) {
    find('answered', answer.failure.replace(/\d+/g, 'N'))
    return { status, trgCodes: [], findings, acknowledged: 0, acceptedEventTypes: [] }
  }
  const hasBody = request.method !== 'HEAD' && status !== 204 && status !== 304 && answer.body.length > 0
  const parsed = hasBody ? parse(answer.body) : { ok: true as const, value: undefined }
  const document =
    parsed.ok && typeof parsed.value === 'object' && parsed.value !== null
      ? (parsed.value as { data?: unknown; errors?: unknown })
      : undefined
  const errors: ErrorObject[] = Array.isArray(document?.errors) ? (document.errors as ErrorObject[]) : []
  const trgCodes = errors.map((error) => (typeof error?.extensions?.trgCode === 'string' ? error.extensions.trgCode : '(none)'))
  const codeOf = (error: ErrorObject | undefined) => (typeof error?.extensions?.code === 'string' ? error.extensions.code : '∅')
  const trgOf = (error: ErrorObject | undefined) => (typeof error?.extensions?.trgCode === 'string' ? error.extensions.trgCode : '∅')
  const first = errors[0]

  // A HEAD has no body to name TRG_OVERLOADED: its Retry-After says it is the overload refusal.
  const overloaded =
    errors.length > 0
      ? errors.every((error) => trgOf(error) === 'TRG_OVERLOADED')
      : request.method === 'HEAD' && answer.headers['retry-after'] !== undefined
  const refusal = status === 429 ? ('rate' as const) : status === 503 && overloaded ? ('overload' as const) : undefined
  if (status >= 500 && refusal === undefined) find('no5xx', `${status} ${codeOf(first)} ${trgOf(first)} «${shapeOf(first?.message)}»`)
  if (hasBody && !parsed.ok) find('jsonAnswer', `${status} ${String(answer.headers['content-type'] ?? 'no content-type')}`)
  if (status >= 400 && request.method !== 'HEAD' && (document === undefined || errors.length === 0)) {
    const shape =
      document === undefined
        ? hasBody
          ? 'a body that is not JSON'
          : 'no body'
        : `JSON with keys ${Object.keys(document).sort().join(',') || 'none'}`
    find('refusalHasErrors', `${status} ${shape}`)
  }
  for (const error of errors) {
    const code = codeOf(error)
    const trgCode = trgOf(error)
    if (code === '∅' || trgCode === '∅') find('codes', `${status} code=${code} trgCode=${trgCode} «${shapeOf(error?.message)}»`)
    if (trgCode !== '∅' && !known.has(trgCode)) find('catalogue', `${status} trgCode=${trgCode}`)
    if (code === 'INTERNAL_SERVER_ERROR') find('noInternal', `${status} ${trgCode} «${shapeOf(error?.message)}»`)
  }
  const unauthenticated =
    status === 401 && (request.method === 'HEAD' || (errors.length > 0 && errors.every((error) => trgOf(error) === 'TRG_UNAUTHENTICATED')))
  if (isHostileToken(request.auth) && refusal === undefined && !unauthenticated && ![413, 414, 431].includes(status)) {
    find('tokens', `${request.auth}: ${status} ${trgOf(first)}`)
  }

  let acknowledged = 0
  const acceptedEventTypes: string[] = []
  const data = document?.data
  if (typeof data === 'object' && data !== null) {
    for (const value of Object.values(data)) {
      if (typeof value !== 'object' || value === null) continue
      const payload = value as { eventTypes?: unknown; replayed?: unknown; sealed?: unknown; recordPosition?: unknown }
      if (Array.isArray(payload.eventTypes) && payload.replayed === false) {
        acknowledged += payload.eventTypes.length
        acceptedEventTypes.push(...payload.eventTypes.map(String))
      }
      if (payload.sealed === true) {
        acknowledged += 1
        acceptedEventTypes.push('seal')
      }
      // A forced rebuild that overrode something records it in the log.
      if (typeof payload.recordPosition === 'string') {
        acknowledged += 1
        acceptedEventTypes.push('forced rebuild record')
      }
    }
  }
  return { status, trgCodes, findings, acknowledged, acceptedEventTypes, ...(refusal && { refusal }) }
}

// ---------------------------------------------------------------------------------------------
// The /healthz poller, and the watchdog that ends a run the server has stopped answering
// ---------------------------------------------------------------------------------------------

/**
 * Runs in a worker thread so that its timing is not the main thread's: the server runs on the
 * main thread, and a poller there would be late whenever the server is, and measure nothing.
 * Plain JavaScript, evaluated as it is, so the worker needs no TypeScript loader.
 */
const pollerSource = `
const { parentPort, workerData } = require('node:worker_threads')
const http = require('node:http')
const fs = require('node:fs')
const { url, intervalMs, stallMs, inflight, header } = workerData
const slots = new Int32Array(inflight)
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
const latencies = []
const failures = []
const slowInFlight = []
let descriptions = []
let pending = null
let stopping = false
function probe() {
  if (pending !== null || stopping) return
  const started = performance.now()
  const inFlightAtStart = Array.from(slots).filter((slot) => slot > 0)
  pending = { started }
  let done = false
  const finish = (status, problem) => {
    if (done) return
    done = true
    const ms = performance.now() - started
    latencies.push(ms)
    if (ms > workerData.boundMs) slowInFlight.push([...new Set([...inFlightAtStart, ...Array.from(slots).filter((slot) => slot > 0)])].map((slot) => slot - 1))
    if (status !== 200) failures.push(problem ?? ('status ' + status))
    pending = null
  }
  const outgoing = http.get(url + '/healthz', { agent }, (incoming) => {
    incoming.resume()
    incoming.on('end', () => finish(incoming.statusCode))
    incoming.on('error', (error) => finish(0, error.message))
  })
  outgoing.on('error', (error) => finish(0, error.message))
}
function watchdog() {
  if (pending === null || performance.now() - pending.started < stallMs) return
  const inFlight = Array.from(slots).filter((slot) => slot > 0).map((slot) => descriptions[slot - 1] ?? ('request ' + (slot - 1)))
  const worst = latencies.reduce((a, b) => Math.max(a, b), 0)
  fs.writeSync(2, '\\n# ' + header + '\\n# /healthz has had no answer for ' + stallMs + ' ms (worst answered so far: ' + Math.round(worst) + ' ms): the service is stuck, and the run is ended here.\\n# The requests in flight then:\\n' + inFlight.join('\\n# ----\\n') + '\\n')
  process.kill(process.pid, 'SIGKILL')
}
const timer = setInterval(() => { watchdog(); probe() }, intervalMs)
parentPort.on('message', (message) => {
  if (message.descriptions) descriptions = message.descriptions
  if (message.stop) {
    stopping = true
    const wait = setInterval(() => {
      watchdog()
      if (pending !== null) return
      clearInterval(wait)
      clearInterval(timer)
      agent.destroy()
      parentPort.postMessage({ latencies, failures, slowInFlight })
    }, 5)
  }
})
`

export interface HealthReport {
  readonly latencies: readonly number[]
  readonly failures: readonly string[]
  /** For each answer over the bound, the (0-based) requests in flight while it was awaited. */
  readonly slowInFlight: ReadonlyArray<readonly number[]>
}

export interface Poller {
  /** Slots the sender marks with the 1-based index of the request it has in flight. */
  readonly inflight: Int32Array
  describe(descriptions: readonly string[]): void
  stop(): Promise<HealthReport>
  /** Ends the worker without a report, when the run ends early. */
  terminate(): Promise<void>
}

export function startPoller(options: {
  url: string
  intervalMs: number
  boundMs: number
  stallMs: number
  slots: number
  header: string
}): Poller {
  const shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * options.slots)
  const worker = new Worker(pollerSource, {
    eval: true,
    workerData: {
      url: options.url,
      intervalMs: options.intervalMs,
      boundMs: options.boundMs,
      stallMs: options.stallMs,
      inflight: shared,
      header: options.header,
    },
  })
  worker.unref()
  return {
    inflight: new Int32Array(shared),
    describe: (descriptions) => worker.postMessage({ descriptions }),
    stop: () =>
      new Promise((resolve, reject) => {
        worker.once('message', (report: HealthReport) => {
          void worker.terminate()
          resolve(report)
        })
        worker.once('error', reject)
        worker.postMessage({ stop: true })
      }),
    terminate: async () => {
      await worker.terminate()
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Tallies
// ---------------------------------------------------------------------------------------------

export interface Example {
  readonly id: string
  readonly request: FuzzRequest
  readonly status: number
}

export interface FailureClass {
  readonly property: Property
  readonly signature: string
  count: number
  ids: string[]
  /** The smallest request that failed so; none for a failure of the run as a whole. */
  smallest?: Example
  /** A few more, of other generators where there are: the same failure reached another way. */
  others: Example[]
  labels: Map<string, number>
}

export class Tally {
  readonly byStatus = new Map<string, number>()
  readonly byTrgCode = new Map<string, number>()
  readonly byLabel = new Map<string, number>()
  /** The first error code of each answer, by family: what each generator mostly ran into. */
  readonly outcomesByFamily = new Map<string, Map<string, number>>()
  readonly accepted = new Map<string, number>()
  readonly classes = new Map<string, FailureClass>()
  refusedByRate = 0
  refusedByOverload = 0
  acceptedRequests = 0

  record(id: string, request: FuzzRequest, checked: Checked): void {
    const family = request.label.split(':')[0]!
    bump(this.byStatus, checked.status === 0 ? 'no answer' : String(checked.status))
    for (const code of checked.trgCodes) bump(this.byTrgCode, code)
    bump(this.byLabel, family)
    const outcomes = this.outcomesByFamily.get(family) ?? new Map<string, number>()
    this.outcomesByFamily.set(family, outcomes)
    bump(outcomes, checked.acceptedEventTypes.length > 0 ? 'wrote' : (checked.trgCodes[0] ?? String(checked.status)))
    if (checked.refusal === 'rate') this.refusedByRate++
    if (checked.refusal === 'overload') this.refusedByOverload++
    if (checked.acceptedEventTypes.length > 0) {
      this.acceptedRequests++
      for (const type of checked.acceptedEventTypes) bump(this.accepted, type)
    }
    for (const finding of checked.findings) this.fail(finding, { id, request, status: checked.status })
  }

  fail(finding: Finding, example?: Example): void {
    const key = `${finding.property}\u0000${finding.signature}`
    const known = this.classes.get(key)
    if (known === undefined) {
      this.classes.set(key, {
        ...finding,
        count: 1,
        ids: example ? [example.id] : [],
        ...(example && { smallest: example }),
        others: [],
        labels: new Map(example ? [[example.request.label, 1]] : []),
      })
      return
    }
    known.count++
    if (example === undefined) return
    if (known.ids.length < 8) known.ids.push(example.id)
    if (!known.labels.has(example.request.label) && known.others.length < 3) known.others.push(example)
    bump(known.labels, example.request.label)
    if (known.smallest === undefined || sizeOf(example.request) < sizeOf(known.smallest.request)) known.smallest = example
  }
}

export function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by)
}

export function describe(id: string, request: FuzzRequest): string {
  return `# ${id} ${request.label}\n${showRequest(request)
    .split('\n')
    .map((line) => `#   ${line}`)
    .join('\n')}`
}
