import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { followTokenRevocations, revocationProblem } from '../src/access/token-revocations.js'
import { principals, startService } from './support/service.js'

const revoke = `mutation ($input: RevokeTokensInput!) { revokeTokens(input: $input) { commandId subject position replayed eventTypes } }`
const whoAmI = '{ viewer { id role } }'

t.test("an admin revokes a subject's tokens: those issued up to then are refused, later ones work", async (t) => {
  const service = await startService(t, { seed: false })
  const admin = service.token(principals.admin)
  const before = service.token(principals.editorElbasan)
  const withoutIssueTime = service.signRaw(
    { role: 'editor', municipalities: ['ELB'], exp: Math.floor(Date.now() / 1000) + 600 },
    { sub: 'editor-elb', noTimestamp: true },
  )
  t.same((await service.graphql(whoAmI, {}, before)).data, { viewer: { id: 'editor-elb', role: 'editor' } })

  const input = {
    commandId: 'a7d3c2f0-5b4e-4d6a-9c8b-1e2f3a4b5c6d',
    subject: 'editor-elb',
    reason: { sq: 'Punonjësja u largua nga detyra' },
  }
  const refusedByViewer = await service.graphql(revoke, { input }, service.token(principals.viewer))
  t.match(refusedByViewer.errors, [{ extensions: { code: 'FORBIDDEN' } }], 'admins only')
  t.equal(await service.store.headPosition(), null, 'nothing written')

  const revoked = await service.graphql<any>(revoke, { input }, admin)
  t.same(revoked.errors, undefined)
  t.same(revoked.data.revokeTokens, {
    commandId: input.commandId,
    subject: 'editor-elb',
    position: revoked.data.revokeTokens.position,
    replayed: false,
    eventTypes: ['access.tokens-revoked.v1'],
  })
  const again = await service.graphql<any>(revoke, { input }, admin)
  t.match(again.data.revokeTokens, { position: revoked.data.revokeTokens.position, replayed: true }, 'a retry records nothing twice')

  for (const [label, token] of [
    ['a token issued before', before],
    ['a token without an issue time', withoutIssueTime],
  ] as const) {
    const refused = await service.graphql(whoAmI, {}, token)
    t.equal(refused.status, 401, `${label}: refused`)
    t.match(refused.errors, [
      {
        extensions: {
          trgCode: 'TRG_UNAUTHENTICATED',
          details: { reason: /^the tokens of editor-elb issued up to \d{4}-.* were revoked: ask for a new one$/ },
        },
      },
    ])
  }
  t.same(
    (await service.graphql(whoAmI, {}, service.token(principals.editorDrenas))).data,
    { viewer: { id: 'editor-dre', role: 'editor' } },
    'another subject is not touched',
  )

  // `iat` counts whole seconds: a token issued in a later second is a new one.
  await sleep(1100)
  const between = service.token(principals.editorElbasan)
  t.same((await service.graphql(whoAmI, {}, between)).data, { viewer: { id: 'editor-elb', role: 'editor' } })
  const second = await service.graphql<any>(revoke, { input: { ...input, commandId: 'b8e4d3a1-6c5f-4e7b-8d9c-2f3a4b5c6d7e' } }, admin)
  t.match(second.data.revokeTokens, { replayed: false }, 'revoked again')
  t.equal((await service.graphql(whoAmI, {}, between)).status, 401, 'a second revocation covers the tokens issued since the first')
  await sleep(1100)
  t.same(
    (await service.graphql(whoAmI, {}, service.token(principals.editorElbasan))).data,
    { viewer: { id: 'editor-elb', role: 'editor' } },
    'a token issued afterwards works',
  )

  const feed = await service.graphql<any>('{ events(first: 10) { edges { node { stream type data } } } }', {}, admin)
  const recorded = {
    stream: 'token-revocations',
    type: 'access.tokens-revoked.v1',
    data: { subject: 'editor-elb', reason: { sq: 'Punonjësja u largua nga detyra' } },
  }
  t.same(
    feed.data.events.edges.map((edge: any) => edge.node),
    [recorded, recorded],
    'two revocations, one event each',
  )
  const anonymousFeed = await service.graphql<any>('{ events(first: 10) { edges { node { stream } } } }')
  t.same(anonymousFeed.data.events.edges, [], "the audit's own records are the admins'")

  const restarted = await followTokenRevocations(service.store, service.live)
  t.teardown(restarted.stop)
  t.ok(restarted.revokedAt('editor-elb'), 'a service started later reads the revocation from its stream')
  t.equal(revocationProblem(restarted, 'editor-dre', null), null)
})
