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
  clusterEntityRef,
  fleetClusterInfo,
  fleetRowOf,
} from './rows';
export { sortFleetRows } from './sort';
export {
  PAVED_FLEET_READ_PERMISSION_NAME,
  pavedFleetPermissions,
  pavedFleetReadPermission,
} from './permissions';
