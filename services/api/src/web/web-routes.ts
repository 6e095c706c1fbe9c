import fastifyFormbody from '@fastify/formbody'
import type { LogHeads } from '@treguesi/audit'
import { languages, TreguesiError, type ErrorCategory, type Language } from '@treguesi/errors'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ReadGraph } from '../graphql/in-process.js'
import { acceptedLanguage } from '../language.js'
import { page, pageContext, pageSecurityPolicy, type PageContent, type PageContext } from './page.js'
import { errorPage, notFoundPage } from './pages/error-page.js'
import { changesPage } from './pages/changes-page.js'
import { homeDocument, homePage, type HomeAnswer } from './pages/home-page.js'
import { indicatorDocument, indicatorPage, type IndicatorAnswer } from './pages/indicator-page.js'
import { planPage } from './pages/plan-page.js'
import { signInPage } from './pages/sign-in-page.js'
import type { PdfPrinter } from './pdf-printer.js'
import { planDocument, type PlanAnswer } from './plan-query.js'
import { reportDocument } from './report/report-document.js'
import { tokenCookie } from './signed-in-browsers.js'

export interface WebOptions {
  readonly read: ReadGraph
  /** The log's head at a position, for the report to state. */
  readonly heads: LogHeads
  /** When the event at a position was recorded; null for an empty log. */
  readonly recordedAt: (position: bigint | null) => Promise<string | null>
  readonly pdf: PdfPrinter
}

/** The language a reader chose with the switch, over their browser's. */
export const languageCookie = 'treguesi_lang'

const statusOf: Readonly<Record<ErrorCategory, number>> = {
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  UNAVAILABLE: 503,
  RATE_LIMITED: 429,
  BAD_CONFIGURATION: 500,
  INTERNAL: 500,
}

const isLanguage = (value: unknown): value is Language => languages.includes(value as Language)

/** A query parameter given once, or undefined; given twice it is refused. */
function single(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown>)[name]
  if (value === undefined || value === '') return undefined
  if (typeof value !== 'string')
    throw new TreguesiError('TRG_INVALID_VALUE', { type: name, value: String(value), problem: 'is given more than once' })
  return value
}

const datePattern = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

/** Only a path of this site is a place to go back to: never another origin. */
const localPath = (path: string | undefined): string =>
  path?.startsWith('/') && !path.startsWith('//') && !path.includes('\\') ? path : '/'

/**
 * The dashboard and the monitoring report, as pages of this service. They read the API in-process
 * with the caller's rights (see ReadGraph), so a page shows exactly what its reader may query; a
 * signed-in reader is known by the cookie signing in sets (see signedInBrowsers).
 */
