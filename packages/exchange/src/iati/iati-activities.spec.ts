import { isTreguesiError } from '@treguesi/errors'
import t from 'tap'
import * as exchange from '../index.js'
import { changedIatiActivities, iatiActivities } from './iati-activities.js'
import type { IatiSource } from './iati-source.js'
import {
  awkwardName,
  fixtureLog,
  identifierBeforeShkoder,
  identifierOf,
  ids,
  operatorIatiSource,
  publicSource,
  readModelsOf,
  text,
} from './fixtures/test-support.js'
import { childrenOf, iatiProblems, iatiProblemsOf, parseXml, select, type XmlNode } from './test-support.js'

const log = fixtureLog()
const models = readModelsOf(log.events)
const options = { generatedAt: new Date('2026-06-30T08:00:00Z') }
const file = (source: IatiSource, at = options) => text(iatiActivities(source, at))

/** The log's length up to (not including) the first event of `type` about `id`. */
const before = (type: string, id: string): number =>
  log.events.findIndex((event) => event.type === type && JSON.stringify(event.data).includes(id))

/** The activities of a document by the plan id their identifier ends with. */
function activities(xml: string): Map<string, XmlNode> {
  return new Map(
    childrenOf(parseXml(xml), 'iati-activity').map((activity) => [childrenOf(activity, 'iati-identifier')[0]!.text.slice(-36), activity]),
  )
}

const attribute = (nodes: readonly XmlNode[], name: string) => nodes.map((node) => node.attributes[name])

/** The indicator with the given own code, anywhere in an activity. */
const indicator = (activity: XmlNode, code: string): XmlNode =>
  select(activity, 'result/indicator').find((node) => childrenOf(node, 'reference')[0]!.attributes.code === code)!

/** An indicator's periods as `start…end: target | actual [dimension=category:value]`, to read at a glance. */
const periodsOf = (node: XmlNode): string[] =>
  childrenOf(node, 'period').map((period) => {
    const date = (name: string) => childrenOf(period, name)[0]!.attributes['iso-date']
    const figures = period.children
      .filter((child) => child.name === 'target' || child.name === 'actual')
      .map((figure) => {
        const dimension = childrenOf(figure, 'dimension')[0]
        return `${figure.name} ${figure.attributes.value ?? '-'}${dimension === undefined ? '' : ` ${dimension.attributes.name}=${dimension.attributes.value}`}`
      })
    return `${date('period-start')}…${date('period-end')}: ${figures.join(', ')}`
  })

t.test('every file of the fixture, as the public and as an operator reads it, is valid: schema, codes and rules', async (t) => {
  // And the public's file of the log at every step where a plan was approved, closed, or a round's figures published.
  const steps = [...log.events.entries()]
    .filter(([, event]) => ['plan.approved.v1', 'plan.report-approved.v1', 'plan.closed.v1'].includes(event.type))
    .map(([index]) => index + 1)
  t.equal(steps.length, 9)
  const files = [
    file(publicSource(models)),
    file(operatorIatiSource(models)),
    ...steps.map((upTo) => file(publicSource(readModelsOf(log.events, upTo)))),
  ]
  t.strictSame(
    await iatiProblemsOf(files),
    files.map(() => []),
  )
})

