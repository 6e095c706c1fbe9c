/**
 * The contract suite against a real EventStoreDB: `npm run test:eventstoredb` with
 * EVENTSTORE_CONNECTION_STRING set (infra/eventstoredb/compose.yaml starts a server). Not part of
 * `npm test`, which has no server to reach.
 */
import t from 'tap'
import { eventStoreContract } from '@treguesi/event-store/contract'
import { sharedServer } from './eventstoredb-fixtures.js'

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING
if (!connectionString) {
  throw new Error('Set EVENTSTORE_CONNECTION_STRING, e.g. esdb://localhost:2113?tls=false, to run against a real server')
}
eventStoreContract(t, sharedServer('eventstoredb real server', connectionString, Number(process.env.TREGUESI_CRASH_CYCLES ?? 10)))
