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
  calendarWindow,
  COST_WINDOW_LABELS,
  COST_WINDOW_MENU,
  COST_WINDOW_SLUGS,
  COST_WINDOWS,
  costWindowOfSlug,
  CostWindowError,
  customDaysRange,
  isCostWindowKind,
  localDayOf,
  monthToDate,
  openCostWindowParam,
  previousCostWindow,
  resolveCostRange,
  resolveCostWindow,
} from './windows';
export type {
  CalendarUnit,
  CostWindowKind,
  ResolvedCostWindow,
} from './windows';
export { compareCosts, costChange } from './comparison';
export type { CostChange, CostComparison, WorkloadChange } from './comparison';
export { conversionNote, convertMoney, roundMoney } from './currency';
export type { CostConversion } from './currency';
export { csvField, toCsv } from './csv';
export {
  CARD_WORKLOAD_CHANGES,
  COST_CSV_HEADER,
  COST_PART_LABELS,
  COST_VIEWS,
  costTable,
  costTableCsv,
  cumulative,
  SHOWN_COST_PARTS,
} from './costTable';
export type { CostRow, CostTable, CostViewKind } from './costTable';
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
