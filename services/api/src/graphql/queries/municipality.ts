import type { QueryMunicipalitiesArgs, QueryMunicipalityArgs, Resolvers } from '../generated/resolvers.js'
import { consistent } from './consistency.js'
import { connectionOf } from './connection.js'
import { loadMunicipality } from './entities.js'
import { summaryFor } from './budget.js'
import { plansMatching } from './plan.js'

export const municipalityResolvers: Resolvers = {
  Query: {
    municipalities: consistent((args: QueryMunicipalitiesArgs, context) => {
      const all = Object.values(context.models.plans.state.municipalities).sort((a, b) => (a.code < b.code ? -1 : 1))
      return connectionOf(all, (municipality) => municipality.code, args)
    }),
    municipality: consistent(({ code }: QueryMunicipalityArgs, context) => loadMunicipality(context, code)),
  },
  Municipality: {
    iatiOrganisationIdentifier: (municipality) => municipality.iatiIdentifier ?? null,
    budgetTotals: (municipality) =>
      Object.entries(municipality.budgetTotals)
        .map(([fiscalYear, total]) => ({ fiscalYear: Number(fiscalYear), total }))
        .sort((a, b) => a.fiscalYear - b.fiscalYear),
    budgetTotal: (municipality, { fiscalYear }) => municipality.budgetTotals[fiscalYear] ?? null,
    plans: (municipality, { kind, status }, context) => plansMatching(context, { municipality: municipality.code, kind, status }),
    budgetSummary: (municipality, { fiscalYear }, context) => summaryFor(context, municipality.code, fiscalYear),
  },
}