t.test('one activity per approved or closed plan, by municipality then plan id; a draft never', async (t) => {
  const published = activities(file(operatorIatiSource(models)))
  t.strictSame(
    [...published.keys()],
    [ids.drenas, ids.elbasan, ids.korce, ids.korceSecond, ids.shkoder],
    'the operator reads the draft, and it is left out',
  )
  t.strictSame(
    [...published.values()].map((activity) => childrenOf(activity, 'iati-identifier')[0]!.text),
    [
      `XK-COA-DRE-${ids.drenas}`,
      `AL-COA-ELB-${ids.elbasan}`,
      `AL-COA-KOR-${ids.korce}`,
      `AL-COA-KOR-${ids.korceSecond}`,
      `AL-COA-SHK-${ids.shkoder}`,
    ],
  )
  t.notMatch(text(iatiActivities(operatorIatiSource(models), options)), '999000', "nor the draft's amounts")
  t.equal(publicSource(models).plan(ids.elbasanDraft)?.costing?.total.planned.amount, '0', "which the public's source does not even read")
  t.strictSame(
    [...published.values()].map((activity) => childrenOf(activity, 'activity-status')[0]!.attributes.code),
    ['4', '2', '2', '2', '2'],
    'closed: 4 (Closed); approved: 2 (Implementation)',
  )
  const drafts = {
    ...operatorIatiSource(models),
    plans: () => [...operatorIatiSource(models).plans()].filter((plan) => plan.status === 'draft'),
  }
  t.equal(iatiActivities(drafts, options), null, 'nothing to publish: no file, since an IATI file holds at least one activity')
  t.equal(text(null), '')
  t.equal(drafts.plan(ids.korce)?.tree.plan.planId, ids.korce)
  t.equal(drafts.plan('00000000-0000-4000-8000-999999999999'), null, 'a plan the read models do not hold')
  t.equal(identifierOf('TIR'), null, 'the fixture knows no identifier for a municipality it does not hold')
  t.equal(iatiActivities({ ...drafts, organisationIdentifierOf: () => null }, options), null, 'and a draft needs no identifier')
})

t.test('a municipality without a usable identifier refuses the whole export, before anything is written', async (t) => {
  const refusal = (organisationIdentifierOf: (municipality: string) => string | null) => {
    try {
      iatiActivities(publicSource(models, organisationIdentifierOf), options)
    } catch (error) {
      return isTreguesiError(error) ? { code: error.code, details: error.details } : error
    }
    return 'no refusal'
  }
  const state = 'without a usable IATI organisation identifier (none is recorded, or it holds white space, /, &, | or ?)'
  const action = 'published as IATI activities until one is recorded'
  t.strictSame(refusal(identifierBeforeShkoder), {
    code: 'TRG_INVALID_STATE',
    details: { entity: 'municipality', id: 'SHK', state, action },
  })
  t.strictSame(
    refusal(() => null),
    { code: 'TRG_INVALID_STATE', details: { entity: 'municipality', id: 'DRE, ELB, KOR, SHK', state, action } },
    'every municipality missing one, each once',
  )
  for (const malformed of ['AL COA', 'AL/COA', 'AL&COA', 'AL|COA', 'AL?COA']) {
    t.match(
      refusal((code) => (code === 'ELB' ? malformed : `AL-COA-${code}`)),
      { details: { id: 'ELB' } },
      `${malformed} is refused`,
    )
  }
  // The refusal comes from the call itself, not from the first chunk read: a route answers it before any byte is sent.
  t.throws(() => iatiActivities(publicSource(models, identifierBeforeShkoder), options), { code: 'TRG_INVALID_STATE' })
})

const publicFile = file(publicSource(models))
const publicActivities = activities(publicFile)
const elbasan = publicActivities.get(ids.elbasan)!
const drenas = publicActivities.get(ids.drenas)!

