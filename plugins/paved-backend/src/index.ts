/**
 * Paved's backend plugin: cluster and component health from live clusters,
 * reached through the Backstage Kubernetes backend on behalf of the user.
 *
 * @packageDocumentation
 */
export { pavedPlugin as default } from './plugin';
export type {
  ComponentHealthResponse,
  ClusterHealthResponse,
} from './service/health/HealthService';
export type { ClusterResult } from './service/clusters/fanOut';
export type { ClusterError } from './service/clusters/errors';
export type {
  ClusterConformanceResult,
  ConformanceResponse,
} from './service/conformance/ConformanceService';
