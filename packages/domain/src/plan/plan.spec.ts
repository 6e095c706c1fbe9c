import t, { type Test } from 'tap'
import { replay } from '../decider.js'
import { decimal } from '../shared/decimal.js'
import { parseCommand } from '../shared/parse-command.js'
import { invalid, spec, type Refusal } from '../testing/decider-spec.js'
import { fixedIds } from '../testing/fixed-ids.js'
import { defaultRatingThresholds, measureStatuses, plan, planCommandSchema, planStream, type DraftedPlan, type PlanEvent } from './plan.js'

const decider = (t: Test) => spec(t, plan, planCommandSchema)

const thresholds = (achieved: string, onTrack: string, partly: string) => ({
  achieved: decimal(achieved),
  onTrack: decimal(onTrack),
  partly: decimal(partly),
})

const {
  plan: planId,
  areas: [areaI, areaII],
  objectives: [objectiveI1, objectiveI1a, objectiveII1],
} = fixedIds
const [measureId, otherMeasureId] = fixedIds.measures

const title = {
  sq: 'Plani Vendor i Veprimit për Barazinë Gjinore 2022–2024',
  en: 'Local Gender Equality Action Plan 2022–2024',
}
const strategy = { sq: 'Strategjia Kombëtare për Barazinë Gjinore 2021–2030' }

const draft = {
  type: 'DraftPlan',
  planId,
  municipality: 'ELB',
  kind: 'gender-equality',
  title,
  period: { from: 2022, to: 2024 },
}

const drafted = {
  type: 'plan.drafted.v1',
  data: {
    planId,
    municipality: 'ELB',
    kind: 'gender-equality',
    title,
    period: { from: 2022, to: 2024 },
    nationalStrategies: [],
    ratingThresholds: thresholds('1', '0.9', '0.5'),
  },
} as PlanEvent

const approved = {
  type: 'plan.approved.v1',
  data: { planId, councilDecision: { number: 'Nr. 45', date: '2022-03-31' } },
} as PlanEvent

const closed = { type: 'plan.closed.v1', data: { planId, date: '2025-01-31' } } as PlanEvent

// The review of the plan's content: editors submit it, a reviewer returns or approves it, and an
// approved plan is reopened with a reason.
const submitted = { type: 'plan.submitted.v1', data: { planId } } as PlanEvent
const comments = { sq: 'Objektivi I.1 nuk ka tregues; shtoni të paktën një.' }
const returned = { type: 'plan.returned.v1', data: { planId, comments } } as PlanEvent
const reopening = { sq: 'Këshilli Bashkiak kërkoi një masë të re për strehëzën' }
/** Why a part of the plan is revised: kept with the revision. */
const correction = { sq: 'Korrigjim sipas dokumentit të miratuar' }
const reopened = { type: 'plan.reopened.v1', data: { planId, reason: reopening } } as PlanEvent
/** A plan's adoption: submitted, then approved. */
const adopted = [submitted, approved]

// The reporting round of a period: the same steps, for the figures of that period.
const reportSubmitted = (period: string) => ({ type: 'plan.report-submitted.v1', data: { planId, period } }) as PlanEvent
const reportReturned = (period: string) => ({ type: 'plan.report-returned.v1', data: { planId, period, comments } }) as PlanEvent
const reportApproved = (period: string) => ({ type: 'plan.report-approved.v1', data: { planId, period } }) as PlanEvent
const reportReopened = (period: string) => ({ type: 'plan.report-reopened.v1', data: { planId, period, reason: reopening } }) as PlanEvent

const areaTitle = { sq: 'Përparimi në kuadrin e përgjithshëm të barazisë gjinore' }
const areaAdded = {
  type: 'plan.area-added.v1',
  data: { planId, areaId: areaI, code: 'I', title: areaTitle },
} as PlanEvent
const areaIIAdded = {
  type: 'plan.area-added.v1',
  data: {
    planId,
    areaId: areaII,
    code: 'II',
    title: { sq: 'Zvogëlimi i stereotipeve gjinore, praktikave të dëmshme dhe diskriminimit' },
  },
} as PlanEvent

const objectiveTitle = {
  sq: 'Rritja e përgjegjshmërisë dhe transparencës në përmbushjen e angazhimeve publike për barazinë gjinore',
}
const objectiveAdded = {
  type: 'plan.objective-added.v1',
  data: { planId, objectiveId: objectiveI1, areaId: areaI, level: 'strategic', code: 'I.1', title: objectiveTitle },
} as PlanEvent
// A specific objective nested in a strategic one, as the plan holds it.
const nestedObjective = {
  objectiveId: objectiveI1a,
  areaId: areaI,
  parentObjectiveId: objectiveI1,
  level: 'specific',
  code: 'I.4..2',
  title: { sq: 'Buxhetim i përgjegjshëm gjinor' },
}
const nestedObjectiveAdded = { type: 'plan.objective-added.v1', data: { planId, ...nestedObjective } } as PlanEvent
const objectiveIIAdded = {
  type: 'plan.objective-added.v1',
  data: { planId, objectiveId: objectiveII1, areaId: areaII, level: 'strategic', code: 'II.1', title: { sq: 'Ndërgjegjësimi' } },
} as PlanEvent

const measureDetails = {
  code: 'I.1.4',
  title: { sq: 'Fushata ndërgjegjësuese kundër stereotipeve gjinore', en: 'Awareness campaign against gender stereotypes' },
  leadActors: [{ sq: 'Nëpunësja vendore e barazisë gjinore' }],
  supportingActors: [{ sq: 'Drejtoria e Shërbimeve Sociale' }, { sq: 'UN Women' }],
  schedule: { sq: 'Çdo vit', en: 'Every year' },
  deadline: '2024-12-31',
  output: { sq: '5 000 persona të informuar' },
  dataSource: { sq: 'Raporti vjetor i bashkisë' },
  monitoringBody: { sq: 'Këshilli Bashkiak' },
  legalReferences: [{ sq: 'Ligji Nr. 9970, dt. 24.07.2008 "Për Barazinë Gjinore në Shoqëri"' }],
}
const addMeasure = { type: 'AddMeasure', planId, measureId, objectiveId: objectiveI1, ...measureDetails }
const measureAdded = {
  type: 'plan.measure-added.v1',
  data: { planId, measureId, objectiveId: objectiveI1, ...measureDetails },
} as PlanEvent
// A measure whose actors are not known yet.
const bareMeasure = {
  planId,
  measureId: otherMeasureId,
  objectiveId: objectiveI1,
  code: '2.1.1',
  title: { sq: 'Regjistrimi i fëmijëve romë dhe egjiptianë në arsimin parashkollor' },
  leadActors: [],
  supportingActors: [],
}
const bareMeasureAdded = { type: 'plan.measure-added.v1', data: { ...bareMeasure, legalReferences: [] } } as PlanEvent

