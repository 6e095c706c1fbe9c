import { randomUUID } from 'node:crypto'
import { executeCommand, recordForcedRebuild } from '@treguesi/commands'
import type { JsonObject } from '@treguesi/event-store'
import { drenasDomesticViolence, elbasanGenderEquality, type Seed, type SeedCommand } from '@treguesi/seeds'
import t from 'tap'
import type { Principal } from '../src/access/principal.js'
import type { GraphQLContext } from '../src/graphql/context.js'
import { examinedPerEvent } from '../src/graphql/queries/events.js'
import { actorResolvers, metadataFor, recordedActor } from '../src/graphql/recorder.js'
import { principals, startService, type TestService } from './support/service.js'
import { next, subscribe, type ExecutionResult } from './support/subscriber.js'

// ---------------------------------------------------------------------------------------------
// Seed facts, writes, and the callers
// ---------------------------------------------------------------------------------------------

function seedCommand(seed: Seed, type: string, where: (command: SeedCommand) => boolean = () => true): SeedCommand {
  const found = seed.commands.find((command) => command.type === type && where(command))
  if (found === undefined) throw new Error(`${seed.name} has no ${type}`)
  return found
}

const without = ({ occurredAt: _occurredAt, ...command }: SeedCommand) => command

const elbasanPlanId = String(seedCommand(elbasanGenderEquality, 'DraftPlan').planId)
const drenasPlanId = String(seedCommand(drenasDomesticViolence, 'DraftPlan').planId)
const parentsIndicator = String(seedCommand(elbasanGenderEquality, 'DefineIndicator', (c) => c.code === 'II.2/T1').indicatorId)
const drenasIndicator = String(seedCommand(drenasDomesticViolence, 'DefineIndicator').indicatorId)
const drenasMeasure = String(seedCommand(drenasDomesticViolence, 'AddMeasure').measureId)

const actors = {
  editorElbasan: { id: 'editor-elb', role: 'editor', municipality: 'ELB' },
  editorDrenas: { id: 'editor-dre', role: 'editor', municipality: 'DRE' },
  admin: { id: 'admin-1', role: 'admin' },
} as const

async function write(service: TestService, command: Record<string, unknown>, actor: object = actors.editorElbasan): Promise<string> {
  const result = await executeCommand(service.store, command, { commandId: randomUUID(), actor, occurredAt: '2025-05-02T10:00:00+02:00' })
  return result.position!.toString()
}

/** Every quarter of the Elbasan plan's years, for a run of draft events longer than a scan. */
const quarters = [2022, 2023, 2024].flatMap((year) => [1, 2, 3, 4].map((quarter) => `${year}-Q${quarter}`))

interface Draft {
  readonly planId: string
  readonly measureId: string
  readonly indicatorId: string
  readonly budgetLineId: string
}

/** An Elbasan draft, copied from the seed's plan with new ids: a measure, an indicator with values, a budget line. */
async function elbasanDraft(service: TestService, periods: readonly string[]): Promise<Draft> {
  const planId = randomUUID()
  const areaId = randomUUID()
  const objectiveId = randomUUID()
  const measureId = randomUUID()
  const indicatorId = randomUUID()
  const budgetLineId = randomUUID()
  await write(service, { ...without(seedCommand(elbasanGenderEquality, 'DraftPlan')), planId })
  await write(service, { ...without(seedCommand(elbasanGenderEquality, 'AddArea')), planId, areaId })
  const objective = without(seedCommand(elbasanGenderEquality, 'AddObjective', (c) => c.parentObjectiveId === undefined))
  await write(service, { ...objective, planId, areaId, objectiveId })
  await write(service, { ...without(seedCommand(elbasanGenderEquality, 'AddMeasure')), planId, objectiveId, measureId })
  const definition = without(seedCommand(elbasanGenderEquality, 'DefineIndicator', (c) => c.code === 'II.2/T1'))
  await write(service, { ...definition, planId, indicatorId, attachedTo: { kind: 'measure', id: measureId } })
  for (const period of periods) await write(service, { type: 'ReportIndicatorValue', indicatorId, period, value: '5' })
  await write(service, { ...without(seedCommand(elbasanGenderEquality, 'PlanBudgetLine')), planId, measureId, budgetLineId })
  return { planId, measureId, indicatorId, budgetLineId }
}