export async function webRoutes(app: FastifyInstance, { read, heads, recordedAt, pdf }: WebOptions): Promise<void> {
  await app.register(fastifyFormbody, { bodyLimit: 16_384 })

  const languageOf = (request: FastifyRequest): Language => {
    const asked = (request.query as Record<string, unknown>).lang
    if (isLanguage(asked)) return asked
    const chosen = request.cookies[languageCookie]
    return isLanguage(chosen) ? chosen : acceptedLanguage(request.headers['accept-language'])
  }

  const contextOf = (request: FastifyRequest): PageContext => pageContext(languageOf(request), request.principal, request.url)

  const send = (reply: FastifyReply, context: PageContext, content: PageContent, status = 200): FastifyReply =>
    reply
      .code(status)
      .header('content-security-policy', pageSecurityPolicy)
      .header('content-language', context.language)
      .header('vary', 'accept-language, cookie')
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .type('text/html; charset=utf-8')
      .send(page(context, content))

  const refuse = (reply: FastifyReply, context: PageContext, refusal: TreguesiError): FastifyReply =>
    send(reply, context, errorPage(context, refusal), statusOf[refusal.category])

  /** Reads a document for the page's caller; answers the refusal itself and returns undefined when refused. */
  const answer = async <T>(
    request: FastifyRequest,
    reply: FastifyReply,
    context: PageContext,
    document: string,
    variables: Record<string, unknown>,
  ): Promise<{ data: T; position: bigint | null } | undefined> => {
    const read_ = await read<T>(request, reply, document, variables)
    if (read_.refusal !== undefined) {
      refuse(reply, context, read_.refusal)
      return undefined
    }
    return read_
  }

  /** Runs a page's handler, answering a TRG_* refusal it throws (a bad parameter) as a page. */
  const guarded =
    (handler: (request: FastifyRequest, reply: FastifyReply, context: PageContext) => Promise<unknown>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const context = contextOf(request)
      try {
        return await handler(request, reply, context)
      } catch (error) {
        if (error instanceof TreguesiError) return refuse(reply, context, error)
        throw error
      }
    }

  app.get(
    '/',
    guarded(async (request, reply, context) => {
      const read_ = await answer<HomeAnswer>(request, reply, context, homeDocument, { after: single(request, 'after') ?? null })
      return read_ && send(reply, context, homePage(context, read_.data))
    }),
  )

  const planOf = async (request: FastifyRequest, reply: FastifyReply, context: PageContext, variables: Record<string, unknown>) => {
    const read_ = await answer<PlanAnswer>(request, reply, context, planDocument, variables)
    if (read_ === undefined) return undefined
    if (read_.data.plan === null) {
      send(reply, context, notFoundPage(context), 404)
      return undefined
    }
    return { plan: read_.data.plan, position: read_.position }
  }

  app.get<{ Params: { id: string } }>(
    '/plans/:id',
    guarded(async (request, reply, context) => {
      const period = single(request, 'period') ?? null
      const found = await planOf(request, reply, context, {
        id: (request.params as { id: string }).id,
        period,
        withValues: period !== null,
      })
      return found && send(reply, context, planPage(context, found.plan, period))
    }),
  )

  app.get(
    '/plans/:id/changes',
    guarded(async (request, reply, context) => {
      const id = (request.params as { id: string }).id
      const since = single(request, 'since') ?? null
      const now = await planOf(request, reply, context, { id, period: null, withValues: false })
      if (now === undefined) return reply
      if (since === null) return send(reply, context, changesPage(context, now.plan, null, null))
      // A date is its first moment in UTC; a moment (ISO 8601 with its offset) is taken as given, and checked by the API.
      const time = datePattern.test(since) ? `${since}T00:00:00Z` : since
      const then = await answer<PlanAnswer>(request, reply, context, planDocument, { id, period: null, withValues: false, asOf: { time } })
      return then && send(reply, context, changesPage(context, now.plan, then.data.plan, since))
    }),
  )

  app.get(
    '/indicators/:id',
    guarded(async (request, reply, context) => {
      const variables = {
        id: (request.params as { id: string }).id,
        period: single(request, 'period') ?? null,
        signedIn: context.principal.id !== null,
      }
      const read_ = await answer<IndicatorAnswer>(request, reply, context, indicatorDocument, variables)
      if (read_ === undefined) return reply
      if (read_.data.indicator === null) return send(reply, context, notFoundPage(context), 404)
      return send(reply, context, indicatorPage(context, read_.data.indicator))
    }),
  )

  /**
   * The report of a plan for a period, as its HTML document. Without a period it is the plan's last
   * year, by a redirect, so that the address a reader keeps names the period it holds.
   */
  const report = async (request: FastifyRequest, reply: FastifyReply, context: PageContext) => {
    const id = (request.params as { id: string }).id
    const asked = single(request, 'period')
    const found = await planOf(request, reply, context, { id, period: asked ?? null, withValues: asked !== undefined })
    if (found === undefined) return undefined
    const { plan, position } = found
    if (asked === undefined) {
      const query = new URLSearchParams({ ...(request.query as Record<string, string>), period: String(plan.period.to) })
      reply.redirect(`${request.url.split('?')[0]}?${query}`, 303)
      return undefined
    }
    const source = { head: await heads.at(position), position, recordedAt: await recordedAt(position) }
    return {
      content: reportDocument(context, plan, asked, source),
      fileName: `raporti-${plan.municipalityCode}-${asked}-${context.language}`,
    }
  }

  app.get(
    '/plans/:id/report.html',
    guarded(async (request, reply, context) => {
      const made = await report(request, reply, context)
      return made && send(reply, context, made.content)
    }),
  )

  app.get(
    '/plans/:id/report.pdf',
    guarded(async (request, reply, context) => {
      const made = await report(request, reply, context)
      if (made === undefined) return reply
      const document = await pdf.print(page(context, made.content), { title: made.content.title })
      return reply
        .header('content-disposition', `attachment; filename="${made.fileName}.pdf"`)
        .header('content-language', context.language)
        .header('cache-control', 'private, no-store')
        .type('application/pdf')
        .send(document)
    }),
  )

  app.get(
    '/language',
    guarded(async (request, reply) => {
      const to = single(request, 'to')
      if (!isLanguage(to))
        throw new TreguesiError('TRG_INVALID_VALUE', { type: 'to', value: String(to), problem: `must be one of ${languages.join(', ')}` })
      return reply
        .setCookie(languageCookie, to, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 })
        .redirect(localPath(single(request, 'back')), 303)
    }),
  )

  app.get(
    '/sign-in',
    guarded(async (_request, reply, context) => send(reply, context, signInPage(context, null))),
  )

  /** A form posted from another site is refused: signing a browser in or out is this site's to do. */
  const sameOrigin = (request: FastifyRequest): boolean => {
    const origin = request.headers.origin
    return origin === undefined || origin === `${request.protocol}://${request.host}`
  }

  app.post(
    '/sign-in',
    guarded(async (request, reply, context) => {
      if (!sameOrigin(request))
        throw new TreguesiError('TRG_FORBIDDEN', { action: 'sign in', reason: 'the form was posted from another site' })
      const token = (request.body as Record<string, unknown> | undefined)?.token
      if (typeof token !== 'string' || token.trim() === '') {
        throw new TreguesiError('TRG_INVALID_VALUE', { type: 'token', value: '', problem: 'must be given' })
      }
      const caller = await app.authenticate(request, `Bearer ${token.trim()}`)
      if (caller instanceof TreguesiError) return send(reply, context, signInPage(context, caller), statusOf[caller.category])
      return reply
        .setCookie(tokenCookie, token.trim(), { path: '/', sameSite: 'strict', httpOnly: true, secure: request.protocol === 'https' })
        .redirect('/', 303)
    }),
  )

  app.post(
    '/sign-out',
    guarded(async (request, reply) => {
      if (!sameOrigin(request))
        throw new TreguesiError('TRG_FORBIDDEN', { action: 'sign out', reason: 'the form was posted from another site' })
      return reply.clearCookie(tokenCookie, { path: '/' }).redirect('/', 303)
    }),
  )
}
