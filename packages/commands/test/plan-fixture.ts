import { randomUUID } from 'node:crypto'
import { planCommands } from '@treguesi/domain/testing'

/** The commands of an editor of Elbasan, at a fixed business time. */
export const context = (commandId: string = randomUUID()) => ({
  commandId,
  actor: { id: 'editor-elb', role: 'editor', municipality: 'ELB' },
  occurredAt: '2024-02-01T09:00:00+01:00',
})

/** The commands of a reviewer of Elbasan, who returns, approves and reopens what the editors submit. */
export const reviewerContext = (commandId: string = randomUUID()) => ({
  ...context(commandId),
  actor: { id: 'reviewer-elb', role: 'reviewer', municipality: 'ELB' },
})

/**
 * A registered municipality and a plan of 2024–2027 with one area, objective and measure, as
 * commands to run in order; `define` and `budgetLine` give an indicator and a budget line of
 * that measure, each with a new id unless the changes name one.
 */
export function planFixture() {
  const ids = { planId: randomUUID(), areaId: randomUUID(), objectiveId: randomUUID(), measureId: randomUUID() }
  const { register, draft, structure, define, budgetLine } = planCommands(ids)
  return {
    ...ids,
    register,
    draft,
    structure,
    define: (changes: object = {}) => define(randomUUID(), changes),
    budgetLine: (changes: object = {}) => budgetLine(randomUUID(), changes),
  }
}
