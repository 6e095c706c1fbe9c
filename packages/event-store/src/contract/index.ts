/**
 * The event store contract: every adapter runs this suite against its own storage. It is the
 * executable definition of the port's semantics (see ../port.ts).
 */
import type { Test } from 'tap'
import { appendContract } from './append-contract.js'
import { concurrencyContract } from './concurrency-contract.js'
import { durabilityContract } from './durability-contract.js'
import type { ContractFixture } from './fixture.js'
import { readContract } from './read-contract.js'
import { subscribeContract } from './subscribe-contract.js'

export { inMemoryFixture, type ContractFixture, type StorageUnderTest } from './fixture.js'
export { collect, events, newEvent, steppingClock, streamName } from './support.js'
export { SubscriptionRecorder } from './subscribe-contract.js'
export { auditLog } from './durability-contract.js'
export { logAfter } from './log-view.js'
export { openInTempDir } from './temp-store.js'
export { startWriter, type Ack, type RunningWriter } from './writer-processes.js'

export function eventStoreContract(t: Test, fixture: ContractFixture): void {
  t.test(`${fixture.name}: append`, async (t) => appendContract(t, fixture))
  t.test(`${fixture.name}: read`, async (t) => readContract(t, fixture))
  t.test(`${fixture.name}: subscribe`, async (t) => subscribeContract(t, fixture))
  t.test(`${fixture.name}: concurrency`, async (t) => concurrencyContract(t, fixture))
  t.test(`${fixture.name}: durability`, async (t) => durabilityContract(t, fixture))
}