const statusChanged = (from: string, to: string, date: string) =>
  ({ type: 'plan.measure-status-changed.v1', data: { planId, measureId, from, to, date } }) as PlanEvent

const structure = [areaAdded, objectiveAdded]
const withMeasure = [drafted, ...structure, measureAdded]

const stateAfter = (events: readonly PlanEvent[]) => replay(plan, events) as DraftedPlan

t.test('planStream and exported vocabulary', async (t) => {
  t.equal(planStream(planId), `plan-${planId}`)
  t.same(defaultRatingThresholds, { achieved: '1', onTrack: '0.9', partly: '0.5' })
  t.same(measureStatuses, ['planned', 'in-progress', 'completed', 'partially-completed', 'not-implemented', 'postponed', 'cancelled'])
  t.same(plan.initialState, { drafted: false })
})

t.test('DraftPlan', async (t) => {
  decider(t).given([]).when(draft).then([drafted], 'defaults: no national strategies, thresholds 1 / 0.9 / 0.5')
  const ownDetails = {
    municipality: 'DRE',
    kind: 'domestic-violence',
    title: { sq: 'Plani Lokal i Veprimit për Mbrojtje nga Dhuna në Familje 2025–2028' },
    period: { from: 2025, to: 2028 },
    nationalStrategies: [strategy],
  }
  decider(t)
    .given([])
    .when({
      ...draft,
      ...ownDetails,
      ratingThresholds: { achieved: '1.00', onTrack: '0.80', partly: '0.40' },
      occurredAt: '2025-02-01T09:00:00+01:00',
    })
    .then(
      [{ type: 'plan.drafted.v1', data: { planId, ...ownDetails, ratingThresholds: { achieved: '1', onTrack: '0.8', partly: '0.4' } } }],
      'own thresholds in canonical decimal form, Albanian text kept, unknown fields dropped',
    )
  decider(t)
    .given([])
    .when({ ...draft, period: { from: 2024, to: 2024 }, ratingThresholds: { achieved: '0.9', onTrack: '0.9', partly: '0.9' } })
    .then(
      [
        {
          ...drafted,
          data: {
            ...drafted.data,
            period: { from: 2024, to: 2024 },
            ratingThresholds: thresholds('0.9', '0.9', '0.9'),
          },
        } as PlanEvent,
      ],
      'a one-year plan and equal thresholds are allowed',
    )

  decider(t).given([drafted]).when(draft).thenFails('TRG_ALREADY_EXISTS', { entity: 'plan', id: planId })
  decider(t)
    .given([drafted, ...adopted, closed])
    .when(draft)
    .thenFails('TRG_PLAN_CLOSED', { planId })

  const thresholdsRefused = (achieved: string, onTrack: string, partly: string, field: string, problem: RegExp | string) =>
    invalid(draft, { ratingThresholds: { achieved, onTrack, partly } }, `ratingThresholds.${field}`, problem)
  decider(t)
    .given([])
    .refuses([
      invalid(draft, { planId: '42' }, 'planId', 'must be a UUID'),
      invalid(draft, { municipality: 'elb' }, 'municipality'),
      invalid(draft, { kind: 'youth' }, 'kind', /gender-equality, roma-egyptian-integration/),
      invalid(draft, { title: { sq: '  ' } }, 'title.sq'),
      invalid(draft, { period: { from: 2024, to: 2022 } }, 'period.to', 'must not be before from'),
      invalid(draft, { period: { from: 2022.5, to: 2024 } }, 'period.from', 'must be a whole year'),
      invalid(draft, { nationalStrategies: 'SKBGJ' }, 'nationalStrategies', 'must be a list of texts'),
      thresholdsRefused('1', '0.9', '0', 'partly', 'must be greater than 0'),
      thresholdsRefused('1', '0.4', '0.5', 'onTrack', 'must not be below partly'),
      thresholdsRefused('0.8', '0.9', '0.5', 'achieved', 'must not be below onTrack'),
      thresholdsRefused('1', '0,9', '0.5', 'onTrack', /written with a dot/),
    ])
})

t.test('every command but DraftPlan needs a drafted plan, and none works on a closed one', async (t) => {
  const commands = [
    { type: 'RevisePlanDetails', planId, title },
    { type: 'SubmitPlan', planId },
    { type: 'ReturnPlan', planId, comments },
    { type: 'ApprovePlan', planId, councilDecision: { number: 'Nr. 45', date: '2022-03-31' } },
    { type: 'ReopenPlan', planId, reason: reopening },
    { type: 'SubmitReport', planId, period: '2024' },
    { type: 'ReturnReport', planId, period: '2024', comments },
    { type: 'ApproveReport', planId, period: '2024' },
    { type: 'ReopenReport', planId, period: '2024', reason: reopening },
    { type: 'ClosePlan', planId, date: '2025-01-31' },
    { type: 'AddArea', planId, areaId: areaII, code: 'II', title: areaTitle },
    { type: 'AddObjective', planId, objectiveId: objectiveII1, areaId: areaI, level: 'strategic', code: 'I.2', title: areaTitle },
    { type: 'ReviseArea', planId, areaId: areaI, code: 'A', reason: correction },
    { type: 'ReviseObjective', planId, objectiveId: objectiveI1, code: 'I.A', reason: correction },
    { ...addMeasure, measureId: otherMeasureId },
    { type: 'ReviseMeasure', planId, measureId, code: 'I.1.5', reason: correction },
    { type: 'ChangeMeasureStatus', planId, measureId, status: 'completed', date: '2025-02-01' },
  ]
  for (const command of commands) {
    decider(t).given([]).when(command).thenFails('TRG_NOT_FOUND', { entity: 'plan', id: planId }, `${command.type}: no plan`)
    decider(t)
      .given([...withMeasure, ...adopted, closed])
      .when(command)
      .thenFails('TRG_PLAN_CLOSED', { planId }, `${command.type}: closed plan`)
  }
})

