export { changedIatiActivities, iatiActivities, type IatiOptions } from './iati-activities.js'
export {
  operatorIatiSource,
  readModelIatiSource,
  type IatiPlan,
  type IatiPlanRef,
  type IatiReadRights,
  type IatiSource,
} from './iati-source.js'
