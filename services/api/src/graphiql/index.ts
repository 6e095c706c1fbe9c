import type { FastifyInstance } from 'fastify'
import { loadAssets, type Asset } from './assets.js'
import { assetsPath, graphiqlPage, pageStyle, startScript } from './page.js'

export interface GraphiQLOptions {
  /** Where the GraphQL endpoint is, for queries and (as ws:) subscriptions. */
  readonly graphqlPath: string
}

/**
 * The page allows nothing from elsewhere: scripts, styles, fonts and connections from this
 * origin only (the fonts are inlined as data: URLs in GraphiQL's stylesheet). React sets styles
 * through the DOM, which a style-src without 'unsafe-inline' would block.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** GraphiQL at /graphiql, working offline: the page and every asset it loads come from this server. */
export async function graphiqlPlugin(app: FastifyInstance, { graphqlPath }: GraphiQLOptions): Promise<void> {
  const assets = new Map<string, Asset>(await loadAssets())
  assets.set('page.css', { contentType: 'text/css', body: Buffer.from(pageStyle) })
  assets.set('start.js', { contentType: 'text/javascript', body: Buffer.from(startScript(graphqlPath)) })
  const page = graphiqlPage()

  app.get('/graphiql', async (_request, reply) =>
    reply.header('content-security-policy', contentSecurityPolicy).type('text/html; charset=utf-8').send(page),
  )

  app.get<{ Params: { name: string } }>(`${assetsPath}/:name`, async (request, reply) => {
    const asset = assets.get(request.params.name)
    if (asset === undefined) return reply.code(404).type('text/plain; charset=utf-8').send('Not found')
    return reply.header('cache-control', 'public, max-age=3600').type(`${asset.contentType}; charset=utf-8`).send(asset.body)
  })
}
