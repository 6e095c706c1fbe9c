import { TreguesiError } from '@treguesi/errors'
import type { AllFilter, CatchUpSubscription, SubscribeOptions, SubscriptionMessage } from './port.js'
import { catchUpSubscription } from './subscription.js'
import { checkReadAll } from './validation.js'

/** An adapter's subscription: messages from a start position (exclusive) until the signal aborts. */
export type Follow = (
  fromPosition: bigint | undefined,
  filter: AllFilter | undefined,
  signal: AbortSignal,
) => AsyncGenerator<SubscriptionMessage, void, undefined>

/**
 * What every adapter does alike around its storage: refusing work once closed, and keeping
 * track of open subscriptions so that close() ends them before the storage goes.
 */
export class StoreLifecycle {
  readonly #subscriptions = new Set<CatchUpSubscription>()
  #closed = false

  get closed(): boolean {
    return this.#closed
  }

  /** Throws TRG_STORE_CLOSED once the store is closed. */
  assertOpen(operation: string): void {
    if (this.#closed) throw new TreguesiError('TRG_STORE_CLOSED', { operation })
  }

  /**
   * Checks the options, starts a subscription over the adapter's message generator, and tracks
   * it until it ends.
   */
  subscribe(options: SubscribeOptions | undefined, follow: Follow): CatchUpSubscription {
    this.assertOpen('subscribeToAll')
    const { fromPosition, filter } = checkReadAll(options)
    const subscription = catchUpSubscription(
      (signal) => follow(fromPosition, filter, signal),
      () => this.#subscriptions.delete(subscription),
    )
    this.#subscriptions.add(subscription)
    return subscription
  }

  /** Stops every subscription, then releases the storage; later calls do nothing. */
  async close(release: () => void | Promise<void>): Promise<void> {
    if (this.#closed) return
    await Promise.all([...this.#subscriptions].map((subscription) => subscription.stop()))
    this.#closed = true
    await release()
  }
}
