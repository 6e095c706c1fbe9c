export { fixedIds } from './fixed-ids.js'
export { forcedRebuild } from './forced-rebuild.js'
export {
  defineIndicator,
  draftPlan,
  measureLedByBashkia,
  planBudgetLine,
  planCommands,
  registerMunicipality,
  specificObjective,
  type Attachment,
  type PlanIds,
} from './plan-commands.js'
export { routeCommand } from './route-command.js'
