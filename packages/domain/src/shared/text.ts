import { z } from 'zod'

/** A label in Albanian, with an optional English translation. */
export const localizedTextSchema = z.object({
  sq: z.string().trim().min(1, { message: 'must not be empty' }),
  en: z.string().trim().min(1, { message: 'must not be empty when given' }).optional(),
})
export type LocalizedText = z.infer<typeof localizedTextSchema>

/** A municipality's own code for a thing, kept exactly as written ("I.4..2" included). */
export const codeSchema = z.string().min(1, { message: 'must not be empty' }).max(64)
