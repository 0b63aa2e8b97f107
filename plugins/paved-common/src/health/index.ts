export type {
  HealthObjectRef,
  HealthOptions,
  HealthProblem,
  HealthRunbookLink,
  HealthSeverity,
  HealthSignal,
  KubeObject,
  KubeObjectMeta,
  KubeCondition,
  KubeContainerState,
  KubeContainerStatus,
} from './types';
export { HEALTH_SLIS } from './slis';
export type { ContainerRestartRate, UninspectedPodRow } from './pods';
export type { WorkloadAvailability } from './workloads';
export {
  createComponentHealthAccumulator,
  summarizeComponentHealth,
} from './componentHealth';
export type {
  ComponentHealthAccumulator,
  ComponentHealthSummary,
  HealthyPodRow,
} from './componentHealth';
export { podRowVerdict, podTableColumns } from './podTable';
export type {
  PodRowFacts,
  PodRowVerdict,
  PodTableColumns,
  TableColumnDefinition,
  TableRow,
} from './podTable';
export type { NodeHealth, NodeReadiness } from './nodes';
export type { CapacitySummary, ResourceAmounts } from './capacity';
export type { WarningEventGroup } from './events';
export {
  createClusterHealthAccumulator,
  summarizeClusterHealth,
} from './clusterHealth';
export type {
  ClusterHealthAccumulator,
  ClusterHealthOptions,
  ClusterHealthSummary,
} from './clusterHealth';
export {
  PAVED_HEALTH_READ_PERMISSION_NAME,
  pavedHealthPermissions,
  pavedHealthReadPermission,
} from './permissions';
export type {
  ClusterHealthResponse,
  ComponentHealthResponse,
} from './responses';
export {
  createSchedulingLatencyAccumulator,
  SCHEDULING_LATENCY_TARGET,
  summarizeSchedulingLatency,
  withSchedulingLatency,
} from './schedulingLatency';
export type {
  PodSchedulingWait,
  SchedulingLatencyAccumulator,
  SchedulingLatencyField,
  SchedulingLatencyOptions,
  SchedulingLatencyStats,
  SchedulingLatencySummary,
  WorkloadSchedulingLatency,
} from './schedulingLatency';