t.test('RevisePlanDetails', async (t) => {
  const revise = { type: 'RevisePlanDetails', planId }
  const newTitle = { sq: 'Plani Vendor i Veprimit për Barazinë Gjinore (i rishikuar)' }
  decider(t)
    .given([drafted])
    .when({ ...revise, title: newTitle })
    .then([{ type: 'plan.details-revised.v1', data: { planId, title: newTitle } }])
  decider(t)
    .given([drafted, ...adopted, reopened])
    .when({ ...revise, title, nationalStrategies: [strategy], ratingThresholds: { achieved: '1.0', onTrack: '0.9', partly: '0.5' } })
    .then(
      [{ type: 'plan.details-revised.v1', data: { planId, nationalStrategies: [strategy] } }],
      'a reopened plan can be amended; only what changed is recorded',
    )
  decider(t)
    .given([drafted])
    .when({ ...revise, ratingThresholds: { achieved: '1', onTrack: '0.75', partly: '0.5' } })
    .then([
      {
        type: 'plan.details-revised.v1',
        data: { planId, ratingThresholds: { achieved: '1', onTrack: '0.75', partly: '0.5' } },
      },
    ])
  decider(t)
    .given([drafted])
    .when({ ...revise, title: { en: title.en, sq: title.sq }, nationalStrategies: [] })
    .then([], 'the same details again (in any key order) change nothing')
  decider(t)
    .given([drafted])
    .when({ ...revise, title: { sq: title.sq } })
    .then([{ type: 'plan.details-revised.v1', data: { planId, title: { sq: title.sq } } }], 'dropping the English translation is a change')
  decider(t)
    .given([
      {
        ...drafted,
        data: { ...drafted.data, ratingThresholds: { partly: decimal('0.5'), onTrack: decimal('0.9'), achieved: decimal('1') } },
      } as PlanEvent,
    ])
    .when({ ...revise, ratingThresholds: { achieved: '1', onTrack: '0.9', partly: '0.5' } })
    .then([], 'stored events whose keys came back in another order still compare equal')
  decider(t)
    .given([drafted])
    .refuses([
      invalid(revise, {}, '(command)', 'must give at least one of title, nationalStrategies or ratingThresholds'),
      invalid(revise, { ratingThresholds: { achieved: '1', onTrack: '0.9', partly: '-0.5' } }, 'ratingThresholds.partly'),
    ])
})

t.test('ApprovePlan', async (t) => {
  const approve = { type: 'ApprovePlan', planId, councilDecision: { number: 'Nr. 45', date: '2022-03-31' } }
  decider(t).given([drafted, submitted]).when(approve).then([approved], 'the council decision number is kept as written')
  decider(t)
    .given([drafted])
    .when(approve)
    .thenFails('TRG_INVALID_STATE', { entity: 'plan', id: planId, state: 'open', action: 'approved' }, 'only a submitted plan is approved')
  decider(t)
    .given([drafted, ...adopted])
    .when(approve)
    .thenFails('TRG_INVALID_STATE', { entity: 'plan', id: planId, state: 'approved', action: 'approved' })
  decider(t)
    .given([drafted, submitted])
    .refuses([
      invalid(approve, { councilDecision: { number: ' ', date: '2022-03-31' } }, 'councilDecision.number', 'must not be empty'),
      invalid(approve, { councilDecision: { number: 'Nr. 45', date: '31.03.2022' } }, 'councilDecision.date', /YYYY-MM-DD/),
      invalid(approve, { councilDecision: { number: 'Nr. 45', date: '2022-02-30' } }, 'councilDecision.date'),
    ])
})

t.test('ClosePlan', async (t) => {
  const close = { type: 'ClosePlan', planId, date: '2025-01-31' }
  const reason = { sq: 'Plani përfundoi; u miratua PVVBGJ 2025–2030' }
  decider(t)
    .given([drafted, ...adopted])
    .when(close)
    .then([closed])
  decider(t)
    .given([drafted, ...adopted])
    .when({ ...close, reason })
    .then([{ type: 'plan.closed.v1', data: { planId, date: '2025-01-31', reason } }])
  decider(t)
    .given([drafted, ...adopted])
    .when({ ...close, date: '2022-03-31', reason: undefined })
    .then([{ type: 'plan.closed.v1', data: { planId, date: '2022-03-31' } }], 'closing on the day of approval; no undefined in event data')
  decider(t).given([drafted]).when(close).thenFails('TRG_INVALID_STATE', { entity: 'plan', id: planId, state: 'draft', action: 'closed' })
  const underReview = { entity: 'plan', id: planId, state: 'under review', action: 'closed' }
  decider(t)
    .given([drafted, ...adopted, reopened, submitted])
    .when(close)
    .thenFails('TRG_INVALID_STATE', underReview, 'not while its amended content waits for a reviewer')
  decider(t)
    .given([drafted, ...adopted, reportSubmitted('2024')])
    .when(close)
    .thenFails('TRG_INVALID_STATE', underReview, 'nor while a report does')
  decider(t)
    .given([drafted, ...adopted, reportSubmitted('2024'), reportReturned('2024'), reopened])
    .when(close)
    .then([closed], 'returned and reopened ones wait for the editors, and close with the plan')
  decider(t)
    .given([drafted, ...adopted])
    .refuses([
      invalid(close, { date: '2022-03-30' }, 'date', /must not be before 2022-03-31/),
      invalid(close, { date: '2025' }, 'date'),
      invalid(close, { reason: { sq: '' } }, 'reason.sq'),
    ])
})

t.test('AddArea', async (t) => {
  const add = { type: 'AddArea', planId, areaId: areaI, code: 'I', title: areaTitle }
  decider(t).given([drafted]).when(add).then([areaAdded])
  decider(t)
    .given([drafted, ...adopted, reopened])
    .when(add)
    .then([areaAdded], 'structure can be added once an approved plan is reopened')
  decider(t)
    .given([drafted, areaAdded])
    .when({ ...add, areaId: areaII })
    .then([{ ...areaAdded, data: { ...areaAdded.data, areaId: areaII } } as PlanEvent], 'codes may repeat')
  decider(t).given([drafted, areaAdded]).when(add).thenFails('TRG_ALREADY_EXISTS', { entity: 'area', id: areaI })
  decider(t)
    .given([drafted])
    .refuses([invalid(add, { code: '' }, 'code', 'must not be empty'), invalid(add, { areaId: 'I' }, 'areaId')])
})

