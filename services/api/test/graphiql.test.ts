import { commandTypes } from '@treguesi/commands'
import t from 'tap'
import { leftMachine, openBrowser } from './support/browser.js'
import { startService } from './support/service.js'

/** The text of a GraphiQL editor (CodeMirror 5), in the page; null while it is not there. */
function editorText(selector: string): string | null {
  type Editor = { CodeMirror: { getValue(): string } }
  const page = globalThis as unknown as { document: { querySelector(selector: string): Editor | null } }
  return page.document.querySelector(selector)?.CodeMirror.getValue() ?? null
}

t.test('GraphiQL runs a query in a real browser, with every request to this machine', async (t) => {
  const service = await startService(t, { seed: false })
  const browser = await openBrowser(t)
  const { page, requests: requested, problems } = await browser.newPage()

  const response = await page.goto(`${service.url}/graphiql`)
  t.equal(response?.status(), 200)
  t.match(response?.headers()['content-security-policy'], /default-src 'self'/)
  const editor = page.locator('.graphiql-query-editor .CodeMirror')
  await editor.waitFor()

  // Replace the default query by typing, as a person would.
  await editor.click()
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Delete')
  await page.keyboard.type('{ commandTypes }')
  const typed = await page.evaluate(editorText, '.graphiql-query-editor .CodeMirror')
  t.equal(typed, '{ commandTypes }')
  await page.locator('.graphiql-execute-button').click()

  await page.locator('.graphiql-response .CodeMirror', { hasText: 'commandTypes' }).waitFor()
  const shown = (await page.evaluate(editorText, '.graphiql-response .CodeMirror'))!
  t.same(JSON.parse(shown), { data: { commandTypes: [...commandTypes] } })
  if (process.env.TREGUESI_SCREENSHOT) await page.screenshot({ path: process.env.TREGUESI_SCREENSHOT })

  t.same(problems, [], 'no script error and no blocked resource')
  t.ok(requested.some((url) => url.endsWith('/graphiql/assets/graphiql.min.js')))
  t.ok(
    requested.some((url) => url.endsWith('/graphql')),
    'the query went to the service',
  )
  t.same(leftMachine(requested), [], 'no request left 127.0.0.1')
})

t.test('the assets are served from the installed packages; anything else is not found', async (t) => {
  const service = await startService(t, { seed: false })
  const script = await fetch(`${service.url}/graphiql/assets/graphiql.min.js`)
  t.equal(script.status, 200)
  t.match(script.headers.get('content-type'), /^text\/javascript/)
  t.ok((await script.text()).length > 100_000)
  const style = await fetch(`${service.url}/graphiql/assets/graphiql.min.css`)
  t.match(style.headers.get('content-type'), /^text\/css/)
  const missing = await fetch(`${service.url}/graphiql/assets/..%2F..%2Fpackage.json`)
  t.equal(missing.status, 404)
  const page = await (await fetch(`${service.url}/graphiql`)).text()
  t.notMatch(page, /https?:\/\//, 'the page names no external address')
})
