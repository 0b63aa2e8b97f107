export { summarizeLatencies } from './latency';
export type { ApiLatencySummary } from './latency';
export { withClusterData } from './results';
export type { ClusterError, ClusterResult, LegacyClusterResult } from './results';
