import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Kind, type DocumentNode } from 'graphql'
import type { LiveReadModels, ReadModels } from '@treguesi/read-models'
import type { GraphQLContext } from './context.js'

/**
 * Root fields whose answer is made of the read models alone (and the caller's visibility): the
 * same document, variables and caller give the same answer at the same version of the read
 * models. The change feed reads the log itself (up to where the request's read models have
 * reached) and `viewer` the token: neither is here.
 */
const readModelFields = new Set([
  'plan',
  'plans',
  'indicator',
  'municipality',
  'municipalities',
  'nationalAggregate',
  'budgetSummary',
  '__typename',
])

/** Whether every operation of the document is a query of read-model fields only. */
export function answersFromReadModels(document: DocumentNode): boolean {
  return document.definitions.every(
    (definition) =>
      definition.kind !== Kind.OPERATION_DEFINITION ||
      (definition.operation === 'query' &&
        definition.selectionSet.selections.every(
          (selection) => selection.kind === Kind.FIELD && readModelFields.has(selection.name.value),
        )),
  )
}

export interface ResponseCacheLimits {
  /** Answers kept at once. */
  readonly entries: number
  /** Their bytes (UTF-16 code units of the JSON text), all together. */
  readonly size: number
}

export const defaultResponseCacheLimits: ResponseCacheLimits = { entries: 2_000, size: 64 * 1024 * 1024 }

/**
 * Answers of one version of the read models (their position), by request. A new version starts
 * empty: any write makes every answer be computed again, from figures that are themselves kept
 * per version of their plan (queries/snapshot.ts), so only what the write changed is derived anew.
 * Full, it keeps what it has and stores nothing more until the next version.
 */
export class ResponseCache {
  #position: bigint | null | undefined
  #answers = new Map<string, string>()
  #size = 0
  readonly #limits: ResponseCacheLimits

  constructor(limits: ResponseCacheLimits = defaultResponseCacheLimits) {
    this.#limits = limits
  }

  get(position: bigint | null, key: string): string | undefined {
    this.#at(position)
    return this.#answers.get(key)
  }

  set(position: bigint | null, key: string, answer: string): void {
    // An answer of a version already left behind is not kept with the new one's.
    if (position !== this.#position) return
    if (this.#answers.size >= this.#limits.entries || this.#size + answer.length > this.#limits.size) return
    this.#answers.set(key, answer)
    this.#size += answer.length
  }

  #at(position: bigint | null): void {
    if (position === this.#position) return
    this.#position = position
    this.#answers = new Map()
    this.#size = 0
  }
}

/** What a request the cache could not answer needs, to store its answer once it is sent. */
interface Miss {
  readonly key: string
  /** The read models the request answers from, unless `consistentWith` or `asOf` moves it. */
  readonly snapshot: ReadModels
  cacheable: boolean
}

interface GraphQLBody {
  readonly query?: unknown
  readonly operationName?: unknown
  readonly variables?: unknown
}

export interface ResponseCaching {
  /** The read models a request answers from: those its key was taken at. */
  snapshotOf(request: FastifyRequest): ReadModels
  /** Follows each execution, to store only what may be: once GraphQL is registered. */
  watchExecutions(): void
}

/**
 * Answers a query from the answer given to the same query, variables and caller at the same
 * version of the read models. Read-your-writes holds: an answer is only stored when it was
 * computed from the very snapshot its key names (a `consistentWith` ahead of it, or an `asOf`,
 * moves the request to another snapshot, and such an answer is not stored), and a request finds
 * only answers of the version the read models are at when it arrives, which any write it has
 * seen acknowledged is part of. Answers with errors are never stored; every answer stored was
 * computed within the execution limits. So the key leaves out the caller's language: only error
 * messages are worded in it, and an answer without errors is the same in every language.
 */
export function responseCaching(app: FastifyInstance, path: string, live: LiveReadModels, cache: ResponseCache): ResponseCaching {
  const misses = new WeakMap<FastifyRequest, Miss>()

  app.addHook('preHandler', async (request, reply) => {
    const body = request.body as GraphQLBody | undefined
    if (request.method !== 'POST' || request.routeOptions.url !== path || typeof body?.query !== 'string') return
    const snapshot = live.current
    const key = JSON.stringify([request.principal, body.query, body.operationName ?? null, body.variables ?? null])
    const answer = cache.get(snapshot.position, key)
    if (answer === undefined) {
      misses.set(request, { key, snapshot, cacheable: false })
      return
    }
    return reply.type('application/json; charset=utf-8').send(answer)
  })

  app.addHook('onSend', async (request, reply, payload) => {
    const miss = misses.get(request)
    if (miss?.cacheable && reply.statusCode === 200 && typeof payload === 'string') cache.set(miss.snapshot.position, miss.key, payload)
  })

  return {
    snapshotOf: (request) => misses.get(request)?.snapshot ?? live.current,
    watchExecutions() {
      app.graphql.addHook('preExecution', async (_schema, document, context) => {
        const miss = misses.get(context.reply.request)
        if (miss !== undefined) miss.cacheable = answersFromReadModels(document)
      })
      app.graphql.addHook('onResolution', async (execution, context) => {
        const miss = misses.get(context.reply.request)
        const moved = (context as unknown as GraphQLContext).models !== miss?.snapshot
        if (miss !== undefined && (moved || (execution.errors?.length ?? 0) > 0)) miss.cacheable = false
      })
    },
  }
}
