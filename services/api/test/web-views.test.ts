import { createHash } from 'node:crypto'
import { TreguesiError } from '@treguesi/errors'
import t from 'tap'
import { anonymous, type Principal } from '../src/access/principal.js'
import { attainmentBar, barChart, gauge, moneyBars, ratingColours } from '../src/web/charts.js'
import { formatsFor, localized, localizedText } from '../src/web/format.js'
import { escapeText, html, trusted } from '../src/web/html.js'
import { messages, nameOf } from '../src/web/messages.js'
import { languageSwitch, page, pageContext, pageSecurityPolicy, pageStyle } from '../src/web/page.js'
import { changesPage } from '../src/web/pages/changes-page.js'
import { errorPage, notFoundPage } from '../src/web/pages/error-page.js'
import { homePage, type HomeAnswer } from '../src/web/pages/home-page.js'
import { indicatorPage, type IndicatorAnswer } from '../src/web/pages/indicator-page.js'
import { planPage, planPeriods } from '../src/web/pages/plan-page.js'
import { signInPage } from '../src/web/pages/sign-in-page.js'
import {
  indicatorsOf,
  measuresOf,
  objectivesOf,
  type CostingFigures,
  type FigureData,
  type FundingData,
  type IndicatorData,
  type MeasureData,
  type ObjectiveData,
  type PlanData,
  type RollUpData,
} from '../src/web/plan-query.js'
import { reportDocument } from '../src/web/report/report-document.js'
import { figureText, inUnit, missingReason, targetText } from '../src/web/views.js'

/*
 * The views rendered straight from answers shaped as the API gives them, so that every case a
 * reader can meet is drawn: the route tests see only what the seed plans hold.
 */

/** Intl groups thousands and parts a currency code from its amount with a no-break space in both locales. */
const nbsp = '\u00a0'

const sq = pageContext('sq', anonymous, '/plans/p-1')
const en = pageContext('en', anonymous, '/plans/p-1?period=2023')
const editor: Principal = { id: 'editor-elb', role: 'editor', municipalities: ['ELB'] }

const between = (text: string, start: string, end: string): string => {
  const from = text.indexOf(start)
  if (from < 0) throw new Error(`${start} is not in the page`)
  const to = text.indexOf(end, from + start.length)
  return text.slice(from, to < 0 ? undefined : to)
}

const count = (text: string, fragment: string): number => text.split(fragment).length - 1

/** The numbers of an SVG attribute, in the order the elements come. */
const attributes = (svg: string, element: string, attribute: string): number[] =>
  [...svg.matchAll(new RegExp(`<${element}\\b[^>]*?\\s${attribute}="([^"]*)"`, 'g'))].map((match) => Number(match[1]))

/** Where an arc path of the gauge ends. */
const arcEnds = (svg: string): Array<[number, number]> =>
  [...svg.matchAll(/<path d="M [\d.]+ [\d.]+ A 80 80 0 0 1 ([\d.-]+) ([\d.-]+)"/g)].map((match) => [Number(match[1]), Number(match[2])])

// Answers as the plan document returns them.

const figure = (value: string | null, reason: string | null = null): FigureData => ({ value, reason, explanation: null })

const rollUp = (attainment: FigureData, rating: string, overrides: Partial<RollUpData> = {}): RollUpData => ({
  attainment,
  rating,
  indicators: 4,
  counted: 3,
  measures: 2,
  measureStatuses: [
    { status: 'completed', count: 2 },
    { status: 'postponed', count: 1 },
    { status: 'cancelled', count: 0 },
  ],
  ...overrides,
})

function indicator(overrides: Partial<IndicatorData> = {}): IndicatorData {
  return {
    id: 'ind-women',
    code: 'I.1',
    name: { sq: 'Gra në këshill', en: 'Women on the council' },
    unit: 'percent',
    currency: null,
    sensitive: false,
    computed: null,
    baseline: { value: '20', year: 2021 },
    period: '2023',
    actual: figure('30.5'),
    target: { period: '2024', resolved: { value: '40', lower: null, upper: null, reason: null } },
    attainment: figure('0.5'),
    rating: { value: 'partly', reason: null },
    values: [],
    ...overrides,
  }
}

const target = (resolved: Partial<NonNullable<IndicatorData['target']>['resolved']>): IndicatorData['target'] => ({
  period: '2024',
  resolved: { value: null, lower: null, upper: null, reason: null, ...resolved },
})

const shelters = indicator({
  id: 'ind-shelters',
  code: 'I.2',
  name: { sq: 'Strehime të hapura', en: null },
  unit: 'count',
  baseline: null,
  actual: figure('12'),
  target: target({ lower: '10', upper: '15' }),
  attainment: figure('2.4'),
  rating: { value: 'achieved', reason: null },
  values: [
    {
      period: '2023',
      value: '12',
      reason: null,
      text: null,
      source: { sq: 'Regjistri i bashkisë', en: 'Municipal register' },
      note: null,
      breakdowns: [
        {
          dimension: 'sex',
          categories: [
            { category: 'F', value: '9', reason: null },
            { category: 'M', value: null, reason: 'suppressed' },
          ],
        },
      ],
    },
  ],
})

const grants = indicator({
  id: 'ind-grants',
  code: 'I.3',
  name: { sq: 'Grante për gratë sipërmarrëse', en: 'Grants to women entrepreneurs' },
  unit: 'amount',
  currency: 'ALL',
  baseline: { value: '1500000', year: 2021 },
  period: null,
  actual: figure(null, 'no-actual'),
  target: null,
  attainment: figure(null, 'no-target'),
  rating: { value: 'no_data', reason: 'no-target' },
})

const share = indicator({
  id: 'ind-share',
  code: 'B.1',
  name: { sq: 'Pjesa e buxhetit për barazinë gjinore', en: 'Budget share for gender equality' },
  computed: { kind: 'budget_share', category: 'gender_equality' },
  baseline: null,
  actual: figure('0.9'),
  target: target({ value: '2' }),
  attainment: figure('0.45'),
  rating: { value: 'off_track', reason: null },
})

const unsharedShare = indicator({
  id: 'ind-share-missing',
  code: 'B.2',
  name: { sq: 'Pjesa e buxhetit për romët', en: null },
  computed: { kind: 'budget_share', category: 'roma_integration' },
  period: null,
  actual: figure(null, 'no-budget-total'),
  target: null,
  attainment: figure(null, 'no-actual'),
  rating: { value: 'no_data', reason: 'no-actual' },
})

