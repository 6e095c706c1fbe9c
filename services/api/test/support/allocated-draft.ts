import { planCommands, type PlanIds } from '@treguesi/domain/testing'

/** The ids of a draft plan's area, objective and measure, and of the measure's budget line. */
export interface DraftIds extends PlanIds {
  readonly budgetLineId: string
}

/**
 * The commands, in order, of a draft plan running from `fiscalYear` for two years, with area A,
 * objective A.1 and measure A.1.1, whose budget line of `fiscalYear` in `category` is allocated
 * in full: lines its municipality's editors and admins see and no one else does, until the plan is approved.
 */
export function allocatedDraft(
  ids: DraftIds,
  draft: { municipality: string; title: string; fiscalYear: number; category: string; amount: string },
): Record<string, unknown>[] {
  const { municipality, fiscalYear } = draft
  const plan = planCommands(ids)
  const amount = { amount: draft.amount, currency: 'ALL' }
  return [
    { ...plan.draft, municipality, kind: 'other', title: { sq: draft.title }, period: { from: fiscalYear, to: fiscalYear + 1 } },
    { ...plan.addArea, code: 'A', title: { sq: 'Fusha A' } },
    { ...plan.addObjective, level: 'strategic', code: 'A.1', title: { sq: 'Objektivi A.1' } },
    { ...plan.addMeasure, code: 'A.1.1', title: { sq: 'Masa A.1.1' } },
    plan.budgetLine(ids.budgetLineId, {
      municipality,
      fiscalYear,
      fundingSource: { kind: 'donor', name: 'UN Women' },
      categories: [draft.category],
      planned: { amount },
    }),
    { type: 'AllocateBudget', budgetLineId: ids.budgetLineId, allocated: amount, date: `${fiscalYear}-01-15` },
  ]
}
