import fastifyCookie from '@fastify/cookie'
import { TreguesiError } from '@treguesi/errors'
import type { FastifyInstance } from 'fastify'

/** The cookie a signed-in browser sends its token in. */
export const tokenCookie = 'treguesi_token'

/**
 * A browser cannot send an Authorization header with a link, so a signed-in reader's token
 * travels in an HttpOnly, SameSite=Strict cookie. It is read for what a browser opens (the pages,
 * and the downloads they link to), never for `except` (GraphQL): no other site can make a
 * browser write with it, and an API client keeps sending its header. A token that has expired or
 * been revoked signs the browser out rather than refusing every page.
 */
export async function signedInBrowsers(app: FastifyInstance, { except }: { except: string }): Promise<void> {
  await app.register(fastifyCookie)
  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[tokenCookie]
    if (token === undefined || request.headers.authorization !== undefined || request.routeOptions.url === except) return
    const caller = await app.authenticate(request, `Bearer ${token}`)
    if (caller instanceof TreguesiError) reply.clearCookie(tokenCookie, { path: '/' })
    else request.principal = caller
  })
}
