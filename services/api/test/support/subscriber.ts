import assert from 'node:assert/strict'
import { createClient, type FormattedExecutionResult } from 'graphql-ws'
import type { Test } from 'tap'
import WebSocket from 'ws'
import { testLanguage, type TestService } from './service.js'

export type ExecutionResult<Data> = FormattedExecutionResult<Data, unknown>

/** A websocket whose upgrade request accepts the tests' language, which its refusals are worded in. */
class AcceptingWebSocket extends WebSocket {
  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols, { headers: { 'accept-language': testLanguage } })
  }
}

/**
 * A subscriber over graphql-ws with `token` (anonymous without one), resolved once the server
 * follows the event feed for it: an event written after this resolves reaches it.
 */
export async function subscribe<Data>(
  t: Test,
  service: TestService,
  token: string | undefined,
  query: string,
): Promise<AsyncIterableIterator<ExecutionResult<Data>>> {
  const original = service.live.onEvent.bind(service.live)
  const registered = new Promise<void>((resolve) => {
    service.live.onEvent = (listener) => {
      const stop = original(listener)
      service.live.onEvent = original
      resolve()
      return stop
    }
  })
  const client = createClient({
    url: `${service.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: AcceptingWebSocket,
    retryAttempts: 0,
    connectionParams: token === undefined ? {} : { authorization: `Bearer ${token}` },
  })
  t.teardown(() => client.dispose())
  const events = client.iterate<Data>({ query })
  t.teardown(() => void events.return?.())
  await registered
  return events
}

/** The next event's data; an error or the end of the subscription fails the assertion. */
export async function next<Data>(events: AsyncIterableIterator<ExecutionResult<Data>>): Promise<Data> {
  const { value, done } = await events.next()
  assert.equal(done, false, 'the subscription ended')
  assert.equal(value.errors, undefined, 'the event came with errors')
  return value.data!
}

/** Resolves once the service's event feed has one more listener: a subscription has started. */
export function nextListener(service: TestService): Promise<void> {
  const original = service.live.onEvent
  return new Promise((resolve) => {
    service.live.onEvent = (listener) => {
      service.live.onEvent = original
      const stop = original.call(service.live, listener)
      resolve()
      return stop
    }
  })
}
