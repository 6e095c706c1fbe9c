import { z } from 'zod'
import { dateTimeSchema } from './shared/date.js'
import { idSchema } from './shared/id.js'

/** Who caused an event: every event says who recorded it, in which role, for which municipality. */
export const actorSchema = z.object({
  id: z.string().min(1, { message: 'must not be empty' }),
  role: z.enum(['admin', 'editor', 'reviewer', 'viewer', 'ministry', 'system'], {
    message: 'must be admin, editor, reviewer, viewer, ministry or system',
  }),
  municipality: z.string().min(1).optional(),
})
export type Actor = z.infer<typeof actorSchema>

/** Event metadata schema version; raised when the envelope's shape changes. */
export const envelopeVersion = 1

/**
 * The metadata stored with every domain event. `occurredAt` is business time (when it happened,
 * as the command says); the store's record time is kept by the store itself.
 */
export interface EventEnvelope {
  readonly actor: Actor
  readonly commandId: string
  readonly correlationId: string
  readonly causationId: string
  readonly occurredAt: string
  readonly envelopeVersion: number
  /**
   * The canonical hash of the command as its sender stated it, so that its id sent again with
   * another command is told apart from a retry. Absent from events recorded before it was kept;
   * an optional field, so the envelope's version stays.
   */
  readonly commandHash?: string
  readonly [key: string]: unknown
}

/**
 * A command id in the one form ids are compared in: a UUID is the same in upper and lower case,
 * so a retry that spells it differently is still the same command.
 */
export function canonicalCommandId(commandId: string): string {
  return commandId.toLowerCase()
}

/** What the caller of a command states about it, besides the command itself. */
export const commandContextSchema = z.object({
  commandId: idSchema.transform(canonicalCommandId),
  actor: actorSchema,
  /** Defaults to the command id: a command that starts a new piece of work. */
  correlationId: idSchema.optional(),
  /** Defaults to the command id. */
  causationId: idSchema.optional(),
  /** Business time, ISO 8601 with a time zone. */
  occurredAt: dateTimeSchema,
})
export type CommandContext = z.infer<typeof commandContextSchema>

export function envelopeFor(context: CommandContext): EventEnvelope {
  return {
    actor: context.actor,
    commandId: context.commandId,
    correlationId: context.correlationId ?? context.commandId,
    causationId: context.causationId ?? context.commandId,
    occurredAt: context.occurredAt,
    envelopeVersion,
  }
}
