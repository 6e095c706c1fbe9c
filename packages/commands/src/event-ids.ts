import { canonicalCommandId } from '@treguesi/domain'
import { v5 as uuidv5 } from 'uuid'

// A fixed namespace for Treguesi's derived ids; changing it would break retry detection.
const namespace = '4f0b7a8e-52a4-4f8e-9d5c-6f1d3c2b9e71'

/**
 * The id of the n-th event a command produces. Derived, not random: a retried command yields the
 * same ids, so the store itself recognises the retry.
 */
export function eventIdFor(commandId: string, index: number): string {
  return uuidv5(`${canonicalCommandId(commandId)}/${index}`, namespace)
}
