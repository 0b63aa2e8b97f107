import type { ApiLatencySummary } from './latency';

/*
 * The per-cluster envelope every Paved route shares (health, conformance,
 * cost, Crossplane, GitOps, drift, tenants): built by the backend's fan-out,
 * read by the frontend's cards.
 */

/** Why one cluster could not answer; shown beside the other clusters' data. @public */
export interface ClusterError {
  name: string;
  message: string;
  /** HTTP status from the Kubernetes backend or the cluster, if any. */
  statusCode?: number;
}

/**
 * One cluster's answer: its data, or why there is none.
 *
 * The success field was called `health` up to 0.1; read answers with
 * {@link withClusterData}, which accepts both, while a backend older than the
 * frontend may still send the old name.
 *
 * @public
 */
export type ClusterResult<T> =
  | { cluster: string; ok: true; data: T; apiLatency?: ApiLatencySummary }
  | {
      cluster: string;
      ok: false;
      error: ClusterError;
      apiLatency?: ApiLatencySummary;
    };

/**
 * Renames the legacy `health` success field of an answer from an older
 * backend to `data`, leaving current answers as they are. Frontend clients
 * call it on each cluster result they receive.
 *
 * @public
 */
export function withClusterData<T>(
  result: ClusterResult<T> | LegacyClusterResult<T>,
): ClusterResult<T> {
  if (!result.ok || 'data' in result) return result as ClusterResult<T>;
  const { health, ...rest } = result as Extract<
    LegacyClusterResult<T>,
    { ok: true }
  >;
  return { ...rest, data: health };
}

/**
 * A cluster result as backends before the `data` rename sent it.
 *
 * @public
 * @deprecated Kept while older backends are upgraded; use {@link ClusterResult}.
 */
export type LegacyClusterResult<T> =
  | { cluster: string; ok: true; health: T; apiLatency?: ApiLatencySummary }
  | Extract<ClusterResult<T>, { ok: false }>;
