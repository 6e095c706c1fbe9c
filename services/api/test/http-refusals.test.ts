import { connect } from 'node:net'
import t from 'tap'
import { startService } from './support/service.js'

/** Sends raw bytes and reads the whole answer: requests fetch would refuse to send. */
function raw(url: string, request: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request))
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (text += chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve({ status: Number(text.split(' ')[1]), body: text.slice(text.indexOf('\r\n\r\n') + 4) }))
  })
}

t.test('what no route answers is refused with its codes', async (t) => {
  const service = await startService(t, { seed: false })
  const head = await service.store.headPosition()

  const options = await fetch(`${service.url}/graphql`, { method: 'OPTIONS' })
  t.equal(options.status, 404)
  t.match(await options.json(), {
    errors: [{ extensions: { code: 'NOT_FOUND', trgCode: 'TRG_NOT_FOUND', details: { entity: 'route', id: 'OPTIONS /graphql' } } }],
  })
  const elsewhere = await fetch(`${service.url}/nowhere?x=1`)
  t.equal(elsewhere.status, 404)
  t.match(await elsewhere.json(), { errors: [{ extensions: { details: { id: 'GET /nowhere' } } }] })

  const badUrl = await raw(service.url, 'GET /%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
  t.equal(badUrl.status, 400)
  t.match(JSON.parse(badUrl.body), { errors: [{ extensions: { code: 'BAD_REQUEST', trgCode: 'TRG_BAD_REQUEST' } }] })

  const noHost = await raw(
    service.url,
    `GET /graphql?query=${encodeURIComponent('{ commandTypes }')} HTTP/1.1\r\nAccept-Language: en\r\nConnection: close\r\n\r\n`,
  )
  t.equal(noHost.status, 400)
  t.match(JSON.parse(noHost.body), { errors: [{ message: /must name its Host/, extensions: { trgCode: 'TRG_BAD_REQUEST' } }] })
  // HTTP/1.0 has no Host header to require.
  const older = await raw(service.url, `GET /healthz HTTP/1.0\r\n\r\n`)
  t.equal(older.status, 200)
  t.equal(await service.store.headPosition(), head, 'nothing was written')
})

t.test('a route that fails unexpectedly answers 500 with no internals', async (t) => {
  const service = await startService(t, {
    seed: false,
    beforeListen: (app) => app.get('/failing', async () => Promise.reject(new Error('disk on fire'))),
  })
  const failing = await fetch(`${service.url}/failing`, { headers: { 'accept-language': 'en' } })
  t.equal(failing.status, 500)
  t.same(await failing.json(), { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })
})
