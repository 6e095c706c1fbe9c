export {
  emptyReadModels,
  foldLog,
  foldReadModels,
  readModelNames,
  type FoldedLog,
  type FoldLogOptions,
  type ReadModelName,
  type ReadModels,
} from './read-models.js'
export { readModelHashes, type ReadModelHash } from './hashes.js'
export {
  defaultCheckpointEvery,
  LiveReadModels,
  type CatchUpProgress,
  type CheckpointReport,
  type LiveReadModelsOptions,
  type PendingRebuild,
  type RebuildComparison,
} from './live-read-models.js'
export { Checkpoints, type CheckpointLoad, type CheckpointSaved } from './checkpoints/checkpoints.js'
export { AsOfReadModels, defaultCacheSize, defaultCheckpointEvery as defaultAsOfCheckpointEvery, type AsOfOptions } from './as-of.js'
export { checkpointDirectory } from './checkpoints/checkpoint-directory.js'