const measure = (overrides: Partial<MeasureData> = {}): MeasureData => ({
  id: 'm-1',
  code: 'M.1',
  title: { sq: 'Trajnime për gratë', en: 'Training for women' },
  status: 'in_progress',
  statusHistory: [],
  leadActors: [],
  deadline: null,
  indicators: [],
  ...overrides,
})

const postponed = measure({
  id: 'm-postponed',
  code: 'M.2',
  title: { sq: 'Qendra komunitare', en: 'Community centre' },
  status: 'postponed',
  statusHistory: [
    { from: 'planned', to: 'in_progress', date: '2023-02-01', reason: null },
    { from: 'in_progress', to: 'postponed', date: '2024-03-05', reason: { sq: 'Mungesë fondesh', en: 'No funds' } },
  ],
  leadActors: [
    { sq: 'Drejtoria e shërbimeve sociale', en: 'Social services directorate' },
    { sq: 'Qendra Sociale', en: null },
  ],
  deadline: '2024-12-31',
  indicators: [grants],
})

const objective = (overrides: Partial<ObjectiveData> = {}): ObjectiveData => ({
  id: 'o-1',
  code: '1.1',
  title: { sq: 'Përfaqësim i barabartë', en: 'Equal representation' },
  rollUp: rollUp(figure('0.5'), 'partly'),
  indicators: [],
  measures: [],
  ...overrides,
})

const grandchild = objective({
  id: 'o-deep',
  code: '1.1.1.1',
  title: { sq: 'Objektiv i thellë', en: 'Deep objective' },
  indicators: [share],
})
const child = objective({
  id: 'o-child',
  code: '1.1.1',
  title: { sq: 'Strehim', en: null },
  rollUp: rollUp(figure(null, 'no-indicator-figures'), 'no_data'),
  indicators: [shelters],
  children: [grandchild],
})
const root = objective({
  indicators: [indicator(), unsharedShare],
  measures: [measure({ statusHistory: [{ from: 'planned', to: 'in_progress', date: '2023-02-01', reason: null }] }), postponed],
  children: [child],
})

const money = (amount: string, currency = 'ALL') => ({ amount, currency })

const funding = (kind: string, name: string | null, planned: string, allocated: string, executed: string): FundingData => ({
  kind,
  name,
  planned: money(planned),
  allocated: money(allocated),
  executed: money(executed),
})

const costingFigures = (planned: string, allocated: string, executed: string, overrides: Partial<CostingFigures> = {}): CostingFigures => ({
  planned: money(planned),
  allocated: money(allocated),
  executed: money(executed),
  executionRate: figure('0.5'),
  lines: { total: 3, nonNumericCosting: 0 },
  byFundingSource: [],
  ...overrides,
})

const costing: NonNullable<PlanData['costing']> = {
  currency: 'ALL',
  ...costingFigures('3500000', '2000000', '1000000', { lines: { total: 5, nonNumericCosting: 1 } }),
  byYear: [
    {
      fiscalYear: 2023,
      ...costingFigures('1500000', '1200000', '600000', {
        executionRate: figure('0.5'),
        byFundingSource: [
          funding('local_budget', null, '1000000', '800000', '400000'),
          funding('donor', 'UN Women', '500000', '400000', '200000'),
        ],
      }),
    },
    {
      fiscalYear: 2024,
      ...costingFigures('2000000', '800000', '0', {
        executionRate: figure(null, 'no-allocation'),
        lines: { total: 2, nonNumericCosting: 1 },
        byFundingSource: [funding('central_government', null, '2000000', '800000', '0')],
      }),
    },
  ],
}

function plan(overrides: Partial<PlanData> = {}): PlanData {
  return {
    id: 'p-1',
    municipalityCode: 'ELB',
    municipality: { code: 'ELB', name: { sq: 'Bashkia Elbasan', en: 'Elbasan Municipality' }, currency: 'ALL' },
    kind: 'gender_equality',
    title: { sq: 'Plani <script>alert(1)</script> për barazinë', en: null },
    period: { from: 2022, to: 2024 },
    status: 'approved',
    councilDecision: { number: 'Vendim nr. 12', date: '2022-03-05' },
    rollUp: rollUp(figure('0.905'), 'on_track'),
    indicators: [{ id: 'ind-women' }],
    areas: [
      {
        id: 'a-1',
        code: 'I',
        title: { sq: 'Qeverisja', en: 'Governance' },
        rollUp: rollUp(figure('0.5'), 'partly', { measureStatuses: [{ status: 'in_progress', count: 1 }] }),
        objectives: [root],
      },
      {
        id: 'a-2',
        code: 'II',
        title: { sq: 'Ekonomia', en: 'Economy' },
        rollUp: rollUp(figure(null, 'no-indicators'), 'no_data', { indicators: 0, counted: 0, measureStatuses: [] }),
        objectives: [objective({ id: 'o-empty', code: '2.1', title: { sq: 'Pa tregues', en: 'Without indicators' } })],
      },
    ],
    costing,
    ...overrides,
  }
}

t.test('templates escape what the data holds and keep what the service wrote', async (t) => {
  const title = '<script>alert("x") & \'y\'</script>'
  t.equal(escapeText(title), '&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;')
  t.equal(html`<p>${title}</p>`.text, `<p>${escapeText(title)}</p>`)
  t.equal(html`<b>${trusted('<i>as written</i>')}</b>`.text, '<b><i>as written</i></b>', 'trusted markup is not escaped')
  t.equal(html`${html`<i>${'<'}</i>`}`.text, '<i>&lt;</i>', 'markup is escaped once, when it is made')
  t.equal(html`[${null}${undefined}${false}]`.text, '[]', 'nothing, left out')
  t.equal(html`${0} ${12.5}`.text, '0 12.5', 'zero is a figure, not nothing')
  t.equal(html`<ul>${['<a>', [html`<li>1</li>`, null], 2]}</ul>`.text, '<ul>&lt;a&gt;<li>1</li>2</ul>', 'lists, nested')
})

