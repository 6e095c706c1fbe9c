import {
  comparePeriods,
  disaggregationDimensions,
  isZero,
  yearOf,
  type Direction,
  type IndicatorDefinition,
  type IndicatorUnit,
  type Money,
  type Period,
  type PlanKind,
  type PlanPeriod,
} from '@treguesi/domain'
import {
  byText,
  type FundingShare,
  type IndicatorFigures,
  type MeasureNode,
  type ObjectiveNode,
  type TargetView,
  type ValueView,
} from '@treguesi/projections'
import type { IatiPlan, IatiPlanRef } from './iati-source.js'
import type { XmlElement } from './xml.js'

/**
 * One plan as one IATI 2.03 activity (`iati-activity`), in the schema's order of elements. The
 * mapping is the one of the standards folder's README: objectives are outcome results, measures
 * output results, indicators their indicators; planned and allocated amounts are budgets per
 * fiscal year, executed amounts expenditure transactions.
 */

/** A text in Albanian, with its English translation when the data has one. */
interface Text {
  readonly sq: string
  readonly en?: string | undefined
}

/** ActivityStatus: what a plan's status says of the activity. A withdrawn activity is `withdrawnStatus`. */
const activityStatuses = { approved: '2', closed: '4' } as const

/** ActivityStatus 5 (Cancelled): see `changedIatiActivities`. */
export const withdrawnStatus = '5'

export type ActivityStatusCode = (typeof activityStatuses)[keyof typeof activityStatuses] | typeof withdrawnStatus

/** The activity status of a published plan; drafts are never published. */
export const activityStatusOf = (status: 'approved' | 'closed'): ActivityStatusCode => activityStatuses[status]

/** OrganisationType 11: a municipality is a local government. */
const localGovernment = '11'

/**
 * Sectors, one per plan kind, so a plan's whole cost lies in one sector and no percentages are
 * needed. DAC 5-digit codes (vocabulary 1): gender equality 15170 (women's rights organisations
 * and government institutions: a municipality's gender-equality mechanism and its programme);
 * domestic violence 15180 (ending violence against women and girls, which names intimate
 * partner and domestic violence). Roma and Egyptian integration is 16010 (social protection):
 * the plans are annexes to municipal social protection plans, and their measures are support
 * programmes for a vulnerable group (civil registration, schooling, housing, employment), where
 * 15160 (human rights) is for support to rights institutions and advocacy. A plan of another kind
 * says nothing a DAC code could be chosen by, so it takes the reporting organisation's own
 * vocabulary (99) with its kind as the code.
 */
const sectors: Readonly<Record<PlanKind, { readonly vocabulary: '1' | '99'; readonly code: string }>> = {
  'gender-equality': { vocabulary: '1', code: '15170' },
  'domestic-violence': { vocabulary: '1', code: '15180' },
  'roma-egyptian-integration': { vocabulary: '1', code: '16010' },
  other: { vocabulary: '99', code: 'other' },
}

/** What each kind of plan is called, for the description and an own-vocabulary sector. */
const kindNames: Readonly<Record<PlanKind, Text>> = {
  'gender-equality': { sq: 'Plan vendor i veprimit për barazinë gjinore', en: 'Local gender equality action plan' },
  'domestic-violence': { sq: 'Plan vendor për mbrojtjen nga dhuna në familje', en: 'Local plan for protection from domestic violence' },
  'roma-egyptian-integration': {
    sq: 'Plan vendor për integrimin e romëve dhe egjiptianëve',
    en: 'Local plan for the integration of Roma and Egyptians',
  },
  other: { sq: 'Plan vendor i veprimit', en: 'Local action plan' },
}

/** Gender equality is the principal objective (PolicySignificance 2) of these kinds of plan. */
const genderPrincipal: ReadonlySet<PlanKind> = new Set(['gender-equality', 'domestic-violence'])

/**
 * ActivityScope: an Albanian municipality (bashkia) is a second-level administrative area, under
 * its county (qark); a Kosovo municipality (komuna) is the first level of local government.
 */
