import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { seedId } from '@treguesi/seeds'
import t, { type Test } from 'tap'
import type { Page } from 'playwright-core'
import { axeViolations } from './support/accessibility.js'
import { leftMachine, openBrowser, type WatchedPage } from './support/browser.js'
import { principals, startService, type TestService } from './support/service.js'

const elbasanPlan = seedId('elbasan-gender-equality', 'plan', 'PVVBGJ 2022-2024')
const drenasPlan = seedId('drenas-domestic-violence', 'plan')

/** Screenshots for a person to look at, beside the other test output (ignored by git). */
const screenshots = join(import.meta.dirname, '..', '..', '..', 'test-output', 'screenshots')

const phone = { width: 390, height: 844 }
const desktop = { width: 1280, height: 900 }

/** The attainment of each of the six indicators DOMAIN.md's table reports, as the page writes it in each language. */
const reported = {
  'II.1/T1': { sq: '90%', en: '90%' },
  'II.2/T1': { sq: '84,2%', en: '84.2%' },
  'III.1/T1': { sq: '122,2%', en: '122.2%' },
  'III.2/T1': { sq: '3%', en: '3%' },
  'IV.1/T1': { sq: '233,3%', en: '233.3%' },
  'IV.2/T1': { sq: '45%', en: '45%' },
} as const

/** The row of an indicator in the plan page's tables, by its code. */
const rowOf = (page: Page, code: string) =>
  page.locator('tr', { has: page.locator('td:first-child', { hasText: new RegExp(`^${code.replace(/[./]/g, '\\$&')}$`) }) })

async function checked(t: Test, watched: WatchedPage, name: string): Promise<void> {
  const violations = await axeViolations(watched.page)
  t.same(violations, [], `${name}: no serious or critical accessibility violation`)
  t.same(watched.problems, [], `${name}: no console error`)
  t.same(leftMachine(watched.requests), [], `${name}: no request left 127.0.0.1`)
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true })
  for (const [width, size] of [
    ['phone', phone],
    ['desktop', desktop],
  ] as const) {
    await page.setViewportSize(size)
    await page.screenshot({ path: join(screenshots, `${name}-${width}.png`), fullPage: true })
  }
  await page.setViewportSize(desktop)
}

async function signIn(page: Page, service: TestService, token: string): Promise<void> {
  await page.goto(`${service.url}/sign-in`)
  await page.locator('#token').fill(token)
  await page.locator('form[action="/sign-in"] button').click()
  await page.waitForURL(`${service.url}/`)
}

t.test('anonymous: the Elbasan plan shows its six reported indicators, the budget-share gauge, and switches language', async (t) => {
  const service = await startService(t)
  const browser = await openBrowser(t, { bypassCSP: true, viewport: desktop, locale: 'sq-AL' })
  const watched = await browser.newPage()
  const { page } = watched

  const home = await page.goto(`${service.url}/`)
  t.equal(home?.status(), 200)
  t.equal(await page.getAttribute('html', 'lang'), 'sq', 'Albanian by default')
  t.equal(await page.locator('h1').textContent(), 'Bashkitë')
  t.match(await page.locator('main').textContent(), /Komuna e Drenasit[\s\S]*Bashkia Elbasan/)
  await checked(t, watched, 'home')
  await screenshot(page, 'home')

  await page.locator(`a[href="/plans/${elbasanPlan}"]`).click()
  await page.waitForURL(`${service.url}/plans/${elbasanPlan}`)
  t.match(await page.locator('h1').textContent(), /Plani Vendor i Veprimit për Barazinë Gjinore/)
  for (const [code, attainment] of Object.entries(reported)) {
    t.match(await rowOf(page, code).textContent(), attainment.sq, `${code}: attainment ${attainment.sq}`)
  }
  t.match(
    await page.locator('figure.gauge-card figcaption').first().textContent(),
    '0,9 % kundrejt objektivit 2 %',
    'the budget-share gauge',
  )
  t.equal(await page.locator('figure.gauge-card svg[role="img"]').count(), 1)
  await checked(t, watched, 'plan')
  await screenshot(page, 'plan-elbasan')

  // The language switch is a link: reachable by keyboard like every control of the page.
  await page.locator('a[hreflang="en"]').focus()
  await page.keyboard.press('Enter')
  await page.waitForURL(`${service.url}/plans/${elbasanPlan}`)
  t.equal(await page.getAttribute('html', 'lang'), 'en')
  t.match(await page.locator('main').textContent(), /Progress[\s\S]*Areas[\s\S]*Budget/)
  t.match(await page.locator('figure.gauge-card figcaption').first().textContent(), '0.9 % against a target of 2 %')
  for (const [code, attainment] of Object.entries(reported))
    t.match(await rowOf(page, code).textContent(), attainment.en, `${code} in English`)
  await page.goto(`${service.url}/`)
  t.equal(await page.locator('h1').textContent(), 'Municipalities', 'the choice is kept for the next page')
  await checked(t, watched, 'plan in English')
  await screenshot(page, 'home-en')

  // The first Tab reaches the skip link, which takes the keyboard past the header.
  await page.goto(`${service.url}/plans/${elbasanPlan}`)
  await page.keyboard.press('Tab')
  t.equal(
    await page.evaluate(
      () => (globalThis as unknown as { document: { activeElement: { className: string } } }).document.activeElement.className,
    ),
    'skip',
  )

  // An indicator's page: its values and breakdowns, and no history for an anonymous reader.
  await page.goto(`${service.url}/indicators/${seedId('elbasan-gender-equality', 'indicator', 'II.1/T1')}`)
  t.match(await page.locator('h1').textContent(), 'II.1/T1')
  t.equal(await page.locator('h2', { hasText: 'History' }).count(), 0, 'no history for anonymous')
  await checked(t, watched, 'indicator')

  await page.goto(`${service.url}/plans/${drenasPlan}`)
  await checked(t, watched, 'Drenas plan')
  await screenshot(page, 'plan-drenas')
})