t.test('numbers, money and dates are written as each language writes them, exactly', async (t) => {
  const albanian = formatsFor('sq')
  const english = formatsFor('en')
  t.equal(albanian.language, 'sq')
  t.equal(albanian.percent('0.9'), '0,9 %')
  t.equal(english.percent('0.9'), '0.9 %')
  t.equal(albanian.number('12345.678'), `12${nbsp}345,68`, 'two decimals unless told')
  t.equal(albanian.number('12345.678'), `12${nbsp}345,68`, 'the same format a second time')
  t.equal(english.number('12345.678', 0), '12,346')
  t.equal(english.number('0.1'), '0.1', 'no binary float on the way')
  t.equal(english.number('123456789012345678.15'), '123,456,789,012,345,678.15', 'beyond a float: not rounded off')
  t.equal(albanian.fraction('0.905'), '90,5%')
  t.equal(english.fraction('1.5'), '150%')
  t.equal(albanian.money('1500000', 'ALL'), `1${nbsp}500${nbsp}000${nbsp}ALL`)
  t.equal(english.money('1500000', 'ALL'), `ALL${nbsp}1,500,000`)
  t.equal(english.money('1250000.5', 'EUR'), `EUR${nbsp}1,250,000.50`, 'cents of a currency that has them')
  t.equal(albanian.date('2024-03-05'), '5 mars 2024')
  t.equal(english.date('2024-03-05'), '5 March 2024', 'a calendar date is that day everywhere')
  t.equal(english.date('2024-03-05T23:30:00-05:00'), '6 March 2024', 'an instant is dated in UTC')
  t.equal(english.dateTime('2024-03-05T13:04:00Z'), '5 March 2024 at 13:04:00 UTC')
  t.match(albanian.dateTime('2024-03-05T13:04:00Z'), /^5 mars 2024.*13:04:00/)

  const both = { sq: 'Gra në këshill', en: 'Women on the council' }
  const albanianOnly = { sq: 'Strehime <të> hapura' }
  t.equal(localized(null, 'en'), null)
  t.equal(localized(undefined, 'sq'), null)
  t.equal(localized(both, 'en').text, 'Women on the council')
  t.equal(localized(both, 'sq').text, 'Gra në këshill')
  t.equal(localized(albanianOnly, 'en').text, '<span lang="sq">Strehime &lt;të&gt; hapura</span>', 'Albanian, said to be Albanian')
  t.equal(localized({ sq: 'Strehime', en: '' }, 'en').text, '<span lang="sq">Strehime</span>', 'an empty English is none')
  t.equal(localized(albanianOnly, 'sq').text, 'Strehime &lt;të&gt; hapura', 'an Albanian page needs no mark')
  t.equal(localizedText(both, 'en'), 'Women on the council')
  t.equal(localizedText({ sq: 'Strehime', en: null }, 'en'), 'Strehime')
  t.equal(localizedText(both, 'sq'), 'Gra në këshill')
})

t.test('names of codes in both languages, and the code itself for one without a name', async (t) => {
  t.equal(nameOf(messages.sq, 'rating', 'off_track'), 'larg objektivit')
  t.equal(nameOf(messages.en, 'measureStatus', 'postponed'), 'postponed')
  t.equal(nameOf(messages.en, 'planKind', 'climate'), 'climate')
})

t.test('the attainment bar stops at 150 % and marks the target', async (t) => {
  const width = (svg: string) => attributes(svg, 'rect', 'width')[1]!
  const half = attainmentBar('0.5', 'partly', 'Attainment: <50 %>').text
  t.same(attributes(half, 'rect', 'width'), [200, 66.7], 'the track, then a third of it for 50 % of a scale to 150 %')
  t.match(half, `fill="${ratingColours.partly}"`)
  t.match(half, '<title>Attainment: &lt;50 %&gt;</title>', 'the label is text, escaped')
  t.match(half, 'aria-label="Attainment: &lt;50 %&gt;"')
  t.same(attributes(half, 'line', 'x1'), [133.3], 'the target at 100 %')
  t.equal(width(attainmentBar('2.4', 'achieved', 'a').text), 200, 'never wider than its track')
  t.equal(width(attainmentBar('1.5', 'achieved', 'a').text), 200)
  t.equal(width(attainmentBar('-0.2', 'off_track', 'a').text), 0, 'never drawn backwards')
  t.equal(width(attainmentBar(null, 'no_data', 'a').text), 0)
  t.equal(width(attainmentBar('not a number', 'no_data', 'a').text), 0)
  t.match(attainmentBar('0.5', 'unheard_of', 'a').text, `fill="${ratingColours.no_data}"`, 'a rating without a colour is grey')
})

t.test('a share gauge: the arc to the share, the target on a scale to twice the target or the share', async (t) => {
  const below = gauge('0.9', '2', 'Budget share: 0.9 % against 2 %', '0.9 %').text
  const [track, arc] = arcEnds(below)
  t.same(track, [180, 95], 'the track is the whole half circle')
  // 0.9 of a scale to 4 (twice the target): 40.5° from the left end.
  t.same(arc, [39.2, 43])
  t.match(below, `stroke="${ratingColours.off_track}"`, 'below its target')
  t.same(attributes(below, 'line', 'x1'), [100], 'the target at the top')
  t.same(attributes(below, 'line', 'y1'), [32.6])
  t.same(attributes(below, 'line', 'y2'), [3.8], 'the mark crosses the arc outwards')
  t.match(below, '>0.9 %</text>')

  const above = gauge('5', '2', 'a', '5 %').text
  t.same(arcEnds(above)[1], [180, 95], 'above twice its target: the whole arc')
  t.match(above, `stroke="${ratingColours.achieved}"`)
  t.ok(attributes(above, 'line', 'x1')[0]! < 100, 'the target left of the top')

  const reached = gauge('2', '2', 'a', '2 %').text
  t.match(reached, `stroke="${ratingColours.achieved}"`, 'exactly the target is reached')

  const withoutTarget = gauge('0.9', null, 'a', '0.9 %').text
  t.same(arcEnds(withoutTarget)[1], [180, 95], 'the share is the whole scale')
  t.match(withoutTarget, `stroke="${ratingColours.no_data}"`, 'nothing to be measured against')
  t.notMatch(withoutTarget, '<line', 'no target mark')

  const withoutShare = gauge(null, '2', 'a', '—').text
  t.equal(arcEnds(withoutShare).length, 1, 'the track alone')
  t.equal(count(withoutShare, '<line'), 1, 'the target still marked')
  t.equal(arcEnds(gauge('0', '2', 'a', '0 %').text).length, 1, 'a share of zero draws no arc')
  const nothing = gauge(null, null, '<none>', '—').text
  t.equal(arcEnds(nothing).length, 1)
  t.notMatch(nothing, '<line')
  t.match(nothing, '<title>&lt;none&gt;</title>')
})

