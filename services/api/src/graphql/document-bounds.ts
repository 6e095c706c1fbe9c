import { TreguesiError } from '@treguesi/errors'
import { Kind, Lexer, Source, TokenKind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql'

/*
 * What a document may be before graphql-js parses and validates it. Both take time that grows
 * with the document, and validation more than in proportion: its rule that fields of one name
 * can be merged compares every two of them. These bounds keep the checking of any document to a
 * few tens of milliseconds, well above what an honest client writes (GraphiQL's introspection
 * query is 183 tokens, a plan's progress page 172).
 */
export const documentBounds = {
  /** Characters of the document: refused before it is read. */
  characters: 100_000,
  /** Tokens: graphql-js stops parsing past them. */
  tokens: 10_000,
  /**
   * Braces, brackets and parentheses, one inside another. graphql-js parses nesting by recursion
   * and runs out of stack at some 2,000 levels of lists; an honest document nests a few dozen:
   * fields as deep as ./limits.ts allows, inputs a few levels.
   */
  nesting: 200,
  /**
   * Fields answering under one name in one selection set, counting those that fragments put
   * there: graphql-js compares each two of them. An honest document repeats a field when two
   * fragments ask for it; 1,000 copies of `plans { totalCount }` took 150 ms to validate.
   */
  namesakes: 10,
} as const

/** The refusal of a document past one of the bounds. */
export function documentRefused(limit: string, maximum: number, actual: number): TreguesiError<'TRG_LIMIT_EXCEEDED'> {
  return new TreguesiError('TRG_LIMIT_EXCEEDED', { limit, maximum, actual })
}

/**
 * How deeply `source` nests, read with graphql-js' own lexer (strings and comments are not
 * nesting), as far as the bounds need: 0 without reading it when it has too few openings to nest
 * too deeply; one past the bound as soon as it gets there (as the parser counts one token past
 * its bound); and no further than the parser reads, whose token bound then refuses the document.
 */
export function nestingOf(source: string): number {
  let openings = 0
  for (let index = 0; index < source.length; index++) {
    const code = source.charCodeAt(index)
    if (code === 0x7b || code === 0x5b || code === 0x28) openings++
  }
  if (openings <= documentBounds.nesting) return 0
  const lexer = new Lexer(new Source(source))
  let depth = 0
  let tokens = 0
  for (let token = lexer.advance(); token.kind !== TokenKind.EOF && ++tokens <= documentBounds.tokens; token = lexer.advance()) {
    if (token.kind === TokenKind.BRACE_L || token.kind === TokenKind.BRACKET_L || token.kind === TokenKind.PAREN_L) {
      if (++depth > documentBounds.nesting) return depth
    } else if (token.kind === TokenKind.BRACE_R || token.kind === TokenKind.BRACKET_R || token.kind === TokenKind.PAREN_R) {
      depth--
    }
  }
  return 0
}

/**
 * The most fields that answer under one name (their alias, or their name) in one selection set
 * of `document`, with the fields of the fragments spread into it, inline or named. A named
 * fragment counts once in a selection set however often it is spread there (graphql-js compares
 * it once), and is read once for the whole document; one that spreads itself (refused by
 * validation) counts as empty where it recurs.
 */
export function mostNamesakes(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  const ofFragment = new Map<string, ReadonlyMap<string, number>>()
  let most = 0

  const add = (names: Map<string, number>, name: string, count: number) => {
    const total = (names.get(name) ?? 0) + count
    names.set(name, total)
    most = Math.max(most, total)
  }
  /** Adds the fields of `selectionSet`, and of the fragments in it, to `names`; reads the sets below on their own. */
  const collect = (selectionSet: SelectionSetNode, names: Map<string, number>, spreads: Set<string>): Map<string, number> => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        add(names, (selection.alias ?? selection.name).value, 1)
        if (selection.selectionSet) collect(selection.selectionSet, new Map(), new Set())
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet, names, spreads)
      } else if (!spreads.has(selection.name.value)) {
        spreads.add(selection.name.value)
        for (const [name, count] of fragment(selection.name.value)) add(names, name, count)
      }
    }
    return names
  }
  const fragment = (name: string): ReadonlyMap<string, number> => {
    const known = ofFragment.get(name)
    if (known) return known
    ofFragment.set(name, new Map())
    const definition = fragments.get(name)
    const names = definition ? collect(definition.selectionSet, new Map(), new Set([name])) : new Map<string, number>()
    ofFragment.set(name, names)
    return names
  }

  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) collect(definition.selectionSet, new Map(), new Set())
    else if (definition.kind === Kind.FRAGMENT_DEFINITION) fragment(definition.name.value)
  }
  return most
}
