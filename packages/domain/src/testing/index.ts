export { fixedIds } from './fixed-ids.js'
export { defineIndicator, planBudgetLine, planCommands, registerMunicipality, type Attachment, type PlanIds } from './plan-commands.js'
