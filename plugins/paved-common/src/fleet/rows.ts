import { ANNOTATION_TIER } from '../tenancy/annotations';
import type { ClusterHealthSummary } from '../health/clusterHealth';
import type { SchedulingLatencySummary } from '../health/schedulingLatency';
import { parseKubeVersion } from '../health/nodes';
import type { ClusterResult } from '../clusters/results';
import type { HealthSeverity } from '../health/types';
import type { TierNumber } from '../tiers/tiers';
import type {
  FleetClusterInfo,
  FleetHealth,
  FleetReadiness,
  FleetRow,
  FleetSchedulingLatency,
} from './types';

/** Names the cloud or distribution a cluster runs on (`aws`, `gke`, `kind`). */
export const ANNOTATION_CLUSTER_PROVIDER = 'paved.dev/provider';

/** Problems a fleet row lists; the cluster page has the rest. */
export const FLEET_WORST_PROBLEMS = 3;

interface EntityLike {
  metadata: {
    name: string;
    title?: string;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
}

/** The cluster's Resource ref, as the Kubernetes config names the cluster. */
export function clusterEntityRef(cluster: string): string {
  return `resource:default/${cluster.toLocaleLowerCase('en-US')}`;
}

/** Owner, tier and provider from the cluster's Resource, if the catalog has one. */
export function fleetClusterInfo(
  cluster: string,
  entity: EntityLike | undefined,
): FleetClusterInfo {
  const info: FleetClusterInfo = {
    entityRef: clusterEntityRef(cluster),
    inCatalog: Boolean(entity),
  };
  if (!entity) return info;
  const annotations = entity.metadata.annotations ?? {};
  const tier = Number(annotations[ANNOTATION_TIER]?.trim());
  const owner = entity.spec?.owner;
  const provider = annotations[ANNOTATION_CLUSTER_PROVIDER]?.trim();
  return {
    ...info,
    ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
    ...(typeof owner === 'string' && owner ? { owner } : {}),
    ...([1, 2, 3, 4, 5].includes(tier) ? { tier: tier as TierNumber } : {}),
    ...(provider ? { provider } : {}),
  };
}

/** Newest first, by major and minor, then as text. */
function compareVersionsDesc(a: string, b: string): number {
  const va = parseKubeVersion(a);
  const vb = parseKubeVersion(b);
  if (va && vb && (va.major !== vb.major || va.minor !== vb.minor)) {
    return vb.major - va.major || vb.minor - va.minor;
  }
  if (va && !vb) return -1;
  if (!va && vb) return 1;
  return b.localeCompare(a, 'en', { numeric: true });
}

/** The cluster figures of M3 and its one slowest Pod: the rest is on the cluster's page. */
export function fleetSchedulingLatencyOf(
  s: SchedulingLatencySummary,
): FleetSchedulingLatency {
  return {
    pods: s.pods,
    waiting: s.waiting,
    medianMs: s.medianMs,
    p95Ms: s.p95Ms,
    p99Ms: s.p99Ms,
    meetsTarget: s.meetsTarget,
    ...(s.slowest[0] ? { slowest: s.slowest[0] } : {}),
  };
}

/** The fleet columns of one cluster's health summary. */
export function fleetHealthOf(summary: ClusterHealthSummary): FleetHealth {
  const { nodes } = summary;
  const versions = new Set<string>();
  let maxVersionSkew = 0;
  let pressure = 0;
  for (const node of nodes.items) {
    if (node.kubeletVersion) versions.add(node.kubeletVersion);
    if (node.versionSkew !== undefined) {
      maxVersionSkew = Math.max(maxVersionSkew, Math.abs(node.versionSkew));
    }
    if (node.pressure.length > 0) pressure += 1;
  }
  const problemCounts: Record<HealthSeverity, number> = {
    critical: 0,
    warning: 0,
    info: 0,
  };
  for (const p of summary.problems) problemCounts[p.severity] += 1;
  return {
    nodes: {
      total: nodes.total,
      ready: nodes.ready,
      notReady: nodes.notReady + nodes.unknown,
      pressure,
      cordoned: nodes.cordoned,
    },
    ...(summary.controlPlaneVersion
      ? { controlPlaneVersion: summary.controlPlaneVersion }
      : {}),
    kubeletVersions: [...versions].sort(compareVersionsDesc),
    maxVersionSkew,
    requested: summary.capacity.requested,
    allocatable: summary.capacity.allocatable,
    problemCounts,
    // The health summary keeps its problems worst first already.
    worstProblems: summary.problems.slice(0, FLEET_WORST_PROBLEMS),
    ...(summary.schedulingLatency
      ? {
          schedulingLatency: fleetSchedulingLatencyOf(
            summary.schedulingLatency,
          ),
        }
      : {}),
  };
}

/** Ready, degraded (some trouble) or not ready (no node Ready, or a critical problem). */
export function fleetReadinessOf(health: FleetHealth): FleetReadiness {
  if (health.nodes.total === 0 || health.nodes.ready === 0) return 'not-ready';
  if (health.problemCounts.critical > 0) return 'not-ready';
  if (
    health.problemCounts.warning > 0 ||
    health.nodes.notReady > 0 ||
    health.nodes.pressure > 0
  ) {
    return 'degraded';
  }
  return 'ready';
}

/** A row from the catalog's view of the cluster and its health answer. */
export function fleetRowOf(
  info: FleetClusterInfo,
  result: ClusterResult<ClusterHealthSummary>,
): FleetRow {
  if (!result.ok) {
    return {
      ...info,
      cluster: result.cluster,
      readiness: 'error',
      error: result.error,
    };
  }
  const health = fleetHealthOf(result.data);
  return {
    ...info,
    cluster: result.cluster,
    readiness: fleetReadinessOf(health),
    health,
  };
}