t.test('bar charts scale to the largest and write each figure beside its bar', async (t) => {
  const svg = barChart(
    [
      { label: 'F', value: '10', shown: '10' },
      { label: 'M', value: '5', shown: '5' },
      { label: '<R>', value: null, shown: 'No figure: withheld' },
    ],
    'By sex',
  ).text
  t.same(attributes(svg, 'rect', 'width'), [150, 75, 0])
  // The figure sits 6 units past its bar's end, whatever the bar's length.
  t.same(
    attributes(svg, 'text', 'x').filter((_, index) => index % 2 === 1),
    [266, 191, 116],
  )
  t.match(svg, '>&lt;R&gt;</text>')
  t.match(svg, '>No figure: withheld</text>')
  t.match(svg, 'height="66"', 'a row for each bar')
  t.same(attributes(barChart([], 'empty').text, 'svg', 'height'), [0], 'no bars, no rows')
  t.same(attributes(barChart([{ label: 'F', value: '0', shown: '0' }], 'zero').text, 'rect', 'width'), [0], 'zero is no bar')

  const money = moneyBars(
    [
      { label: '2023', planned: '1500000', allocated: '1200000', executed: '600000' },
      { label: '2024', planned: '3000000', allocated: 'unknown', executed: '0' },
    ],
    ['Planned', 'Allocated', 'Executed'],
    'Budget',
  ).text
  t.same(attributes(money, 'rect', 'width'), [10, 10, 10, 110, 88, 44, 220, 0, 0], 'the legend, then each stage on one scale')
  t.same(attributes(money, 'svg', 'height'), [108])
  t.match(money, '>Executed</text>')
  t.match(money, '>2024</text>')
})

t.test('the page: its language, the switch back to the same page, the sign-in state, and its style by hash', async (t) => {
  const anonymousPage = page(sq, { title: '<Plan>', body: html`<p>body</p>` })
  t.match(anonymousPage, '<html lang="sq">')
  t.match(anonymousPage, '<title>&lt;Plan&gt; · Treguesi</title>')
  t.match(
    anonymousPage,
    `<a href="/language?to=en&amp;back=%2Fplans%2Fp-1" lang="en" hreflang="en" aria-label="Read in English">English</a>`,
  )
  t.match(anonymousPage, '<a href="/sign-in">Hyr</a>')
  t.notMatch(anonymousPage, '/sign-out')
  t.match(anonymousPage, '<main id="content" tabindex="-1">\n<p>body</p>\n</main>')
  t.equal(languageSwitch(en), '/language?to=sq&back=%2Fplans%2Fp-1%3Fperiod%3D2023')

  const staffPage = page(pageContext('en', editor, '/'), { title: 'Plans', body: html`` })
  t.match(staffPage, '<html lang="en">')
  t.match(staffPage, 'lang="sq" hreflang="sq" aria-label="Lexo në shqip">Shqip</a>')
  t.match(staffPage, '<span>Signed in as editor-elb (editor)</span>')
  t.match(staffPage, '<form method="post" action="/sign-out"><button type="submit">Sign out</button></form>')
  t.notMatch(staffPage, 'href="/sign-in"')
  t.match(page(pageContext('sq', editor, '/'), { title: 'Planet', body: html`` }), '<span>Keni hyrë si editor-elb (redaktor)</span>')

  const report = page(en, { title: 'Report', body: html``, navigation: false })
  t.notMatch(report, '<nav', 'the report offers no navigation')
  t.notMatch(report, 'Sign in')
  t.match(report, '<a class="brand" href="/">Treguesi</a>')

  const style = anonymousPage.match(/<style>([\s\S]*?)<\/style>/)![1]!
  t.equal(style, pageStyle)
  t.match(
    pageSecurityPolicy,
    `style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`,
    'the one inline style is allowed',
  )
})

t.test('a missing figure says why, in each language, for every reason a figure can carry', async (t) => {
  const reasons = Object.keys(messages.sq.names.reason)
  t.ok(reasons.length >= 17)
  for (const reason of reasons) {
    for (const context of [sq, en]) {
      const words = (messages[context.language].names.reason as Record<string, string>)[reason]!
      t.equal(missingReason(context, reason), `${context.texts.noFigure}: ${words}`, `${context.language}: ${reason}`)
    }
  }
  t.equal(missingReason(en, 'suppressed'), 'No figure: a small count, withheld to protect people')
  t.equal(missingReason(sq, 'suppressed'), 'Pa shifër: numër i vogël, i fshehur për të mbrojtur personat')
  t.equal(missingReason(en, null), 'No figure', 'no reason given')
  t.equal(missingReason(en, 'a-new-reason'), 'No figure: a-new-reason')

  t.equal(figureText(en, grants, grants.actual), 'No figure: no value reported')
  t.equal(figureText(sq, grants, figure('1500000')), `1${nbsp}500${nbsp}000${nbsp}ALL`, 'an amount in its currency')
  t.equal(inUnit(en, { unit: 'amount', currency: null }, '1500000'), '1,500,000', 'an amount of no currency is a number')
  t.equal(inUnit(sq, { unit: 'percent', currency: null }, '0.9'), '0,9 %')
  t.equal(inUnit(en, { unit: 'ratio', currency: null }, '0.123'), '0.12')
  t.equal(targetText(en, indicator()), '40 %')
  t.equal(targetText(sq, shelters), '10 – 15', 'a range')
  t.equal(targetText(en, grants), 'No figure: no target', 'no target at all')
  t.equal(targetText(en, indicator({ target: target({ reason: 'zero-target' }) })), 'No figure: the target is zero')
  t.equal(targetText(en, indicator({ target: target({ lower: '10' }) })), 'No figure', 'half a range is no target')
})