t.test('the plan: identifiers, organisations, status, dates, place, sector', async (t) => {
  t.strictSame(elbasan.attributes, { 'xml:lang': 'sq', 'default-currency': 'ALL' }, 'Albanian by default; no last-updated-datetime')
  t.strictSame(childrenOf(elbasan, 'reporting-org')[0]!.attributes, { ref: 'AL-COA-ELB', type: '11' })
  t.strictSame(
    childrenOf(elbasan, 'participating-org').map((org) => [
      org.attributes.role,
      org.attributes.ref,
      org.attributes.type,
      org.children[0]!.text,
    ]),
    [
      ['2', 'AL-COA-ELB', '11', 'Bashkia Elbasan'],
      ['1', 'AL-COA-ELB', '11', 'Buxheti vendor'],
      ['1', undefined, '10', 'Ministria e Shëndetësisë'],
      ['1', undefined, undefined, 'donatorë (A2B, ADRA)'],
      ['1', undefined, '10', 'AKPA Elbasan'],
    ],
    'the municipality accountable, then its funders by kind, a line costed in words included',
  )
  t.strictSame(
    childrenOf(elbasan, 'activity-date').map((date) => `${date.attributes.type} ${date.attributes['iso-date']}`),
    ['1 2022-01-01', '2 2022-03-30', '3 2024-12-31'],
    'the plan period, and the council decision as the actual start',
  )
  t.strictSame(
    childrenOf(drenas, 'activity-date').map((date) => `${date.attributes.type} ${date.attributes['iso-date']}`),
    ['1 2025-01-01', '2 2025-02-20', '3 2028-12-31', '4 2026-01-31'],
    'a closed plan ended on the day it was closed',
  )
  t.strictSame(
    childrenOf(elbasan, 'description')[0]!.children.map((narrative) => narrative.text),
    [
      'Plan vendor i veprimit për barazinë gjinore, 2022–2024. Vendimi i miratimit: Nr. 45, datë 2022-03-30.',
      'Local gender equality action plan, 2022–2024. The council decision approving it: Nr. 45 of 2022-03-30.',
    ],
  )
  t.strictSame(
    [elbasan, drenas].map((activity) => [
      childrenOf(activity, 'activity-scope')[0]!.attributes.code,
      childrenOf(activity, 'recipient-country')[0]!.attributes.code,
    ]),
    [
      ['7', 'AL'],
      ['6', 'XK'],
    ],
  )
  const sectors = [...publicActivities.values()].map((activity) => childrenOf(activity, 'sector')[0]!.attributes)
  t.strictSame(sectors, [
    { vocabulary: '1', code: '15180' },
    { vocabulary: '1', code: '15170' },
    { vocabulary: '99', code: 'other' },
    { vocabulary: '1', code: '15170' },
    { vocabulary: '1', code: '16010' },
  ])
  t.strictSame(attribute(childrenOf(elbasan, 'policy-marker'), 'significance'), ['2'], 'gender equality is the principal objective')
  t.strictSame(childrenOf(publicActivities.get(ids.shkoder)!, 'policy-marker'), [], 'not of an integration plan')
})

t.test('results: objectives as outcomes, measures as outputs, sub-objectives after, each with indicators only', async (t) => {
  t.strictSame(
    childrenOf(elbasan, 'result').map((result) => `${result.attributes.type} ${childrenOf(result, 'title')[0]!.children[0]!.text}`),
    [
      '2 I.1 Ndërgjegjësimi për stereotipet gjinore',
      '1 I.1.1 Fushata vjetore kundër stereotipeve',
      '2 I.1.a Mbështetja e sipërmarrjes së grave',
    ],
    'I.2 and I.1.2 have no indicator, so no result',
  )
  t.strictSame(
    select(elbasan, 'result/description').map((description) => description.children.map((narrative) => narrative.text)),
    [
      ['Fusha I: Përparimi i barazisë gjinore', 'Area I: Advancing gender equality'],
      ['Objektivi I.1: Ndërgjegjësimi për stereotipet gjinore', 'Objective I.1: Awareness of gender stereotypes'],
      ['Objektivi I.1: Ndërgjegjësimi për stereotipet gjinore', 'Objective I.1: Awareness of gender stereotypes'],
    ],
  )
  t.strictSame(select(elbasan, 'result/reference'), [], 'references on indicators only (rule 8.11.1)')
  t.strictSame(
    select(elbasan, 'result/indicator').map((node) => [
      childrenOf(node, 'reference')[0]!.attributes.code,
      node.attributes.measure,
      node.attributes.ascending,
    ]),
    [
      ['I.1/T1', '1', 'true'],
      ['I.1/T2', '2', 'true'],
      ['I.1.1/T1', '1', 'true'],
      ['I.1.1/T2', '5', undefined],
      ['I.1.1/T3', '2', 'false'],
      ['I.1.a/T1', '1', undefined],
    ],
    'count, budget share, milestone (1 or 0), text (qualitative), percent lower-is-better, amount within a band',
  )
})