t.test('AddObjective', async (t) => {
  const add = {
    type: 'AddObjective',
    planId,
    objectiveId: objectiveI1,
    areaId: areaI,
    level: 'strategic',
    code: 'I.1',
    title: objectiveTitle,
  }
  const nested = { ...add, ...nestedObjective }
  decider(t).given([drafted, areaAdded]).when(add).then([objectiveAdded])
  decider(t)
    .given([drafted, areaAdded, objectiveAdded])
    .when(nested)
    .then([nestedObjectiveAdded], 'a specific objective nested in a strategic one; the code kept as written')
  decider(t)
    .given([drafted, areaAdded])
    .when({ ...add, parentObjectiveId: undefined })
    .then([objectiveAdded], 'no undefined parent in event data')
  decider(t).given([drafted, areaAdded, objectiveAdded]).when(add).thenFails('TRG_ALREADY_EXISTS', { entity: 'objective', id: objectiveI1 })
  decider(t).given([drafted]).when(add).thenFails('TRG_NOT_FOUND', { entity: 'area', id: areaI })
  decider(t)
    .given([drafted, areaAdded])
    .refuses([
      [nested, 'TRG_NOT_FOUND', { entity: 'objective', id: objectiveI1 }],
      invalid(add, { level: 'operational' }, 'level', 'must be strategic or specific'),
    ])
  decider(t)
    .given([drafted, areaAdded, areaIIAdded, objectiveIIAdded])
    .refuses([
      invalid(
        nested,
        { parentObjectiveId: objectiveII1 },
        'parentObjectiveId',
        `must be an objective of area ${areaI}, but ${objectiveII1} belongs to area ${areaII}`,
      ),
    ])
})

t.test('AddMeasure', async (t) => {
  decider(t)
    .given([drafted, ...structure])
    .when(addMeasure)
    .then([measureAdded], 'every descriptive field, Albanian text kept')
  decider(t)
    .given([drafted, ...structure, ...adopted, reopened])
    .when({ type: 'AddMeasure', ...bareMeasure, schedule: undefined })
    .then([bareMeasureAdded], 'actors may be unknown; no legal references by default')
  decider(t).given(withMeasure).when(addMeasure).thenFails('TRG_ALREADY_EXISTS', { entity: 'measure', id: measureId })
  decider(t).given([drafted, areaAdded]).when(addMeasure).thenFails('TRG_NOT_FOUND', { entity: 'objective', id: objectiveI1 })
  decider(t)
    .given([drafted, ...structure])
    .refuses([
      invalid(addMeasure, { leadActors: undefined }, 'leadActors', 'must be a list of texts'),
      invalid(addMeasure, { supportingActors: [{ sq: 'OJF' }, { en: 'NGO' }] }, 'supportingActors.1.sq'),
      invalid(addMeasure, { deadline: 'Dhjetor 2024' }, 'deadline', /YYYY-MM-DD/),
    ])
})

t.test('ReviseArea', async (t) => {
  const revise = { type: 'ReviseArea', planId, areaId: areaI, reason: correction }
  const english = { ...areaTitle, en: 'Progress in the general framework of gender equality' }
  const revised = { type: 'plan.area-revised.v1', data: { planId, areaId: areaI, title: english, reason: correction } } as PlanEvent
  decider(t)
    .given([drafted, areaAdded])
    .when({ ...revise, title: english })
    .then([revised], 'the English label is added')
  decider(t)
    .given([drafted, areaAdded])
    .when({ ...revise, code: 'I', title: { sq: ` ${areaTitle.sq} ` } })
    .then([], 'the same code and title again change nothing')
  decider(t)
    .given([drafted, areaAdded, ...adopted, reopened])
    .when({ ...revise, code: 'A' })
    .then(
      [{ type: 'plan.area-revised.v1', data: { planId, areaId: areaI, code: 'A', reason: correction } }],
      'a reopened plan is corrected',
    )
  decider(t)
    .given([drafted, areaAdded, ...adopted, closed])
    .when({ ...revise, code: 'A' })
    .thenFails('TRG_PLAN_CLOSED', { planId })
  decider(t)
    .given([drafted])
    .when({ ...revise, code: 'A' })
    .thenFails('TRG_NOT_FOUND', { entity: 'area', id: areaI })
  decider(t)
    .given([drafted, areaAdded])
    .when(revise)
    .thenFails('TRG_INVALID_COMMAND', { command: 'ReviseArea', field: '(command)', problem: 'must give at least one of code or title' })
  decider(t)
    .given([drafted, areaAdded])
    .when({ ...revise, title: { sq: ' ' } })
    .thenFails('TRG_INVALID_COMMAND', { field: 'title.sq' })
  decider(t)
    .given([drafted, areaAdded])
    .refuses([invalid(revise, { code: 'A', reason: undefined }, 'reason'), invalid(revise, { code: 'A', reason: { sq: '' } }, 'reason.sq')])
  t.same(
    stateAfter([drafted, areaAdded, areaIIAdded, revised]).areas,
    {
      [areaI]: { areaId: areaI, code: 'I', title: english },
      [areaII]: stateAfter([drafted, areaIIAdded]).areas[areaII],
    },
    'the revised area changes, the others stay as they were; the reason stays in the event',
  )
})

t.test('ReviseObjective', async (t) => {
  const revise = { type: 'ReviseObjective', planId, objectiveId: objectiveI1, reason: correction }
  const english = { ...objectiveTitle, en: 'More accountability and transparency in public commitments to gender equality' }
  const revised = {
    type: 'plan.objective-revised.v1',
    data: { planId, objectiveId: objectiveI1, title: english, reason: correction },
  } as PlanEvent
  decider(t)
    .given([drafted, ...structure])
    .when({ ...revise, title: english })
    .then([revised], 'the English label is added')
  decider(t)
    .given([drafted, ...structure])
    .when({ ...revise, code: 'I.1', title: objectiveTitle })
    .then([], 'the same code and title again change nothing')
  decider(t)
    .given([drafted, ...structure, ...adopted, reopened])
    .when({ ...revise, code: 'I.A' })
    .then(
      [{ type: 'plan.objective-revised.v1', data: { planId, objectiveId: objectiveI1, code: 'I.A', reason: correction } }],
      'a reopened plan is corrected',
    )
  decider(t)
    .given([drafted, areaAdded])
    .when({ ...revise, code: 'I.A' })
    .thenFails('TRG_NOT_FOUND', { entity: 'objective', id: objectiveI1 })
  decider(t)
    .given([drafted, ...structure])
    .refuses([
      invalid(revise, {}, '(command)', 'must give at least one of code or title'),
      invalid(revise, { code: 'I.A', reason: undefined }, 'reason'),
      invalid(revise, { title: { sq: ' ' } }, 'title.sq'),
    ])
  t.same(
    stateAfter([drafted, areaAdded, objectiveAdded, nestedObjectiveAdded, revised]).objectives,
    {
      [objectiveI1]: { objectiveId: objectiveI1, areaId: areaI, level: 'strategic', code: 'I.1', title: english },
      [objectiveI1a]: nestedObjective,
    },
    'the revised objective changes, the others stay as they were; the reason stays in the event',
  )
})

