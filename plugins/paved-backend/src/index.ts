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
} from './service/HealthService';
export type { ClusterResult } from './service/fanOut';
export type { ClusterError } from './service/errors';
export type {
  ClusterConformanceResult,
  ConformanceResponse,
} from './service/ConformanceService';