t.test('the plan page in English: every kind of figure, the tree, the gauges, breakdowns and the budget', async (t) => {
  const text = page(en, planPage(en, plan(), '2023'))
  t.notMatch(text, '[object Object]', 'no markup turned into text by accident')
  t.notMatch(text, '<script>', 'the plan title is text')
  t.match(text, '<h1><span lang="sq">Plani &lt;script&gt;alert(1)&lt;/script&gt; për barazinë</span></h1>')
  t.match(text, '<title>Plani &lt;script&gt;alert(1)&lt;/script&gt; për barazinë · Treguesi</title>')
  t.match(text, 'Elbasan Municipality · gender equality · 2022–2024 · approved · approved by Vendim nr. 12, 5 March 2022</p>')
  t.notMatch(text, 'class="notice"', 'an approved plan is no draft')
  t.match(text, '<option value="2023" selected>2023</option>')
  t.match(text, '<option value="2022">2022</option>')
  t.match(text, 'href="/plans/p-1/report.html?period=2023&amp;lang=en"', 'the report of the period shown')

  // The plan's roll-up: 90.5 %, on track, and the statuses that have measures.
  const progress = between(text, '<h2>Progress</h2>', '<h2>')
  t.match(progress, '<strong>90.5%</strong> <span class="rating rating-on_track">on track</span>')
  t.match(progress, 'mean of 3 of 4 indicators with a figure')
  t.match(progress, '<li>completed: <strong>2</strong></li><li>postponed: <strong>1</strong></li></ul>')
  t.notMatch(progress, 'cancelled', 'a status without measures is left out')

  const gauges = between(text, '<h2>Share of the municipal budget</h2>', '<h2>')
  t.equal(count(gauges, '<figure class="card gauge-card">'), 2)
  t.match(gauges, '<strong>0.9 % against a target of 2 %</strong><br>Budget share for gender equality (2023)')
  t.match(gauges, 'aria-label="Budget share for gender equality: 0.9 % against a target of 2 %"')
  t.match(
    gauges,
    `<strong>No figure: the municipality&#39;s budget is not recorded</strong><br><span lang="sq">Pjesa e buxhetit për romët</span></figcaption>`,
  )
  t.match(gauges, '>—</text>', 'no share, no caption figure')

  // The tree: areas, objectives and their children two levels down.
  t.match(text, '<h3 id="a-a-1">Area I: Governance</h3>')
  t.match(text, '<h4 id="o-o-1">Objective 1.1: Equal representation</h4>')
  t.match(text, '<h5 id="o-o-child">Objective 1.1.1: <span lang="sq">Strehim</span></h5>')
  t.match(text, '<h5 id="o-o-deep">Objective 1.1.1.1: Deep objective</h5>')
  t.ok(text.indexOf('id="o-o-deep"') > text.indexOf('id="o-o-child"'), 'the grandchild inside its parent')
  t.match(text, '<span class="rating rating-no_data">no data</span> <span class="muted">No figure: no indicator with a figure</span>')
  t.match(text, '<span class="muted">No figure: no indicators</span>', 'an area without indicators')

  // The rows of the indicators: baseline, target, achieved and attainment.
  const row = (code: string) => between(text, `>${code}</a></td>`, '</tr>')
  t.match(text, '<a href="/indicators/ind-women">I.1</a>')
  t.match(row('I.1'), '<td class="num hide-narrow">20 % (2021)</td>')
  t.match(row('I.1'), '<td class="num">40 %</td>')
  t.match(row('I.1'), '<td class="num">30.5 % <span class="muted">(2023)</span></td>')
  t.match(row('I.1'), '<strong>50%</strong> <span class="rating rating-partly">partly</span>')
  t.notMatch(row('I.1'), 'uncapped')
  t.match(row('I.2'), '<td><span lang="sq">Strehime të hapura</span></td>')
  t.match(row('I.2'), '<td class="num hide-narrow">—</td>', 'no baseline')
  t.match(row('I.2'), '<td class="num">10 – 15</td>', 'a range target')
  t.match(row('I.2'), '<strong>240%</strong> <span class="rating rating-achieved">achieved</span> <span class="muted">uncapped</span>')
  t.match(row('I.3'), `<td class="num hide-narrow">ALL${nbsp}1,500,000 (2021)</td>`)
  t.match(row('I.3'), '<td class="num">No figure: no target</td>')
  t.match(row('I.3'), '<td class="num">No figure: no value reported</td>', 'no period to add')
  t.match(row('I.3'), '<span class="muted">No figure: no target</span>')
  t.notMatch(row('I.3'), '<svg', 'no bar without an attainment')

  // Measures: the latest status's reason and date, the actors, the deadline.
  t.match(text, '<summary>Measures (2)</summary>')
  t.match(text, '<li><strong>M.1</strong> Training for women — <em>in progress</em></li>', 'nothing more to say of it')
  t.match(
    text,
    '<li><strong>M.2</strong> Community centre — <em>postponed</em> <span class="muted">(No funds, 5 March 2024)</span><br><span class="muted">Actors: Social services directorate, <span lang="sq">Qendra Sociale</span></span> <span class="muted">· Deadline: 31 December 2024</span></li>',
  )
  t.equal(count(text, '<details>'), 1, 'objectives without measures list none')

  // Breakdowns of the period's value: a withheld category says so.
  const breakdowns = between(text, '<h2>Breakdowns</h2>', '<h2>')
  t.equal(count(breakdowns, '<figure class="card">'), 1)
  t.match(breakdowns, '>No figure: a small count, withheld to protect people</text>')
  t.match(breakdowns, '>9</text>')
  t.match(breakdowns, '<title>Strehime të hapura · By sex (2023)</title>')
  t.match(breakdowns, '<figcaption><strong>I.2</strong> <span lang="sq">Strehime të hapura</span><br>By sex (2023)</figcaption>')

  // The budget: each year with its funders, the execution rate or why there is none, the total.
  const budget = text.slice(text.indexOf('<h2>Budget</h2>'))
  t.match(budget, 'aria-label="Budget: Planned, Allocated, Executed"')
  t.match(budget, `<th scope="row">2023</th>\n<th class="num">ALL${nbsp}1,500,000</th>`)
  t.match(budget, '<td>local budget <span class="muted">(local budget)</span></td>', 'a funder without a name')
  t.match(budget, '<td>UN Women <span class="muted">(donors)</span></td>')
  t.match(budget, `<td class="num">ALL${nbsp}400,000</td>`)
  t.match(budget, 'Execution rate: 50%</td>')
  t.match(budget, 'Execution rate: No figure: no allocation · 1 lines costed in words, without an amount</td>')
  t.equal(count(budget, 'costed in words'), 1, 'only the year that has such lines')
  t.match(budget, `<tfoot><tr><th scope="row">Total</th><th class="num">ALL${nbsp}3,500,000</th>`)
})

