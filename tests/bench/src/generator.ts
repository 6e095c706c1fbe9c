import { eventIdFor } from '@treguesi/commands'
import {
  budgetLine,
  budgetLineStream,
  divide,
  envelopeFor,
  indicator,
  indicatorStream,
  multiply,
  municipality,
  municipalityStream,
  nationalIndicator,
  nationalIndicatorStream,
  plan,
  planStream,
  round,
  type Actor,
  type BudgetLineCommand,
  type CommandContext,
  type Decider,
  type Decimal,
  type DomainEvent,
  type IndicatorCommand,
  type NationalIndicatorCommand,
  type LocalizedText,
  type MunicipalityCommand,
  type PlanCommand,
  type Period,
  type PlanKind,
} from '@treguesi/domain'
import type { JsonObject } from '@treguesi/event-store'
import { Random } from './random.js'

/**
 * Realistic national data for the benchmarks, as commands a client would send and the events the
 * deciders make of them. Every municipality tells a ten-year story in business-time order: it
 * registers, drafts 3–5 plans (areas, objectives, ~100 measures, 1–3 indicators per measure with
 * baseline and targets, a budget line per measure, year and funder), which its editor submits and
 * a reviewer approves once their content is complete, then reports
 * each half-year for ten years: values broken down by sex and urban/rural, a yearly value,
 * occasional corrections, allocations, spending and measure status, and each year's report,
 * submitted by the editor and approved by a reviewer, which makes the year's figures public. Municipalities follow one
 * another, so a log of N events is the first N events of one national log: a 10k log is a prefix
 * of the 1M one. The first 100 municipalities are the country (about 6M events); a larger log
 * continues with further municipalities of the same shape.
 *
 * Commands are produced in the form their schema's parse returns (defaults filled in, decimals
 * canonical) and with the facts the command handler adds (a plan's period, a municipality's
 * currency), so the deciders can take them without parsing: parsing every command would make
 * generating 1M events take minutes. The generator test checks that parsing changes nothing.
 */

export type AggregateName = 'municipality' | 'plan' | 'indicator' | 'budget-line' | 'national-indicator'

export type AnyCommand = MunicipalityCommand | PlanCommand | IndicatorCommand | BudgetLineCommand | NationalIndicatorCommand

export interface GeneratedCommand {
  readonly aggregate: AggregateName
  readonly stream: string
  readonly command: AnyCommand
  readonly context: CommandContext
  /** 0-based index of the municipality whose story this command belongs to; -1 for the national catalogue before them. */
  readonly municipality: number
}

/** An event as the command handler would append it: derived id, domain data, metadata envelope. */
export interface GeneratedEvent {
  readonly stream: string
  /** 0-based revision in its stream. */
  readonly revision: number
  readonly id: string
  readonly type: string
  readonly data: JsonObject
  readonly metadata: JsonObject
}

export const deciders: Readonly<Record<AggregateName, Decider<never, DomainEvent, unknown>>> = {
  municipality: municipality as unknown as Decider<never, DomainEvent, unknown>,
  plan: plan as unknown as Decider<never, DomainEvent, unknown>,
  indicator: indicator as unknown as Decider<never, DomainEvent, unknown>,
  'budget-line': budgetLine as unknown as Decider<never, DomainEvent, unknown>,
  'national-indicator': nationalIndicator as unknown as Decider<never, DomainEvent, unknown>,
}

/** Plans run ten years; values are reported from the first half-year to the last. */
export const firstYear = 2015
export const lastYear = 2024
/** The country proper; municipalities after these only exist in logs larger than the country's. */
export const countryMunicipalities = 100

const sq = (text: string): LocalizedText => ({ sq: text })
const dec = (value: number): Decimal => String(value) as Decimal

/** Kosovo has 38 municipalities to Albania's 61: three in eight here, the second one among them. */
const kosovoSlots = [1, 4, 6]

const syllables = [
  'ba',
  'shë',
  'dre',
  'nas',
  'kor',
  'çë',
  'el',
  'ti',
  'ra',
  'vlo',
  'ku',
  'lu',
  'gja',
  'ko',
  'va',
  'pe',
  'shk',
  'mit',
  'ro',
  'vi',
  'ça',
]
const placeName = (random: Random): string => {
  const word = Array.from({ length: random.int(2, 4) }, () => random.pick(syllables)).join('')
  return word[0]!.toUpperCase() + word.slice(1)
}

