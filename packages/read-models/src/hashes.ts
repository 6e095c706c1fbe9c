import { canonicalHash } from '@treguesi/audit'
import { readModelNames, type ReadModelName, type ReadModels } from './read-models.js'

export interface ReadModelHash {
  readonly name: ReadModelName
  /** The newest event the read model reflects; null before the first. */
  readonly position: bigint | null
  /** SHA-256 of the state's canonical JSON: equal for equal states wherever they were built. */
  readonly hash: string
}

// Hashing a large state costs a full walk of it; a snapshot never changes, so once is enough.
const hashCache = new WeakMap<object, string>()

/** The canonical hash of each read model, in `readModelNames` order. */
export function readModelHashes(models: ReadModels): ReadModelHash[] {
  return readModelNames.map((name) => {
    const model = models[name]
    let hash = hashCache.get(model)
    if (hash === undefined) {
      hash = canonicalHash(model.state)
      hashCache.set(model, hash)
    }
    return { name, position: model.position, hash }
  })
}
