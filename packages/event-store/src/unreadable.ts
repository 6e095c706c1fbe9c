import { TreguesiError } from '@treguesi/errors'
import type { JsonObject } from './port.js'

/**
 * A recorded event its adapter cannot turn back into the port's shape. The position is all a
 * reader can still trust about it, so it is what the error names: verification reports it as the
 * first bad position, and the service stops its read models just before it.
 */
export function unreadable(position: bigint, problem: string): TreguesiError<'TRG_EVENT_UNREADABLE'> {
  return new TreguesiError('TRG_EVENT_UNREADABLE', { position: position.toString(), problem })
}

/** What JSON.parse gives for a JSON object: a Uint8Array or an array is no event's data. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
}
