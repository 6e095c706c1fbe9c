import { z } from 'zod'
import type { Decider } from '../decider.js'
import { fieldsOf, recordedText, type EventsOf } from '../shared/recorded.js'
import { localizedTextSchema, textKinds, trimmedTextSchema } from '../shared/text.js'

/**
 * Revoking a subject's tokens: every token of that subject issued up to the moment the log
 * records the revocation is refused from then on (a token lost, a person who left), while tokens
 * issued to it afterwards work. An admin's act, kept with who did it and why.
 */
export const tokenRevocationsStream = 'token-revocations'

export const revokeTokensSchema = z.object({
  type: z.literal('RevokeTokens'),
  /** The token subject (`sub`) whose tokens stop working. */
  subject: trimmedTextSchema(textKinds.label, 'a subject must not be empty'),
  reason: localizedTextSchema,
})
export type RevokeTokens = z.infer<typeof revokeTokensSchema>

export const tokenRevocationEventSchemas = Object.freeze({
  'access.tokens-revoked.v1': z.strictObject({ ...fieldsOf(revokeTokensSchema.shape), reason: recordedText }),
})
export type TokenRevocationEvent = EventsOf<typeof tokenRevocationEventSchemas>

/** Each revocation is a fact of its own: revoking again revokes the tokens issued since. */
export const tokenRevocations: Decider<RevokeTokens, TokenRevocationEvent, null> = {
  initialState: null,
  decide: ({ type: _type, ...data }) => [{ type: 'access.tokens-revoked.v1', data }],
  evolve: (state) => state,
}
