import t from 'tap'
import { axeViolations } from './support/accessibility.js'
import { leftMachine, openBrowser } from './support/browser.js'

/** A page that admits only its own scripts, as the service's pages do. */
const strictPolicy = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`

const cleanPage = `<!doctype html>
<html lang="sq"><head>${strictPolicy}<title>Plani Vendor i Veprimit</title></head>
<body><main>
  <h1>Plani Vendor i Veprimit për Barazinë Gjinore</h1>
  <p style="color: #222; background: #fff">Çështjet e barazisë gjinore në bashki.</p>
  <img src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='8' height='8'/%3E" alt="Grafiku i buxhetit">
</main></body></html>`

const faultyPage = `<!doctype html>
<html lang="sq"><head>${strictPolicy}<title>Plani Vendor i Veprimit</title></head>
<body><main>
  <h1>Plani Vendor i Veprimit për Barazinë Gjinore</h1>
  <p id="faint" style="color: #ccc; background: #fff">Çështjet e barazisë gjinore në bashki.</p>
  <img id="unnamed" src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='8' height='8'/%3E">
</main></body></html>`

t.test('axe-core finds the serious and critical WCAG violations of a page, and none in a clean one', async (t) => {
  const browser = await openBrowser(t, { bypassCSP: true, viewport: { width: 1024, height: 768 }, locale: 'sq-AL' })
  const { page, requests, problems } = await browser.newPage()

  await page.setContent(faultyPage)
  const found = await axeViolations(page)
  t.same(
    found.map(({ id, impact, nodes }) => ({ id, impact, nodes })).sort((a, b) => a.id.localeCompare(b.id)),
    [
      { id: 'color-contrast', impact: 'serious', nodes: ['#faint'] },
      { id: 'image-alt', impact: 'critical', nodes: ['#unnamed'] },
    ],
  )
  t.ok(
    found.every((violation) => violation.help.length > 0),
    'each violation says what would mend it',
  )
  t.same(
    (await axeViolations(page, { impacts: ['critical'] })).map(({ id }) => id),
    ['image-alt'],
    'only the impacts asked for',
  )

  await page.setContent(cleanPage)
  t.same(await axeViolations(page), [])
  t.same(problems, [], 'the page CSP did not stop the injected script')
  t.same(leftMachine(requests), [], 'axe-core fetched nothing')
})

t.test('without bypassCSP the page CSP keeps axe-core out', async (t) => {
  const browser = await openBrowser(t)
  const { page, problems } = await browser.newPage()
  await page.setContent(cleanPage)
  await t.rejects(axeViolations(page))
  t.match(problems.join('\n'), /Content Security Policy/)
})

t.test('a watched page records its console errors, its uncaught errors and its requests', async (t) => {
  const browser = await openBrowser(t)
  // Refused here, so the test reaches no network; the request is still made, and recorded.
  await browser.context.route('http://example.org/**', (route) => route.abort())
  const { page, requests, problems } = await browser.newPage()
  await page.setContent(`<!doctype html><html lang="sq"><title>Gabime</title>
    <script>console.log('shënim'); console.error('gabim në çështje')</script>
    <script>throw new Error('gabim i pakapur')</script>
    <img src="http://example.org/x.png" alt="Logo">`)
  t.same(
    problems.filter((problem) => !problem.startsWith('Failed to load resource')),
    ['gabim në çështje', 'gabim i pakapur'],
    'errors only, not every console message',
  )
  t.same(leftMachine(requests), ['http://example.org/x.png'])
})
