import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { XMLParser } from 'fast-xml-parser'
import { validateXML } from 'xmllint-wasm'

/**
 * Checks an IATI activities document as IATI's own validator would, for the specs of every
 * package that writes one: the 2.03 XML schema (libxml2, as WebAssembly), the codes of every
 * attribute the codelist mapping ties to a codelist, and the rules of the IATI standard ruleset
 * that can be decided from the document alone. Everything is read from the standards folder
 * of this package (standards/iati), never from the network.
 */

/** The standards folder: `packages/exchange/standards/iati`. */
export const iatiStandards = fileURLToPath(new URL('../../standards/iati/', import.meta.url))

const standard = (file: string): string => readFileSync(`${iatiStandards}${file}`, 'utf8')

/** An element of a parsed document: its attributes, child elements and text. */
export interface XmlNode {
  readonly name: string
  readonly attributes: Readonly<Record<string, string>>
  readonly children: readonly XmlNode[]
  readonly text: string
}

type Parsed = Record<string, unknown> & { readonly ':@'?: Record<string, string> }

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
})

function nodesOf(items: readonly Parsed[]): XmlNode[] {
  return items.flatMap((item) => {
    const name = Object.keys(item).find((key) => key !== ':@')!
    // The declaration, text and (left out by the parser) comments are not elements.
    if (name.startsWith('?') || name === '#text') return []
    const content = item[name] as Parsed[]
    return [
      {
        name,
        attributes: item[':@'] ?? {},
        children: nodesOf(content),
        text: content.map((child) => (child['#text'] === undefined ? '' : String(child['#text']))).join(''),
      },
    ]
  })
}

/** The root element of a document. */
export function parseXml(xml: string): XmlNode {
  return nodesOf(parser.parse(xml) as Parsed[])[0]!
}

/** The children of `node` named `name`. */
export const childrenOf = (node: XmlNode, name: string): XmlNode[] => node.children.filter((child) => child.name === name)

/** The elements a path of child names (`result/indicator/period`) leads to from `node`. */
export const select = (node: XmlNode, path: string): XmlNode[] =>
  path.split('/').reduce<XmlNode[]>((nodes, step) => nodes.flatMap((each) => childrenOf(each, step)), [node])

/** Every element under `node`, at any depth. */
const descendants = (node: XmlNode): XmlNode[] => node.children.flatMap((child) => [child, ...descendants(child)])

// ---------------------------------------------------------------------------------------------
// The schema
// ---------------------------------------------------------------------------------------------

/**
 * libxml2's messages about what the schema refuses in each document (none for a valid one). The
 * documents are validated in one run: each run starts a worker, which takes a second or two.
 */
export async function schemaProblemsOf(documents: readonly string[]): Promise<string[][]> {
  const names = documents.map((_, index) => `document-${index}.xml`)
  const result = await validateXML({
    xml: documents.map((contents, index) => ({ fileName: names[index]!, contents })),
    schema: [{ fileName: 'iati-activities-schema.xsd', contents: standard('iati-activities-schema.xsd') }],
    preload: [
      { fileName: 'iati-common.xsd', contents: standard('iati-common.xsd') },
      { fileName: 'xml.xsd', contents: standard('xml.xsd') },
    ],
  })
  // A message names its document first; one naming none (about the schema itself) concerns them all.
  return names.map((name) =>
    result.errors
      .map((error) => error.rawMessage)
      .filter((message) => new RegExp(`^(?!document-\\d+\\.xml)|^${name.replace('.', '\\.')}[: ]`).test(message))
      .map((message) => `schema: ${message}`),
  )
}

// ---------------------------------------------------------------------------------------------
// Codes
// ---------------------------------------------------------------------------------------------

/** One line of codelists/mapping.xml: where the codes are, and when the codelist applies. */
interface Mapping {
  readonly path: string
  /** The elements the path leads to in a document, from its root. */
  readonly elements: (root: XmlNode) => XmlNode[]
  /** The attribute holding the code; null: the element's text. */
  readonly attribute: string | null
  readonly codelist: string
  readonly applies: (node: XmlNode) => boolean
}

