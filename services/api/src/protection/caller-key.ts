import { normalizeIP } from '@fastify/rate-limit'
import type { Principal } from '../access/principal.js'

/** An address as limits count it: IPv6 by its /64 network, which one client usually holds whole. */
export const addressKey = (ip: string): string => `address ${normalizeIP(ip)}`

/** The token's subject for a signed-in caller (wherever it calls from), its address otherwise. */
export const callerKey = (principal: Principal, ip: string): string => (principal.id === null ? addressKey(ip) : `subject ${principal.id}`)
