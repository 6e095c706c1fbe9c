import { randomUUID } from 'node:crypto'
import type { EventToAppend, JsonObject, RecordedEvent } from '../port.js'

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const item of items) all.push(item)
  return all
}

export function newEvent(type: string, data: JsonObject = {}, metadata?: JsonObject): EventToAppend {
  return metadata === undefined ? { id: randomUUID(), type, data } : { id: randomUUID(), type, data, metadata }
}

export function events(count: number, type = 'test.happened'): EventToAppend[] {
  return Array.from({ length: count }, (_, n) => newEvent(type, { n }))
}

/** A unique stream name, so tests sharing one storage never see each other's streams. */
export function streamName(prefix = 'test'): string {
  return `${prefix}-${randomUUID()}`
}

/** A fixed, stepping clock: each reading is one second after the previous. */
export function steppingClock(start = Date.UTC(2025, 2, 1, 9, 30, 0)): () => Date {
  let next = start
  return () => {
    const now = new Date(next)
    next += 1000
    return now
  }
}

export function positions(recorded: readonly RecordedEvent[]): bigint[] {
  return recorded.map((event) => event.position)
}

export function isStrictlyIncreasing(values: readonly bigint[]): boolean {
  return values.every((value, i) => i === 0 || value > values[i - 1]!)
}