type Caller = 'anonymous' | 'viewer' | 'ministry' | 'editorElbasan' | 'reviewerElbasan' | 'editorDrenas' | 'admin'
const callers: readonly Caller[] = ['anonymous', 'viewer', 'ministry', 'editorElbasan', 'reviewerElbasan', 'editorDrenas', 'admin']

/** Admins, and Elbasan's own staff: its editor and its reviewer. */
const elbasanStaff = (caller: Caller): boolean => caller === 'admin' || caller === 'editorElbasan' || caller === 'reviewerElbasan'

/** Whose an event of the test's log is, as the test itself knows it. */
interface Expected {
  readonly kind: 'draft' | 'public' | 'audit'
  /** The municipality whose staff know who recorded it; null for the audit's. */
  readonly municipality: string | null
}

/** The rules of docs/access.md, written out: who reads an event, and who knows its recorder. */
const reads = (caller: Caller, { kind }: Expected): boolean =>
  kind === 'public' || caller === 'admin' || (kind === 'draft' && elbasanStaff(caller))
const knowsRecorder = (caller: Caller, { municipality }: Expected): boolean =>
  caller === 'admin' || (elbasanStaff(caller) && municipality === 'ELB') || (caller === 'editorDrenas' && municipality === 'DRE')

interface FeedEvent {
  readonly position: string
  readonly stream: string
  readonly type: string
  readonly metadata: { actor?: { id: string | null; role: string } }
}

interface Page {
  readonly edges: Array<{ cursor: string; node: FeedEvent }>
  readonly pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }
}

const feedQuery = `query ($after: String, $first: Int, $at: Position, $asOf: AsOf) {
  events(after: $after, first: $first, consistentWith: $at, asOf: $asOf) {
    edges { cursor node { position stream type metadata } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`

/** A caller's bearer token; anonymous callers have none. */
const tokenOf = (service: TestService, caller: Caller): string | undefined =>
  caller === 'anonymous' ? undefined : service.token(principals[caller])

async function feedPage(service: TestService, caller: Caller, variables: Record<string, unknown>): Promise<Page> {
  const token = tokenOf(service, caller)
  const response = await service.graphql<{ events: Page }>(feedQuery, variables, token)
  if (response.errors !== undefined) throw new Error(JSON.stringify(response.errors))
  return response.data!.events
}

// ---------------------------------------------------------------------------------------------
// The change feed
// ---------------------------------------------------------------------------------------------

