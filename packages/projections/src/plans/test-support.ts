import { envelopeFor, replay, type Actor, type DomainEvent } from '@treguesi/domain'
import { routeCommand } from '@treguesi/domain/testing'
import { measureLedByBashkia, specificObjective } from '@treguesi/domain/testing'
import { emptyReadModel, project, type LogEvent, type ReadModel } from '../projection.js'
import { plansProjection, type PlansState } from './plans-projection.js'

/**
 * Builds logs for the plans projection's specs from real domain events: every command goes
 * through its aggregate's schema and decider, as the write side would run it.
 */

/** A valid UUID numbered `n`, so specs can name ids by number. */
export const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`

export type Input = Readonly<Record<string, unknown>> & { readonly type: string }

export const officer = { id: 'gender-officer', role: 'editor', municipality: 'ELB' } as const
/** Who reviews what the officer submits. */
export const reviewer = { id: 'gender-reviewer', role: 'reviewer', municipality: 'ELB' } as const

export class Scenario {
  readonly log: LogEvent[] = []
  private readonly streams = new Map<string, DomainEvent[]>()

  /** Decides `input` on its stream's history and appends the events, sent by `actor`; a refusal is thrown. */
  run(input: Input, occurredAt = '2024-12-31T12:00:00+01:00', actor: Actor = officer): LogEvent[] {
    const { aggregate, command, stream } = routeCommand(input)
    const history = this.streams.get(stream) ?? []
    const events = aggregate.decider.decide(command, replay(aggregate.decider, history))
    const metadata = envelopeFor({ commandId: uuid(900_000 + this.log.length), actor, occurredAt })
    return events.map((event) => this.append(stream, event.type, event.data, metadata))
  }

  /** Appends an event as given, for what no decider decides (foreign or malformed histories). */
  append(stream: string, type: string, data: unknown, metadata: Readonly<Record<string, unknown>> = {}): LogEvent {
    const history = this.streams.get(stream) ?? []
    this.streams.set(stream, [...history, { type, data }])
    const position = BigInt(this.log.length + 1)
    const event: LogEvent = {
      stream,
      revision: BigInt(history.length),
      position,
      type,
      data,
      metadata,
      recordedAt: new Date(Date.UTC(2025, 0, 1) + this.log.length * 60_000),
    }
    this.log.push(event)
    return event
  }
}

/** The read model of a whole log, folded from scratch. */
export const modelOf = (log: Iterable<LogEvent>): ReadModel<PlansState> => project(plansProjection, emptyReadModel(plansProjection), log)

/** The ids of the Elbasan gender-equality plan below. */
export const elbasan = {
  plan: uuid(1),
  area: { I: uuid(10), II: uuid(11), III: uuid(12), IV: uuid(13) },
  objective: {
    'I.1': uuid(20),
    'II.1': uuid(21),
    'II.2': uuid(22),
    'III.1': uuid(23),
    'III.2': uuid(24),
    'IV.1': uuid(25),
    'IV.2': uuid(26),
  },
  measure: { 'II.2 (a)': uuid(31), 'IV.1 (a)': uuid(32), 'IV.2 (a)': uuid(33) },
  indicator: {
    awareness: uuid(41),
    parents: uuid(42),
    informed: uuid(43),
    entrepreneurship: uuid(44),
    audits: uuid(45),
    budgetShare: uuid(46),
  },
} as const

const planPeriod = { from: 2022, to: 2024 }
const bashkia = { sq: 'Bashkia Elbasan' }

/**
 * The Elbasan Local Gender Equality Action Plan 2022–2024 with the figures of its monitoring
 * report (DOMAIN.md's worked table): what each indicator reached against its target. As on the
 * write side, the plan's content (its structure, indicators and targets) is complete before it is
 * submitted and approved, and its figures are reported after.
 */
export function elbasanScenario(): Scenario {
  const s = new Scenario()
  const { plan: planId, area, objective, measure, indicator: ids } = elbasan
  s.run({ type: 'RegisterMunicipality', code: 'ELB', name: bashkia, country: 'AL', currency: 'ALL' })
  s.run({
    type: 'DraftPlan',
    planId,
    municipality: 'ELB',
    kind: 'gender-equality',
    title: { sq: 'Plani Vendor i Veprimit për Barazinë Gjinore 2022-2024', en: 'Local Gender Equality Action Plan 2022–2024' },
    period: planPeriod,
    nationalStrategies: [{ sq: 'Strategjia Kombëtare për Barazinë Gjinore 2021-2030' }],
  })
  s.run({ type: 'AddArea', planId, areaId: area.I, code: 'I', title: { sq: 'Përparimi në kuadrin e përgjithshëm të barazisë gjinore' } })
  s.run({ type: 'AddArea', planId, areaId: area.II, code: 'II', title: { sq: 'Zvogëlimi i steriotipeve gjinore' } })
  s.run({ type: 'AddArea', planId, areaId: area.III, code: 'III', title: { sq: 'Përparimi drejt punësimit' } })
  s.run({ type: 'AddArea', planId, areaId: area.IV, code: 'IV', title: { sq: 'Rritja e nivelit të sigurisë' } })
  const objectives: [keyof typeof objective, keyof typeof area, string][] = [
    ['I.1', 'I', 'Rritja e përgjegjshmërisë dhe transparencës'],
    ['II.1', 'II', 'Edukimi i shoqërisë me parimet e barazisë gjinore'],
    ['II.2', 'II', 'Investimi në prindërimin pozitiv'],
    ['III.1', 'III', 'Parandalimi i stereotipeve gjinore në punësim'],
    ['III.2', 'III', 'Nxitja e sipërmarrjes së grave'],
    ['IV.1', 'IV', 'Siguria në hapësirat publike'],
    ['IV.2', 'IV', 'Shërbime të specializuara për viktimat e dhunës në familje'],
  ]
  for (const [code, areaCode, title] of objectives) {
    s.run(specificObjective(planId, objective[code], area[areaCode], { code, title: { sq: title } }))
  }
  const measures: [keyof typeof measure, keyof typeof objective, string][] = [
    ['II.2 (a)', 'II.2', 'Kurse për prindërimin pozitiv'],
    ['IV.1 (a)', 'IV.1', 'Auditime sigurie në lagje'],
    ['IV.2 (a)', 'IV.2', 'Shërbimi i specializuar për viktimat'],
  ]
  for (const [code, objectiveCode, title] of measures) {
    s.run(measureLedByBashkia(planId, measure[code], objective[objectiveCode], { code, title: { sq: title } }))
  }

  const define = (
    indicatorId: string,
    attachedTo: { kind: 'objective' | 'measure'; id: string },
    code: string,
    name: string,
    rest: object,
  ) =>
    s.run({ type: 'DefineIndicator', indicatorId, planId, municipality: 'ELB', attachedTo, code, name: { sq: name }, planPeriod, ...rest })
  const count = { unit: 'count', direction: 'higher-is-better' }

  define(ids.awareness, { kind: 'objective', id: objective['II.1'] }, 'II.1/T1', 'Persona në aktivitete ndërgjegjësuese për stereotipet', {
    ...count,
    accumulation: 'cumulative',
    disaggregations: [{ dimension: 'sex', categories: ['F', 'M'], exhaustive: true }],
  })
  s.run({ type: 'SetTarget', indicatorId: ids.awareness, period: 'end-of-plan', target: { kind: 'absolute', value: '5000' } })
  define(ids.parents, { kind: 'measure', id: measure['II.2 (a)'] }, 'II.2 (a)/T1', 'Prindër në kurse për prindërimin pozitiv', {
    ...count,
    accumulation: 'per-period',
  })
  s.run({ type: 'SetTarget', indicatorId: ids.parents, period: '2024', target: { kind: 'absolute', value: '95' } })
  define(ids.informed, { kind: 'objective', id: objective['III.1'] }, 'III.1/T1', 'Persona të informuar për stereotipet në punësim', {
    ...count,
    accumulation: 'per-period',
  })
  s.run({ type: 'SetTarget', indicatorId: ids.informed, period: '2024', target: { kind: 'absolute', value: '18000' } })
  define(ids.entrepreneurship, { kind: 'objective', id: objective['III.2'] }, 'III.2/T1', 'Gra dhe vajza të mbështetura në sipërmarrje', {
    unit: 'percent',
    direction: 'higher-is-better',
    accumulation: 'per-period',
  })
  s.run({ type: 'SetTarget', indicatorId: ids.entrepreneurship, period: 'end-of-plan', target: { kind: 'absolute', value: '1' } })
  define(ids.audits, { kind: 'measure', id: measure['IV.1 (a)'] }, 'IV.1 (a)/T1', 'Auditime sigurie', {
    ...count,
    accumulation: 'per-period',
  })
  for (const year of ['2022', '2023', '2024']) {
    s.run({ type: 'SetTarget', indicatorId: ids.audits, period: year, target: { kind: 'absolute', value: '6' } })
  }
  define(
    ids.budgetShare,
    { kind: 'objective', id: objective['IV.2'] },
    'IV.2/T1',
    'Pjesa e buxhetit vendor për shërbime të specializuara për viktimat e dhunës në familje',
    {
      unit: 'percent',
      direction: 'higher-is-better',
      accumulation: 'per-period',
      computed: { kind: 'budget-share', category: 'dv-specialised-services' },
    },
  )
  s.run({ type: 'SetTarget', indicatorId: ids.budgetShare, period: '2024', target: { kind: 'absolute', value: '2' } })

  // Its content complete, the officer submits the plan and a reviewer approves it; figures follow.
  s.run({ type: 'SubmitPlan', planId }, '2022-03-20T12:00:00+01:00')
  s.run({ type: 'ApprovePlan', planId, councilDecision: { number: 'Nr. 45', date: '2022-03-30' } }, '2022-03-30T12:00:00+01:00', reviewer)

  s.run({ type: 'ChangeMeasureStatus', planId, measureId: measure['II.2 (a)'], status: 'in-progress', date: '2022-09-01' })
  s.run({ type: 'ChangeMeasureStatus', planId, measureId: measure['II.2 (a)'], status: 'partially-completed', date: '2024-12-31' })
  s.run({ type: 'ChangeMeasureStatus', planId, measureId: measure['IV.1 (a)'], status: 'completed', date: '2024-12-31' })

  s.run({ type: 'ReportIndicatorValue', indicatorId: ids.awareness, period: '2022', value: '1500' })
  s.run({ type: 'ReportIndicatorValue', indicatorId: ids.awareness, period: '2023', value: '3200' })
  s.run({
    type: 'ReportIndicatorValue',
    indicatorId: ids.awareness,
    period: '2024',
    value: '4500',
    breakdown: { sex: { F: '2600', M: '1900' } },
  })
  s.run({
    type: 'ReportIndicatorValue',
    indicatorId: ids.parents,
    period: '2024',
    value: '78',
    source: { sq: 'Drejtoria e Shërbimeve Sociale' },
  })
  s.run(
    {
      type: 'CorrectIndicatorValue',
      indicatorId: ids.parents,
      period: '2024',
      value: '80',
      source: { sq: 'Drejtoria e Shërbimeve Sociale' },
      reason: { sq: 'Dy prindër të regjistruar vonë' },
    },
    '2025-02-10T09:00:00+01:00',
  )
  s.run({ type: 'ReportIndicatorValue', indicatorId: ids.informed, period: '2024', value: '22000' })
  s.run({
    type: 'ReportIndicatorValue',
    indicatorId: ids.entrepreneurship,
    period: '2024',
    value: '0.03',
    numerator: '3',
    denominator: '10000',
  })
  s.run({ type: 'ReportIndicatorValue', indicatorId: ids.audits, period: '2022', value: '5' })
  s.run({ type: 'ReportIndicatorValue', indicatorId: ids.audits, period: '2023', value: '8' })
  s.run({ type: 'ReportIndicatorValue', indicatorId: ids.audits, period: '2024', value: '14' })
  return s
}