t.test('the plan page in Albanian: Albanian texts, figures with a decimal comma, a draft without municipality', async (t) => {
  const draft = plan({
    municipality: null,
    status: 'draft',
    councilDecision: null,
    title: { sq: 'Plani i barazisë', en: 'Equality plan' },
    areas: [{ ...plan().areas[0]!, objectives: [objective({ indicators: [share], measures: [measure()] })] }],
    costing: null,
  })
  const text = page(sq, planPage(sq, draft, null))
  t.match(text, '<h1>Plani i barazisë</h1>')
  t.notMatch(text, 'lang="sq">Plani', 'an Albanian page marks no Albanian')
  t.match(text, '<p class="muted">ELB · barazia gjinore · 2022–2024 · draft</p>', 'the code stands for an unknown municipality')
  t.match(text, '<p class="notice">Draft: ende i pamiratuar nga këshilli bashkiak.</p>')
  t.match(text, '<option value="">Më e fundit me vlerë dhe objektiv</option><option value="2022">2022</option>', 'nothing selected')
  t.notMatch(text, ' selected>')
  t.match(text, 'report.pdf?period=2024&amp;lang=sq', "without a period the report is of the plan's last year")
  t.match(text, '<strong>0,9 % kundrejt objektivit 2 %</strong>')
  t.match(text, '<strong>90,5%</strong> <span class="rating rating-on_track">në rrugë të mbarë</span>')
  t.match(text, '<li><strong>M.1</strong> Trajnime për gratë — <em>në proces</em></li>', 'a measure without a status history')
  t.notMatch(text, '<h2>Ndarjet</h2>', 'no breakdowns to show')
  t.match(text, '<h2>Buxheti</h2>\n<p class="muted">Plani nuk ka zëra buxhetorë që mund të lexoni.</p>')

  const full = planPage(sq, plan(), '2023').body.text
  t.match(full, '<figcaption><strong>I.2</strong> Strehime të hapura<br>Sipas: gjinia (2023)</figcaption>')
  t.match(full, '>Pa shifër: numër i vogël, i fshehur për të mbrojtur personat</text>', 'a withheld category, in Albanian')
  t.match(full, `<th class="num">1${nbsp}500${nbsp}000${nbsp}ALL</th>`)
  t.match(full, 'Shkalla e zbatimit: Pa shifër: pa alokim · 1 zëra të kostuar me fjalë, pa shumë</td>')
  t.match(full, '<td class="num">10 – 15</td>')
  t.notMatch(full, 'lang="sq"', 'nothing to mark on an Albanian page')

  const noLines = plan({ costing: { ...costing, lines: { total: 0, nonNumericCosting: 0 } } })
  t.match(planPage(en, noLines, null).body.text, 'The plan has no budget line you may read.', 'a costing without lines')

  const withoutShares = plan({ areas: [{ ...plan().areas[1]! }] })
  const bare = planPage(en, withoutShares, null).body.text
  t.notMatch(bare, 'Share of the municipal budget', 'no gauges without a budget share')
  t.notMatch(bare, '<table>\n<thead><tr><th scope="col">Code', 'no table for an objective without indicators')
})

t.test('the breakdowns of the period shown: none for a period without a value, none without breakdowns', async (t) => {
  const text = (of: IndicatorData) =>
    planPage(en, plan({ areas: [{ ...plan().areas[0]!, objectives: [objective({ indicators: [of] })] }] }), null)
  const otherPeriod = text({ ...shelters, period: '2022' }).body.text
  t.notMatch(otherPeriod, '<h2>Breakdowns</h2>', 'the value with breakdowns is of another period')
  const withoutBreakdowns = text({ ...shelters, values: [{ ...shelters.values![0]!, breakdowns: [] }] }).body.text
  t.notMatch(withoutBreakdowns, '<h2>Breakdowns</h2>')
})

t.test('the changes page: statuses, figures, ratings and money that differ, and the cases with nothing to list', async (t) => {
  const now = plan()
  const firstAsked = page(en, changesPage(en, now, null, null))
  t.match(firstAsked, '<h2>What changed</h2>')
  t.match(firstAsked, '<input id="since" name="since" type="date" value="" required>')
  t.match(firstAsked, 'action="/plans/p-1/changes"')
  t.notMatch(firstAsked, 'The plan was not known yet')
  t.notMatch(firstAsked, 'Nothing changed')
  t.notMatch(firstAsked, '<table>')
  t.match(firstAsked, '<title>What changed · Plani &lt;script&gt;alert(1)&lt;/script&gt; për barazinë · Treguesi</title>')

  const unknown = changesPage(sq, now, null, '2001-01-01').body.text
  t.match(unknown, '<h2>Çfarë ndryshoi që nga 1 janar 2001</h2>')
  t.match(unknown, 'value="2001-01-01"')
  t.match(unknown, '<p>Plani nuk njihej ende në këtë datë.</p>')

  const same = changesPage(en, now, now, '2024-03-05T10:30:00+01:00').body.text
  t.match(same, '<h2>What changed since 5 March 2024 at 09:30:00 UTC</h2>', 'a moment, in UTC')
  t.match(same, 'value="2024-03-05"')
  t.match(same, '<p>Nothing changed since that date.</p>')
  t.notMatch(same, '<table>')

  const then = plan({
    status: 'draft',
    areas: [
      {
        ...now.areas[0]!,
        objectives: [
          objective({
            indicators: [
              indicator({ actual: figure('25'), period: '2022', rating: { value: 'off_track', reason: null } }),
              // The same figure, rated otherwise: only the rating changed.
              { ...shelters, rating: { value: 'on_track', reason: null } },
              unsharedShare,
            ],
            measures: [measure({ status: 'planned' }), { ...postponed, indicators: [] }],
            children: [{ ...child, indicators: [], children: [{ ...grandchild, indicators: [share] }] }],
          }),
        ],
      },
    ],
    costing: {
      ...costing,
      byYear: [{ ...costing.byYear[0]!, planned: money('1000000'), executed: money('300000') }],
    },
  })
  const text = page(en, changesPage(en, now, then, '2023-01-01'))
  t.match(text, '<td>Status</td><td>draft</td><td>approved</td>', 'the plan was approved since')
  t.match(
    text,
    '<td><a href="/indicators/ind-women">I.1</a> Women on the council</td><td>25 % (2022) · off track</td><td>30.5 % (2023) · partly</td>',
  )
  t.match(text, '<td>12 (2023) · on track</td><td>12 (2023) · achieved</td>', 'a rating that changed with the same figure')
  t.match(
    text,
    '<td><a href="/indicators/ind-grants">I.3</a> Grants to women entrepreneurs</td><td>—</td><td>No figure: no value reported · no data</td>',
    'an indicator not known before',
  )
  t.notMatch(text, '>B.1</a>', 'an indicator that reads the same is not listed')
  t.match(text, '<td>Measures: M.1 Training for women</td><td>planned</td><td>in progress</td>')
  t.notMatch(text, 'Measures: M.2', 'a measure whose status stayed')
  t.match(text, `<td>Budget 2023: Planned</td><td>ALL${nbsp}1,000,000</td><td>ALL${nbsp}1,500,000</td>`)
  t.match(text, `<td>Budget 2023: Executed</td><td>ALL${nbsp}300,000</td><td>ALL${nbsp}600,000</td>`)
  t.notMatch(text, 'Budget 2023: Allocated', 'an amount that stayed')
  t.match(text, `<td>Budget 2024: Allocated</td><td>—</td><td>ALL${nbsp}800,000</td>`, 'a year not costed before')
  t.equal(count(text, '<tr><td>'), 10, 'the changes, nothing more')

  const newMeasure = changesPage(en, now, plan({ areas: [], costing: null }), '2023-01-01').body.text
  t.match(newMeasure, '<td>Measures: M.2 Community centre</td><td>—</td><td>postponed</td>', 'a measure not there before')
  t.match(newMeasure, `<td>Budget 2023: Planned</td><td>—</td><td>ALL${nbsp}1,500,000</td>`, 'no costing before')
  const costingGone = changesPage(en, plan({ costing: null }), plan(), '2023-01-01').body.text
  t.match(costingGone, '<p>Nothing changed since that date.</p>', 'a costing no longer readable lists no stage')
})

