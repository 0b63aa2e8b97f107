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
export {
  PROBLEM_WAITING_REASONS,
  phaseOfRowStatus,
  podRowSignals,
  podSignals,
} from './pods';
export type {
  ContainerRestartRate,
  PodSignals,
  UninspectedPodRow,
} from './pods';
export { workloadAvailability, workloadProblems } from './workloads';
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
export {
  parseAgeCell,
  parseReadyCell,
  parseRestartsCell,
  podRowVerdict,
  podTableColumns,
} from './podTable';
export type {
  PodRowFacts,
  PodRowVerdict,
  PodTableColumns,
  TableColumnDefinition,
  TableRow,
} from './podTable';
export {
  NODE_PRESSURE_CONDITIONS,
  nodeSignals,
  parseKubeVersion,
} from './nodes';
export type { NodeHealth, NodeReadiness } from './nodes';
export { podRequests } from './capacity';
export type { CapacitySummary, ResourceAmounts } from './capacity';
export { WarningEventGrouper } from './events';
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
  podSchedulingWait,
  podWorkload,
  SCHEDULING_LATENCY_TARGET,
  schedulingLatencyStats,
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
