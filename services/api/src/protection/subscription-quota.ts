import type { RecordedEvent } from '@treguesi/event-store'
import { TreguesiError, type Language } from '@treguesi/errors'
import type { FastifyBaseLogger } from 'fastify'
import type { GraphQLError } from 'graphql'
import type { LiveReadModels } from '@treguesi/read-models'
import { graphqlRefusal } from './refusal.js'

/**
 * The subscriptions one websocket may hold at a time. Every subscription follows the read
 * models' event feed (subscriptions/index.ts), so counting the socket's listeners counts its
 * subscriptions exactly: one started twice under the same id counts twice, and one that ended
 * in any way (unsubscribed, failed, fell too far behind) frees its place when its feed stops.
 */
export class SubscriptionQuota {
  #active = 0
  readonly #log: FastifyBaseLogger
  readonly #language: Language

  /** `language`: the socket's, which its refusals are worded in. */
  constructor(
    readonly maximum: number,
    log: FastifyBaseLogger,
    language: Language,
  ) {
    this.#log = log
    this.#language = language
  }

  get full(): boolean {
    return this.#active >= this.maximum
  }

  refusal(): GraphQLError {
    const limit = { limit: 'subscriptions per websocket', maximum: this.maximum, actual: this.#active + 1 }
    return graphqlRefusal(new TreguesiError('TRG_LIMIT_EXCEEDED', limit), this.#log, this.#language)
  }

  /**
   * `live` as this socket's subscriptions see it: opening a feed takes a place, or throws the
   * refusal when there is none, at the very moment the feed starts, so subscriptions started
   * together cannot all slip past.
   */
  follow(live: LiveReadModels): LiveReadModels {
    const onEvent = (listener: (event: RecordedEvent) => void): (() => void) => {
      if (this.full) throw this.refusal()
      this.#active += 1
      const stopListening = live.onEvent(listener)
      let stopped = false
      return () => {
        if (stopped) return
        stopped = true
        this.#active -= 1
        stopListening()
      }
    }
    return new Proxy(live, {
      get: (target, key) => {
        if (key === 'onEvent') return onEvent
        const value: unknown = Reflect.get(target, key, target)
        // The read models keep their state in private fields: their methods run on them, not on the proxy.
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
  }
}
