import { connect, type Socket } from 'node:net'
import t from 'tap'
import { startService, type TestService } from './support/service.js'

/** A raw connection to the service, and everything it answers until the server closes it. */
interface RawConnection {
  readonly socket: Socket
  /** Resolves with what the server sent, once the connection is closed. */
  readonly closed: Promise<string>
}

async function open(service: TestService): Promise<RawConnection> {
  const { port } = new URL(service.url)
  const socket = connect(Number(port), '127.0.0.1')
  let received = ''
  socket.setEncoding('utf8')
  socket.on('data', (chunk: string) => (received += chunk))
  // A reset is also a close: what matters is that the server ended the connection.
  socket.on('error', () => {})
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(received)))
  await new Promise<void>((resolve) => socket.once('connect', resolve))
  return { socket, closed }
}

/** Writes `parts` one after another, `everyMs` apart, for as long as the connection is open. */
function dribble(connection: RawConnection, parts: string[], everyMs: number): void {
  const timer = setInterval(() => {
    const part = parts.shift()
    if (part === undefined || connection.socket.destroyed) clearInterval(timer)
    else connection.socket.write(part)
  }, everyMs)
  void connection.closed.then(() => clearInterval(timer))
}

const bodyOf = (response: string) => JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4))

const slow = { http: { requestTimeoutMs: 1000, headersTimeoutMs: 500 } }

t.test('a client sending its body a byte at a time is cut off when the request timeout passes, with 408', async (t) => {
  const service = await startService(t, { seed: false, protection: slow })
  const connection = await open(service)
  const body = JSON.stringify({ query: '{ commandTypes }' })
  connection.socket.write(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`)
  const bytes = body.split('')
  dribble(connection, bytes, 100)
  const response = await connection.closed
  t.ok(bytes.length > 0, 'cut off before the body was all sent')
  t.match(response, /^HTTP\/1\.1 408 Request Timeout\r\n/)
  t.match(bodyOf(response), {
    errors: [
      {
        message: /did not arrive in time/,
        extensions: { code: String, trgCode: 'TRG_BAD_REQUEST', details: { problem: /within 1000 ms/ } },
      },
    ],
  })
})

t.test('a client sending its headers a line at a time is cut off when the headers timeout passes', async (t) => {
  const service = await startService(t, { seed: false, protection: slow })
  const connection = await open(service)
  connection.socket.write('GET /healthz HTTP/1.1\r\n')
  const lines = Array.from({ length: 100 }, (_, index) => `X-Line-${index}: ${index}\r\n`)
  dribble(connection, lines, 100)
  const response = await connection.closed
  t.ok(lines.length > 0, 'cut off before the headers were all sent')
  t.match(response, /^HTTP\/1\.1 408 /)
  t.match(bodyOf(response), { errors: [{ extensions: { trgCode: 'TRG_BAD_REQUEST', details: { problem: /headers within 500 ms/ } } }] })
})

t.test('a connection on which nothing moves is closed after the connection timeout', async (t) => {
  // Generous request timeouts: only the silence can end this one.
  const service = await startService(t, {
    seed: false,
    protection: { http: { connectionTimeoutMs: 300, requestTimeoutMs: 60_000, headersTimeoutMs: 60_000 } },
  })
  const connection = await open(service)
  connection.socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query"')
  t.equal(await connection.closed, '', 'closed without an answer: there is nobody listening')
})

t.test('an idle keep-alive connection is closed after the keep-alive timeout', async (t) => {
  const service = await startService(t, { seed: false, protection: { http: { keepAliveTimeoutMs: 300 } } })
  const connection = await open(service)
  connection.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n')
  const response = await connection.closed
  t.match(response, /^HTTP\/1\.1 200 OK\r\n/)
  t.match(response, /keep-alive/i, 'the connection was kept open for another request, then closed')
})

t.test('headers that are too large, or a request that is not HTTP, are refused like every other request', async (t) => {
  const service = await startService(t, { seed: false })
  const large = await open(service)
  large.socket.write(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Large: ${'x'.repeat(20_000)}\r\n\r\n`)
  const tooLarge = await large.closed
  t.match(tooLarge, /^HTTP\/1\.1 431 /)
  t.match(bodyOf(tooLarge), {
    errors: [{ extensions: { trgCode: 'TRG_BAD_REQUEST', details: { problem: 'the request headers are too large' } } }],
  })

  const garbage = await open(service)
  garbage.socket.write('HELLO THERE\r\n\r\n')
  const notHttp = await garbage.closed
  t.match(notHttp, /^HTTP\/1\.1 400 /)
  t.match(bodyOf(notHttp), { errors: [{ extensions: { trgCode: 'TRG_BAD_REQUEST', details: { problem: /not valid HTTP \(HPE_/ } } }] })

  // A client that resets its connection half-way through is not answered, and nothing breaks.
  const reset = await open(service)
  reset.socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{')
  await new Promise((resolve) => setTimeout(resolve, 50))
  reset.socket.resetAndDestroy()
  await reset.closed
  const health = await fetch(`${service.url}/healthz`)
  t.equal(health.status, 200)
})

t.test('a body over the limit is refused with 413', async (t) => {
  const service = await startService(t, { seed: false, protection: { http: { bodyLimitBytes: 1024 } } })
  const small = await service.graphql('{ commandTypes }')
  t.equal(small.status, 200)
  const response = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ commandTypes } # ${'x'.repeat(2000)}` }),
  })
  t.equal(response.status, 413)
  t.match(await response.json(), { errors: [{ message: /body/i, extensions: { code: 'BAD_REQUEST' } }] })
})

t.test('past the connection cap a new connection is closed at once; a place freed is a place taken', async (t) => {
  const service = await startService(t, { seed: false, protection: { http: { maxConnections: 2 } } })
  const first = await open(service)
  const second = await open(service)
  const third = await open(service)
  third.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n')
  t.equal(await third.closed, '', 'the third connection was closed without an answer')

  first.socket.destroy()
  await first.closed
  // The server counts the connection closed once it has seen it close: wait for that.
  while (
    (await new Promise<number>((resolve, reject) =>
      service.app.server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
    )) > 1
  ) {
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  const fourth = await open(service)
  fourth.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
  t.match(await fourth.closed, /^HTTP\/1\.1 200 OK/)
  second.socket.destroy()
})
