import t from 'tap'
import { eventStoreContract } from '@treguesi/event-store/contract'
import { startEventStoreDbTestServer } from '@treguesi/eventstoredb-test-server'
import { serverPerStorage, sharedServer } from './eventstoredb-fixtures.js'

// The adapter's real client over real gRPC against the in-process protocol server, in both of
// the client's append paths: BatchAppend (servers 21.10+) and the older Append call.
const crashCycles = Number(process.env.TREGUESI_CRASH_CYCLES ?? 10)

eventStoreContract(
  t,
  serverPerStorage(
    'eventstoredb test server (batch append)',
    (clock) => startEventStoreDbTestServer({ clock, features: 'current' }),
    crashCycles,
  ),
)

const legacy = await startEventStoreDbTestServer({ features: 'legacy' })
t.teardown(() => legacy.close())
eventStoreContract(t, sharedServer('eventstoredb test server (append, shared log)', legacy.connectionString, crashCycles))
