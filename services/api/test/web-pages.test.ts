import { seedId } from '@treguesi/seeds'
import t from 'tap'
import { principals, startService } from './support/service.js'

const elbasanPlan = seedId('elbasan-gender-equality', 'plan', 'PVVBGJ 2022-2024')
const indicatorId = seedId('elbasan-gender-equality', 'indicator', 'II.1/T1')

/** A page fetched as a browser would, without following redirects. */
const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers, redirect: 'manual' })

t.test('pages answer in the reader language: Accept-Language, then the switch, then ?lang', async (t) => {
  const service = await startService(t)
  const albanian = await get(`${service.url}/`)
  t.equal(albanian.status, 200)
  t.equal(albanian.headers.get('content-type'), 'text/html; charset=utf-8')
  t.equal(albanian.headers.get('content-language'), 'sq')
  t.match(albanian.headers.get('vary'), 'accept-language')
  t.equal(albanian.headers.get('cache-control'), 'private, no-store')
  const policy = albanian.headers.get('content-security-policy')!
  t.match(policy, "default-src 'none'")
  t.match(policy, /style-src 'sha256-[A-Za-z0-9+/=]+'/)
  t.notMatch(policy, 'script-src', 'pages run no script')
  const page = await albanian.text()
  t.match(page, '<html lang="sq">')
  t.match(page, '<h1>Bashkitë</h1>')
  t.match(page, 'Komuna e Drenasit', 'Albanian text round-trips')

  t.match(await (await get(`${service.url}/`, { 'accept-language': 'en-US,en;q=0.8' })).text(), '<h1>Municipalities</h1>')
  t.match(await (await get(`${service.url}/?lang=en`)).text(), '<h1>Municipalities</h1>')

  const switched = await get(`${service.url}/language?to=en&back=${encodeURIComponent(`/plans/${elbasanPlan}?period=2023`)}`)
  t.equal(switched.status, 303)
  t.equal(switched.headers.get('location'), `/plans/${elbasanPlan}?period=2023`)
  const cookie = switched.headers.get('set-cookie')!
  t.match(cookie, /^treguesi_lang=en;/)
  t.match(cookie, 'HttpOnly')
  const chosen = await get(`${service.url}/plans/${elbasanPlan}?period=2023`, { cookie: 'treguesi_lang=en', 'accept-language': 'sq' })
  t.equal(chosen.headers.get('content-language'), 'en', 'the switch wins over the browser')
  t.match(await chosen.text(), '<option value="2023" selected>2023</option>')

  const elsewhere = await get(`${service.url}/language?to=sq&back=${encodeURIComponent('//example.org/')}`)
  t.equal(elsewhere.headers.get('location'), '/', 'never back to another site')
  const badLanguage = await get(`${service.url}/language?to=de`)
  t.equal(badLanguage.status, 400)
  t.match(await badLanguage.text(), 'TRG_INVALID_VALUE')
})

t.test('refusals are pages with their code, in the reader language, and never a 5xx', async (t) => {
  const service = await startService(t)
  const missing = await get(`${service.url}/plans/no-such-plan`)
  t.equal(missing.status, 404)
  t.match(await missing.text(), 'Nuk u gjet')
  t.equal((await get(`${service.url}/indicators/no-such-indicator`, { 'accept-language': 'en' })).status, 404)

  const badPeriod = await get(`${service.url}/plans/${elbasanPlan}?period=2024-H3`)
  t.equal(badPeriod.status, 400)
  const albanian = await badPeriod.text()
  t.match(albanian, 'TRG_INVALID_VALUE')
  t.match(albanian, 'role="alert"')
  const english = await (await get(`${service.url}/plans/${elbasanPlan}?period=2024-H3`, { 'accept-language': 'en' })).text()
  t.not(
    english.match(/<p class="error"[^>]*>([^<]*)/)?.[1],
    albanian.match(/<p class="error"[^>]*>([^<]*)/)?.[1],
    'the message in each language',
  )

  const twice = await get(`${service.url}/plans/${elbasanPlan}?period=2023&period=2024`)
  t.equal(twice.status, 400, 'a parameter given twice')
  const badSince = await get(`${service.url}/plans/${elbasanPlan}/changes?since=yesterday`)
  t.equal(badSince.status, 400)
  t.match(await badSince.text(), 'TRG_INVALID_VALUE')
  const changes = await get(`${service.url}/plans/${elbasanPlan}/changes`)
  t.equal(changes.status, 200, 'the changes page asks for a date first')
  t.match(await changes.text(), 'type="date"')
  const early = await (await get(`${service.url}/plans/${elbasanPlan}/changes?since=2001-01-01`)).text()
  t.match(early, 'Plani nuk njihej ende në këtë datë', 'before the plan was recorded')
  const missingChanges = await get(`${service.url}/plans/no-such-plan/changes?since=2024-01-01`)
  t.equal(missingChanges.status, 404)
  const period = await get(`${service.url}/indicators/${indicatorId}?period=2024-13`)
  t.equal(period.status, 400)
  const unknownPage = await get(`${service.url}/plans/${elbasanPlan}/report.docx`)
  t.equal(unknownPage.status, 404)
})