t.test('the change feed serves each caller the events it may read, with the recorder only to those who may know it', async (t) => {
  const service = await startService(t)
  const start = (await service.store.headPosition())!.toString()

  const draft = await elbasanDraft(service, quarters)
  // Public events of both municipalities, by their own staff and by an admin. The seed's 2022
  // report is approved: its figures change once it is reopened.
  await write(service, { type: 'ReopenReport', planId: elbasanPlanId, period: '2022', reason: { sq: 'Provë' } }, actors.admin)
  await write(service, { type: 'ReportIndicatorValue', indicatorId: parentsIndicator, period: '2022-Q3', value: '9' }, actors.admin)
  // Approved again, the 2022 report makes the value everyone's (read-policy-periods tests the figures before it).
  await write(service, { type: 'SubmitReport', planId: elbasanPlanId, period: '2022' }, actors.editorElbasan)
  await write(service, { type: 'ApproveReport', planId: elbasanPlanId, period: '2022' }, actors.admin)
  await write(
    service,
    { type: 'ChangeMeasureStatus', planId: drenasPlanId, measureId: drenasMeasure, status: 'in-progress', date: '2025-05-01' },
    actors.editorDrenas,
  )
  await write(
    service,
    { type: 'SetMunicipalBudgetTotal', code: 'ELB', fiscalYear: 2025, total: { amount: '1000', currency: 'ALL' } },
    actors.admin,
  )
  // The audit's own records: a seal and a forced rebuild.
  const sealed = await service.graphql<any>('mutation { sealLog { position } }', undefined, service.token(principals.admin))
  t.ok(sealed.data.sealLog.position)
  await recordForcedRebuild(
    service.store,
    {
      type: 'RecordForcedRebuild',
      reason: { sq: 'Provë' },
      position: start,
      before: [{ name: 'plans', hash: 'a'.repeat(64) }],
      after: [{ name: 'plans', hash: 'b'.repeat(64) }],
      events: 1,
      verification: { ok: true, checkedEvents: 1, firstBadPosition: null, reason: null, head: null },
    },
    { commandId: randomUUID(), actor: actors.admin, occurredAt: '2025-05-02T10:00:00+02:00' },
  )
  // Another writer's events about a plan, an indicator and a budget line the log never introduced.
  const raw = async (stream: string, type: string, data: JsonObject) =>
    service.store.append(stream, [{ id: randomUUID(), type, data, metadata: { actor: { id: 'someone', role: 'editor' } } }])
  const ghostPlan = randomUUID()
  await raw(`plan-${ghostPlan}`, 'plan.measure-status-changed.v1', {
    planId: ghostPlan,
    measureId: randomUUID(),
    from: 'planned',
    to: 'completed',
    date: '2025-01-01',
  })
  const ghostIndicator = randomUUID()
  await raw(`indicator-${ghostIndicator}`, 'indicator.value-reported.v1', { indicatorId: ghostIndicator, period: '2024', value: '1' })
  const ghostLine = randomUUID()
  await raw(`budget-line-${ghostLine}`, 'budget-line.allocated.v1', {
    budgetLineId: ghostLine,
    allocated: { amount: '1', currency: 'ALL' },
    date: '2025-01-01',
  })
  // Public events after all of them, for the pages to reach: a value, and the approval that makes it and the status change everyone's.
  await write(service, { type: 'ReportIndicatorValue', indicatorId: drenasIndicator, period: '2025', value: '2' }, actors.editorDrenas)
  await write(service, { type: 'SubmitReport', planId: drenasPlanId, period: '2025' }, actors.editorDrenas)
  await write(service, { type: 'ApproveReport', planId: drenasPlanId, period: '2025' }, actors.admin)
  const head = (await service.store.headPosition())!.toString()

  const draftStreams = new Set([`plan-${draft.planId}`, `indicator-${draft.indicatorId}`, `budget-line-${draft.budgetLineId}`])
  const publicStreams = new Map([
    [`plan-${elbasanPlanId}`, 'ELB'],
    [`indicator-${parentsIndicator}`, 'ELB'],
    [`plan-${drenasPlanId}`, 'DRE'],
    ['municipality-ELB', 'ELB'],
    [`indicator-${drenasIndicator}`, 'DRE'],
  ])
  const expectedOf = (stream: string): Expected => {
    if (draftStreams.has(stream)) return { kind: 'draft', municipality: 'ELB' }
    const municipality = publicStreams.get(stream)
    return municipality === undefined ? { kind: 'audit', municipality: null } : { kind: 'public', municipality }
  }

  // The admin reads the log itself: every event after `start`, each recorder named.
  const everything = await feedPage(service, 'admin', { after: start, first: 200, at: head })
  const log: FeedEvent[] = []
  for await (const event of service.store.readAll({ fromPosition: BigInt(start) })) {
    log.push({
      position: event.position.toString(),
      stream: event.stream,
      type: event.type,
      metadata: event.metadata as FeedEvent['metadata'],
    })
  }
  t.same(
    everything.edges.map(({ node }) => node),
    log,
    'the admin: the log as recorded',
  )
  t.same(everything.pageInfo, { hasNextPage: false, hasPreviousPage: true, startCursor: log[0]!.position, endCursor: head })
  const kinds = new Set(log.map(({ stream }) => expectedOf(stream).kind))
  t.same([...kinds].sort(), ['audit', 'draft', 'public'], 'the log holds events of every kind')
  t.ok(
    log.some(({ stream }) => stream === 'audit-seals') && log.some(({ stream }) => stream === 'read-model-rebuilds'),
    'a seal and a rebuild record among them',
  )

  for (const caller of callers) {
    const page = await feedPage(service, caller, { after: start, first: 200, at: head })
    const wanted = log.filter(({ stream }) => reads(caller, expectedOf(stream)))
    t.same(
      page.edges.map(({ node }) => node.position),
      wanted.map(({ position }) => position),
      `${caller}: the events it may read`,
    )
    t.same(
      page.edges.map(({ node }) => node.metadata.actor?.id),
      wanted.map((event) => (knowsRecorder(caller, expectedOf(event.stream)) ? event.metadata.actor?.id : null)),
      `${caller}: who recorded each, where it may know`,
    )
    t.same(
      page.edges.map(({ node }) => node.metadata.actor?.role),
      wanted.map((event) => event.metadata.actor?.role),
      `${caller}: the role always`,
    )
    t.equal(page.pageInfo.hasNextPage, false)
    t.equal(page.pageInfo.endCursor, head, `${caller}: the end of the feed, even past events it may not read`)
  }

  // As of a moment inside the draft's run: the feed ends there, and what follows is not a next page.
  const middle = log.find(({ stream }) => stream === `indicator-${draft.indicatorId}`)!.position
  const asOf = await feedPage(service, 'editorElbasan', { after: start, asOf: { position: middle } })
  t.equal(asOf.edges.at(-1)!.node.position, middle)
  t.equal(asOf.pageInfo.hasNextPage, false)
  const viewerAsOf = await feedPage(service, 'viewer', { after: start, asOf: { position: middle } })
  t.same(viewerAsOf.edges, [], 'the draft was all there was')
  t.same(viewerAsOf.pageInfo, { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: middle })

  t.test('pages: each examines a bounded run of events, and together they give every readable one once', async (t) => {
    for (const caller of callers) {
      const wanted = log.filter(({ stream }) => reads(caller, expectedOf(stream))).map(({ position }) => position)
      for (const first of [1, 2, 3]) {
        const seen: string[] = []
        let after = start
        let short = 0
        for (let pages = 0; ; pages++) {
          t.ok(pages <= log.length, 'the pages end')
          if (pages > log.length) break
          const page = await feedPage(service, caller, { after, first, at: head })
          t.ok(page.edges.length <= first)
          const examined = log.filter(
            ({ position }) => BigInt(position) > BigInt(after) && BigInt(position) <= BigInt(page.pageInfo.endCursor!),
          )
          t.ok(examined.length <= first * examinedPerEvent, 'no more examined than the bound')
          t.same(
            page.edges.map(({ cursor }) => cursor),
            examined.filter(({ stream }) => reads(caller, expectedOf(stream))).map(({ position }) => position),
            'up to its endCursor, every event it may read is on the page',
          )
          if (page.edges.length < first && page.pageInfo.hasNextPage) {
            short += 1
            t.equal(examined.length, first * examinedPerEvent, 'a short page with more to come used its whole scan')
          }
          seen.push(...page.edges.map(({ cursor }) => cursor))
          if (!page.pageInfo.hasNextPage) break
          after = page.pageInfo.endCursor!
        }
        t.same(seen, wanted, `${caller}, ${first} a page: every readable event once, in order`)
        if (!elbasanStaff(caller) && first === 1) t.ok(short > 0, `${caller}: the draft's run made a short page`)
      }
    }
  })

  t.test('a short page ends at the last event examined, and the next continues after it', async (t) => {
    const firstDraft = log.findIndex(({ stream }) => draftStreams.has(stream))
    const page = await feedPage(service, 'viewer', { after: start, first: 1, at: head })
    t.same(page.edges, [])
    t.same(page.pageInfo, {
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: log[firstDraft + examinedPerEvent - 1]!.position,
    })
    const next = await feedPage(service, 'viewer', { after: page.pageInfo.endCursor, first: 1, at: head })
    const readable = log.filter(({ stream }) => reads('viewer', expectedOf(stream)))
    t.same(
      next.edges.map(({ cursor }) => cursor),
      [readable[0]!.position],
      'the next page: the first event after the draft run',
    )

    // A full page looks past the events it may not read for the next one it may, and ends just before it.
    const total = log.findIndex(({ stream }) => stream === 'municipality-ELB')
    // Drenas's value; its report's submission and approval follow it.
    const last = log.findIndex(({ stream }) => stream === `indicator-${drenasIndicator}`)
    t.ok(
      log.slice(total + 1, last).every(({ stream }) => expectedOf(stream).kind === 'audit'),
      'the audit between two public events',
    )
    const full = await feedPage(service, 'viewer', { after: log[total - 1]!.position, first: 1, at: head })
    t.same(
      full.edges.map(({ cursor }) => cursor),
      [log[total]!.position],
    )
    t.same(full.pageInfo, {
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: log[total]!.position,
      endCursor: log[last - 1]!.position,
    })
    const after = await feedPage(service, 'viewer', { after: full.pageInfo.endCursor, first: 1, at: head })
    t.same(
      after.edges.map(({ cursor }) => cursor),
      [log[last]!.position],
    )
    t.same(after.pageInfo.hasNextPage, true)
    const end = await feedPage(service, 'viewer', { after: after.pageInfo.endCursor, first: 5, at: head })
    t.same(
      end.edges.map(({ cursor }) => cursor),
      log.slice(last + 1).map(({ position }) => position),
      "the report's submission and approval",
    )
    t.same(end.pageInfo.hasNextPage, false)
  })

  t.test("an indicator's value history names who recorded each value to the municipality's staff and admins only", async (t) => {
    const query = `query ($id: ID!, $at: Position) { indicator(id: $id, consistentWith: $at) { history { period actor { id role } } } }`
    for (const caller of callers) {
      const token = tokenOf(service, caller)
      const published = await service.graphql<any>(query, { id: parentsIndicator, at: head }, token)
      const byAdmin = published.data.indicator.history.find((entry: any) => entry.period === '2022-Q3')
      t.same(byAdmin.actor, { id: elbasanStaff(caller) ? 'admin-1' : null, role: 'admin' }, caller)
      t.ok(published.data.indicator.history.every((entry: any) => (entry.actor.id === null) === !elbasanStaff(caller)))
      const drafted = await service.graphql<any>(query, { id: draft.indicatorId, at: head }, token)
      if (elbasanStaff(caller)) {
        t.equal(drafted.data.indicator.history.length, quarters.length)
        t.ok(drafted.data.indicator.history.every((entry: any) => entry.actor.id === 'editor-elb'))
      } else {
        t.equal(drafted.data.indicator, null, `${caller}: the draft is not there`)
      }
    }
  })
})

