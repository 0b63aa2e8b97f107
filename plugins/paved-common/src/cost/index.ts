export {
  ALLOCATION_COST_FIELDS,
  ALLOCATION_OPTIONAL_FIELDS,
  ALLOCATION_USAGE_FIELDS,
} from './types';
export type {
  AllocationCostField,
  AllocationOptionalField,
  AllocationUsageField,
  MaybeNumber,
  OpenCostAllocation,
  OpenCostAllocationProperties,
  OpenCostAllocationResponse,
  OpenCostAllocationSet,
} from './types';
export {
  OpenCostApiError,
  OpenCostDataError,
  parseAllocationResponse,
} from './parse';
export type { ParsedAllocationSet } from './parse';
export {
  COST_PARTS,
  efficiencyOf,
  shares,
  slackCostOf,
  sumMaybe,
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
  CostWindowError,
  costWindowOfSlug,
  customDaysRange,
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
export { compareCosts } from './comparison';
export type { CostChange, CostComparison, WorkloadChange } from './comparison';
export { conversionNote, convertMoney } from './currency';
export type { CostConversion } from './currency';
export {
  COST_CSV_HEADER,
  COST_VIEWS,
  costTable,
  costTableCsv,
} from './costTable';
export type { CostRow, CostTable, CostViewKind } from './costTable';
export { budgetStatus, monthProgress, projectMonthEnd } from './projection';
export type { BudgetGap, BudgetStatus, MonthProgress } from './projection';
export { rightSizing } from './rightSizing';
export type {
  ResourceAdvice,
  RightSizingAdvice,
  RightSizingOptions,
} from './rightSizing';
export { combineSummaries, summarizeCost } from './summary';
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
export {
  assertCostAlertThresholds,
  COST_ALERT_KINDS,
  costAlertConditions,
  costAlertId,
  costAlertKey,
  parseCostAlertId,
} from './alerts';
export type {
  CostAlertCondition,
  CostAlertKind,
  CostAlertThresholds,
} from './alerts';
export {
  PAVED_COST_ALERT_MANAGE_PERMISSION_NAME,
  pavedCostAlertManagePermission,
  pavedCostAlertPermissions,
} from './alertsPermissions';
export {
  MAX_COST_ALERT_SNOOZE_DAYS,
  nextCostAlertAction,
  parseSnoozeUntil,
} from './alertsState';
export type {
  CostAlertAction,
  CostAlertRecord,
  CostAlertsResponse,
} from './alertsState';
