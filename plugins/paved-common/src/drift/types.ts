import type { ClusterError } from '../clusters/results';
import type { HealthRunbookLink } from '../health/types';

/** Which object a drift entry is about. @public */
export interface DriftObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** Who wrote a field, from the live object's `metadata.managedFields`. @public */
export interface DriftManager {
  manager: string;
  operation?: string;
  /** Set when the write went through a subresource (`status`, `scale`). */
  subresource?: string;
  time?: string;
}

/**
 * One field the desired manifest sets that the live object holds
 * differently. `live` is absent when the cluster has no value there.
 *
 * @public
 */
export interface DriftField {
  /** `spec.hard["requests.cpu"]`, `subjects[1]`, `spec.containers[name=app].image`. */
  path: string;
  desired?: unknown;
  live?: unknown;
  /** The managers that own this field in the live object (none: nobody set it). */
  managers: DriftManager[];
}

/**
 * `in-sync`: every field the manifest sets matches. `drifted`: some differ.
 * `missing`: the object is not in the cluster. `not-compared`: it could not
 * be read (`reason` says why: a Secret, a refused read, a kind the cluster
 * does not serve).
 *
 * @public
 */
export type DriftState = 'in-sync' | 'drifted' | 'missing' | 'not-compared';

/** @public */
export interface DriftObjectResult {
  object: DriftObjectRef;
  state: DriftState;
  fields: DriftField[];
  /** Fields left out because a controller owns them by design (HPA replicas, say). */
  ignored: string[];
  reason?: string;
}

/** A drifted or missing object as a problem with its runbook. @public */
export interface DriftProblem {
  id: string;
  severity: 'warning';
  reason: 'Drifted' | 'Missing';
  message: string;
  object: DriftObjectRef;
  runbook?: HealthRunbookLink;
}

/** @public */
export interface DriftCounts {
  compared: number;
  inSync: number;
  drifted: number;
  missing: number;
  notCompared: number;
}

/** What was compared on one cluster. @public */
export interface DriftSummary {
  /** What the desired manifests were rendered from. */
  source: 'tenant' | 'cluster-baseline';
  /** Only objects that are not in sync, in render order. */
  objects: DriftObjectResult[];
  counts: DriftCounts;
  problems: DriftProblem[];
  /**
   * Kinds Paved could not read back (its allow-list or the cluster refused):
   * tenant inputs they carry were not recovered, so their objects are not
   * rendered or compared.
   */
  unread?: string[];
}

/** One cluster's drift, or why there is none. @public */
export type DriftClusterResult =
  | { cluster: string; ok: true; drift: DriftSummary }
  | { cluster: string; ok: false; error: ClusterError };

/**
 * `GET /api/paved/drift/entity/:namespace/:kind/:name`. `nothingToCompare`
 * says, when set, what to annotate or configure before there is anything
 * to compare; then `clusters` is empty.
 *
 * @public
 */
export interface DriftResponse {
  entityRef: string;
  subject: 'tenant' | 'cluster-baseline' | 'none';
  nothingToCompare?: string;
  clusters: DriftClusterResult[];
}
