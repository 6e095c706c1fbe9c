import { z } from 'zod'
import type { DomainEvent } from '../decider.js'
import { moneySchema } from './money.js'
import { localizedTextSchema } from './text.js'

// Event data is recorded complete, so event schemas are exact where the command schemas are
// lenient: every object refuses keys it does not know, nothing has a default, and an optional
// field is either absent or set (stored JSON has no undefined). They check the shape of the data
// and what the reused field schemas check; the rules that need state are the deciders'.

/** A command's field schemas without its `type`: the fields its event records as they are. */
export function fieldsOf<Shape extends { type: z.ZodType }>({ type: _type, ...fields }: Shape): Omit<Shape, 'type'> {
  return fields
}

export const recordedText = localizedTextSchema.strict()
export const recordedTexts = z.array(recordedText)
export const recordedMoney = moneySchema.strict()

/** Data as it was recorded: read, never changed. */
export type Recorded<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends readonly (infer Element)[]
    ? readonly Recorded<Element>[]
    : { readonly [K in keyof T]: Recorded<T[K]> }

/** An event type whose data is what `Schema` gives. */
export type EventOf<Type extends string, Schema extends z.ZodType> = DomainEvent<Type, z.output<Schema>>

/** The event types of a map from type names to data schemas, as one union. */
export type EventsOf<Schemas extends Readonly<Record<string, z.ZodType>>> = {
  [Type in keyof Schemas & string]: EventOf<Type, Schemas[Type]>
}[keyof Schemas & string]

/** The data of the event of type `Type` among `Event`. */
export type DataOf<Event extends DomainEvent, Type extends Event['type']> = Extract<Event, { type: Type }>['data']
