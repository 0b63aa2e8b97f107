export {
  assertCostAlertThresholds,
  COST_ALERT_KINDS,
  costAlertConditions,
  costAlertId,
  costAlertKey,
  lastTwoWeeks,
  parseCostAlertId,
} from './alerts';
export type {
  CostAlertCondition,
  CostAlertKind,
  CostAlertThresholds,
} from './alerts';
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
export {
  PAVED_COST_ALERT_MANAGE_PERMISSION_NAME,
  pavedCostAlertManagePermission,
  pavedCostAlertPermissions,
} from './alertsPermissions';
