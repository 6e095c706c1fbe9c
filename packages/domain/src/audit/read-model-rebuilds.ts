import { z } from 'zod'
import type { Decider } from '../decider.js'
import { fieldsOf, recordedText, type EventsOf } from '../shared/recorded.js'
import { localizedTextSchema } from '../shared/text.js'

/**
 * The read models are folded from the log and normally replaced only by models that equal them,
 * rebuilt from a log that verifies. An admin may force a rebuild past either check; each such
 * override is recorded here, so an auditor can tell which figures were served from models that
 * did not match the live ones or came from a log that failed verification, who decided it and why.
 */
export const readModelRebuildsStream = 'read-model-rebuilds'

const positionSchema = z.string().regex(/^\d+$/, { message: 'must be a log position, a whole number as text' })

const readModelHashSchema = z.object({
  name: z.string().min(1, { message: 'must not be empty' }),
  hash: z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be a SHA-256 in lower-case hex' }),
})
export type ReadModelHashRecord = z.infer<typeof readModelHashSchema>

/** What verifying the log as recorded said, as the audit operations report it. */
export const logVerificationSchema = z.object({
  ok: z.boolean(),
  checkedEvents: z.number().int().min(0, { message: 'must be 0 or more' }),
  firstBadPosition: positionSchema.nullable(),
  reason: z.string().min(1, { message: 'must not be empty' }).nullable(),
  head: z
    .string()
    .regex(/^\d+:[0-9a-f]{64}$/, { message: 'must be <position>:<hash>' })
    .nullable(),
})
export type LogVerificationRecord = z.infer<typeof logVerificationSchema>

const hashesSchema = z.array(readModelHashSchema).min(1, { message: 'must name at least one read model' })

export const recordForcedRebuildSchema = z
  .object({
    type: z.literal('RecordForcedRebuild'),
    /** Why the admin had the rebuilt read models served anyway. */
    reason: localizedTextSchema,
    /** The position the live and the rebuilt read models were compared at; null for an empty log. */
    position: positionSchema.nullable(),
    /** The live read models' hashes, replaced by the swap. */
    before: hashesSchema,
    /** The rebuilt read models' hashes, live after the swap. */
    after: hashesSchema,
    /** Events folded into the rebuilt read models. */
    events: z.number().int().min(0, { message: 'must be 0 or more' }),
    verification: logVerificationSchema,
  })
  .refine(
    (command) =>
      command.after.length === command.before.length && command.after.every(({ name }, index) => command.before[index]!.name === name),
    {
      path: ['after'],
      message: 'must name the same read models as before, in the same order',
    },
  )

export type RecordForcedRebuild = z.infer<typeof recordForcedRebuildSchema>

const rebuild = recordForcedRebuildSchema.shape
const hashes = z.array(rebuild.before.element.strict())

export const readModelsRebuildForcedSchema = z.strictObject({
  ...fieldsOf(rebuild),
  reason: recordedText,
  before: hashes,
  after: hashes,
  /** The read models whose hash the swap changed; empty when only verification was overridden. */
  differing: z.array(z.string().min(1, { message: 'must not be empty' })),
  verification: logVerificationSchema.strict(),
})

export const readModelRebuildEventSchemas = Object.freeze({ 'read-models.rebuild-forced.v1': readModelsRebuildForcedSchema })

export type ReadModelRebuildEvent = EventsOf<typeof readModelRebuildEventSchemas>

export interface ReadModelRebuildsState {
  readonly forced: number
}

export const readModelRebuilds: Decider<RecordForcedRebuild, ReadModelRebuildEvent, ReadModelRebuildsState> = {
  initialState: { forced: 0 },

  decide(command) {
    const differing = command.before.filter(({ hash }, index) => command.after[index]!.hash !== hash).map(({ name }) => name)
    // A rebuild that overrode nothing is an ordinary one: the log would say more than happened.
    if (command.verification.ok && differing.length === 0) return []
    const { type: _type, ...fields } = command
    return [{ type: 'read-models.rebuild-forced.v1', data: { ...fields, differing } }]
  },

  evolve(state) {
    return { forced: state.forced + 1 }
  },
}
