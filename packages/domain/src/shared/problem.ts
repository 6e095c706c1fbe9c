import type { z } from 'zod'

/** Why a value breaks a rule, in words that follow the field's name; null when it keeps it. */
export type ProblemOf<T> = (value: T) => string | null

/**
 * A rule written as a ProblemOf, as a zod refinement: its problem becomes the issue's message,
 * so the same rule checks a command's field here and a GraphQL scalar's value in the API.
 */
export function refinement<T>(problemOf: ProblemOf<T>): (value: T, context: z.RefinementCtx<T>) => void {
  return (value, context) => {
    const problem = problemOf(value)
    if (problem !== null) context.addIssue({ code: 'custom', message: problem, input: value })
  }
}
