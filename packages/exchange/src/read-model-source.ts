import {
  budgetShareOf,
  dhis2Mapping,
  figuresOf,
  getEntry,
  indicatorEntry,
  indicatorsOfPlan,
  keyedEntriesOf,
  type BudgetsState,
  type FigureOptions,
  type NationalState,
  type PlansState,
} from '@treguesi/projections'
import type { FigureSource } from './figure-rows.js'
import type { NationalContext } from './sdmx/sdmx-observations.js'
import type { Dhis2Lookup } from './dhis2/dhis2-values.js'
import type { ExportView } from './export-formats.js'

/** What a reader of the read models may see: which plans, and how a municipality's figures are computed for it. */
export interface ReadRights {
  readonly readsPlan: (planId: string) => boolean
  readonly figureOptions: (municipality: string) => FigureOptions
}

/** The plans of the read models a reader may read, and their indicators' figures as it reads them. */
export function readModelSource(plans: PlansState, rights: ReadRights): FigureSource {
  return {
    plans: function* () {
      for (const [municipality, planIds] of Object.entries(plans.plansByMunicipality)) {
        const { country } = plans.municipalities[municipality]!
        for (const planId of planIds) if (rights.readsPlan(planId)) yield { planId, municipality, country }
      }
    },
    indicatorsOf: (planId) => indicatorsOfPlan(plans, planId),
    figures: (indicatorId, period) => {
      const entry = indicatorEntry(plans, indicatorId)
      if (entry === undefined) return null
      const options = rights.figureOptions(entry.facts.definition.municipality)
      return figuresOf(plans, indicatorId, { ...options, ...(period && { period }) })
    },
  }
}

/** What an admin reads: every plan, with budget shares computed from the budget's allocations. */
export const operatorRights = (budgets: BudgetsState): ReadRights => {
  const options: FigureOptions = { budgetShareOf: budgetShareOf(budgets) }
  return { readsPlan: () => true, figureOptions: () => options }
}

/**
 * Every plan and figure of the read models as an admin reads them (drafts, figures before
 * approval, small counts): the exports of an operator, who holds the log itself.
 */
export function operatorSource(plans: PlansState, budgets: BudgetsState): FigureSource {
  return readModelSource(plans, operatorRights(budgets))
}

/** What the national read model says of figures beyond a plan's: which one counts, and the codes. */
export function nationalContext(national: NationalState): NationalContext {
  return {
    positionOf: (indicatorId, period) => getEntry(national.figures, indicatorId)?.[period]?.position ?? null,
    nationalCodeOf: (indicatorId) => getEntry(national.indicators, indicatorId)?.nationalCode ?? null,
    municipalities: () => Object.keys(national.municipalities),
    nationalCodes: () => new Set([...keyedEntriesOf(national.catalogue), ...keyedEntriesOf(national.byCode)].map(([code]) => code)),
  }
}

/** The admins' DHIS2 mapping, as the DHIS2 exports look it up. */
export function dhis2Lookup(national: NationalState): Dhis2Lookup {
  const mapping = dhis2Mapping(national)
  return { targetOf: mapping.dataElementOf, orgUnitOf: mapping.orgUnitOf, comboOf: mapping.comboOf }
}

/** A municipality's IATI organisation identifier, as the admins set it; null while it has none. */
export const iatiIdentifierOf =
  (plans: PlansState) =>
  (municipality: string): string | null =>
    plans.municipalities[municipality]?.iatiIdentifier ?? null

/**
 * The read models as an export reads them: `figures` and `iati` as its caller may, the rest as
 * the national read model holds it.
 */
export const exportView = (readable: Pick<ExportView, 'figures' | 'iati'>, national: NationalState): ExportView => ({
  ...readable,
  national: nationalContext(national),
  dhis2: dhis2Lookup(national),
})