t.test('ReviseMeasure', async (t) => {
  const revise = { type: 'ReviseMeasure', planId, measureId, reason: correction }
  decider(t)
    .given(withMeasure)
    .when({ ...revise, deadline: '2025-06-30', supportingActors: [{ sq: 'World Vision' }] })
    .then([
      {
        type: 'plan.measure-revised.v1',
        data: { planId, measureId, deadline: '2025-06-30', supportingActors: [{ sq: 'World Vision' }], reason: correction },
      },
    ])
  decider(t)
    .given([drafted, ...structure, bareMeasureAdded])
    .when({ ...revise, measureId: otherMeasureId, schedule: { sq: '2025–2028' }, code: '2.1.1', leadActors: [] })
    .then(
      [
        {
          type: 'plan.measure-revised.v1',
          data: { planId, measureId: otherMeasureId, schedule: { sq: '2025–2028' }, reason: correction },
        },
      ],
      'a field the measure lacked is set; unchanged fields are left out',
    )
  decider(t)
    .given(withMeasure)
    .when({ ...revise, ...measureDetails, title: { en: measureDetails.title.en, sq: measureDetails.title.sq } })
    .then([], 'the same details again change nothing')
  decider(t)
    .given([...withMeasure, submitted, returned])
    .when({ ...revise, code: 'I.1.4', output: { sq: '5 000 persona të informuar' }, monitoringBody: undefined })
    .then([], 'undefined fields are not changes')
  decider(t)
    .given([drafted])
    .when({ ...revise, code: 'I.1.5' })
    .thenFails('TRG_NOT_FOUND', { entity: 'measure', id: measureId })
  decider(t)
    .given(withMeasure)
    .refuses([
      invalid(
        revise,
        { objectiveId: objectiveI1 },
        '(command)',
        /^must give at least one of code, title, leadActors, supportingActors, schedule, deadline, output, dataSource, monitoringBody, legalReferences$/,
      ),
      invalid(revise, { legalReferences: [{ sq: ' ' }] }, 'legalReferences.0.sq'),
      invalid(revise, { code: 'I.1.5', reason: undefined }, 'reason'),
    ])
})

t.test('ChangeMeasureStatus', async (t) => {
  const change = { type: 'ChangeMeasureStatus', planId, measureId }
  const started = statusChanged('planned', 'in-progress', '2022-05-01')
  const reason = { sq: 'Mungesë fondesh nga buxheti vendor', en: 'No local budget funds' }
  decider(t)
    .given(withMeasure)
    .when({ ...change, status: 'in-progress', date: '2022-05-01' })
    .then([started], 'a new measure is planned; any date is fine for its first change')
  decider(t)
    .given([...withMeasure, started])
    .when({ ...change, status: 'partially-completed', date: '2024-12-31', reason })
    .then([
      {
        type: 'plan.measure-status-changed.v1',
        data: { planId, measureId, from: 'in-progress', to: 'partially-completed', date: '2024-12-31', reason },
      },
    ])
  decider(t)
    .given([...withMeasure, started, statusChanged('in-progress', 'postponed', '2023-01-10')])
    .when({ ...change, status: 'in-progress', date: '2023-01-10' })
    .then([statusChanged('postponed', 'in-progress', '2023-01-10')], 'two changes on the same day, back from postponed')
  decider(t)
    .given([...withMeasure, started])
    .when({ ...change, status: 'in-progress', date: '2023-01-01', reason })
    .then([], 'the same status again changes nothing')
  decider(t)
    .given([...withMeasure, started, statusChanged('in-progress', 'completed', '2024-11-30')])
    .when({ ...change, status: 'completed', date: '2024-12-31' })
    .then([], 'the same final status again changes nothing either')
  decider(t)
    .given([...withMeasure, started, statusChanged('in-progress', 'completed', '2024-11-30')])
    .when({ ...change, status: 'partially-completed', date: '2024-12-31' })
    .thenFails('TRG_INVALID_STATE', { entity: 'measure', id: measureId, state: 'completed', action: 'set to partially-completed' })
  decider(t)
    .given([...withMeasure, statusChanged('planned', 'cancelled', '2022-06-01')])
    .when({ ...change, status: 'planned', date: '2023-01-01' })
    .thenFails('TRG_INVALID_STATE', { entity: 'measure', id: measureId, state: 'cancelled', action: 'set to planned' })
  decider(t)
    .given([...withMeasure, started])
    .refuses([
      invalid(
        change,
        { status: 'completed', date: '2022-04-30' },
        'date',
        "must not be before 2022-05-01, the date of the measure's previous status change",
      ),
    ])
  decider(t)
    .given([drafted, ...structure])
    .when({ ...change, status: 'completed', date: '2024-12-31' })
    .thenFails('TRG_NOT_FOUND', { entity: 'measure', id: measureId })
  decider(t)
    .given(withMeasure)
    .refuses([
      invalid(change, { status: 'realised', date: '2024-12-31' }, 'status', /^must be planned, in-progress, completed/),
      invalid(change, { status: 'completed' }, 'date'),
    ])
})

