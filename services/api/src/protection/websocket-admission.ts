import { createRequire } from 'node:module'
import { messageIn, TreguesiError, type Language } from '@treguesi/errors'
import type { FastifyInstance, FastifyPluginCallback, FastifyRequest, RouteOptions } from 'fastify'
import fp from 'fastify-plugin'
import type { RawData, WebSocket } from 'ws'
import type { Principal } from '../access/principal.js'
import { languageOf } from '../language.js'
import { callerKey } from './caller-key.js'
import { formattedRefusal } from './refusal.js'
import type { WebsocketLimits } from './settings.js'
import { SocketsPerCaller } from './sockets-per-caller.js'
import { SubscriptionQuota } from './subscription-quota.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The subscriptions the request's websocket may hold (websocket requests only). */
    subscriptionQuota: SubscriptionQuota
  }
}

type WebsocketHandler = (this: FastifyInstance, socket: WebSocket, request: FastifyRequest) => unknown

interface WebsocketPluginOptions {
  readonly options: { readonly maxPayload: number }
  readonly errorHandler: (this: FastifyInstance, error: Error, socket: WebSocket, request: FastifyRequest) => void
}

/**
 * The websocket plugin mercurius serves subscriptions with, loaded from mercurius' own
 * dependencies so the two always agree. Registered here first, it is the one mercurius uses
 * (mercurius registers its own, with 1 MiB messages, only when there is none).
 */
const fastifyWebsocket = createRequire(createRequire(import.meta.url).resolve('mercurius'))(
  '@fastify/websocket',
) as FastifyPluginCallback<WebsocketPluginOptions>

type Message = readonly [data: RawData, isBinary: boolean]

/**
 * Close codes of the graphql-ws protocol. Its client reconnects after a timeout, and gives up on
 * the others rather than reconnecting in a loop.
 */
const closeCode = { badRequest: 4400, unauthorized: 4401, initTimeout: 4408, tooMany: 4429 } as const

/** A close frame carries at most 123 bytes of reason: the code first, then as much of the message (in `language`) as fits. */
export function closeReason(refusal: TreguesiError, language: Language): string {
  let reason = `${refusal.code}: ${messageIn(refusal, language)}`
  while (Buffer.byteLength(reason) > 123) reason = reason.slice(0, -1)
  return reason
}

function parsed(data: RawData): unknown {
  try {
    return JSON.parse(data.toString())
  } catch {
    return undefined
  }
}

const isConnectionInit = (message: unknown): message is { payload?: unknown } =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'connection_init'

/** A browser cannot set headers on a websocket: its token comes in connection_init's payload. */
function authorizationOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined
  const { authorization, Authorization } = payload as Record<string, unknown>
  const value = authorization ?? Authorization
  return typeof value === 'string' ? value : undefined
}

/**
 * Every websocket is admitted before mercurius serves it: it must send connection_init within
 * `initTimeoutMs`; the caller is the token of that message (checked as any request's token, by
 * the access plugin) or else the websocket request's own caller; the socket counts against
 * that caller, who may hold `socketsPerCaller` at a time; and it may hold
 * `subscriptionsPerSocket` subscriptions. A refusal closes the socket with a graphql-ws code
 * and a reason that starts with the TRG code (and, in the older subscriptions-transport-ws
 * protocol, a connection_error message carrying the whole error first). Refusals on a socket,
 * its subscriptions' included, are in the language of its upgrade request. Messages are at most
 * `maxPayloadBytes`; ws closes the socket with 1009 on a larger one.
 *
 * Mercurius is handed the socket once admitted, with the messages received meanwhile (the
 * connection_init among them), so it never serves a socket this plugin refused.
 */
