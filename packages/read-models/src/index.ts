export { emptyReadModels, foldReadModels, readModelNames, type ReadModelName, type ReadModels } from './read-models.js'
export { readModelHashes, type ReadModelHash } from './hashes.js'
export { LiveReadModels, type CatchUpProgress, type PendingRebuild, type RebuildComparison } from './live-read-models.js'
export { AsOfReadModels, defaultCacheSize, defaultCheckpointEvery, type AsOfOptions } from './as-of.js'
