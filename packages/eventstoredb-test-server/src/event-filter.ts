import type { LoggedEvent } from './event-log.js'
import type { ReadReq } from './protocol.js'
import { RequestError } from './request-error.js'

type FilterOptions = ReadReq.Options.FilterOptions
type Expression = ReadReq.Options.FilterOptions.Expression

export interface EventFilter {
  matches(event: LoggedEvent): boolean
  /** A filtered subscription reports its progress after this many events examined, matching or not. */
  readonly checkpointInterval: number
}

// The server's search window when the client leaves it to the server (`count`).
const DEFAULT_MAX_SEARCH_WINDOW = 32

/** As the server decides: a non-empty regex wins, otherwise any of the prefixes. */
function expressionTest(expression: Expression): (value: string) => boolean {
  const regex = expression.getRegex()
  if (regex === '') {
    const prefixes = expression.getPrefixList()
    return (value) => prefixes.some((prefix) => value.startsWith(prefix))
  }
  try {
    const pattern = new RegExp(regex)
    return (value) => pattern.test(value)
  } catch (error) {
    throw new RequestError(`the filter's regex is invalid: ${(error as Error).message}`)
  }
}

export function eventFilter(options: FilterOptions): EventFilter {
  const window = options.hasMax() ? options.getMax() : DEFAULT_MAX_SEARCH_WINDOW
  const checkpointInterval = Math.max(1, window * options.getCheckpointintervalmultiplier())
  const onStream = options.getStreamIdentifier()
  if (onStream) {
    const test = expressionTest(onStream)
    return { matches: (event) => test(event.stream), checkpointInterval }
  }
  const onType = options.getEventType()
  if (onType) {
    const test = expressionTest(onType)
    return { matches: (event) => test(event.type), checkpointInterval }
  }
  throw new RequestError('a filter needs a stream identifier or an event type expression')
}
