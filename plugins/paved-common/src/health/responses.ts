import type { ClusterResult } from '../clusters/results';
import type { ClusterHealthSummary } from './clusterHealth';
import type { ComponentHealthSummary } from './componentHealth';

/*
 * The envelopes of Paved's health routes, shared by the backend that builds
 * them and the frontend that reads them.
 */

/** `GET /api/paved/health/entity/:namespace/:kind/:name`. */
export interface ComponentHealthResponse {
  entityRef: string;
  labelSelector: string;
  namespace?: string;
  clusters: ClusterResult<ComponentHealthSummary>[];
}

/** `GET /api/paved/health/cluster/:name`. */
export interface ClusterHealthResponse {
  cluster: ClusterResult<ClusterHealthSummary>;
}
