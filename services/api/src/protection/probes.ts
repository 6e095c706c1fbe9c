import type { FastifyRequest } from 'fastify'

/**
 * Liveness and readiness: load balancers and orchestrators poll them, and must hear the truth
 * about the process even when it is busy, so neither rate limits nor overload refusals apply.
 */
const probePaths: ReadonlySet<string | undefined> = new Set(['/healthz', '/readyz'])

export const isProbe = (request: FastifyRequest): boolean => probePaths.has(request.routeOptions.url)
