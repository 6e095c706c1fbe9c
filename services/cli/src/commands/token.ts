import { TreguesiError } from '@treguesi/errors'
import {
  isScopedRole,
  lifetimeSeconds,
  maxLifetimeHoursSchema,
  tokenIssuer,
  tokenRoles,
  tokenSecretSchema,
  type TokenRole,
  type TokenSubject,
} from '@treguesi/tokens'
import { z } from 'zod'
import { exitCodes, toJson, UsageError, writeLine, type CliCommand, type CliIo } from '../context.js'

const settingsSchema = z.object({ TREGUESI_JWT_SECRET: tokenSecretSchema, TREGUESI_TOKEN_MAX_LIFETIME_HOURS: maxLifetimeHoursSchema })

/** The service's own token settings, so that a token issued here is one the service accepts. */
function tokenSettings(env: CliIo['env']): z.infer<typeof settingsSchema> {
  const parsed = settingsSchema.safeParse(env)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.map((issue) => ({ variable: String(issue.path[0]), problem: issue.message }))
  throw new TreguesiError('TRG_CONFIG_INVALID', { issues })
}

function required(values: Readonly<Record<string, unknown>>, name: string): string {
  const value = values[name]
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`)
  return value
}

const withArticle = (role: string) => `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`

function subjectOf(values: Readonly<Record<string, unknown>>): TokenSubject {
  const role = required(values, 'role')
  if (!(tokenRoles as readonly string[]).includes(role)) throw new UsageError(`--role must be ${tokenRoles.join(', ')}, not "${role}"`)
  const municipalities = (values.municipality as string[] | undefined) ?? []
  if (isScopedRole(role) && municipalities.length === 0) {
    throw new UsageError(`${withArticle(role)} works for municipalities: give --municipality <code> once for each`)
  }
  if (!isScopedRole(role) && municipalities.length > 0)
    throw new UsageError(`--municipality is for editors and reviewers; ${withArticle(role)} reads every municipality`)
  return { id: required(values, 'subject'), role: role as TokenRole, municipalities }
}

export const tokenCommand: CliCommand = {
  usage: 'token issue --role <role> --subject <id> [--municipality <code>]... --expires <50m|12h|30d>',
  summary:
    'prints a bearer token signed with TREGUESI_JWT_SECRET (the claims are in docs/tokens.md); on stderr, whom it names and when it expires',
  options: {
    role: { type: 'string' },
    subject: { type: 'string' },
    municipality: { type: 'string', multiple: true },
    expires: { type: 'string' },
  },
  maxPositionals: 1,
  async run({ values, positionals }, io) {
    if (positionals[0] !== 'issue') throw new UsageError('the only token command is "issue"')
    const subject = subjectOf(values)
    const expires = required(values, 'expires')
    const lifetime = lifetimeSeconds(expires)
    if (lifetime === undefined)
      throw new UsageError(`--expires must be a whole number of minutes, hours or days (50m, 12h, 30d), not "${expires}"`)
    const settings = tokenSettings(io.env)
    if (lifetime > settings.TREGUESI_TOKEN_MAX_LIFETIME_HOURS * 3600) {
      throw new UsageError(
        `--expires ${expires} is beyond the ${settings.TREGUESI_TOKEN_MAX_LIFETIME_HOURS} hours the service accepts (TREGUESI_TOKEN_MAX_LIFETIME_HOURS)`,
      )
    }
    const now = Date.now()
    const token = tokenIssuer(settings.TREGUESI_JWT_SECRET)(subject, { lifetimeSeconds: lifetime, now })
    await writeLine(io.stdout, token)
    await writeLine(io.stderr, toJson({ ...subject, expiresAt: new Date(now + lifetime * 1000).toISOString() }))
    return exitCodes.ok
  },
}
