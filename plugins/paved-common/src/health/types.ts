/**
 * Structural types for the parts of Kubernetes objects the health signals
 * read. They are deliberately partial and all-optional: the signals must cope
 * with whatever a cluster of any version returns, and paved-common carries no
 * Kubernetes client dependency.
 */
import type { KubeObject, KubeObjectMeta } from '../kubernetes/types';

// One object shape for reads and writes lives in kubernetes/types.ts.
export type { KubeObject, KubeObjectMeta };

/** @public */
export interface KubeCondition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/** @public */
export interface KubeContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: {
    reason?: string;
    exitCode?: number;
    message?: string;
    startedAt?: string;
    finishedAt?: string;
  };
}

/** @public */
export interface KubeContainerStatus {
  name?: string;
  restartCount?: number;
  ready?: boolean;
  state?: KubeContainerState;
  lastState?: KubeContainerState;
}

/** Where a problem was seen; never the object itself. @public */
export interface HealthObjectRef {
  kind: string;
  namespace?: string;
  name: string;
  container?: string;
}

/**
 * What a problem is about. Each maps to one seed 004 SLI or failure mode,
 * and (where one exists) to one runbook.
 *
 * @public
 */
export type HealthSignal =
  | 'workload-unavailable'
  | 'restart-rate'
  | 'pod-pending'
  | 'container-waiting'
  | 'oom-killed'
  | 'pod-evicted'
  | 'hpa-at-max'
  | 'pdb-no-disruptions'
  | 'rollout-stuck'
  | 'node-not-ready'
  | 'node-pressure'
  | 'node-cordoned'
  | 'version-skew'
  | 'warning-events';

/** @public */
export type HealthSeverity = 'critical' | 'warning' | 'info';

/** The runbook a problem links to, as a TechDocs route. @public */
export interface HealthRunbookLink {
  id: string;
  title: string;
  url: string;
}

/** @public */
export interface HealthProblem {
  /** Stable across polls: signal, object and container, no timestamps. */
  id: string;
  signal: HealthSignal;
  severity: HealthSeverity;
  /** The machine-readable reason Kubernetes reported (or Paved derived). */
  reason: string;
  /** One line for people. */
  message: string;
  object: HealthObjectRef;
  /** How often, where the signal counts (restarts, events, evictions). */
  count?: number;
  runbook?: HealthRunbookLink;
}

/** Options every summary accepts. @public */
export interface HealthOptions {
  /** The clock; tests pin it. */
  now?: Date;
  /** Entity whose TechDocs hold the runbooks (default `system:default/paved`). */
  runbookEntityRef?: string;
  /**
   * Problems listed per signal and reason (default 20); the rest are only
   * counted, so a summary stays small however many Pods fail the same way.
   */
  maxProblemsPerReason?: number;
}
