import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/** How every feature reads clusters: `paved.clusterAccess`, plus `paved.health.inspectPods`. */
export interface ClusterReadOptions {
  clusterTimeoutMs: number;
  pageSize: number;
  cacheTtlMs: number;
  /**
   * Running Pods that are not plainly healthy read in full per cluster and
   * STATUS; `Infinity` for every one. See `paved.health.inspectPods`.
   */
  inspectLimit: number;
}

/**
 * @deprecated Use {@link ClusterReadOptions}; the options serve every
 * feature, not health alone.
 */
export type HealthServiceOptions = ClusterReadOptions;

const DEFAULT_CLUSTER_TIMEOUT_MS = 10_000;
const DEFAULT_PAGE_SIZE = 500;
const DEFAULT_CACHE_TTL_MS = 10_000;
const DEFAULT_INSPECT_LIMIT = 2;

/** Where the cluster-read keys live now, and where they lived before. */
const CLUSTERS_KEY = 'paved.clusterAccess';
const LEGACY_KEY = 'paved.health';
const MOVED_KEYS = ['clusterTimeout', 'cacheTtl', 'pageSize'] as const;
type MovedKey = (typeof MOVED_KEYS)[number];

/**
 * A duration at `<section>.<key>`: a `HumanDuration` object such as
 * `{ seconds: 10 }`, or a string ('PT10S', '10s'), read by Backstage's
 * `readDurationFromConfig`; errors name the full key.
 */
export function readDurationMs(
  config: Config | undefined,
  key: string,
  fallback: number,
  section: string,
): number {
  const raw = config?.getOptional(key);
  if (raw === undefined || config === undefined) return fallback;
  // Plain milliseconds were the first form these keys took; existing
  // app-configs still use it, so a number stays accepted.
  if (typeof raw === 'number') return raw;
  try {
    return durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (e) {
    throw new Error(
      `${section}.${key} must be milliseconds, a duration such as { seconds: 10 } or a string such as '10s' or 'PT10S': ${
        (e as Error).message
      }`,
    );
  }
}

/**
 * For each moved key, the section to read it from: `paved.clusterAccess` when
 * set there, else the legacy `paved.health`. Says, in one warning, which
 * legacy keys were read or ignored.
 */
function sectionsOfMovedKeys(
  config: RootConfigService,
  logger: LoggerService,
): Record<MovedKey, { config?: Config; section: string }> {
  const current = config.getOptionalConfig(CLUSTERS_KEY);
  const legacy = config.getOptionalConfig(LEGACY_KEY);
  const notes: string[] = [];
  const result = {} as Record<MovedKey, { config?: Config; section: string }>;
  for (const key of MOVED_KEYS) {
    const inCurrent = current?.has(key) ?? false;
    const inLegacy = legacy?.has(key) ?? false;
    if (inLegacy && inCurrent) {
      notes.push(
        `${LEGACY_KEY}.${key} is ignored because ${CLUSTERS_KEY}.${key} is set; remove ${LEGACY_KEY}.${key}.`,
      );
    } else if (inLegacy) {
      notes.push(
        `${LEGACY_KEY}.${key} is deprecated; it was read, but move it to ${CLUSTERS_KEY}.${key}.`,
      );
    }
    result[key] =
      inLegacy && !inCurrent
        ? { config: legacy, section: LEGACY_KEY }
        : { config: current, section: CLUSTERS_KEY };
  }
  if (notes.length > 0) logger.warn(notes.join(' '));
  return result;
}

/**
 * Reads `paved.clusterAccess` (falling back to the deprecated
 * `paved.health.{clusterTimeout,cacheTtl,pageSize}`) and
 * `paved.health.inspectPods`; see config.d.ts.
 */
export function readClusterReadOptions(
  config: RootConfigService,
  logger: LoggerService,
): ClusterReadOptions {
  const at = sectionsOfMovedKeys(config, logger);
  const timeout = at.clusterTimeout;
  const clusterTimeoutMs = readDurationMs(
    timeout.config,
    'clusterTimeout',
    DEFAULT_CLUSTER_TIMEOUT_MS,
    timeout.section,
  );
  if (!(clusterTimeoutMs > 0)) {
    throw new Error(
      `${timeout.section}.clusterTimeout must be a positive duration`,
    );
  }
  const pageSize =
    at.pageSize.config?.getOptionalNumber('pageSize') ?? DEFAULT_PAGE_SIZE;
  const cacheTtlMs = readDurationMs(
    at.cacheTtl.config,
    'cacheTtl',
    DEFAULT_CACHE_TTL_MS,
    at.cacheTtl.section,
  );
  return {
    clusterTimeoutMs,
    pageSize,
    cacheTtlMs,
    inspectLimit: readInspectLimit(config.getOptionalConfig(LEGACY_KEY)),
  };
}

const SILENT: LoggerService = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child() {
    return SILENT;
  },
};

/**
 * @deprecated Use {@link readClusterReadOptions}, which takes a logger for
 * the deprecated keys' warning; without one here, it is not given.
 */
export function readHealthOptions(
  config: RootConfigService,
  logger?: LoggerService,
): ClusterReadOptions {
  return readClusterReadOptions(config, logger ?? SILENT);
}

function readInspectLimit(health: Config | undefined): number {
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
