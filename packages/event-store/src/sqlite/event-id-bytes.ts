/**
 * How the SQLite log stores an event id: the UUID's 16 bytes rather than its 36 characters, so
 * the unique index over every id in the log has smaller entries and fewer pages for each append
 * to dirty. The store takes ids as UUIDs and lower-cases them, so the bytes give back the id
 * exactly as it was appended.
 */
export function eventIdBytes(id: string): Buffer {
  return Buffer.from(id.replaceAll('-', ''), 'hex')
}

export function eventIdOf(bytes: Buffer): string {
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
