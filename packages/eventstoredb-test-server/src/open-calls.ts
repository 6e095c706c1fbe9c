import { status, type ServerErrorResponse } from '@grpc/grpc-js'

/** What a server-side call with a response stream offers: ending it with a status, and `close`. */
interface StreamingCall {
  emit(event: 'error', error: ServerErrorResponse): boolean
  once(event: 'close', listener: () => void): unknown
}

/**
 * The calls that stay open until someone ends them (subscriptions, BatchAppend streams), so
 * closing the server can end them the way a node going away does: with UNAVAILABLE, which the
 * client reports as the server being unavailable and reconnects after.
 */
export class OpenCalls {
  readonly #calls = new Set<StreamingCall>()

  track(call: StreamingCall): void {
    this.#calls.add(call)
    call.once('close', () => this.#calls.delete(call))
  }

  endAll(): void {
    const shuttingDown = {
      name: 'ShuttingDown',
      message: 'Server is shutting down',
      code: status.UNAVAILABLE,
      details: 'Server is shutting down',
    }
    for (const call of this.#calls) call.emit('error', shuttingDown)
  }
}
