/**
 * A writer in its own process, for the contract suite's crash and parallel-writer tests.
 * It opens the store named by the environment (TREGUESI_STORE, TREGUESI_DB_PATH,
 * EVENTSTORE_CONNECTION_STRING) and appends one event at a time to its streams, each with an
 * exact expected revision, printing `ack <stream> <revision> <position> <eventId>` only after the
 * store acknowledged the append. The parent believes nothing that was not printed.
 *
 * WRITER_STREAMS: comma-separated streams to cycle through; WRITER_COUNT: appends to make
 * (0: until killed). Both are required.
 */
import { randomUUID } from 'node:crypto'
import { loadStoreConfig } from '../config.js'
import { openEventStore } from '../open-event-store.js'
import type { EventStore } from '../port.js'

async function currentRevision(store: EventStore, stream: string): Promise<bigint | 'no_stream'> {
  for await (const event of store.readStream(stream, { direction: 'backwards', maxCount: 1 })) return event.revision
  return 'no_stream'
}

// The parent holds our stdin open; when it goes away, for whatever reason, so do we.
process.stdin.on('end', () => process.exit(0)).resume()

const streams = process.env.WRITER_STREAMS!.split(',')
const count = Number(process.env.WRITER_COUNT)
const store = await openEventStore(loadStoreConfig(process.env))
const expected = new Map<string, bigint | 'no_stream'>()
for (const stream of streams) expected.set(stream, await currentRevision(store, stream))

for (let i = 0; count === 0 || i < count; i++) {
  const stream = streams[i % streams.length]!
  const id = randomUUID()
  const result = await store.append(stream, [{ id, type: 'crash-test.appended', data: { i, writer: process.pid } }], {
    expectedRevision: expected.get(stream)!,
  })
  expected.set(stream, result.nextExpectedRevision)
  // Writes to a pipe are asynchronous: wait until this ack has left the process before the next
  // append, so a kill loses at most the one append whose ack was not yet written.
  await new Promise((resolve) => process.stdout.write(`ack ${stream} ${result.nextExpectedRevision} ${result.position} ${id}\n`, resolve))
}
await store.close()
// stdin is still open (see above) and would keep the process alive.
process.exit(0)