t.test('SubmitPlan, ReturnPlan, ApprovePlan: editors submit the content, a reviewer returns or approves it', async (t) => {
  const submit = { type: 'SubmitPlan', planId }
  const giveBack = { type: 'ReturnPlan', planId, comments }
  const approve = { type: 'ApprovePlan', planId, councilDecision: { number: 'Nr. 45', date: '2022-03-31' } }
  decider(t).given(withMeasure).when(submit).then([submitted], 'an open plan is submitted')
  decider(t)
    .given([...withMeasure, submitted])
    .when(giveBack)
    .then([returned], 'a reviewer returns it with comments')
  t.same(stateAfter([...withMeasure, submitted, returned]).adoption, { status: 'returned', comments }, 'the comments are kept')
  decider(t)
    .given([...withMeasure, submitted, returned])
    .when(submit)
    .then([submitted], 'a returned plan is submitted again')
  decider(t)
    .given([...withMeasure, submitted, returned, submitted])
    .when(approve)
    .then([approved], 'and then approved')
  const approvedAfterReturn = stateAfter([...withMeasure, submitted, returned, ...adopted])
  t.same(
    { status: approvedAfterReturn.status, adoption: approvedAfterReturn.adoption, councilDecision: approvedAfterReturn.councilDecision },
    { status: 'approved', adoption: { status: 'approved' }, councilDecision: { number: 'Nr. 45', date: '2022-03-31' } },
  )
  t.same(stateAfter([...withMeasure, submitted]).adoption, { status: 'submitted' })
  t.equal(stateAfter([...withMeasure, submitted]).status, 'draft', 'a submitted plan is still a draft')

  const refused = (given: readonly PlanEvent[], command: { type: string }, state: string, action: string, message: string) =>
    decider(t).given(given).when(command).thenFails('TRG_INVALID_STATE', { entity: 'plan', id: planId, state, action }, message)
  refused([drafted], approve, 'open', 'approved', 'an open plan is not approved without being submitted')
  refused([drafted, submitted, returned], approve, 'returned', 'approved', 'nor a returned one')
  refused([drafted], giveBack, 'open', 'returned', 'only a submitted plan is returned')
  refused([drafted, ...adopted], giveBack, 'approved', 'returned', 'an approved one is reopened, not returned')
  refused([drafted, submitted], submit, 'submitted', 'submitted', 'a submitted plan is not submitted twice')
  refused([drafted, ...adopted], submit, 'approved', 'submitted', 'an approved plan is reopened before it is submitted again')
  decider(t)
    .given([drafted, submitted])
    .refuses([
      invalid(giveBack, { comments: undefined }, 'comments'),
      invalid(giveBack, { comments: { sq: ' ' } }, 'comments.sq'),
      invalid(submit, { planId: 'PVVBGJ' }, 'planId', 'must be a UUID'),
    ])
})

t.test('ReopenPlan: an approved plan is opened again, with a reason, and adopted again through review', async (t) => {
  const reopen = { type: 'ReopenPlan', planId, reason: reopening }
  decider(t)
    .given([...withMeasure, ...adopted])
    .when(reopen)
    .then([reopened])
  const state = stateAfter([...withMeasure, ...adopted, reopened])
  t.same(
    { status: state.status, adoption: state.adoption, councilDecision: state.councilDecision },
    {
      status: 'approved',
      adoption: { status: 'reopened', comments: reopening },
      councilDecision: { number: 'Nr. 45', date: '2022-03-31' },
    },
    'the plan stays approved, under its decision, until it is approved again; the reason is kept',
  )
  decider(t)
    .given([...withMeasure, ...adopted, reopened])
    .when({ type: 'SubmitPlan', planId })
    .then([submitted])
  const amended = { number: 'Nr. 112', date: '2023-06-29' }
  decider(t)
    .given([...withMeasure, ...adopted, reopened, submitted])
    .when({ type: 'ApprovePlan', planId, councilDecision: amended })
    .then([{ type: 'plan.approved.v1', data: { planId, councilDecision: amended } } as PlanEvent], 'approved again by a new decision')

  for (const [given, state] of [
    [[drafted], 'open'],
    [[drafted, submitted], 'submitted'],
    [[drafted, submitted, returned], 'returned'],
    [[drafted, ...adopted, reopened], 'reopened'],
  ] as const) {
    decider(t)
      .given(given)
      .when(reopen)
      .thenFails(
        'TRG_INVALID_STATE',
        { entity: 'plan', id: planId, state, action: 'reopened' },
        `only an approved plan is reopened, not a ${state} one`,
      )
  }
  decider(t)
    .given([drafted, ...adopted])
    .refuses([invalid(reopen, { reason: undefined }, 'reason'), invalid(reopen, { reason: { en: 'Amended' } }, 'reason.sq')])
})

t.test("a submitted or approved plan's content is locked (TRG_PLAN_LOCKED); returned or reopened, it changes again", async (t) => {
  const changes = [
    { type: 'RevisePlanDetails', planId, title: { sq: 'PVVBGJ 2022–2024 (i rishikuar)' } },
    { type: 'AddArea', planId, areaId: areaII, code: 'II', title: areaTitle },
    { type: 'ReviseArea', planId, areaId: areaI, code: 'A', reason: correction },
    { type: 'AddObjective', planId, objectiveId: objectiveII1, areaId: areaI, level: 'strategic', code: 'I.2', title: areaTitle },
    { type: 'ReviseObjective', planId, objectiveId: objectiveI1, code: 'I.A', reason: correction },
    { ...addMeasure, measureId: otherMeasureId },
    { type: 'ReviseMeasure', planId, measureId, code: 'I.1.5', reason: correction },
  ]
  for (const command of changes) {
    // What the change decides on the plan before it is submitted: the same once it is editable again.
    const open = plan.decide(parseCommand(command.type, planCommandSchema, command), stateAfter(withMeasure))
    t.equal(open.length, 1, `${command.type} changes the open plan`)
    decider(t)
      .given([...withMeasure, submitted])
      .when(command)
      .thenFails('TRG_PLAN_LOCKED', { planId, state: 'submitted' }, `${command.type}: submitted`)
    decider(t)
      .given([...withMeasure, ...adopted])
      .when(command)
      .thenFails('TRG_PLAN_LOCKED', { planId, state: 'approved' }, `${command.type}: approved`)
    decider(t)
      .given([...withMeasure, submitted, returned])
      .when(command)
      .then(open, `${command.type}: returned`)
    decider(t)
      .given([...withMeasure, ...adopted, reopened])
      .when(command)
      .then(open, `${command.type}: reopened`)
  }
  decider(t)
    .given([...withMeasure, ...adopted])
    .when({ type: 'ReviseMeasure', planId, measureId: otherMeasureId, code: 'I.1.5', reason: correction })
    .thenFails('TRG_PLAN_LOCKED', { planId, state: 'approved' }, 'the lock is checked before what the command names')

  decider(t)
    .given([...withMeasure, submitted])
    .when({ type: 'ChangeMeasureStatus', planId, measureId, status: 'in-progress', date: '2022-05-01' })
    .then(
      [statusChanged('planned', 'in-progress', '2022-05-01')],
      "a measure's status is a figure, not content: it changes while submitted",
    )
  decider(t)
    .given([...withMeasure, ...adopted])
    .when({ type: 'ChangeMeasureStatus', planId, measureId, status: 'in-progress', date: '2022-05-01' })
    .then([statusChanged('planned', 'in-progress', '2022-05-01')], 'and while approved')
})

