import { openDomainStore } from '@treguesi/commands'
import { loadStoreConfig } from '@treguesi/event-store'
import { checkpointDirectory, Checkpoints, emptyReadModels, foldLog, readModelHashes, type ReadModelName } from '@treguesi/read-models'
import { defaultDbPath, type CliIo } from '../context.js'

/** What `verify` found of the read models' newest checkpoint. */
export type CheckpointCheck =
  /** The store has no checkpoint directory (an EventStoreDB log without TREGUESI_CHECKPOINT_DIR). */
  | { readonly status: 'off' }
  | { readonly status: 'none'; readonly directory: string }
  /** The service would refuse it too, and fold the whole log instead: reported, not a failure. */
  | { readonly status: 'rejected'; readonly directory: string; readonly reason: string }
  | {
      readonly status: 'equal' | 'differs'
      readonly directory: string
      readonly position: bigint
      /** The read models whose saved state is not the full fold's, in `readModelNames` order. */
      readonly differing: readonly ReadModelName[]
    }

/**
 * Loads the newest checkpoint exactly as the service would and compares it with a full fold of
 * the log, as the service reads it, up to the checkpoint's position.
 */
export async function checkCheckpoint(io: CliIo): Promise<CheckpointCheck> {
  const config = loadStoreConfig(io.env, { dbPath: defaultDbPath })
  const directory = checkpointDirectory(config, io.env.TREGUESI_CHECKPOINT_DIR)
  if (directory === null) return { status: 'off' }
  const store = await openDomainStore(config)
  try {
    const loaded = await new Checkpoints(directory).load(store)
    if (loaded.kind === 'none') return { status: 'none', directory }
    if (loaded.kind === 'rejected') return { status: 'rejected', directory, reason: loaded.reason }
    const position = loaded.models.position!
    // The checkpoint was loaded, so the log holds an event at its position.
    const { models: folded } = await foldLog(emptyReadModels(), store.readAll(), { until: position })
    const full = readModelHashes(folded)
    const differing = readModelHashes(loaded.models)
      .filter((saved, index) => saved.hash !== full[index]!.hash)
      .map(({ name }) => name)
    return { status: differing.length === 0 ? 'equal' : 'differs', directory, position, differing }
  } finally {
    await store.close()
  }
}
