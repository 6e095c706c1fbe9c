/**
 * Reads a plain-data record by a key that comes from outside (an id in a query), so a key such
 * as "constructor" never finds something Object.prototype holds.
 */
export function own<Value>(record: Readonly<Record<string, Value>>, key: string): Value | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined
}
