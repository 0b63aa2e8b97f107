import { RootConfigService } from '@backstage/backend-plugin-api';

export interface HealthServiceOptions {
  clusterTimeoutMs: number;
  pageSize: number;
  cacheTtlMs: number;
  /**
   * Running Pods that are not plainly healthy read in full per cluster and
   * STATUS; `Infinity` for every one. See `paved.health.inspectPods`.
   */
  inspectLimit: number;
}

const DEFAULT_CLUSTER_TIMEOUT_MS = 10_000;
const DEFAULT_PAGE_SIZE = 500;
const DEFAULT_CACHE_TTL_MS = 10_000;
const DEFAULT_INSPECT_LIMIT = 2;

/** Milliseconds, or a duration object such as `{ seconds: 10 }`. */
export function readDurationMs(
  config: ReturnType<RootConfigService['getOptionalConfig']>,
  key: string,
  fallback: number,
): number {
  const raw = config?.getOptional(key);
  if (raw === undefined || config === undefined) return fallback;
  if (typeof raw === 'number') return raw;
  const d = config.getConfig(key);
  return (
    (d.getOptionalNumber('minutes') ?? 0) * 60_000 +
    (d.getOptionalNumber('seconds') ?? 0) * 1000 +
    (d.getOptionalNumber('milliseconds') ?? 0)
  );
}

/** Reads `paved.health`; see config.d.ts. */
export function readHealthOptions(
  config: RootConfigService,
): HealthServiceOptions {
  const health = config.getOptionalConfig('paved.health');
  const clusterTimeoutMs = readDurationMs(
    health,
    'clusterTimeout',
    DEFAULT_CLUSTER_TIMEOUT_MS,
  );
  if (!(clusterTimeoutMs > 0)) {
    throw new Error('paved.health.clusterTimeout must be a positive duration');
  }
  const pageSize = health?.getOptionalNumber('pageSize') ?? DEFAULT_PAGE_SIZE;
  const cacheTtlMs = readDurationMs(health, 'cacheTtl', DEFAULT_CACHE_TTL_MS);
  return {
    clusterTimeoutMs,
    pageSize,
    cacheTtlMs,
    inspectLimit: readInspectLimit(health),
  };
}

function readInspectLimit(
  health: ReturnType<RootConfigService['getOptionalConfig']>,
): number {
  const raw = health?.getOptional('inspectPods');
  if (raw === undefined) return DEFAULT_INSPECT_LIMIT;
  if (raw === 'all') return Number.POSITIVE_INFINITY;
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0) return raw;
  throw new Error(
    `paved.health.inspectPods must be a whole number of Pods (0 or more) or 'all', got ${JSON.stringify(
      raw,
    )}`,
  );
}
