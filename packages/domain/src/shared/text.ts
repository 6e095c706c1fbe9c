import { z } from 'zod'
import { refinement } from './problem.js'

/** What a kind of text may hold. */
export interface TextKind {
  /** Its length at most, in UTF-16 code units (a letter of Albanian, ë and ç included, is one). */
  readonly maxLength: number
  /** Whether it may span lines: then line feeds and tabs are the control characters it may hold. */
  readonly multiline: boolean
}

/**
 * The kinds of text commands take, sized from the seeded plans with room to spare: their
 * longest code is 17 characters ("Regjistrimi civil"), their longest title (a measure's, a whole sentence) 301, their
 * longest description (a measure's expected output, listing its activities line by line) 635.
 */
export const textKinds = {
  /** A municipality's own code for an area, objective, measure or indicator. */
  code: { maxLength: 64, multiline: false },
  /** A title or name, and short references written on one line (a funder, a council decision). */
  label: { maxLength: 500, multiline: false },
  /** Everything that may run to a paragraph: outputs, schedules, sources, notes, reasons. */
  paragraph: { maxLength: 5000, multiline: true },
} as const satisfies Record<string, TextKind>

/** The longest text any field takes; no string a caller sends may be longer. */
export const longestText: TextKind = textKinds.paragraph

// Node 20 has String.prototype.isWellFormed; the ES2023 library types do not declare it.
const isWellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed()

/** Any control character (Unicode category Cc), and any but line feed and tab. */
const controlCharacter = /\p{Cc}/u
const controlCharacterBesidesLineBreaks = /[^\P{Cc}\n\t]/u

/**
 * Why `text` cannot be a text of `kind`, or null when it can: too long, half of a surrogate pair
 * (which no encoding can store), or a control character (NUL, escape, a carriage return...) that
 * no one types and that would corrupt exports and printed reports.
 */
export function textProblem(text: string, kind: TextKind): string | null {
  if (text.length > kind.maxLength) return `must be at most ${kind.maxLength} characters long, not ${text.length}`
  if (!isWellFormed(text)) return 'must be well-formed Unicode: it holds half of a surrogate pair'
  const control = (kind.multiline ? controlCharacterBesidesLineBreaks : controlCharacter).exec(text)
  if (control === null) return null
  const codePoint = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
  return kind.multiline
    ? `must not contain the control character ${codePoint}: only line feeds and tabs are allowed`
    : `must not contain the control character ${codePoint}: it is written on one line`
}

/** Text kept exactly as written, checked against its kind. */
export function textSchema(kind: TextKind) {
  return z.string().superRefine(refinement((text: string) => textProblem(text, kind)))
}

/** Text whose outer blanks go; it must not be empty then, and is checked against its kind. */
export function trimmedTextSchema(kind: TextKind, emptyMessage = 'must not be empty') {
  return z
    .string()
    .trim()
    .min(1, { message: emptyMessage })
    .superRefine(refinement((text: string) => textProblem(text, kind)))
}

/** A text in Albanian, with an optional English translation, each of the kind given. */
function localized(kind: TextKind) {
  return z.object({
    sq: trimmedTextSchema(kind),
    en: trimmedTextSchema(kind, 'must not be empty when given').optional(),
  })
}

/** A title or name in Albanian, with an optional English translation. */
export const localizedLabelSchema = localized(textKinds.label)

/** A description in Albanian, with an optional English translation; it may span lines. */
export const localizedTextSchema = localized(textKinds.paragraph)
export type LocalizedText = z.infer<typeof localizedTextSchema>

/** A municipality's own code for a thing, kept exactly as written ("I.4..2" included). */
export const codeSchema = textSchema(textKinds.code).min(1, { message: 'must not be empty' })
