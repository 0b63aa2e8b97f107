import { withClusterData } from '@paved/plugin-paved-common';

/** A cluster result as a backend from before the `data` rename sent it. */
function isLegacyResult(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as Record<string, unknown>;
  return (
    result.ok === true &&
    typeof result.cluster === 'string' &&
    'health' in result &&
    !('data' in result)
  );
}

/**
 * An answer from Paved's backend with its per-cluster results (`clusters`,
 * or the cluster health route's single `cluster`) in today's shape: an
 * older backend's `health` success field becomes `data`. Other answers pass
 * as they are. Every client's reads go through it while older backends are
 * upgraded.
 */
export function withCurrentClusterResults<T>(body: T): T {
  if (typeof body !== 'object' || body === null) return body;
  const answer = body as Record<string, unknown>;
  let current = answer;
  const { clusters, cluster } = answer;
  if (Array.isArray(clusters) && clusters.some(isLegacyResult)) {
    current = {
      ...current,
      clusters: clusters.map(r => (isLegacyResult(r) ? withClusterData(r) : r)),
    };
  }
  if (isLegacyResult(cluster)) {
    current = { ...current, cluster: withClusterData(cluster as never) };
  }
  return current as T;
}
