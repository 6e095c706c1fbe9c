import { commandTypes } from '@treguesi/commands'
import type { Resolvers } from './generated/resolvers.js'
import { adminResolvers } from './admin/index.js'
import { mutationResolvers } from './mutations/index.js'
import { queryResolvers } from './queries/index.js'
import { actorResolvers } from './recorder.js'
import { scalarResolvers } from './scalars.js'
import { subscriptionResolvers } from './subscriptions/index.js'

const baseResolvers: Resolvers = {
  Query: {
    viewer: (_root, _args, { principal }) => ({
      id: principal.id,
      role: principal.role,
      municipalities: [...principal.municipalities],
    }),
    commandTypes: () => [...commandTypes],
  },
}

/** Every resolver, by type; each module adds the types and fields of its part of the schema. */
export const resolvers: Resolvers = mergeResolvers([
  baseResolvers,
  scalarResolvers,
  queryResolvers,
  mutationResolvers,
  subscriptionResolvers,
  adminResolvers,
  // Every actor served, wherever (the feed, indicator values, history, subscriptions), by one rule.
  actorResolvers,
])

function mergeResolvers(parts: readonly Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {}
  for (const part of parts) {
    for (const [type, fields] of Object.entries(part)) merged[type] = { ...merged[type], ...(fields as object) }
  }
  return merged as Resolvers
}