t.test('the indicator page: values of every kind, breakdowns per period, and the history for staff', async (t) => {
  const values: IndicatorData['values'] = [
    { ...shelters.values![0]!, period: '2022', breakdowns: [] },
    { ...shelters.values![0]!, source: null, note: { sq: 'Shënim <i>', en: null } },
    { period: '2024', value: null, reason: 'suppressed', text: null, breakdowns: [], source: null, note: null },
    {
      period: '2024-H1',
      value: null,
      reason: null,
      text: { sq: 'Raport me tekst', en: 'A text report' },
      breakdowns: [],
      source: null,
      note: null,
    },
  ]
  const answer: NonNullable<IndicatorAnswer['indicator']> = {
    ...shelters,
    values,
    plan: { id: 'p-1', title: { sq: 'Plani i barazisë', en: null } },
    history: [
      {
        kind: 'reported',
        period: '2023',
        value: { value: '11', reason: null, text: null },
        previous: null,
        reason: null,
        recordedAt: '2024-01-10T08:00:00Z',
        actor: { id: 'editor-elb', role: 'editor' },
      },
      {
        kind: 'corrected',
        period: '2023',
        value: { value: '12', reason: null, text: null },
        previous: { value: '11', reason: null, text: null },
        reason: { sq: 'Gabim shtypi', en: 'A typo' },
        recordedAt: '2024-02-01T09:15:00Z',
        actor: { id: null, role: 'system' },
      },
      {
        kind: 'corrected',
        period: '2024',
        value: { value: null, reason: 'suppressed', text: null },
        previous: { value: null, reason: null, text: { sq: 'Tekst', en: null } },
        reason: null,
        recordedAt: '2024-06-01T00:00:00Z',
        actor: null,
      },
    ],
  }
  const text = page(en, indicatorPage(en, answer))
  t.match(text, '<title>I.2: Strehime të hapura · Treguesi</title>')
  t.match(text, '<p><a href="/plans/p-1"><span lang="sq">Plani i barazisë</span></a></p>')
  t.match(text, '<h1>I.2: <span lang="sq">Strehime të hapura</span></h1>')
  t.match(text, '<dt>Baseline</dt><dd>—</dd>')
  t.match(text, '<dt>Target</dt><dd>10 – 15 (2024)</dd>')
  t.match(text, '<strong>240%</strong>')
  t.match(text, '<tr><td>2022</td><td class="num">12</td><td>Municipal register</td><td></td></tr>')
  t.match(text, '<tr><td>2023</td><td class="num">12</td><td></td><td><span lang="sq">Shënim &lt;i&gt;</span></td></tr>')
  t.match(text, '<tr><td>2024</td><td class="num">No figure: a small count, withheld to protect people</td>')
  t.match(text, '<tr><td>2024-H1</td><td class="num">A text report</td>', 'a text value, as text')
  t.notMatch(text, 'No value reported.')
  t.equal(count(text, '<figure class="card">'), 1, 'a chart for the one period that has breakdowns')
  t.match(text, 'By sex (2023)')

  const history = text.slice(text.indexOf('<h2>History</h2>'))
  t.match(history, 'Every value reported or corrected, who recorded it and when.')
  t.match(
    history,
    '<tr><td>10 January 2024 at 08:00:00 UTC</td><td>2023</td>\n<td>reported</td>\n<td class="num">11</td>\n<td class="num">—</td>\n<td></td>\n<td>editor-elb</td></tr>',
  )
  t.match(
    history,
    '<td>corrected</td>\n<td class="num">12</td>\n<td class="num">11</td>\n<td>A typo</td>\n<td>system</td></tr>',
    'an actor without id, by role',
  )
  t.match(
    history,
    '<td class="num">No figure: a small count, withheld to protect people</td>\n<td class="num"><span lang="sq">Tekst</span></td>\n<td></td>\n<td>—</td></tr>',
    'no actor at all',
  )

  const publicView = indicatorPage(sq, { ...grants, values: [], plan: { id: 'p 1', title: { sq: 'Plani', en: 'Plan' } } }).body.text
  t.match(publicView, '<p><a href="/plans/p%201">Plani</a></p>')
  t.match(publicView, `<dt>Vlera bazë</dt><dd>1${nbsp}500${nbsp}000${nbsp}ALL (2021)</dd>`)
  t.match(publicView, '<dt>Objektivi</dt><dd>Pa shifër: nuk ka objektiv</dd>', 'no target, no period')
  t.match(publicView, '<span class="muted">Pa shifër: nuk ka objektiv</span>')
  t.match(publicView, '<p class="muted">Asnjë vlerë e raportuar.</p>')
  t.notMatch(publicView, '<table>')
  t.notMatch(publicView, 'Historiku', 'no history for anonymous readers')
})

t.test('the home page: municipalities and their plans, and the next page of them', async (t) => {
  const planOf = (id: string, attainment: FigureData, rating: string) => ({
    id,
    kind: 'domestic_violence',
    title: { sq: 'Plani kundër dhunës', en: null },
    period: { from: 2023, to: 2026 },
    status: 'closed',
    rollUp: { attainment, rating, counted: 1, indicators: 2 },
  })
  const answer = (hasNextPage: boolean, endCursor: string | null): HomeAnswer => ({
    municipalities: {
      pageInfo: { hasNextPage, endCursor },
      edges: [
        {
          node: {
            code: 'DRE',
            name: { sq: 'Komuna e Drenasit', en: 'Municipality of Drenas' },
            country: 'XK',
            plans: [planOf('p/1', figure('0.25'), 'off_track'), planOf('p-2', figure(null, 'awaiting-approval'), 'no_data')],
          },
        },
        { node: { code: 'KOR', name: { sq: 'Bashkia Korçë' }, country: 'AL', plans: [] } },
      ],
    },
  })
  const text = page(en, homePage(en, answer(true, 'cursor/2=')))
  t.match(text, '<h2 id="m-DRE">Municipality of Drenas <span class="muted">(DRE, XK)</span></h2>')
  t.match(text, '<a href="/plans/p%2F1"><span lang="sq">Plani kundër dhunës</span></a>')
  t.match(text, 'protection from domestic violence · 2023–2026 · closed')
  t.match(text, '<strong>25%</strong> <span class="rating rating-off_track">off track</span>')
  t.match(text, '<span class="muted">No figure: awaiting approval</span>')
  t.match(text, '<h2 id="m-KOR"><span lang="sq">Bashkia Korçë</span>')
  t.equal(count(text, 'No plan you may read.'), 1, 'only the municipality without plans')
  t.notMatch(text, 'No municipality is registered yet.')
  t.match(text, '<a href="/?after=cursor%2F2%3D">Next page</a>')
  t.notMatch(homePage(en, answer(false, 'cursor')).body.text, 'Next page', 'the last page')
  t.notMatch(homePage(en, answer(true, null)).body.text, 'Next page', 'no cursor to go on from')

  const empty = homePage(sq, { municipalities: { pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } })
  t.equal(empty.title, 'Bashkitë')
  t.match(empty.body.text, '<p>Asnjë bashki nuk është regjistruar ende.</p>')
})

