import type { CatchUpSubscription, SubscriptionMessage } from './port.js'

/**
 * Wraps an adapter's message generator into a CatchUpSubscription. The generator receives an
 * AbortSignal and must end promptly once it is aborted; `stop()` aborts it and waits until it
 * has released what it holds, so a caller that awaited `stop()` knows nothing more arrives.
 */
export function catchUpSubscription(
  produce: (signal: AbortSignal) => AsyncGenerator<SubscriptionMessage, void, undefined>,
  onFinished: () => void,
): CatchUpSubscription {
  const controller = new AbortController()
  const messages = produce(controller.signal)
  let finished: Promise<unknown> | undefined

  const finish = (): Promise<unknown> => {
    controller.abort()
    finished ??= messages.return(undefined).finally(onFinished)
    return finished
  }

  return {
    async stop() {
      // Async generators queue return() behind a pending next(); the abort ends that next()
      // promptly, so awaiting here cannot deadlock, even from inside the consumer's loop.
      await finish()
    },
    [Symbol.asyncIterator]() {
      return {
        next: async () => {
          if (controller.signal.aborted) {
            await finish()
            return { done: true, value: undefined }
          }
          const result = await messages.next()
          if (result.done || controller.signal.aborted) {
            await finish()
            return { done: true, value: undefined }
          }
          return result
        },
        return: async () => {
          await finish()
          return { done: true, value: undefined }
        },
      }
    },
  }
}

/**
 * Resolves after `ms`, when `wake` calls back, or when the signal aborts; never rejects.
 * Callers check `signal.aborted` just before, synchronously, so it is not aborted yet here.
 */
export function pause(ms: number, signal: AbortSignal, wake: (resolve: () => void) => () => void): Promise<void> {
  return new Promise((resolve) => {
    // `wake` never calls back synchronously, so `unsubscribe` is assigned before `done` can run.
    const done = (): void => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      unsubscribe()
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
    const unsubscribe = wake(done)
  })
}
