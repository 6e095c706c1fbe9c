/** What Append and BatchAppend answers share: a success's revision and position. */
import type { WriteResult } from './event-log.js'

/** The success fields both answers have; each has its own message classes for them. */
interface SuccessMessage<Empty, Position> {
  setNoStream(empty: Empty): unknown
  setNoPosition(empty: Empty): unknown
  setCurrentRevision(revision: string): unknown
  setPosition(position: Position): unknown
}

interface PositionMessage {
  setCommitPosition(position: string): unknown
  setPreparePosition(position: string): unknown
}

/**
 * Fills a success from the last event written; an append of no events to a stream that has none
 * reports neither revision nor position. The log keeps one position, so commit and prepare agree.
 */
export function fillSuccess<Message extends SuccessMessage<Empty, Position>, Empty, Position extends PositionMessage>(
  success: Message,
  lastEvent: WriteResult['lastEvent'],
  messages: { readonly empty: () => Empty; readonly position: () => Position },
): Message {
  if (lastEvent === undefined) {
    success.setNoStream(messages.empty())
    success.setNoPosition(messages.empty())
    return success
  }
  const position = String(lastEvent.position)
  success.setCurrentRevision(String(lastEvent.revision))
  const at = messages.position()
  at.setCommitPosition(position)
  at.setPreparePosition(position)
  success.setPosition(at)
  return success
}