t.test('reporting rounds: SubmitReport, ReturnReport, ApproveReport and ReopenReport, one round per period', async (t) => {
  const round = (type: string, period: string, rest: object = {}) => ({ type, planId, period, ...rest })
  const adoptedPlan = [...withMeasure, ...adopted]
  decider(t)
    .given(adoptedPlan)
    .decides([
      [round('SubmitReport', '2023'), [reportSubmitted('2023')], 'a year'],
      [round('SubmitReport', '2024-H1'), [reportSubmitted('2024-H1')], 'a half-year'],
      [round('SubmitReport', '2022-Q4'), [reportSubmitted('2022-Q4')], 'a quarter'],
    ])
  for (const before of [withMeasure, [...withMeasure, submitted]]) {
    decider(t)
      .given(before)
      .when(round('SubmitReport', '2023'))
      .thenFails(
        'TRG_INVALID_STATE',
        { entity: 'plan', id: planId, state: 'draft', action: 'reported on' },
        'figures are reported against an adopted plan',
      )
  }
  decider(t)
    .given([...adoptedPlan, reopened])
    .when(round('SubmitReport', '2023'))
    .then([reportSubmitted('2023')], 'a plan reopened for amendment is still the adopted one')
  decider(t)
    .given([...adoptedPlan, reportSubmitted('2023')])
    .decides([
      [round('ReturnReport', '2023', { comments }), [reportReturned('2023')], 'returned with comments'],
      [round('ApproveReport', '2023'), [reportApproved('2023')], 'or approved'],
      [round('SubmitReport', '2024'), [reportSubmitted('2024')], "another period's round is its own"],
    ])
  decider(t)
    .given([...adoptedPlan, reportSubmitted('2023'), reportReturned('2023')])
    .when(round('SubmitReport', '2023'))
    .then([reportSubmitted('2023')], 'a returned round is submitted again')
  const approvedRound = [...adoptedPlan, reportSubmitted('2023'), reportReturned('2023'), reportSubmitted('2023'), reportApproved('2023')]
  decider(t)
    .given(approvedRound)
    .when(round('ReopenReport', '2023', { reason: reopening }))
    .then([reportReopened('2023')], 'an approved round is reopened with a reason')
  decider(t)
    .given([...approvedRound, reportReopened('2023')])
    .when(round('SubmitReport', '2023'))
    .then([reportSubmitted('2023')], 'and submitted again')

  t.same(stateAfter(adoptedPlan).reports, {}, 'no round before one is submitted')
  t.same(stateAfter([...adoptedPlan, reportSubmitted('2023'), reportReturned('2023')]).reports, {
    2023: { status: 'returned', comments },
  })
  t.same(stateAfter([...approvedRound, reportSubmitted('2024-H1')]).reports, {
    2023: { status: 'approved' },
    '2024-H1': { status: 'submitted' },
  })
  t.same(stateAfter([...approvedRound, reportReopened('2023')]).reports, { 2023: { status: 'reopened', comments: reopening } })
  t.same(
    stateAfter([...approvedRound, reportReopened('2023')]).adoption,
    { status: 'approved' },
    "a round leaves the plan's own review alone",
  )

  const refused = (command: object, state: string, action: string, message: string): Refusal => [
    command as Refusal[0],
    'TRG_INVALID_STATE',
    { entity: 'report', id: `${planId} 2023`, state, action },
    message,
  ]
  decider(t)
    .given(adoptedPlan)
    .refuses([
      refused(round('ApproveReport', '2023'), 'open', 'approved', 'a round never submitted is not approved'),
      refused(round('ReturnReport', '2023', { comments }), 'open', 'returned', 'nor returned'),
      refused(round('ReopenReport', '2023', { reason: reopening }), 'open', 'reopened', 'nor reopened'),
    ])
  decider(t)
    .given([...adoptedPlan, reportSubmitted('2023')])
    .refuses([
      refused(round('SubmitReport', '2023'), 'submitted', 'submitted', 'a submitted round is not submitted twice'),
      refused(round('ReopenReport', '2023', { reason: reopening }), 'submitted', 'reopened', 'a submitted round is not reopened'),
    ])
  decider(t)
    .given(approvedRound)
    .refuses([
      refused(round('SubmitReport', '2023'), 'approved', 'submitted', 'an approved round is reopened before it is submitted again'),
      refused(round('ReturnReport', '2023', { comments }), 'approved', 'returned', 'nor is it returned'),
      refused(round('ApproveReport', '2023'), 'approved', 'approved', 'nor approved twice'),
    ])

  const outside = (command: object, period: string): Refusal => [
    command as Refusal[0],
    'TRG_PERIOD_OUTSIDE_PLAN',
    { field: 'period', period, planPeriod: '2022–2024' },
    `${(command as { type: string }).type} ${period}: outside the plan's years`,
  ]
  decider(t)
    .given(approvedRound)
    .refuses([
      outside(round('SubmitReport', '2021'), '2021'),
      outside(round('SubmitReport', '2025-H1'), '2025-H1'),
      outside(round('ReturnReport', '2025', { comments }), '2025'),
      outside(round('ApproveReport', '2021-Q4'), '2021-Q4'),
      outside(round('ReopenReport', '2025', { reason: reopening }), '2025'),
      invalid(round('SubmitReport', '2024'), { period: '2024-H3' }, 'period', /a half-year \(2024-H1\)/),
      invalid(round('SubmitReport', '2024'), { period: 'end-of-plan' }, 'period'),
      invalid(round('ReturnReport', '2024', { comments }), { comments: undefined }, 'comments'),
      invalid(round('ReopenReport', '2023', { reason: reopening }), { reason: { sq: '' } }, 'reason.sq'),
    ])
})

