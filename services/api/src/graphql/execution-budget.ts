import { setImmediate as nextTurn } from 'node:timers/promises'
import { isTreguesiError, TreguesiError } from '@treguesi/errors'
import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  type GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql'

/**
 * What one answer may hold and take while it runs. The limits of ./limits.ts refuse an operation
 * by what it is likely to hold; these count what it does hold, from the read models: every object
 * and every list item, as each field is resolved.
 */
export interface ExecutionLimits {
  /** Objects and list items in one answer. */
  readonly objects: number
  /** Time from the first field resolved to the last. */
  readonly milliseconds: number
  /**
   * Objects resolved between two turns of the event loop: a large answer is built in slices, so
   * other requests (and health probes) are served in between.
   */
  readonly objectsPerTurn: number
}

/**
 * A plan's whole tree holds about 2,000 objects, a page of 200 plans with their indicators about
 * 20,000; 50,000 objects are about 5 MB of JSON.
 */
export const defaultExecutionLimits: ExecutionLimits = { objects: 50_000, milliseconds: 10_000, objectsPerTurn: 1_000 }

export const objectsLimit = 'objects in one answer'
export const timeLimit = 'execution time (ms)'

class Budget {
  objects = 0
  /** Whether some field of this execution answered with a promise. */
  pending = false
  #sinceTurn = 0
  #pause: Promise<void> | undefined
  #exceeded: TreguesiError<'TRG_LIMIT_EXCEEDED'> | undefined
  readonly #limits: ExecutionLimits
  readonly #clock: () => number
  readonly #started: number

  constructor(limits: ExecutionLimits, clock: () => number) {
    this.#limits = limits
    this.#clock = clock
    this.#started = clock()
  }

  /**
   * Counts `objects` more and refuses once the answer holds too many or has taken too long; after
   * the first refusal every field is refused at once, so the rest of the operation costs nothing.
   */
  charge(objects: number): void {
    if (this.#exceeded) throw this.#exceeded
    this.objects += objects
    this.#sinceTurn += objects
    const elapsed = Math.round(this.#clock() - this.#started)
    if (this.objects > this.#limits.objects) this.#refuse(objectsLimit, this.#limits.objects, this.objects)
    if (elapsed > this.#limits.milliseconds) this.#refuse(timeLimit, this.#limits.milliseconds, elapsed)
  }

  /**
   * The pause a field must wait for before it resolves, if any. graphql-js goes on with a
   * field's siblings while the field waits, so once this turn's slice is used up every field
   * waits for the same pause, until the next turn of the event loop: nothing of the operation
   * runs meanwhile, and other requests are served.
   */
  pause(): Promise<void> | undefined {
    if (this.#pause === undefined && this.#sinceTurn >= this.#limits.objectsPerTurn) {
      this.#sinceTurn = 0
      this.#pause = nextTurn().then(() => {
        this.#pause = undefined
      })
    }
    return this.#pause
  }

  #refuse(limit: string, maximum: number, actual: number): never {
    this.#exceeded = new TreguesiError('TRG_LIMIT_EXCEEDED', { limit, maximum, actual })
    throw this.#exceeded
  }
}

/**
 * Wraps the resolver of every field that answers an object or a list, in every type of the
 * schema but introspection's (whose answer ./limits.ts counts exactly before it runs), so each
 * execution counts what it holds against `limits`.
 *
 * One execution is told from another by its coerced variables: graphql-js makes that object
 * afresh for each execution (each query, each event of a subscription) and hands the same one to
 * every resolver of it, whereas the context of a subscription is shared by all its events.
 */
export function budgetExecution(schema: GraphQLSchema, limits: ExecutionLimits, clock: () => number = () => performance.now()): void {
  const budgets = new WeakMap<object, Budget>()
  const budgetOf = (info: GraphQLResolveInfo): Budget => {
    let budget = budgets.get(info.variableValues)
    if (budget === undefined) {
      budget = new Budget(limits, clock)
      budgets.set(info.variableValues, budget)
    }
    return budget
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue
    for (const field of Object.values(type.getFields())) {
      const nullable = getNullableType(field.type)
      if (!isListType(nullable) && !isCompositeType(getNamedType(field.type))) continue
      field.resolve = counted(field.resolve ?? defaultFieldResolver, budgetOf)
    }
  }
}

function counted(
  resolve: GraphQLFieldResolver<unknown, unknown>,
  budgetOf: (info: GraphQLResolveInfo) => Budget,
): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    const budget = budgetOf(info)
    try {
      budget.charge(1)
      const pause = budget.pause()
      const result = pause
        ? pause.then(() => {
            budget.charge(0)
            return itemsCounted(budget, resolve(source, args, context, info))
          })
        : itemsCounted(budget, resolve(source, args, context, info))
      if (result instanceof Promise) budget.pending = true
      return result
    } catch (error) {
      // graphql-js drops the promises of a list's earlier items when a later item throws, and
      // their rejections would go unhandled: once an execution has any, errors go out as rejections.
      if (budget.pending) return Promise.reject(error)
      throw error
    }
  }
}

function itemsCounted(budget: Budget, result: unknown): unknown {
  if (Array.isArray(result)) budget.charge(result.length)
  else if (result instanceof Promise) return result.then((value: unknown) => itemsCounted(budget, value))
  return result
}

/**
 * An answer cut short by its budget is no answer: the fields resolved before the cut would read
 * as a complete result with some nulls. It is answered with no data and the one refusal, once,
 * instead of once for every field that was refused after it.
 */
export function cutShort(errors: readonly GraphQLError[]): GraphQLError | undefined {
  return errors.find(
    (error) =>
      isTreguesiError(error.originalError, 'TRG_LIMIT_EXCEEDED') && [objectsLimit, timeLimit].includes(error.originalError.details.limit),
  )
}
