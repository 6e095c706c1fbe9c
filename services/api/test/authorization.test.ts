import t from 'tap'
import { collect } from '@treguesi/event-store/contract'
import { commands } from '@treguesi/domain'
import {
  buildWorld,
  entityOf,
  eventTypeOf,
  inputFor,
  mutationNames,
  mutations,
  send,
  streamOf,
  worldFor,
  type MutationName,
} from './mutations-support.js'
import { principals, startService } from './support/service.js'

type Caller = 'admin' | 'editorElbasan' | 'reviewerElbasan' | 'editorDrenas' | 'viewer' | 'ministry' | 'anonymous'
const callers: readonly Caller[] = ['admin', 'editorElbasan', 'reviewerElbasan', 'editorDrenas', 'viewer', 'ministry', 'anonymous']

/** Who of Elbasan's staff sends each mutation's command: its editor, or its reviewer. */
const staffFor = (name: MutationName): Caller => (commands[mutations[name].type].by === 'reviewers' ? 'reviewerElbasan' : 'editorElbasan')

/** What each caller gets from a mutation on something of Elbasan: the payload, or the error code. */
function expected(caller: Caller, name: MutationName): 'ok' | 'FORBIDDEN' | 'UNAUTHENTICATED' {
  if (caller === 'anonymous') return 'UNAUTHENTICATED'
  if (caller === 'admin') return 'ok'
  return caller === staffFor(name) && commands[mutations[name].type].owner !== 'admins' ? 'ok' : 'FORBIDDEN'
}

const actorIds: Partial<Record<Caller, string>> = { admin: 'admin-1', editorElbasan: 'editor-elb', reviewerElbasan: 'reviewer-elb' }
const roles: Partial<Record<Caller, string>> = { admin: 'admin', editorElbasan: 'editor', reviewerElbasan: 'reviewer' }

t.test('every role against every mutation', async (t) => {
  const service = await startService(t)
  const tokens: Record<Caller, string | undefined> = {
    admin: service.token(principals.admin),
    editorElbasan: service.token(principals.editorElbasan),
    reviewerElbasan: service.token(principals.reviewerElbasan),
    editorDrenas: service.token(principals.editorDrenas),
    viewer: service.token(principals.viewer),
    ministry: service.token(principals.ministry),
    anonymous: undefined,
  }
  for (const name of mutationNames) {
    for (const caller of callers) {
      const outcome = expected(caller, name)
      const world = await buildWorld(service.store, worldFor[name])
      const input = inputFor(name, world)
      const before = await service.store.headPosition()
      const { status, payload, errors } = await send(service, name, input, tokens[caller])
      const label = `${caller} ${name}`
      t.equal(status, 200, `${label}: answered`)
      if (outcome === 'ok') {
        t.same(errors, [], `${label}: no error`)
        t.equal(payload?.replayed, false, `${label}: recorded`)
        t.same(payload?.eventTypes, [eventTypeOf[name]], `${label}: the event`)
        t.ok(entityOf(name, payload), `${label}: the entity it wrote to`)
        const recorded = await collect(service.store.readStream(streamOf(name, input)))
        const last = recorded.at(-1)!
        t.equal(last.type, eventTypeOf[name], `${label}: written to the stream`)
        t.equal(String(last.position), payload?.position, `${label}: at the position returned`)
        t.match(last.metadata, {
          commandId: input.commandId,
          actor: { id: actorIds[caller], role: roles[caller] },
        })
      } else {
        t.equal(payload, null, `${label}: no payload`)
        t.match(errors, [{ extensions: { code: outcome, trgCode: `TRG_${outcome}` } }], `${label}: ${outcome}`)
        t.equal(await service.store.headPosition(), before, `${label}: nothing written`)
      }
    }
  }
})

