import { catalogue, type ErrorCategory, type ErrorDetails, type TreguesiErrorCode } from './catalogue.js'

/**
 * The one error type Treguesi raises on purpose. The code is stable, the details are typed
 * per code, and the message is derived from the details so the two never disagree.
 */
export class TreguesiError<C extends TreguesiErrorCode = TreguesiErrorCode> extends Error {
  readonly code: C
  readonly category: ErrorCategory
  readonly details: ErrorDetails[C]

  constructor(code: C, details: ErrorDetails[C], options?: { cause?: unknown }) {
    super(catalogue[code].message(details), options)
    this.name = 'TreguesiError'
    this.code = code
    this.category = catalogue[code].category
    this.details = details
  }
}

/** Narrows to a TreguesiError, and to one code when given, so `details` is typed. */
export function isTreguesiError<C extends TreguesiErrorCode>(error: unknown, code?: C): error is TreguesiError<C> {
  return error instanceof TreguesiError && (code === undefined || error.code === code)
}
