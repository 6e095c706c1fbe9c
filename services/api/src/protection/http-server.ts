import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import { languages, TreguesiError } from '@treguesi/errors'
import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import { formattedRefusal } from './refusal.js'
import type { HttpLimits } from './settings.js'

interface NodeServerOptions {
  /** Off: a request without Host is refused by the service itself, with a body that says why. */
  readonly requireHostHeader: boolean
  readonly headersTimeout: number
  readonly requestTimeout: number
  readonly connectionsCheckingInterval: number
}

/**
 * Fastify's and Node's server options for these limits. Node enforces the header and request
 * timeouts by walking its connections every `connectionsCheckingInterval` (30 s unless told),
 * so a timeout fires up to that much late; walking them every second (or more often, for
 * shorter timeouts) costs little next to the connections themselves.
 */
export function httpServerOptions(limits: HttpLimits): FastifyServerOptions & { http: NodeServerOptions } {
  return {
    requestTimeout: limits.requestTimeoutMs,
    connectionTimeout: limits.connectionTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    bodyLimit: limits.bodyLimitBytes,
    trustProxy: limits.trustedProxies.length > 0 && [...limits.trustedProxies],
    http: {
      requireHostHeader: false,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    clientErrorHandler(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket) {
      answerClientError(this, error, socket, limits)
    },
  }
}

/**
 * A request Node refused before Fastify saw it (too slow, headers too large, not HTTP) is
 * answered like every other refusal, then the connection is closed (see below how). A client that reset the
 * connection gets nothing: there is nobody to write to. Its headers were never read, so the
 * answer is in the language of a caller who names none.
 */
function answerClientError(app: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket, limits: HttpLimits): void {
  if (!socket.writable) return
  app.log.debug({ err: error }, 'client error')
  const [status, problem] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [
          408,
          `the request did not arrive in time (its headers within ${limits.headersTimeoutMs} ms, all of it within ${limits.requestTimeoutMs} ms)`,
        ]
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'the request headers are too large']
        : [400, `the request is not valid HTTP (${error.code})`]
  const language = languages[0]
  const body = JSON.stringify({ errors: [formattedRefusal(new TreguesiError('TRG_BAD_REQUEST', { problem }), app.log, language)] })
  // Closing a socket that holds unread bytes (the rest of a huge URL, say) resets the connection,
  // and the reset can reach the client before the answer does. So the answer ends the connection
  // from this side, what still arrives is read and dropped, and the socket goes once the client
  // closes too, or after a grace period whatever it does.
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Language: ${language}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
  // Flowing with no listener: what arrives is dropped.
  socket.resume()
  socket.setTimeout(lingerMs, socket.destroy)
}

/** How long a refused connection is read from, and its bytes dropped, before it is closed. */
const lingerMs = 1000
