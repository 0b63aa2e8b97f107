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
export { hpaTargetsOf } from './ignore';
export type { IgnoreContext } from './ignore';
export {
  driftObjectName,
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
