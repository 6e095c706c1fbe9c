import { shared, type UUID } from './protocol.js'
import { RequestError } from './request-error.js'

/** How a reader asked for ids: the client's `uuid_option`. */
export type UuidForm = 'string' | 'structured'

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

// The structured form carries the two halves as signed 64-bit integers, most significant first.
const halfToHex = (bits: string): string => BigInt.asUintN(64, BigInt(bits)).toString(16).padStart(16, '0')
const hexToHalf = (hex: string): string => BigInt.asIntN(64, BigInt(`0x${hex}`)).toString(10)

/** The id in lower-case canonical form, whichever form the client sent it in. */
export function uuidText(message: UUID | undefined): string {
  const structured = message?.getStructured()
  const digits = structured && halfToHex(structured.getMostSignificantBits()) + halfToHex(structured.getLeastSignificantBits())
  const text = digits
    ? `${digits.slice(0, 8)}-${digits.slice(8, 12)}-${digits.slice(12, 16)}-${digits.slice(16, 20)}-${digits.slice(20)}`
    : (message?.getString() ?? '')
  if (!CANONICAL_UUID.test(text)) throw new RequestError(`"${text}" is not a UUID`)
  return text.toLowerCase()
}

export function uuidMessage(text: string, form: UuidForm): UUID {
  const uuid = new shared.UUID()
  if (form === 'string') return uuid.setString(text)
  const digits = text.replaceAll('-', '')
  const halves = new shared.UUID.Structured()
    .setMostSignificantBits(hexToHalf(digits.slice(0, 16)))
    .setLeastSignificantBits(hexToHalf(digits.slice(16)))
  return uuid.setStructured(halves)
}
