import t from 'tap'
import { tokenVerifier } from '@treguesi/tokens'
import { cli } from './support.js'

const secret = 'sekreti-i-bashkise-per-provat-me-32-shkronja'
const env = { TREGUESI_JWT_SECRET: secret }
const verify = tokenVerifier(secret, { maxLifetimeHours: 720, now: Date.now })

t.test('token issue: the token on stdout, whom it names and when it expires on stderr', async (t) => {
  const started = Date.now()
  const editor = await cli(env, [
    'token',
    'issue',
    '--role',
    'editor',
    '--subject',
    'arta.hoxha',
    '--municipality',
    'ELB',
    '--municipality',
    'DRE',
    '--expires',
    '30d',
  ])
  t.equal(editor.code, 0)
  t.match(editor.stdout, /^[\w-]+\.[\w-]+\.[\w-]+\n$/, 'one line: the token alone, for a script to take')
  const verified = verify(editor.stdout.trim())
  t.same('subject' in verified && verified.subject, { id: 'arta.hoxha', role: 'editor', municipalities: ['ELB', 'DRE'] })
  const stated = JSON.parse(editor.stderr)
  t.same(stated.municipalities, ['ELB', 'DRE'])
  const expiresAt = Date.parse(stated.expiresAt)
  t.ok(expiresAt >= started + 30 * 86_400_000 && expiresAt <= Date.now() + 30 * 86_400_000, 'thirty days from now')
  const ministry = await cli(env, ['token', 'issue', '--role', 'ministry', '--subject', 'ministria-e-shendetesise', '--expires', '12h'])
  const subject = verify(ministry.stdout.trim())
  t.same('subject' in subject && subject.subject, { id: 'ministria-e-shendetesise', role: 'ministry', municipalities: [] })
})

t.test('token issue: what it refuses, with exit code 2 and the reason', async (t) => {
  const refusals: Array<[string[], Record<string, string>, RegExp]> = [
    [['token'], env, /the only token command is "issue"/],
    [['token', 'revoke'], env, /the only token command is "issue"/],
    [['token', 'issue', '--subject', 'x', '--expires', '1h'], env, /--role is required/],
    [
      ['token', 'issue', '--role', 'root', '--subject', 'x', '--expires', '1h'],
      env,
      /--role must be admin, editor, reviewer, viewer, ministry, not "root"/,
    ],
    [['token', 'issue', '--role', 'editor', '--subject', 'x', '--expires', '1h'], env, /an editor works for municipalities/],
    [['token', 'issue', '--role', 'reviewer', '--subject', 'x', '--expires', '1h'], env, /a reviewer works for municipalities/],
    [
      ['token', 'issue', '--role', 'viewer', '--municipality', 'ELB', '--subject', 'x', '--expires', '1h'],
      env,
      /--municipality is for editors and reviewers; a viewer reads every municipality/,
    ],
    [['token', 'issue', '--role', 'admin', '--expires', '1h'], env, /--subject is required/],
    [['token', 'issue', '--role', 'admin', '--subject', '', '--expires', '1h'], env, /--subject is required/],
    [['token', 'issue', '--role', 'admin', '--subject', 'x'], env, /--expires is required/],
    [
      ['token', 'issue', '--role', 'admin', '--subject', 'x', '--expires', 'forever'],
      env,
      /--expires must be a whole number of minutes, hours or days/,
    ],
    [
      ['token', 'issue', '--role', 'admin', '--subject', 'x', '--expires', '31d'],
      env,
      /--expires 31d is beyond the 720 hours the service accepts/,
    ],
    [
      ['token', 'issue', '--role', 'admin', '--subject', 'x', '--expires', '2d'],
      { ...env, TREGUESI_TOKEN_MAX_LIFETIME_HOURS: '24' },
      /beyond the 24 hours the service accepts \(TREGUESI_TOKEN_MAX_LIFETIME_HOURS\)/,
    ],
    [
      ['token', 'issue', '--role', 'admin', '--subject', 'x', '--expires', '1h'],
      {},
      /TREGUESI_JWT_SECRET: is not set \[TRG_CONFIG_INVALID\]/,
    ],
    [
      ['token', 'issue', '--role', 'admin', '--subject', 'x', '--expires', '1h'],
      { TREGUESI_JWT_SECRET: 'short', TREGUESI_TOKEN_MAX_LIFETIME_HOURS: 'many' },
      /TREGUESI_JWT_SECRET: must be at least 32 characters; TREGUESI_TOKEN_MAX_LIFETIME_HOURS: must be a number of hours/,
    ],
  ]
  for (const [args, given, reason] of refusals) {
    const outcome = await cli(given, args)
    t.match(outcome, { code: 2, stdout: '', stderr: reason }, args.join(' '))
  }
})
