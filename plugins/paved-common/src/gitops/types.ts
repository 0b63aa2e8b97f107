import type { ClusterResult } from '../clusters/results';
import type {
  HealthObjectRef,
  HealthRunbookLink,
  HealthSeverity,
} from '../health/types';

/** The GitOps controllers Paved reads. @public */
export type GitOpsTool = 'argocd' | 'flux';

/** The kinds Paved reads, one per controller object it reports. @public */
export type GitOpsKind = 'Application' | 'Kustomization' | 'HelmRelease';

/** Whether the cluster matches what Git says, across Argo CD and Flux. @public */
export type GitOpsSync = 'Synced' | 'OutOfSync' | 'Unknown';

/** Argo CD's health words; Flux's Ready condition mapped onto them. @public */
export type GitOpsHealth =
  | 'Healthy'
  | 'Progressing'
  | 'Degraded'
  | 'Suspended'
  | 'Missing'
  | 'Unknown';

/**
 * How an object was found: an `argocd/*` annotation on the entity, the
 * entity's Kubernetes label selector on the object, a tracking label or
 * annotation on one of the entity's workloads or a tenant's namespaces, or
 * (tenants) the object deploying into or living in a tenant namespace.
 *
 * @public
 */
export type GitOpsFoundBy =
  | 'app-name'
  | 'app-selector'
  | 'entity-label'
  | 'tracking'
  | 'tenant-namespace';

/** A reference to a GitOps object, from a tracking label or an annotation. @public */
export interface GitOpsObjectRef {
  kind: GitOpsKind;
  /** Undefined where the tracking label does not say (Argo CD's instance label). */
  namespace?: string;
  name: string;
}

/** What a GitOps problem is about. @public */
export type GitOpsSignal =
  | 'gitops-out-of-sync'
  | 'gitops-degraded'
  | 'gitops-missing'
  | 'gitops-unknown'
  | 'gitops-sync-failed'
  | 'gitops-not-ready'
  | 'gitops-stalled'
  | 'gitops-suspended'
  | 'gitops-not-found';

/** A GitOps problem, shaped like Paved's health problems. @public */
export interface GitOpsProblem {
  /** Stable across polls: signal and object, no timestamps. */
  id: string;
  signal: GitOpsSignal;
  severity: HealthSeverity;
  reason: string;
  message: string;
  object: HealthObjectRef;
  runbook?: HealthRunbookLink;
}

/** One Argo CD Application, Flux Kustomization or HelmRelease, normalised. @public */
export interface GitOpsObjectStatus {
  tool: GitOpsTool;
  kind: GitOpsKind;
  namespace: string;
  name: string;
  sync: GitOpsSync;
  health: GitOpsHealth;
  /** Flux `spec.suspend`: the controller does not reconcile it. */
  suspended: boolean;
  /** The revision applied (Argo CD `status.sync.revision`, Flux `lastAppliedRevision` or the deployed chart version). */
  revision?: string;
  /** A revision tried but not applied (Flux `lastAttemptedRevision`), when it differs. */
  attemptedRevision?: string;
  /** Where the desired state comes from (repo and path, chart, or source ref). */
  source?: string;
  /** When it last synced (Argo CD's last operation) or its Ready condition last changed (Flux). */
  lastSyncTime?: string;
  /** The controller's own words: the failed operation's, a condition's, or the health message. */
  message?: string;
  foundBy: GitOpsFoundBy[];
  problems: GitOpsProblem[];
}

/** One cluster's GitOps objects for an entity. @public */
export interface GitOpsClusterSummary {
  objects: GitOpsObjectStatus[];
  /** Problems of every object, most severe first. */
  problems: GitOpsProblem[];
  /** Kinds this cluster does not serve (the controller is not installed). */
  notServed: GitOpsKind[];
}

/** What the entity says about where its GitOps objects are. @public */
export interface GitOpsEntityScope {
  /** `component`: the entity's workloads; `tenant`: the tenant's namespaces. */
  scope: 'component' | 'tenant';
  /** From `argocd/app-name` (comma-separated). */
  appNames: string[];
  /** From `argocd/app-selector`. */
  appSelector?: string;
  /** From `argocd/app-namespace`. */
  appNamespace?: string;
  /** The entity's Kubernetes label selector (components). */
  labelSelector?: string;
  /** The tenant's namespaces (tenants). */
  namespaces?: string[];
}

/** `GET /api/paved/gitops/entity/:namespace/:kind/:name`. @public */
export interface GitOpsEntityResponse extends GitOpsEntityScope {
  entityRef: string;
  /** Objects an annotation names that no cluster that answered has. */
  notFound: GitOpsObjectRef[];
  clusters: ClusterResult<GitOpsClusterSummary>[];
}
