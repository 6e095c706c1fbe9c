export { TreguesiError, isTreguesiError } from './treguesi-error.js'
export type { ErrorCategory, TreguesiErrorCode, ErrorDetails } from './catalogue.js'
export { catalogue } from './catalogue.js'