t.test('indicators: baseline, periods with targets resolved and actuals with their breakdowns', async (t) => {
  const participants = indicator(elbasan, 'I.1/T1')
  t.strictSame(childrenOf(participants, 'baseline')[0]!.attributes, { year: '2021', value: '400' })
  t.strictSame(periodsOf(participants), [
    // Periods by when they end, the shorter first.
    '2022-10-01…2022-12-31: target 150',
    '2022-01-01…2022-12-31: target 500, actual 450, actual 250 sex=F, actual 200 sex=M, actual 120 age_group=15-24',
    '2023-01-01…2023-12-31: target 600, actual 610',
    '2024-01-01…2024-12-31: target 549',
  ])
  t.strictSame(
    select(participants, 'period/target/comment/narrative').map((narrative) => narrative.text),
    [
      '+50 % over the baseline, resolved to the figure published.',
      "-10 % over the previous period's actual, resolved to the figure published.",
    ],
  )
  t.strictSame(
    select(participants, 'period/actual/comment').map((comment) => comment.children.map((narrative) => narrative.text)),
    [['Regjistrat e pjesëmarrjes — Pa Çezmën', 'Attendance registers — Without Çezma'], ['Drejtoria Sociale']],
    "a figure's source and note; English only when both have it",
  )
  t.strictSame(periodsOf(indicator(elbasan, 'I.1.1/T3')), ['2022-01-01…2022-06-30: target 3, actual 4.5'])
  t.strictSame(
    select(indicator(elbasan, 'I.1.1/T3'), 'period/target/comment/narrative')[0]!.text,
    'A range of 3–5: its lower bound is published.',
  )
  t.strictSame(periodsOf(indicator(elbasan, 'I.1.a/T1')), ['2022-01-01…2022-12-31: target 800000, actual 650000.5'])
  t.strictSame(
    select(indicator(elbasan, 'I.1.a/T1'), 'period/target/comment/narrative')[0]!.text,
    'A band of 500000–800000: its upper bound is published.',
    'a baseline above the band: the figure comes down to its upper bound',
  )
  t.strictSame(periodsOf(indicator(elbasan, 'I.1.1/T1')), ['2022-01-01…2022-12-31: actual 0', '2024-01-01…2024-12-31: target 1'])
  t.strictSame(
    select(indicator(elbasan, 'I.1.1/T1'), 'period/target/comment/narrative')[0]!.text,
    'A milestone: 1 when achieved. The target for the end of the plan.',
  )
  const words = indicator(elbasan, 'I.1.1/T2')
  t.strictSame(periodsOf(words), ['2022-01-01…2022-12-31: actual -'])
  t.strictSame(
    select(words, 'period/actual/comment/narrative').map((narrative) => narrative.text),
    ['Fushata u zhvillua në 12 shkolla', 'Held in 12 schools'],
  )
  t.strictSame(
    periodsOf(indicator(elbasan, 'I.1/T2')),
    ['2022-01-01…2022-12-31: target 2, actual 0.03'],
    "a budget share, from the year's allocations",
  )
  t.strictSame(
    select(indicator(elbasan, 'I.1/T1'), 'description/narrative').map((narrative) => narrative.text),
    [
      'Burimi i të dhënave: Regjistrat e pjesëmarrjes',
      'A count, per period (not cumulative). By sex: F, M, adding up to the total. By age-group: 15-24, 25+, not covering everyone. Data source: Attendance registers.',
    ],
  )
  t.strictSame(
    select(indicator(elbasan, 'I.1.1/T3'), 'description/narrative').map((narrative) => narrative.text),
    ['Burimi i të dhënave: Drejtoria Arsimore', 'A percentage, cumulative: each value is the running total since the plan began.'],
  )
})

t.test('what the caller may not read is not published: figures awaiting approval, small counts', async (t) => {
  const operator = activities(file(operatorIatiSource(models)))
  t.match(
    periodsOf(indicator(operator.get(ids.elbasan)!, 'I.1/T1')).at(-1),
    /target 549, actual 700$/,
    'the operator reads 2024 as recorded',
  )
  t.match(periodsOf(indicator(elbasan, 'I.1/T1')).at(-1), /: target 549$/, 'the public does not, and the target stays on the approved 2023')
  t.strictSame(
    periodsOf(indicator(drenas, '1.1/T1')),
    ['2025-01-01…2025-06-30: target 10', '2025-07-01…2025-12-31: actual 12'],
    'a small count withheld with its period, and a small part withheld with the part that would give it away',
  )
  t.strictSame(periodsOf(indicator(operator.get(ids.drenas)!, '1.1/T1')), [
    '2025-01-01…2025-06-30: target 10, actual 3, actual 3 sex=F, actual 0 sex=M',
    '2025-07-01…2025-12-31: actual 12, actual 10 sex=F, actual 2 sex=M',
  ])
  t.strictSame(attribute(select(drenas, 'result/indicator/period/actual'), 'value'), ['12'], 'no trace of the withheld counts')
  // Before 2023 is approved, 2024's target (10 % less than 2023's actual) cannot be resolved: it is not published empty.
  const early = activities(file(publicSource(readModelsOf(log.events, before('plan.report-approved.v1', '"2023"')))))
  t.strictSame(periodsOf(indicator(early.get(ids.elbasan)!, 'I.1/T1')).slice(2), ['2023-01-01…2023-12-31: target 600'])
})

