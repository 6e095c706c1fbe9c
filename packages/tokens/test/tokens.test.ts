import { createDecoder, createSigner, type SignerOptions } from 'fast-jwt'
import t from 'tap'
import { lifetimeSeconds, tokenIssuer, tokenVerifier, type TokenSubject } from '../src/index.js'

const secret = 'sekreti-i-provave-me-te-pakten-32-shkronja-ç'
const now = Date.UTC(2026, 11, 7, 9, 0, 0)
const hour = 3600
const issue = tokenIssuer(secret)
const verify = tokenVerifier(secret, { maxLifetimeHours: 720, now: () => now })
const editor: TokenSubject = { id: 'arta.hoxha', role: 'editor', municipalities: ['ELB', 'DRE'] }
const admin: TokenSubject = { id: 'zyra-e-ministrise', role: 'admin', municipalities: [] }
const raw = (payload: Record<string, unknown>, options: Partial<SignerOptions> = {}) =>
  createSigner({ key: secret, algorithm: 'HS256', clockTimestamp: now, ...options })(payload)
const refusal = (token: string) => {
  const outcome = verify(token)
  return 'refused' in outcome ? outcome.refused : undefined
}

t.test('a token carries its subject, role, municipalities, issue time and expiry, and reads back as the same subject', async (t) => {
  const token = issue(editor, { lifetimeSeconds: 8 * hour, now })
  t.same(createDecoder()(token), {
    role: 'editor',
    municipalities: ['ELB', 'DRE'],
    sub: 'arta.hoxha',
    iat: now / 1000,
    exp: now / 1000 + 8 * hour,
  })
  t.same(verify(token), { subject: editor, expiresAt: new Date(now + 8 * hour * 1000), issuedAt: new Date(now) })
  const adminToken = issue(admin, { lifetimeSeconds: hour, now })
  t.notOk('municipalities' in createDecoder()(adminToken), 'only an editor names municipalities')
  t.same(verify(adminToken), { subject: admin, expiresAt: new Date(now + hour * 1000), issuedAt: new Date(now) })
})

t.test('refused, with the reason: another secret, another algorithm, no expiry, expired, too far ahead, an unknown role', async (t) => {
  const other = tokenIssuer('another-secret-of-at-least-thirty-two-characters')(admin, { lifetimeSeconds: hour, now })
  t.match(refusal(other), /signature/i)
  t.match(refusal(raw({ role: 'admin' }, { algorithm: 'HS512', expiresIn: hour * 1000, sub: 'x' })), /algorithm/i)
  t.equal(refusal(raw({ role: 'admin' }, { sub: 'x' })), 'The exp claim is required.')
  t.match(refusal(issue(admin, { lifetimeSeconds: hour, now: now - 2 * hour * 1000 })), /expired/i)
  const strict = tokenVerifier(secret, { maxLifetimeHours: 1, now: () => now })
  const twoHours = issue(admin, { lifetimeSeconds: 2 * hour, now })
  t.same(strict(twoHours), {
    refused: 'the token expires at 2026-12-07T11:00:00.000Z, more than 1 hours from now (the longest this service accepts)',
  })
  t.same(
    strict(issue(admin, { lifetimeSeconds: hour, now })),
    { subject: admin, expiresAt: new Date(now + hour * 1000), issuedAt: new Date(now) },
    'one hour is allowed',
  )
  t.equal(refusal(raw({ role: 'root' }, { sub: 'x', expiresIn: hour * 1000 })), 'the token does not name a known role')
  t.equal(
    refusal(raw({ role: 'editor', municipalities: [] }, { sub: 'x', expiresIn: hour * 1000 })),
    'the token does not name a known role',
  )
  t.equal(refusal(raw({ role: 'viewer' }, { expiresIn: hour * 1000 })), 'the token does not name a known role', 'no subject')
  t.match(refusal('not-a-token'), /malformed/i)
})

t.test('a lifetime is a whole number of minutes, hours or days', async (t) => {
  t.equal(lifetimeSeconds('50m'), 3000)
  t.equal(lifetimeSeconds('12h'), 12 * hour)
  t.equal(lifetimeSeconds('30d'), 30 * 24 * hour)
  for (const text of ['', '0h', '1.5h', '12', 'h', '12H', '-1h', '12 h', '1w', '99999999d']) {
    t.equal(lifetimeSeconds(text), undefined, `"${text}" is not one`)
  }
})
