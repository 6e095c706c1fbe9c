/** Open websockets by caller (callerKey), each caller up to a maximum. */
export class SocketsPerCaller {
  readonly #open = new Map<string, number>()

  constructor(readonly maximum: number) {}

  /** Takes a place for the caller; false when it has none left. */
  take(caller: string): boolean {
    const open = this.#open.get(caller) ?? 0
    if (open >= this.maximum) return false
    this.#open.set(caller, open + 1)
    return true
  }

  /** Frees a place `take` gave. */
  release(caller: string): void {
    const open = this.#open.get(caller)! - 1
    if (open === 0) this.#open.delete(caller)
    else this.#open.set(caller, open)
  }
}
