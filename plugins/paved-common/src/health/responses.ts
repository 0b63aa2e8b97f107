import type { ApiLatencySummary } from './latency';
import type { ClusterHealthSummary } from './clusterHealth';
import type { ComponentHealthSummary } from './componentHealth';

/*
 * The envelopes of Paved's health routes, shared by the backend that builds
 * them and the frontend that reads them.
 */

/** Why one cluster could not answer; shown beside the other clusters' data. */
export interface ClusterError {
  name: string;
  message: string;
  /** HTTP status from the Kubernetes backend or the cluster, if any. */
  statusCode?: number;
}

/** One cluster's answer: its data, or why there is none. */
export type ClusterResult<T> =
  | { cluster: string; ok: true; health: T; apiLatency?: ApiLatencySummary }
  | {
      cluster: string;
      ok: false;
      error: ClusterError;
      apiLatency?: ApiLatencySummary;
    };

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