const romanNumerals = ['I', 'II', 'III', 'IV', 'V']
const planKinds: readonly PlanKind[] = ['gender-equality', 'roma-egyptian-integration', 'domestic-violence', 'other']
const planTitles: Readonly<Record<PlanKind, LocalizedText>> = {
  'gender-equality': { sq: 'Plani Vendor i Veprimit për Barazinë Gjinore', en: 'Local Gender Equality Action Plan' },
  'roma-egyptian-integration': { sq: 'Plani Vendor i Veprimit për Integrimin e Romëve dhe Egjiptianëve' },
  'domestic-violence': {
    sq: 'Plani Lokal i Veprimit për Mbrojtje nga Dhuna në Familje',
    en: 'Local Action Plan against Domestic Violence',
  },
  other: { sq: 'Plani Vendor i Veprimit për Përfshirjen Sociale' },
}
const strategies = [
  sq('Strategjia Kombëtare për Barazinë Gjinore 2021–2030'),
  sq('Plani Kombëtar i Veprimit për Romët dhe Egjiptianët 2021–2025'),
  sq('Strategjia Kombëtare për Mbrojtje nga Dhuna në Familje 2022–2026'),
]
const areaTitles = [
  'Fuqizimi ekonomik i grave dhe vajzave',
  'Arsimi dhe ndërgjegjësimi i komunitetit',
  'Shëndetësia dhe mbrojtja sociale',
  'Strehimi dhe kushtet e jetesës',
  'Qeverisja vendore dhe pjesëmarrja',
]
const actors = [
  'Drejtoria e Shërbimeve Sociale',
  'Nëpunësi për Barazinë Gjinore',
  'Zyra e Punësimit',
  'Qendra Komunitare',
  'Drejtoria Arsimore Rajonale',
  'Policia e Shtetit',
  'OShC partnere',
]
const schedules = [sq('Çdo vit'), sq('Çdo 6 muaj'), sq(`${firstYear}–${lastYear}`)]
const sources = [sq('Raporti vjetor i monitorimit'), sq('REVALB'), sq('ROMALB'), sq('Regjistri i Drejtorisë së Shërbimeve Sociale')]
const donors = ['UN Women', 'World Vision', 'Terre des Hommes', 'OSBE', 'donatorë (A2B, ADRA)']
const statusReasons = [sq('Mungesë fondesh'), sq('Vonesë në prokurim'), sq('U realizua sipas planit')]
/** The national catalogue: 20 counts and 10 percentages an indicator of the same unit may count towards. */
const nationalCodes = {
  count: Array.from({ length: 20 }, (_, i) => `NSGE-${Math.floor(i / 5) + 1}.${(i % 5) + 1}`),
  percent: Array.from({ length: 10 }, (_, i) => `NSGE-P${Math.floor(i / 5) + 1}.${(i % 5) + 1}`),
} as const

type CountUnit = 'count' | 'percent' | 'milestone'

interface IndicatorPlan {
  readonly indicatorId: string
  readonly unit: CountUnit
  readonly lowerIsBetter: boolean
  /** The typical half-year figure: a count, or a percent's denominator. */
  readonly level: number
  /** Half-years until a milestone is reached. */
  readonly milestoneAt: number
  /** No value is reported for a budget share: budget events give it. */
  readonly computed: boolean
}

interface LinePlan {
  readonly budgetLineId: string
  readonly fiscalYear: number
  readonly planned: number
}

interface MeasurePlan {
  readonly planId: string
  readonly measureId: string
  readonly startYear: number
  readonly endYear: number
}

interface Figure {
  readonly value: Decimal
  readonly breakdown?: Readonly<Record<string, Readonly<Record<string, Decimal>>>>
  readonly numerator?: Decimal
  readonly denominator?: Decimal
}

/** Splits a whole `total` into two whole parts, the first about `share` of it. */
function split(random: Random, total: number, share: number): [number, number] {
  const first = Math.min(total, Math.max(0, Math.round(total * (share + (random.next() - 0.5) * 0.1))))
  return [first, total - first]
}

