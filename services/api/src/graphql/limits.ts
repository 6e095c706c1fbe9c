import { TreguesiError } from '@treguesi/errors'
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationTypeNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql'
import { IntrospectionCost } from './introspection-cost.js'
import { maximumPageSize } from './queries/connection.js'

/**
 * How much one operation may ask for, measured before anything runs:
 * - depth: levels of fields (a plan's whole tree is 11);
 * - complexity: the fields the answer would hold, each list counted with the size its
 *   `@listSize` directive declares (a page as asked for a connection), introspection exactly
 *   (GraphiQL's full introspection of this schema is about 12,600); a plan's whole tree with
 *   every indicator's values and history counts about 60,000;
 * - aliases: fields given another name, wherever they are (introspection included);
 * - introspection: the part of the complexity that introspection counts, twice GraphiQL's with
 *   room for the schema to grow by a third (its answer is built by graphql-js in one go, so it is
 *   kept small rather than sliced);
 * - type repetitions: how often one type recurs along a path of the answer
 *   (`indicator { plan { indicators { plan …` goes round a cycle; a plan's objectives nest three
 *   levels in the seed plans).
 * - mutations: commands in one operation. graphql-js runs a second command after the first has
 *   written, and a refusal of the second turns the whole answer into `data: null`: the client
 *   would not learn that the first was recorded. One command per request keeps every write
 *   acknowledged.
 * What an answer really holds is counted again while it runs (./execution-budget.ts).
 */
export const queryLimits = {
  depth: 15,
  complexity: 100_000,
  aliases: 30,
  typeRepetitions: 4,
  introspection: 34_000,
  mutations: 1,
} as const

/** The items a list without a `@listSize` directive is counted with. */
const unsizedList = 10

/** The variables a request sends, as sent: nothing has coerced them yet. */
export type SentVariables = Readonly<Record<string, unknown>>

/**
 * The limits as validation rules for a request that sends `variables`: a page given in a variable
 * is measured with the value sent, so a verdict belongs to the request, not to its document alone.
 * `undefined` where the variables are not at hand (a subscription's document): such a page then
 * counts as the largest.
 *
 * Written against graphql's own AST rather than taken from a library: the measures are a short
 * walk over the operation, and owning them keeps the counting rules (`@listSize`, exact
 * introspection) and the refusal (TRG_LIMIT_EXCEEDED with its figures) in one place.
 */
export function validationRulesFor(variables: SentVariables | undefined): ValidationRule[] {
  return [
    (context) => ({
      OperationDefinition(operation) {
        const walk = new OperationWalk(context.getSchema(), (name) => context.getFragment(name), operation, variables)
        const figures = figuresOf(walk)
        for (const [key, limit] of limitNames) {
          if (figures[key] > queryLimits[key]) context.reportError(limitExceeded(limit, queryLimits[key], figures[key], operation))
        }
      },
    }),
  ]
}

/** The limits where the variables are not known: a page given in a variable counts as the largest. */
export const validationRules: ValidationRule[] = validationRulesFor(undefined)

type Figures = Record<keyof typeof queryLimits, number>

/** Each limit as a refusal names it, in the order refusals are reported. */
const limitNames: ReadonlyArray<readonly [keyof typeof queryLimits, string]> = [
  ['depth', 'depth'],
  ['complexity', 'complexity'],
  ['aliases', 'aliases'],
  ['typeRepetitions', 'type repetitions'],
  ['introspection', 'introspection'],
  ['mutations', 'mutations'],
]

/** One walk over the operation serves every measure: fragments are read and remembered once. */
function figuresOf(walk: OperationWalk): Figures {
  return {
    depth: walk.depth(),
    complexity: walk.complexity(),
    aliases: walk.aliasCount(),
    typeRepetitions: walk.typeRepetitions(),
    introspection: walk.introspection(),
    mutations: walk.mutations(),
  }
}

/**
 * What each operation of a valid document measures, limit by limit: what a client can check before
 * sending it, with the variables it will send (without them, a page given in a variable counts as
 * the largest).
 */
