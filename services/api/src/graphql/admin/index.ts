import type { Resolvers } from '../generated/resolvers.js'

/** Admin-only audit operations: log verification, read-model rebuild. */
export const adminResolvers: Resolvers = {}
