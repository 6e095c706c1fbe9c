/**
 * The service's demo seed load in a process of its own, to be killed part-way: it opens the store
 * the environment names as the service does and runs the same seed step (completeSeeds), printing
 * `appended <n>` once the store has acknowledged its n-th append. With SEED_PAUSE_AFTER=<n> it
 * stops after the n-th append and waits there to be killed, so the parent knows exactly how far
 * the load got; without it, it is killed wherever it happens to be.
 */
import { openDomainStore } from '@treguesi/commands'
import type { EventStore } from '@treguesi/event-store'
import { loadStoreConfig } from '@treguesi/event-store'
import { completeSeeds, seeds } from '@treguesi/seeds'

// The parent holds our stdin open; when it goes away, for whatever reason, so do we.
process.stdin.on('end', () => process.exit(0)).resume()

const pauseAfter = Number(process.env.SEED_PAUSE_AFTER ?? 0)
const store = await openDomainStore(loadStoreConfig(process.env))
let appended = 0
const reporting: EventStore = {
  ...store,
  async append(stream, events, options) {
    const result = await store.append(stream, events, options)
    appended += 1
    // Written before the next append, so a kill loses at most the append whose line is not out.
    await new Promise((resolve) => process.stdout.write(`appended ${appended}\n`, resolve))
    // Held open by stdin, the process waits here until it is killed.
    if (appended === pauseAfter) await new Promise(() => {})
    return result
  },
}
await completeSeeds(reporting, seeds)
await store.close()
process.stdout.write('done\n')
process.exit(0)
