export type {
  DriftClusterResult,
  DriftCounts,
  DriftField,
  DriftManager,
  DriftObjectRef,
  DriftObjectResult,
  DriftProblem,
  DriftResponse,
  DriftState,
  DriftSummary,
} from './types';
export { compareFields } from './compare';
export type { FieldDifference } from './compare';
export { formatPath } from './path';
export type { PathSegment } from './path';
export { managersOf } from './managers';
export { hpaTargetsOf, ignoredBecause, scaleTargetKey } from './ignore';
export type { IgnoreContext } from './ignore';
export {
  DRIFT_RUNBOOK,
  driftObjectName,
  driftProblem,
  driftRefOf,
  driftSummary,
  notCompared,
  objectDrift,
} from './drift';
export type { DesiredObject } from './drift';
export {
  PAVED_DRIFT_READ_PERMISSION_NAME,
  pavedDriftPermissions,
  pavedDriftReadPermission,
} from './permissions';
