import type { EventStore } from '@treguesi/event-store'
import type { LiveReadModels } from '../../read-models/live-read-models.js'

export function subscriptionOptions(_dependencies: { store: EventStore; live: LiveReadModels }): false {
  return false
}
