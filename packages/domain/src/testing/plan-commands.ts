/*
 * The commands that set up a plan, as a client sends them, for the tests of every package. The
 * ids come from the caller (fixed ones, or randomUUID), so that building a command stays pure;
 * `changes` replace or add fields, and a field changed to undefined is left out by the schema.
 */

/** The ids of a plan with one area, one objective in it and one measure under that. */
export interface PlanIds {
  readonly planId: string
  readonly areaId: string
  readonly objectiveId: string
  readonly measureId: string
}

/** What an indicator is attached to. */
export interface Attachment {
  readonly kind: 'objective' | 'measure'
  readonly id: string
}

/** Elbasan, registered in lekë. */
export const registerMunicipality = (changes: object = {}) => ({
  type: 'RegisterMunicipality',
  code: 'ELB',
  name: { sq: 'Bashkia Elbasan' },
  country: 'AL',
  currency: 'ALL',
  ...changes,
})

/** Elbasan's plan against domestic violence, 2024–2027. */
export const draftPlan = (planId: string, changes: object = {}) => ({
  type: 'DraftPlan',
  planId,
  municipality: 'ELB',
  kind: 'domestic-violence',
  title: { sq: 'Plani vendor për mbrojtjen nga dhuna në familje' },
  period: { from: 2024, to: 2027 },
  ...changes,
})

/** A specific objective of an area: awareness. */
export const specificObjective = (planId: string, objectiveId: string, areaId: string, changes: object = {}) => ({
  type: 'AddObjective',
  planId,
  objectiveId,
  areaId,
  level: 'specific',
  code: '1.1',
  title: { sq: 'Ndërgjegjësimi' },
  ...changes,
})

/** A measure the municipality leads alone: a yearly campaign. */
export const measureLedByBashkia = (planId: string, measureId: string, objectiveId: string, changes: object = {}) => ({
  type: 'AddMeasure',
  planId,
  measureId,
  objectiveId,
  code: '1.1.1',
  title: { sq: 'Fushata vjetore' },
  leadActors: [{ sq: 'Bashkia Elbasan' }],
  supportingActors: [],
  ...changes,
})

/** A count of participants, higher is better, reported for each period. */
export const defineIndicator = (indicatorId: string, planId: string, attachedTo: Attachment, changes: object = {}) => ({
  type: 'DefineIndicator',
  indicatorId,
  planId,
  municipality: 'ELB',
  attachedTo,
  code: '1.1.1/a',
  name: { sq: 'Numri i pjesëmarrësve' },
  unit: 'count',
  direction: 'higher-is-better',
  accumulation: 'per-period',
  ...changes,
})

/** 120,000 lekë of the local budget in 2024. */
export const planBudgetLine = (budgetLineId: string, planId: string, measureId: string, changes: object = {}) => ({
  type: 'PlanBudgetLine',
  budgetLineId,
  planId,
  measureId,
  municipality: 'ELB',
  fiscalYear: 2024,
  fundingSource: { kind: 'local-budget', name: 'Buxheti vendor' },
  planned: { amount: { amount: '120000', currency: 'ALL' } },
  ...changes,
})

/**
 * Elbasan's plan against domestic violence, 2024–2027, with one area, objective and measure:
 * `register`, `draft` and `structure` to run in order, then `define` and `budgetLine` for an
 * indicator and a budget line of that measure.
 */
export function planCommands({ planId, areaId, objectiveId, measureId }: PlanIds) {
  const draft = draftPlan(planId)
  const addArea = { type: 'AddArea', planId, areaId, code: 'I', title: { sq: 'Parandalimi' } }
  const addObjective = specificObjective(planId, objectiveId, areaId)
  const addMeasure = measureLedByBashkia(planId, measureId, objectiveId)
  return {
    register: registerMunicipality(),
    draft,
    addArea,
    addObjective,
    addMeasure,
    structure: [addArea, addObjective, addMeasure],
    define: (indicatorId: string, changes: object = {}) =>
      defineIndicator(indicatorId, planId, { kind: 'measure', id: measureId }, changes),
    budgetLine: (budgetLineId: string, changes: object = {}) => planBudgetLine(budgetLineId, planId, measureId, changes),
  }
}