t.test('money: budgets per year, expenditure as transactions, exact decimals, one currency', async (t) => {
  t.strictSame(
    childrenOf(elbasan, 'budget').map((budget) => {
      const value = childrenOf(budget, 'value')[0]!
      const dates = ['period-start', 'period-end'].map((name) => childrenOf(budget, name)[0]!.attributes['iso-date'])
      return `${budget.attributes.type}/${budget.attributes.status} ${dates.join('…')} ${value.text} ${value.attributes.currency} ${value.attributes['value-date']}`
    }),
    [
      '1/1 2022-01-01…2022-12-31 1750000.5 ALL 2022-01-01',
      '2/2 2022-01-01…2022-12-31 1200000 ALL 2022-01-01',
      '1/1 2023-01-01…2023-12-31 700000 ALL 2023-01-01',
    ],
    'planned (original, indicative) and allocated (revised, committed); 2023 allocated after the last approval, 2024 costed in words',
  )
  const transactions = (activity: XmlNode) =>
    childrenOf(activity, 'transaction').map((transaction) => {
      const value = childrenOf(transaction, 'value')[0]!
      const provider = childrenOf(transaction, 'provider-org')[0]!
      return `${childrenOf(transaction, 'transaction-type')[0]!.attributes.code} ${childrenOf(transaction, 'transaction-date')[0]!.attributes['iso-date']} ${value.text} ${value.attributes.currency} ${value.attributes['value-date']} ${provider.children[0]!.text}`
    })
  t.strictSame(
    transactions(elbasan),
    ['4 2022-12-31 1100000.25 ALL 2022-12-31 Buxheti vendor', '4 2023-12-31 300000 ALL 2023-12-31 Ministria e Shëndetësisë'],
    'one expenditure per year and funder, none for a funder that spent nothing',
  )
  t.strictSame(transactions(drenas), ['4 2025-12-31 2500 EUR 2025-12-31 OSBE'], 'in euro for Kosovo')
  const whileRunning = activities(file(publicSource(models), { generatedAt: new Date('2025-09-15T12:00:00Z') }))
  t.strictSame(
    transactions(whileRunning.get(ids.drenas)!),
    ['4 2025-09-15 2500 EUR 2025-09-15 OSBE'],
    "spent to date in a year still running: dated on the file's day, never in the future",
  )
  t.strictSame(attribute(select(elbasan, 'budget/value'), 'currency').concat(attribute(select(elbasan, 'transaction/value'), 'currency')), [
    'ALL',
    'ALL',
    'ALL',
    'ALL',
    'ALL',
  ])
  t.strictSame(attribute([drenas], 'default-currency'), ['EUR'])
})

t.test('the same data gives the same bytes', async (t) => {
  const again = file(publicSource(readModelsOf(fixtureLog().events)))
  t.equal(again, publicFile, 'a log built and folded afresh')
  t.equal(file(publicSource(models)), publicFile, 'the same read models read again')
  const later = file(publicSource(models), { generatedAt: new Date('2027-01-01T00:00:00Z') })
  t.equal(
    later.replace('2027-01-01T00:00:00.000Z', '2026-06-30T08:00:00.000Z'),
    publicFile,
    'another time changes the generated-datetime only',
  )
  t.match(
    publicFile,
    /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<iati-activities version="2\.03" generated-datetime="2026-06-30T08:00:00\.000Z">\n/,
  )
  t.ok(publicFile.endsWith('</iati-activities>\n'))
})

