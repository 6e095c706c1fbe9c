import type { GraphQLContext } from '../context.js'
import type { Resolvers } from '../generated/resolvers.js'
import { budgetChanges, indicatorValueChanges, measureStatusChanges, type Change, type ChangeFilter } from './changes.js'
import { eventFeed, type Selector } from './feed.js'

/**
 * A subscription field: `subscribe` follows the read models' event feed through the field's
 * selector; `resolve` answers each event from the read models as they were just after it, so
 * the entity's fields (figures, roll-ups) are those the event produced, even when the client
 * reads them after later events.
 */
function subscription<Payload>(selector: (context: GraphQLContext, filter: ChangeFilter) => Selector<Change<Payload>>) {
  return {
    subscribe: (_root: unknown, filter: ChangeFilter, context: GraphQLContext) => eventFeed(context.live, selector(context, filter)),
    resolve: (change: Change<Payload>, _args: unknown, context: GraphQLContext): Payload => {
      // Each subscription has a context of its own, and graphql resolves one event at a time.
      context.models = change.models
      return change.payload
    },
  }
}

export const subscriptionResolvers: Resolvers = {
  Subscription: {
    indicatorValueReported: subscription(indicatorValueChanges),
    measureStatusChanged: subscription(measureStatusChanges),
    budgetChanged: subscription(budgetChanges),
  },
}
