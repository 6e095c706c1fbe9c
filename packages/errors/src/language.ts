/** The languages Treguesi speaks, Albanian first: the one it answers in when a caller names none. */
export const languages = ['sq', 'en'] as const

export type Language = (typeof languages)[number]