t.test('an editor signs in, reads an indicator history and a draft of their municipality; anonymous reads neither', async (t) => {
  const service = await startService(t)
  const editor = service.token(principals.editorElbasan)
  const draftId = crypto.randomUUID()
  const draft = await service.graphql(
    `mutation ($input: DraftPlanInput!) { draftPlan(input: $input) { position } }`,
    {
      input: {
        commandId: crypto.randomUUID(),
        planId: draftId,
        municipality: 'ELB',
        kind: 'gender_equality',
        title: { sq: 'Plani i ri për barazinë gjinore 2025–2030' },
        period: { from: 2025, to: 2030 },
      },
    },
    editor,
  )
  t.equal(draft.errors, undefined)

  const anonymous = await fetch(`${service.url}/plans/${draftId}`)
  t.equal(anonymous.status, 404, 'a draft is not found by anonymous readers')
  t.notMatch(await (await fetch(`${service.url}/`)).text(), 'Plani i ri për barazinë gjinore', 'nor listed')

  const browser = await openBrowser(t, { bypassCSP: true, viewport: desktop, locale: 'sq-AL' })
  const watched = await browser.newPage()
  const { page } = watched
  await signIn(page, service, editor)
  t.match(await page.locator('header').textContent(), 'editor-elb')
  t.match(await page.locator('main').textContent(), 'Plani i ri për barazinë gjinore 2025–2030', 'the editor sees the draft listed')
  await page.goto(`${service.url}/plans/${draftId}`)
  t.match(await page.locator('.notice').textContent(), 'Draft')
  await checked(t, watched, 'draft plan')

  await page.goto(`${service.url}/indicators/${seedId('elbasan-gender-equality', 'indicator', 'II.1/T1')}`)
  t.equal(await page.locator('h2', { hasText: 'Historiku' }).count(), 1)
  t.match(await page.locator('main table').last().textContent(), /raportuar/)
  await checked(t, watched, 'indicator history')
  await screenshot(page, 'indicator-history')

  await page.locator('form[action="/sign-out"] button').click()
  await page.waitForURL(`${service.url}/`)
  t.notMatch(await page.locator('main').textContent(), 'Plani i ri për barazinë gjinore', 'signed out: the draft is gone')
  t.equal(await page.locator('a[href="/sign-in"]').count(), 1)
})

t.test('an admin sees who recorded each figure; what changed since a moment lists a correction', async (t) => {
  const service = await startService(t)
  const admin = service.token(principals.admin)
  const indicatorId = seedId('elbasan-gender-equality', 'indicator', 'II.1/T1')
  const before = new Date().toISOString()
  await new Promise((resolve) => setTimeout(resolve, 5))
  const reopened = await service.graphql(
    'mutation ($input: ReopenReportInput!) { reopenReport(input: $input) { position } }',
    { input: { commandId: crypto.randomUUID(), planId: elbasanPlan, period: '2024', reason: { sq: 'Rishikim' } } },
    admin,
  )
  t.equal(reopened.errors, undefined)
  const corrected = await service.graphql(
    'mutation ($input: CorrectIndicatorValueInput!) { correctIndicatorValue(input: $input) { position } }',
    { input: { commandId: crypto.randomUUID(), indicatorId, period: '2024', value: '4800', reason: { sq: 'Gabim në raportim' } } },
    admin,
  )
  t.equal(corrected.errors, undefined)

  const browser = await openBrowser(t, { bypassCSP: true, viewport: desktop, locale: 'sq-AL' })
  const watched = await browser.newPage()
  const { page } = watched
  await signIn(page, service, admin)
  await page.goto(`${service.url}/indicators/${indicatorId}`)
  t.match(
    await page.locator('main table').last().textContent(),
    /admin-1[\s\S]*Gabim në raportim|Gabim në raportim[\s\S]*admin-1/,
    'the recorder and the reason',
  )

  await page.goto(`${service.url}/plans/${elbasanPlan}/changes?since=${encodeURIComponent(before)}`)
  const changes = await page.locator('main table').textContent()
  t.match(changes, /II\.1\/T1[\s\S]*4\s?500[\s\S]*4\s?800/, 'the corrected figure, then and now')
  await checked(t, watched, 'changes')
  await screenshot(page, 'changes')
})
