/**
 * HTML built from templates whose every interpolation is escaped unless it is already `Html`, so
 * a title or a note typed by a municipality can never become markup.
 */
export class Html {
  constructor(readonly text: string) {}
}

/** What a template takes: text (escaped), markup, nothing (null, undefined, false: left out) or a list of them. */
export type Fragment = Html | string | number | null | undefined | false | readonly Fragment[]

const entities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export const escapeText = (text: string): string => text.replace(/[&<>"']/g, (character) => entities[character]!)

function rendered(fragment: Fragment): string {
  if (fragment instanceof Html) return fragment.text
  if (Array.isArray(fragment)) return fragment.map(rendered).join('')
  if (fragment === null || fragment === undefined || fragment === false) return ''
  return escapeText(String(fragment))
}

export function html(strings: TemplateStringsArray, ...values: readonly Fragment[]): Html {
  let text = strings[0]!
  values.forEach((value, index) => {
    text += rendered(value) + strings[index + 1]!
  })
  return new Html(text)
}

/** Markup that is trusted as it is: only ever for text this service wrote itself. */
export const trusted = (text: string): Html => new Html(text)
