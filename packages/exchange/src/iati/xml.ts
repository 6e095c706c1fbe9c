/**
 * A small XML writer for the IATI documents: elements as plain data, rendered with two-space
 * indentation, one element per line, so two renderings of the same data are the same bytes.
 */

export interface XmlElement {
  readonly name: string
  /** In the order written; an undefined attribute is left out. */
  readonly attributes?: Readonly<Record<string, string | undefined>>
  /** Null children are left out, so optional parts read in place. */
  readonly children?: readonly (XmlElement | null)[]
  /** Character content; an element has either text or children. */
  readonly text?: string
}

const entities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/**
 * Text as character data. A carriage return is written as a reference because a parser turns a
 * literal one (and CR LF) into a line feed, which would change the text a reader gets back.
 */
export function escapeText(text: string): string {
  return text.replace(/[&<>"'\r]/g, (character) => entities[character] ?? '&#13;')
}

/** An attribute value: a parser replaces literal tabs and line breaks in one by spaces, references survive. */
function escapeAttribute(value: string): string {
  return escapeText(value).replace(/[\t\n]/g, (character) => `&#${character.charCodeAt(0)};`)
}

/** The element and everything under it, each line indented by `depth` levels and ending in a line feed. */
export function renderXml(element: XmlElement, depth = 0): string {
  const indent = '  '.repeat(depth)
  const attributes = Object.entries(element.attributes ?? {})
    .flatMap(([name, value]) => (value === undefined ? [] : [` ${name}="${escapeAttribute(value)}"`]))
    .join('')
  const open = `${indent}<${element.name}${attributes}`
  if (element.text !== undefined) return `${open}>${escapeText(element.text)}</${element.name}>\n`
  const children = (element.children ?? []).filter((child) => child !== null)
  if (children.length === 0) return `${open}/>\n`
  return `${open}>\n${children.map((child) => renderXml(child, depth + 1)).join('')}${indent}</${element.name}>\n`
}
