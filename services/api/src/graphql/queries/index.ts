import type { Resolvers } from '../generated/resolvers.js'
import { historyResolvers } from '../history/index.js'
import { budgetResolvers } from './budget.js'
import { dhis2Resolvers } from './dhis2.js'
import { eventResolvers } from './events.js'
import { indicatorResolvers } from './indicator.js'
import { municipalityResolvers } from './municipality.js'
import { nationalResolvers } from './national.js'
import { planResolvers } from './plan.js'
import { reviewResolvers } from './review.js'

/** Every query and the object types they return; each part resolves its own types. */
export const queryResolvers: Resolvers = {
  ...municipalityResolvers,
  ...planResolvers,
  ...indicatorResolvers,
  ...budgetResolvers,
  ...nationalResolvers,
  ...dhis2Resolvers,
  ...eventResolvers,
  ...historyResolvers,
  ...reviewResolvers,
  Query: {
    ...municipalityResolvers.Query,
    ...planResolvers.Query,
    ...indicatorResolvers.Query,
    ...budgetResolvers.Query,
    ...nationalResolvers.Query,
    ...dhis2Resolvers.Query,
    ...eventResolvers.Query,
    ...historyResolvers.Query,
    ...reviewResolvers.Query,
  },
}