export const websocketAdmission = fp(
  async (app: FastifyInstance, limits: WebsocketLimits) => {
    const sockets = new SocketsPerCaller(limits.socketsPerCaller)
    app.decorateRequest('subscriptionQuota', null as unknown as SubscriptionQuota)

    function refuse(socket: WebSocket, request: FastifyRequest, code: number, refusal: TreguesiError): void {
      const language = languageOf(request)
      if (socket.protocol === 'graphql-ws') {
        socket.send(JSON.stringify({ type: 'connection_error', payload: formattedRefusal(refusal, app.log, language) }))
      }
      socket.close(code, closeReason(refusal, language))
    }

    /** The caller connection_init names, or the close code and refusal. */
    async function callerOf(request: FastifyRequest, [data]: Message): Promise<Principal | [number, TreguesiError]> {
      const init = parsed(data)
      if (!isConnectionInit(init)) {
        return [
          closeCode.badRequest,
          new TreguesiError('TRG_BAD_REQUEST', { problem: 'the first message on a websocket must be connection_init' }),
        ]
      }
      const authorization = authorizationOf(init.payload)
      if (authorization === undefined) return request.principal
      const caller = await app.authenticate(request, authorization)
      if (caller instanceof TreguesiError) return [caller.code === 'TRG_RATE_LIMITED' ? closeCode.tooMany : closeCode.unauthorized, caller]
      return caller
    }

    function admitted(serve: WebsocketHandler): WebsocketHandler {
      return async function (this: FastifyInstance, socket: WebSocket, request: FastifyRequest) {
        // Decided now, before anything copies connection_init's headers onto the request.
        const language = languageOf(request)
        const held: Message[] = []
        let firstArrived!: () => void
        const arrived = new Promise<void>((resolve) => (firstArrived = resolve))
        const hold = (data: RawData, isBinary: boolean): void => {
          held.push([data, isBinary])
          firstArrived()
        }
        socket.on('message', hold)
        const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
        const timer = setTimeout(() => {
          refuse(
            socket,
            request,
            closeCode.initTimeout,
            new TreguesiError('TRG_BAD_REQUEST', { problem: `no connection_init within ${limits.initTimeoutMs} ms` }),
          )
        }, limits.initTimeoutMs)
        await Promise.race([arrived, closed])
        clearTimeout(timer)
        const first = held[0]
        // Closed before a word: by the client, or on the timeout.
        if (first === undefined) return

        const caller = await callerOf(request, first)
        if (Array.isArray(caller)) return refuse(socket, request, ...caller)
        // Gone while its token was checked: nothing to count, nothing to serve.
        if (socket.readyState !== socket.OPEN) return
        const key = callerKey(caller, request.ip)
        if (!sockets.take(key)) {
          const limit = { limit: 'websockets per caller', maximum: sockets.maximum, actual: sockets.maximum + 1 }
          return refuse(socket, request, closeCode.tooMany, new TreguesiError('TRG_LIMIT_EXCEEDED', limit))
        }
        socket.once('close', () => sockets.release(key))

        socket.off('message', hold)
        request.principal = caller
        request.subscriptionQuota = new SubscriptionQuota(limits.subscriptionsPerSocket, request.log, language)
        const served = serve.call(this, socket, request)
        // Mercurius listens from here on (synchronously, as it is handed the socket): what the
        // socket sent meanwhile reaches it first, in order.
        for (const [data, isBinary] of held) socket.emit('message', data, isBinary)
        return served
      }
    }

    // Before the websocket plugin's own onRoute hook, which takes the handler as it finds it.
    app.addHook('onRoute', (route) => {
      const websocketRoute = route as RouteOptions & { wsHandler?: WebsocketHandler }
      if (websocketRoute.wsHandler !== undefined) websocketRoute.wsHandler = admitted(websocketRoute.wsHandler)
    })
    await app.register(fastifyWebsocket, {
      options: { maxPayload: limits.maxPayloadBytes },
      // A client that broke the protocol (a message over the size limit): ws is already closing
      // the socket with the code that says why; this ends it once that is sent.
      errorHandler(error, socket, request) {
        request.log.warn({ err: error }, 'websocket failed')
        socket.close()
      },
    })
  },
  { name: 'treguesi-websocket-admission', dependencies: ['treguesi-access'] },
)