/**
 * A mapping's condition, of the two forms mapping.xml uses (`@vocabulary = '2'`, and
 * `@vocabulary = '1' or not(@vocabulary)`); any other form is refused, so no code goes unchecked
 * because a condition was misread.
 */
export function conditionOf(condition: string | undefined): (node: XmlNode) => boolean {
  if (condition === undefined) return () => true
  const terms = condition.split(' or ').map((term) => {
    const equals = /^@([\w-]+) = '([^']*)'$/.exec(term)
    if (equals !== null) return (node: XmlNode) => node.attributes[equals[1]!] === equals[2]
    const absent = /^not\(@([\w-]+)\)$/.exec(term)
    if (absent !== null) return (node: XmlNode) => node.attributes[absent[1]!] === undefined
    throw new Error(`the codelist mapping's condition ${condition} is of a form this check does not read`)
  })
  return (node) => terms.some((term) => term(node))
}

let mappings: readonly Mapping[] | undefined

/** Where a mapping's path (`//iati-activity/result/@type`, `//iati-activities/@version`, `//@xml:lang`) leads from a document's root; null for another kind of document's. */
function elementsOf(start: string | undefined, steps: readonly string[]): ((root: XmlNode) => XmlNode[]) | null {
  const below = (nodes: XmlNode[]) => (steps.length === 0 ? nodes : nodes.flatMap((node) => select(node, steps.join('/'))))
  switch (start) {
    case '':
      return (root) => [root, ...descendants(root)]
    case 'iati-activities':
      return (root) => below([root])
    case 'iati-activity':
      return (root) => below(childrenOf(root, 'iati-activity'))
    default:
      return null
  }
}