const scopes = { AL: '7', XK: '6' } as const

/** OrganisationType of a funder by kind; a donor or another funder is not said to be of any one type. */
const funderTypes: Readonly<Record<FundingShare['kind'], string | undefined>> = {
  'local-budget': localGovernment,
  'central-government': '10',
  // The employment agencies (AKPA in Albania, APRK in Kosovo) are government agencies.
  'employment-agency': '10',
  donor: undefined,
  other: undefined,
}

/** IndicatorMeasure by unit: a milestone is a unit (1 achieved, 0 not) so its figures stay numbers. */
const measures: Readonly<Record<IndicatorUnit, string>> = {
  count: '1',
  percent: '2',
  amount: '1',
  ratio: '1',
  milestone: '1',
  text: '5',
}
const qualitative = '5'

const ascending: Readonly<Record<Direction, string | undefined>> = {
  'higher-is-better': 'true',
  'lower-is-better': 'false',
  // Neither way is better for a band: the attribute is left out.
  'within-band': undefined,
}

const unitTexts: Readonly<Record<IndicatorUnit, string>> = {
  count: 'A count',
  percent: 'A percentage',
  amount: 'An amount',
  ratio: 'A ratio',
  milestone: 'A milestone (1 when achieved, 0 when not)',
  text: 'Qualitative: reported in words',
}

const element = (name: string, attributes: XmlElement['attributes'], children: readonly (XmlElement | null)[] = []): XmlElement => ({
  name,
  ...(attributes && { attributes }),
  children,
})

/** The narratives of a text: Albanian as the activity's default language, then English when given. */
function narratives(text: Text): XmlElement[] {
  const albanian: XmlElement = { name: 'narrative', text: text.sq }
  return text.en === undefined ? [albanian] : [albanian, english(text.en)]
}

const english = (text: string): XmlElement => ({ name: 'narrative', attributes: { 'xml:lang': 'en' }, text })

/** `Fusha I: …` / `Area I: …`: a code and title after a word naming what they are. */
function labelled(words: Text, code: string, title: Text): Text {
  return {
    sq: `${words.sq} ${code}: ${title.sq}`,
    ...(title.en !== undefined && { en: `${words.en} ${code}: ${title.en}` }),
  }
}

/** A code before a title, as the plans write them: "IV.2 Shërbime të specializuara …". */
function coded(code: string, title: Text): Text {
  return { sq: `${code} ${title.sq}`, ...(title.en !== undefined && { en: `${code} ${title.en}` }) }
}

/** Two texts in one (a figure's source and note); English only when both have it. */
function joined(first: Text | undefined, second: Text | undefined): Text | undefined {
  const parts = [first, second].filter((part) => part !== undefined)
  if (parts.length === 0) return undefined
  const en = parts.every((part) => part.en !== undefined) ? parts.map((part) => part.en).join(' — ') : undefined
  return { sq: parts.map((part) => part.sq).join(' — '), ...(en !== undefined && { en }) }
}

const comment = (text: Text | undefined): XmlElement | null => (text === undefined ? null : element('comment', undefined, narratives(text)))

const englishComment = (text: string | null): XmlElement | null => (text === null ? null : element('comment', undefined, [english(text)]))

/** The first and last day of a period (a year, a half-year or a quarter). */
function datesOf(period: Period): { readonly start: string; readonly end: string } {
  const year = yearOf(period)
  const part = period.slice(5)
  const months = part === '' ? 12 : part.startsWith('H') ? 6 : 3
  const first = part === '' ? 1 : (Number(part.slice(1)) - 1) * months + 1
  const last = first + months - 1
  const pad = (n: number) => String(n).padStart(2, '0')
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate()
  return { start: `${year}-${pad(first)}-01`, end: `${year}-${pad(last)}-${pad(lastDay)}` }
}

const yearStart = (year: number) => `${year}-01-01`
const yearEnd = (year: number) => `${year}-12-31`

