import t from 'tap'
import { startEventStoreDbTestServer } from '@treguesi/eventstoredb-test-server'
import { streams, streamsGrpc } from '../src/protocol.js'
import { appendEvents, collect, connect, rawStreams, startServer } from './support.js'

t.test('by default it listens on an ephemeral port of 127.0.0.1 without TLS', async (t) => {
  const server = await startServer(t)
  t.ok(server.port > 0)
  t.equal(server.connectionString, `esdb://127.0.0.1:${server.port}?tls=false`)
})

t.test('it listens where it is told', async (t) => {
  const probe = await startEventStoreDbTestServer()
  const port = probe.port
  await probe.close()
  const server = await startServer(t, { host: 'localhost', port })
  t.equal(server.port, port)
  t.equal(server.connectionString, `esdb://localhost:${port}?tls=false`)
  const client = connect(t, server)
  await appendEvents(client, 'here', 1)
  t.equal((await collect(client.readAll())).length, 1)
})

t.test('a port already in use fails the start', async (t) => {
  const server = await startServer(t)
  await t.rejects(startEventStoreDbTestServer({ port: server.port }))
})

t.test('each server has its own log', async (t) => {
  const one = connect(t, await startServer(t))
  const other = connect(t, await startServer(t))
  await appendEvents(one, 'mine', 2)
  t.equal((await collect(one.readAll())).length, 2)
  t.equal((await collect(other.readAll())).length, 0)
})

t.test('close does not wait forever on a call still being received', async (t) => {
  const server = await startServer(t)
  const raw = rawStreams(t, server)
  // Read is server-streaming: its handler runs only once the request message has come, which a
  // client that never sends it leaves pending, holding a graceful shutdown open.
  const stuck = raw.makeClientStreamRequest(
    streamsGrpc.StreamsService.read.path,
    (request: InstanceType<typeof streams.ReadReq>) => Buffer.from(request.serializeBinary()),
    (bytes: Buffer) => streams.ReadResp.deserializeBinary(bytes),
    () => {},
  )
  const ended = new Promise<[unknown, number]>((resolve) => stuck.on('status', (status) => resolve([status, Date.now()])))
  await new Promise((resolve) => setTimeout(resolve, 50))
  const started = Date.now()
  await server.close()
  t.ok(Date.now() - started < 100, 'close itself does not wait')
  const [status, endedAt] = await ended
  t.match(status, { code: 1 }, 'the pending call is dropped')
  t.ok(endedAt - started >= 400, `after the grace period (${endedAt - started} ms)`)
})