t.test('refusals, a page not found and the sign-in form, in both languages', async (t) => {
  const refusal = new TreguesiError('TRG_UNAUTHENTICATED', { reason: 'token <expired>' })
  const refused = page(en, errorPage(en, refusal))
  t.match(refused, '<h1>The request was not fulfilled</h1>')
  t.match(refused, '<p class="error" role="alert">Not authenticated: token &lt;expired&gt; <code>TRG_UNAUTHENTICATED</code></p>')
  t.match(errorPage(sq, refusal).body.text, 'Nuk jeni identifikuar: token &lt;expired&gt; <code>TRG_UNAUTHENTICATED</code>')

  const missing = notFoundPage(sq)
  t.equal(missing.title, 'Nuk u gjet')
  t.match(missing.body.text, '<p><a href="/">Kreu</a></p>')

  const form = page(en, signInPage(en, null))
  t.match(form, '<input id="token" name="token" type="password" autocomplete="off" required size="40">')
  t.notMatch(form, 'role="alert"')
  const again = signInPage(sq, refusal).body.text
  t.match(
    again,
    '<p class="error" role="alert">Tokeni nuk u pranua: Nuk jeni identifikuar: token &lt;expired&gt; <code>TRG_UNAUTHENTICATED</code></p>',
  )
})

t.test('the report: a summary, the tree flat per area, the budget, and the head it can be checked against', async (t) => {
  const head = { position: 42n, hash: 'a'.repeat(64) }
  const content = reportDocument(en, plan(), '2023', { head, position: 42n, recordedAt: '2024-03-05T13:04:00Z' })
  t.equal(content.navigation, false)
  t.equal(content.title, 'Monitoring report for 2023 · Plani <script>alert(1)</script> për barazinë')
  const text = page(en, content)
  t.notMatch(text, '<nav')
  t.notMatch(text, '<script>')
  t.match(text, '<p class="muted">Monitoring report for 2023</p>')
  t.match(
    text,
    '<p>Of the plan&#39;s 4 indicators, 3 have a figure for this period; their mean attainment (each capped at 100 %) is 90.5%: on track.</p>',
  )
  t.match(text, '<h3>Share of the municipal budget</h3>')
  t.match(text, '<h2 id="a-a-1">Area I: Governance</h2>')
  // Objectives are listed flat, the children after their parent.
  const headings = [...text.matchAll(/<h3>Objective ([\d.]+):/g)].map((match) => match[1])
  t.same(headings, ['1.1', '1.1.1', '1.1.1.1', '2.1'])
  t.notMatch(text, '<a href="/indicators/', 'a report links nowhere')
  t.match(text, '<td>I.1</td>')
  t.equal(count(text, '<h4>Measures and their status</h4>'), 1, 'only the objective that has measures')
  t.match(text, '(No funds, 5 March 2024)')
  t.ok(text.indexOf('<h2>Budget</h2>') < text.indexOf('<h2>Breakdowns</h2>'), 'the budget, then the breakdowns')
  t.match(
    text,
    `made from the event log up to position 42. Head: 42:${'a'.repeat(64)}. &quot;treguesi verify --expect-head 42:${'a'.repeat(64)}&quot;`,
  )
  t.match(text, '<p class="muted">The figures are as known on 5 March 2024 at 13:04:00 UTC.</p>')

  const bare = plan({
    rollUp: rollUp(figure(null, 'no-indicator-figures'), 'no_data'),
    areas: [{ ...plan().areas[1]! }],
    costing: null,
  })
  const albanian = reportDocument(sq, bare, '2024', { head: null, position: null, recordedAt: null }).body.text
  t.match(albanian, '<p>Asnjë nga 4 treguesit e planit nuk ka shifër për këtë periudhë.</p>')
  t.notMatch(albanian, 'Pjesa në buxhetin e bashkisë', 'no gauges')
  t.notMatch(albanian, '<h2>Ndarjet</h2>')
  t.notMatch(albanian, '<h4>')
  t.match(albanian, 'Plani nuk ka zëra buxhetorë që mund të lexoni.')
  t.match(albanian, '<p class="muted">Regjistri i ngjarjeve nuk ka kokë të verifikueshme për këtë raport.</p>')
  t.notMatch(albanian, 'Shifrat janë siç njiheshin', 'no time for an empty log')
  const inAlbanian = reportDocument(sq, plan(), '2023', { head, position: 42n, recordedAt: '2024-03-05T13:04:00Z' }).body.text
  t.match(
    inAlbanian,
    '<p>Nga 4 treguesit e planit, 3 kanë shifër për këtë periudhë; arritja mesatare (secila deri në 100 %) është 90,5%: në rrugë të mbarë.</p>',
  )
  t.match(inAlbanian, `regjistri i ngjarjeve deri në pozicionin 42. Koka: 42:${'a'.repeat(64)}.`)
  t.match(inAlbanian, /<p class="muted">Shifrat janë siç njiheshin më 5 mars 2024[^<]*13:04:00[^<]*\.<\/p>/)
  const headWithoutPosition = reportDocument(en, bare, '2024', { head, position: null, recordedAt: null }).body.text
  t.match(headWithoutPosition, 'The event log has no head this report could be checked against.', 'a head needs its position')
})

t.test("a plan's objectives, indicators and measures in tree order", async (t) => {
  const tree = plan()
  t.same(
    objectivesOf(tree.areas[0]!.objectives).map((each) => each.code),
    ['1.1', '1.1.1', '1.1.1.1'],
  )
  t.same(
    indicatorsOf(tree).map((each) => each.code),
    ['I.1', 'B.2', 'I.3', 'I.2', 'B.1'],
    "each objective's own indicators, then its measures', then its children's",
  )
  t.same(
    measuresOf(tree).map((each) => each.code),
    ['M.1', 'M.2'],
  )
  t.same(planPeriods(tree), ['2022', '2023', '2024'])
})
