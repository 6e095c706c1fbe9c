import { TreguesiError } from '@treguesi/errors'

export const defaultPageSize = 50
export const maximumPageSize = 200

/** `first` as asked: 50 unless given, refused above 200 or below 0. */
export function pageSize(first: number | null | undefined): number {
  if (first == null) return defaultPageSize
  if (first > maximumPageSize)
    throw new TreguesiError('TRG_LIMIT_EXCEEDED', { limit: 'page size (first)', maximum: maximumPageSize, actual: first })
  if (first < 0)
    throw new TreguesiError('TRG_INVALID_VALUE', { type: 'page size (first)', value: `${first}`, problem: 'must not be negative' })
  return first
}

export interface PageInfo {
  hasNextPage: boolean
  hasPreviousPage: boolean
  startCursor: string | null
  endCursor: string | null
}

export interface Connection<Node> {
  edges: Array<{ cursor: string; node: Node }>
  pageInfo: PageInfo
  totalCount: number
}

// Opaque to clients, so the key behind it (a code, an id) may change without breaking them.
const cursorPrefix = 'treguesi:'
const encodeCursor = (key: string): string => Buffer.from(`${cursorPrefix}${key}`, 'utf8').toString('base64url')

function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8')
  if (!text.startsWith(cursorPrefix)) {
    throw new TreguesiError('TRG_INVALID_VALUE', { type: 'cursor', value: cursor, problem: 'is not a cursor this list gave' })
  }
  return text.slice(cursorPrefix.length)
}

/**
 * A Relay connection over a list already in memory and in its final order. The cursor names an
 * item's key rather than its index, so a page continues after the same item even when others
 * were added before it meanwhile; a cursor whose item has gone is refused.
 */
export function connectionOf<Node>(
  nodes: readonly Node[],
  keyOf: (node: Node) => string,
  { first, after }: { readonly first?: number | null | undefined; readonly after?: string | null | undefined },
): Connection<Node> {
  const size = pageSize(first)
  let start = 0
  if (after != null) {
    const key = decodeCursor(after)
    const index = nodes.findIndex((node) => keyOf(node) === key)
    if (index === -1)
      throw new TreguesiError('TRG_INVALID_VALUE', { type: 'cursor', value: after, problem: 'names an item that is not in this list' })
    start = index + 1
  }
  const edges = nodes.slice(start, start + size).map((node) => ({ cursor: encodeCursor(keyOf(node)), node }))
  return {
    edges,
    pageInfo: {
      hasNextPage: start + size < nodes.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: nodes.length,
  }
}