/** A `value` in its currency, dated for conversion. */
const money = (amount: Money, valueDate: string): XmlElement => ({
  name: 'value',
  attributes: { currency: amount.currency, 'value-date': valueDate },
  text: amount.amount,
})

/** What a plan is: its kind, its years and the council decision that approved it. */
function description(kind: PlanKind, period: PlanPeriod, decision: { readonly number: string; readonly date: string } | null): Text {
  const years = `${period.from}–${period.to}`
  const { sq, en } = kindNames[kind]
  return decision === null
    ? { sq: `${sq}, ${years}.`, en: `${en}, ${years}.` }
    : {
        sq: `${sq}, ${years}. Vendimi i miratimit: ${decision.number}, datë ${decision.date}.`,
        en: `${en}, ${years}. The council decision approving it: ${decision.number} of ${decision.date}.`,
      }
}

/** A funder as a participating or provider organisation: the municipality's own budget by its identifier. */
function funder(funding: FundingShare, organisation: string, role?: string): XmlElement {
  return element(
    role === undefined ? 'provider-org' : 'participating-org',
    {
      ...(role !== undefined && { role }),
      ref: funding.kind === 'local-budget' ? organisation : undefined,
      type: funderTypes[funding.kind],
    },
    // Grouped by name, a funding share always has one.
    [{ name: 'narrative', text: funding.name! }],
  )
}

function budgets(costing: IatiPlan['costing']): XmlElement[] {
  return (costing?.byYear ?? []).flatMap(({ fiscalYear, planned, allocated, lines }) => {
    const period = [
      element('period-start', { 'iso-date': yearStart(fiscalYear) }),
      element('period-end', { 'iso-date': yearEnd(fiscalYear) }),
    ]
    const budget = (type: string, status: string, amount: Money) =>
      element('budget', { type, status }, [...period, money(amount, yearStart(fiscalYear))])
    // A year whose lines are all costed in words has no planned amount, not a planned 0; the same for allocations.
    return [lines.costed > 0 ? budget('1', '1', planned) : null, lines.allocated > 0 ? budget('2', '2', allocated) : null].filter(
      (budget) => budget !== null,
    )
  })
}

/**
 * Expenditure per fiscal year and funder. What the read models hold is spent to date, with no
 * date of its own: it is dated at the end of its fiscal year, or on the day the file is made while
 * that year runs, since IATI refuses transaction and value dates in the future.
 */
function transactions(costing: IatiPlan['costing'], organisation: string, today: string): XmlElement[] {
  return (costing?.byYear ?? []).flatMap(({ fiscalYear, byFundingSource }) => {
    const date = yearEnd(fiscalYear) < today ? yearEnd(fiscalYear) : today
    return byFundingSource
      .filter((funding) => !isZero(funding.executed.amount))
      .map((funding) =>
        element('transaction', undefined, [
          element('transaction-type', { code: '4' }),
          element('transaction-date', { 'iso-date': date }),
          money(funding.executed, date),
          element('description', undefined, [english(`Spent in fiscal year ${fiscalYear}, to ${date}`)]),
          funder(funding, organisation),
        ]),
      )
  })
}

/** A target as set, in words, for a comment beside the figure published; null for a plain absolute one. */
function targetWords({ target, period, resolved }: TargetView): string | null {
  const words: string[] = []
  switch (target.kind) {
    case 'relative': {
      const sign = target.changePercent.startsWith('-') ? '' : '+'
      const base = target.over === 'baseline' ? 'the baseline' : "the previous period's actual"
      words.push(`${sign}${target.changePercent} % over ${base}, resolved to the figure published`)
      break
    }
    case 'range':
    case 'band': {
      // Progress moves towards the lower bound, or the upper one when the baseline lies above.
      const bound = resolved.value === target.lower ? 'lower' : 'upper'
      words.push(`A ${target.kind} of ${target.lower}–${target.upper}: its ${bound} bound is published`)
      break
    }
    case 'milestone':
      words.push('A milestone: 1 when achieved')
      break
    case 'absolute':
      break
  }
  if (period === 'end-of-plan') words.push('The target for the end of the plan')
  return words.length === 0 ? null : `${words.join('. ')}.`
}

