import { languages, type Language } from '@treguesi/errors'
import type { FastifyReply, FastifyRequest } from 'fastify'

/**
 * The language to answer in, by the caller's Accept-Language (RFC 9110 §12.5.4): the spoken
 * language with the highest weight, a region or script ignored (`sq-AL`, `en-GB`); on a tie, or
 * when the header names neither (or is absent or malformed), Albanian.
 */
export function acceptedLanguage(header: string | undefined): Language {
  let chosen: Language = languages[0]
  let best = 0
  for (const range of (header ?? '').split(',')) {
    const [tag = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase())
    const language = languages.find((known) => tag === known || tag.startsWith(`${known}-`))
    if (language === undefined) continue
    const weight = parameters.find((parameter) => parameter.startsWith('q='))
    const quality = weight === undefined ? 1 : Number(weight.slice(2))
    if (!Number.isFinite(quality) || quality <= 0 || quality > 1) continue
    if (quality > best || (quality === best && languages.indexOf(language) < languages.indexOf(chosen))) {
      chosen = language
      best = quality
    }
  }
  return chosen
}

const decided = new WeakMap<FastifyRequest, Language>()

/**
 * The language of a request, decided the first time it is asked and kept. A websocket is
 * decided when it is admitted, by its upgrade request: mercurius later copies the headers of a
 * connection_init payload onto that request, and a socket's refusals stay in one language.
 */
export function languageOf(request: FastifyRequest): Language {
  const known = decided.get(request)
  if (known !== undefined) return known
  const language = acceptedLanguage(request.headers['accept-language'])
  decided.set(request, language)
  return language
}

/** The message of a failure no client is told the cause of. */
export const internalErrorMessage: Readonly<Record<Language, string>> = {
  sq: 'Gabim i brendshëm i shërbimit',
  en: 'Internal server error',
}

/** A Vary header's value with `field` listed once: another header may already vary the answer. */
export function withVary(current: string | number | string[] | undefined, field: string): string {
  const fields = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
  const listed = fields.some((name) => name === '*' || name.toLowerCase() === field)
  return (listed ? fields : [...fields, field]).join(', ')
}

/**
 * Marks an answer written in the request's language: Content-Language names it, and Vary tells
 * a cache that another Accept-Language may get another answer. Returns the language.
 */
export function answerIn(reply: FastifyReply): Language {
  const language = languageOf(reply.request)
  reply.header('content-language', language).header('vary', withVary(reply.getHeader('vary'), 'accept-language'))
  return language
}
