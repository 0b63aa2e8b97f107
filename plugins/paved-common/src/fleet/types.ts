import type { TierNumber } from '../tiers/tiers';
import type { HealthProblem, HealthSeverity } from '../health/types';
import type { PodSchedulingWait } from '../health/schedulingLatency';
import type { ClusterError } from '../clusters/results';
import type { ResourceAmounts } from '../health/capacity';

/** What the catalog says about a cluster (its `kubernetes-cluster` Resource). */
export interface FleetClusterInfo {
  /** `resource:default/<cluster>`: where the row links to. */
  entityRef: string;
  /** Whether that Resource exists in the catalog (for this user). */
  inCatalog: boolean;
  title?: string;
  owner?: string;
  tier?: TierNumber;
  provider?: string;
}

/** Ready nodes, and how many are in each kind of trouble. */
export interface FleetNodeCounts {
  total: number;
  ready: number;
  /** NotReady or Unknown. */
  notReady: number;
  /** Nodes under any pressure condition. */
  pressure: number;
  cordoned: number;
}

/** How a cluster is, in one word: the table's first column. */
export type FleetReadiness = 'ready' | 'degraded' | 'not-ready' | 'error';

/** A cluster's health, as the fleet table shows it. */
export interface FleetHealth {
  nodes: FleetNodeCounts;
  controlPlaneVersion?: string;
  /** Distinct kubelet versions, newest first. */
  kubeletVersions: string[];
  /** Most minor versions any kubelet differs from the control plane (absolute). */
  maxVersionSkew: number;
  requested: ResourceAmounts;
  allocatable: ResourceAmounts;
  problemCounts: Record<HealthSeverity, number>;
  /** The worst few problems, worst first. */
  worstProblems: HealthProblem[];
  /** Seed 004's M3 over the cluster's Pods; absent with no Pod to measure. */
  schedulingLatency?: FleetSchedulingLatency;
}

/** The fleet's scheduling latency column: the cluster figures and its slowest Pod. */
export interface FleetSchedulingLatency {
  pods: number;
  waiting: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  meetsTarget: boolean;
  slowest?: PodSchedulingWait;
}

/** The conformance score against the cluster's tier, or why there is none. */
export type FleetConformance =
  | { ok: true; tier: TierNumber; score: number | null; failed: number }
  | { ok: false; message: string };

/** Month-to-date cost from the cluster's OpenCost, or why there is none. */
export type FleetCost =
  | { ok: true; monthToDate: number | null; currency: string }
  | { ok: false; message: string; problem?: string };

/** One row of the fleet page. */
export interface FleetRow extends FleetClusterInfo {
  cluster: string;
  readiness: FleetReadiness;
  /** Present when the cluster answered. */
  health?: FleetHealth;
  /** Present when it did not: the same envelope as the health route's. */
  error?: ClusterError;
  /** Absent when the cluster declares no tier. */
  conformance?: FleetConformance;
  /** Absent when the user may not read cost or OpenCost is not configured. */
  cost?: FleetCost;
}

/** `GET /api/paved/fleet`. */
export interface FleetResponse {
  /** Worst first. */
  clusters: FleetRow[];
}
