export * from './types';
export {
  OpenCostApiError,
  OpenCostDataError,
  parseAllocation,
  parseAllocationResponse,
} from './parse';
export type { ParsedAllocationSet } from './parse';
export {
  aggregateWorkloads,
  COST_PARTS,
  efficiencyOf,
  isIdle,
  sanitizeLabelName,
  selectAllocation,
  shares,
  slackCostOf,
  sumConcurrent,
  sumMaybe,
  sumSequential,
  workloadCostOf,
} from './aggregate';
export type {
  CostBreakdown,
  CostPart,
  CostSelector,
  Efficiency,
  ResourceFigures,
  WorkloadCost,
} from './aggregate';
export {
  assertZone,
  COST_WINDOW_LABELS,
  COST_WINDOWS,
  CostWindowError,
  isCostWindowKind,
  localDayOf,
  monthToDate,
  openCostWindowParam,
  resolveCostWindow,
} from './windows';
export type { CostWindowKind, ResolvedCostWindow } from './windows';
export { budgetStatus, monthProgress, projectMonthEnd } from './projection';
export type { BudgetGap, BudgetStatus, MonthProgress } from './projection';
export { HOURS_PER_MONTH, rightSizing } from './rightSizing';
export type {
  ResourceAdvice,
  RightSizingAdvice,
  RightSizingOptions,
} from './rightSizing';
export { combineSummaries, coverageOf, summarizeCost } from './summary';
export type {
  CostCoverage,
  CostSummary,
  DailyCost,
  WorkloadCostLine,
} from './summary';
export {
  PAVED_COST_LABEL_READ_PERMISSION_NAME,
  PAVED_COST_READ_PERMISSION_NAME,
  pavedCostLabelReadPermission,
  pavedCostPermissions,
  pavedCostReadPermission,
} from './permissions';
export type {
  CostClusterError,
  CostClusterResult,
  CostProblem,
  CostResponse,
  CostScope,
  CostSource,
} from './responses';
export {
  ANNOTATION_COST_LABEL,
  DEFAULT_TEAM_LABEL,
  readCostLabel,
} from './costLabel';
