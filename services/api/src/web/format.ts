import type { Language } from '@treguesi/errors'
import { html, type Html } from './html.js'

/** The locale whose conventions numbers and dates are written in (decimal comma in Albanian). */
const locales: Readonly<Record<Language, string>> = { sq: 'sq-AL', en: 'en-GB' }

/**
 * Decimals arrive as exact strings and are formatted as strings: Intl formats a numeric string
 * without passing it through a binary float, so 0.1 stays 0.1 and lekë are never rounded off.
 */
type Formattable = Parameters<Intl.NumberFormat['format']>[0]
const exact = (decimal: string): Formattable => decimal as unknown as Formattable

export interface Formats {
  readonly language: Language
  /** A decimal with at most `digits` decimals (2 unless given), grouped by thousands. */
  number(decimal: string, digits?: number): string
  /** A fraction as a percentage: 0.9 → 90 %. */
  fraction(decimal: string): string
  /** A value already in percent: 0.9 → 0.9 %. */
  percent(decimal: string): string
  /** An exact amount in its currency. */
  money(amount: string, currency: string): string
  /** A calendar date (YYYY-MM-DD) or an instant, as a date. */
  date(iso: string): string
  /** An instant, with its time, in UTC so every reader sees the same. */
  dateTime(iso: string): string
}

export function formatsFor(language: Language): Formats {
  const locale = locales[language]
  const numbers = new Map<number, Intl.NumberFormat>()
  const numberFormat = (digits: number): Intl.NumberFormat => {
    let format = numbers.get(digits)
    if (format === undefined) {
      format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })
      numbers.set(digits, format)
    }
    return format
  }
  const fractionFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'long', timeZone: 'UTC', hourCycle: 'h23' })
  return {
    language,
    number: (decimal, digits = 2) => numberFormat(digits).format(exact(decimal)),
    fraction: (decimal) => fractionFormat.format(exact(decimal)),
    percent: (decimal) => `${numberFormat(2).format(exact(decimal))} %`,
    money: (amount, currency) =>
      new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code', maximumFractionDigits: 2 }).format(
        exact(amount),
      ),
    date: (iso) => dateFormat.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)),
    dateTime: (iso) => dateTimeFormat.format(new Date(iso)),
  }
}

/** Text the data holds in Albanian and, where given, English. */
export interface LocalizedText {
  readonly sq: string
  readonly en?: string | null
}

/**
 * A text of the data in the page's language. English pages show the Albanian text where the data
 * has no English, marked as Albanian so a screen reader pronounces it as such.
 */
export function localized(text: LocalizedText, language: Language): Html
export function localized(text: LocalizedText | null | undefined, language: Language): Html | null
export function localized(text: LocalizedText | null | undefined, language: Language): Html | null {
  if (text === null || text === undefined) return null
  if (language === 'en' && text.en) return html`${text.en}`
  return language === 'sq' ? html`${text.sq}` : html`<span lang="sq">${text.sq}</span>`
}

/** The same, as plain text (for attributes and titles). */
export const localizedText = (text: LocalizedText, language: Language): string => (language === 'en' && text.en ? text.en : text.sq)
