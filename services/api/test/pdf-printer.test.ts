import { readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import t, { type Test } from 'tap'
import { type PdfPrinter, type PdfPrinterOptions, pdfPrinter } from '../src/web/pdf-printer.js'
import { chromiumPath } from './support/browser.js'
import { pdfText } from './support/pdf-text.js'

const settings: PdfPrinterOptions = { executablePath: chromiumPath, maxConcurrent: 2, maxWaiting: 2, timeoutMs: 30_000 }

/** A printer closed when the test ends. */
function printerFor(t: Test, options: Partial<PdfPrinterOptions> = {}): PdfPrinter {
  const printer = pdfPrinter({ ...settings, ...options })
  t.teardown(() => printer.close())
  return printer
}

const report = (body: string): string => `<!doctype html>
<html lang="sq"><head><meta charset="utf-8"><title>Raporti vjetor i monitorimit</title>
<style>body { font-family: sans-serif } h1 { color: #1a4d80; font-size: 16pt }</style></head>
<body>${body}</body></html>`

const plan = report(`
  <h1>Plani Vendor i Veprimit për Barazinë Gjinore</h1>
  <p>Bashkia trajton çështje të barazisë në buxhet.</p>
  <svg width="120" height="40" role="img" aria-label="Shpenzimet"><rect width="80" height="40" fill="#1a4d80"/></svg>`)

/** The Chromium processes this test process started, as Linux lists them; the browser is the one without `--type`. */
function chromiumBrowsers(): number[] {
  const found: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')
      if (parent === process.pid && command[0]!.includes('chromium') && !command.some((arg) => arg.startsWith('--type=')))
        found.push(Number(entry))
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return found
}

t.test('prints Albanian text to a PDF whose text reads back exactly', async (t) => {
  const printer = printerFor(t)
  const pdf = await printer.print(plan, { title: 'Bashkia Tiranë & Durrës — Raporti 2025' })
  t.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-')
  const { pages, text } = await pdfText(pdf)
  t.equal(pages, 1)
  t.match(text[0], 'Plani Vendor i Veprimit për Barazinë Gjinore')
  t.match(text[0], 'çështje')
  t.match(text[0], 'Bashkia Tiranë & Durrës — Raporti 2025', 'the title heads the page, escaped as text')
  t.match(text[0], '1 / 1', 'the page is numbered')
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise
  t.teardown(() => document.destroy())
  t.same((await document.getMarkInfo())?.Marked, true, 'tagged for screen readers')
  t.same(
    (await document.getOutline()).map((entry) => entry.title),
    ['Plani Vendor i Veprimit për Barazinë Gjinore'],
    'the outline lists the heading',
  )
  t.match((await document.getMetadata()).info, { Language: 'sq' }, "the document's language, from its <html lang>")

  const long = report(Array.from({ length: 120 }, (_, index) => `<p>Masa ${index + 1}: çështje e barazisë gjinore.</p>`).join(''))
  const many = await pdfText(await printer.print(long))
  t.ok(many.pages > 1, `${many.pages} pages`)
  many.text.forEach((page, index) => {
    t.match(page, `${index + 1} / ${many.pages}`)
    t.match(page, 'Raporti vjetor i monitorimit', "without a title, the document's own heads every page")
  })
})

t.test('a printed document requests nothing, here or elsewhere', async (t) => {
  const received: string[] = []
  const server = createServer((request, response) => {
    received.push(request.url!)
    response.end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise((resolve) => server.close(resolve)))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const printer = printerFor(t)
  const pdf = await printer.print(
    report(`
      <link rel="stylesheet" href="${origin}/style.css">
      <style>@import url("${origin}/imported.css"); p { background: url("${origin}/background.png") }</style>
      <h1>Plani Vendor i Veprimit për Barazinë Gjinore</h1>
      <p>çështje</p>
      <img src="${origin}/logo.png" alt="Logo">
      <img src="http://example.org/x.png" alt="Logo">
      <iframe src="${origin}/frame.html"></iframe>
      <script src="${origin}/script.js"></script>`),
  )
  t.match((await pdfText(pdf)).text[0], 'Plani Vendor i Veprimit për Barazinë Gjinore')
  t.same(received, [], 'the local server saw no request')

  await fetch(`${origin}/control`)
  t.same(received, ['/control'], 'the server counts what reaches it')
})

t.test('prints at most maxConcurrent at once and queues at most maxWaiting', async (t) => {
  const printer = printerFor(t, { maxConcurrent: 1, maxWaiting: 1 })
  const results = await Promise.allSettled([printer.print(plan), printer.print(plan), printer.print(plan)])
  t.same(
    results.map((result) => result.status),
    ['fulfilled', 'fulfilled', 'rejected'],
  )
  t.match((results[2] as PromiseRejectedResult).reason, {
    code: 'TRG_OVERLOADED',
    details: { reason: 'the PDF printer is busy: 1 printing, 1 waiting', retryAfterSeconds: 30 },
  })
  t.ok((await printer.print(plan)).length > 0, 'the printer takes documents again once the queue has drained')
})

t.test('a missing Chromium is named, with what to change', async (t) => {
  const printer = printerFor(t, { executablePath: '/nonexistent/chromium' })
  const missing = {
    code: 'TRG_RENDERER_UNAVAILABLE',
    details: { renderer: 'chromium at /nonexistent/chromium', reason: /TREGUESI_CHROMIUM_PATH/ },
  }
  await t.rejects(printer.print(plan), missing)
  await t.rejects(printer.print(plan), missing, 'each print looks again')
})

t.test('an executable that is not Chromium fails to launch, and says so', async (t) => {
  const printer = printerFor(t, { executablePath: '/bin/false' })
  await t.rejects(printer.print(plan), {
    code: 'TRG_RENDERER_UNAVAILABLE',
    details: { renderer: 'chromium at /bin/false', reason: /^could not be started .*TREGUESI_CHROMIUM_PATH/ },
  })
})

t.test('a print that outlasts its timeout fails', async (t) => {
  const printer = printerFor(t, { timeoutMs: 1 })
  await t.rejects(printer.print(plan), {
    code: 'TRG_RENDERER_UNAVAILABLE',
    details: { renderer: `chromium at ${chromiumPath}`, reason: 'did not finish printing within 1 ms' },
  })
})

t.test('a closed printer refuses to print', async (t) => {
  const unused = pdfPrinter(settings)
  await unused.close()
  const closed = { code: 'TRG_RENDERER_UNAVAILABLE', details: { reason: /closed/ } }
  await t.rejects(unused.print(plan), closed)

  const used = pdfPrinter(settings)
  await used.print(plan)
  t.equal(chromiumBrowsers().length, 1)
  await used.close()
  t.same(chromiumBrowsers(), [], 'its browser is gone')
  await t.rejects(used.print(plan), closed)
})

t.test('a browser that died is launched again; the print it took down fails', async (t) => {
  const printer = printerFor(t)
  await printer.print(plan)
  const [first, ...others] = chromiumBrowsers()
  t.same(others, [], 'one browser')

  const during = printer.print(plan)
  process.kill(first!, 'SIGKILL')
  await t.rejects(during, { code: 'TRG_RENDERER_UNAVAILABLE', details: { reason: /^failed while printing/ } })
  // Playwright tells of the disconnection before it fails the calls in flight: the dead browser is forgotten by now.

  const pdf = await printer.print(plan)
  t.match((await pdfText(pdf)).text[0], 'çështje')
  const [second] = chromiumBrowsers()
  t.not(second, first, 'a new browser')
})
