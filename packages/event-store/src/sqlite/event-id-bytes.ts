/**
 * How the SQLite log stores an event id: the UUID's 16 bytes rather than its 36 characters, so
 * the unique index over every id in the log has smaller entries and fewer pages for each append
 * to dirty. The store takes ids as UUIDs and lower-cases them, so the bytes give back the id
 * exactly as it was appended.
 */
export function eventIdBytes(id: string): Buffer {
  return Buffer.from(id.replaceAll('-', ''), 'hex')
}

/**
 * The stored id as a query selects it: hex digits, because a Buffer made for every row read costs
 * more than the text.
 */
export const eventIdColumn = 'lower(hex(event_id)) AS event_id'

/** The id as appended, from the hex digits of `eventIdColumn`. */
export function eventIdOf(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
