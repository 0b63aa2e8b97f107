import { RootConfigService } from '@backstage/backend-plugin-api';

export interface HealthServiceOptions {
  clusterTimeoutMs: number;
  pageSize: number;
  cacheTtlMs: number;
}

const DEFAULT_CLUSTER_TIMEOUT_MS = 10_000;
const DEFAULT_PAGE_SIZE = 500;
const DEFAULT_CACHE_TTL_MS = 10_000;

/** Milliseconds, or a duration object such as `{ seconds: 10 }`. */
function readDurationMs(
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
  return { clusterTimeoutMs, pageSize, cacheTtlMs };
}
