export type {
  FleetClusterInfo,
  FleetConformance,
  FleetCost,
  FleetHealth,
  FleetNodeCounts,
  FleetReadiness,
  FleetResponse,
  FleetRow,
  FleetSchedulingLatency,
} from './types';
export {
  ANNOTATION_CLUSTER_PROVIDER,
  FLEET_WORST_PROBLEMS,
  clusterEntityRef,
  fleetClusterInfo,
  fleetHealthOf,
  fleetReadinessOf,
  fleetRowOf,
  fleetSchedulingLatencyOf,
} from './rows';
export { compareFleetRows, sortFleetRows } from './sort';
export {
  PAVED_FLEET_READ_PERMISSION_NAME,
  pavedFleetPermissions,
  pavedFleetReadPermission,
} from './permissions';
