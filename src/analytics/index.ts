export { importContent, importReliantLinks, DEFAULT_THRESHOLD, type ImportContentReport, type ImportReliantLink, type Contribution, type ForeignSupplier } from './import-content.js';
export { disruption, chokepoints, type DisruptionScenario, type DisruptionReport, type SolveOptions, type ItemLoss, type Chokepoint } from './disruption.js';
export { chainBalance, type BalanceRow, type BalanceQuery } from './chain-balance.js';
export { parallelWork, type ParallelWork } from './parallel-work.js';
export { UnknownNodeError } from './errors.js';
export { valueFlows, DEFAULT_MIN_SHARE, type ValueFlowsReport, type FlowNode, type FlowMember, type FlowLink, type FlowDetail, type FlowNodeRole } from './value-flows.js';
export {
  CurrencyModel,
  importBills,
  localizationImpact,
  localizationPlan,
  importContentAfter,
  DEFAULT_PLAN_STATUSES,
  type ImportBill,
  type ProjectImpact,
  type ItemImpact,
  type LocalizationPlan,
  type PlanOptions,
  type PlanStep,
  type PlanSkip,
  type PlanItemEffect,
  type SkipReason,
  type ContentAfter,
  type CurrencyAssumption,
  type ForeignOrigin,
} from './currency.js';
export { optimalPlan, type OptimalPlan, type OptimalPlanOptions, type PlannedProject, type PlannedItem, type OptimalSkip, type PlanDifference } from './optimal-plan.js';
export { localizationSchedule, type LocalizationSchedule, type ScheduleOptions, type ScheduleYear, type ScheduledProject } from './schedule.js';
export { solveMip, type MipStatus, type MipResult, type MipProblem } from './mip.js';
