import { parseHead, verifyLog } from '@treguesi/audit'
import { seedId } from '@treguesi/seeds'
import t from 'tap'
import { pdfText } from './support/pdf-text.js'
import { startService } from './support/service.js'

const plans = [
  {
    name: 'Elbasan, gender equality',
    id: seedId('elbasan-gender-equality', 'plan', 'PVVBGJ 2022-2024'),
    period: '2024',
    title: 'Barazinë Gjinore',
  },
  { name: 'Elbasan, Roma and Egyptian integration', id: seedId('elbasan-roma-egyptian', 'plan'), period: '2024', title: 'Egjiptian' },
  { name: 'Drenas, domestic violence', id: seedId('drenas-domestic-violence', 'plan'), period: '2025', title: 'Dhun' },
]

/** The head a report states: `<position>:<hash>`, as `verify --expect-head` takes it. */
const stated = /(\d+):([0-9a-f]{64})/

t.test('the PDF report of each seed plan renders, with its figures and the head that proves them', async (t) => {
  const service = await startService(t)
  for (const plan of plans) {
    const response = await fetch(`${service.url}/plans/${plan.id}/report.pdf?period=${plan.period}`)
    t.equal(response.status, 200, plan.name)
    t.equal(response.headers.get('content-type'), 'application/pdf')
    t.match(response.headers.get('content-disposition'), new RegExp(`attachment; filename="raporti-[A-Z]+-${plan.period}-sq\\.pdf"`))
    const { pages, text } = await pdfText(Buffer.from(await response.arrayBuffer()))
    t.ok(pages > 0, `${plan.name}: ${pages} pages`)
    const words = text.join(' ').replace(/\s+/g, ' ')
    t.match(words, `Raporti i monitorimit për periudhën ${plan.period}`)
    t.match(words, plan.title)
    const head = parseHead(stated.exec(text.join('').replace(/\s+/g, ''))?.[0] ?? '')
    t.ok(head, `${plan.name}: the head is stated`)
    t.match(await verifyLog(service.store.recorded, { expectedHead: head! }), { ok: true }, 'and verify accepts it as the head to reach')
  }

  const elbasan = await fetch(`${service.url}/plans/${plans[0]!.id}/report.pdf?period=2024`)
  const words = (await pdfText(Buffer.from(await elbasan.arrayBuffer()))).text.join(' ').replace(/\s+/g, ' ')
  for (const figure of ['0,9 % kundrejt objektivit 2 %', '233,3%', '122,2%', '84,2%', '45%', '4500'])
    t.match(words, figure, `the report shows ${figure}`)
})

t.test('the report in English, as HTML, for the last year unless a period is given', async (t) => {
  const service = await startService(t)
  const [elbasan] = plans
  const html = await fetch(`${service.url}/plans/${elbasan!.id}/report.html`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } })
  t.equal(html.status, 200)
  t.equal(html.headers.get('content-language'), 'en')
  t.match(html.headers.get('content-security-policy'), "default-src 'none'")
  const text = await html.text()
  t.match(text, 'Monitoring report for 2024')
  t.match(text, '0.9 % against a target of 2 %')
  t.match(text, stated)
  t.notMatch(text, /<script/, 'the report runs no script')
  t.notMatch(text, /https?:\/\//, 'and names no address it would load')

  const pdf = await fetch(`${service.url}/plans/${elbasan!.id}/report.pdf?period=2023&lang=en`)
  const { text: pages } = await pdfText(Buffer.from(await pdf.arrayBuffer()))
  t.match(pages.join(' ').replace(/\s+/g, ' '), 'Monitoring report for 2023')
})

t.test('refused: an unknown plan, a bad period; a missing browser is named with what to change', async (t) => {
  const service = await startService(t)
  const unknown = await fetch(`${service.url}/plans/nothing-here/report.pdf?period=2024`)
  t.equal(unknown.status, 404)
  t.match(unknown.headers.get('content-type'), 'text/html')
  const badPeriod = await fetch(`${service.url}/plans/${plans[0]!.id}/report.pdf?period=2024-13`)
  t.equal(badPeriod.status, 400)
  t.match(await badPeriod.text(), 'TRG_INVALID_VALUE')

  const without = await startService(t, { printer: { chromiumPath: '/nowhere/chromium', maxConcurrent: 1, timeoutMs: 10_000 } })
  const refused = await fetch(`${without.url}/plans/${plans[0]!.id}/report.pdf?period=2024`, { headers: { 'accept-language': 'en' } })
  t.equal(refused.status, 503)
  const page = await refused.text()
  t.match(page, 'TRG_RENDERER_UNAVAILABLE')
  t.match(page, '/nowhere/chromium')
  t.match(page, 'TREGUESI_CHROMIUM_PATH')
  const html = await fetch(`${without.url}/plans/${plans[0]!.id}/report.html?period=2024`)
  t.equal(html.status, 200, 'the HTML report needs no browser')
})
