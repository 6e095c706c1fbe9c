import { catalogue, type ErrorCategory, type ErrorDetails, type TreguesiErrorCode } from './catalogue.js'
import type { Language } from './language.js'
import { messagesSq } from './messages-sq.js'

/**
 * The one error type Treguesi raises on purpose. The code is stable, the details are typed
 * per code, and the message is derived from the details so the two never disagree. `message`
 * is English, as logs and the CLI read it; messageIn gives it in the language a client asked for.
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

/** The error's message in `language`: English is its own message, Albanian is built from the same details. */
export function messageIn<C extends TreguesiErrorCode>(error: TreguesiError<C>, language: Language): string {
  return language === 'en' ? error.message : messagesSq[error.code](error.details)
}