// ---------------------------------------------------------------------------------------------
// Subscriptions
// ---------------------------------------------------------------------------------------------

t.test("subscribers: a draft's events reach its own staff only; who recorded an event, those who may know", async (t) => {
  const service = await startService(t)
  const draft = await elbasanDraft(service, [])
  const values = `subscription { indicatorValueReported {
    position planId actor { id role } change { position actor { id } } indicator { history { actor { id } } }
  } }`
  const measures = 'subscription { measureStatusChanged { position planId actor { id } } }'
  const budgets = 'subscription { budgetChanged { position kind municipality actor { id } } }'
  type Values = { indicatorValueReported: any }
  const heard = {} as Record<Caller, { values: AsyncIterableIterator<ExecutionResult<Values>>; measures: any; budgets: any }>
  for (const caller of callers) {
    heard[caller] = {
      values: await subscribe<Values>(t, service, tokenOf(service, caller), values),
      measures: await subscribe(t, service, tokenOf(service, caller), measures),
      budgets: await subscribe(t, service, tokenOf(service, caller), budgets),
    }
  }

  const inDraft = await write(service, { type: 'ReportIndicatorValue', indicatorId: draft.indicatorId, period: '2023', value: '5' })
  const draftStatus = await write(service, {
    type: 'ChangeMeasureStatus',
    planId: draft.planId,
    measureId: draft.measureId,
    status: 'in-progress',
    date: '2023-05-01',
  })
  const draftLine = await write(service, {
    type: 'AllocateBudget',
    budgetLineId: draft.budgetLineId,
    allocated: { amount: '10', currency: 'ALL' },
    date: '2024-06-30',
  })
  const inDrenas = await write(
    service,
    { type: 'ReportIndicatorValue', indicatorId: drenasIndicator, period: '2025', value: '3' },
    actors.editorDrenas,
  )
  const drenasStatus = await write(
    service,
    { type: 'ChangeMeasureStatus', planId: drenasPlanId, measureId: drenasMeasure, status: 'in-progress', date: '2025-05-02' },
    actors.editorDrenas,
  )
  // Drenas's 2025 figures reach everyone else when its 2025 report is approved.
  await write(service, { type: 'SubmitReport', planId: drenasPlanId, period: '2025' }, actors.editorDrenas)
  const drenasApproved = await write(service, { type: 'ApproveReport', planId: drenasPlanId, period: '2025' }, actors.admin)
  const elbasanTotal = await write(
    service,
    { type: 'SetMunicipalBudgetTotal', code: 'ELB', fiscalYear: 2025, total: { amount: '1000', currency: 'ALL' } },
    actors.admin,
  )
  // The seed's 2022 report is approved: its figures change once it is reopened.
  await write(service, { type: 'ReopenReport', planId: elbasanPlanId, period: '2022', reason: { sq: 'Provë' } }, actors.admin)
  const inElbasan = await write(
    service,
    { type: 'ReportIndicatorValue', indicatorId: parentsIndicator, period: '2022-Q4', value: '4' },
    actors.admin,
  )
  await write(service, { type: 'SubmitReport', planId: elbasanPlanId, period: '2022' }, actors.editorElbasan)
  const elbasanApproved = await write(service, { type: 'ApproveReport', planId: elbasanPlanId, period: '2022' }, actors.admin)

  const id = (caller: Caller, municipality: string, recorder: string) =>
    knowsRecorder(caller, { kind: 'public', municipality }) ? recorder : null
  for (const caller of callers) {
    const ownStaff = elbasanStaff(caller)
    const { values, measures, budgets } = heard[caller]
    if (ownStaff) {
      const value = (await next(values)).indicatorValueReported
      t.match(
        value,
        { position: inDraft, planId: draft.planId, actor: { id: 'editor-elb', role: 'editor' } },
        `${caller}: the draft's value`,
      )
      t.same(value.change.actor, { id: 'editor-elb' })
      t.match(await next(measures), { measureStatusChanged: { position: draftStatus, actor: { id: 'editor-elb' } } })
      t.match(await next(budgets), { budgetChanged: { position: draftLine, kind: 'allocated', actor: { id: 'editor-elb' } } })
    }
    // For every other caller the first event is Drenas's: the draft's three were left out. Drenas's
    // own staff and admins hear of it as it is recorded, everyone else at the approval.
    const drenasOwn = caller === 'admin' || caller === 'editorDrenas'
    const drenasValue = (await next(values)).indicatorValueReported
    t.match(
      drenasValue,
      drenasOwn
        ? { position: inDrenas, planId: drenasPlanId, actor: { id: id(caller, 'DRE', 'editor-dre'), role: 'editor' } }
        : { position: drenasApproved, planId: drenasPlanId, actor: { id: null, role: 'admin' } },
      caller,
    )
    t.match(drenasValue.change, { position: inDrenas, actor: { id: id(caller, 'DRE', 'editor-dre') } }, `${caller}: the value recorded`)
    t.same(drenasValue.indicator.history.at(-1).actor, { id: id(caller, 'DRE', 'editor-dre') }, `${caller}: in the indicator too`)
    t.same(await next(measures), {
      measureStatusChanged: {
        position: drenasOwn ? drenasStatus : drenasApproved,
        planId: drenasPlanId,
        actor: { id: drenasOwn ? id(caller, 'DRE', 'editor-dre') : null },
      },
    })
    t.same(await next(budgets), {
      budgetChanged: {
        position: elbasanTotal,
        kind: 'municipal_total_set',
        municipality: 'ELB',
        actor: { id: id(caller, 'ELB', 'admin-1') },
      },
    })
    // Elbasan's: as recorded for its staff and admins; for everyone else among the figures its
    // 2022 report's approval published again.
    let elbasanValue = (await next(values)).indicatorValueReported
    if (ownStaff)
      t.match(elbasanValue, { position: inElbasan, planId: elbasanPlanId, actor: { id: id(caller, 'ELB', 'admin-1'), role: 'admin' } })
    else {
      for (let heardBefore = 0; elbasanValue.change.position !== inElbasan && heardBefore < 20; heardBefore++)
        elbasanValue = (await next(values)).indicatorValueReported
      t.match(elbasanValue, {
        position: elbasanApproved,
        planId: elbasanPlanId,
        actor: { id: id(caller, 'ELB', 'admin-1'), role: 'admin' },
      })
    }
    t.match(elbasanValue.change, { position: inElbasan, actor: { id: id(caller, 'ELB', 'admin-1') } })
  }
})

