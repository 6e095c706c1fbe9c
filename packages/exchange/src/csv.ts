/** A field that must be quoted (RFC 4180): it holds the separator, a quote or a line break. */
const needsQuotes = /[",\r\n]/

/** One CSV record (RFC 4180): fields separated by commas, quoted where needed, CRLF-terminated. */
export function csvRecord(fields: readonly (string | number | null)[]): string {
  return `${fields
    .map((field) => {
      const text = field === null ? '' : String(field)
      return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text
    })
    .join(',')}\r\n`
}

/**
 * The byte order mark that makes Excel read a CSV file as UTF-8 rather than in the system's code
 * page, so Albanian letters (ë, ç) open intact; LibreOffice and CSV libraries recognise it too.
 */
export const utf8Bom = '\uFEFF'

/**
 * Free text as a spreadsheet shows it, not runs it: a text starting with =, +, -, @, a tab or a
 * carriage return is read by Excel and LibreOffice as a formula, so it gets a leading apostrophe
 * (OWASP's advice for CSV injection). Only for text columns: a negative number stays a number.
 */
export function csvText(text: string | null): string | null {
  return text !== null && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}
