import {
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isWrappingType,
  Kind,
  OperationTypeNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql'

/** What an introspection field answers about: the schema, a type, a field, an argument… */
type SchemaElement = object

/**
 * The items an introspection field lists for one schema element: null for a single value (or
 * none), the elements otherwise. Every list the introspection types have is here; a field that
 * is not here (name, kind, description…) is a value.
 */
function listed(schema: GraphQLSchema, element: SchemaElement, field: string): readonly SchemaElement[] | undefined {
  switch (field) {
    case 'types':
      return Object.values(schema.getTypeMap())
    case 'directives':
      return schema.getDirectives()
    case 'fields':
      return isObjectType(element) || isInterfaceType(element) ? Object.values(element.getFields()) : []
    case 'inputFields':
      return isInputObjectType(element) ? Object.values(element.getFields()) : []
    case 'interfaces':
      return isObjectType(element) || isInterfaceType(element) ? element.getInterfaces() : []
    case 'possibleTypes':
      return isAbstractType(element) ? schema.getPossibleTypes(element) : []
    case 'enumValues':
      return isEnumType(element) ? element.getValues() : []
    case 'args':
      return (element as { args?: readonly SchemaElement[] }).args ?? []
    case 'locations':
      return (element as { locations?: readonly SchemaElement[] }).locations ?? []
    default:
      return undefined
  }
}

const rootOperations = {
  queryType: OperationTypeNode.QUERY,
  mutationType: OperationTypeNode.MUTATION,
  subscriptionType: OperationTypeNode.SUBSCRIPTION,
}

/** The one element an introspection field points to, or undefined when it names none. */
function single(schema: GraphQLSchema, element: SchemaElement, field: string): SchemaElement | undefined {
  switch (field) {
    case 'queryType':
    case 'mutationType':
    case 'subscriptionType':
      return schema.getRootType(rootOperations[field]) ?? undefined
    case 'type':
      return (element as { type?: SchemaElement }).type
    case 'ofType':
      return isWrappingType(element) ? element.ofType : undefined
    default:
      return undefined
  }
}

/**
 * The exact number of fields an introspection selection answers with, worked out from the schema
 * rather than estimated: introspection answers from the schema alone, so its size is known before
 * it runs. A selection that reaches back into members from a type reference (`fields { type {
 * ofType { fields … } } }`) grows with every level, and is counted as it grows. Each selection is
 * worked out once per schema element it meets, so counting is linear in the document times the
 * schema, however large the answer would be.
 */
export class IntrospectionCost {
  readonly #schema: GraphQLSchema
  readonly #fragment: (name: string) => FragmentDefinitionNode | null | undefined
  readonly #memo = new Map<SelectionSetNode, Map<SchemaElement, number>>()

  constructor(schema: GraphQLSchema, fragment: (name: string) => FragmentDefinitionNode | null | undefined) {
    this.#schema = schema
    this.#fragment = fragment
  }

  /** `__schema { … }` or `__type(name: …) { … }` at the root of an operation. */
  ofRootField(field: FieldNode): number {
    if (field.selectionSet === undefined) return 1
    if (field.name.value === '__schema') return 1 + this.#cost(field.selectionSet, this.#schema)
    const name = field.arguments?.find((argument) => argument.name.value === 'name')?.value
    const type = name?.kind === Kind.STRING ? this.#schema.getType(name.value) : undefined
    // A name passed in a variable is not known yet: the largest type counts.
    const candidates = type ? [type] : name?.kind === Kind.STRING ? [] : Object.values(this.#schema.getTypeMap())
    return 1 + Math.max(0, ...candidates.map((candidate) => this.#cost(field.selectionSet!, candidate)))
  }

  #cost(selectionSet: SelectionSetNode, element: SchemaElement): number {
    let byElement = this.#memo.get(selectionSet)
    if (byElement === undefined) {
      byElement = new Map()
      this.#memo.set(selectionSet, byElement)
    }
    const known = byElement.get(element)
    if (known !== undefined) return known
    // A fragment that spreads itself (refused by NoFragmentCycles) counts nothing the second time.
    byElement.set(element, 0)
    let total = 0
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) total += this.#field(selection, element)
      else if (selection.kind === Kind.INLINE_FRAGMENT) total += this.#cost(selection.selectionSet, element)
      else {
        const fragment = this.#fragment(selection.name.value)
        if (fragment) total += this.#cost(fragment.selectionSet, element)
      }
    }
    byElement.set(element, total)
    return total
  }

  #field(field: FieldNode, element: SchemaElement): number {
    const name = field.name.value
    const items = listed(this.#schema, element, name)
    if (field.selectionSet === undefined) return 1 + (items?.length ?? 0)
    if (items !== undefined) return items.reduce((total: number, item) => total + this.#cost(field.selectionSet!, item), 1)
    const target = single(this.#schema, element, name)
    return target === undefined ? 1 : 1 + this.#cost(field.selectionSet, target)
  }
}
