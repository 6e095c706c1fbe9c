import t from 'tap'
import { principals, startService } from './support/service.js'

t.test('the bearer token names the caller; without one the caller is anonymous', async (t) => {
  const service = await startService(t, { seed: false })
  const viewer = '{ viewer { id role municipalities } }'
  t.same((await service.graphql(viewer)).data, { viewer: { id: null, role: 'anonymous', municipalities: [] } })
  t.same((await service.graphql(viewer, {}, service.token(principals.editorElbasan))).data, {
    viewer: { id: 'editor-elb', role: 'editor', municipalities: ['ELB'] },
  })
  t.same((await service.graphql(viewer, {}, service.token(principals.ministry))).data, {
    viewer: { id: 'ministry-1', role: 'ministry', municipalities: [] },
  })
})

t.test('a bad, expired or role-less token is refused with 401, not taken as anonymous', async (t) => {
  const service = await startService(t, { seed: false })
  const refused = async (authorization: string) => {
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query: '{ viewer { role } }' }),
    })
    return { status: response.status, challenge: response.headers.get('www-authenticate'), body: await response.json() }
  }
  t.match(await refused('Bearer not-a-token'), {
    status: 401,
    challenge: 'Bearer',
    body: { errors: [{ extensions: { code: 'UNAUTHENTICATED', trgCode: 'TRG_UNAUTHENTICATED' } }] },
  })
  const expired = service.signRaw({ role: 'admin' }, { sub: 'admin-1', expiresIn: -10 })
  t.match(await refused(`Bearer ${expired}`), { status: 401, body: { errors: [{ message: /expired/i }] } })
  const roleless = service.signRaw({ role: 'superuser' }, { sub: 'x', expiresIn: '1h' })
  t.match(await refused(`Bearer ${roleless}`), { status: 401, body: { errors: [{ message: /does not name a known role/ }] } })
  const editorWithout = service.signRaw({ role: 'editor' }, { sub: 'x', expiresIn: '1h' })
  t.match(await refused(`Bearer ${editorWithout}`), { status: 401 }, 'an editor token must name its municipalities')
})
