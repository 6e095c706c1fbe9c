import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import { exitCodes, stringOption, UsageError, writeLine, type CliCommand, type CliIo, type ExitCode } from '../context.js'

/** Where `npm start` listens unless HOST and PORT say otherwise. */
const defaultUrl = 'http://127.0.0.1:4000'

const formats = ['pdf', 'html'] as const
const languages = ['sq', 'en'] as const

// The forms of the domain's periods; which years a plan covers only the service knows.
const periodPattern = /^\d{4}(?:-(?:H[12]|Q[1-4]))?$/

function oneOf<Value extends string>(option: string, allowed: readonly Value[]): (text: string) => Value {
  return (text) => {
    if (!(allowed as readonly string[]).includes(text)) throw new UsageError(`${option} must be ${allowed.join(' or ')}, not "${text}"`)
    return text as Value
  }
}

function period(text: string): string {
  if (!periodPattern.test(text))
    throw new UsageError(`--period must be a year (2024), a half-year (2024-H1) or a quarter (2024-Q3), not "${text}"`)
  return text
}

function serviceUrl(source: string, text: string): URL {
  const url = URL.canParse(text) ? new URL(text) : undefined
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new UsageError(`${source} must be the service's http(s) address, such as ${defaultUrl}, not "${text}"`)
  }
  return url
}

/**
 * The bearer token of TREGUESI_TOKEN, or null to read as anonymous. It is never an option: the
 * arguments of a process are visible to every user of the machine.
 */
function tokenOf(env: CliIo['env']): string | null {
  const token = env.TREGUESI_TOKEN?.trim() ?? ''
  if (token === '') return null
  // fetch would refuse a header with a control character before connecting, looking like an unreachable service.
  if (!/^[\x21-\x7e]+$/.test(token)) throw new UsageError('TREGUESI_TOKEN must be a bearer token, as `token issue` prints it')
  return token
}

const jsonRefusalSchema = z.object({
  errors: z.array(z.object({ message: z.string(), extensions: z.object({ trgCode: z.string() }) })).min(1),
})

const entities: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * The code and message of a refusal: the report's routes answer with a page whose alert holds
 * them, a refusal before any route (an expired token, too many requests) with `{ errors: [...] }`.
 */
function refusalOf(body: string): { code: string; message: string } | undefined {
  const alert = /<p class="error" role="alert">([\s\S]*?) <code>(TRG_[A-Z0-9_]+)<\/code><\/p>/.exec(body)
  if (alert !== null) return { code: alert[2]!, message: alert[1]!.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => entities[entity]!) }
  const json = jsonRefusalSchema.safeParse(parsedJson(body))
  if (!json.success) return undefined
  const [first] = json.data.errors
  return { code: first!.extensions.trgCode, message: first!.message }
}

/** The line that says why the service gave no report. */
function refusalLine(status: number, body: string, planId: string): string {
  const refusal = refusalOf(body)
  if (refusal !== undefined) return `[${refusal.code}] ${refusal.message.replace(/\s+/g, ' ').trim()}`
  // The service answers a plan the caller may not read as one that does not exist.
  if (status === 404) return `the service answered 404: no plan ${planId} that the token may read`
  return `the service answered ${status}`
}

/** Writes beside `path` first, so that a failure part-way never leaves a half document under its name. */
async function writeWhole(path: string, body: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`)
  try {
    await writeFile(temporary, body)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

export const reportCommand: CliCommand = {
  usage: 'report <planId> [--period 2024] [--lang sq|en] [--format pdf|html] [--out <file>] [--url <address>]',
  summary:
    "writes a plan's monitoring report (PDF or HTML) from the running service, read with TREGUESI_TOKEN's rights (anonymous without it)",
  options: {
    period: { type: 'string' },
    lang: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    url: { type: 'string' },
  },
  maxPositionals: 1,
  async run({ values, positionals }, io): Promise<ExitCode> {
    const [planId] = positionals
    if (!planId) throw new UsageError('give the id of the plan whose report to write')
    const format = stringOption(values, 'format', oneOf('--format', formats), 'pdf')
    const language = stringOption(values, 'lang', oneOf('--lang', languages), undefined)
    const asked = stringOption(values, 'period', period, undefined)
    const out = stringOption(values, 'out', (path) => path, undefined)
    const given = stringOption(values, 'url', (text) => serviceUrl('--url', text), undefined)
    const service = given ?? serviceUrl('TREGUESI_URL', io.env.TREGUESI_URL ?? defaultUrl)
    const token = tokenOf(io.env)

    // The address may carry a path, under which a proxy serves the service.
    const url = new URL(`${service.origin}${service.pathname.replace(/\/$/, '')}/plans/${encodeURIComponent(planId)}/report.${format}`)
    if (asked !== undefined) url.searchParams.set('period', asked)
    const headers = { ...(language && { 'accept-language': language }), ...(token && { authorization: `Bearer ${token}` }) }
    let response: Response
    try {
      response = await fetch(url, { headers })
    } catch (error) {
      // fetch fails with a TypeError whose cause says why: refused, an unknown host, a port it will not use.
      const cause = (error as { cause: Error }).cause.message
      await writeLine(
        io.stderr,
        `treguesi report: the service at ${service.href} is not reachable (${cause}): start it with npm start, or give --url`,
      )
      return exitCodes.failed
    }
    const body = new Uint8Array(await response.arrayBuffer())
    if (response.status !== 200) {
      await writeLine(io.stderr, `treguesi report: ${refusalLine(response.status, new TextDecoder().decode(body), planId)}`)
      return response.status === 400 ? exitCodes.usage : exitCodes.failed
    }

    if (out === undefined) {
      if (!io.stdout.write(body)) await once(io.stdout, 'drain')
    } else {
      try {
        await writeWhole(out, body)
      } catch (error) {
        await writeLine(io.stderr, `treguesi report: cannot write ${out} (${(error as Error).message})`)
        return exitCodes.failed
      }
    }
    const what = `report of plan ${planId} for ${asked ?? 'its last year'} (${format}, ${body.byteLength} bytes)`
    await writeLine(io.stderr, `${what} written to ${out ?? 'stdout'}`)
    return exitCodes.ok
  },
}