export function measureOperations(schema: GraphQLSchema, document: DocumentNode, variables?: SentVariables): Figures[] {
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
    ),
  )
  return document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION
      ? [figuresOf(new OperationWalk(schema, (name) => fragments.get(name), definition, variables))]
      : [],
  )
}

/** The refusal as a GraphQL error whose cause is our TRG_LIMIT_EXCEEDED, so clients get its code. */
function limitExceeded(limit: string, maximum: number, actual: number, operation: OperationDefinitionNode): GraphQLError {
  const cause = new TreguesiError('TRG_LIMIT_EXCEEDED', { limit, maximum, actual })
  return new GraphQLError(cause.message, { nodes: operation, originalError: cause })
}

type FieldDefinition = GraphQLField<unknown, unknown>
type FragmentLookup = (name: string) => FragmentDefinitionNode | null | undefined
type Parent = GraphQLNamedType | null | undefined

/** A connection's page, handed from the connection field to the fields of its result that hold it. */
interface Page {
  readonly fields: readonly string[]
  readonly size: number
}

/** `@listSize` as declared on a field of the schema. */
interface ListSize {
  readonly assumedSize: number | undefined
  readonly slicingArguments: readonly string[]
  readonly sizedFields: readonly string[]
}

/** Folds one measure over a selection set: each field's figure, combined. */
interface FoldMeasure<Figure> {
  /** Names the measure, so a fragment's figure is remembered per measure (and page). */
  readonly key: string
  readonly empty: Figure
  readonly combine: (a: Figure, b: Figure) => Figure
  readonly field: (node: FieldNode, parent: Parent) => Figure
}

/**
 * Measures one operation, following fragment spreads. Each fragment is measured once and its
 * figure reused wherever it is spread, so a document that spreads fragments into each other many
 * times costs linear time to check; a fragment that spreads itself (refused by the standard
 * NoFragmentCycles rule, which runs alongside) counts as empty here instead of looping.
 */
class OperationWalk {
  readonly #schema: GraphQLSchema
  readonly #fragments: FragmentLookup
  readonly #operation: OperationDefinitionNode
  readonly #variables: ReadonlyMap<string, VariableDefinitionNode>
  readonly #sent: SentVariables | undefined
  readonly #memo = new Map<string, unknown>()
  readonly #introspection: IntrospectionCost

  constructor(schema: GraphQLSchema, fragments: FragmentLookup, operation: OperationDefinitionNode, sent: SentVariables | undefined) {
    this.#schema = schema
    this.#fragments = fragments
    this.#operation = operation
    this.#variables = new Map((operation.variableDefinitions ?? []).map((definition) => [definition.variable.name.value, definition]))
    this.#sent = sent
    this.#introspection = new IntrospectionCost(schema, fragments)
  }

  depth(): number {
    return this.#depth(this.#operation.selectionSet, this.#rootType())
  }

  complexity(): number {
    return this.#cost(this.#operation.selectionSet, this.#rootType(), null)
  }

  aliasCount(): number {
    return this.#aliases(this.#operation.selectionSet)
  }

  typeRepetitions(): number {
    return Math.max(0, ...this.#repetitions(this.#operation.selectionSet, this.#rootType()).values())
  }

  /** Introspection answers at the root of an operation only (graphql's own rules see to it). */
  introspection(): number {
    return this.#fold(this.#operation.selectionSet, this.#rootType(), {
      key: 'introspection',
      empty: 0,
      combine: (a, b) => a + b,
      field: (field) => (isIntrospection(field) ? this.#introspection.ofRootField(field) : 0),
    })
  }

