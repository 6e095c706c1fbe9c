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
      ? Object.fromEntries(Object.keys(field).sort().map((key) => [key, (field as Record<string, unknown>)[key]]))
      : field,
  )
}
