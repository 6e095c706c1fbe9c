import { z } from 'zod'

/** Every id a command gives for a new thing, and every id it refers to, is a UUID. */
export const idSchema = z.uuid({ message: 'must be a UUID' })
