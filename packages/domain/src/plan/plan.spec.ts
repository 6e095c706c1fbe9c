import t, { type Test } from 'tap'
import { replay } from '../decider.js'
import { decimal } from '../shared/decimal.js'
import { invalid, spec } from '../testing/decider-spec.js'
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
  decider(t).given([drafted, approved, closed]).when(draft).thenFails('TRG_PLAN_CLOSED', { planId })

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
    { type: 'ApprovePlan', planId, councilDecision: { number: 'Nr. 45', date: '2022-03-31' } },
    { type: 'ClosePlan', planId, date: '2025-01-31' },
    { type: 'AddArea', planId, areaId: areaII, code: 'II', title: areaTitle },
    { type: 'AddObjective', planId, objectiveId: objectiveII1, areaId: areaI, level: 'strategic', code: 'I.2', title: areaTitle },
    { ...addMeasure, measureId: otherMeasureId },
    { type: 'ReviseMeasure', planId, measureId, code: 'I.1.5' },
    { type: 'ChangeMeasureStatus', planId, measureId, status: 'completed', date: '2025-02-01' },
  ]
  for (const command of commands) {
    decider(t).given([]).when(command).thenFails('TRG_NOT_FOUND', { entity: 'plan', id: planId }, `${command.type}: no plan`)
    decider(t)
      .given([...withMeasure, approved, closed])
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
    .given([drafted, approved])
    .when({ ...revise, title, nationalStrategies: [strategy], ratingThresholds: { achieved: '1.0', onTrack: '0.9', partly: '0.5' } })
    .then(
      [{ type: 'plan.details-revised.v1', data: { planId, nationalStrategies: [strategy] } }],
      'an approved plan can be amended; only what changed is recorded',
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
  decider(t).given([drafted]).when(approve).then([approved], 'the council decision number is kept as written')
  decider(t)
    .given([drafted, approved])
    .when(approve)
    .thenFails('TRG_INVALID_STATE', { entity: 'plan', id: planId, state: 'approved', action: 'approved' })
  decider(t)
    .given([drafted])
    .refuses([
      invalid(approve, { councilDecision: { number: ' ', date: '2022-03-31' } }, 'councilDecision.number', 'must not be empty'),
      invalid(approve, { councilDecision: { number: 'Nr. 45', date: '31.03.2022' } }, 'councilDecision.date', /YYYY-MM-DD/),
      invalid(approve, { councilDecision: { number: 'Nr. 45', date: '2022-02-30' } }, 'councilDecision.date'),
    ])
})

t.test('ClosePlan', async (t) => {
  const close = { type: 'ClosePlan', planId, date: '2025-01-31' }
  const reason = { sq: 'Plani përfundoi; u miratua PVVBGJ 2025–2030' }
  decider(t).given([drafted, approved]).when(close).then([closed])
  decider(t)
    .given([drafted, approved])
    .when({ ...close, reason })
    .then([{ type: 'plan.closed.v1', data: { planId, date: '2025-01-31', reason } }])
  decider(t)
    .given([drafted, approved])
    .when({ ...close, date: '2022-03-31', reason: undefined })
    .then([{ type: 'plan.closed.v1', data: { planId, date: '2022-03-31' } }], 'closing on the day of approval; no undefined in event data')
  decider(t).given([drafted]).when(close).thenFails('TRG_INVALID_STATE', { entity: 'plan', id: planId, state: 'draft', action: 'closed' })
  decider(t)
    .given([drafted, approved])
    .refuses([
      invalid(close, { date: '2022-03-30' }, 'date', /must not be before 2022-03-31/),
      invalid(close, { date: '2025' }, 'date'),
      invalid(close, { reason: { sq: '' } }, 'reason.sq'),
    ])
})

t.test('AddArea', async (t) => {
  const add = { type: 'AddArea', planId, areaId: areaI, code: 'I', title: areaTitle }
  decider(t).given([drafted]).when(add).then([areaAdded])
  decider(t).given([drafted, approved]).when(add).then([areaAdded], 'structure can be added after approval')
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
    .given([drafted, ...structure, approved])
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
  const revise = { type: 'ReviseArea', planId, areaId: areaI }
  const english = { ...areaTitle, en: 'Progress in the general framework of gender equality' }
  const revised = { type: 'plan.area-revised.v1', data: { planId, areaId: areaI, title: english } } as PlanEvent
  decider(t)
    .given([drafted, areaAdded])
    .when({ ...revise, title: english })
    .then([revised], 'the English label is added')
  decider(t)
    .given([drafted, areaAdded])
    .when({ ...revise, code: 'I', title: { sq: ` ${areaTitle.sq} ` } })
    .then([], 'the same code and title again change nothing')
  decider(t)
    .given([drafted, areaAdded, approved])
    .when({ ...revise, code: 'A' })
    .then([{ type: 'plan.area-revised.v1', data: { planId, areaId: areaI, code: 'A' } }], 'an approved plan is still corrected')
  decider(t)
    .given([drafted, areaAdded, approved, closed])
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
  t.same(
    stateAfter([drafted, areaAdded, areaIIAdded, revised]).areas,
    {
      [areaI]: { areaId: areaI, code: 'I', title: english },
      [areaII]: stateAfter([drafted, areaIIAdded]).areas[areaII],
    },
    'the revised area changes, the others stay as they were',
  )
})

t.test('ReviseMeasure', async (t) => {
  const revise = { type: 'ReviseMeasure', planId, measureId }
  decider(t)
    .given(withMeasure)
    .when({ ...revise, deadline: '2025-06-30', supportingActors: [{ sq: 'World Vision' }] })
    .then([
      {
        type: 'plan.measure-revised.v1',
        data: { planId, measureId, deadline: '2025-06-30', supportingActors: [{ sq: 'World Vision' }] },
      },
    ])
  decider(t)
    .given([drafted, ...structure, bareMeasureAdded])
    .when({ ...revise, measureId: otherMeasureId, schedule: { sq: '2025–2028' }, code: '2.1.1', leadActors: [] })
    .then(
      [{ type: 'plan.measure-revised.v1', data: { planId, measureId: otherMeasureId, schedule: { sq: '2025–2028' } } }],
      'a field the measure lacked is set; unchanged fields are left out',
    )
  decider(t)
    .given(withMeasure)
    .when({ ...revise, ...measureDetails, title: { en: measureDetails.title.en, sq: measureDetails.title.sq } })
    .then([], 'the same details again change nothing')
  decider(t)
    .given([...withMeasure, approved])
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
    approved,
  ])
  t.equal(tree.status, 'approved')
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
    { type: 'plan.measure-revised.v1', data: { planId, measureId, code: 'I.1.5', leadActors: [] } } as PlanEvent,
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

  const ended = stateAfter([drafted, approved, { ...closed, data: { ...closed.data, reason } } as PlanEvent])
  t.equal(ended.status, 'closed')
  t.same(ended.closed, { date: '2025-01-31', reason })
})
