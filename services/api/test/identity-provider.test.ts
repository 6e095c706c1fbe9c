import { generateKeyPairSync, randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createSigner } from 'fast-jwt'
import t, { type Test } from 'tap'
import { loadApiConfig } from '../src/config.js'
import { startService } from './support/service.js'

/** A stand-in for an organisation's identity provider: a key pair, and its public half published as a JSON Web Key Set. */
async function identityProvider(t: Test) {
  const kid = randomUUID()
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }
  let fetches = 0
  const server: Server = createServer((request, response) => {
    fetches++
    if (request.url !== '/realms/bashkia/keys') {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const issuer = 'https://login.bashkiaelbasan.gov.al/realms/bashkia'
  const sign = (payload: Record<string, unknown>, options: { kid?: string; key?: string } = {}) =>
    createSigner({
      key: options.key ?? privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      algorithm: 'RS256',
      kid: options.kid ?? kid,
      expiresIn: 3_600_000,
    })(payload)
  return { provider: { jwksUrl: `${origin}/realms/bashkia/keys`, issuer, audience: 'treguesi' }, sign, issuer, fetches: () => fetches }
}

const viewerQuery = '{ viewer { id role municipalities } }'

t.test("an identity provider's token names its bearer; one for another audience, issuer or key is refused", async (t) => {
  const idp = await identityProvider(t)
  const service = await startService(t, { seed: false, identityProvider: idp.provider })
  const claims = { sub: 'arta.hoxha@bashkiaelbasan.gov.al', role: 'editor', municipalities: ['ELB'], iss: idp.issuer, aud: 'treguesi' }
  const answer = await service.graphql(viewerQuery, {}, idp.sign(claims))
  t.same(answer.data, { viewer: { id: 'arta.hoxha@bashkiaelbasan.gov.al', role: 'editor', municipalities: ['ELB'] } })
  await service.graphql(viewerQuery, {}, idp.sign({ ...claims, sub: 'another' }))
  t.equal(idp.fetches(), 1, 'the key set is fetched once and kept')

  const { privateKey: stranger } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const refusals: Array<[string, string, RegExp]> = [
    ['another audience', idp.sign({ ...claims, aud: 'another-application' }), /aud/i],
    ['another issuer', idp.sign({ ...claims, iss: 'https://login.example.org' }), /iss/i],
    ['no audience', idp.sign({ ...claims, aud: undefined }), /aud/i],
    ['a key the set does not hold', idp.sign(claims, { kid: 'not-a-kid' }), /./],
    ['the right kid, another key', idp.sign(claims, { key: stranger.export({ format: 'pem', type: 'pkcs8' }).toString() }), /signature/i],
    ['no role', idp.sign({ ...claims, role: undefined }), /does not name a known role/],
    ['not a token', 'x.y.z', /./],
  ]
  for (const [what, token, reason] of refusals) {
    const refused = await service.graphql(viewerQuery, {}, token)
    t.match(refused, { status: 401, errors: [{ extensions: { trgCode: 'TRG_UNAUTHENTICATED', details: { reason } } }] }, what)
  }
  t.same(
    (await service.graphql(viewerQuery, {}, service.token({ id: 'admin-1', role: 'admin', municipalities: [] }))).data,
    {
      viewer: { id: 'admin-1', role: 'admin', municipalities: [] },
    },
    "the service's own tokens still work beside the provider's",
  )
})

t.test('the provider is configured with its key set, issuer and audience together, or not at all', async (t) => {
  const provider = {
    TREGUESI_JWKS_URL: 'https://login.bashkiaelbasan.gov.al/realms/bashkia/protocol/openid-connect/certs',
    TREGUESI_JWT_ISSUER: 'https://login.bashkiaelbasan.gov.al/realms/bashkia',
    TREGUESI_JWT_AUDIENCE: 'treguesi',
  }
  t.same(loadApiConfig(provider).identityProvider, {
    jwksUrl: provider.TREGUESI_JWKS_URL,
    issuer: provider.TREGUESI_JWT_ISSUER,
    audience: 'treguesi',
  })
  t.equal(loadApiConfig({}).identityProvider, null)
  t.throws(() => loadApiConfig({ TREGUESI_JWKS_URL: provider.TREGUESI_JWKS_URL }), {
    code: 'TRG_CONFIG_INVALID',
    message: /TREGUESI_JWT_ISSUER: must be set with .*all three or none; TREGUESI_JWT_AUDIENCE: must be set with/,
  })
  t.throws(() => loadApiConfig({ ...provider, TREGUESI_JWKS_URL: 'ftp://keys' }), {
    message: /TREGUESI_JWKS_URL: must be the http\(s\) address of a JSON Web Key Set/,
  })
})