/**
 * The target of a period: resolved to one figure (a range to its bound, see `targetWords`), with
 * the target as set in a comment. A relative target that cannot be resolved yet (its base unknown)
 * is left out rather than published empty. Only numeric indicators have targets: a text
 * indicator's aim is a milestone indicator of its own.
 */
function targetElement(target: TargetView | undefined): XmlElement | null {
  if (target === undefined || target.resolved.value === null) return null
  return element('target', { value: target.resolved.value }, [englishComment(targetWords(target))])
}

/**
 * A period's actual: its total, then one element per category of each breakdown (a `dimension`
 * names the category); a text indicator's figure is its words. A withheld figure (a small count,
 * or what would give one away) is never published: nothing of it is written, and the categories
 * withheld from a breakdown are gone from it.
 */
function actualElements(view: ValueView | undefined): XmlElement[] {
  if (view === undefined || view.withheld !== undefined) return []
  if (view.value === undefined) return [element('actual', undefined, [comment(view.text)])]
  const total = element('actual', { value: view.value }, [comment(joined(view.source, view.note))])
  const parts = disaggregationDimensions.flatMap((dimension) =>
    Object.entries(view.breakdown?.[dimension] ?? {})
      .sort(([a], [b]) => byText(a, b))
      .map(([category, value]) =>
        element('actual', { value }, [element('dimension', { name: dimension.replaceAll('-', '_'), value: category })]),
      ),
  )
  return [total, ...parts]
}

/** Each period with a target or an actual to publish, in order; a target applies to its period only. */
function periods(figures: IndicatorFigures): XmlElement[] {
  const all = new Set([...figures.targets.map((target) => target.appliesTo), ...figures.values.map((value) => value.period)])
  return [...all].sort(comparePeriods).flatMap((period) => {
    // The period's own target comes before an end-of-plan one applying to it, and wins over it.
    const target = targetElement(figures.targets.find((candidate) => candidate.appliesTo === period))
    const actuals = actualElements(figures.values.find((value) => value.period === period))
    if (target === null && actuals.length === 0) return []
    const { start, end } = datesOf(period)
    return [
      element('period', undefined, [
        element('period-start', { 'iso-date': start }),
        element('period-end', { 'iso-date': end }),
        target,
        ...actuals,
      ]),
    ]
  })
}

/** What an indicator's figures are, in words: whether they add up, how they are broken down, where they come from. */
function indicatorDescription(definition: IndicatorDefinition): XmlElement {
  const sentences = [
    `${unitTexts[definition.unit]}${definition.currency === undefined ? '' : ` in ${definition.currency}`}, ${
      definition.accumulation === 'cumulative'
        ? 'cumulative: each value is the running total since the plan began'
        : 'per period (not cumulative)'
    }.`,
    ...definition.disaggregations.map(
      ({ dimension, categories, exhaustive }) =>
        `By ${dimension}: ${categories.join(', ')}${exhaustive ? ', adding up to the total' : ', not covering everyone'}.`,
    ),
    ...(definition.computed === undefined
      ? []
      : [
          `Computed: the allocations tagged ${definition.computed.category} as a percentage of the municipality's total budget of the year.`,
        ]),
  ]
  const source = definition.dataSource
  return element('description', undefined, [
    source === undefined ? null : { name: 'narrative', text: `Burimi i të dhënave: ${source.sq}` },
    english([...sentences, ...(source?.en === undefined ? [] : [`Data source: ${source.en}.`])].join(' ')),
  ])
}

