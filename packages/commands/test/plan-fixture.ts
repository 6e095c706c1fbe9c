import { randomUUID } from 'node:crypto'

/** The commands of an editor of Elbasan, at a fixed business time. */
export const context = (commandId: string = randomUUID()) => ({
  commandId,
  actor: { id: 'editor-elb', role: 'editor', municipality: 'ELB' },
  occurredAt: '2024-02-01T09:00:00+01:00',
})

/**
 * A registered municipality and a plan of 2024–2027 with one area, objective and measure, as
 * commands to run in order; `define` and `budgetLine` give an indicator and a budget line of
 * that measure, each with a new id unless the changes name one.
 */
export function planFixture() {
  const planId = randomUUID()
  const areaId = randomUUID()
  const objectiveId = randomUUID()
  const measureId = randomUUID()
  const register = { type: 'RegisterMunicipality', code: 'ELB', name: { sq: 'Bashkia Elbasan' }, country: 'AL', currency: 'ALL' }
  const draft = {
    type: 'DraftPlan',
    planId,
    municipality: 'ELB',
    kind: 'domestic-violence',
    title: { sq: 'Plani vendor për mbrojtjen nga dhuna në familje' },
    period: { from: 2024, to: 2027 },
  }
  const structure = [
    { type: 'AddArea', planId, areaId, code: 'I', title: { sq: 'Parandalimi' } },
    { type: 'AddObjective', planId, objectiveId, areaId, level: 'specific', code: '1.1', title: { sq: 'Ndërgjegjësimi' } },
    {
      type: 'AddMeasure',
      planId,
      measureId,
      objectiveId,
      code: '1.1.1',
      title: { sq: 'Fushata vjetore' },
      leadActors: [{ sq: 'Bashkia Elbasan' }],
      supportingActors: [],
    },
  ]
  const define = (changes: object = {}) => ({
    type: 'DefineIndicator',
    indicatorId: randomUUID(),
    planId,
    municipality: 'ELB',
    attachedTo: { kind: 'measure', id: measureId },
    code: '1.1.1/a',
    name: { sq: 'Numri i pjesëmarrësve' },
    unit: 'count',
    direction: 'higher-is-better',
    accumulation: 'per-period',
    ...changes,
  })
  const budgetLine = (changes: object = {}) => ({
    type: 'PlanBudgetLine',
    budgetLineId: randomUUID(),
    planId,
    measureId,
    municipality: 'ELB',
    fiscalYear: 2024,
    fundingSource: { kind: 'local-budget', name: 'Buxheti vendor' },
    planned: { amount: { amount: '120000', currency: 'ALL' } },
    ...changes,
  })
  return { planId, areaId, objectiveId, measureId, register, draft, structure, define, budgetLine }
}