/** The mappings of activity documents (organisation documents are not written here). */
function codelistMappings(): readonly Mapping[] {
  mappings ??= childrenOf(parseXml(standard('codelists/mapping.xml')), 'mapping').flatMap((mapping) => {
    const path = childrenOf(mapping, 'path')[0]!.text
    const parts = path.replace(/^\/\//, '').split('/')
    const last = parts.pop()!
    // `//@xml:lang`: the attribute on any element.
    const [start, ...steps] = parts.length === 0 ? [''] : parts
    const elements = elementsOf(start, steps)
    if (elements === null) return []
    return [
      {
        path,
        elements,
        attribute: last === 'text()' ? null : last.slice(1),
        codelist: childrenOf(mapping, 'codelist')[0]!.attributes.ref!,
        applies: conditionOf(childrenOf(mapping, 'condition')[0]?.text),
      },
    ]
  })
  return mappings
}

const codelists = new Map<string, ReadonlySet<string> | null>()

/** The active codes of a codelist; null when the standards folder does not hold it. */
export function codesOf(name: string): ReadonlySet<string> | null {
  if (!codelists.has(name)) {
    const file = `codelists/${name}.xml`
    const items = existsSync(`${iatiStandards}${file}`)
      ? descendants(parseXml(standard(file))).filter((node) => node.name === 'codelist-item')
      : null
    codelists.set(
      name,
      items && new Set(items.filter((item) => item.attributes.status !== 'withdrawn').map((item) => childrenOf(item, 'code')[0]!.text)),
    )
  }
  return codelists.get(name)!
}

/** Every attribute (or text) a mapping ties to a codelist that holds no active code of it. */
export function codeProblems(root: XmlNode): string[] {
  return codelistMappings().flatMap(({ path, elements, attribute, codelist, applies }) => {
    return elements(root)
      .filter(applies)
      .flatMap((node) => {
        const code = attribute === null ? node.text : node.attributes[attribute]
        if (code === undefined) return []
        const codes = codesOf(codelist)
        if (codes === null)
          return [`codelist: ${path} holds ${code}, and the codelist ${codelist} is not in the standards folder to check it`]
        return codes.has(code) ? [] : [`codelist: ${path} holds ${code}, which is not an active code of ${codelist}`]
      })
  })
}

// ---------------------------------------------------------------------------------------------
// Rules of the IATI standard ruleset (rule ids as the IATI validator gives them)
// ---------------------------------------------------------------------------------------------

const dayMs = 86_400_000
const daysBetween = (start: string, end: string): number => (Date.parse(end) - Date.parse(start)) / dayMs
/** The date of a required child (`period-start`, `transaction-date`): the schema was checked first. */
const dateOf = (node: XmlNode, name: string): string => childrenOf(node, name)[0]!.attributes['iso-date']!

/** Several sectors of one vocabulary each carry a percentage, adding up to 100; a single one none or 100. */
function sectorProblems(activity: XmlNode): string[] {
  const byVocabulary = new Map<string, XmlNode[]>()
  for (const sector of childrenOf(activity, 'sector')) {
    const vocabulary = sector.attributes.vocabulary ?? '1'
    byVocabulary.set(vocabulary, [...(byVocabulary.get(vocabulary) ?? []), sector])
  }
  return [...byVocabulary].flatMap(([vocabulary, sectors]) => {
    const percentages = sectors.map((sector) => sector.attributes.percentage)
    if (sectors.length === 1)
      return percentages[0] === undefined || Number(percentages[0]) === 100
        ? []
        : [`rule 2.1.4: the single sector of vocabulary ${vocabulary} is not 100 %`]
    if (percentages.includes(undefined)) return [`rule 2.1.1: sectors of vocabulary ${vocabulary} without a percentage`]
    const total = percentages.reduce((sum, percentage) => sum + Number(percentage), 0)
    return Math.abs(total - 100) < 1e-9 ? [] : [`rule 2.1.2: the sectors of vocabulary ${vocabulary} add up to ${total} %, not 100`]
  })
}

/** Baselines, targets and actuals of measures 1–4 have a value; those of qualitative indicators (5) none. */
function valueProblems(indicator: XmlNode): string[] {
  const measure = indicator.attributes.measure
  const figures: [string, string][] = [
    ['baseline', '8.8'],
    ['period/target', '8.9'],
    ['period/actual', '8.10'],
  ]
  return figures.flatMap(([path, rule]) =>
    select(indicator, path).flatMap((figure) => {
      const value = figure.attributes.value
      if (measure === '5') return value === undefined ? [] : [`rule ${rule}.3: a ${path} of a qualitative indicator has a value`]
      return value === undefined ? [`rule ${rule}.1: a ${path} of an indicator of measure ${measure} has no value`] : []
    }),
  )
}

/** The ruleset's rules for one activity; `today` is the date the document was generated. */
function activityRuleProblems(activity: XmlNode, today: string): string[] {
  const problems: string[] = []
  const fail = (rule: string, message: string) => problems.push(`rule ${rule}: ${message}`)
  const identifier = childrenOf(activity, 'iati-identifier')[0]!.text
  const reporter = childrenOf(activity, 'reporting-org')[0]!.attributes.ref!
  if (identifier === reporter) fail('1.1.3', `the identifier ${identifier} is the reporting organisation's`)
  if (!identifier.startsWith(`${reporter}-`)) fail('1.1.21', `${identifier} does not begin with ${reporter}-`)
  for (const id of [identifier, reporter, ...childrenOf(activity, 'participating-org').map((org) => org.attributes.ref ?? '')]) {
    if (/[/&|?]/.test(id)) fail('1.3.13', `${id} holds / & | or ?`)
  }
  if (
    activity.attributes['xml:lang'] === undefined &&
    descendants(activity).some((node) => node.name === 'narrative' && node.attributes['xml:lang'] === undefined)
  ) {
    fail('4.1.1', 'a narrative has no language, and the activity no default one')
  }
  if (!childrenOf(activity, 'activity-date').some((date) => ['1', '2'].includes(date.attributes.type!))) fail('6.11.1', 'no start date')
  const values = [
    ...select(activity, 'budget/value'),
    ...select(activity, 'transaction/value'),
    ...select(activity, 'planned-disbursement/value'),
  ]
  if (activity.attributes['default-currency'] === undefined && values.some((value) => value.attributes.currency === undefined)) {
    fail('7.8.1', 'a value has no currency, and the activity no default one')
  }
  const countries = childrenOf(activity, 'recipient-country')
  if (countries.length === 0 && childrenOf(activity, 'recipient-region').length === 0) fail('3.7.1', 'no recipient country or region')
  if (countries.length === 1 && ![undefined, '100'].includes(countries[0]!.attributes.percentage))
    fail('3.1.4', 'a single recipient country below 100 %')
  problems.push(...sectorProblems(activity))
  const transactions = childrenOf(activity, 'transaction')
  const sectored = transactions.filter((transaction) => childrenOf(transaction, 'sector').length > 0)
  if (childrenOf(activity, 'sector').length === 0 && (transactions.length === 0 || sectored.length < transactions.length)) {
    fail('6.2.2', 'no sector on the activity, nor on every transaction')
  }
  if (childrenOf(activity, 'sector').length > 0 && sectored.length > 0) fail('6.6.2', 'sectors on the activity and on transactions')
  for (const budget of childrenOf(activity, 'budget')) {
    const [start, end] = [dateOf(budget, 'period-start'), dateOf(budget, 'period-end')]
    if (!(start < end)) fail('8.6.3', `a budget from ${start} to ${end}`)
    if (daysBetween(start, end) > 365) fail('7.5.3', `a budget from ${start} to ${end} is longer than a year`)
  }
  for (const transaction of transactions) {
    const date = dateOf(transaction, 'transaction-date')
    if (date > today) fail('11.2.1', `a transaction dated ${date}, after ${today}`)
    for (const value of childrenOf(transaction, 'value')) {
      if (value.attributes['value-date']! > today) fail('11.2.2', `a value dated ${value.attributes['value-date']}, after ${today}`)
    }
  }
  for (const result of childrenOf(activity, 'result')) {
    const indicators = childrenOf(result, 'indicator')
    if (childrenOf(result, 'reference').length > 0 && indicators.some((indicator) => childrenOf(indicator, 'reference').length > 0)) {
      fail('8.11.1', 'references on a result and on its indicators')
    }
    for (const indicator of indicators) {
      problems.push(...valueProblems(indicator))
      for (const period of childrenOf(indicator, 'period')) {
        const [start, end] = [dateOf(period, 'period-start'), dateOf(period, 'period-end')]
        if (!(start < end)) fail('8.6.1', `a result period from ${start} to ${end}`)
      }
    }
  }
  return problems
}

/**
 * What the ruleset refuses in a document, activity by activity. Dates in the future are those
 * after the day the document says it was generated; without that, none is.
 */
export function ruleProblems(root: XmlNode): string[] {
  const today = root.attributes['generated-datetime']?.slice(0, 10) ?? '9999-12-31'
  return childrenOf(root, 'iati-activity').flatMap((activity) => activityRuleProblems(activity, today))
}

/** Everything the schema, the codelists and the ruleset refuse in each IATI activities document; none for a valid one. */
export async function iatiProblemsOf(documents: readonly string[]): Promise<string[][]> {
  const schema = await schemaProblemsOf(documents)
  // A document the schema refuses may not even parse: its codes and rules are checked once it is valid.
  return documents.map((xml, index) => {
    if (schema[index]!.length > 0) return schema[index]!
    const root = parseXml(xml)
    return [...codeProblems(root), ...ruleProblems(root)]
  })
}

/** Everything the schema, the codelists and the ruleset refuse in an IATI activities document; none when it is valid. */
export async function iatiProblems(xml: string): Promise<string[]> {
  return (await iatiProblemsOf([xml]))[0]!
}
