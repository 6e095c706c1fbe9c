import { z } from 'zod'

/** Every id a command gives for a new thing, and every id it refers to, is a UUID. */
export const idSchema = z.uuid({ message: 'must be a UUID' })

/** Whether a value is an id as the commands' schemas take it. */
export const isId = (value: unknown): value is string => idSchema.safeParse(value).success
