/**
 * In-process wake-ups for subscriptions: an append through any store instance on a file wakes
 * every subscription on that file in this process at once. Appends by other processes are found
 * by the subscriptions' polling instead.
 */
const listeners = new Map<string | object, Set<() => void>>()

export const appendSignal = {
  notify(key: string | object): void {
    for (const listener of listeners.get(key) ?? []) listener()
  },
  /** Registers a one-shot listener; returns its removal. */
  listen(key: string | object, listener: () => void): () => void {
    let set = listeners.get(key)
    if (!set) {
      set = new Set()
      listeners.set(key, set)
    }
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) listeners.delete(key)
    }
  },
}