t.test("ChangeMeasureStatus is locked (TRG_PERIOD_LOCKED) while a round holding its date's quarter is submitted or approved", async (t) => {
  const change = (date: string) => ({ type: 'ChangeMeasureStatus', planId, measureId, status: 'in-progress', date })
  const adoptedPlan = [...withMeasure, ...adopted]
  const locked = (state: string, period = '2024-Q2', round = '2024') => ({ planId, period, round, state })
  decider(t)
    .given([...adoptedPlan, reportSubmitted('2024'), reportApproved('2024')])
    .when(change('2024-05-01'))
    .thenFails('TRG_PERIOD_LOCKED', locked('approved'), 'the round for 2024 holds a status dated 2024-05-01')
  decider(t)
    .given([...adoptedPlan, reportSubmitted('2024')])
    .when(change('2024-12-31'))
    .thenFails('TRG_PERIOD_LOCKED', locked('submitted', '2024-Q4'), 'a submitted round holds it too')
  decider(t)
    .given([...adoptedPlan, reportSubmitted('2024-H1'), reportApproved('2024-H1')])
    .when(change('2024-05-01'))
    .thenFails('TRG_PERIOD_LOCKED', locked('approved', '2024-Q2', '2024-H1'), "so does its half-year's round")
  decider(t)
    .given([...adoptedPlan, reportSubmitted('2024-Q3'), reportApproved('2024-Q3')])
    .when(change('2024-05-01'))
    .then([statusChanged('planned', 'in-progress', '2024-05-01')], "another quarter's round does not")
  decider(t)
    .given([...adoptedPlan, reportSubmitted('2023'), reportApproved('2023')])
    .when(change('2024-05-01'))
    .then([statusChanged('planned', 'in-progress', '2024-05-01')], "another year's round does not")
  decider(t)
    .given([...adoptedPlan, reportSubmitted('2023'), reportApproved('2023'), reportSubmitted('2024'), reportReturned('2024')])
    .when(change('2024-05-01'))
    .then([statusChanged('planned', 'in-progress', '2024-05-01')], 'nor does a returned round')
  decider(t)
    .given([...adoptedPlan, reportSubmitted('2024'), reportApproved('2024'), reportReopened('2024')])
    .when(change('2024-05-01'))
    .then([statusChanged('planned', 'in-progress', '2024-05-01')], 'nor a reopened one')
  decider(t)
    .given([...adoptedPlan, reportSubmitted('2024'), reportApproved('2024')])
    .when(change('2025-01-15'))
    .thenFails(
      'TRG_PERIOD_OUTSIDE_PLAN',
      { field: 'date', period: '2025-01-15', planPeriod: '2022–2024' },
      'a status dated after the plan: no round could hold it, nor an approval publish it',
    )
  decider(t)
    .given(adoptedPlan)
    .when(change('2021-12-31'))
    .thenFails('TRG_PERIOD_OUTSIDE_PLAN', { field: 'date', period: '2021-12-31' }, 'nor one before it')
})

t.test('an unknown command type is refused by the schema', async (t) => {
  decider(t).given([drafted]).when({ type: 'DeletePlan', planId }).thenFails('TRG_INVALID_COMMAND', { field: 'type' })
})

t.test('evolve: the state holds the whole tree', async (t) => {
  t.same(stateAfter([drafted]), {
    drafted: true,
    planId,
    status: 'draft',
    municipality: 'ELB',
    kind: 'gender-equality',
    title,
    period: { from: 2022, to: 2024 },
    nationalStrategies: [],
    thresholds: { achieved: '1', onTrack: '0.9', partly: '0.5' },
    adoption: { status: 'open' },
    reports: {},
    areas: {},
    objectives: {},
    measures: {},
  })

  const revisedTitle = { sq: 'PVVBGJ 2022–2024 (i rishikuar)' }
  const revisedThresholds = thresholds('1', '0.8', '0.4')
  const details = stateAfter([
    drafted,
    { type: 'plan.details-revised.v1', data: { planId, nationalStrategies: [strategy] } } as PlanEvent,
    { type: 'plan.details-revised.v1', data: { planId, title: revisedTitle, ratingThresholds: revisedThresholds } } as PlanEvent,
  ])
  t.same(
    { title: details.title, nationalStrategies: details.nationalStrategies, thresholds: details.thresholds },
    { title: revisedTitle, nationalStrategies: [strategy], thresholds: revisedThresholds },
    'revisions replace only what they carry',
  )
  t.notOk('ratingThresholds' in details, 'thresholds are kept under their state name only')

  const tree = stateAfter([
    drafted,
    areaAdded,
    areaIIAdded,
    objectiveAdded,
    nestedObjectiveAdded,
    objectiveIIAdded,
    measureAdded,
    bareMeasureAdded,
    ...adopted,
  ])
  t.equal(tree.status, 'approved')
  t.same(tree.adoption, { status: 'approved' })
  t.same(tree.councilDecision, { number: 'Nr. 45', date: '2022-03-31' })
  t.same(Object.keys(tree.areas), [areaI, areaII], 'areas in the order they were added')
  t.same(tree.areas[areaI], { areaId: areaI, code: 'I', title: areaTitle })
  t.same(tree.objectives[objectiveI1a], nestedObjective)
  t.same(Object.keys(tree.objectives), [objectiveI1, objectiveI1a, objectiveII1])
  t.same(tree.measures[measureId], {
    measureId,
    objectiveId: objectiveI1,
    ...measureDetails,
    status: 'planned',
    statusHistory: [],
  })
  t.equal(tree.measures[otherMeasureId]?.status, 'planned')

  const reason = { sq: 'U realizua pjesërisht' }
  const measureLater = stateAfter([
    ...withMeasure,
    { type: 'plan.measure-revised.v1', data: { planId, measureId, code: 'I.1.5', leadActors: [], reason: correction } } as PlanEvent,
    statusChanged('planned', 'in-progress', '2022-05-01'),
    {
      type: 'plan.measure-status-changed.v1',
      data: { planId, measureId, from: 'in-progress', to: 'partially-completed', date: '2024-12-31', reason },
    } as PlanEvent,
  ]).measures[measureId]
  t.match(measureLater, { code: 'I.1.5', leadActors: [], title: measureDetails.title, status: 'partially-completed' })
  t.same(measureLater?.statusHistory, [
    { from: 'planned', to: 'in-progress', date: '2022-05-01' },
    { from: 'in-progress', to: 'partially-completed', date: '2024-12-31', reason },
  ])
  t.notOk(measureLater && 'planId' in measureLater, 'the plan id is not copied into the measure')
  t.notOk(measureLater && 'reason' in measureLater, "nor a revision's reason")

  const ended = stateAfter([drafted, ...adopted, { ...closed, data: { ...closed.data, reason } } as PlanEvent])
  t.equal(ended.status, 'closed')
  t.same(ended.closed, { date: '2025-01-31', reason })
})