// ---------------------------------------------------------------------------------------------
// The masking rule itself
// ---------------------------------------------------------------------------------------------

t.test('the masking, directly: metadata of any shape, actors with and without their event', async (t) => {
  const viewer: Principal = { ...principals.viewer, municipalities: [] }
  const editor: Principal = { ...principals.editorElbasan, municipalities: ['ELB'] }
  const metadata = { actor: { id: 'editor-elb', role: 'editor' }, commandId: 'c' }
  t.same(metadataFor(viewer, metadata, 'ELB'), { actor: { id: null, role: 'editor' }, commandId: 'c' })
  t.equal(metadataFor(editor, metadata, 'ELB'), metadata, 'its own staff: as recorded')
  t.same(metadataFor(editor, metadata, null), { actor: { id: null, role: 'editor' }, commandId: 'c' }, 'no municipality: admins only')
  for (const actor of [undefined, null, 'someone', ['someone']]) {
    const odd = (actor === undefined ? {} : { actor }) as JsonObject
    t.equal(metadataFor(viewer, odd, 'ELB'), odd, `an actor that is no object (${JSON.stringify(actor)}) is left as it is`)
  }

  t.equal(recordedActor(null, 'ELB'), null)
  const resolveId = actorResolvers.Actor!.id as unknown as (
    actor: unknown,
    args: object,
    context: Pick<GraphQLContext, 'principal'>,
  ) => string | null
  const actor = { id: 'editor-elb', role: 'editor' as const }
  t.equal(resolveId(recordedActor(actor, 'ELB'), {}, { principal: editor }), 'editor-elb')
  t.equal(resolveId(recordedActor(actor, 'DRE'), {}, { principal: editor }), null)
  t.equal(resolveId(actor, {}, { principal: editor }), null, 'an actor without its event: admins only')
  t.equal(resolveId(actor, {}, { principal: { ...principals.admin, municipalities: [] } }), 'editor-elb')
  t.same(Object.keys(recordedActor(actor, 'ELB')!), ['id', 'role'], 'the municipality it carries is no field')
})