/** A percent with one decimal exactly as the indicator decider computes it from the counts. */
const percentOf = (numerator: number, denominator: number): Decimal =>
  round(multiply(divide(dec(numerator), dec(denominator)), dec(100)), 1)

function countFigure(random: Random, total: number): Figure {
  const [women, men] = split(random, total, 0.52)
  const [urban, rural] = split(random, total, 0.6)
  return {
    value: dec(total),
    breakdown: { sex: { F: dec(women), M: dec(men) }, area: { urban: dec(urban), rural: dec(rural) } },
  }
}

function percentFigure(random: Random, numerator: number, denominator: number): Figure {
  const [womenOf, menOf] = split(random, denominator, 0.5)
  const [women, men] = split(random, numerator, 0.5)
  // A share per sex is of that sex's own count; an empty group has a share of 0.
  const share = (part: number, whole: number): Decimal => (whole === 0 ? dec(0) : percentOf(Math.min(part, whole), whole))
  return {
    value: percentOf(numerator, denominator),
    breakdown: { sex: { F: share(women, womenOf), M: share(men, menOf) } },
    numerator: dec(numerator),
    denominator: dec(denominator),
  }
}

/** The commands of one municipality's ten years, in business-time order. */
function* municipalityStory(seed: string, index: number): Generator<GeneratedCommand> {
  const random = new Random(`${seed}/municipality/${index}`)
  const kosovar = kosovoSlots.includes(index % 8)
  const country = kosovar ? 'XK' : 'AL'
  const currency = kosovar ? 'EUR' : 'ALL'
  const code = `${kosovar ? 'K' : 'B'}${String(index + 1).padStart(3, '0')}`
  const money = (amount: number) => ({ amount: dec(amount), currency }) as const
  // Albanian budgets are in lekë, Kosovar ones in euro: about 1:100.
  const unit = kosovar ? 10 : 1000
  const editor: Actor = { id: `officer-${code.toLowerCase()}`, role: 'editor', municipality: code }
  const reviewer: Actor = { id: `reviewer-${code.toLowerCase()}`, role: 'reviewer', municipality: code }

  let day = ''
  let seconds = 0
  /** A command at business time on `date`: one second after the previous one on that day; the editor's unless `actor` is given. */
  const at = (aggregate: AggregateName, stream: string, date: string, command: AnyCommand, actor: Actor = editor): GeneratedCommand => {
    if (date !== day) {
      day = date
      seconds = 8 * 3600
    }
    seconds += 1
    const time = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60].map((n) => String(n).padStart(2, '0'))
    const occurredAt = `${date}T${time.join(':')}+01:00`
    return { aggregate, stream, command, context: { commandId: random.uuid(), actor, occurredAt }, municipality: index }
  }
  const ofMunicipality = municipalityStream(code)

  yield at('municipality', ofMunicipality, `${firstYear - 1}-03-02`, {
    type: 'RegisterMunicipality',
    code,
    name: sq(`${kosovar ? 'Komuna e' : 'Bashkia'} ${placeName(random)}`),
    country,
    currency,
  })

  const indicators: IndicatorPlan[] = []
  const lines: LinePlan[] = []
  const measures: MeasurePlan[] = []
  const planCount = random.int(3, 5)
  const firstKind = random.int(0, planKinds.length - 1)

  const planIds: string[] = []
  for (let p = 0; p < planCount; p++) {
    const planId = random.uuid()
    planIds.push(planId)
    const kind = planKinds[(firstKind + p) % planKinds.length]!
    const ofPlan = planStream(planId)
    // Plans are drafted one a month from April, indicators and costs added, then submitted and approved.
    const month = `${firstYear - 1}-${String(4 + p).padStart(2, '0')}`
    const drafted = `${month}-10`
    const planned = `${month}-20`
    const submitted = `${month}-24`
    const approved = `${month}-28`
    yield at('plan', ofPlan, drafted, {
      type: 'DraftPlan',
      planId,
      municipality: code,
      kind,
      title: planTitles[kind],
      period: { from: firstYear, to: lastYear },
      nationalStrategies: strategies.filter(() => random.chance(0.5)),
      ratingThresholds: { achieved: dec(1), onTrack: dec(0.9), partly: dec(0.5) },
    })

    const objectives: { objectiveId: string; code: string; measures: number }[] = []
    const areaCount = random.int(3, 5)
    for (let a = 0; a < areaCount; a++) {
      const areaId = random.uuid()
      const areaCode = romanNumerals[a]!
      yield at('plan', ofPlan, drafted, { type: 'AddArea', planId, areaId, code: areaCode, title: sq(areaTitles[a]!) })
      const objectiveCount = random.int(2, 3)
      for (let o = 1; o <= objectiveCount; o++) {
        const objectiveId = random.uuid()
        const objectiveCode = `${areaCode}.${o}`
        objectives.push({ objectiveId, code: objectiveCode, measures: 0 })
        yield at('plan', ofPlan, drafted, {
          type: 'AddObjective',
          planId,
          objectiveId,
          areaId,
          level: 'strategic',
          code: objectiveCode,
          title: sq(`Objektivi ${objectiveCode}: ${areaTitles[a]!.toLowerCase()}`),
        })
        if (o === 1 && random.chance(0.3)) {
          // A specific objective under the area's first strategic one, as the Drenas plan nests them.
          const specificId = random.uuid()
          const specificCode = `${objectiveCode} (a)`
          objectives.push({ objectiveId: specificId, code: specificCode, measures: 0 })
          yield at('plan', ofPlan, drafted, {
            type: 'AddObjective',
            planId,
            objectiveId: specificId,
            areaId,
            parentObjectiveId: objectiveId,
            level: 'specific',
            code: specificCode,
            title: sq(`Objektivi specifik ${specificCode}`),
          })
        }
      }
    }

    const measureCount = random.int(90, 110)
    const planMeasures: { measureId: string; code: string }[] = []
    for (let m = 0; m < measureCount; m++) {
      const objective = objectives[m % objectives.length]!
      objective.measures += 1
      const measureId = random.uuid()
      const measureCode = `${objective.code}.${objective.measures}`
      planMeasures.push({ measureId, code: measureCode })
      const startYear = random.int(firstYear, firstYear + 3)
      measures.push({ planId, measureId, startYear, endYear: random.int(startYear + 2, lastYear) })
      yield at('plan', ofPlan, drafted, {
        type: 'AddMeasure',
        planId,
        measureId,
        objectiveId: objective.objectiveId,
        code: measureCode,
        title: sq(
          `Masa ${measureCode}: ${random.pick(['fushatë ndërgjegjësimi', 'trajnim për stafin', 'mbështetje financiare', 'shërbim këshillimi', 'ngritje kapacitetesh'])}`,
        ),
        leadActors: [sq(random.pick(actors))],
        supportingActors: random.chance(0.7) ? [sq(random.pick(actors)), sq(random.pick(donors))] : [],
        schedule: random.pick(schedules),
        ...(random.chance(0.5) && { deadline: `${lastYear}-12-31` }),
        output: sq('Numri i përfituesve të shërbimit'),
        dataSource: random.pick(sources),
        monitoringBody: sq('Këshilli Bashkiak'),
        legalReferences: random.chance(0.3) ? [sq('Ligji nr. 9970/2008 për barazinë gjinore në shoqëri')] : [],
      })
    }

    for (const [m, measure] of planMeasures.entries()) {
      const count = random.int(1, 3)
      for (let k = 1; k <= count; k++) {
        const indicatorId = random.uuid()
        const ofIndicator = indicatorStream(indicatorId)
        // The domestic-violence plan's budget-share indicator, as the Elbasan IV.2 one.
        const computed = kind === 'domestic-violence' && m === 0 && k === 1
        const roll = random.next()
        const unit: CountUnit = computed || (roll >= 0.7 && roll < 0.9) ? 'percent' : roll < 0.7 ? 'count' : 'milestone'
        const lowerIsBetter = unit === 'count' && random.chance(0.15)
        const level = unit === 'milestone' ? 1 : random.int(20, 2000)
        const item: IndicatorPlan = { indicatorId, unit, lowerIsBetter, level, milestoneAt: random.int(2, 19), computed }
        indicators.push(item)
        const nationalCode = unit !== 'milestone' && !computed && random.chance(0.4) ? random.pick(nationalCodes[unit]) : undefined
        yield at('indicator', ofIndicator, planned, {
          type: 'DefineIndicator',
          indicatorId,
          planId,
          municipality: code,
          attachedTo: { kind: 'measure', id: measure.measureId },
          code: `${measure.code}/T${k}`,
          name: sq(computed ? 'Pjesa e buxhetit për shërbimet e specializuara për viktimat e DHF' : `Treguesi ${measure.code}/T${k}`),
          unit,
          direction: lowerIsBetter ? 'lower-is-better' : 'higher-is-better',
          accumulation: 'per-period',
          disaggregations:
            unit === 'count'
              ? [
                  { dimension: 'sex', categories: ['F', 'M'], exhaustive: true },
                  { dimension: 'area', categories: ['urban', 'rural'], exhaustive: true },
                ]
              : unit === 'percent' && !computed
                ? [{ dimension: 'sex', categories: ['F', 'M'], exhaustive: true }]
                : [],
          dataSource: random.pick(sources),
          ...(nationalCode !== undefined && { nationalCode, nationalUnit: unit }),
          ...(computed && { computed: { kind: 'budget-share', category: 'dv-specialised-services' } }),
          planPeriod: { from: firstYear, to: lastYear },
        })
        // A budget share starts near the 0.9 % Elbasan reports and aims at a few percent.
        const baseline = unit === 'milestone' ? 0 : computed ? 1 : unit === 'percent' ? random.int(5, 60) : level
        yield at('indicator', ofIndicator, planned, { type: 'SetBaseline', indicatorId, value: dec(baseline), year: firstYear - 1 })
        for (let year = firstYear; year <= lastYear; year++) {
          const step = year - firstYear + 1
          const value =
            unit === 'percent'
              ? Math.min(100, baseline + 2 * step)
              : lowerIsBetter
                ? Math.round(level * (1 - 0.03 * step))
                : Math.round(2 * level * (1 + 0.05 * step))
          yield at('indicator', ofIndicator, planned, {
            type: 'SetTarget',
            indicatorId,
            period: String(year) as Period,
            target: unit === 'milestone' ? { kind: 'milestone' } : { kind: 'absolute', value: dec(value) },
          })
        }
        yield at('indicator', ofIndicator, planned, {
          type: 'SetTarget',
          indicatorId,
          period: 'end-of-plan',
          target:
            unit === 'milestone'
              ? { kind: 'milestone' }
              : { kind: 'relative', changePercent: dec(lowerIsBetter ? -30 : 50), over: 'baseline' },
        })
      }
    }

    for (const measure of planMeasures) {
      const donor = random.chance(0.4) ? random.pick(donors) : undefined
      for (let year = firstYear; year <= lastYear; year++) {
        const funders = [
          { kind: 'local-budget' as const, name: 'Buxheti vendor' },
          ...(donor === undefined ? [] : [{ kind: 'donor' as const, name: donor }]),
        ]
        for (const fundingSource of funders) {
          const budgetLineId = random.uuid()
          const amount = random.int(5, 300) * unit
          // Some cells give a costing in words ("per the ministry's costing"): no amount.
          const inWords = random.chance(0.03)
          lines.push({ budgetLineId, fiscalYear: year, planned: amount })
          const tagged = (kind === 'domestic-violence' && random.chance(0.3)) || (kind === 'gender-equality' && random.chance(0.2))
          yield at('budget-line', budgetLineStream(budgetLineId), planned, {
            type: 'PlanBudgetLine',
            budgetLineId,
            planId,
            measureId: measure.measureId,
            municipality: code,
            fiscalYear: year,
            fundingSource,
            categories: tagged ? [kind === 'domestic-violence' ? 'dv-specialised-services' : 'gender-responsive-budgeting'] : [],
            planned: inWords ? { costingText: 'Sipas kostimit të MSHMS' } : { amount: money(amount) },
            currency,
          })
        }
      }
    }

    yield at('plan', ofPlan, submitted, { type: 'SubmitPlan', planId })
    yield at(
      'plan',
      ofPlan,
      approved,
      { type: 'ApprovePlan', planId, councilDecision: { number: `Nr. ${random.int(10, 250)}`, date: approved } },
      reviewer,
    )
  }

  /** Each indicator's latest half-year figures, for the yearly value and for corrections. */
  const halves = new Map<string, { numerator: number; denominator: number; total: number }[]>()
  const reported = new Map<string, Figure>()

  for (let year = firstYear; year <= lastYear; year++) {
    const january = `${year}-01-20`
    yield at('municipality', ofMunicipality, `${year}-01-10`, {
      type: 'SetMunicipalBudgetTotal',
      code,
      fiscalYear: year,
      total: money(random.int(2000, 20000) * unit * 1000),
    })
    const yearLines = lines.filter((line) => line.fiscalYear === year)
    const allocated = new Map<string, number>()
    for (const line of yearLines) {
      const amount = Math.round((line.planned * random.int(60, 110)) / 100 / unit) * unit
      allocated.set(line.budgetLineId, amount)
      yield at('budget-line', budgetLineStream(line.budgetLineId), january, {
        type: 'AllocateBudget',
        budgetLineId: line.budgetLineId,
        allocated: money(amount),
        date: january,
        decision: `Vendim i Këshillit Bashkiak nr. ${random.int(1, 200)}/${year}`,
      })
    }
    for (const measure of measures.filter((m) => m.startYear === year)) {
      yield at('plan', planStream(measure.planId), january, {
        type: 'ChangeMeasureStatus',
        planId: measure.planId,
        measureId: measure.measureId,
        status: 'in-progress',
        date: january,
      })
    }

    for (const half of [1, 2] as const) {
      const date = half === 1 ? `${year}-07-15` : `${year + 1}-01-08`
      const t = (year - firstYear) * 2 + half
      for (const item of indicators) {
        if (item.computed) continue
        const period = `${year}-H${half}`
        const drift = item.lowerIsBetter ? 1 - 0.015 * t : 1 + 0.025 * t
        const numerator = Math.round(item.level * drift * (0.3 + random.next() * 0.4))
        const denominator = item.level
        const total = Math.round(item.level * drift * (0.8 + random.next() * 0.4))
        const figure =
          item.unit === 'milestone'
            ? { value: dec(t >= item.milestoneAt ? 1 : 0) }
            : item.unit === 'percent'
              ? percentFigure(random, Math.min(numerator, denominator), denominator)
              : countFigure(random, total)
        const stream = indicatorStream(item.indicatorId)
        reported.set(item.indicatorId, figure)
        halves.set(item.indicatorId, [
          ...(half === 1 ? [] : (halves.get(item.indicatorId) ?? [])),
          { numerator: Math.min(numerator, denominator), denominator, total },
        ])
        yield at('indicator', stream, date, {
          type: 'ReportIndicatorValue',
          indicatorId: item.indicatorId,
          period: period as Period,
          ...figure,
          source: sources[0]!,
        })
      }
      if (half === 2) {
        // The annual report gives the year as a whole: the two halves together.
        for (const item of indicators) {
          if (item.computed) continue
          const parts = halves.get(item.indicatorId)!
          const figure =
            item.unit === 'milestone'
              ? reported.get(item.indicatorId)!
              : item.unit === 'percent'
                ? percentFigure(random, parts[0]!.numerator + parts[1]!.numerator, parts[0]!.denominator + parts[1]!.denominator)
                : countFigure(random, parts[0]!.total + parts[1]!.total)
          yield at('indicator', indicatorStream(item.indicatorId), date, {
            type: 'ReportIndicatorValue',
            indicatorId: item.indicatorId,
            period: String(year) as Period,
            ...figure,
            source: sources[0]!,
            note: sq('Raporti vjetor i monitorimit'),
          })
        }
        // Now and then a half-year figure turns out wrong and is corrected, with the old one kept.
        for (const item of indicators) {
          if (item.computed || item.unit !== 'count' || !random.chance(0.02)) continue
          const parts = halves.get(item.indicatorId)!
          yield at('indicator', indicatorStream(item.indicatorId), date, {
            type: 'CorrectIndicatorValue',
            indicatorId: item.indicatorId,
            period: `${year}-H2` as Period,
            ...countFigure(random, parts[1]!.total + random.int(1, 9)),
            source: sources[0]!,
            reason: sq('Të dhënat u rishikuan pas verifikimit në terren'),
          })
        }
      }
      for (const line of yearLines) {
        // Spent to date: about half by mid-year, close to the allocation by the year's end.
        const share = half === 1 ? random.int(30, 60) : random.int(75, 105)
        const amount = Math.round((allocated.get(line.budgetLineId)! * share) / 100 / unit) * unit
        yield at('budget-line', budgetLineStream(line.budgetLineId), date, {
          type: 'RecordExpenditure',
          budgetLineId: line.budgetLineId,
          executed: money(amount),
          asOf: half === 1 ? `${year}-06-30` : `${year}-12-31`,
        })
      }
    }

    for (const measure of measures.filter((m) => m.endYear === year)) {
      const status = random.pick(['completed', 'completed', 'completed', 'partially-completed', 'not-implemented', 'postponed'] as const)
      yield at('plan', planStream(measure.planId), `${year + 1}-01-08`, {
        type: 'ChangeMeasureStatus',
        planId: measure.planId,
        measureId: measure.measureId,
        status,
        date: `${year}-12-31`,
        ...(status !== 'completed' && { reason: random.pick(statusReasons) }),
      })
    }
    // The year's report of every plan, submitted and approved the day after its last figures.
    const reportDay = `${year + 1}-01-09`
    for (const planId of planIds) {
      yield at('plan', planStream(planId), reportDay, { type: 'SubmitReport', planId, period: String(year) as Period })
      yield at('plan', planStream(planId), reportDay, { type: 'ApproveReport', planId, period: String(year) as Period }, reviewer)
    }
  }
}

