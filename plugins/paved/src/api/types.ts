import type {
  ConformanceSummary,
  TierNumber,
  ClusterError,
  ClusterHealthResponse,
  ClusterResult,
  ComponentHealthResponse,
} from '@paved/plugin-paved-common';

/*
 * The envelopes of Paved's health routes, defined once in
 * `@paved/plugin-paved-common` for the backend that builds them and this
 * plugin that reads them. The `Paved*` names are this plugin's public ones.
 */

/** Why one cluster could not answer. @public */
export type PavedClusterError = ClusterError;

/** One cluster's answer: its data, or why there is none. @public */
export type PavedClusterResult<T> = ClusterResult<T>;

/** `GET /api/paved/health/entity/:namespace/:kind/:name`. @public */
export type PavedComponentHealthResponse = ComponentHealthResponse;

/** `GET /api/paved/health/cluster/:name`. @public */
export type PavedClusterHealthResponse = ClusterHealthResponse;

/** One cluster's conformance: `health` holds the summary, as on every Paved route. @public */
export type PavedClusterConformanceResult = ClusterResult<ConformanceSummary>;

/** `GET /api/paved/conformance/entity/:namespace/:kind/:name`. @public */
export interface PavedConformanceResponse {
  entityRef: string;
  tier: TierNumber;
  /** `tenant`: the entity's namespaces; `cluster`: a whole cluster. */
  scope: 'tenant' | 'cluster';
  /** The tenant's namespaces, as the entity declares them. */
  namespaces?: string[];
  clusters: PavedClusterConformanceResult[];
}
