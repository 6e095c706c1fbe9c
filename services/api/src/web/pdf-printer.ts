import { existsSync } from 'node:fs'
import { TreguesiError } from '@treguesi/errors'
import { type Browser, chromium } from 'playwright-core'

export interface PdfPrinterOptions {
  /** Chromium's executable; the service reads it from TREGUESI_CHROMIUM_PATH. */
  readonly executablePath: string
  /** Documents printed at once: each holds a browser context and its renderer's memory. */
  readonly maxConcurrent: number
  /** Documents waiting for a free printer; one more is refused as an overload. */
  readonly maxWaiting: number
  /** From the moment a document's turn comes to its last byte, launching the browser included. */
  readonly timeoutMs: number
}

export interface PdfPrinter {
  /** Prints self-contained HTML (inline CSS and SVG) on A4; `title` heads every page. */
  print(html: string, options?: { title?: string }): Promise<Buffer>
  /** Closes the browser; later prints are refused. */
  close(): Promise<void>
}

/**
 * Chromium without anything that phones home: the printer must not reach the network on its own,
 * for updates, metrics or sync, any more than the documents it prints may.
 */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const margin = { top: '20mm', right: '15mm', bottom: '20mm', left: '15mm' }

/** Header and footer templates see none of the page's styles: they need their own size and font. */
const templateStyle = 'width: 100%; margin: 0 15mm; font-family: sans-serif; font-size: 8pt; color: #444;'

/** Chromium fills `title` with the document's own <title> when no title is given. */
const headerTemplate = (title: string | undefined): string =>
  `<div style="${templateStyle}">${title === undefined ? '<span class="title"></span>' : escapeHtml(title)}</div>`

/** Numbers alone read the same in Albanian and English. */
const footerTemplate = `<div style="${templateStyle} text-align: right;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`

const entities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => entities[character]!)

/** Playwright's messages go on with a call log; the first line says what happened. */
const firstLine = (error: unknown): string => String(error).split('\n', 1)[0]!

const ignore = (): void => {}

/**
 * Prints HTML to PDF with one headless Chromium, launched on the first print and launched again
 * if it has died. Every print has a context of its own, with scripts off and every request
 * refused: a document that names a remote image or stylesheet is printed without it, and the
 * service never fetches anything on a document's behalf.
 */
export function pdfPrinter(options: PdfPrinterOptions): PdfPrinter {
  const { executablePath, maxConcurrent, maxWaiting, timeoutMs } = options
  const renderer = `chromium at ${executablePath}`
  const unavailable = (reason: string, options?: { cause: unknown }): TreguesiError<'TRG_RENDERER_UNAVAILABLE'> =>
    new TreguesiError('TRG_RENDERER_UNAVAILABLE', { renderer, reason }, options)

  let closed = false
  let launching: Promise<Browser> | undefined
  let printing = 0
  const waiting: (() => void)[] = []

  async function launch(): Promise<Browser> {
    if (!existsSync(executablePath)) {
      throw unavailable('is not there: install Chromium, or set TREGUESI_CHROMIUM_PATH to where its executable is')
    }
    try {
      return await chromium.launch({ executablePath, headless: true, args: chromiumArgs, timeout: timeoutMs })
    } catch (error) {
      throw unavailable(`could not be started (${firstLine(error)}): check that TREGUESI_CHROMIUM_PATH names a working Chromium`, {
        cause: error,
      })
    }
  }

  /** The browser, launched when none runs; a failed launch is forgotten so the next print tries again. */
  function browser(): Promise<Browser> {
    if (closed) return Promise.reject(unavailable('has been closed with the service'))
    if (launching === undefined) {
      const attempt = launch()
      const forget = (): void => {
        if (launching === attempt) launching = undefined
      }
      launching = attempt
      attempt.then((launched) => launched.on('disconnected', forget), forget)
    }
    return launching
  }

  /** A turn to print; the waiting are served in order, and refused once the queue is full. */
  async function turn(): Promise<void> {
    if (printing < maxConcurrent) {
      printing += 1
      return
    }
    if (waiting.length >= maxWaiting) {
      throw new TreguesiError('TRG_OVERLOADED', {
        reason: `the PDF printer is busy: ${printing} printing, ${waiting.length} waiting`,
        retryAfterSeconds: Math.max(1, Math.ceil(timeoutMs / 1000)),
      })
    }
    await new Promise<void>((resolve) => waiting.push(resolve))
  }

  /** Hands the turn to the first waiting print, so none can overtake it. */
  function endTurn(): void {
    const next = waiting.shift()
    if (next === undefined) printing -= 1
    else next()
  }

  /** A launch that failed, or the printer closed, is already said; anything else went wrong inside Chromium. */
  function failed(error: unknown): never {
    throw error instanceof TreguesiError ? error : unavailable(`failed while printing (${firstLine(error)})`, { cause: error })
  }

  async function render(html: string, title: string | undefined): Promise<Buffer> {
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(unavailable(`did not finish printing within ${timeoutMs} ms`)), timeoutMs)
    })
    const context = browser().then((running) => running.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' }))
    const printed = context
      .then(async (own) => {
        // data: URLs never reach the route; everything else would be a request leaving the machine.
        await own.route('**/*', (route) => route.abort('blockedbyclient'))
        const page = await own.newPage()
        // The printer's own deadline bounds the whole print; Playwright's would cut it at 30 s.
        await page.setContent(html, { waitUntil: 'load', timeout: 0 })
        return page.pdf({
          format: 'A4',
          printBackground: true,
          margin,
          // Tagged, so a screen reader follows the report's structure; the outline lists its headings.
          tagged: true,
          outline: true,
          displayHeaderFooter: true,
          headerTemplate: headerTemplate(title),
          footerTemplate,
        })
      })
      .catch(failed)
    // After a timeout the print goes on until its context closes, and fails then: nobody waits for it.
    printed.catch(ignore)
    try {
      return await Promise.race([printed, late])
    } finally {
      clearTimeout(timer)
      // Not awaited: after a timeout, closing is what stops the print, and the caller has its answer.
      context.then((own) => own.close()).catch(ignore)
    }
  }

  return {
    async print(html, printOptions = {}) {
      await turn()
      try {
        return await render(html, printOptions.title)
      } finally {
        endTurn()
      }
    },
    async close() {
      closed = true
      const attempt = launching
      launching = undefined
      await attempt?.then((running) => running.close(), ignore)
    },
  }
}