/** The ministry's national catalogue, defined before any municipality registers. */
function* nationalCatalogue(seed: string): Generator<GeneratedCommand> {
  const random = new Random(`${seed}/catalogue`)
  const actor: Actor = { id: 'admin-ministry', role: 'admin' }
  for (const unit of ['count', 'percent'] as const) {
    for (const code of nationalCodes[unit]) {
      const command: NationalIndicatorCommand = {
        type: 'DefineNationalIndicator',
        code,
        name: sq(`Treguesi kombëtar ${code}`),
        ...(unit === 'percent' && { numerator: sq('Të përfshirë'), denominator: sq('Gjithsej') }),
        unit,
      }
      const context = { commandId: random.uuid(), actor, occurredAt: `${firstYear - 1}-01-15T09:00:00+01:00` }
      yield { aggregate: 'national-indicator', stream: nationalIndicatorStream(code), command, context, municipality: -1 }
    }
  }
}

/** The national catalogue, then every municipality's story, one after another, without end: take as many as needed. */
export function* nationalCommands(seed: string): Generator<GeneratedCommand> {
  yield* nationalCatalogue(seed)
  for (let index = 0; ; index++) yield* municipalityStory(seed, index)
}

/**
 * The first `count` events of the national log for `seed`, decided from the commands in memory,
 * each with the id and metadata envelope the command handler gives it.
 */
export function* nationalEvents(seed: string, count: number): Generator<GeneratedEvent> {
  if (count < 1) return
  let emitted = 0
  let current = -1
  // A municipality's streams are never written after its story ends, so states are kept per municipality.
  const states = new Map<string, { state: unknown; revision: number }>()
  for (const { aggregate, stream, command, context, municipality: index } of nationalCommands(seed)) {
    if (index !== current) {
      states.clear()
      current = index
    }
    const decider = deciders[aggregate]
    const known = states.get(stream) ?? { state: decider.initialState, revision: -1 }
    const events = decider.decide(command as never, known.state)
    const metadata = envelopeFor(context) as unknown as JsonObject
    let { state, revision } = known
    for (const [i, event] of events.entries()) {
      state = decider.evolve(state, event)
      revision += 1
      emitted += 1
      yield { stream, revision, id: eventIdFor(context.commandId, i), type: event.type, data: event.data as JsonObject, metadata }
      if (emitted === count) return
    }
    states.set(stream, { state, revision })
  }
}