t.test('Albanian text and every character XML escapes come back as written', async (t) => {
  const title = childrenOf(indicator(elbasan, 'I.1/T1'), 'title')[0]!
  t.strictSame(
    title.children.map((narrative) => [narrative.attributes['xml:lang'], narrative.text]),
    [
      [undefined, awkwardName.sq],
      ['en', awkwardName.en],
    ],
  )
  t.match(
    publicFile,
    'Gra &amp; vajza &lt;18 vjeç&gt; në &quot;Çerçiz Topulli&quot; &apos;Shëngjin&apos;',
    'escaped, letters kept as they are',
  )
  const bytes = Buffer.from(publicFile, 'utf8')
  t.ok(bytes.includes(Buffer.from('Shëngjin', 'utf8')), 'ë is written as UTF-8, not as a reference')
  t.equal(new TextDecoder('utf-8', { fatal: true }).decode(bytes), publicFile)
})

t.test('a municipality or plan the read models hold in part still makes a valid activity', async (t) => {
  const source = publicSource(models)
  const partial: IatiSource = {
    ...source,
    plans: () => [...source.plans()].filter((plan) => plan.planId === ids.korce),
    plan: (planId) => {
      const { tree } = source.plan(planId)!
      const plan = { ...tree.plan, municipality: { code: 'KOR', registered: false as const }, councilDecision: null }
      return { tree: { ...tree, plan }, costing: null }
    },
  }
  const xml = file(partial)
  t.strictSame(await iatiProblems(xml), [])
  const activity = [...activities(xml).values()][0]!
  t.strictSame(activity.attributes, { 'xml:lang': 'sq' }, 'no currency to default to, and no amount needing one')
  t.strictSame(childrenOf(activity, 'reporting-org')[0]!.children[0]!.text, 'KOR', 'named by its code')
  t.strictSame(
    childrenOf(activity, 'description')[0]!.children.map((narrative) => narrative.text),
    ['Plan vendor i veprimit, 2024–2027.', 'Local action plan, 2024–2027.'],
  )
  t.strictSame(attribute(childrenOf(activity, 'activity-date'), 'type'), ['1', '3'], 'no actual start without a council decision')
})

t.test('incremental: the activities that changed since a position', async (t) => {
  const at = (upTo: number, identify = identifierOf) => publicSource(readModelsOf(log.events, upTo), identify)
  const now = publicSource(models)
  t.equal(changedIatiActivities(now, publicSource(readModelsOf(log.events)), options), null, 'nothing changed: no file')

  const beforeClosing = before('plan.closed.v1', ids.drenas)
  const changed = text(changedIatiActivities(at(beforeClosing), now, options))
  t.strictSame(
    [...activities(changed).keys()],
    [ids.drenas, ids.korce, ids.korceSecond, ids.shkoder],
    'Drenas closed since, Korçë and Shkodër new; Elbasan as it was',
  )
  t.equal(
    changed,
    text(iatiActivities({ ...now, plans: () => [...now.plans()].filter((plan) => plan.planId !== ids.elbasan) }, options)),
    'each changed activity as the full file writes it',
  )

  const withoutKorce: IatiSource = { ...now, plans: () => [...now.plans()].filter((plan) => plan.planId !== ids.korce) }
  const withdrawn = text(changedIatiActivities(now, withoutKorce, options))
  t.strictSame(await iatiProblemsOf([changed, withdrawn]), [[], []], 'each a valid file')
  const korce = activities(withdrawn)
  t.strictSame([...korce.keys()], [ids.korce], 'a plan gone from the caller’s view')
  t.strictSame(childrenOf(korce.get(ids.korce)!, 'activity-status')[0]!.attributes.code, '5', 'published once more as cancelled')

  const unidentified = text(changedIatiActivities(at(log.events.length, identifierBeforeShkoder), now, options))
  t.strictSame([...activities(unidentified).keys()], [ids.shkoder], 'a plan never published for want of an identifier is new')
  t.throws(
    () => changedIatiActivities(now, at(log.events.length, identifierBeforeShkoder), options),
    { code: 'TRG_INVALID_STATE' },
    'refused as the full file',
  )
})

t.test("the package's entry gives the IATI export", async (t) => {
  t.equal(exchange.iatiActivities, iatiActivities)
  t.equal(exchange.changedIatiActivities, changedIatiActivities)
  t.type(exchange.readModelIatiSource, 'function')
})
