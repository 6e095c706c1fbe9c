/**
 * Equality of plain JSON values regardless of key order: stored events may come back with their
 * keys reordered (jsonb), and "the same value again" must still decide nothing.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}

function canonical(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, field: unknown) =>
    field !== null && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(
          Object.keys(field)
            .sort()
            .map((key) => [key, (field as Record<string, unknown>)[key]]),
        )
      : field,
  )
}

export type Defined<T> = { [K in keyof T]: Exclude<T[K], undefined> }

/** Drops fields given as undefined, so event data stays plain JSON. */
export function defined<T extends object>(value: T): Defined<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Defined<T>
}

/**
 * The fields of a revision that differ from what they revise: a revision records only what
 * changed, and one that changes nothing records nothing.
 */
export function changedFields<Given extends object>(given: Given, current: object): Partial<Given> {
  return Object.fromEntries(
    Object.entries(given).filter(([field, value]) => !sameJson(value, (current as Record<string, unknown>)[field])),
  ) as Partial<Given>
}
