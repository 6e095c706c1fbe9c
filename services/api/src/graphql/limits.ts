import { TreguesiError } from '@treguesi/errors'
import {
  GraphQLError,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql'
import { defaultPageSize, maximumPageSize } from './queries/connection.js'

/**
 * How much one operation may ask for. A plan's whole tree (plan → areas → objectives →
 * sub-objectives → measures → indicators → values → breakdowns) is 11 levels deep and costs
 * about 330; every plan with its indicators' attainments about 400. Honest queries fit with room
 * to spare, while an operation that nests lists without end, pages through thousands of plans
 * at once or repeats an expensive field under many aliases is refused before anything runs.
 */
export const queryLimits = {
  depth: 15,
  complexity: 5000,
  aliases: 30,
} as const

/**
 * Written against graphql's own AST rather than taken from a library: the three measures are a
 * short walk over the operation, and owning them keeps the counting rules (what a connection
 * costs, that introspection is free) and the refusal (TRG_LIMIT_EXCEEDED with its figures) in
 * one place, instead of adapting a library's error shape and cost model to ours.
 */
export const validationRules: ValidationRule[] = [
  limitRule('depth', queryLimits.depth, (walk, operation) => walk.depth(operation.selectionSet, walk.rootType(operation))),
  limitRule('complexity', queryLimits.complexity, (walk, operation) =>
    walk.cost(operation.selectionSet, walk.rootType(operation)),
  ),
  limitRule('aliases', queryLimits.aliases, (walk, operation) => walk.aliases(operation.selectionSet)),
]

type Measure = (walk: OperationWalk, operation: OperationDefinitionNode) => number

function limitRule(limit: string, maximum: number, measure: Measure): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const actual = measure(new OperationWalk(context, operation), operation)
      if (actual > maximum) context.reportError(limitExceeded(limit, maximum, actual, operation))
    },
  })
}

/** The refusal as a GraphQL error whose cause is our TRG_LIMIT_EXCEEDED, so clients get its code. */
function limitExceeded(limit: string, maximum: number, actual: number, operation: OperationDefinitionNode): GraphQLError {
  const cause = new TreguesiError('TRG_LIMIT_EXCEEDED', { limit, maximum, actual })
  return new GraphQLError(cause.message, { nodes: operation, originalError: cause })
}

/**
 * Measures one operation, following fragment spreads. Each fragment is measured once and its
 * figure reused wherever it is spread, so a document that spreads fragments into each other many
 * times costs linear time to check; a fragment that spreads itself (refused by the standard
 * NoFragmentCycles rule, which runs alongside) counts as empty here instead of looping.
 */
class OperationWalk {
  readonly #context: ValidationContext
  readonly #variables: ReadonlyMap<string, VariableDefinitionNode>
  readonly #memo = new Map<string, number | 'in progress'>()

  constructor(context: ValidationContext, operation: OperationDefinitionNode) {
    this.#context = context
    this.#variables = new Map((operation.variableDefinitions ?? []).map((definition) => [definition.variable.name.value, definition]))
  }

  rootType(operation: OperationDefinitionNode): GraphQLNamedType | null | undefined {
    return this.#context.getSchema().getRootType(operation.operation)
  }

  /** Levels of fields below the operation; introspection is not data and does not count. */
  depth(selectionSet: SelectionSetNode, parent: GraphQLNamedType | null | undefined): number {
    return this.#fold(selectionSet, parent, 'depth', Math.max, (field, type) =>
      field.selectionSet === undefined ? 1 : 1 + this.depth(field.selectionSet, type),
    )
  }

  /**
   * Every field costs 1, and what is under a connection costs once per item of the page it asks
   * for: `plans(first: 100) { edges { node { title } } }` is 1 + 100 × 3.
   */
  cost(selectionSet: SelectionSetNode, parent: GraphQLNamedType | null | undefined): number {
    return this.#fold(selectionSet, parent, 'cost', (a, b) => a + b, (field, type, definition) => {
      if (field.selectionSet === undefined) return 1
      const page = definition?.args.some((argument) => argument.name === 'first') ? this.#pageSize(field) : 1
      return 1 + page * this.cost(field.selectionSet, type)
    })
  }

  /** Fields given an alias, counted each time the fragment they are in is spread. */
  aliases(selectionSet: SelectionSetNode): number {
    return this.#fold(selectionSet, undefined, 'aliases', (a, b) => a + b, (field) =>
      (field.alias === undefined ? 0 : 1) + (field.selectionSet === undefined ? 0 : this.aliases(field.selectionSet)),
    )
  }

  /**
   * The page a connection field asks for: `first` as written, 50 without it. A `first` given as a
   * variable counts as the largest page (200), since validation runs before variables are known.
   */
  #pageSize(field: FieldNode): number {
    const first = field.arguments?.find((argument) => argument.name.value === 'first')?.value
    if (first === undefined) return defaultPageSize
    if (first.kind === Kind.VARIABLE) return this.#variablePage(this.#variables.get(first.name.value)?.defaultValue)
    return first.kind === Kind.INT ? Number(first.value) : defaultPageSize
  }

  #variablePage(defaultValue: ValueNode | undefined): number {
    // A default only applies when the variable is not sent, and a client may send any size.
    return defaultValue?.kind === Kind.INT ? Math.max(Number(defaultValue.value), maximumPageSize) : maximumPageSize
  }

  #fold(
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType | null | undefined,
    measure: string,
    combine: (a: number, b: number) => number,
    field: (node: FieldNode, type: GraphQLNamedType | null | undefined, definition: FieldDefinition | undefined) => number,
  ): number {
    let total = 0
    for (const selection of selectionSet.selections) {
      switch (selection.kind) {
        case Kind.FIELD: {
          if (isIntrospection(selection)) break
          const definition = fieldDefinition(parent, selection.name.value)
          total = combine(total, field(selection, definition && getNamedType(definition.type), definition))
          break
        }
        case Kind.INLINE_FRAGMENT:
          total = combine(total, this.#fold(selection.selectionSet, this.#typeOf(selection.typeCondition?.name.value) ?? parent, measure, combine, field))
          break
        case Kind.FRAGMENT_SPREAD:
          total = combine(total, this.#fragment(this.#context.getFragment(selection.name.value), measure, combine, field))
          break
      }
    }
    return total
  }

  #fragment(
    fragment: FragmentDefinitionNode | null | undefined,
    measure: string,
    combine: (a: number, b: number) => number,
    field: (node: FieldNode, type: GraphQLNamedType | null | undefined, definition: FieldDefinition | undefined) => number,
  ): number {
    // An unknown fragment is reported by KnownFragmentNames.
    if (!fragment) return 0
    const key = `${measure}:${fragment.name.value}`
    const known = this.#memo.get(key)
    if (known === 'in progress') return 0
    if (known !== undefined) return known
    this.#memo.set(key, 'in progress')
    const figure = this.#fold(fragment.selectionSet, this.#typeOf(fragment.typeCondition.name.value), measure, combine, field)
    this.#memo.set(key, figure)
    return figure
  }

  #typeOf(name: string | undefined): GraphQLNamedType | undefined {
    return name === undefined ? undefined : this.#context.getSchema().getType(name) ?? undefined
  }
}

type FieldDefinition = GraphQLField<unknown, unknown>

function fieldDefinition(parent: GraphQLNamedType | null | undefined, name: string): FieldDefinition | undefined {
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined
}

/** `__schema` and `__type` answer from the schema, not the data: their cost is bounded by it. */
function isIntrospection(field: FieldNode): boolean {
  return field.name.value === '__schema' || field.name.value === '__type'
}
