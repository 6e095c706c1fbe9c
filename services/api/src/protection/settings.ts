import { totalmem } from 'node:os'
import { getHeapStatistics } from 'node:v8'
import { defaultMaxLifetimeHours } from '@treguesi/tokens'

/** How long a connection may take over what, and how many there may be. */
export interface HttpLimits {
  /** Receiving a whole request, body included (a client sending a byte now and then is cut off). */
  readonly requestTimeoutMs: number
  /** Receiving a request's headers; at most `requestTimeoutMs`. */
  readonly headersTimeoutMs: number
  /** An idle keep-alive connection between two requests. */
  readonly keepAliveTimeoutMs: number
  /** A connection on which nothing moves either way, while a request is received or answered; 0 for none. */
  readonly connectionTimeoutMs: number
  /** Open connections (websockets included); past it new ones are closed at once. */
  readonly maxConnections: number
  readonly bodyLimitBytes: number
  /**
   * Proxies (addresses, CIDR ranges) whose X-Forwarded-For is believed, so that limits per
   * address count the client's address and not the proxy's; none by default.
   */
  readonly trustedProxies: readonly string[]
}

/** Requests per window: per token subject when signed in, per address otherwise. */
export interface RateLimits {
  readonly windowMs: number
  readonly anonymous: number
  readonly authenticated: number
  /** Failed authentications (401) per address; past it a token from there is not even checked. */
  readonly failedAuthentications: number
}

export interface WebsocketLimits {
  /** The largest websocket message. */
  readonly maxPayloadBytes: number
  readonly subscriptionsPerSocket: number
  /** Open websockets per token subject, or per address for anonymous callers. */
  readonly socketsPerCaller: number
  /** How long a new websocket may take to send connection_init. */
  readonly initTimeoutMs: number
}

/** Past any of these the service answers 503; 0 turns a check off. */
export interface OverloadThresholds {
  /** The event loop's mean delay over a sample. */
  readonly maxEventLoopDelayMs: number
  readonly maxHeapUsedBytes: number
  readonly maxRssBytes: number
  readonly retryAfterSeconds: number
  /** How often the figures are measured; the event loop's delay is averaged over that time. */
  readonly sampleIntervalMs: number
}

export interface TokenRules {
  /** How far in the future a token's expiry may be when it is used. */
  readonly maxLifetimeHours: number
}

/** Everything that keeps one caller, or too many, from wearing the service down. */
export interface ProtectionSettings {
  readonly http: HttpLimits
  readonly rates: RateLimits
  readonly websockets: WebsocketLimits
  readonly overload: OverloadThresholds
  readonly tokens: TokenRules
}

/** Some settings of each group; the others keep their defaults. */
export type ProtectionOverrides = { readonly [Group in keyof ProtectionSettings]?: Partial<ProtectionSettings[Group]> }

const mebibyte = 2 ** 20

/** A share of `bytes`, in whole mebibytes, so the figure is the same written in MiB or in bytes. */
const wholeMebibytes = (bytes: number, share: number): number => Math.floor((bytes * share) / mebibyte) * mebibyte

/** What this process may hold: the machine's memory, or less when a container limits it. */
const memoryAvailable = Math.min(...([totalmem(), process.constrainedMemory()].filter(Number.isFinite) as number[]))

/**
 * Defaults for a small server (2 cores, a few GB) that an honest client never meets: a browser
 * loading a dashboard makes a few dozen requests a minute, an integration a few hundred; a
 * client guessing tokens gets ten tries a minute. The memory thresholds follow the machine:
 * 90 % of V8's heap limit (past it the process dies of an out-of-memory error, taking every
 * client with it) and 80 % of the memory available.
 */
export const defaultProtection: ProtectionSettings = {
  http: {
    requestTimeoutMs: 30_000,
    headersTimeoutMs: 10_000,
    // Longer than the 60 s idle timeout of common proxies and load balancers, so they close first.
    keepAliveTimeoutMs: 72_000,
    connectionTimeoutMs: 300_000,
    maxConnections: 1000,
    bodyLimitBytes: mebibyte,
    trustedProxies: [],
  },
  rates: { windowMs: 60_000, anonymous: 600, authenticated: 1200, failedAuthentications: 10 },
  websockets: { maxPayloadBytes: 64 * 1024, subscriptionsPerSocket: 20, socketsPerCaller: 20, initTimeoutMs: 10_000 },
  overload: {
    maxEventLoopDelayMs: 1000,
    maxHeapUsedBytes: wholeMebibytes(getHeapStatistics().heap_size_limit, 0.9),
    maxRssBytes: wholeMebibytes(memoryAvailable, 0.8),
    retryAfterSeconds: 10,
    // The delay is the mean over the sample: over 5 s, one task that holds the loop for a few
    // seconds is not mistaken for overload, while a loop that lags throughout is.
    sampleIntervalMs: 5000,
  },
  tokens: { maxLifetimeHours: defaultMaxLifetimeHours },
}

export function withDefaults(overrides: ProtectionOverrides = {}): ProtectionSettings {
  return {
    http: { ...defaultProtection.http, ...overrides.http },
    rates: { ...defaultProtection.rates, ...overrides.rates },
    websockets: { ...defaultProtection.websockets, ...overrides.websockets },
    overload: { ...defaultProtection.overload, ...overrides.overload },
    tokens: { ...defaultProtection.tokens, ...overrides.tokens },
  }
}
