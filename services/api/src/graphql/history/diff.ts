/** One place in an entity where a value differs; absent values are null. */
export interface Change {
  readonly path: string
  readonly before: unknown
  readonly after: unknown
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** A JSON pointer segment (RFC 6901): ids and codes may hold '/' or '~'. */
const segment = (key: string): string => key.replaceAll('~', '~0').replaceAll('/', '~1')

const isContainer = (value: Json | undefined): value is Json[] | { [key: string]: Json } => typeof value === 'object' && value !== null

/**
 * The leaves where `after` differs from `before`, depth first in key order: containers present on
 * both sides are compared key by key (an array by index), so a corrected figure shows as
 * /values/2024/value rather than as a whole new entity; anything else that differs is one change.
 */
export function diff(before: unknown, after: unknown): Change[] {
  const changes: Change[] = []
  const walk = (path: string, a: Json | undefined, b: Json | undefined): void => {
    if (isContainer(a) && isContainer(b) && Array.isArray(a) === Array.isArray(b)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])]
      for (const key of keys) walk(`${path}/${segment(key)}`, (a as Record<string, Json>)[key], (b as Record<string, Json>)[key])
    } else if (JSON.stringify(a) !== JSON.stringify(b)) {
      changes.push({ path: path === '' ? '/' : path, before: a ?? null, after: b ?? null })
    }
  }
  walk('', plain(before), plain(after))
  return changes
}

/** The value as JSON would carry it: undefined fields dropped. */
function plain(value: unknown): Json | undefined {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Json)
}
