/**
 * Saves checkpoints of the log at argv[2] into the directory argv[3] over and over, one map entry
 * per part and a millisecond between parts so each save lasts, printing "writing" once the first save is under way:
 * a process to kill -9 in the middle of a write.
 */
import { readdirSync } from 'node:fs'
import { setTimeout } from 'node:timers/promises'
import { openDomainStore } from '@treguesi/commands'
import type { RecordedEvent } from '@treguesi/event-store'
import { Checkpoints, emptyReadModels, foldReadModels } from '../../src/index.js'

const [path, directory] = process.argv.slice(2) as [string, string]
const store = await openDomainStore({ store: 'sqlite', path, sync: 'normal' })
const events: RecordedEvent[] = []
for await (const event of store.readAll()) events.push(event)
const models = foldReadModels(emptyReadModels(), events)
// A millisecond between parts: each save takes long enough to be killed in the middle of.
const checkpoints = new Checkpoints(directory, { entriesPerPart: 1, turn: () => setTimeout(1) })
let told = false
const tell = setInterval(() => {
  if (!told && readdirSync(directory).some((name) => name.endsWith('.tmp'))) {
    told = true
    process.stdout.write('writing\n')
  }
}, 5)
tell.unref()
for (;;) await checkpoints.save(models, store)
