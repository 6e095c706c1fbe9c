export {
  canonicalJson,
  chainKey,
  chainOf,
  eventHash,
  rollingHash,
  sha256Hex,
  withoutChain,
  type ChainLink,
  type ChainedFields,
  type RollingEntry,
} from './hashing.js'
export { chainedEventStore, type ChainedAppendOptions, type ChainOptions } from './chained-event-store.js'
export {
  sealEventType,
  sealLog,
  sealOf,
  sealStream,
  type Seal,
  type SealData,
  type SealOptions,
  type SealOutcome,
} from './seal.js'
export { formatHead, parseHead, verifyLog, type LogHead, type VerifyOptions, type VerifyResult } from './verify.js'
export { logHeads, type LogHeads } from './log-head.js'
export {
  exportLog,
  importLog,
  type ExportLine,
  type ExportOptions,
  type ImportOptions,
  type ImportResult,
} from './ndjson.js'
export { canonicalHash, canonicalValue } from './read-model-hash.js'