function indicatorElement(figures: IndicatorFigures): XmlElement {
  const { definition, baseline } = figures
  const measure = measures[definition.unit]
  // Better or worse says nothing of words (a text indicator has no baseline or target either).
  return element('indicator', { measure, ascending: measure === qualitative ? undefined : ascending[definition.direction] }, [
    element('title', undefined, narratives(definition.name)),
    indicatorDescription(definition),
    // References sit on indicators only: IATI allows them on a result or its indicators, not both.
    element('reference', { vocabulary: '99', code: definition.code }),
    baseline === null ? null : element('baseline', { year: String(baseline.year), value: baseline.value }, [comment(baseline.note)]),
    ...periods(figures),
  ])
}

/** A result needs at least one indicator: an objective or a measure without any is not a result. */
function result(type: '1' | '2', code: string, title: Text, where: Text, indicators: readonly IndicatorFigures[]): XmlElement | null {
  if (indicators.length === 0) return null
  return element('result', { type }, [
    element('title', undefined, narratives(coded(code, title))),
    element('description', undefined, narratives(where)),
    ...indicators.map(indicatorElement),
  ])
}

const objectiveWords: Text = { sq: 'Objektivi', en: 'Objective' }

/** An objective as an outcome, its measures as outputs, then its sub-objectives the same way. */
function objectiveResults(objective: ObjectiveNode, where: Text): (XmlElement | null)[] {
  const place = labelled(objectiveWords, objective.code, objective.title)
  return [
    result('2', objective.code, objective.title, where, objective.indicators),
    ...objective.measures.map((measure: MeasureNode) => result('1', measure.code, measure.title, place, measure.indicators)),
    ...objective.children.flatMap((child) => objectiveResults(child, place)),
  ]
}

/** The activity of a plan, published by its municipality under `organisation`, in `status`. */
export function activityElement(
  ref: IatiPlanRef,
  { tree, costing }: IatiPlan,
  organisation: string,
  status: ActivityStatusCode,
  today: string,
): XmlElement {
  const { plan } = tree
  const municipality = plan.municipality
  const name: Text = municipality.registered ? municipality.name : { sq: municipality.code }
  // The costing is in the municipality's currency; there is none only when the read models know neither it nor a line.
  const currency = costing?.currency
  const sector = sectors[plan.kind]
  return element(
    'iati-activity',
    // No last-updated-datetime: the read models keep no time of a plan's last change, and the time
    // of the export would make every export differ from the one before.
    { 'xml:lang': 'sq', 'default-currency': currency },
    [
      { name: 'iati-identifier', text: `${organisation}-${plan.planId}` },
      element('reporting-org', { ref: organisation, type: localGovernment }, narratives(name)),
      element('title', undefined, narratives(plan.title)),
      element('description', { type: '1' }, narratives(description(plan.kind, plan.period, plan.councilDecision))),
      element('participating-org', { role: '2', ref: organisation, type: localGovernment }, narratives(name)),
      ...(costing?.total.byFundingSource ?? []).map((funding) => funder(funding, organisation, '1')),
      element('activity-status', { code: status }),
      element('activity-date', { type: '1', 'iso-date': yearStart(plan.period.from) }),
      // The plan starts being carried out on the council's decision.
      plan.councilDecision === null ? null : element('activity-date', { type: '2', 'iso-date': plan.councilDecision.date }),
      element('activity-date', { type: '3', 'iso-date': yearEnd(plan.period.to) }),
      plan.closed === null ? null : element('activity-date', { type: '4', 'iso-date': plan.closed.date }),
      element('activity-scope', { code: scopes[ref.country] }),
      element('recipient-country', { code: ref.country }),
      element('location', { ref: municipality.code }, [
        element('location-reach', { code: '1' }),
        element('name', undefined, narratives(name)),
      ]),
      element('sector', sector, sector.vocabulary === '99' ? narratives(kindNames[plan.kind]) : []),
      genderPrincipal.has(plan.kind) ? element('policy-marker', { code: '1', significance: '2' }) : null,
      ...budgets(costing),
      ...transactions(costing, organisation, today),
      ...tree.areas.flatMap((area) =>
        area.objectives.flatMap((objective) => objectiveResults(objective, labelled({ sq: 'Fusha', en: 'Area' }, area.code, area.title))),
      ),
    ],
  )
}
