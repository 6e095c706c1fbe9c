import t from 'tap'
import { principals, startService, type TestService } from './support/service.js'

async function refusalOf(service: TestService, authorization: string) {
  const response = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en', authorization },
    body: JSON.stringify({ query: '{ viewer { id } }' }),
  })
  return { status: response.status, challenge: response.headers.get('www-authenticate'), body: await response.json() }
}

t.test('a token without an expiry is refused: no token works for ever', async (t) => {
  const service = await startService(t, { seed: false })
  const forever = service.signRaw({ role: 'admin' }, { sub: 'admin-1' })
  t.match(await refusalOf(service, `Bearer ${forever}`), {
    status: 401,
    challenge: 'Bearer',
    body: {
      errors: [
        {
          message: 'Not authenticated: The exp claim is required.',
          extensions: { code: 'UNAUTHENTICATED', trgCode: 'TRG_UNAUTHENTICATED', details: { reason: 'The exp claim is required.' } },
        },
      ],
    },
  })
})

t.test('a token may not expire further ahead than the maximum lifetime (720 hours unless set)', async (t) => {
  const service = await startService(t, { seed: false })
  const viewer = '{ viewer { id } }'
  t.same((await service.graphql(viewer, {}, service.app.signToken(principals.viewer, '719h'))).data, { viewer: { id: 'viewer-1' } })
  const refused = await refusalOf(service, `Bearer ${service.app.signToken(principals.viewer, '721h')}`)
  t.match(refused, {
    status: 401,
    body: { errors: [{ extensions: { details: { reason: /^the token expires at \d{4}-.*, more than 720 hours from now/ } } }] },
  })

  const strict = await startService(t, { seed: false, protection: { tokens: { maxLifetimeHours: 1 } } })
  t.same((await strict.graphql(viewer, {}, strict.app.signToken(principals.viewer, '50m'))).data, { viewer: { id: 'viewer-1' } })
  t.match(await refusalOf(strict, `Bearer ${strict.app.signToken(principals.viewer, '2h')}`), {
    status: 401,
    body: { errors: [{ extensions: { details: { reason: /more than 1 hours from now/ } } }] },
  })
  t.throws(
    () => strict.app.signToken(principals.viewer, '1.5h'),
    /a token lifetime is a whole number of minutes, hours or days, not "1.5h"/,
  )
})

t.test('an Authorization header that is not a bearer token is refused with 401', async (t) => {
  const service = await startService(t, { seed: false })
  t.match(await refusalOf(service, 'Basic YWRtaW46YWRtaW4='), {
    status: 401,
    body: {
      errors: [
        { extensions: { trgCode: 'TRG_UNAUTHENTICATED', details: { reason: 'the Authorization header must be "Bearer <token>"' } } },
      ],
    },
  })
})
