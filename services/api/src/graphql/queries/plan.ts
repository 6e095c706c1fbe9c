import { measureStatuses, ratings, type PlanKind, type PlanStatus } from '@treguesi/domain'
import type { GraphQLContext } from '../context.js'
import type { QueryPlanArgs, QueryPlansArgs, Resolvers } from '../generated/resolvers.js'
import { fromEnum, toEnum, type AreaModel, type MeasureModel, type ObjectiveModel, type PlanModel } from '../models.js'
import { costingFor } from './budget.js'
import { consistent } from './consistency.js'
import { connectionOf } from './connection.js'
import { loadMunicipality, loadPlan } from './entities.js'
import { toFigure } from './figures.js'
import { attachedIndicators, measureBudgetLines, planBudgetLines, planIndicators, readablePlans, treeOf } from './snapshot.js'

interface PlanFilter {
  readonly municipality?: string | null | undefined
  readonly kind?: string | null | undefined
  readonly status?: string | null | undefined
}

/** Readable plans matching every filter given. */
export function plansMatching(context: GraphQLContext, { municipality, kind, status }: PlanFilter): PlanModel[] {
  const wantedKind = kind == null ? null : (fromEnum(kind) as PlanKind)
  const wantedStatus = status == null ? null : (status as PlanStatus)
  return readablePlans(context, municipality ?? undefined).filter(
    (plan) => (wantedKind === null || plan.kind === wantedKind) && (wantedStatus === null || plan.status === wantedStatus),
  )
}

const objectiveModel =
  (planId: string) =>
  (objective: Omit<ObjectiveModel, 'planId'>): ObjectiveModel => ({ ...objective, planId })

/** Every measure of an area's objectives, depth first, as the tree lists them. */
function measuresUnder(objectives: readonly Omit<ObjectiveModel, 'planId'>[], planId: string): MeasureModel[] {
  return objectives.flatMap((objective) => [
    ...objective.measures.map((measure) => ({ ...measure, planId })),
    ...measuresUnder(objective.children, planId),
  ])
}

export const planResolvers: Resolvers = {
  Query: {
    plans: consistent((args: QueryPlansArgs, context) => connectionOf(plansMatching(context, args), (plan) => plan.planId, args)),
    plan: consistent(({ id }: QueryPlanArgs, context) => loadPlan(context, id)),
  },
  Plan: {
    id: (plan) => plan.planId,
    municipalityCode: (plan) => plan.municipality.code,
    municipality: (plan, _args, context) => loadMunicipality(context, plan.municipality.code),
    kind: (plan) => toEnum(plan.kind),
    areas: (plan, _args, context): AreaModel[] => treeOf(context, plan.planId).areas.map((area) => ({ ...area, planId: plan.planId })),
    measures: (plan, _args, context) => treeOf(context, plan.planId).areas.flatMap((area) => measuresUnder(area.objectives, plan.planId)),
    indicators: (plan, _args, context) => [...planIndicators(context, plan.planId)],
    rollUp: (plan, _args, context) => treeOf(context, plan.planId).rollUp,
    budgetLines: (plan, { fiscalYear }, context) =>
      planBudgetLines(context, plan.planId).filter((line) => fiscalYear == null || line.fiscalYear === fiscalYear),
    costing: (plan, _args, context) => costingFor(context, plan.planId),
  },
  Area: {
    id: (area) => area.areaId,
    objectives: (area) => area.objectives.map(objectiveModel(area.planId)),
  },
  Objective: {
    id: (objective) => objective.objectiveId,
    parentId: (objective) => objective.parentObjectiveId ?? null,
    measures: (objective) => objective.measures.map((measure) => ({ ...measure, planId: objective.planId })),
    children: (objective) => objective.children.map(objectiveModel(objective.planId)),
    indicators: (objective) => [...objective.indicators],
  },
  Measure: {
    id: (measure) => measure.measureId,
    status: (measure) => toEnum(measure.status),
    budgetLines: (measure, _args, context) => [...measureBudgetLines(context, measure.planId, measure.measureId)],
    indicators: (measure, _args, context) => [...attachedIndicators(context, measure.planId, 'measure', measure.measureId)],
  },
  MeasureStatusChange: {
    from: (change) => toEnum(change.from),
    to: (change) => toEnum(change.to),
  },
  RollUp: {
    attainment: (rollUp) => toFigure(rollUp.attainment),
    rating: (rollUp) => toEnum(rollUp.rating),
    ratings: (rollUp) => ratings.map((rating) => ({ rating: toEnum(rating), count: rollUp.ratings[rating] })),
    measureStatuses: (rollUp) => measureStatuses.map((status) => ({ status: toEnum(status), count: rollUp.measureStatuses[status] })),
  },
}
