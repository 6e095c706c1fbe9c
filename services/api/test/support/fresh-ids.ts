import { randomUUID } from 'node:crypto'

type Ids<Count extends number, Made extends string[] = []> = Made['length'] extends Count ? Made : Ids<Count, [...Made, string]>

/** `count` new random UUIDs, one for each entity a test creates: `const [planId, areaId] = freshIds(2)`. */
export function freshIds<Count extends number>(count: Count): Ids<Count> {
  return Array.from({ length: count }, () => randomUUID()) as Ids<Count>
}
