import { TreguesiError } from '@treguesi/errors'
import type { z } from 'zod'

/** Parses a command's fields; the first problem becomes TRG_INVALID_COMMAND naming the field. */
export function parseCommand<T>(command: string, schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  throw new TreguesiError('TRG_INVALID_COMMAND', {
    command,
    field: issue.path.map(String).join('.') || '(command)',
    // A record key's own problem lies under zod's general "Invalid key in record".
    problem: issue.code === 'invalid_key' ? issue.issues[0]!.message : issue.message,
  })
}