t.test("an editor's municipality is the one the command names and the one of what it targets", async (t) => {
  const service = await startService(t)
  const elbasan = service.token(principals.editorElbasan)
  const admin = service.token(principals.admin)
  const both = service.token({ id: 'editor-both', role: 'editor', municipalities: ['ELB', 'DRE'] })
  const inElbasan = await buildWorld(service.store)
  const inDrenas = await buildWorld(service.store, { municipality: 'DRE' })
  const refused = async (name: MutationName, input: Record<string, unknown>, token = elbasan) => {
    const before = await service.store.headPosition()
    const { payload, errors } = await send(service, name, input, token)
    t.equal(payload, null, `${name} refused`)
    t.equal(await service.store.headPosition(), before, `${name}: nothing written`)
    return errors[0]?.extensions ?? {}
  }

  t.match(
    await refused('defineIndicator', { ...inputFor('defineIndicator', inDrenas), municipality: 'ELB' }),
    {
      code: 'FORBIDDEN',
      details: { action: 'run DefineIndicator', reason: 'it is for DRE; you write for ELB' },
    },
    'a plan of Drenas, though the command says Elbasan',
  )
  t.match(await refused('draftPlan', inputFor('draftPlan', inDrenas)), { code: 'FORBIDDEN' }, 'a new plan for Drenas')
  t.match(
    await refused('planBudgetLine', { ...inputFor('planBudgetLine', inElbasan), budgetLineId: inDrenas.budgetLineId }),
    {
      code: 'FORBIDDEN',
    },
    "a new line of Elbasan's under the id of a line of Drenas",
  )

  const report = inputFor('reportIndicatorValue', inDrenas)
  t.same((await send(service, 'reportIndicatorValue', report, admin)).errors, [])
  t.match(await refused('reportIndicatorValue', report), { code: 'FORBIDDEN' }, "Drenas' command id sent again answers nothing of Drenas")

  t.match(await refused('submitPlan', { ...inputFor('submitPlan', inElbasan), planId: '3b241101-e2bb-4255-8caf-4136c566a962' }), {
    code: 'NOT_FOUND',
    trgCode: 'TRG_NOT_FOUND',
    details: { entity: 'plan', id: '3b241101-e2bb-4255-8caf-4136c566a962' },
  })
  t.match(await refused('setBaseline', { ...inputFor('setBaseline', inElbasan), indicatorId: inElbasan.planId }), {
    code: 'NOT_FOUND',
    details: { entity: 'indicator' },
  })
  t.match(await refused('allocateBudget', { ...inputFor('allocateBudget', inElbasan), budgetLineId: inElbasan.planId }), {
    code: 'NOT_FOUND',
    details: { entity: 'budget line' },
  })
  t.match(await refused('submitPlan', { ...inputFor('submitPlan', inElbasan), planId: 'plan-7' }), {
    code: 'BAD_USER_INPUT',
    trgCode: 'TRG_INVALID_COMMAND',
    field: 'planId',
    details: { command: 'SubmitPlan', field: 'planId', problem: 'must be a UUID' },
  })

  const drenasStatus = inputFor('changeMeasureStatus', inDrenas)
  const { payload, errors } = await send(service, 'changeMeasureStatus', drenasStatus, both)
  t.same(errors, [], 'an editor of two municipalities writes for either')
  t.equal((payload!.measure as { status: string }).status, 'in_progress')
  const last = (await collect(service.store.readStream(`plan-${inDrenas.planId}`))).at(-1)!
  t.same(
    last.metadata.actor,
    { id: 'editor-both', role: 'editor', municipality: 'DRE' },
    'the actor is the editor, for the municipality written for',
  )

  const byAdmin = inputFor('changeMeasureStatus', inElbasan)
  await send(service, 'changeMeasureStatus', byAdmin, admin)
  const lastByAdmin = (await collect(service.store.readStream(`plan-${inElbasan.planId}`))).at(-1)!
  t.same(lastByAdmin.metadata.actor, { id: 'admin-1', role: 'admin' }, 'an admin writes for no municipality of their own')
})