  /** Commands asked for: the fields of a mutation's root, wherever fragments put them (`__typename` is no command). */
  mutations(): number {
    if (this.#operation.operation !== OperationTypeNode.MUTATION) return 0
    return this.#fold(this.#operation.selectionSet, this.#rootType(), {
      key: 'mutations',
      empty: 0,
      combine: (a, b) => a + b,
      field: (field) => (field.name.value === '__typename' ? 0 : 1),
    })
  }

  #rootType(): Parent {
    return this.#schema.getRootType(this.#operation.operation)
  }

  /** Levels of fields below the operation; introspection is not data and counts in `cost` only. */
  #depth(selectionSet: SelectionSetNode, parent: Parent): number {
    return this.#fold(selectionSet, parent, {
      key: 'depth',
      empty: 0,
      combine: Math.max,
      field: (field, parent) => {
        if (isIntrospection(field)) return 0
        return field.selectionSet === undefined ? 1 : 1 + this.#depth(field.selectionSet, namedTypeOf(parent, field))
      },
    })
  }

  /**
   * Every field costs 1 and a list its items: what is under a list counts once per item it is
   * assumed to hold, and under a connection once per item of the page it asks for:
   * `plans(first: 100) { totalCount edges { node { title { sq } } } }` is 1 + 1 + (1 + 100 × 3).
   */
  #cost(selectionSet: SelectionSetNode, parent: Parent, page: Page | null): number {
    return this.#fold(selectionSet, parent, {
      key: `cost:${page?.size}:${page?.fields.join(',')}`,
      empty: 0,
      combine: (a, b) => a + b,
      field: (field, parent) => {
        if (isIntrospection(field)) return this.#introspection.ofRootField(field)
        const definition = fieldDefinition(parent, field.name.value)
        const declared = definition && listSizeOf(definition)
        const items = page?.fields.includes(field.name.value)
          ? page.size
          : definition && isListType(getNullableType(definition.type))
            ? (declared?.assumedSize ?? unsizedList)
            : 1
        if (field.selectionSet === undefined) return 1 + (items === 1 ? 0 : items)
        const sized =
          declared && declared.sizedFields.length > 0 ? { fields: declared.sizedFields, size: this.#pageSize(field, declared) } : null
        return 1 + items * this.#cost(field.selectionSet, definition && getNamedType(definition.type), sized)
      },
    })
  }

  /** Fields given an alias, introspection's included, counted each time the fragment they are in is spread. */
  #aliases(selectionSet: SelectionSetNode): number {
    return this.#fold(selectionSet, undefined, {
      key: 'aliases',
      empty: 0,
      combine: (a, b) => a + b,
      field: (field) => (field.alias === undefined ? 0 : 1) + (field.selectionSet === undefined ? 0 : this.#aliases(field.selectionSet)),
    })
  }

  /**
   * For each type, the most times it occurs along one path below this selection: worked out from
   * the leaves up, so a fragment's figure does not depend on where it is spread.
   */
  #repetitions(selectionSet: SelectionSetNode, parent: Parent): ReadonlyMap<string, number> {
    return this.#fold(selectionSet, parent, {
      key: 'repetitions',
      empty: new Map<string, number>(),
      combine: mostOfEach,
      field: (field, parent) => {
        const type = namedTypeOf(parent, field)
        if (field.selectionSet === undefined || isIntrospection(field) || !isCompositeType(type)) return new Map<string, number>()
        const below = new Map(this.#repetitions(field.selectionSet, type))
        below.set(type.name, (below.get(type.name) ?? 0) + 1)
        return below
      },
    })
  }

  /**
   * The page a connection field asks for, never fewer items than its resolver may answer with:
   * - its slicing argument as written;
   * - given in a variable, the value the request sends, or the variable's default when it sends
   *   none; a variable neither sent nor defaulted leaves the argument out;
   * - left out or null, the field's assumed size, which is the page its resolver answers then.
   * A sent value that no page can have (a fraction, a string, past the largest page) and a
   * negative number anywhere count as the largest page: the resolver or the variables' coercion
   * refuses them once the measure has passed, so they must not have made it smaller. Where the
   * variables are not known, a variable counts as the largest page, or its default when larger.
   */
  #pageSize(field: FieldNode, declared: ListSize): number {
    const slicing = field.arguments?.find((argument) => declared.slicingArguments.includes(argument.name.value))?.value
    const assumed = declared.assumedSize ?? unsizedList
    if (slicing === undefined) return assumed
    if (slicing.kind !== Kind.VARIABLE) return writtenPage(slicing, assumed)
    const name = slicing.name.value
    const defaultValue = this.#variables.get(name)?.defaultValue
    if (this.#sent === undefined) return unknownPage(defaultValue)
    if (Object.hasOwn(this.#sent, name)) return sentPage(this.#sent[name], assumed)
    return defaultValue === undefined ? assumed : writtenPage(defaultValue, assumed)
  }

  #fold<Figure>(selectionSet: SelectionSetNode, parent: Parent, measure: FoldMeasure<Figure>): Figure {
    let total = measure.empty
    for (const selection of selectionSet.selections) {
      switch (selection.kind) {
        case Kind.FIELD:
          total = measure.combine(total, measure.field(selection, parent))
          break
        case Kind.INLINE_FRAGMENT:
          total = measure.combine(
            total,
            this.#fold(selection.selectionSet, this.#typeOf(selection.typeCondition?.name.value) ?? parent, measure),
          )
          break
        case Kind.FRAGMENT_SPREAD:
          total = measure.combine(total, this.#fragment(this.#fragments(selection.name.value), measure))
          break
      }
    }
    return total
  }

  #fragment<Figure>(fragment: FragmentDefinitionNode | null | undefined, measure: FoldMeasure<Figure>): Figure {
    // An unknown fragment is reported by KnownFragmentNames.
    if (!fragment) return measure.empty
    const key = `${measure.key}:${fragment.name.value}`
    if (this.#memo.has(key)) return this.#memo.get(key) as Figure
    this.#memo.set(key, measure.empty)
    const figure = this.#fold(fragment.selectionSet, this.#typeOf(fragment.typeCondition.name.value), measure)
    this.#memo.set(key, figure)
    return figure
  }

  #typeOf(name: string | undefined): GraphQLNamedType | undefined {
    return name === undefined ? undefined : (this.#schema.getType(name) ?? undefined)
  }
}

/** A page written in the document: null as if left out; anything else but a number is refused by graphql's own rules. */
function writtenPage(value: ValueNode, assumed: number): number {
  if (value.kind !== Kind.INT) return assumed
  const size = Number(value.value)
  return size < 0 ? maximumPageSize : size
}

/** A page sent in a variable: null as if left out. */
function sentPage(value: unknown, assumed: number): number {
  if (value === null) return assumed
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= maximumPageSize ? value : maximumPageSize
}

/** A page in a variable that may be sent with any value: its default applies only when it is not. */
function unknownPage(defaultValue: ValueNode | undefined): number {
  return defaultValue?.kind === Kind.INT ? Math.max(Number(defaultValue.value), maximumPageSize) : maximumPageSize
}

function fieldDefinition(parent: Parent, name: string): FieldDefinition | undefined {
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined
}

function namedTypeOf(parent: Parent, field: FieldNode): GraphQLNamedType | undefined {
  const definition = fieldDefinition(parent, field.name.value)
  return definition && getNamedType(definition.type)
}

function mostOfEach(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): ReadonlyMap<string, number> {
  const most = new Map(a)
  for (const [type, count] of b) most.set(type, Math.max(count, most.get(type) ?? 0))
  return most
}

// A field definition's directive never changes: read once.
const listSizes = new WeakMap<FieldDefinition, ListSize | undefined>()

function listSizeOf(definition: FieldDefinition): ListSize | undefined {
  if (listSizes.has(definition)) return listSizes.get(definition)
  const directive = definition.astNode?.directives?.find((node) => node.name.value === 'listSize')
  const argument = (name: string) => directive?.arguments?.find((node) => node.name.value === name)?.value
  const size = argument('assumedSize')
  const names = (value: ValueNode | undefined) =>
    value?.kind === Kind.LIST ? value.values.flatMap((item) => (item.kind === Kind.STRING ? [item.value] : [])) : []
  const declared = directive && {
    assumedSize: size?.kind === Kind.INT ? Number(size.value) : undefined,
    slicingArguments: names(argument('slicingArguments')),
    sizedFields: names(argument('sizedFields')),
  }
  listSizes.set(definition, declared)
  return declared
}

/** `__schema` and `__type` answer from the schema, not the data: their cost is worked out exactly. */
function isIntrospection(field: FieldNode): boolean {
  return field.name.value === '__schema' || field.name.value === '__type'
}