t.test('signing in keeps the token in an HttpOnly, SameSite=Strict cookie; a bad token or another site is refused', async (t) => {
  const service = await startService(t)
  const form = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${service.url}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    })

  const page = await get(`${service.url}/sign-in`)
  t.match(await page.text(), 'name="token" type="password"')

  const editor = service.token(principals.editorElbasan)
  const signedIn = await form(`token=${encodeURIComponent(editor)}`, { origin: service.url })
  t.equal(signedIn.status, 303)
  const cookie = signedIn.headers.get('set-cookie')!
  t.match(cookie, `treguesi_token=${editor}`)
  t.match(cookie, 'HttpOnly')
  t.match(cookie, 'SameSite=Strict')
  const asEditor = await (await get(`${service.url}/`, { cookie: `treguesi_token=${editor}` })).text()
  t.match(asEditor, 'editor-elb')
  const history = await (await get(`${service.url}/indicators/${indicatorId}`, { cookie: `treguesi_token=${editor}` })).text()
  t.match(history, '<h2>Historiku</h2>', 'staff read the history')
  t.notMatch(await (await get(`${service.url}/indicators/${indicatorId}`)).text(), 'Historiku', 'anonymous readers do not')

  const graphql = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `treguesi_token=${service.token(principals.admin)}` },
    body: JSON.stringify({ query: '{ history(entityId: "ELB") { totalCount } }' }),
  })
  const answer = (await graphql.json()) as { data: unknown; errors?: Array<{ extensions: { trgCode: string } }> }
  t.same([answer.data, answer.errors?.[0]?.extensions.trgCode], [null, 'TRG_UNAUTHENTICATED'], '/graphql never reads the cookie')

  const refused = await form('token=not-a-token')
  t.equal(refused.status, 401)
  t.match(await refused.text(), 'TRG_UNAUTHENTICATED')
  const empty = await form('token=')
  t.equal(empty.status, 400)
  const foreign = await form(`token=${encodeURIComponent(editor)}`, { origin: 'https://example.org' })
  t.equal(foreign.status, 403, 'a form posted from another site')
  t.equal(foreign.headers.get('set-cookie'), null)

  const expired = await get(`${service.url}/`, { cookie: 'treguesi_token=expired.or.forged' })
  t.equal(expired.status, 200, 'a cookie whose token no longer holds reads as anonymous')
  t.match(expired.headers.get('set-cookie'), /^treguesi_token=;/, 'and is cleared')

  const signedOut = await fetch(`${service.url}/sign-out`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: `treguesi_token=${editor}` },
  })
  t.equal(signedOut.status, 303)
  t.match(signedOut.headers.get('set-cookie'), /^treguesi_token=;/)
  const foreignOut = await fetch(`${service.url}/sign-out`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: 'https://example.org' },
  })
  t.equal(foreignOut.status, 403)
})

t.test('a download linked from a page reads with the signed-in reader rights', async (t) => {
  const service = await startService(t)
  const admin = service.token(principals.admin)
  // A correction of an approved report's figure is read by the public only once approved again.
  const reopened = await service.graphql(
    'mutation ($input: ReopenReportInput!) { reopenReport(input: $input) { position } }',
    { input: { commandId: crypto.randomUUID(), planId: elbasanPlan, period: '2024', reason: { sq: 'Rishikim' } } },
    admin,
  )
  const corrected = await service.graphql(
    'mutation ($input: CorrectIndicatorValueInput!) { correctIndicatorValue(input: $input) { position } }',
    { input: { commandId: crypto.randomUUID(), indicatorId, period: '2024', value: '4800', reason: { sq: 'Gabim' } } },
    admin,
  )
  t.same([reopened.errors, corrected.errors], [undefined, undefined])
  const download = (headers: Record<string, string> = {}) =>
    get(`${service.url}/exports/figures.csv?plan=${elbasanPlan}`, headers).then((answer) => answer.text())
  const signedIn = await download({ cookie: `treguesi_token=${admin}` })
  t.equal(signedIn, await download({ authorization: `Bearer ${admin}` }), 'the cookie reads as the token would')
  t.match(signedIn, ',4800,')
  t.notMatch(await download(), ',4800,', 'an anonymous reader gets the figure as approved')
})

t.test('a plan larger than one answer may hold is refused as a page, never a 5xx', async (t) => {
  const service = await startService(t, { execution: { objects: 200, milliseconds: 10_000, objectsPerTurn: 100 } })
  const page = await get(`${service.url}/plans/${elbasanPlan}?period=2024`, { 'accept-language': 'en' })
  t.equal(page.status, 400)
  t.match(await page.text(), 'TRG_LIMIT_EXCEEDED')
})
